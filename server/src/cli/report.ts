/**
 * `rsp-lint report [paths...] [--out FILE] [--format html|markdown] [--today YYYY-MM-DD]`: the
 * policy overview (threshold × safeguard matrix, roadmap timeline, findings per file) as a
 * self-contained HTML page or as Markdown for a pull-request comment.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isRealDate, localToday } from '../engine/model/dates';
import { buildOverview } from '../engine/features/overview';
import { renderOverviewHtml } from '../present/overview-html';
import { renderOverviewMarkdown } from '../present/overview-markdown';
import { NodeHost } from '../engine/workspace/node-host';
import type { Finding } from '../engine/types';
import { Workspace } from '../engine/workspace/workspace';
import { discover, NOTHING_FOUND, UsageError } from './discover';
import { writeAtomic, WriteRefused } from './write';
import type { CliIO } from './io';

export const REPORT_FORMATS = ['html', 'markdown'] as const;

export const REPORT_HELP = `Usage: rsp-lint report [options] [paths...]

Writes the policy overview of the documents found at paths (and the policies they link to):
per policy, the thresholds × safeguards matrix with the statuses of the latest risk report,
the roadmap as a timeline by area (overdue and unowned goals marked), and findings per file.

Options:
  --format <name>      html (default; one self-contained page, links open VS Code) or
                       markdown (for a pull-request comment)
  --out <file>         write the report to this file (atomically); default: standard output
  --today <date>       the date (YYYY-MM-DD) for overdue goals and the time-based rules
  --allow-empty        write the (empty) report when no RSP document is found (default: exit 2)
  --help               print this help

Exit status: 0 the report was written (whatever it shows), 2 usage or I/O error.
`;

export function runReport(argv: string[], io: CliIO): number {
  let values: Record<string, string | boolean | undefined>, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { format: { type: 'string' }, out: { type: 'string' }, today: { type: 'string' }, 'allow-empty': { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (e) {
    io.stderr(`rsp-lint report: ${(e as Error).message.split('\n')[0]} (see rsp-lint report --help)\n`);
    return 2;
  }
  if (values.help) { io.stdout(REPORT_HELP); return 0; }
  const format = (values.format ?? 'html') as string;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    io.stderr(`rsp-lint report: unknown format '${format}'; use one of ${REPORT_FORMATS.join(', ')}\n`);
    return 2;
  }
  const todayArg = values.today as string | undefined;
  if (todayArg !== undefined && !isRealDate(todayArg)) {
    io.stderr(`rsp-lint report: --today needs a date written YYYY-MM-DD, not '${todayArg}'\n`);
    return 2;
  }
  const out = values.out as string | undefined;
  if (out !== undefined && out.trim() === '') { io.stderr('rsp-lint report: --out needs a file name\n'); return 2; }
  const today = todayArg ?? localToday();

  let targets, configs;
  try {
    ({ targets, configs } = discover(positionals, io.cwd));
  } catch (e) {
    if (e instanceof UsageError) { io.stderr(`rsp-lint report: ${e.message}\n`); return 2; }
    throw e;
  }
  if (targets.length === 0 && configs.length === 0 && !values['allow-empty']) { io.stderr(`rsp-lint report: ${NOTHING_FOUND}\n`); return 2; }

  const host = new NodeHost(io.cwd);
  const ws = new Workspace(host, { today });
  const findings = new Map<string, Finding[]>();
  const shownAs = new Map<string, string>();
  for (const t of targets) {
    const doc = ws.load(t.abs);
    if (doc.readError && doc.readError.reason !== 'too-large') {
      io.stderr(`rsp-lint report: cannot check ${t.display}: ${doc.readError.message.replace(`${host.display(t.abs)} `, '')}\n`);
      return 2;
    }
    findings.set(t.abs, ws.analyze(t.abs));
    shownAs.set(t.abs, t.display);
  }
  for (const c of configs) ws.configFor(c); // configuration files with no document below them
  for (const c of ws.configs()) {
    if (!c.path || !c.findings.length) continue;
    findings.set(c.path, [...(findings.get(c.path) ?? []), ...c.findings]);
    shownAs.set(c.path, path.isAbsolute(targets[0]?.display ?? '') ? c.path : host.display(c.path));
  }
  // Paths as the lint output shows them; the HTML links keep the absolute path.
  const display = (p: string) => shownAs.get(p) ?? (path.isAbsolute(targets[0]?.display ?? '') ? p : host.display(p));
  const paths = targets.map((t) => t.abs);

  let text: string;
  if (format === 'markdown') {
    text = renderOverviewMarkdown(buildOverview(ws, paths, findings, today, display));
  } else {
    const o = buildOverview(ws, paths, findings, today, (p) => p);
    const policy = o.policies[0];
    const title = o.policies.length === 1 && policy
      ? `${policy.organization ? `${policy.organization} — ` : ''}${policy.title ?? policy.id ?? 'RSP'} overview`
      : 'RSP overview';
    text = renderOverviewHtml(o, { mode: 'file', title, label: display });
  }

  if (out === undefined) { io.stdout(text); return 0; }
  const file = path.resolve(io.cwd, out);
  try {
    writeAtomic(file, text);
  } catch (e) {
    io.stderr(`rsp-lint report: cannot write ${out}: ${e instanceof WriteRefused ? e.message : (e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  io.stderr(`rsp-lint report: wrote ${out}\n`);
  return 0;
}
