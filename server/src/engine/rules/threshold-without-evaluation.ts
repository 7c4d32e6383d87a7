import { arr, obj } from '../model/model';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'threshold-without-evaluation',
  severity: 'warning',
  appliesTo: ['policy'],
  description: 'A capability threshold has no `evaluations`: nothing says how crossing it would be detected.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'policy') return;
    const raw = arr(ctx.data.thresholds);
    for (const t of m.thresholds) {
      const i = t.path[1] as number;
      const ev = obj(raw[i])?.evaluations;
      if (arr(ev).length > 0 || (ev !== undefined && !Array.isArray(ev))) continue; // not a list: the schema's to report
      ctx.report({ path: [...t.path, 'id'], at: 'value', message: `threshold ${t.id} has no evaluations: nothing says how crossing it would be detected; add 'evaluations:' with at least one` });
    }
  },
};
