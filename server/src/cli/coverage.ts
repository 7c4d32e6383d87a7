/**
 * `rsp-lint coverage [--profile ID] [--format stylish|json|markdown] [paths...]` (spec v2 §7):
 * per policy, each requirement of its compliance profiles met (by a check or a claim) or a gap.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { jsonText, terminalText } from '../encode';
import { policyCoverage, type CoverageView } from '../engine/features/coverage';
import { SEVERITIES, type Severity } from '../engine/types';
import { NodeHost } from '../engine/workspace/node-host';
import { Workspace } from '../engine/workspace/workspace';
import { renderCoverageMarkdown, COVERAGE_NOTE } from '../present/coverage-markdown';
import { discover, NOTHING_FOUND, UsageError } from './discover';
import type { CliIO } from './io';

export const COVERAGE_FORMATS = ['stylish', 'json', 'markdown'] as const;

export const COVERAGE_HELP = `Usage: rsp-lint coverage [options] [paths...]

For each rsp/v2 policy found at paths, checks every requirement of the compliance profiles it
lists (compliance.profiles: built-in ids such as ca-sb53, ny-raise, eu-gpai-cop-ss,
seoul-2024, metr-common-elements, or relative paths of *.profile.yaml files) and says whether
the policy meets it — by a structural check or by a claim in compliance.claims — or where the
gap is, with the citation to read and what would meet it.

Options:
  --profile <id|path>  check against this one profile instead (a built-in id, or a path
                       relative to the current folder), whether the policy lists it or not
  --format <name>      stylish (default), json (one array, one object per policy and
                       requirement) or markdown (for a pull-request comment)
  --allow-empty        exit 0 when no RSP document is found (default: exit 2)
  --help               print this help

${COVERAGE_NOTE}

Exit status: 0 no gap of severity error, 1 a gap of severity error (a requirement's severity,
or compliance-gap set to error in .rsp-lint.yaml) or a profile that cannot be used, 2 usage or
I/O error.
`;

const rank = (s: Severity) => SEVERITIES.indexOf(s);

export function runCoverage(argv: string[], io: CliIO): number {
  let values: Record<string, string | boolean | undefined>, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { format: { type: 'string' }, profile: { type: 'string' }, 'allow-empty': { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (e) {
    io.stderr(`rsp-lint coverage: ${(e as Error).message.split('\n')[0]} (see rsp-lint coverage --help)\n`);
    return 2;
  }
  if (values.help) { io.stdout(COVERAGE_HELP); return 0; }
  const format = (values.format ?? 'stylish') as string;
  if (!(COVERAGE_FORMATS as readonly string[]).includes(format)) {
    io.stderr(`rsp-lint coverage: unknown format '${format}'; use one of ${COVERAGE_FORMATS.join(', ')}\n`);
    return 2;
  }
  const only = values.profile as string | undefined;
  if (only !== undefined && only.trim() === '') { io.stderr('rsp-lint coverage: --profile needs a built-in profile id or a profile file\n'); return 2; }

  let targets;
  try {
    ({ targets } = discover(positionals, io.cwd));
  } catch (e) {
    if (e instanceof UsageError) { io.stderr(`rsp-lint coverage: ${e.message}\n`); return 2; }
    throw e;
  }
  if (targets.length === 0) {
    if (!values['allow-empty']) { io.stderr(`rsp-lint coverage: ${NOTHING_FOUND}\n`); return 2; }
    io.stderr('rsp-lint coverage: no RSP documents found; nothing was checked\n');
    if (format === 'json') io.stdout('[]\n');
    return 0;
  }

  const host = new NodeHost(io.cwd);
  const ws = new Workspace(host);
  const shownAs = new Map(targets.map((t) => [t.abs, t.display]));
  const display = (p: string) => shownAs.get(p) ?? (path.isAbsolute(targets[0]?.display ?? '') ? p : host.display(p));
  const views: CoverageView[] = [];
  let policies = 0;
  for (const t of targets) {
    const doc = ws.load(t.abs);
    if (doc.readError && doc.readError.reason !== 'too-large') {
      io.stderr(`rsp-lint coverage: cannot check ${t.display}: ${doc.readError.message.replace(`${host.display(t.abs)} `, '')}\n`);
      return 2;
    }
    if (doc.model?.kind !== 'policy') continue;
    policies++;
    const v = policyCoverage(ws, doc, display, only !== undefined ? { ref: only, base: io.cwd } : undefined);
    if (!v) continue;
    // The severity in force: the requirement's, raised by compliance-gap's in .rsp-lint.yaml.
    const configured = doc.config.rules.get('compliance-gap');
    if (configured && configured !== 'off') for (const r of v.rows) if (rank(configured) < rank(r.severity)) r.severity = configured;
    views.push(v);
  }
  if (only !== undefined) {
    const broken = views.flatMap((v) => v.profiles).find((p) => p.error);
    if (broken) { io.stderr(`rsp-lint coverage: --profile ${only}: ${broken.error}\n`); return 2; }
  }

  const rows = views.flatMap((v) => v.rows.map((r) => ({ v, r })));
  if (format === 'json') {
    io.stdout(`${jsonText(rows.map(({ v, r }) => ({ policy: v.path, profile: r.profile, requirement: r.requirement, citation: r.citation, status: r.status, via: r.via, by: r.by })), 2)}\n`);
  } else if (format === 'markdown') {
    io.stdout(renderCoverageMarkdown(views));
  } else {
    io.stdout(stylish(views, policies));
  }
  const brokenProfiles = views.some((v) => v.profiles.some((p) => p.error));
  if (brokenProfiles) io.stderr('rsp-lint coverage: a listed profile cannot be used (see above); run rsp-lint on the policy for details\n');
  return rows.some(({ r }) => r.status === 'gap' && r.severity === 'error') || brokenProfiles ? 1 : 0;
}

function stylish(views: CoverageView[], policies: number): string {
  const t = terminalText;
  const out: string[] = [];
  let met = 0, gaps = 0, errors = 0, profiles = 0;
  for (const v of views) {
    if (!v.profiles.length) continue;
    out.push(t(v.path));
    for (const p of v.profiles) {
      profiles++;
      const name = p.title ? `${p.id ?? p.ref} — ${p.title}` : p.id ?? p.ref;
      if (p.error) { out.push(`  ${t(p.ref)}: cannot be used: ${t(p.error)}`); continue; }
      out.push(`  ${t(name)}: ${p.met} met, ${p.gaps} gap${p.gaps === 1 ? '' : 's'}`);
      for (const r of v.rows.filter((x) => x.entry === p.index)) {
        const id = `${r.profile}/${r.requirement}`;
        if (r.status === 'met') {
          met++;
          out.push(`    met  ${t(id)}  ${t(r.citation)}  (${r.via === 'claim' ? `claim${r.section ? ` ${t(r.section)}` : ''}` : `check ${t(r.check)}`}${r.by.length ? `: ${t(r.by.join(', '))}` : ''})`);
        } else {
          gaps++;
          if (r.severity === 'error') errors++;
          out.push(`    gap  ${t(id)}  ${t(r.citation)}  ${t(r.title)}${r.severity !== 'warning' ? ` [${r.severity}]` : ''}`);
          out.push(`         ${t(r.need ?? '')}`);
        }
      }
    }
    out.push('');
  }
  if (!profiles) out.push(`${policies} polic${policies === 1 ? 'y' : 'ies'} checked: none lists a compliance profile (compliance.profiles); nothing to cover`);
  else out.push(`${met + gaps} requirement${met + gaps === 1 ? '' : 's'} of ${profiles} profile${profiles === 1 ? '' : 's'} in ${views.filter((v) => v.profiles.length).length} polic${views.filter((v) => v.profiles.length).length === 1 ? 'y' : 'ies'}: ${met} met, ${gaps} gap${gaps === 1 ? '' : 's'}${errors ? ` (${errors} of severity error)` : ''}`);
  return `${out.join('\n')}\n`;
}
