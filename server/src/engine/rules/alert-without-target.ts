import { insertAfterId } from './insert-field';
import type { Threshold } from '../model/model';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'alert-without-target',
  severity: 'error',
  appliesTo: ['policy'],
  description: 'An alert threshold (role `alert`) does not say which threshold it warns of: no `warns`, or `warns` names an alert or research category instead of a threshold.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'policy' || m.format !== 2) return;
    const byId = new Map<string, Threshold>();
    for (const t of m.thresholds) if (!byId.has(t.id)) byId.set(t.id, t);
    for (const t of m.thresholds) {
      if (t.role !== 'alert') continue;
      if (!t.warns) {
        // Suggest the one threshold of the same domain, if there is exactly one.
        const same = t.domain === undefined ? [] : m.thresholds.filter((x) => x.role === 'threshold' && x.domain === t.domain);
        const target = same.length === 1 ? same[0]!.id : undefined;
        const edit = target ? insertAfterId(ctx, t.path, 'warns', target) : undefined;
        ctx.report({
          path: [...t.path, 'role'], at: 'value',
          message: `alert ${t.id} does not say which threshold it warns of; add 'warns:' with the id of the threshold whose approach it signals${target ? ` (perhaps ${target}, the one ${t.domain} threshold)` : ''}`,
          ...(edit ? { fix: { title: `Add 'warns: ${target}'`, edits: [edit], safe: false } } : {}),
        });
        continue;
      }
      const target = byId.get(t.warns.id);
      // An id that is no threshold at all is unknown-reference's finding.
      if (!target || target.role === 'threshold') continue;
      // An alert that warns of another alert: offer the threshold that one warns of.
      const next = target.role === 'alert' && target.warns ? byId.get(target.warns.id) : undefined;
      const better = next && next.role === 'threshold' ? next.id : undefined;
      const [start, end] = ctx.offsets(t.warns.path, 'value');
      const what = target === t ? 'itself' : `${target.id}, which is ${target.role === 'alert' ? 'an alert' : 'a research category'}, not a threshold`;
      ctx.report({
        path: t.warns.path, at: 'value',
        message: `alert ${t.id} warns of ${what}; 'warns:' names the threshold (role threshold) whose approach this alert signals${better ? ` — here presumably ${better}` : ''}`,
        ...(better ? { fix: { title: `Warn of ${better}`, edits: [{ start, end, newText: better }], safe: false } } : {}),
      });
    }
  },
};
