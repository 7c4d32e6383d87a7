import { daysBetween, isRealDate } from '../model/dates';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'goal-overdue',
  severity: 'warning',
  appliesTo: ['roadmap'],
  description: 'A goal is past its due date and its status is neither `done` nor `dropped`.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'roadmap') return;
    for (const g of m.goals) {
      if (!isRealDate(g.due) || g.due >= ctx.today || g.status === 'done' || g.status === 'dropped') continue;
      const days = daysBetween(g.due, ctx.today);
      ctx.report({
        path: [...g.path, 'due'], at: 'value',
        message: `goal ${g.id ?? ''} was due on ${g.due} (${days} day${days === 1 ? '' : 's'} ago) and is still '${g.status}'; mark it done or dropped, or set a new due date`.replace('goal  ', 'this goal '),
      });
    }
  },
};
