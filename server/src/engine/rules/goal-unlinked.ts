import type { Rule } from './rule';

export const rule: Rule = {
  id: 'goal-unlinked',
  severity: 'information',
  appliesTo: ['roadmap'],
  description: 'A goal has no `supports`: it is not linked to any threshold, safeguard or standard of the policy.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'roadmap') return;
    const raw = ctx.data.goals as unknown[];
    for (const g of m.goals) {
      const item = raw[g.path[1] as number] as Record<string, unknown>;
      if (Array.isArray(item.supports) ? item.supports.length > 0 : 'supports' in item) continue; // not a list: the schema's to report
      ctx.report({ path: g.path, at: 'item', message: `goal ${g.id ?? ''} supports nothing in the policy; add 'supports:' with the thresholds, safeguards or ASL levels it advances`.replace('goal  ', 'this goal ') });
    }
  },
};
