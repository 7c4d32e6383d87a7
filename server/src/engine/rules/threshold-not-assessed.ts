import type { Rule } from './rule';

export const rule: Rule = {
  id: 'threshold-not-assessed',
  severity: 'warning',
  appliesTo: ['risk-report'],
  description: "A risk report has no assessment for one of its policy's capability thresholds.",
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'risk-report' || ctx.policy.state !== 'ok' || !m.hasAssessments) return;
    const assessed = new Set(m.assessments.map((a) => a.threshold));
    for (const t of ctx.policy.model.thresholds) {
      if (assessed.has(t.id) || t.role === 'research') continue; // research categories are tracked, not assessed
      ctx.report({ path: ['assessments'], at: 'key', message: `no assessment of threshold ${t.id}${t.title ? ` (${t.title})` : ''}; a risk report assesses every threshold of the policy` });
    }
  },
};
