/**
 * The change review as Markdown for a pull-request comment (`rsp-lint diff --format markdown`,
 * the GitHub Action's step summary): a summary line, then one table of the weakened,
 * strengthened and neutral changes, unexplained weakenings marked. Every document value and
 * file name is escaped through `encode/markdown`.
 */
import { md, mdJoin, shorten, type Markdown } from '../encode';
import { EFFECT_ORDER, summarize } from '../engine/diff/diff';
import { reasonOf, subjectOf, whatOf } from '../engine/diff/describe';
import type { DocReview, LocatedChange } from '../engine/diff/review';

/** How much of a change-log reason a row shows (the policy holds the whole text). */
export const REASON_MAX = 160;

function plural(n: number, one: string, many = `${one}s`): string { return `${n} ${n === 1 ? one : many}`; }

/** The one-line summary shared by every format. */
export function diffSummary(reviews: readonly DocReview[]): string {
  const all = reviews.flatMap((r) => r.changes);
  const s = summarize(all);
  const docs = reviews.filter((r) => r.changes.length).length;
  const failed = reviews.filter((r) => r.error).length;
  const tail = failed ? `; ${plural(failed, 'document')} could not be compared` : '';
  if (all.length === 0) return `No changes in ${plural(reviews.length, 'document')} compared${tail}`;
  const weak = s.weakened ? `${plural(s.weakened, 'weakening')} (${s.unexplained ? `${s.unexplained} unexplained` : 'all explained'})` : 'no weakening';
  return `${plural(all.length, 'change')} in ${plural(docs, 'document')}: ${weak}, ${s.strengthened} strengthened, ${s.neutral} neutral${tail}`;
}

/** Changes in the order reviewers read them: weakenings (unexplained first), strengthenings, the rest. */
export function ordered(reviews: readonly DocReview[]): Array<{ review: DocReview; change: LocatedChange }> {
  const rows = reviews.flatMap((review) => review.changes.map((change) => ({ review, change })));
  const rank = (c: LocatedChange) => EFFECT_ORDER.indexOf(c.effect) * 2 + (c.effect === 'weakened' && c.explained ? 1 : 0);
  return rows.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r.change) - rank(b.r.change) || a.i - b.i).map((x) => x.r);
}

export function lineOf(c: LocatedChange): { line: number; old: boolean } | undefined {
  if (c.newRange) return { line: c.newRange.start.line + 1, old: false };
  if (c.oldRange) return { line: c.oldRange.start.line + 1, old: true };
  return undefined;
}

const EFFECT_CELL: Record<string, string> = { weakened: '🔻 weakened', strengthened: '🔺 strengthened', neutral: 'neutral' };

export function renderDiffMarkdown(reviews: readonly DocReview[], opts: { title?: string } = {}): string {
  const out: Markdown[] = [];
  out.push(md`### ${opts.title ?? 'RSP change review'}\n\n`);
  const s = summarize(reviews.flatMap((r) => r.changes));
  const mark = s.unexplained ? '❌ ' : s.weakened ? '⚠️ ' : '✅ ';
  out.push(md`${mdJoin([mark])}**${diffSummary(reviews)}.**\n\n`);
  for (const r of reviews.filter((x) => x.error)) {
    const e = r.error!;
    const at = e.line !== undefined ? `${e.where}:${e.line + 1}:${(e.character ?? 0) + 1}` : e.where;
    out.push(md`- ❗ not compared: ${at} (${e.side} version): ${e.message}\n`);
  }
  if (reviews.some((x) => x.error)) out.push(md`\n`);
  const rows = ordered(reviews);
  if (rows.length) {
    out.push(md`| Effect | Explained | Document | Item | Change | Reason (change log) |\n|---|---|---|---|---|---|\n`);
    for (const { review, change: c } of rows) {
      const l = lineOf(c);
      const doc = `${l?.old ? review.oldDisplay ?? review.display : review.display}${l ? `:${l.line}` : ''}`;
      const explained = c.effect !== 'weakened' ? md`` : c.explained ? md`yes` : md`**no**`;
      const reason = reasonOf(c);
      out.push(md`| ${mdJoin([EFFECT_CELL[c.effect]!])} | ${explained} | ${doc} | ${subjectOf(c)} | ${whatOf(c)} | ${reason ? shorten(reason, REASON_MAX) : ''} |\n`);
    }
    out.push(md`\n`);
    if (s.unexplained) out.push(md`Unexplained weakenings: add an item to the policy's \`changes\` entry for its version whose \`ref\` names the changed id (or key path), with the reason.\n`);
  }
  return mdJoin(out).toString();
}
