/**
 * The change review as HTML, in the overview's page shell (its CSS, CSP and webview script):
 * per document, its changes with weakenings first, unexplained ones marked; each change links
 * to its place in the new version (or, for a removal, in the old one when that is a file).
 * Every document value and file name goes through `encode/html`.
 */
import { htmlText as esc, shorten } from '../encode';
import { summarize } from '../engine/diff/diff';
import { reasonOf, subjectOf, whatOf } from '../engine/diff/describe';
import type { DocReview, LocatedChange } from '../engine/diff/review';
import { diffSummary, lineOf, ordered, REASON_MAX } from './diff-markdown';
import { renderPage } from './overview-html';

export interface DiffHtmlOptions {
  mode: 'file' | 'webview';
  nonce?: string;
  /** What the new version was compared with, e.g. "HEAD" or "origin/main (merge base)". */
  base?: string;
  /** The absolute path of each review's new (and old) version, for links; absent: no link. */
  paths?: (r: DocReview) => { new?: string; old?: string };
}

const CSS = `
.review { border-collapse: collapse; min-width: 40rem; }
.review th, .review td { padding: 4px 10px; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
.review thead th { background: var(--subtle); }
.review td.effect { white-space: nowrap; }
.review tr.weakened td.effect { color: var(--err); font-weight: 600; }
.review tr.strengthened td.effect { color: var(--ok); font-weight: 600; }
.review td.explained .reason { display: block; font-weight: 400; color: var(--muted); max-width: 28em; }
.review tr.unexplained td.explained { color: var(--err); font-weight: 700; }
.review td.what { font-family: var(--mono); font-size: .92em; overflow-wrap: anywhere; }
.summary { font-size: 1.05em; margin: .4em 0 1em; }
.summary.bad { color: var(--err); font-weight: 600; }
.docerr { color: var(--err); }
`;

function row(c: LocatedChange, file: { new?: string; old?: string }): string {
  const l = lineOf(c);
  const target = l?.old ? file.old : file.new;
  const range = l?.old ? c.oldRange : c.newRange;
  const where = l ? `${l.old ? 'old ' : ''}line ${l.line}` : '';
  const loc = target && range
    ? `<a href="#" data-path="${esc(target)}" data-line="${range.start.line}" data-character="${range.start.character}" title="${esc(`${target}:${range.start.line + 1}`)}">${esc(where)}</a>`
    : esc(where);
  const unexplained = c.effect === 'weakened' && !c.explained;
  const explained = c.effect !== 'weakened' ? '' : c.explained ? (c.reason ? `yes<span class="reason">${esc(shorten(reasonOf(c)!, REASON_MAX))}</span>` : 'yes') : '<span class="sr">unexplained: </span>no';
  const sym = c.effect === 'weakened' ? '▼ ' : c.effect === 'strengthened' ? '▲ ' : '';
  return `<tr class="${c.effect}${unexplained ? ' unexplained' : ''}"><td class="effect">${sym}${c.effect}</td><td class="explained">${explained}</td><td>${esc(subjectOf(c))}</td><td class="what">${esc(whatOf(c))}</td><td>${loc}</td></tr>`;
}

export function renderDiffBody(reviews: readonly DocReview[], opts: DiffHtmlOptions): string {
  const s = summarize(reviews.flatMap((r) => r.changes));
  const head = `<h1>Change review</h1>\n<p class="muted">${opts.base ? `Compared with ${esc(opts.base)}` : 'Compared with the previous version'}; items matched by id, weakenings first.</p>\n<p class="summary${s.unexplained ? ' bad' : ''}" role="status">${esc(diffSummary(reviews))}.</p>`;
  const sections = reviews.filter((r) => r.changes.length || r.error).map((r) => {
    const file = opts.paths?.(r) ?? {};
    const title = `<h2>${esc(r.display)}${r.oldDisplay ? ` <span class="muted">(was ${esc(r.oldDisplay)})</span>` : ''}${r.status === 'added' ? ' <span class="muted">— new</span>' : r.status === 'removed' ? ' <span class="muted">— removed</span>' : ''}</h2>`;
    if (r.error) {
      const e = r.error;
      return `${title}\n<p class="docerr">Not compared: the ${e.side} version ${esc(e.where)}${e.line !== undefined ? ` (line ${e.line + 1})` : ''}: ${esc(e.message)}</p>`;
    }
    const rows = ordered([r]).map((x) => row(x.change, file)).join('\n');
    return `${title}\n<div class="scroll fit"><table class="review"><thead><tr><th scope="col">Effect</th><th scope="col">Explained</th><th scope="col">Item</th><th scope="col">Change</th><th scope="col">Where</th></tr></thead>\n<tbody>${rows}</tbody></table></div>`;
  });
  return [head, ...sections].join('\n');
}

export function renderDiffHtml(reviews: readonly DocReview[], opts: DiffHtmlOptions): string {
  return renderPage(renderDiffBody(reviews, opts), { mode: opts.mode, ...(opts.nonce ? { nonce: opts.nonce } : {}), title: 'RSP change review' }, CSS);
}
