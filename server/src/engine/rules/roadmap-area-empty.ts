import type { Rule } from './rule';

export const AREAS = ['security', 'alignment', 'safeguards', 'policy'] as const;

export const rule: Rule = {
  id: 'roadmap-area-empty',
  severity: 'warning',
  appliesTo: ['roadmap'],
  description: 'One of the four roadmap areas (security, alignment, safeguards, policy) has no goal.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'roadmap' || !Array.isArray(ctx.data.goals)) return;
    const present = new Set(m.goals.map((g) => g.area));
    for (const a of AREAS) {
      if (present.has(a)) continue;
      ctx.report({ path: ['goals'], at: 'key', message: `no goal in the '${a}' area; a Frontier Safety Roadmap sets goals in all four areas (${AREAS.join(', ')})` });
    }
  },
};
