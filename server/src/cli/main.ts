/** `rsp-lint [options] [paths...]` (spec §6): a thin adapter from argv to the engine. */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isRealDate } from '../engine/model/dates';
import { NodeHost } from '../engine/workspace/node-host';
import { Workspace } from '../engine/workspace/workspace';
import { discover, NOTHING_FOUND, UsageError } from './discover';
import { check, checkHere } from './check';
import { computeFixes, unifiedDiff } from './fix';
import { FORMATS, render, type Format, type Located } from './formats';
import type { CliIO } from './io';
import { runInit } from './init';
import { runMigrate } from './migrate';
import { runRender } from './render';
import { runDiff } from './diff';
import { runReport } from './report';
import { runCoverage } from './coverage';
import { documentWritePolicy, writeAtomic, WriteRefused } from './write';

export const DOCS_URL = 'https://github.com/rsp-tools/rsp-lint#readme';
export const RULES_URL = 'https://github.com/rsp-tools/rsp-lint/blob/main/docs/rules/README.md';

export const HELP = `Usage: rsp-lint [options] [paths...]
       rsp-lint report [--format html|markdown] [--out FILE] [--today YYYY-MM-DD] [paths...]
       rsp-lint migrate [--write] [paths...]
       rsp-lint coverage [--profile ID] [--format stylish|json|markdown] [paths...]
       rsp-lint init [--framework rsp|preparedness|fsf|minimal] [--list] [DIR]
       rsp-lint render [--format html|markdown] [--out FILE] [--strict] [paths...]
       rsp-lint diff [--format stylish|json|markdown|html] OLD NEW | --base GITREF [paths...] | --staged [paths...]

Checks frontier-AI safety policy documents (policy, roadmap, risk report, profile; formats rsp/v1 and rsp/v2).
Paths are files or folders; folders are searched for *.rsp.yaml, *.roadmap.yaml,
*.risk-report.yaml (and .yml), and other YAML files that carry 'format: rsp/v1' or 'rsp/v2'.
No path means the current folder.

Options:
  --format <name>      stylish (default), json, sarif or github
  --today <date>       the date (YYYY-MM-DD) the time-based rules use; default: today
  --max-warnings <n>   exit 1 when there are more than n warnings
  --quiet              report errors only
  --allow-empty        exit 0 when no RSP document is found (default: exit 2)
  --fix                apply the safe fixes (a misspelled value, key or id with one clear
                       suggestion), writing each changed file atomically; report what remains
  --fix-dry-run        print the fixes as a unified diff instead; change nothing
  --stdio              run the language server over stdin/stdout (for any LSP editor)
  --version            print the version
  --help               print this help

rsp-lint report writes the policy overview instead of the findings: per policy the
thresholds x safeguards matrix with the latest risk report's statuses, the roadmap as a
timeline by area (overdue and unowned goals marked) and the findings per file; as one
self-contained HTML page (default) or Markdown (--format markdown, for a pull-request
comment), to --out FILE (written atomically) or standard output. It exits 0 once the report
is written, whatever it shows. See rsp-lint report --help.

rsp-lint migrate rewrites rsp/v1 documents as rsp/v2 (format line, asl_standards/level ->
standards/id, asl_applied -> standard_applied, model: X -> models: [X]; comments and layout
kept): a unified diff of what would change, or with --write the files written atomically. A
file with YAML errors is refused (exit 2) and left as it is. See rsp-lint migrate --help.

rsp-lint coverage checks each rsp/v2 policy against the compliance profiles it lists
(compliance.profiles: ca-sb53, ny-raise, eu-gpai-cop-ss, seoul-2024, metr-common-elements or
a *.profile.yaml file): per requirement met (by a structural check or a claim) or a gap, with
its citation. A structural check, not legal advice. See rsp-lint coverage --help.

rsp-lint init writes a commented starter policy, roadmap and risk report (rsp/v2) that check
without errors; it never overwrites a file. See rsp-lint init --help.

rsp-lint render writes a policy as the document to publish (HTML or Markdown). See
rsp-lint render --help.

rsp-lint diff reviews what a new version changes, item by item: each change weakened,
strengthened or neutral, and whether the policy's change log explains each weakening; two
files or folders, or the documents against a git ref (--base) or the staged versions against
HEAD (--staged). Exit 1 when a weakening is unexplained. See rsp-lint diff --help.

Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O error.
Configuration: .rsp-lint.yaml or .rsp-lint.yml (nearest folder up wins).
Documentation: ${DOCS_URL}
Rules: ${RULES_URL}
`;

/** The first positional argument and its index in argv (options that take a value skipped). */
function firstPositional(argv: string[]): { value: string; index: number } | undefined {
  try {
    const { tokens } = parseArgs({
      args: argv, allowPositionals: true, strict: false, tokens: true,
      options: { format: { type: 'string' }, today: { type: 'string' }, 'max-warnings': { type: 'string' }, out: { type: 'string' }, framework: { type: 'string' }, base: { type: 'string' }, profile: { type: 'string' } },
    });
    const t = tokens?.find((x) => x.kind === 'positional');
    return t && t.kind === 'positional' ? { value: t.value, index: t.index } : undefined;
  } catch { return undefined; }
}

export async function runCli(argv: string[], io: CliIO, version: string): Promise<number> {
  const sub = firstPositional(argv);
  if (sub?.value === 'report') return runReport([...argv.slice(0, sub.index), ...argv.slice(sub.index + 1)], io);
  if (sub?.value === 'coverage') return runCoverage([...argv.slice(0, sub.index), ...argv.slice(sub.index + 1)], io);
  if (sub?.value === 'migrate') return runMigrate([...argv.slice(0, sub.index), ...argv.slice(sub.index + 1)], io);
  if (sub?.value === 'init') return runInit([...argv.slice(0, sub.index), ...argv.slice(sub.index + 1)], io);
  if (sub?.value === 'render') return runRender([...argv.slice(0, sub.index), ...argv.slice(sub.index + 1)], io);
  if (sub?.value === 'diff') return runDiff([...argv.slice(0, sub.index), ...argv.slice(sub.index + 1)], io);
  let values: Record<string, string | boolean | undefined>, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' }, today: { type: 'string' }, 'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' }, 'allow-empty': { type: 'boolean' }, fix: { type: 'boolean' }, 'fix-dry-run': { type: 'boolean' }, stdio: { type: 'boolean' }, version: { type: 'boolean' }, help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    io.stderr(`rsp-lint: ${(e as Error).message.split('\n')[0]} (see --help)\n`);
    return 2;
  }
  if (values.help) { io.stdout(HELP); return 0; }
  if (values.version) { io.stdout(`${version}\n`); return 0; }

  const format = (values.format ?? 'stylish') as string;
  if (!(FORMATS as readonly string[]).includes(format)) {
    io.stderr(`rsp-lint: unknown format '${format}'; use one of ${FORMATS.join(', ')}\n`);
    return 2;
  }
  const today = values.today as string | undefined;
  if (today !== undefined && !isRealDate(today)) {
    io.stderr(`rsp-lint: --today needs a date written YYYY-MM-DD, not '${today}'\n`);
    return 2;
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const s = values['max-warnings'] as string;
    if (!/^\d+$/.test(s)) { io.stderr(`rsp-lint: --max-warnings needs a whole number, not '${s}'\n`); return 2; }
    maxWarnings = Number(s);
  }

  let targets, configs;
  try {
    ({ targets, configs } = discover(positionals, io.cwd));
  } catch (e) {
    if (e instanceof UsageError) { io.stderr(`rsp-lint: ${e.message}\n`); return 2; }
    throw e;
  }
  if (targets.length === 0 && configs.length === 0) {
    if (!values['allow-empty']) { io.stderr(`rsp-lint: ${NOTHING_FOUND}\n`); return 2; }
    io.stderr('rsp-lint: no RSP documents found; nothing was checked\n');
    return 0;
  }

  const host = new NodeHost(io.cwd);
  const ws = new Workspace(host, today ? { today } : {});
  let refused = false;
  if (values.fix || values['fix-dry-run']) {
    if (values.fix && values['fix-dry-run']) { io.stderr('rsp-lint: use --fix or --fix-dry-run, not both\n'); return 2; }
    const fixable = targets.filter((t) => !ws.load(t.abs).readError);
    let fixes = computeFixes(ws, fixable);
    if (values['fix-dry-run']) {
      io.stdout(unifiedDiff(fixes));
    } else {
      fixes = fixes.filter((f) => {
        try { writeAtomic(f.abs, f.after, documentWritePolicy(f.root)); return true; } catch (e) {
          const why = e instanceof WriteRefused ? e.message : `cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
          io.stderr(`rsp-lint: not fixed: ${f.display}: ${why}\n`);
          ws.setText(f.abs, f.before); // report the file as it still is
          refused = true;
          return false;
        }
      });
    }
    const n = fixes.reduce((a, f) => a + f.applied, 0);
    if (n > 0) io.stderr(`rsp-lint: ${values.fix ? 'fixed' : 'would fix'} ${n} problem${n === 1 ? '' : 's'} in ${fixes.length} file${fixes.length === 1 ? '' : 's'}\n`);
  }
  const items: Located[] = [];
  // With fixes the workspace holds the fixed texts: check them here; otherwise, maybe in parallel.
  const result = values.fix || values['fix-dry-run']
    ? checkHere(ws, targets, configs)
    : await check(targets, configs, { ...(today ? { today } : {}), cwd: io.cwd, env: io.env });
  targets.forEach((t, i) => { for (const f of result.findings[i] ?? []) items.push({ path: t.display, finding: f }); });
  const ioError = result.ioError;
  for (const c of result.configs) {
    const shown = path.isAbsolute(targets[0]?.display ?? '') ? c.path : host.display(c.path);
    for (const f of c.findings) items.push({ path: shown, finding: f });
  }

  const shown = values.quiet ? items.filter((i) => i.finding.severity === 'error') : items;
  if (values['fix-dry-run']) { // stdout carries the diff alone; the status says what would remain
    const remaining = items.filter((i) => i.finding.severity === 'error').length;
    return ioError ? 2 : remaining > 0 ? 1 : 0;
  }
  const color = io.isTTY && !io.env.NO_COLOR && format === 'stylish';
  io.stdout(render(format as Format, shown, { color: color || !!io.env.FORCE_COLOR && format === 'stylish', version, cwd: io.cwd, checked: targets.length, quiet: !!values.quiet }));

  if (ioError) { io.stderr(`rsp-lint: ${ioError}\n`); return 2; }
  if (refused) return 2;
  const errors = items.filter((i) => i.finding.severity === 'error').length;
  const warnings = items.filter((i) => i.finding.severity === 'warning').length;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`rsp-lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
