import type { Rule } from './rule';

export const rule: Rule = {
  id: 'threshold-without-safeguards',
  severity: 'error',
  appliesTo: ['policy'],
  description: 'A capability threshold names no safeguards at all: no `requires`, or a required standard with no safeguards, and no `safeguards` of its own.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'policy') return;
    for (const t of m.thresholds) {
      // An alert or a research category requires no safeguards of its own (spec v2 §6).
      if (t.role !== 'threshold' || t.safeguards.length > 0) continue;
      if (t.requiresAll.length === 0) {
        ctx.report({ path: [...t.path, 'id'], at: 'value', message: m.format === 2
          ? `threshold ${t.id} requires no standard and names no safeguards: crossing it would demand nothing; add 'requires: <standard id>' or 'safeguards: [...]' (or give it 'role: alert' or 'role: research' if it is not a threshold)`
          : `threshold ${t.id} requires no ASL standard and names no safeguards: crossing it would demand nothing; add 'requires: ASL-N' or 'safeguards: [...]'` });
        continue;
      }
      const stds = t.requiresAll.map((r) => m.byLevel.get(r.id));
      if (stds.some((std) => !std)) continue; // unknown-reference reports it
      if (stds.every((std) => std!.deployment.length + std!.security.length === 0)) {
        const names = t.requiresAll.map((r) => r.id).join(', ');
        ctx.report({ path: [...t.path, 'id'], at: 'value', message: `threshold ${t.id} requires ${names}, whose standard${stds.length > 1 ? 's list' : ' lists'} no deployment or security safeguards, and names none of its own; add safeguards to ${names} or to the threshold` });
      }
    }
  },
};
