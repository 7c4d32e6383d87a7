/**
 * `rsp-lint render [--format html|markdown] [--out FILE] [--strict] [--allow-empty] [paths...]`
 * (spec v2 §11): each policy found at paths (or linked from a roadmap or report found there) as
 * the document to publish, with the roadmaps and the latest risk report among the paths that
 * link to it. HTML is one self-contained page, Markdown renders on GitHub; the same input gives
 * the same bytes. A policy with errors is rendered with a banner listing them, or refused with
 * exit 1 under --strict.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildRenderSet, policiesOf } from '../engine/publish/document';
import { NodeHost } from '../engine/workspace/node-host';
import type { Finding } from '../engine/types';
import { Workspace } from '../engine/workspace/workspace';
import { renderDocumentHtml } from '../present/render-html';
import { renderDocumentMarkdown } from '../present/render-markdown';
import { discover, NOTHING_FOUND, UsageError } from './discover';
import type { CliIO } from './io';
import { writeAtomic, WriteRefused } from './write';

export const RENDER_FORMATS = ['html', 'markdown'] as const;

export const RENDER_HELP = `Usage: rsp-lint render [options] [paths...]

Writes each policy found at paths as the document to publish: title block, contents, the
capability thresholds with their required standards and evaluations, each standard's
deployment and security safeguards, commitments (our own, and recommendations for the
industry), risk reporting, governance, the change log, the latest risk report and the
roadmap by area with each goal's grade (met, missed, slipped, dropped) from the latest report
that reviews it. Roadmaps and risk reports are those among the paths that link to the policy.
Works for rsp/v1 and rsp/v2 policies. The same input gives the same output, byte for byte.

Options:
  --format <name>      html (default: one self-contained printable page, light and dark) or
                       markdown (renders on GitHub)
  --out <file>         write to this file (atomically; never through a link); default: standard output
  --strict             refuse (exit 1) when a policy, its roadmap or its report has errors;
                       default: render them with a banner listing the errors
  --allow-empty        exit 0 when no RSP document is found (default: exit 2)
  --help               print this help

A policy with a YAML mistake cannot be rendered at all: rsp-lint render names it and exits 1.

Exit status: 0 written, 1 errors under --strict or a policy that cannot be read (nothing
written), 2 usage or I/O error, no policy found.
`;

export function runRender(argv: string[], io: CliIO): number {
  let values: Record<string, string | boolean | undefined>, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { format: { type: 'string' }, out: { type: 'string' }, strict: { type: 'boolean' }, 'allow-empty': { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (e) {
    io.stderr(`rsp-lint render: ${(e as Error).message.split('\n')[0]} (see rsp-lint render --help)\n`);
    return 2;
  }
  if (values.help) { io.stdout(RENDER_HELP); return 0; }
  const format = (values.format ?? 'html') as string;
  if (!(RENDER_FORMATS as readonly string[]).includes(format)) {
    io.stderr(`rsp-lint render: unknown format '${format}'; use one of ${RENDER_FORMATS.join(', ')}\n`);
    return 2;
  }
  const out = values.out as string | undefined;
  if (out !== undefined && out.trim() === '') { io.stderr('rsp-lint render: --out needs a file name\n'); return 2; }

  let targets;
  try {
    ({ targets } = discover(positionals, io.cwd));
  } catch (e) {
    if (e instanceof UsageError) { io.stderr(`rsp-lint render: ${e.message}\n`); return 2; }
    throw e;
  }
  const host = new NodeHost(io.cwd);
  const ws = new Workspace(host);
  for (const t of targets) {
    const doc = ws.load(t.abs);
    if (doc.readError && doc.readError.reason !== 'too-large') {
      io.stderr(`rsp-lint render: cannot read ${t.display}: ${doc.readError.message.replace(`${host.display(t.abs)} `, '')}\n`);
      return 2;
    }
  }
  const paths = targets.map((t) => t.abs);
  // A policy that cannot be read as a policy at all (a YAML mistake, a resource limit) cannot be
  // rendered, not even with a banner: say which and why, and render nothing (exit 1).
  const unreadable = targets.filter((t) => { const d = ws.load(t.abs); return d.kind === 'policy' && d.model?.kind !== 'policy'; });
  if (unreadable.length) {
    for (const t of unreadable) {
      const first = ws.analyze(t.abs).find((f) => f.severity === 'error');
      io.stderr(`rsp-lint render: cannot render ${t.display}: ${first ? `${first.message} (line ${first.range.start.line + 1}, ${first.rule})` : 'it is not a readable policy'}; run rsp-lint on it\n`);
    }
    return 1;
  }
  const entries = policiesOf(ws, paths);
  if (!entries.length) {
    if (!values['allow-empty']) {
      io.stderr(`rsp-lint render: ${targets.length ? 'no policy found (a policy is a *.rsp.yaml file, or a roadmap or risk report that links one)' : NOTHING_FOUND}\n`);
      return 2;
    }
    io.stderr('rsp-lint render: no policy found; nothing to render\n');
  }
  // Errors of the documents rendered (time-based warnings do not matter here: errors only).
  const findings = new Map<string, Finding[]>();
  for (const e of entries) {
    for (const d of [e.policy, ...e.roadmaps, ...e.reports.slice(-1)]) if (!findings.has(d.path)) findings.set(d.path, ws.analyze(d.path).filter((f) => f.severity === 'error'));
  }
  const shownAs = new Map(targets.map((t) => [t.abs, t.display]));
  const display = (p: string) => shownAs.get(p) ?? (path.isAbsolute(targets[0]?.display ?? '') ? p : host.display(p));
  const errors = [...findings.values()].reduce((n, l) => n + l.length, 0);
  if (values.strict && errors > 0) {
    const files = [...findings].filter(([, l]) => l.length).map(([p]) => display(p));
    io.stderr(`rsp-lint render: not rendered: ${errors} error${errors === 1 ? '' : 's'} in ${files.join(', ')} (--strict); run rsp-lint on them\n`);
    return 1;
  }
  const set = buildRenderSet(ws, paths, { display, findings });
  const text = format === 'markdown' ? renderDocumentMarkdown(set) : renderDocumentHtml(set, { mode: 'file' });

  if (out === undefined) { io.stdout(text); return 0; }
  try {
    writeAtomic(path.resolve(io.cwd, out), text);
  } catch (e) {
    io.stderr(`rsp-lint render: cannot write ${out}: ${e instanceof WriteRefused ? e.message : (e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  io.stderr(`rsp-lint render: wrote ${out}\n`);
  return 0;
}
