import { requiredSafeguards } from '../model/model';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'crossed-without-safeguards',
  severity: 'error',
  appliesTo: ['risk-report'],
  description: 'A threshold is determined `crossed` or `near` while a safeguard it requires is not `implemented`.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'risk-report' || ctx.policy.state !== 'ok') return;
    const p = ctx.policy.model;
    const status = new Map<string, string | undefined>();
    for (const s of m.statuses) if (s.safeguard && !status.has(s.safeguard)) status.set(s.safeguard, s.status);
    for (const a of m.assessments) {
      if (a.determination !== 'crossed' && a.determination !== 'near') continue;
      const t = a.threshold ? p.thresholds.find((x) => x.id === a.threshold) : undefined;
      if (!t || t.role !== 'threshold') continue; // an alert or a research category requires no safeguards
      for (const id of requiredSafeguards(p, t)) {
        const st = status.get(id);
        if (st === 'implemented') continue;
        const d = p.byId.get(id);
        const where = d?.level ? ` (${d.level} ${d.side})` : '';
        const state = st === undefined ? 'has no status in safeguards_status' : `is '${st}', not implemented`;
        ctx.report({ path: [...a.path, 'determination'], at: 'value', message: `${t.id} is '${a.determination}', but its required safeguard ${id}${where} ${state}` });
      }
    }
  },
};
