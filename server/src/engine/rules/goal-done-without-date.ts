import { insertAfterId } from './insert-field';
import { obj } from '../model/model';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'goal-done-without-date',
  severity: 'warning',
  appliesTo: ['roadmap'],
  description: 'A roadmap goal has status `done` but no `completed` date.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'roadmap' || m.format !== 2) return;
    const goals = Array.isArray(ctx.data.goals) ? ctx.data.goals : [];
    for (const g of m.goals) {
      if (g.status !== 'done') continue;
      // A `completed` that is present but not a date is the schema's finding.
      if ('completed' in (obj(goals[g.path[1] as number]) ?? {})) continue;
      const edit = g.id ? insertAfterId(ctx, g.path, 'completed', ctx.today) : undefined;
      ctx.report({
        path: [...g.path, 'status'], at: 'value',
        message: `${g.id ? `goal ${g.id}` : 'this goal'} is done but does not say when; add 'completed:' with the date it was achieved, so readers can grade it against its due date`,
        ...(edit ? { fix: { title: `Add 'completed: ${ctx.today}' (today; correct it to the real date)`, edits: [edit], safe: false } } : {}),
      });
    }
  },
};
