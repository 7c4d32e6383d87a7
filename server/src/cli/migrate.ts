/**
 * `rsp-lint migrate [--write] [paths...]` (spec v2 §0): rsp/v1 documents rewritten as rsp/v2 by
 * `engine/migrate`. Without --write, a unified diff of every file it would change; with it,
 * each changed file written atomically (`write.ts`). A file with YAML errors, one that cannot
 * be read, or one that may not be written is refused with its reason (exit 2); the others
 * still migrate.
 */
import { parseArgs } from 'node:util';
import { terminalText } from '../encode';
import { migrateText, type MigrateResult } from '../engine/migrate/migrate';
import { suffixKind } from '../engine/model/kinds';
import { decodeBytes } from '../engine/syntax/decode';
import { NodeHost } from '../engine/workspace/node-host';
import { Workspace } from '../engine/workspace/workspace';
import { discover, NOTHING_FOUND, UsageError, type Target } from './discover';
import { unifiedDiff } from './fix';
import type { CliIO } from './io';
import { documentWritePolicy, writeAtomic, WriteRefused } from './write';

export const MIGRATE_HELP = `Usage: rsp-lint migrate [--write] [paths...]

Rewrites rsp/v1 documents as rsp/v2 (the renames of spec v2 §0):
  format: rsp/v1            -> format: rsp/v2
  asl_standards: / level:   -> standards: / id:      (policy)
  asl_applied:              -> standard_applied:     (risk report assessments)
  model: X                  -> models: [X]           (risk report header)
Nothing else changes: comments, key order, quoting and layout stay byte for byte. Documents
already in rsp/v2, and YAML files that are not RSP documents, are left alone.

Paths are found as for rsp-lint itself (files, or folders searched for RSP documents); no
path means the current folder.

Options:
  --write              write the migrated files (atomically; a symbolic link only to a file
                       inside the folder named); default: print a unified diff and change nothing
  --allow-empty        exit 0 when no RSP document is found (default: exit 2)
  --help               print this help

A file with YAML errors is not migrated (fix the YAML first); the other files still are.
Exit status: 0 all went well (also when nothing needed migrating), 2 a file was refused
(YAML errors, unreadable, not writable) or a usage error.
`;

interface Planned { target: Target; before: string; after: string; bom: boolean }

export function runMigrate(argv: string[], io: CliIO): number {
  let values: Record<string, string | boolean | undefined>, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { write: { type: 'boolean' }, 'allow-empty': { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (e) {
    io.stderr(`rsp-lint migrate: ${(e as Error).message.split('\n')[0]} (see rsp-lint migrate --help)\n`);
    return 2;
  }
  if (values.help) { io.stdout(MIGRATE_HELP); return 0; }

  let targets: Target[];
  try {
    ({ targets } = discover(positionals, io.cwd));
  } catch (e) {
    if (e instanceof UsageError) { io.stderr(`rsp-lint migrate: ${e.message}\n`); return 2; }
    throw e;
  }
  if (targets.length === 0) {
    if (!values['allow-empty']) { io.stderr(`rsp-lint migrate: ${NOTHING_FOUND.replace('nothing was checked', 'nothing was migrated')}\n`); return 2; }
    io.stderr('rsp-lint migrate: no RSP documents found; nothing was migrated\n');
    return 0;
  }

  const host = new NodeHost(io.cwd);
  const ws = new Workspace(host); // for the limits of .rsp-lint.yaml only
  const planned: Planned[] = [];
  let refused = 0, v2 = 0, other = 0;
  /** `where` is the file, or the file and the line and column of the problem. */
  const refuse = (where: string, why: string) => { io.stderr(`rsp-lint migrate: not migrated: ${where}: ${why}\n`); refused++; };
  for (const t of targets) {
    const limits = ws.configFor(t.abs).limits;
    const read = host.readFile(t.abs, limits.maxFileBytes);
    if (!read.ok) { refuse(t.display, read.message.replace(`${host.display(t.abs)} `, '')); continue; }
    const bytes = read.bytes;
    if (bytes.length >= 2 && (bytes[0] === 0xff || bytes[0] === 0xfe) && (bytes[1] === 0xff || bytes[1] === 0xfe)) {
      refuse(t.display, 'it is UTF-16 text; migrate writes UTF-8 only (convert the file to UTF-8 first)');
      continue;
    }
    const decoded = decodeBytes(bytes);
    if (!decoded.ok) { refuse(`${t.display}:${decoded.line + 1}:${decoded.column + 1}`, `${decoded.message}; nothing was changed`); continue; }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const r: MigrateResult = migrateText(decoded.text, { limits, ...(suffixKind(t.abs) ? { kind: suffixKind(t.abs)! } : {}) });
    if (r.status === 'refused') {
      const p = r.problems![0]!;
      const more = r.problems!.length > 1 ? ` (and ${r.problems!.length - 1} more)` : '';
      refuse(`${t.display}:${p.line + 1}:${p.character + 1}`, `${p.message}${more}; fix it first, nothing was changed`);
      continue;
    }
    if (r.status === 'already-v2') { v2++; continue; }
    if (r.status === 'not-rsp-v1' || !r.changed) { other++; continue; }
    planned.push({ target: t, before: decoded.text, after: r.text, bom });
  }

  let written = 0;
  if (values.write) {
    for (const p of planned) {
      try {
        writeAtomic(p.target.abs, (p.bom ? '\uFEFF' : '') + p.after, documentWritePolicy(p.target.root));
        written++;
      } catch (e) {
        refuse(p.target.display, e instanceof WriteRefused ? e.message : `cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
    }
  } else {
    const diff = unifiedDiff(planned.map((p) => ({ display: p.target.display, before: p.before, after: p.after })));
    // A patch piped to a file or `git apply` stays byte-exact; on a terminal, every line is made visible.
    io.stdout(io.isTTY ? diff.split('\n').map((l) => terminalText(l)).join('\n') : diff);
  }

  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  const rest = [v2 ? `${files(v2)} already rsp/v2` : '', other ? `${files(other)} not rsp/v1` : '', refused ? `${files(refused)} refused` : ''].filter(Boolean).join(', ');
  const tail = rest ? ` (${rest})` : '';
  if (values.write) {
    io.stderr(written ? `rsp-lint migrate: migrated ${files(written)} to rsp/v2${tail}\n` : `rsp-lint migrate: nothing was migrated${tail}\n`);
  } else if (planned.length) {
    io.stderr(`rsp-lint migrate: would migrate ${files(planned.length)} to rsp/v2${tail}; run with --write to write them\n`);
  } else {
    io.stderr(`rsp-lint migrate: nothing to migrate${tail}\n`);
  }
  return refused ? 2 : 0;
}
