import { isRealDate } from '../model/dates';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'goal-unreviewed',
  severity: 'warning',
  appliesTo: ['risk-report'],
  description: "A goal of the report's roadmap fell due within the report's period (or since the previous report) and `roadmap_review` does not mention it.",
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'risk-report' || m.format !== 2 || m.roadmapRef === undefined) return;
    const rm = ctx.link(m.roadmapRef, 'roadmap');
    if (rm.state !== 'ok' || rm.model.kind !== 'roadmap') return; // a broken link is unknown-reference's finding
    // The window: the stated period; where it is open (or absent), from the day after the
    // previous report was published, up to this report's publication.
    let from = isRealDate(m.period?.from) ? m.period!.from : undefined;
    let fromExclusive = false;
    const to = isRealDate(m.period?.to) ? m.period!.to : isRealDate(m.published) ? m.published : undefined;
    if (!from && m.previousRef !== undefined) {
      const prev = ctx.link(m.previousRef, 'risk-report');
      if (prev.state === 'ok' && prev.model.kind === 'risk-report' && isRealDate(prev.model.published)) {
        from = prev.model.published;
        fromExclusive = true;
      }
    }
    if (!from || !to) return;
    const reviewed = new Set(m.roadmapReview.flatMap((r) => (r.goal === undefined ? [] : [r.goal])));
    const window = fromExclusive ? `after the previous report (published ${from}) and by ${to}` : `within the period ${from} to ${to}`;
    for (const g of rm.model.goals) {
      if (!g.id || !isRealDate(g.due) || reviewed.has(g.id)) continue;
      if ((fromExclusive ? g.due <= from : g.due < from) || g.due > to) continue;
      ctx.report({
        path: ['report', 'roadmap'], at: 'value',
        message: `goal ${g.id}${g.title ? ` (${g.title})` : ''} of the roadmap was due on ${g.due}, ${window}, but the roadmap review does not mention it; add it to 'roadmap_review' with its outcome (met, missed, slipped or dropped)`,
      });
    }
  },
};
