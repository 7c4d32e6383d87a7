import { daysBetween, isRealDate } from '../model/dates';
import type { Rule } from './rule';

/** Days the external reviewer's commentary may take, from receipt of the report to publication. */
export const MAX_REVIEW_DAYS = 30;

export const rule: Rule = {
  id: 'review-late',
  severity: 'warning',
  appliesTo: ['risk-report'],
  description: `The external review of a risk report was published more than ${MAX_REVIEW_DAYS} days after the reviewer received the report.`,
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'risk-report' || m.format !== 2) return;
    const r = m.externalReview;
    if (!r || !isRealDate(r.received) || !isRealDate(r.published)) return;
    const days = daysBetween(r.received, r.published);
    if (days <= MAX_REVIEW_DAYS) return;
    ctx.report({
      path: [...r.path, 'published'], at: 'value',
      message: `the external review was published ${days} days after the reviewer received the report (${r.received} to ${r.published}), more than ${MAX_REVIEW_DAYS}; readers went that long without the independent view — publish reviews sooner, or check the dates`,
    });
  },
};
