import { addMonths, isRealDate } from '../model/dates';
import type { Rule } from './rule';

/** RSP v3 publishes risk reports every 3 to 6 months: without a policy cadence, allow 6. */
const DEFAULT_CADENCE = 6;

export const rule: Rule = {
  id: 'report-stale',
  severity: 'warning',
  appliesTo: ['risk-report'],
  description: "A risk report was published longer ago than the policy's `cadence_months`: a newer report is due.",
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'risk-report' || !isRealDate(m.published)) return;
    const cadence = (ctx.policy.state === 'ok' ? ctx.policy.model.cadenceMonths : undefined) ?? DEFAULT_CADENCE;
    const dueBy = addMonths(m.published, cadence);
    if (dueBy >= ctx.today) return;
    ctx.report({ path: ['report', 'published'], at: 'value', message: `published ${m.published}, more than ${cadence} months before ${ctx.today}: the next risk report was due by ${dueBy}` });
  },
};
