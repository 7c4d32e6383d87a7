import { rankOf } from '../model/model';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'standard-below-required',
  severity: 'error',
  appliesTo: ['risk-report'],
  description: "An assessment determines a threshold `near` or `crossed` while the standard applied ranks below the threshold's required standard on the same scale.",
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'risk-report' || m.format !== 2 || ctx.policy.state !== 'ok') return;
    const p = ctx.policy.model;
    for (const a of m.assessments) {
      if (a.determination !== 'near' && a.determination !== 'crossed') continue;
      if (a.threshold === undefined || a.asl === undefined) continue;
      const t = p.thresholds.find((x) => x.id === a.threshold);
      const applied = p.byLevel.get(a.asl);
      if (!t || !applied) continue; // unknown ids are unknown-reference's findings
      const have = rankOf(p, applied);
      if (!have) continue;
      // The highest required standard on the applied standard's scale.
      let need: { id: string; index: number } | undefined;
      for (const r of t.requiresAll) {
        const std = p.byLevel.get(r.id);
        const rank = std ? rankOf(p, std) : undefined;
        if (!rank || rank.scale.id !== have.scale.id) continue;
        if (!need || rank.index > need.index) need = { id: r.id, index: rank.index };
      }
      if (!need || have.index >= need.index) continue;
      ctx.report({
        path: [...a.path, a.aslKey], at: 'value',
        message: `threshold ${t.id} is determined '${a.determination}' and the policy requires ${need.id} for it, but the standard applied is ${applied.level}, which ranks below ${need.id} on scale ${have.scale.id}; apply ${need.id} (and report its safeguards), or correct the determination or the standard applied`,
      });
    }
  },
};
