/**
 * `--fix` and `--fix-dry-run`: apply the safe fixes (a misspelled value, key or id with one
 * clear suggestion) and write each changed file atomically — a temporary file in the same
 * folder, flushed, then renamed over the original — so an interrupted run leaves every file
 * either as it was or fully fixed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { applySafeFixes } from '../engine/fix';
import type { Workspace } from '../engine/workspace';

const MAX_PASSES = 5;

export interface FixResult { abs: string; display: string; before: string; after: string; applied: number }

/** Fixes in memory (the workspace sees the fixed text); nothing is written here. */
export function computeFixes(ws: Workspace, targets: Array<{ abs: string; display: string }>): FixResult[] {
  const out: FixResult[] = [];
  for (const t of targets) {
    const doc = ws.load(t.abs);
    const before = doc.parsed?.text;
    if (before === undefined) continue;
    let text = before;
    let applied = 0;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const r = applySafeFixes(text, ws.analyze(t.abs));
      if (r.applied === 0 || r.text === text) break;
      applied += r.applied;
      text = r.text;
      ws.setText(t.abs, text); // the next pass, and the final report, see the fixed text
    }
    if (text !== before) out.push({ ...t, before, after: text, applied });
  }
  return out;
}

export function unifiedDiff(results: FixResult[]): string {
  return results.map((r) => createTwoFilesPatch(`a/${r.display}`, `b/${r.display}`, r.before, r.after, '', '', { context: 3 })
    .replace(/^(Index:.*\n)?=+\n/, '').replace(/^(---|\+\+\+) (.*)\t$/gm, '$1 $2')).join('');
}

let pendingTemp: string | undefined;
let guarded = false;
function guardSignals(): void {
  if (guarded) return;
  guarded = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      if (pendingTemp) try { fs.unlinkSync(pendingTemp); } catch { /* already gone */ }
      process.exit(130);
    });
  }
}

/** Writes `text` to `file` atomically, keeping its mode (or creating it). */
export function writeAtomic(file: string, text: string): void {
  guardSignals();
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.rsp-lint-${process.pid}.tmp`);
  let mode = 0o666; // a new file: the usual mode, less the umask
  try { mode = fs.statSync(file).mode & 0o7777; } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; }
  pendingTemp = tmp;
  try {
    const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, mode);
    try {
      fs.writeFileSync(fd, text, 'utf8');
      fs.fsyncSync(fd);
    } finally { fs.closeSync(fd); }
    fs.renameSync(tmp, file);
    pendingTemp = undefined;
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch { /* never created */ }
    pendingTemp = undefined;
    throw e;
  }
}
