/**
 * `rsp-lint init [--framework rsp|preparedness|fsf|minimal] [--today YYYY-MM-DD] [DIR]` (spec v2
 * §7): writes the starter policy, Frontier Safety Roadmap and first risk report of a framework
 * shape (`server/src/templates/`) into DIR (default: the current folder; created if missing).
 * It asks nothing and overwrites nothing: every target is checked first, and if any exists
 * (a file, a folder, a link — even a link to nothing) it names it and writes none (exit 2).
 * Each file is created through `write.ts` in create-only mode, so a file that appears
 * meanwhile is not replaced either.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isRealDate, localToday } from '../engine/model/dates';
import { DEFAULT_FRAMEWORK, FRAMEWORK_INFO, FRAMEWORKS, isFramework, templateFiles } from '../templates';
import { terminalText } from '../encode';
import type { CliIO } from './io';
import { AlreadyExists, writeAtomic, WriteRefused } from './write';

export const INIT_HELP = `Usage: rsp-lint init [--framework NAME] [--today YYYY-MM-DD] [DIR]

Writes a commented starter policy (policy.rsp.yaml), Frontier Safety Roadmap
(frontier-safety.roadmap.yaml) and first risk report (first.risk-report.yaml) in format rsp/v2
into DIR (default: the current folder; created if missing). They check without errors on the
day they are written: the effective date is today, goals fall due in the months ahead, and the
report covers the 90 days before today. Their comments explain the format; replace the texts
with your own.

It never overwrites: if any of the three files already exists (or a link or folder has its
name), it says which and writes nothing.

Options:
  --framework <name>   the shape of the starter (default: ${DEFAULT_FRAMEWORK}):
${FRAMEWORKS.map((f) => `                         ${f.padEnd(13)}${FRAMEWORK_INFO[f].title}`).join('\n')}
  --list               list the frameworks with a line on each
  --today <date>       the date to write from (YYYY-MM-DD); default: today
  --help               print this help

Exit status: 0 written, 2 usage error, a file already there, or an I/O error.
`;

export function runInit(argv: string[], io: CliIO): number {
  let values: Record<string, string | boolean | undefined>, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { framework: { type: 'string' }, today: { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (e) {
    io.stderr(`rsp-lint init: ${(e as Error).message.split('\n')[0]} (see rsp-lint init --help)\n`);
    return 2;
  }
  if (values.help) { io.stdout(INIT_HELP); return 0; }
  if (values.list) {
    io.stdout(FRAMEWORKS.map((f) => `${f.padEnd(13)}${FRAMEWORK_INFO[f].title}${f === DEFAULT_FRAMEWORK ? ' (default)' : ''}: ${FRAMEWORK_INFO[f].description}\n`).join(''));
    return 0;
  }
  const framework = values.framework ?? DEFAULT_FRAMEWORK;
  if (!isFramework(framework)) {
    io.stderr(`rsp-lint init: unknown framework '${String(framework)}'; use one of ${FRAMEWORKS.join(', ')} (see rsp-lint init --list)\n`);
    return 2;
  }
  const today = values.today as string | undefined;
  if (today !== undefined && !isRealDate(today)) {
    io.stderr(`rsp-lint init: --today needs a date written YYYY-MM-DD, not '${today}'\n`);
    return 2;
  }
  if (positionals.length > 1) {
    io.stderr(`rsp-lint init: give one folder to write into, not ${positionals.length}\n`);
    return 2;
  }
  const dirArg = positionals[0] ?? '.';
  const dir = path.resolve(io.cwd, dirArg);
  const shown = (name: string) => (positionals[0] === undefined ? name : path.join(dirArg, name));
  const files = templateFiles(framework, today ?? localToday());

  // Check everything before writing anything.
  let dirStat: fs.Stats | undefined;
  try { dirStat = fs.statSync(dir); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') { io.stderr(`rsp-lint init: cannot use ${dirArg}: ${code ?? (e as Error).message}\n`); return 2; }
  }
  if (dirStat && !dirStat.isDirectory()) { io.stderr(`rsp-lint init: ${dirArg} is not a folder; nothing was written\n`); return 2; }
  if (dirStat) {
    const there = files.filter((f) => { try { fs.lstatSync(path.join(dir, f.name)); return true; } catch { return false; } });
    if (there.length) {
      io.stderr(`rsp-lint init: ${shown(there[0]!.name)} already exists${there.length > 1 ? ` (and ${there.slice(1).map((f) => shown(f.name)).join(', ')})` : ''}; nothing was written (init never overwrites: move it away or choose another folder)\n`);
      return 2;
    }
  } else {
    try { fs.mkdirSync(dir, { recursive: true }); } catch (e) {
      io.stderr(`rsp-lint init: cannot create the folder ${dirArg}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
  }

  const written: string[] = [];
  for (const f of files) {
    try {
      writeAtomic(path.join(dir, f.name), f.text, { followLink: false, createOnly: true });
      written.push(shown(f.name));
    } catch (e) {
      const why = e instanceof AlreadyExists ? 'it appeared while init was writing; left as it is'
        : e instanceof WriteRefused ? e.message : (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      io.stderr(`rsp-lint init: cannot write ${shown(f.name)}: ${why}${written.length ? ` (written: ${written.join(', ')})` : ''}\n`);
      return 2;
    }
  }
  io.stdout(`Wrote a ${FRAMEWORK_INFO[framework].title.toLowerCase()} starter (rsp/v2):\n${written.map((w) => `  ${terminalText(w)}\n`).join('')}Check it with: rsp-lint ${terminalText(positionals[0] === undefined ? '.' : dirArg)}\n`);
  return 0;
}
