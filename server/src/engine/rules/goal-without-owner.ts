import { insertAfterId } from './insert-field';
import { GOAL_KEYS, hasMisspelledKey } from '../model/schema';
import type { Rule } from './rule';

/** Values that hold the place of an owner without naming one. */
const PLACEHOLDERS = new Set(['tbd', 'tba', 'todo', '?', '??', '???', '-', 'none', 'n/a', 'na', 'unassigned', 'unknown', 'nobody']);

export function isPlaceholderOwner(v: string): boolean {
  return PLACEHOLDERS.has(v.trim().toLowerCase());
}

export const rule: Rule = {
  id: 'goal-without-owner',
  severity: 'error',
  appliesTo: ['roadmap'],
  description: 'A roadmap goal has no owner: `owner` is missing, empty, or a placeholder such as TBD.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'roadmap') return;
    for (const g of m.goals) {
      const name = g.id ? `goal ${g.id}` : 'this goal';
      if (!g.hasOwner) {
        // A misspelled key ('ownr') is reported by the schema rule, with its fix.
        if (hasMisspelledKey((ctx.data.goals as unknown[])[g.path[1] as number], GOAL_KEYS, 'owner')) continue;
        const edit = g.id ? insertAfterId(ctx, g.path, 'owner', 'TBD') : undefined;
        ctx.report({
          path: g.path, at: 'item', message: `${name} has no owner; add 'owner:' naming the accountable team or role`,
          ...(edit ? { fix: { title: "Add an 'owner:' placeholder", edits: [edit], safe: false } } : {}),
        });
        continue;
      }
      const o = g.owner;
      if (typeof o === 'string' && o.trim() !== '' && !isPlaceholderOwner(o)) continue;
      const message = o === null || o === undefined || (typeof o === 'string' && o.trim() === '')
        ? `${name} has an empty owner; name the accountable team or role`
        : typeof o !== 'string'
          ? `the owner of ${name} must be a team or role written as text`
          : `the owner of ${name} is a placeholder ('${o.trim()}'); name the accountable team or role`;
      ctx.report({ path: [...g.path, 'owner'], at: 'value', message });
    }
  },
};
