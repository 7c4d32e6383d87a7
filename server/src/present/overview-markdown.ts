/**
 * The policy overview as GitHub-flavoured Markdown, for pull-request comments: a summary line,
 * per policy a compact threshold matrix (thresholds × safeguards when there are at most 12
 * safeguards, else thresholds × ASL standards with the required safeguards that are not
 * implemented), the roadmap goals that need attention with counts per area, and the findings
 * per file. For rsp/v2 policies also: the scales, each threshold's role (alerts name the
 * threshold they warn of), capability level and every required standard; the latest report's
 * decision, approvals, models, period, redactions and external review; the goals graded in the
 * latest report that reviews them, with their success criteria (missed or slipped needs attention). Every piece of document text goes through `mdText` (it is untrusted): no markup,
 * HTML, links, autolinks, mentions or new lines can come from it.
 */
import { mdText } from '../encode';
import { coverageMarkdown } from './coverage-markdown';
import type { GoalItem, Overview, PolicyView, ReportView, RoadmapView, SafeguardStatus, ThresholdRow } from '../engine/features/overview';

/** Above this many safeguards, the matrix is folded by ASL standard. */
export const MAX_MATRIX_COLUMNS = 12;
const AREAS = ['security', 'alignment', 'safeguards', 'policy'];

const STATUS: Record<SafeguardStatus, string> = {
  implemented: '✅ implemented', partial: '◐ partial', planned: '🕓 planned', 'not-applicable': '➖ n/a', unknown: '❔ unknown',
};
const DETERMINATION: Record<string, string> = {
  crossed: '🔴 **crossed**', near: '🟠 **near**', below: '🟢 below', inconclusive: '⚪ inconclusive',
};
const NOT_ASSESSED = '❔ not assessed';
const GRADING: Record<string, string> = { met: '✅ met', missed: '❌ **missed**', slipped: '↪️ **slipped**', dropped: '✖️ dropped' };
/** A goal graded missed or slipped in a report needs attention. */
const badlyGraded = (g: GoalItem) => g.grading?.outcome === 'missed' || g.grading?.outcome === 'slipped';

/** Document text in Markdown (also inside a table cell): the shared encoder. */
const md = mdText;

function plural(n: number, one: string, many = `${one}s`): string { return `${n} ${n === 1 ? one : many}`; }

function row(cells: string[]): string { return `| ${cells.join(' | ')} |`; }
function table(head: string[], rows: string[][], align?: string[]): string {
  return [row(head), row(align ?? head.map(() => '---')), ...rows.map(row)].join('\n');
}

export function renderOverviewMarkdown(o: Overview): string {
  const thresholds = o.policies.flatMap((p) => p.thresholds);
  const goals = o.policies.flatMap((p) => p.roadmaps.flatMap((r) => r.goals));
  const crossed = thresholds.filter((t) => t.determination === 'crossed').length;
  const near = thresholds.filter((t) => t.determination === 'near').length;
  const gaps = thresholds.reduce((a, t) => a + t.gaps.length, 0);
  const overdue = goals.filter((g) => g.overdue).length;
  const unowned = goals.filter((g) => g.unowned).length;
  const atRisk = goals.filter((g) => g.status === 'at-risk').length;
  const graded = goals.filter(badlyGraded).length;
  const t = o.totals;
  const out: string[] = [];
  out.push(`## RSP overview (as of ${md(o.today)})`, '');
  out.push(`**${plural(o.policies.length, 'policy', 'policies')}** · **${plural(thresholds.length, 'threshold')}** (${crossed ? '🔴 ' : ''}${crossed} crossed, ${near ? '🟠 ' : ''}${near} near)`
    + ` · **${plural(gaps, 'safeguard gap')}**${gaps ? ' ❗' : ''}`
    + ` · **${plural(goals.length, 'goal')}** (${overdue} overdue, ${unowned} unowned, ${atRisk} at risk${graded ? `, ❌ ${graded} missed or slipped` : ''})`
    + ` · **findings**: ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')} in ${plural(o.files.length, 'file')}`);
  if (!o.policies.length) out.push('', '_No policy found._');
  for (const p of o.policies) out.push('', ...policy(p));
  out.push('', ...findings(o));
  return `${out.join('\n')}\n`;
}

function policy(p: PolicyView): string[] {
  const out: string[] = [];
  const head = [md(p.title ?? p.id ?? p.path), p.organization ? md(p.organization) : '', p.version ? `version ${md(p.version)}` : ''].filter(Boolean);
  out.push(`### ${head[0]}${head.length > 1 ? ` — ${head.slice(1).join(', ')}` : ''}`, '');
  const r = p.latestReport;
  if (r?.format === 2) out.push(`${md(p.path)} · latest risk report **${md(r.id ?? r.path)}**${r.published ? ` (published ${md(r.published)})` : ''}`, '', ...reportFacts(r), '');
  else out.push(`${md(p.path)} · ${r ? `latest risk report **${md(r.id ?? r.path)}**${r.model ? ` (model ${md(r.model)}${r.published ? `, published ${md(r.published)}` : ''})` : r.published ? ` (published ${md(r.published)})` : ''}` : '_no risk report links to this policy: statuses unknown_'}`, '');
  if (p.scales?.length) out.push(...scales(p), '');
  if (!p.thresholds.length) out.push('_No capability thresholds._', '');
  else out.push(...matrix(p), '');
  for (const rm of p.roadmaps) out.push(...roadmap(rm), '');
  if (!p.roadmaps.length) out.push('_No roadmap links to this policy._', '');
  if (p.coverage) out.push(...coverageMarkdown(p.coverage, 4), '');
  while (out[out.length - 1] === '') out.pop();
  return out;
}

/** The scales of a v2 policy, lowest level first. */
function scales(p: PolicyView): string[] {
  const list = p.scales ?? [];
  return [`**Scales** (lowest level first)${list.some((s) => s.implied) ? ' — none declared, so the built-in ASL scale applies' : ''}:`, '',
    ...list.map((s) => `- **${md(s.id)}**${s.title ? ` ${md(s.title)}` : ''}${s.appliesTo ? ` (${md(s.appliesTo)})` : ''}: ${s.levels.length ? s.levels.map(md).join(' → ') : '_no levels_'}${s.reference ? ` · built-in reference ${md(s.reference)}` : ''}`)];
}

/** What a v2 report says beyond determinations and statuses: decision, approvals, models, period, redactions, review. */
function reportFacts(r: ReportView): string[] {
  const ids = (list: string[]) => list.map(md).join(', ');
  const d = r.decision;
  const decision = d
    ? `**Decision**: ${d.outcome ? `**${md(d.outcome)}**` : '_no outcome_'}${d.date ? ` on ${md(d.date)}` : ''}${d.by.length ? ` by ${ids(d.by)}` : ''}`
    : '**Decision**: ⚠️ _none recorded_';
  const approved = r.approvedBy?.length ? `**approved by** ${ids(r.approvedBy)}` : '⚠️ **not approved**';
  const models = r.models?.length ? `**${r.models.length === 1 ? 'Model' : 'Models'}** ${ids(r.models)}` : '';
  const period = r.period ? `**period** ${md(r.period.from ?? '?')} to ${md(r.period.to ?? '?')}` : '';
  const redactions = `**${plural(r.redactions ?? 0, 'redaction')}**`;
  const x = r.externalReview;
  const review = x
    ? `**external review**${x.reviewer ? ` by ${md(x.reviewer)}` : ''}${x.received ? `, received ${md(x.received)}` : ''}${x.published ? `, published ${md(x.published)}` : ', not published yet'}`
      + (x.days !== undefined ? (x.late ? ` ⏰ **late: ${plural(x.days, 'day')}**` : ` (${plural(x.days, 'day')})`) : '')
    : `**external review**: ${r.redactions ? '⚠️ ' : ''}_none_`;
  return [[decision, approved].join(' · '), '', [models, period, redactions, review].filter(Boolean).join(' · ')];
}

function determination(t: ThresholdRow): string {
  const d = t.determination ? DETERMINATION[t.determination] ?? md(t.determination) : NOT_ASSESSED;
  return t.residualRisk ? `${d} · residual risk ${md(t.residualRisk)}` : d;
}
function thresholdCell(t: ThresholdRow): string {
  const v2 = [
    t.role === 'alert' ? `🔔 alert for **${t.warns ? md(t.warns) : '?'}**` : t.role === 'research' ? '🔬 research category' : '',
    t.level ? `level ${md(t.level)}` : '',
  ].filter(Boolean);
  return `**${md(t.id)}**${t.title ? ` ${md(t.title)}` : ''}${v2.length ? ` · ${v2.join(' · ')}` : ''}`;
}
function requires(t: ThresholdRow): string {
  if (t.requiresList) return t.requiresList.length ? t.requiresList.map((r) => `${md(r.id)} (${r.status ? md(r.status) : 'not defined'})`).join(', ') : '—';
  return t.requires ? `${md(t.requires)}${t.requiresStatus ? ` (${md(t.requiresStatus)})` : ' (not defined)'}` : '—';
}
function criteria(g: GoalItem): string { return (g.successCriteria ?? []).map((c) => `<br>🎯 ${md(c)}`).join(''); }

function matrix(p: PolicyView): string[] {
  const all = p.standards.flatMap((s) => s.safeguards);
  const statusOf = new Map(all.map((g) => [g.id, g.status]));
  const cell = (t: ThresholdRow, id: string) => {
    const gap = t.gaps.includes(id);
    return `${gap ? '❗ ' : ''}${STATUS[statusOf.get(id) ?? 'unknown'] ?? md(statusOf.get(id))}`;
  };
  const legend = `_Statuses from the latest report; ❗ marks a gap: a required safeguard not implemented while the threshold is near or crossed._`;
  if (all.length && all.length <= MAX_MATRIX_COLUMNS) {
    const head = ['Threshold', 'Determination', 'Requires', ...all.map((g) => `${md(g.id)} (${md(g.level)} ${g.side === 'deployment' ? 'dep.' : 'sec.'})`)];
    const rows = p.thresholds.map((t) => [thresholdCell(t), determination(t), requires(t), ...all.map((g) => (t.required.includes(g.id) ? cell(t, g.id) : '·'))]);
    const undefinedIds = p.thresholds.flatMap((t) => t.required.filter((id) => !statusOf.has(id)).map((id) => `${md(t.id)} → ${md(id)}`));
    return [table(head, rows), '', legend, ...(undefinedIds.length ? ['', `Required but defined by no standard: ${undefinedIds.join(', ')}`] : [])];
  }
  // Too wide: one column per standard (k/n implemented), then what is missing.
  const stds = p.standards.filter((s) => s.safeguards.length);
  const head = ['Threshold', 'Determination', 'Requires', ...stds.map((s) => `${md(s.level)} (${md(s.status)})`), 'Not implemented'];
  const rows = p.thresholds.map((t) => {
    const perStd = stds.map((s) => {
      const ids = s.safeguards.map((g) => g.id).filter((id) => t.required.includes(id));
      if (!ids.length) return '·';
      const done = ids.filter((id) => statusOf.get(id) === 'implemented').length;
      const gap = ids.some((id) => t.gaps.includes(id));
      return `${gap ? '❗' : done === ids.length ? '✅' : '◐'} ${done}/${ids.length}`;
    });
    const missing = t.required.filter((id) => statusOf.get(id) !== 'implemented')
      .map((id) => `${t.gaps.includes(id) ? '❗ ' : ''}${md(id)}: ${statusOf.has(id) ? STATUS[statusOf.get(id)!] ?? md(statusOf.get(id)) : 'defined by no standard'}`);
    return [thresholdCell(t), determination(t), requires(t), ...perStd, missing.length ? missing.join('<br>') : '—'];
  });
  return [table(head, rows), '', `_k/n: required safeguards of that standard implemented. ${legend.slice(1)}`];
}

function roadmap(rm: RoadmapView): string[] {
  const out: string[] = [];
  const goals = rm.goals;
  out.push(`#### Roadmap: ${md(rm.title ?? rm.id ?? rm.path)} — ${plural(goals.length, 'goal')}`, '', `${md(rm.path)}${rm.published ? ` · published ${md(rm.published)}` : ''}`, '');
  const areas = [...AREAS, ...[...new Set(goals.map((g) => g.area))].filter((a) => !AREAS.includes(a)).sort()];
  const count = (list: GoalItem[], f: (g: GoalItem) => boolean) => list.filter(f).length;
  const flag = (n: number, mark: string) => (n ? `${mark} ${n}` : '0');
  out.push(table(['Area', 'Goals', 'Done', 'Overdue', 'Unowned', 'At risk'], areas.map((a) => {
    const list = goals.filter((g) => g.area === a);
    return [md(a), String(list.length), String(count(list, (g) => g.status === 'done')), flag(count(list, (g) => g.overdue), '⏰'), flag(count(list, (g) => g.unowned), '👤'), flag(count(list, (g) => g.status === 'at-risk'), '⚠️')];
  }), ['---', '--:', '--:', '--:', '--:', '--:']), '');
  const graded = goals.filter((g) => g.grading);
  if (graded.length) {
    const reports = [...new Set(graded.map((g) => g.grading!.report))];
    out.push(`Graded in ${reports.length === 1 ? 'risk report' : 'risk reports'} ${reports.map((r) => `**${md(r)}**`).join(', ')}:`, '');
    out.push(table(['Goal', 'Grading', 'Note', 'Success criteria'], graded.map((g) => [
      `**${md(g.id)}**${g.title ? ` ${md(g.title)}` : ''}`,
      `${GRADING[g.grading!.outcome] ?? md(g.grading!.outcome)}${reports.length > 1 ? ` (${md(g.grading!.report)})` : ''}`,
      g.grading!.note ? md(g.grading!.note) : '—',
      g.successCriteria?.length ? g.successCriteria.map(md).join('<br>') : '—',
    ])), '');
  }
  const attention = goals.filter((g) => g.overdue || g.unowned || g.status === 'at-risk' || badlyGraded(g))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.id.localeCompare(b.id));
  if (!attention.length) { out.push(`✅ No goal is overdue, unowned or at risk${graded.length ? ', or graded missed or slipped' : ''}.`); return out; }
  out.push(table(['Goal', 'Area', 'Owner', 'Due', 'Status', 'Needs attention'], attention.map((g) => {
    const why = [
      g.overdue ? `⏰ **overdue ${plural(g.daysLate ?? 0, 'day')}**` : '',
      g.unowned ? `👤 **${g.owner ? 'placeholder owner' : 'no owner'}**` : '',
      g.status === 'at-risk' ? '⚠️ at risk' : '',
      badlyGraded(g) ? `${GRADING[g.grading!.outcome]} in ${md(g.grading!.report)}` : '',
    ].filter(Boolean).join(', ');
    return [`**${md(g.id)}**${g.title ? ` ${md(g.title)}` : ''}${criteria(g)}`, md(g.area), g.owner ? md(g.owner) : '—', g.due ? md(g.due) : '—', md(g.status), why];
  })));
  return out;
}

function findings(o: Overview): string[] {
  const out = ['### Findings', ''];
  const withFindings = o.files.filter((f) => f.errors + f.warnings + f.infos > 0);
  const clean = o.files.length - withFindings.length;
  if (!withFindings.length) {
    out.push(`✅ No findings in ${plural(o.files.length, 'file')}.`);
    return out;
  }
  const t = o.totals;
  const rows = withFindings.map((f) => [`${md(f.path)}:${f.at.line + 1}`, f.errors ? `❌ ${f.errors}` : '0', f.warnings ? `⚠️ ${f.warnings}` : '0', String(f.infos)]);
  rows.push([`**Total** (${plural(o.files.length, 'file')}${clean ? `, ${clean} without findings` : ''})`, `**${t.errors}**`, `**${t.warnings}**`, `**${t.infos}**`]);
  out.push(table(['File', 'Errors', 'Warnings', 'Infos'], rows, ['---', '--:', '--:', '--:']));
  return out;
}
