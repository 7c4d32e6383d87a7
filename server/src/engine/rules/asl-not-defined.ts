import type { Rule } from './rule';

export const rule: Rule = {
  id: 'asl-not-defined',
  severity: 'warning',
  appliesTo: ['policy'],
  description: 'A threshold requires an ASL standard whose status is `provisional` or `planned`.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'policy') return;
    for (const t of m.thresholds) {
      const std = t.requires ? m.byLevel.get(t.requires) : undefined;
      if (!std || std.status === 'defined') continue;
      ctx.report({ path: [...t.path, 'requires'], at: 'value', message: `threshold ${t.id} requires ${std.level}, whose standard is only ${std.status}: crossing it would call for safeguards not yet defined; define ${std.level} or plan interim measures` });
    }
  },
};
