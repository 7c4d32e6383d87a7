import { obj } from '../model/model';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'report-without-decision',
  severity: 'warning',
  appliesTo: ['risk-report'],
  description: 'A risk report records no `decision`: what was decided on the strength of it, by whom, and why.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'risk-report' || m.format !== 2) return;
    // A `decision` that is there but not a mapping is the schema's finding; no header at all too.
    if ('decision' in ctx.data || !obj(ctx.data.report)) return;
    ctx.report({
      path: ['report'], at: 'key',
      message: `this risk report records no decision; add a top-level 'decision:' with its outcome (deploy, deploy-with-restrictions, do-not-deploy, pause-development or continue), date, who took it ('by') and the risk-benefit rationale`,
    });
  },
};
