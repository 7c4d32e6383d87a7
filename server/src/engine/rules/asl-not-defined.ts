import type { Rule } from './rule';

export const rule: Rule = {
  id: 'asl-not-defined',
  severity: 'warning',
  appliesTo: ['policy'],
  description: 'A threshold requires a standard (an ASL standard, or any standard of a v2 scale) whose status is `provisional` or `planned`.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'policy') return;
    for (const t of m.thresholds) {
      for (const r of t.requiresAll) {
        const std = m.byLevel.get(r.id);
        if (!std || std.status === 'defined') continue;
        ctx.report({ path: r.path, at: 'value', message: `threshold ${t.id} requires ${std.level}, whose standard is only ${std.status}: crossing it would call for safeguards not yet defined; define ${std.level} or plan interim measures` });
      }
    }
  },
};
