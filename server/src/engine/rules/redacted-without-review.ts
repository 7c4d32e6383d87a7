import { obj } from '../model/model';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'redacted-without-review',
  severity: 'warning',
  appliesTo: ['risk-report'],
  description: 'A risk report withholds parts (`redactions`) but records no `external_review` of the full text.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'risk-report' || m.format !== 2 || m.redactions === 0) return;
    const head = obj(ctx.data.report);
    if (!head || 'external_review' in head) return; // a malformed review is the schema's finding
    const n = m.redactions;
    ctx.report({
      path: ['report', 'redactions'], at: 'key',
      message: `this risk report has ${n} redaction${n === 1 ? '' : 's'} but no external review; add 'external_review:' under 'report:' naming the reviewer who saw the unredacted text, when they received it and where their commentary is published`,
    });
  },
};
