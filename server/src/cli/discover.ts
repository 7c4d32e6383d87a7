/** Which files to check: the paths given, and RSP documents found in folders. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isConfigName, isRspDocument, isYamlName } from '../engine/model/kinds';

export interface Target {
  abs: string;
  display: string;
  /** The folder named on the command line under which it was found; absent when named itself. */
  root?: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);
/** Only the first bytes are read to look for `format: rsp/v1` in a plain .yaml file. */
const SNIFF_BYTES = 64 * 1024;

export class UsageError extends Error {}

/** Said when a run finds nothing to check (exit 2 unless --allow-empty). */
export const NOTHING_FOUND = 'no RSP documents found (*.rsp.yaml, *.roadmap.yaml, *.risk-report.yaml, or YAML that carries \'format: rsp/v1\' or \'format: rsp/v2\'); nothing was checked. Pass --allow-empty to accept this';

/**
 * The documents to check, and the configuration files met in the folders searched (which
 * are checked too, even where no document sits below them).
 */
export function discover(args: string[], cwd = process.cwd()): { targets: Target[]; configs: string[] } {
  const out: Target[] = [];
  const configs: string[] = [];
  const seen = new Set<string>();
  const add = (t: Target) => { if (!seen.has(t.abs)) { seen.add(t.abs); out.push(t); } };
  for (const arg of args.length ? args : ['.']) {
    const abs = path.resolve(cwd, arg);
    let st: fs.Stats;
    try { st = fs.statSync(abs); } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? `no such file or folder: ${arg}` : `cannot read ${arg}: ${code}`);
    }
    if (st.isDirectory()) {
      const found: Target[] = [];
      walk(abs, arg, found, configs);
      found.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
      for (const t of found) add({ ...t, root: abs });
    } else {
      if (isConfigName(abs)) configs.push(abs); // a configuration named explicitly is checked as one
      else add({ abs, display: arg }); // a file named explicitly is always checked
    }
  }
  return { targets: out, configs };
}

function walk(dir: string, shown: string, out: Target[], configs: string[]): void {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch (e) {
    throw new UsageError(`cannot read folder ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    const display = shown === '.' ? e.name : path.join(shown, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(abs, display, out, configs);
    } else if (isConfigName(e.name)) {
      configs.push(abs);
    } else if (e.isFile() || (e.isSymbolicLink() && isFile(abs))) {
      if (isYamlName(e.name) && isRspDocument(e.name, () => sniff(abs))) out.push({ abs, display });
    }
  }
}

function isFile(p: string): boolean {
  try { return fs.statSync(p).isFile(); } catch { return false; }
}

function sniff(p: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(p, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = fs.readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
