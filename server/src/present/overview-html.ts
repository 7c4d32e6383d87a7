/**
 * The policy overview as one self-contained HTML document: no external assets, all CSS in one
 * nonce'd <style> block, no `style` attributes (the webview's CSP is `default-src 'none';
 * style-src 'nonce-N'; script-src 'nonce-N'`). Layout needs no data-dependent CSS: the matrix
 * and the timeline are tables, so `renderOverviewBody` alone can refresh a webview.
 *
 * Every threshold, safeguard, goal and file links to its place: `vscode://file/…:line:col` in a
 * standalone file, `data-path/-line/-character` (0-based) in a webview, whose one script posts
 * `{ command: 'open', path, line, character }` on click and swaps the body on
 * `{ command: 'update', html }`. All document text is escaped: it is untrusted.
 *
 * rsp/v2 policies add a scales block, the latest report's decision, approvals, models, period,
 * redactions and external review, each threshold's role and level (an alert links to the row of
 * the threshold it warns of, by an in-page `#p<i>-t<k>` anchor) and every required standard
 * linked to its definition; goal cards add success criteria, completion, reason and the grading
 * from the latest report that reviews them. v1 policies render exactly as before.
 */
import { contentSecurityPolicy, htmlText } from '../encode';
import { COVERAGE_CSS, coverageHtml } from './coverage-html';
import type { FileCounts, GoalItem, Overview, Place, PolicyView, ReportView, RoadmapView, SafeguardColumn, SafeguardStatus, ScaleView, StandardGroup, ThresholdRow } from '../engine/features/overview';
import { contentNonce, randomNonce } from './nonce';

export interface OverviewHtmlOptions {
  mode: 'file' | 'webview';
  /** The CSP nonce of the <style> (and, in a webview, <script>) element; if absent, derived from
   *  the content in a standalone file (reproducible output), random in a webview. */
  nonce?: string;
  title?: string;
  /** How a path is shown (links keep the path itself); default: relative to the common folder. */
  label?: (path: string) => string;
}

const AREAS = ['security', 'alignment', 'safeguards', 'policy'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Runs of at least this many months without a due goal are folded into one row. */
const FOLD_EMPTY_MONTHS = 3;

const STATUS_TEXT: Record<SafeguardStatus, { sym: string; text: string }> = {
  implemented: { sym: '✓', text: 'implemented' },
  partial: { sym: '◐', text: 'partial' },
  planned: { sym: '○', text: 'planned' },
  'not-applicable': { sym: '–', text: 'not applicable' },
  unknown: { sym: '?', text: 'unknown' },
};
const DETERMINATION: Record<string, { sym: string; text: string }> = {
  crossed: { sym: '▲', text: 'crossed' },
  near: { sym: '◆', text: 'near' },
  below: { sym: '✓', text: 'below' },
  inconclusive: { sym: '?', text: 'inconclusive' },
  none: { sym: '–', text: 'not assessed' },
};
const GRADING: Record<string, { sym: string; text: string }> = {
  met: { sym: '✓', text: 'met' }, missed: { sym: '✗', text: 'missed' }, slipped: { sym: '↷', text: 'slipped' }, dropped: { sym: '–', text: 'dropped' },
};
const ROLE: Record<string, { sym: string; text: string }> = { alert: { sym: '⚑', text: 'alert' }, research: { sym: '◎', text: 'research' } };
/** A goal graded missed or slipped needs attention. */
const badlyGraded = (g: GoalItem) => g.grading?.outcome === 'missed' || g.grading?.outcome === 'slipped';
const GOAL_STATUS: Record<string, string> = { done: '✓ done', 'in-progress': '▸ in progress', planned: '○ planned', 'at-risk': '⚠ at risk', dropped: '✗ dropped' };

/** Document text in HTML (element content and double-quoted attributes): the shared encoder. */
export const esc = htmlText;

/** A class-name-safe token from untrusted text. */
function token(s: string | undefined): string {
  return (s ?? 'unknown').toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 40) || 'unknown';
}

function plural(n: number, one: string, many = `${one}s`): string { return `${n} ${n === 1 ? one : many}`; }

function isAbsolute(p: string): boolean { return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p); }

/** `vscode://file/ABSOLUTE_PATH:LINE:COL` (1-based), or undefined for a relative path. */
export function vscodeFileUri(at: Place): string | undefined {
  let p = at.path;
  if (/^[A-Za-z]:[\\/]/.test(p)) p = `/${p.replace(/\\/g, '/')}`;
  else if (!p.startsWith('/')) return undefined;
  const encoded = p.split('/').map((seg) => encodeURIComponent(seg).replace(/%3A/gi, ':')).join('/');
  return `vscode://file${encoded}:${at.line + 1}:${at.character + 1}`;
}

/** Strips the folder that all absolute paths of the overview share. */
function defaultLabel(o: Overview): (p: string) => string {
  const paths = [
    ...o.files.map((f) => f.path),
    ...o.policies.flatMap((p) => [p.path, ...p.reports.map((r) => r.path), ...p.roadmaps.map((r) => r.path)]),
  ];
  if (!paths.length || !paths.every(isAbsolute)) return (p) => p;
  const split = (p: string) => p.split(/[\\/]/);
  let common = split(paths[0]!).slice(0, -1);
  for (const p of paths.slice(1)) {
    const parts = split(p).slice(0, -1);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  const prefixLength = common.join('/').length + 1;
  return (p) => (isAbsolute(p) && split(p).slice(0, common.length).join('/') === common.join('/') ? p.slice(prefixLength) : p);
}

interface Ctx { mode: 'file' | 'webview'; label: (p: string) => string }

function where(c: Ctx, at: Place): string { return `${c.label(at.path)}:${at.line + 1}:${at.character + 1}`; }

/** `inner` (already HTML) as a link to `at`; `title` is plain text. */
function link(c: Ctx, at: Place, inner: string, cls: string, title?: string, attrs = ''): string {
  const tip = esc(title ? `${title} — ${where(c, at)}` : where(c, at));
  const klass = cls ? ` class="${cls}"` : '';
  if (c.mode === 'webview') {
    return `<a${klass} href="#" data-path="${esc(at.path)}" data-line="${at.line}" data-character="${at.character}" title="${tip}"${attrs}>${inner}</a>`;
  }
  const href = vscodeFileUri(at);
  if (href) return `<a${klass} href="${esc(href)}" title="${tip}"${attrs}>${inner}</a>`;
  return `<span${cls ? ` class="${cls} loc"` : ' class="loc"'} title="${tip}"${attrs}>${inner}</span>`;
}


export function renderOverviewHtml(o: Overview, opts: OverviewHtmlOptions): string {
  return renderPage(renderOverviewBody(o, opts), opts, COVERAGE_CSS);
}

/**
 * A page in the overview's shell — its CSS (plus `extraCss`), CSP, nonce and, in a webview,
 * its script (links with `data-path` post `open`; `update` swaps the body) — around `body`
 * (already HTML). Shared by the change review's page (present/diff-html.ts).
 */
export function renderPage(body: string, opts: Pick<OverviewHtmlOptions, 'mode' | 'nonce' | 'title'>, extraCss = ''): string {
  const nonce = opts.nonce ?? (opts.mode === 'file' ? contentNonce(body, 'rsp') : randomNonce());
  if (!/^[A-Za-z0-9+/=_-]{8,128}$/.test(nonce)) throw new Error('renderOverviewHtml: the nonce must be 8 to 128 base64 characters');
  const title = opts.title ?? 'RSP overview';
  const csp = opts.mode === 'webview'
    ? contentSecurityPolicy(nonce, { script: true })
    : contentSecurityPolicy(nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rsp-lint">
<title>${esc(title)}</title>
<style nonce="${nonce}">${CSS}${extraCss}</style>
${opts.mode === 'webview' ? `<script nonce="${nonce}">${SCRIPT}</script>\n` : ''}</head>
<body>
${body}
</body>
</html>
`;
}

/** The inner HTML of <body> (for the webview's `update` message). */
export function renderOverviewBody(o: Overview, opts: OverviewHtmlOptions): string {
  const c: Ctx = { mode: opts.mode, label: opts.label ?? defaultLabel(o) };
  const thresholds = o.policies.flatMap((p) => p.thresholds);
  const goals = o.policies.flatMap((p) => p.roadmaps.flatMap((r) => r.goals));
  const near = thresholds.filter((t) => t.determination === 'near').length;
  const crossed = thresholds.filter((t) => t.determination === 'crossed').length;
  const gaps = thresholds.reduce((a, t) => a + t.gaps.length, 0);
  const overdue = goals.filter((g) => g.overdue).length;
  const unowned = goals.filter((g) => g.unowned).length;
  const graded = goals.filter(badlyGraded).length;
  const chip = (n: number, text: string, bad: string) => `<li class="chip${n > 0 ? ` ${bad}` : ''}"><b>${n}</b> ${esc(n === 1 ? text.replace(/s$/, '') : text)}</li>`;
  const out: string[] = [];
  out.push(`<header class="top"><h1>${esc(opts.title ?? 'RSP overview')}</h1>`);
  out.push(`<p class="muted">As of ${esc(o.today)} · ${plural(o.policies.length, 'policy', 'policies')} · ${plural(o.files.length, 'file')} checked</p>`);
  out.push(`<ul class="summary" aria-label="Summary">${chip(thresholds.length, 'thresholds', '')}${chip(crossed, 'crossed', 'bad')}${chip(near, 'near', 'warn')}`
    + `${chip(gaps, 'safeguard gaps', 'bad')}${chip(goals.length, 'goals', '')}${chip(overdue, 'overdue', 'bad')}${chip(unowned, 'unowned', 'bad')}${graded ? chip(graded, 'missed or slipped', 'bad') : ''}`
    + `${chip(o.totals.errors, 'errors', 'bad')}${chip(o.totals.warnings, 'warnings', 'warn')}${chip(o.totals.infos, 'infos', '')}</ul>`);
  if (o.policies.length > 1) {
    out.push(`<nav aria-label="Policies"><ul class="toc">${o.policies.map((p, i) => `<li><a href="#policy-${i}">${esc(p.title ?? p.id ?? c.label(p.path))}</a> <span class="mono muted">${esc(c.label(p.path))}</span></li>`).join('')}</ul></nav>`);
  }
  out.push('</header>');
  if (!o.policies.length) out.push('<p class="empty">No policy found: check a folder with a <code>*.rsp.yaml</code> file, or a roadmap or report that links to one.</p>');
  o.policies.forEach((p, i) => out.push(policySection(c, p, i, o.today)));
  out.push(findingsSection(c, o));
  return out.join('\n');
}

function policySection(c: Ctx, p: PolicyView, i: number, today: string): string {
  const out: string[] = [];
  const name = p.title ?? p.id ?? c.label(p.path);
  out.push(`<section class="policy" id="policy-${i}" data-policy="${esc(p.id ?? '')}">`);
  out.push(`<h2>${link(c, { path: p.path, line: 0, character: 0 }, esc(name), 'plain', 'open the policy')}</h2>`);
  const facts = [
    p.organization ? `<span class="org">${esc(p.organization)}</span>` : '',
    p.version ? `<span>version ${esc(p.version)}</span>` : '',
    p.id ? `<span class="mono">${esc(p.id)}</span>` : '',
    `<span class="mono muted">${esc(c.label(p.path))}</span>`,
  ].filter(Boolean);
  out.push(`<p class="facts">${facts.join(' · ')}</p>`);
  const r = p.latestReport;
  if (r?.format === 2) {
    out.push(reportBlock(c, r, p.reports.length));
  } else if (r) {
    const parts = [`<b>${esc(r.id ?? c.label(r.path))}</b>`, r.model ? `model ${esc(r.model)}` : '', r.published ? `published ${esc(r.published)}` : 'no publication date'].filter(Boolean);
    out.push(`<p class="report">Latest risk report: ${link(c, r.at, parts.join(' · '), '', 'open the risk report')}${p.reports.length > 1 ? ` <span class="muted">(${p.reports.length} reports)</span>` : ''}</p>`);
  } else {
    out.push('<p class="report muted">No risk report links to this policy: every determination and safeguard status is unknown.</p>');
  }
  if (p.scales?.length) out.push(scalesBlock(c, p.scales));
  out.push(matrix(c, p, i));
  if (!p.roadmaps.length) out.push('<h3>Roadmap</h3><p class="muted">No roadmap links to this policy.</p>');
  for (const rm of p.roadmaps) out.push(timeline(c, rm, today));
  if (p.coverage) out.push(coverageHtml(p.coverage, (at, inner, cls, title, attrs) => link(c, at, inner, cls, title, attrs)));
  out.push('</section>');
  return out.join('\n');
}

/** A v2 report: what it decided, who approved it, what it covers, what was redacted and who reviewed it. */
function reportBlock(c: Ctx, r: ReportView, count: number): string {
  const ids = (list: string[]) => list.map((x) => `<span class="mono">${esc(x)}</span>`).join(', ');
  const rows: string[] = [];
  const row = (key: string, name: string, value: string) => rows.push(`<div class="fact" data-fact="${key}"><dt>${name}</dt><dd>${value}</dd></div>`);
  const d = r.decision;
  row('decision', 'Decision', d
    ? `${d.outcome ? `<span class="outcome oc-${token(d.outcome)}">${esc(d.outcome)}</span>` : '<span class="warntext">no outcome</span>'}${d.date ? ` on ${esc(d.date)}` : ''}${d.by.length ? ` by ${ids(d.by)}` : ''}`
    : '<span class="warntext"><span aria-hidden="true">⚠</span> none recorded</span>');
  row('approved', 'Approved by', r.approvedBy?.length ? ids(r.approvedBy) : '<span class="warntext"><span aria-hidden="true">⚠</span> not approved</span>');
  if (r.models?.length) row('models', r.models.length === 1 ? 'Model' : 'Models', ids(r.models));
  if (r.period) row('period', 'Period', `${esc(r.period.from ?? '?')} to ${esc(r.period.to ?? '?')}`);
  row('redactions', 'Redactions', r.redactions ? `<b>${r.redactions}</b> ${r.redactions === 1 ? 'section' : 'sections'} withheld` : 'none');
  const x = r.externalReview;
  row('review', 'External review', x
    ? [x.reviewer ? esc(x.reviewer) : '<span class="muted">reviewer not named</span>', x.received ? `received ${esc(x.received)}` : '', x.published ? `published ${esc(x.published)}` : '<span class="muted">not published yet</span>',
      x.days !== undefined ? (x.late ? `<span class="late"><span aria-hidden="true">⚠</span> late: ${plural(x.days, 'day')}${x.published ? ' after receipt' : ' since receipt'}</span>` : `<span class="muted">${plural(x.days, 'day')}</span>`) : '',
      x.url ? `<span class="mono muted">${esc(x.url)}</span>` : ''].filter(Boolean).join(' · ')
    : r.redactions ? '<span class="warntext"><span aria-hidden="true">⚠</span> none, though the report is redacted</span>' : '<span class="muted">none</span>');
  const head = `Latest risk report: ${link(c, r.at, `<b>${esc(r.id ?? c.label(r.path))}</b>${r.published ? ` · published ${esc(r.published)}` : ' · no publication date'}`, '', 'open the risk report')}${count > 1 ? ` <span class="muted">(${count} reports)</span>` : ''}`;
  return `<div class="report v2"><p class="report">${head}</p><dl class="facts2">${rows.join('')}</dl></div>`;
}

/** A v2 policy's scales, lowest level first. */
function scalesBlock(c: Ctx, scales: ScaleView[]): string {
  const items = scales.map((s) => {
    const levels = s.levels.length
      ? `<ol class="levels" aria-label="levels, lowest first">${s.levels.map((l) => `<li><span class="lvlchip">${esc(l)}</span></li>`).join('')}</ol>`
      : '<span class="warntext">no levels</span>';
    const name = s.implied ? `<span class="mono">${esc(s.id)}</span>` : link(c, s.at, `<span class="mono">${esc(s.id)}</span>`, 'sid', s.title ?? s.id);
    return `<li class="scale" data-scale="${esc(s.id)}"><div class="shead">${name}${s.title ? ` <span>${esc(s.title)}</span>` : ''}${s.appliesTo ? ` <span class="muted">· ${esc(s.appliesTo)}</span>` : ''}`
      + `${s.reference ? ` <span class="muted">· built-in reference <span class="mono">${esc(s.reference)}</span></span>` : ''}${s.implied ? ' <span class="muted">· none declared: the built-in ASL scale applies</span>' : ''}</div>${levels}</li>`;
  });
  return `<h3>Scales <span class="muted">(lowest level first)</span></h3><ul class="scales">${items.join('')}</ul>`;
}

// ---------------------------------------------------------------- the matrix

function matrix(c: Ctx, p: PolicyView, pi: number): string {
  const out: string[] = [];
  out.push(`<h3>Thresholds × safeguards${p.latestReport ? ` <span class="muted">(statuses from ${esc(p.latestReport.id ?? 'the latest report')})</span>` : ''}</h3>`);
  if (!p.thresholds.length) { out.push('<p class="muted">This policy defines no capability thresholds.</p>'); return out.join('\n'); }
  out.push(`<ul class="legend" aria-label="Legend">${(Object.keys(STATUS_TEXT) as SafeguardStatus[]).map((s) => `<li><span class="key s-${s}" aria-hidden="true">${STATUS_TEXT[s].sym}</span> ${STATUS_TEXT[s].text}</li>`).join('')}`
    + '<li><span class="key nr" aria-hidden="true">·</span> not required</li><li><span class="key s-planned gap" aria-hidden="true">○<b class="gapmark">!</b></span> gap: required, not implemented, threshold near or crossed</li></ul>');
  const groups: Array<{ std: StandardGroup; side: 'deployment' | 'security'; cols: SafeguardColumn[] }> = [];
  for (const std of p.standards) {
    for (const side of ['deployment', 'security'] as const) {
      const cols = std.safeguards.filter((g) => g.side === side);
      if (cols.length) groups.push({ std, side, cols });
    }
  }
  const columns = groups.flatMap((g) => g.cols.map((col, k) => ({ col, firstOfStd: k === 0 && groups.find((x) => x.std === g.std) === g, firstOfSide: k === 0 })));
  const defined = new Set(columns.map((x) => x.col.id));
  out.push('<div class="scroll fit"><table class="matrix">');
  out.push('<thead>');
  // Row 1: ASL standards with their status.
  const stdCells = p.standards.map((std) => {
    const n = std.safeguards.length;
    if (!n) return '';
    return `<th scope="colgroup" colspan="${n}" class="std gs" data-level="${esc(std.level)}">${link(c, std.at, `<span class="lvl">${esc(std.level)}</span>`, 'plain', std.name ?? std.level)} <span class="st st-${token(std.status)}">${esc(std.status)}</span></th>`;
  }).join('');
  out.push(`<tr><th rowspan="3" scope="col" class="corner">Threshold <span class="muted">(determination in the latest report)</span></th>${stdCells}</tr>`);
  // Row 2: deployment / security.
  out.push(`<tr>${groups.map((g) => {
    const short = g.cols.length < 3;
    const text = short ? (g.side === 'deployment' ? 'dep.' : 'sec.') : g.side;
    return `<th scope="colgroup" colspan="${g.cols.length}" class="side${g.cols[0] && columns.find((x) => x.col === g.cols[0])?.firstOfStd ? ' gs' : ' ss'}" title="${esc(`${g.std.level} ${g.side} safeguards`)}">${esc(text)}</th>`;
  }).join('')}</tr>`);
  // Row 3: one column per safeguard.
  out.push(`<tr>${columns.map(({ col, firstOfStd, firstOfSide }) => {
    const tip = `${col.id}${col.title ? `: ${col.title}` : ''} (${col.level} ${col.side}) — ${STATUS_TEXT[col.status]?.text ?? col.status}`;
    return `<th scope="col" class="sg${firstOfStd ? ' gs' : firstOfSide ? ' ss' : ''}" data-safeguard="${esc(col.id)}">${link(c, col.at, `<span class="vert">${esc(col.id)}</span>`, 'plain', tip)}</th>`;
  }).join('')}</tr>`);
  out.push('</thead><tbody>');
  // v2: in-page anchors, so an alert links to the row of the threshold it warns of.
  const rowIndex = new Map<string, number>();
  p.thresholds.forEach((t, k) => { if (!rowIndex.has(t.id)) rowIndex.set(t.id, k); });
  const anchor = (id: string) => (rowIndex.has(id) ? `p${pi}-t${rowIndex.get(id)}` : undefined);
  p.thresholds.forEach((t, k) => out.push(thresholdRow(c, t, columns, defined, p.format === 2 ? { anchor, self: `p${pi}-t${k}` } : undefined)));
  out.push('</tbody></table></div>');
  return out.join('\n');
}

function thresholdRow(c: Ctx, t: ThresholdRow, columns: Array<{ col: SafeguardColumn; firstOfStd: boolean; firstOfSide: boolean }>, defined: Set<string>, v2?: { anchor: (id: string) => string | undefined; self: string }): string {
  const det = t.determination ?? 'none';
  const d = DETERMINATION[det] ?? DETERMINATION.none!;
  const required = new Set(t.required);
  const gaps = new Set(t.gaps);
  const head: string[] = [];
  head.push(`<div class="trow1">${link(c, t.at, esc(t.id), 'tid', t.title ?? t.id)} <span class="badge det-${token(det)}" data-determination="${esc(det)}"><span aria-hidden="true">${d.sym}</span> ${esc(d.text)}</span></div>`);
  if (t.title) head.push(`<div class="ttitle">${esc(t.title)}</div>`);
  if (v2) head.push(v2Lines(t, v2.anchor));
  const req = v2 && t.requiresList
    ? (t.requiresList.length
      ? `requires ${t.requiresList.map((r) => `<span class="rq" data-standard="${esc(r.id)}">${r.at ? link(c, r.at, `<b>${esc(r.id)}</b>`, 'plain', `standard ${r.id}`) : `<b>${esc(r.id)}</b>`} ${r.status ? `<span class="st st-${token(r.status)}">${esc(r.status)}</span>` : '<span class="st st-undefined">not defined</span>'}</span>`).join(' + ')}`
      : t.role === 'threshold' ? '<span class="warntext">requires no standard</span>' : '<span class="muted">requires no standard</span>')
    : t.requires
    ? `requires <b>${esc(t.requires)}</b>${t.requiresStatus ? ` <span class="st st-${token(t.requiresStatus)}">${esc(t.requiresStatus)}</span>` : ' <span class="st st-undefined">not defined</span>'}`
    : '<span class="warntext">requires no ASL standard</span>';
  head.push(`<div class="treq">${req}${t.aslApplied ? ` · applied ${esc(t.aslApplied)}` : ''}${t.residualRisk ? ` · residual risk <span class="risk rk-${token(t.residualRisk)}">${esc(t.residualRisk)}</span>` : ''}</div>`);
  const undefinedIds = t.required.filter((id) => !defined.has(id));
  if (undefinedIds.length) head.push(`<div class="warntext">also requires, defined by no standard: ${undefinedIds.map((id) => `<span class="mono">${esc(id)}</span>`).join(', ')}</div>`);
  if (t.gaps.length) head.push(`<div class="gaptext"><span aria-hidden="true">⚠</span> ${plural(t.gaps.length, 'gap')}: required safeguards not implemented while ${esc(det)}</div>`);
  const cells = columns.map(({ col, firstOfStd, firstOfSide }) => {
    const sep = firstOfStd ? ' gs' : firstOfSide ? ' ss' : '';
    if (!required.has(col.id)) return `<td class="c nr${sep}" data-safeguard="${esc(col.id)}"><span aria-hidden="true">·</span><span class="sr">${esc(col.id)}: not required</span></td>`;
    const s = STATUS_TEXT[col.status] ?? STATUS_TEXT.unknown;
    const gap = gaps.has(col.id);
    const tip = `${t.id} requires ${col.id}${col.title ? ` (${col.title})` : ''}: ${s.text}${gap ? ` — GAP: not implemented while ${det}` : ''}`;
    const inner = `<span aria-hidden="true">${s.sym}${gap ? '<b class="gapmark">!</b>' : ''}</span><span class="sr">${esc(col.id)}: ${esc(s.text)}${gap ? ', gap' : ''}</span>`;
    return `<td class="c req s-${token(col.status)}${gap ? ' gap' : ''}${sep}" data-safeguard="${esc(col.id)}" data-status="${esc(col.status)}">${link(c, col.at, inner, 'cell', tip)}</td>`;
  }).join('');
  const roleAttrs = v2 ? ` id="${v2.self}" data-role="${esc(t.role ?? 'threshold')}"` : '';
  return `<tr class="thr det-row-${token(det)}${v2 && t.role && t.role !== 'threshold' ? ` row-${token(t.role)}` : ''}" data-threshold="${esc(t.id)}"${roleAttrs}><th scope="row" class="thr">${head.join('')}</th>${cells}</tr>`;
}

/** A v2 threshold's role, level, the threshold an alert warns of and the alerts that warn of it. */
function v2Lines(t: ThresholdRow, anchor: (id: string) => string | undefined): string {
  const to = (id: string) => { const a = anchor(id); return a ? `<a class="mono" href="#${a}" data-anchor="${a}">${esc(id)}</a>` : `<span class="mono">${esc(id)}</span> <span class="warntext">(not in this policy)</span>`; };
  const parts: string[] = [];
  const role = t.role && ROLE[t.role];
  if (role) parts.push(`<span class="role role-${token(t.role)}"><span aria-hidden="true">${role.sym}</span> ${role.text}</span>`);
  if (t.role === 'alert') parts.push(t.warns ? `<span class="warns">warns of ${to(t.warns)}</span>` : '<span class="warntext">warns of no threshold</span>');
  if (t.role === 'research') parts.push('<span class="muted">watched, no safeguards required</span>');
  if (t.level) parts.push(`<span class="lvl">level <span class="lvlchip">${esc(t.level)}</span></span>`);
  if (t.warnedBy?.length) parts.push(`<span class="warnedby">alert${t.warnedBy.length > 1 ? 's' : ''}: ${t.warnedBy.map(to).join(', ')}</span>`);
  return parts.length ? `<div class="trole">${parts.join(' ')}</div>` : '';
}

// -------------------------------------------------------------- the timeline

function monthIndex(date: string): number { return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1; }
function monthName(i: number): string { return `${MONTHS[i % 12]} ${Math.floor(i / 12)}`; }

function timeline(c: Ctx, rm: RoadmapView, today: string): string {
  const out: string[] = [];
  const name = rm.title ?? rm.id ?? c.label(rm.path);
  const goals = rm.goals;
  const overdue = goals.filter((g) => g.overdue).length;
  const unowned = goals.filter((g) => g.unowned).length;
  const atRisk = goals.filter((g) => g.status === 'at-risk').length;
  const done = goals.filter((g) => g.status === 'done').length;
  const graded = goals.filter(badlyGraded).length;
  out.push(`<section class="roadmap" data-roadmap="${esc(rm.id ?? '')}">`);
  out.push(`<h3>Roadmap: ${link(c, rm.at, esc(name), 'plain', 'open the roadmap')} <span class="muted"><span class="mono">${esc(c.label(rm.path))}</span> · ${rm.published ? `published ${esc(rm.published)} · ` : ''}${plural(goals.length, 'goal')}, ${done} done`
    + `${overdue ? ` · <span class="errtext">${overdue} overdue</span>` : ''}${unowned ? ` · <span class="errtext">${unowned} unowned</span>` : ''}${atRisk ? ` · <span class="warntext">${atRisk} at risk</span>` : ''}${graded ? ` · <span class="errtext">${graded} missed or slipped</span>` : ''}</span></h3>`);
  if (!goals.length) { out.push('<p class="muted">This roadmap has no goals.</p></section>'); return out.join('\n'); }
  const lanes: string[] = [...AREAS];
  if (goals.some((g) => !(AREAS as readonly string[]).includes(g.area))) lanes.push('other');
  const laneOf = (g: GoalItem) => ((AREAS as readonly string[]).includes(g.area) ? g.area : 'other');

  const dated = goals.filter((g) => g.due).sort((a, b) => a.due!.localeCompare(b.due!) || a.id.localeCompare(b.id));
  const undated = goals.filter((g) => !g.due);
  const todayM = monthIndex(today);
  const rows: string[] = [];
  const nowRow = (where: string) => `<tr class="now" data-today="${esc(today)}"><th scope="row"><span class="nowlabel">today</span></th><td colspan="${lanes.length}"><span class="nowlabel">▼ ${esc(today)}${where}</span></td></tr>`;
  const goalRow = (label: string, cls: string, list: GoalItem[], month?: number) => {
    const cells = lanes.map((lane) => `<td data-lane="${lane}">${list.filter((g) => laneOf(g) === lane).map((g) => goalCard(c, g)).join('')}</td>`).join('');
    return `<tr class="${cls}"${month !== undefined ? ` data-month="${monthName(month)}"` : ''}><th scope="row">${label}</th>${cells}</tr>`;
  };
  if (dated.length) {
    const first = Math.min(rm.published ? monthIndex(rm.published) : Infinity, monthIndex(dated[0]!.due!));
    const last = monthIndex(dated[dated.length - 1]!.due!);
    const byMonth = new Map<number, GoalItem[]>();
    for (const g of dated) { const m = monthIndex(g.due!); if (!byMonth.has(m)) byMonth.set(m, []); byMonth.get(m)!.push(g); }
    if (todayM < first) rows.push(nowRow(' (before the roadmap starts)'));
    let m = first;
    while (m <= last) {
      const list = byMonth.get(m);
      if (!list) {
        let end = m;
        while (end + 1 <= last && !byMonth.has(end + 1) && end + 1 !== todayM && m !== todayM) end++;
        if (end - m + 1 >= FOLD_EMPTY_MONTHS) {
          rows.push(`<tr class="empty fold"><th scope="row">${monthName(m)} – ${monthName(end)}</th><td colspan="${lanes.length}"><span class="muted">${end - m + 1} months without a due goal</span></td></tr>`);
          m = end + 1;
          continue;
        }
        rows.push(`<tr class="empty" data-month="${monthName(m)}"><th scope="row">${monthName(m)}</th><td colspan="${lanes.length}"></td></tr>`);
        if (m === todayM) rows.push(nowRow(''));
        m++;
        continue;
      }
      if (m === todayM) {
        const before = list.filter((g) => g.due! < today);
        const after = list.filter((g) => g.due! >= today);
        // The marker splits its month: goals due before today above it, the others below.
        if (before.length) rows.push(goalRow(monthName(m), 'month', before, m));
        rows.push(nowRow(''));
        if (after.length) rows.push(goalRow(monthName(m), before.length ? 'month cont' : 'month', after, m));
      } else {
        rows.push(goalRow(monthName(m), 'month', list, m));
      }
      m++;
    }
    if (todayM > last) rows.push(nowRow(' (after every due date)'));
  }
  if (undated.length) rows.push(goalRow('<span class="errtext">no due date</span>', 'month undated', undated));
  out.push('<div class="scroll"><table class="timeline">');
  out.push(`<colgroup><col class="axis">${lanes.map(() => '<col class="lanecol">').join('')}</colgroup>`);
  out.push(`<thead><tr><th scope="col" class="axis">Due</th>${lanes.map((l) => {
    const n = goals.filter((g) => laneOf(g) === l).length;
    return `<th scope="col" class="lane" data-lane="${l}">${l[0]!.toUpperCase()}${l.slice(1)} <span class="muted">(${n})</span></th>`;
  }).join('')}</tr></thead>`);
  out.push(`<tbody>${rows.join('\n')}</tbody></table></div>`);
  out.push('</section>');
  return out.join('\n');
}

function goalCard(c: Ctx, g: GoalItem): string {
  const classes = ['goal', `g-${token(g.status)}`];
  if (g.overdue) classes.push('overdue');
  if (g.unowned) classes.push('unowned');
  const status = GOAL_STATUS[g.status] ?? g.status ?? 'no status';
  const owner = g.unowned
    ? `<span class="owner missing"><span aria-hidden="true">⚠</span> ${g.owner ? `placeholder owner “${esc(g.owner)}”` : 'no owner'}</span>`
    : `<span class="owner">${esc(g.owner)}</span>`;
  const due = g.due ? `due ${esc(g.due)}` : '<span class="errtext">no due date</span>';
  const late = g.overdue ? ` <span class="late"><span aria-hidden="true">⚠</span> ${plural(g.daysLate ?? 0, 'day')} late</span>` : '';
  const area = (AREAS as readonly string[]).includes(g.area) ? '' : ` <span class="muted">[${esc(g.area)}]</span>`;
  if (badlyGraded(g)) classes.push('graded-bad');
  const gr = g.grading ? GRADING[g.grading.outcome] ?? { sym: '?', text: g.grading.outcome } : undefined;
  const grading = g.grading && gr
    ? `<span class="grade gr-${token(g.grading.outcome)}" data-grading="${esc(g.grading.outcome)}"><span aria-hidden="true">${gr.sym}</span> ${esc(gr.text)} <span class="muted">in ${esc(g.grading.report)}</span>${g.grading.note ? `<span class="gnote">${esc(g.grading.note)}</span>` : ''}</span>`
    : '';
  const crit = g.successCriteria?.length
    ? `<span class="criteria"><span class="ckey">success criteria</span>${g.successCriteria.map((x) => `<span class="crit">${esc(x)}</span>`).join('')}</span>`
    : '';
  const inner = `<span class="gline"><span class="gid">${esc(g.id)}</span><span class="gst">${esc(status)}</span></span>`
    + (g.title ? `<span class="gtitle">${esc(g.title)}</span>` : '')
    + `${owner}<span class="gdue">${due}${g.completed ? ` · done ${esc(g.completed)}` : ''}${late}${area}</span>`
    + (g.reason ? `<span class="greason">${esc(g.reason)}</span>` : '') + crit + grading;
  const tip = `${g.id}${g.title ? `: ${g.title}` : ''} — ${g.owner ? `owner ${g.owner}` : 'no owner'}, ${g.due ? `due ${g.due}` : 'no due date'}, ${g.status}${g.overdue ? `, ${g.daysLate} days late` : ''}${g.grading ? `, ${g.grading.outcome} in ${g.grading.report}` : ''}`;
  return link(c, g.at, inner, classes.join(' '), tip, ` data-goal="${esc(g.id)}"`);
}

// ------------------------------------------------------------------ findings

function findingsSection(c: Ctx, o: Overview): string {
  const num = (n: number, cls: string) => `<td class="num${n > 0 ? ` ${cls}` : ' zero'}">${n}</td>`;
  const row = (f: FileCounts) => {
    const clean = f.errors + f.warnings + f.infos === 0;
    return `<tr data-file="${esc(c.label(f.path))}"><th scope="row">${link(c, f.at, esc(c.label(f.path)), 'mono', clean ? 'open the file' : 'open the first finding')}</th>`
      + `${num(f.errors, 'errtext')}${num(f.warnings, 'warntext')}${num(f.infos, 'infotext')}<td>${clean ? '<span class="oktext"><span aria-hidden="true">✓</span> clean</span>' : `<span class="muted mono">first at ${f.at.line + 1}:${f.at.character + 1}</span>`}</td></tr>`;
  };
  const t = o.totals;
  return `<section class="findings"><h2>Findings</h2>
${o.files.length ? `<div class="scroll fit"><table class="files"><thead><tr><th scope="col">File</th><th scope="col" class="num">Errors</th><th scope="col" class="num">Warnings</th><th scope="col" class="num">Infos</th><th scope="col"></th></tr></thead>
<tbody>${o.files.map(row).join('\n')}</tbody>
<tfoot><tr class="totals"><th scope="row">Total (${plural(o.files.length, 'file')})</th>${num(t.errors, 'errtext')}${num(t.warnings, 'warntext')}${num(t.infos, 'infotext')}<td></td></tr></tfoot></table></div>` : '<p class="muted">No files were checked.</p>'}
</section>`;
}

// ---------------------------------------------------------------- style, script

const CSS = `
:root {
  color-scheme: light dark;
  --bg: var(--vscode-editor-background, #ffffff);
  --fg: var(--vscode-editor-foreground, #1f2328);
  --muted: var(--vscode-descriptionForeground, #59636e);
  --border: var(--vscode-panel-border, #d1d9e0);
  --subtle: var(--vscode-editorWidget-background, #f6f8fa);
  --hover: var(--vscode-list-hoverBackground, #eaeef2);
  --link: var(--vscode-textLink-foreground, #0969da);
  --focus: var(--vscode-focusBorder, #0969da);
  --err: var(--vscode-errorForeground, #cf222e);
  --warn: var(--vscode-editorWarning-foreground, #9a6700);
  --ok: var(--vscode-testing-iconPassed, #1a7f37);
  --info: var(--vscode-editorInfo-foreground, #0969da);
  --now: var(--vscode-charts-purple, #8250df);
  --font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif);
  --mono: var(--vscode-editor-font-family, ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace);
  --size: var(--vscode-font-size, 14px);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: var(--vscode-editor-background, #1e1e1e);
    --fg: var(--vscode-editor-foreground, #d4d4d4);
    --muted: var(--vscode-descriptionForeground, #a8a8a8);
    --border: var(--vscode-panel-border, #474747);
    --subtle: var(--vscode-editorWidget-background, #252526);
    --hover: var(--vscode-list-hoverBackground, #2a2d2e);
    --link: var(--vscode-textLink-foreground, #4daafc);
    --focus: var(--vscode-focusBorder, #0078d4);
    --err: var(--vscode-errorForeground, #f48771);
    --warn: var(--vscode-editorWarning-foreground, #cca700);
    --ok: var(--vscode-testing-iconPassed, #73c991);
    --info: var(--vscode-editorInfo-foreground, #75beff);
    --now: var(--vscode-charts-purple, #b180d7);
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0; padding: 1rem 1.5rem 2rem; background: var(--bg); color: var(--fg); font-family: var(--font); font-size: var(--size); line-height: 1.45; }
h1 { font-size: 1.5em; margin: 0 0 .2em; }
h2 { font-size: 1.3em; margin: 1.6em 0 .2em; padding-bottom: .2em; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.05em; margin: 1.4em 0 .5em; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
a:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
a.plain, .plain { color: inherit; }
.loc { cursor: help; }
.mono, code { font-family: var(--mono); font-size: .92em; }
.muted { color: var(--muted); font-weight: normal; }
.errtext, .gaptext { color: var(--err); font-weight: 600; }
.warntext { color: var(--warn); font-weight: 600; }
.oktext { color: var(--ok); }
.infotext { color: var(--info); }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.facts, .report { margin: .2em 0; }
.org { font-weight: 600; }
ul.summary { display: flex; flex-wrap: wrap; gap: .4em; list-style: none; padding: 0; margin: .6em 0 0; }
.chip { border: 1px solid var(--border); border-radius: 999px; padding: .1em .7em; background: var(--subtle); }
.chip.bad { border-color: var(--err); color: var(--err); background: color-mix(in srgb, var(--err) 10%, var(--bg)); }
.chip.warn { border-color: var(--warn); color: var(--warn); background: color-mix(in srgb, var(--warn) 10%, var(--bg)); }
ul.toc { margin: .5em 0 0; padding-left: 1.2em; }
ul.legend { display: flex; flex-wrap: wrap; gap: .3em 1.1em; list-style: none; padding: 0; margin: 0 0 .5em; font-size: .85em; color: var(--muted); }
.key { display: inline-block; min-width: 1.5em; text-align: center; font-weight: 700; border-radius: 3px; border: 1px solid var(--border); }
.scroll { position: relative; overflow-x: auto; max-width: 100%; border: 1px solid var(--border); border-radius: 6px; }
.scroll.fit { width: fit-content; }
table { border-collapse: separate; border-spacing: 0; }
th { font-weight: 600; }
/* the matrix */
table.matrix { font-size: .9em; }
.matrix th, .matrix td { border-right: 1px solid var(--border); border-bottom: 1px solid var(--border); }
.matrix thead th { background: var(--subtle); padding: 3px 4px; text-align: center; vertical-align: bottom; }
.matrix th.corner { text-align: left; vertical-align: bottom; min-width: 17rem; position: sticky; left: 0; z-index: 2; padding: 6px 10px; }
.matrix th.std { white-space: nowrap; }
.matrix th.std .lvl { font-weight: 700; }
.matrix th.side { font-weight: normal; color: var(--muted); font-size: .88em; }
.matrix th.sg { padding: 6px 2px; }
.matrix th.sg a { color: var(--fg); }
.vert { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-family: var(--mono); font-size: .85em; font-weight: normal; display: inline-block; }
.matrix .gs { border-left: 2px solid var(--fg); }
.matrix .ss { border-left: 1px dashed var(--muted); }
.matrix th.thr { position: sticky; left: 0; z-index: 1; background: var(--bg); text-align: left; font-weight: normal; vertical-align: top; min-width: 17rem; max-width: 24rem; padding: 6px 10px 6px 12px; border-left: 6px solid transparent; }
.trow1 { display: flex; align-items: center; gap: .5em; }
.tid { font-family: var(--mono); font-weight: 700; font-size: 1.05em; }
.ttitle { font-size: .92em; }
.treq { font-size: .85em; color: var(--muted); }
.treq b { color: var(--fg); }
.gaptext { font-size: .85em; }
tr.det-row-crossed th.thr { border-left-color: var(--err); background: color-mix(in srgb, var(--err) 14%, var(--bg)); }
tr.det-row-near th.thr { border-left-color: var(--warn); background: color-mix(in srgb, var(--warn) 14%, var(--bg)); }
tr.det-row-crossed td.nr { background: color-mix(in srgb, var(--err) 9%, var(--bg)); }
tr.det-row-near td.nr { background: color-mix(in srgb, var(--warn) 9%, var(--bg)); }
tr.det-row-crossed > *, tr.det-row-near > * { border-bottom-width: 2px; }
.badge { display: inline-block; padding: 0 .5em; border-radius: 999px; font-size: .78em; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; border: 1px solid currentColor; white-space: nowrap; }
.det-crossed { background: var(--err); border-color: var(--err); color: var(--bg); }
.det-near { background: var(--warn); border-color: var(--warn); color: var(--bg); }
.det-below { color: var(--ok); }
.det-inconclusive { color: var(--warn); border-style: dashed; }
.det-none { color: var(--muted); border-style: dashed; }
.st { display: inline-block; font-size: .78em; font-weight: 600; padding: 0 .4em; border-radius: 3px; border: 1px solid currentColor; white-space: nowrap; }
.st-defined { color: var(--ok); }
.st-provisional { color: var(--warn); border-style: dashed; }
.st-undefined { color: var(--err); border-style: dashed; }
td.c { min-width: 2rem; height: 2.3rem; padding: 0; text-align: center; }
td.c a.cell, td.c span.cell { display: flex; align-items: center; justify-content: center; min-height: 2.3rem; width: 100%; font-weight: 700; font-size: 1.05em; color: inherit; text-decoration: none; }
td.c a.cell:hover { outline: 2px solid var(--focus); outline-offset: -2px; }
td.nr { color: var(--muted); opacity: .6; }
.s-implemented { color: var(--ok); background: color-mix(in srgb, var(--ok) 16%, var(--bg)); }
.s-partial { color: var(--warn); background: color-mix(in srgb, var(--warn) 18%, var(--bg)); }
.s-planned { color: var(--info); background: color-mix(in srgb, var(--info) 14%, var(--bg)); }
.s-not-applicable { color: var(--muted); }
.s-unknown { color: var(--muted); background: color-mix(in srgb, var(--muted) 10%, var(--bg)); }
td.gap, .key.gap { color: var(--err); box-shadow: inset 0 0 0 2px var(--err); background: color-mix(in srgb, var(--err) 14%, var(--bg)); }
.gapmark { font-size: .8em; vertical-align: super; margin-left: 1px; color: var(--err); }
/* the timeline */
table.timeline { width: 100%; min-width: 44rem; table-layout: fixed; font-size: .9em; }
.timeline col.axis { width: 7.5rem; }
.timeline thead th { background: var(--subtle); text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--border); }
.timeline thead th.lane { border-left: 1px solid var(--border); }
.timeline tbody th { text-align: right; font-weight: normal; font-family: var(--mono); font-size: .85em; color: var(--muted); white-space: nowrap; vertical-align: top; padding: 5px 8px; border-right: 3px solid var(--border); }
.timeline tbody td { vertical-align: top; padding: 3px 5px; border-left: 1px solid var(--border); border-top: 1px dotted var(--border); }
.timeline tr.month > th { color: var(--fg); }
.timeline tr.month.cont > td { border-top: none; }
.timeline tr.empty > th, .timeline tr.empty > td { padding-top: 0; padding-bottom: 0; height: .9rem; font-size: .72em; line-height: 1.2; }
.timeline tr.fold > th, .timeline tr.fold > td { height: 1.4rem; font-style: italic; }
.timeline tr.now > th, .timeline tr.now > td { border-top: 3px solid var(--now); padding: 0 8px; height: 1.4rem; color: var(--now); font-weight: 700; }
.timeline tr.now > th { border-right-color: var(--now); }
.nowlabel { color: var(--now); font-weight: 700; font-family: var(--font); font-size: .85rem; }
.goal { display: block; margin: 3px 0; padding: 4px 7px; border: 1px solid var(--border); border-left: 4px solid var(--muted); border-radius: 4px; background: var(--subtle); color: var(--fg); text-decoration: none; line-height: 1.3; }
a.goal:hover { background: var(--hover); text-decoration: none; }
.goal > span { display: block; }
.gline { display: flex !important; justify-content: space-between; gap: .5em; align-items: baseline; }
.gid { font-family: var(--mono); font-weight: 700; }
.gst { font-size: .85em; color: var(--muted); white-space: nowrap; }
.gtitle { margin: 1px 0; }
.owner { font-size: .88em; color: var(--muted); }
.owner.missing { color: var(--err); font-weight: 700; }
.gdue { font-size: .85em; color: var(--muted); font-family: var(--mono); }
.late { color: var(--err); font-weight: 700; font-family: var(--font); }
.g-done { border-left-color: var(--ok); }
.g-done .gst { color: var(--ok); }
.g-in-progress { border-left-color: var(--info); }
.g-at-risk { border-left-color: var(--warn); }
.g-at-risk .gst { color: var(--warn); font-weight: 700; }
.g-dropped { opacity: .75; }
.g-dropped .gtitle { text-decoration: line-through; }
.goal.unowned { border-style: dashed; border-left-style: solid; border-color: var(--err); }
.goal.overdue { border-color: var(--err); border-left-color: var(--err); border-left-width: 6px; background: color-mix(in srgb, var(--err) 12%, var(--bg)); }
/* rsp/v2: report facts, scales, roles, gradings */
dl.facts2 { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: .3em 0 .6em; padding: .5em .8em; border: 1px solid var(--border); border-radius: 6px; background: var(--subtle); width: fit-content; max-width: 100%; }
.facts2 .fact { display: contents; }
.facts2 dt { font-weight: 600; color: var(--muted); }
.facts2 dd { margin: 0; overflow-wrap: anywhere; }
.outcome { display: inline-block; padding: 0 .5em; border-radius: 3px; font-weight: 700; border: 1px solid currentColor; }
.oc-deploy, .oc-continue { color: var(--ok); }
.oc-deploy-with-restrictions { color: var(--warn); }
.oc-do-not-deploy, .oc-pause-development { color: var(--err); }
ul.scales { list-style: none; padding: 0; margin: 0 0 .5em; display: flex; flex-direction: column; gap: .3em; }
.shead { font-size: .92em; }
a.sid, .sid { font-weight: 700; }
ol.levels { display: inline-flex; flex-wrap: wrap; align-items: center; list-style: none; padding: 0; margin: .15em 0 0; gap: .2em; }
ol.levels li + li::before { content: "→"; color: var(--muted); margin-right: .2em; }
.lvlchip { display: inline-block; font-family: var(--mono); font-size: .88em; padding: 0 .4em; border: 1px solid var(--border); border-radius: 3px; background: var(--bg); }
.trole { font-size: .85em; display: flex; flex-wrap: wrap; gap: .2em .6em; align-items: baseline; }
.role { font-weight: 700; border-radius: 3px; padding: 0 .35em; border: 1px solid currentColor; }
.role-alert { color: var(--warn); }
.role-research { color: var(--info); border-style: dashed; }
tr.row-research th.thr { border-left-color: var(--info); border-left-style: dashed; }
tr.row-alert th.thr .tid { font-weight: 600; }
tr.thr:target th.thr { outline: 2px solid var(--focus); outline-offset: -2px; }
.rq { white-space: nowrap; }
.risk { font-weight: 600; color: var(--fg); }
.rk-high, .rk-unacceptable { color: var(--err); }
.rk-moderate { color: var(--warn); }
.gnote, .greason { display: block; font-size: .85em; color: var(--muted); font-style: italic; }
.criteria { display: block !important; margin-top: 2px; font-size: .85em; }
.ckey { display: block; color: var(--muted); font-size: .9em; text-transform: uppercase; letter-spacing: .04em; }
.crit { display: block; padding-left: 1em; text-indent: -.8em; }
.crit::before { content: "◎ "; color: var(--muted); }
.grade { display: block; margin-top: 3px; font-size: .85em; font-weight: 700; }
.gr-met { color: var(--ok); }
.gr-missed, .gr-slipped { color: var(--err); }
.gr-dropped { color: var(--muted); }
.goal.graded-bad { border-color: var(--err); border-left-color: var(--err); border-left-width: 6px; }
/* findings */
table.files { min-width: 32rem; }
.files th, .files td { padding: 4px 10px; border-bottom: 1px solid var(--border); text-align: left; }
.files thead th { background: var(--subtle); }
.files th[scope=row] { font-weight: normal; }
.files .num { text-align: right; font-variant-numeric: tabular-nums; min-width: 5em; }
.files td.zero { color: var(--muted); }
.files td:last-child { white-space: nowrap; }
.files tfoot th, .files tfoot td { font-weight: 700; border-top: 2px solid var(--border); border-bottom: none; }
.empty { color: var(--muted); }
@media (max-width: 820px) {
  body { padding: .75rem .75rem 1.5rem; }
  .timeline col.axis { width: 5.2rem; }
  table.timeline { min-width: 40rem; font-size: .85em; }
  .matrix th.corner, .matrix th.thr { min-width: 12rem; }
  .goal { padding: 3px 5px; }
}
@media print { .scroll { overflow: visible; border: none; } }
`;

const SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', function (e) {
    const el = e.target instanceof Element ? e.target.closest('[data-path]') : null;
    if (!el) return;
    e.preventDefault();
    vscode.postMessage({ command: 'open', path: el.getAttribute('data-path'), line: Number(el.getAttribute('data-line')) || 0, character: Number(el.getAttribute('data-character')) || 0 });
  });
  window.addEventListener('message', function (e) {
    const m = e.data;
    if (!m || m.command !== 'update' || typeof m.html !== 'string') return;
    const x = window.scrollX, y = window.scrollY;
    document.body.innerHTML = m.html;
    window.scrollTo(x, y);
  });
})();`;
