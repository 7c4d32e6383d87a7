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
      if (t.safeguards.length > 0) continue;
      if (t.requires === undefined) {
        ctx.report({ path: [...t.path, 'id'], at: 'value', message: `threshold ${t.id} requires no ASL standard and names no safeguards: crossing it would demand nothing; add 'requires: ASL-N' or 'safeguards: [...]'` });
        continue;
      }
      const std = m.byLevel.get(t.requires);
      if (!std) continue; // unknown-reference reports it
      if (std.deployment.length + std.security.length === 0) {
        ctx.report({ path: [...t.path, 'id'], at: 'value', message: `threshold ${t.id} requires ${t.requires}, whose standard lists no deployment or security safeguards, and names none of its own; add safeguards to ${t.requires} or to the threshold` });
      }
    }
  },
};
