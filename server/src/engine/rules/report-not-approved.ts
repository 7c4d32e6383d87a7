import { obj } from '../model/model';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'report-not-approved',
  severity: 'warning',
  appliesTo: ['risk-report'],
  description: 'A risk report does not say who approved it: `approved_by` is missing or empty.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'risk-report' || m.format !== 2) return;
    const head = obj(ctx.data.report);
    if (!head) return;
    const roles = ctx.policy.state === 'ok' ? ctx.policy.model.roles.map((r) => r.id) : [];
    const hint = roles.length ? ` (roles of the policy: ${roles.join(', ')})` : '';
    if (!('approved_by' in head)) {
      ctx.report({ path: ['report'], at: 'key', message: `this risk report does not say who approved it; add 'approved_by:' under 'report:' with the roles that signed it off${hint}` });
    } else if (Array.isArray(head.approved_by) && head.approved_by.length === 0) {
      ctx.report({ path: ['report', 'approved_by'], at: 'value', message: `'approved_by' is empty: nobody is recorded as having approved this risk report; name the roles that signed it off${hint}` });
    }
  },
};
