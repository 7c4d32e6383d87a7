/**
 * A policy as one self-contained, printable HTML page (`rsp-lint render`, the editor's preview):
 * title block, contents, thresholds, standards and safeguards, commitments by track, risk
 * reporting, governance, change log, the latest risk report and the roadmap by area with each
 * goal's grade. No external asset, no `style` attribute: one nonce'd <style> (light and dark by
 * `prefers-color-scheme`, or the VS Code theme in a webview; a print stylesheet). A file has no
 * script at all and a nonce derived from its content (the same input gives the same bytes); a
 * webview's one script only swaps the body on `{command: 'update', html}`.
 *
 * Every document value goes through `htmlText`; the only URLs from documents are the policy's
 * own `url` and `related` addresses, through `safeUrl` (https/http, else shown as text).
 * In-page links use anchors computed by the document outline (engine/publish).
 */
import { contentSecurityPolicy, htmlText, safeUrl } from '../encode';
import type { CommitmentTrack, GoalItem, Heading, IdRef, PolicyDocument, RenderSet, StandardItem, ThresholdItem } from '../engine/publish/document';
import { GOAL_STATUS_WORDS, GRADE_WORDS, IF_UNMET_WORDS, METHOD_WORDS, OUTCOME_WORDS, ROLE_WORDS, STATUS_WORDS, oneLine, paragraphs, word } from './render-text';
import { contentNonce, randomNonce } from './nonce';

export interface RenderHtmlOptions {
  mode: 'file' | 'webview';
  /** The CSP nonce; default: derived from the content (file) or random (webview). */
  nonce?: string;
}

const esc = htmlText;

function h(hd: Heading, inner: string, cls = ''): string {
  return `<h${hd.level} id="${esc(hd.anchor)}"${cls ? ` class="${cls}"` : ''}>${inner}</h${hd.level}>`;
}
function idSpan(id: string): string { return `<code class="id">${esc(id)}</code>`; }
function refLink(r: IdRef): string {
  return r.anchor ? `<a href="#${esc(r.anchor)}">${idSpan(r.id)}</a>` : `${idSpan(r.id)}<span class="undef" title="not defined in this document"> (undefined)</span>`;
}
function refs(list: IdRef[]): string { return list.map(refLink).join(', '); }
function paras(s: string | undefined, cls = ''): string { return paragraphs(s).map((p) => `<p${cls ? ` class="${cls}"` : ''}>${esc(p)}</p>`).join(''); }
function dl(rows: Array<[string, string | undefined]>): string {
  const shown = rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
  return shown.length ? `<dl>${shown.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>` : '';
}
function badge(text: string, cls: string): string { return `<span class="badge ${cls}">${esc(text)}</span>`; }
/** A class-name token from a value (values are also shown as text; the class only colours). */
function token(s: string | undefined): string { return (s ?? 'unknown').toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 40) || 'unknown'; }

function thresholdHtml(t: ThresholdItem): string {
  const role = t.role !== 'threshold' ? ` ${badge(word(ROLE_WORDS, t.role)!, `role-${t.role}`)}` : '';
  const a = t.assessment;
  const assessment = a ? [
    a.determination ? badge(a.determination, `det-${token(a.determination)}`) : '',
    a.standardApplied ? ` standard applied ${idSpan(a.standardApplied)}` : '',
    a.residualRisk ? `, residual risk ${esc(a.residualRisk)}` : '',
    ` <span class="muted">(risk report ${esc(a.report)})</span>`,
  ].join('') : undefined;
  return `<section class="item threshold">
${h(t.heading, `${idSpan(t.id)}${t.title ? ` <span class="title">${esc(t.title)}</span>` : ''}${role}`)}
${paras(t.description)}${dl([
    ['Domain', t.domain ? esc(t.domain) : undefined],
    ['Capability level', t.level ? esc(t.level) : undefined],
    ['Warns of', t.warns ? refLink(t.warns) : undefined],
    ['Early warning', t.warnedBy.length ? refs(t.warnedBy) : undefined],
    ['Requires', t.requires.length ? t.requires.map((r) => `${refLink(r)}${r.name ? ` ${esc(r.name)}` : ''}${r.status && r.status !== 'defined' ? ` ${badge(word(STATUS_WORDS, r.status)!, `status-${token(r.status)}`)}` : ''}`).join('; ') : (t.role === 'threshold' ? '<span class="muted">no standard named</span>' : undefined)],
    ['Additional safeguards', t.safeguards.length ? refs(t.safeguards) : undefined],
    ['If crossed', t.ifCrossed ? esc(oneLine(t.ifCrossed)) : undefined],
    ['While safeguards are not in place', t.ifUnmet.length ? t.ifUnmet.map((x) => esc(word(IF_UNMET_WORDS, x))).join(', ') : undefined],
    ['Latest assessment', assessment],
  ])}${t.evaluations.length ? `<p class="label">Evaluations</p><ul class="evals">${t.evaluations.map((e) => `<li id="${esc(e.anchor)}">${idSpan(e.id)} ${e.name ? esc(e.name) : ''}${e.method || e.cadence ? ` <span class="muted">— ${[e.method ? esc(word(METHOD_WORDS, e.method)) : '', e.cadence ? esc(e.cadence) : ''].filter(Boolean).join(', ')}</span>` : ''}</li>`).join('')}</ul>` : ''}
</section>`;
}

function standardHtml(s: StandardItem): string {
  const side = (title: string, list: StandardItem['deployment']) => list.length
    ? `<div class="side"><p class="label">${title}</p><ul class="safeguards">${list.map((g) => `<li id="${esc(g.anchor)}">${idSpan(g.id)} ${g.title ? esc(g.title) : ''}${g.description ? `<br><span class="muted">${esc(oneLine(g.description))}</span>` : ''}</li>`).join('')}</ul></div>`
    : '';
  return `<section class="item standard">
${h(s.heading, `${idSpan(s.id)}${s.name ? ` <span class="title">${esc(s.name)}</span>` : ''}${s.status && s.status !== 'defined' ? ` ${badge(word(STATUS_WORDS, s.status)!, `status-${token(s.status)}`)}` : ''}`)}
${paras(s.summary)}${dl([
    ['Scale', s.scale ? esc(s.scale) : undefined],
    ['Security level (RAND)', s.securityLevel ? esc(s.securityLevel) : undefined],
    ['Required by', s.requiredBy.length ? refs(s.requiredBy) : undefined],
  ])}<div class="sides">${side('Deployment safeguards', s.deployment)}${side('Security safeguards', s.security)}</div>
</section>`;
}

function commitmentsHtml(tracks: CommitmentTrack[]): string {
  return tracks.map((t) => `${h(t.heading, esc(t.title))}
<ul class="commitments">${t.items.map((c) => `<li id="${esc(c.anchor)}">${idSpan(c.id)} ${c.statement ? esc(oneLine(c.statement)) : ''}${c.owner || c.appliesTo.length ? `<br><span class="muted">${[c.owner ? `owner ${refLink(c.owner)}` : '', c.appliesTo.length ? `applies to ${refs(c.appliesTo)}` : ''].filter(Boolean).join(' · ')}</span>` : ''}</li>`).join('')}</ul>`).join('\n');
}

function goalHtml(g: GoalItem): string {
  const grade = g.grading ? ` ${badge(word(GRADE_WORDS, g.grading.outcome)!, `grade-${token(g.grading.outcome)}`)}` : '';
  return `<section class="item goal">
${h(g.heading, `${idSpan(g.id)}${g.title ? ` <span class="title">${esc(g.title)}</span>` : ''}${grade}`)}
${dl([
    ['Owner', g.owner ? esc(g.owner) : undefined],
    ['Due', g.due ? esc(g.due) : undefined],
    ['Status', g.status ? esc(word(GOAL_STATUS_WORDS, g.status)) : undefined],
    ['Completed', g.completed ? esc(g.completed) : undefined],
    ['Reason', g.reason ? esc(oneLine(g.reason)) : undefined],
    ['Supports', g.supports.length ? refs(g.supports) : undefined],
    ['Depends on', g.dependsOn.length ? refs(g.dependsOn) : undefined],
    ['Graded', g.grading ? `${esc(word(GRADE_WORDS, g.grading.outcome))} <span class="muted">(risk report ${esc(g.grading.report)})</span>${g.grading.note ? ` — ${esc(oneLine(g.grading.note))}` : ''}` : undefined],
  ])}${g.successCriteria.length ? `<p class="label">Success criteria</p><ul>${g.successCriteria.map((c) => `<li>${esc(oneLine(c))}</li>`).join('')}</ul>` : ''}
</section>`;
}

function documentHtml(d: PolicyDocument): string {
  const out: string[] = [];
  const url = d.url ? safeUrl(d.url) : undefined;
  out.push(`<article class="policy">
<header class="titleblock">
${d.organization ? `<p class="org">${esc(d.organization)}</p>` : ''}
${h(d.heading, esc(d.title ?? d.id ?? 'Policy'))}
<p class="meta">${[
    d.version ? `Version ${esc(d.version)}` : '',
    d.effective ? `effective ${esc(d.effective)}` : '',
    d.supersedes ? `supersedes version ${esc(d.supersedes)}` : '',
    d.id ? `id ${idSpan(d.id)}` : '',
  ].filter(Boolean).join(' · ')}</p>
${d.url ? `<p class="meta">Published at ${url ? `<a href="${url}" rel="noopener noreferrer">${esc(d.url)}</a>` : `<span>${esc(d.url)}</span>`}</p>` : ''}
${d.related.length ? `<p class="meta">Related: ${d.related.map((r) => { const u = r.url ? safeUrl(r.url) : undefined; const label = esc(r.title ?? r.url ?? ''); return u ? `<a href="${u}" rel="noopener noreferrer">${label}</a>` : label; }).join(' · ')}</p>` : ''}
</header>`);
  if (d.errors.length) {
    out.push(`<aside class="banner" role="alert"><p><strong>This document has ${d.errors.length} error${d.errors.length === 1 ? '' : 's'}</strong> — it may be incomplete or wrong until they are fixed (run <code>rsp-lint</code>):</p><ul>${d.errors.slice(0, 50).map((e) => `<li><code>${esc(`${e.file}:${e.line + 1}:${e.character + 1}`)}</code> ${esc(e.message)} <span class="muted">${esc(e.rule)}</span></li>`).join('')}${d.errors.length > 50 ? `<li>… and ${d.errors.length - 50} more</li>` : ''}</ul></aside>`);
  }
  out.push(`<nav class="toc" aria-label="Contents"><p class="label">Contents</p><ol>${d.toc.map((t) => `<li><a href="#${esc(t.anchor)}">${esc(t.text)}</a></li>`).join('')}</ol></nav>`);

  if (d.scalesHeading) {
    out.push(`<section class="part">${h(d.scalesHeading, 'Levels')}
<table><thead><tr><th>Scale</th><th>Applies to</th><th>Levels, lowest first</th></tr></thead><tbody>${d.scales.map((s) => `<tr><td>${idSpan(s.id)}${s.title ? ` ${esc(s.title)}` : ''}</td><td>${esc(s.appliesTo ?? '')}</td><td>${s.levels.map((l) => esc(l)).join(' → ')}</td></tr>`).join('')}</tbody></table></section>`);
  }
  out.push(`<section class="part">${h(d.thresholdsHeading, esc(d.thresholdsHeading.text))}
<p class="intro">If a model reaches a threshold, the standards it requires must be in place first.</p>
${d.thresholds.length ? d.thresholds.map(thresholdHtml).join('\n') : '<p class="muted">No thresholds.</p>'}</section>`);
  out.push(`<section class="part">${h(d.standardsHeading, esc(d.standardsHeading.text))}
${d.standards.length ? d.standards.map(standardHtml).join('\n') : '<p class="muted">No standards.</p>'}</section>`);
  if (d.commitmentsHeading) out.push(`<section class="part">${h(d.commitmentsHeading, 'Commitments')}\n${commitmentsHtml(d.commitments)}</section>`);
  if (d.riskReporting) {
    const r = d.riskReporting;
    out.push(`<section class="part">${h(r.heading, 'Risk reporting')}${dl([
      ['Cadence', r.cadenceMonths !== undefined ? `a risk report at least every ${esc(r.cadenceMonths)} month${r.cadenceMonths === 1 ? '' : 's'}` : undefined],
      ['External review', r.externalReview !== undefined ? (r.externalReview ? 'yes' : 'no') : undefined],
      ['Redactions', r.redaction ? esc(r.redaction) : undefined],
    ])}</section>`);
  }
  if (d.governance) {
    const g = d.governance;
    out.push(`<section class="part">${h(g.heading, 'Governance')}
${g.rolesHeading ? `${h(g.rolesHeading, 'Roles')}<ul class="roles">${g.roles.map((r) => `<li id="${esc(r.anchor)}">${idSpan(r.id)} ${r.title ? `<strong>${esc(r.title)}</strong>` : ''}${r.responsibilities ? ` — ${esc(oneLine(r.responsibilities))}` : ''}</li>`).join('')}</ul>` : ''}
${g.decisionsHeading ? `${h(g.decisionsHeading, 'Decisions')}<ul class="decisions">${g.decisions.map((x) => `<li id="${esc(x.anchor)}">${idSpan(x.id)} <strong>${esc(x.decision ?? '')}</strong>${x.by.length ? ` by ${refs(x.by)}` : ''}${x.advisedBy.length ? `, advised by ${refs(x.advisedBy)}` : ''}${x.criteria ? `<br><span class="muted">${esc(oneLine(x.criteria))}</span>` : ''}</li>`).join('')}</ul>` : ''}
${g.parts.map((p) => `${h(p.heading, esc(p.title))}${dl(p.lines.map((l) => [l.label, typeof l.value === 'string' ? esc(l.value) : refs(l.value)]))}`).join('\n')}</section>`);
  }
  if (d.changesHeading) {
    out.push(`<section class="part">${h(d.changesHeading, 'Change log')}
${d.changes.map((c) => `<div class="change"><p><strong>${c.version ? `Version ${esc(c.version)}` : 'Undated change'}</strong>${c.date ? ` · ${esc(c.date)}` : ''}</p>${paras(c.summary)}${c.items.length ? `<ul>${c.items.map((i) => `<li>${i.ref ? refLink(i.ref) : ''} ${i.change ? badge(i.change, `change-${token(i.change)}`) : ''}${i.from ? ` from ${idSpan(i.from)}` : ''}${i.reason ? ` — ${esc(oneLine(i.reason))}` : ''}</li>`).join('')}</ul>` : ''}</div>`).join('\n')}</section>`);
  }
  if (d.report) {
    const r = d.report;
    out.push(`<section class="part">${h(r.heading, 'Latest risk report')}${dl([
      ['Report', r.id ? idSpan(r.id) : esc(r.file)],
      ['Published', r.published ? esc(r.published) : undefined],
      ['Models', r.models.length ? r.models.map((m) => esc(m)).join(', ') : undefined],
      ['Period', r.period ? `${esc(r.period.from ?? '…')} to ${esc(r.period.to ?? '…')}` : undefined],
      ['Approved by', r.approvedBy.length ? refs(r.approvedBy) : undefined],
      ['Decision', r.decision ? `${r.decision.outcome ? `<strong>${esc(word(OUTCOME_WORDS, r.decision.outcome))}</strong>` : ''}${r.decision.date ? ` on ${esc(r.decision.date)}` : ''}${r.decision.by.length ? ` by ${refs(r.decision.by)}` : ''}` : undefined],
    ])}${r.decision?.rationale ? paras(r.decision.rationale, 'rationale') : ''}</section>`);
  }
  for (const rm of d.roadmaps) {
    out.push(`<section class="part roadmap">${h(rm.heading, esc(rm.heading.text))}
<p class="meta">${[rm.published ? `Published ${esc(rm.published)}` : '', rm.gradedBy ? `grades from risk report ${esc(rm.gradedBy)}` : 'not yet graded by a risk report'].filter(Boolean).join(' · ')}</p>
${rm.areas.map((a) => `${h(a.heading, esc(a.title))}\n${a.goals.map(goalHtml).join('\n')}`).join('\n')}</section>`);
  }
  out.push('</article>');
  return out.join('\n');
}

/** The inner HTML of <body> (a webview's `update` message replaces it). */
export function renderDocumentBody(set: RenderSet): string {
  if (!set.documents.length) return '<main><p class="muted">No policy to render: open or name an RSP policy (*.rsp.yaml).</p></main>';
  return `<main>\n${set.documents.map(documentHtml).join('\n<hr class="between">\n')}\n<footer><p class="muted">Rendered by rsp-lint from the policy's YAML.</p></footer>\n</main>`;
}

export function renderDocumentHtml(set: RenderSet, opts: RenderHtmlOptions): string {
  const body = renderDocumentBody(set);
  const nonce = opts.nonce ?? (opts.mode === 'file' ? contentNonce(body, 'doc') : randomNonce());
  if (!/^[A-Za-z0-9+/=_-]{8,128}$/.test(nonce)) throw new Error('renderDocumentHtml: the nonce must be 8 to 128 base64 characters');
  const first = set.documents[0];
  const title = first ? `${first.organization ? `${first.organization} — ` : ''}${first.title ?? first.id ?? 'Policy'}${first.version ? ` ${first.version}` : ''}` : 'Policy';
  const csp = contentSecurityPolicy(nonce, opts.mode === 'webview' ? { script: true } : {});
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="rsp-lint">
<title>${esc(title)}</title>
<style nonce="${nonce}">${CSS}${opts.mode === 'webview' ? WEBVIEW_CSS : ''}</style>
${opts.mode === 'webview' ? `<script nonce="${nonce}">${SCRIPT}</script>\n` : ''}</head>
<body>
${body}
</body>
</html>
`;
}


const CSS = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--line:#d0d7de;--accent:#0b5cad;--soft:#f6f8fa;--warn:#9a6700;--bad:#b42318;--good:#1a7f37;--banner:#fff4e5}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--line:#30363d;--accent:#6cb6ff;--soft:#161b22;--warn:#d29922;--bad:#f47067;--good:#57ab5a;--banner:#2d2112}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:52rem;margin:0 auto;padding:2rem 1.25rem 4rem}
a{color:var(--accent)}
h1{font-size:2.1rem;line-height:1.2;margin:.2rem 0 .5rem}
h2{font-size:1.5rem;margin:2.5rem 0 .75rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1.15rem;margin:1.75rem 0 .5rem}
h4{font-size:1rem;margin:1.25rem 0 .4rem}
.titleblock{border-bottom:3px solid var(--fg);padding-bottom:1rem;margin-bottom:1.5rem}
.org{text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:0;font-size:.9rem}
.meta{color:var(--muted);margin:.25rem 0}
.muted{color:var(--muted)}
.undef{color:var(--bad)}
code,.id{font:.88em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.id{background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:0 .3em;white-space:nowrap}
.title{font-weight:600}
.toc{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.75rem 1.25rem;margin:1rem 0 2rem}
.toc ol{margin:.25rem 0 0;padding-left:1.4rem}
.label{font-weight:600;margin:.75rem 0 .25rem}
.intro{color:var(--muted)}
.item{border-left:3px solid var(--line);padding:.1rem 0 .1rem 1rem;margin:1.25rem 0}
.item h3,.item h4{margin-top:.25rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dt{color:var(--muted)}
dd{margin:0}
ul{padding-left:1.3rem}
li{margin:.2rem 0}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
@media (max-width:40rem){.sides{grid-template-columns:1fr}}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:var(--soft)}
.badge{display:inline-block;font-size:.75rem;font-weight:600;border-radius:999px;padding:.05rem .55rem;border:1px solid currentColor;vertical-align:middle;margin-left:.2rem}
.role-alert,.status-provisional,.status-planned,.grade-slipped,.det-near,.det-inconclusive{color:var(--warn)}
.role-research{color:var(--muted)}
.grade-met,.det-below,.change-strengthened,.change-added{color:var(--good)}
.grade-missed,.det-crossed,.change-weakened,.change-removed{color:var(--bad)}
.grade-dropped{color:var(--muted)}
.banner{background:var(--banner);border:2px solid var(--warn);border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.rationale{border-left:3px solid var(--line);padding-left:.75rem}
.between{margin:4rem 0;border:0;border-top:3px double var(--line)}
footer{margin-top:3rem;border-top:1px solid var(--line);font-size:.85rem}
:target{scroll-margin-top:1rem;outline:2px solid var(--accent);outline-offset:2px}
@media print{
 :root{--fg:#000;--muted:#444;--bg:#fff;--line:#999;--accent:#000;--soft:#f3f3f3}
 body{font-size:11pt}
 main{max-width:none;padding:0}
 a{text-decoration:none}
 h2{break-after:avoid;page-break-after:avoid}
 h3,h4{break-after:avoid}
 .item,li,tr,dl{break-inside:avoid;page-break-inside:avoid}
 .toc{break-after:page}
 .between{break-after:page;border:0;margin:0}
 footer{display:none}
}
@page{margin:18mm 16mm}
`;

/** In a webview: the VS Code theme's colours instead of the page's own. */
const WEBVIEW_CSS = `
:root{--fg:var(--vscode-editor-foreground);--muted:var(--vscode-descriptionForeground);--bg:var(--vscode-editor-background);--line:var(--vscode-panel-border,#8884);--accent:var(--vscode-textLink-foreground);--soft:var(--vscode-textBlockQuote-background,#8881)}
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size,14px)}
`;

const SCRIPT = `(function () {
  window.addEventListener('message', function (e) {
    const m = e.data;
    if (!m || m.command !== 'update' || typeof m.html !== 'string') return;
    const x = window.scrollX, y = window.scrollY;
    document.body.innerHTML = m.html;
    window.scrollTo(x, y);
  });
})();`;
