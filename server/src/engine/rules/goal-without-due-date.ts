import { isRealDate } from '../model/dates';
import { insertAfterId } from './insert-field';
import { GOAL_KEYS, hasMisspelledKey } from '../model/schema';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'goal-without-due-date',
  severity: 'error',
  appliesTo: ['roadmap'],
  description: 'A roadmap goal has no due date: `due` is missing or not a real date.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'roadmap') return;
    for (const g of m.goals) {
      const name = g.id ? `goal ${g.id}` : 'this goal';
      if (!g.hasDue) {
        // A misspelled key ('deu') is reported by the schema rule, with its fix.
        if (hasMisspelledKey((ctx.data.goals as unknown[])[g.path[1] as number], GOAL_KEYS, 'due')) continue;
        const edit = g.id ? insertAfterId(ctx, g.path, 'due', 'TBD') : undefined;
        ctx.report({
          path: g.path, at: 'item', message: `${name} has no due date; add 'due: YYYY-MM-DD'`,
          ...(edit ? { fix: { title: "Add a 'due:' placeholder", edits: [edit], safe: false } } : {}),
        });
        continue;
      }
      const d = g.due;
      if (isRealDate(d)) continue;
      const message = d === null || d === undefined || d === ''
        ? `${name} has an empty due date; write it as YYYY-MM-DD`
        : typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)
          ? `the due date of ${name}, '${d}', is not a real date; check the month and day`
          : `the due date of ${name} must be a date written YYYY-MM-DD, not ${typeof d === 'string' ? `'${d}'` : Array.isArray(d) ? 'a list' : typeof d === 'object' ? 'a mapping' : String(d)}`;
      ctx.report({ path: [...g.path, 'due'], at: 'value', message });
    }
  },
};
