import type { Rule } from './rule';

export const rule: Rule = {
  id: 'risk-report-cadence',
  severity: 'warning',
  appliesTo: ['policy'],
  description: '`risk_reports.cadence_months` is outside 3 to 6 months.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'policy' || m.cadenceMonths === undefined) return;
    const c = m.cadenceMonths;
    if (c < 1 || c > 12 || (c >= 3 && c <= 6)) return; // out of 1..12 is the schema's to report
    ctx.report({ path: ['risk_reports', 'cadence_months'], at: 'value', message: `risk reports every ${c} month${c === 1 ? '' : 's'}: RSP v3 publishes them every 3 to 6 months; ${c < 3 ? 'so frequent a cadence is unlikely to be kept' : 'set 6 or fewer'}` });
  },
};
