import { insertAfterId } from './insert-field';
import { obj } from '../model/model';
import { isPlaceholderOwner } from './goal-without-owner';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'goal-dropped-without-reason',
  severity: 'warning',
  appliesTo: ['roadmap'],
  description: 'A roadmap goal has status `dropped` but no `reason` (or only a placeholder such as TBD).',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'roadmap' || m.format !== 2) return;
    const goals = Array.isArray(ctx.data.goals) ? ctx.data.goals : [];
    for (const g of m.goals) {
      if (g.status !== 'dropped') continue;
      const name = g.id ? `goal ${g.id}` : 'this goal';
      const raw = obj(goals[g.path[1] as number]) ?? {};
      if (!('reason' in raw)) {
        const edit = g.id ? insertAfterId(ctx, g.path, 'reason', 'TBD') : undefined;
        ctx.report({
          path: [...g.path, 'status'], at: 'value',
          message: `${name} is dropped without a reason; add 'reason:' saying why it was abandoned (and what, if anything, replaces it)`,
          ...(edit ? { fix: { title: "Add a 'reason:' placeholder", edits: [edit], safe: false } } : {}),
        });
        continue;
      }
      // An empty or non-text reason is the schema's finding; a placeholder is this rule's.
      if (g.reason !== undefined && g.reason.trim() !== '' && isPlaceholderOwner(g.reason)) {
        ctx.report({ path: [...g.path, 'reason'], at: 'value', message: `the reason ${name} was dropped is a placeholder ('${g.reason.trim()}'); say why it was abandoned` });
      }
    }
  },
};
