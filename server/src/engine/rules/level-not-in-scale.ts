import { scalesOf } from '../model/model';
import { closest, didYouMean } from '../model/suggest';
import type { Rule } from './rule';

function list(levels: readonly string[]): string {
  return levels.length ? levels.join(', ') : 'none';
}

export const rule: Rule = {
  id: 'level-not-in-scale',
  severity: 'error',
  appliesTo: ['policy'],
  description: "A standard's id is not a level of the scale it names, or a threshold's `level` is no level of any capability scale of the policy.",
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'policy' || m.format !== 2) return;
    const scales = scalesOf(m);
    for (const s of m.standards) {
      if (s.scale === undefined) continue;
      const sc = scales.find((x) => x.id === s.scale);
      if (!sc || sc.levels.includes(s.level)) continue; // an undeclared scale is unknown-reference's finding
      const best = closest(s.level, sc.levels);
      const fix = m.scales.length
        ? `correct the id, add ${s.level} to the levels of scale ${sc.id} in order, or drop 'scale:'`
        : `correct the id, or declare the scale under 'scales:' with ${s.level} among its levels`;
      ctx.report({
        path: [...s.path, s.idKey], at: 'value',
        message: `standard ${s.level} is on scale ${sc.id}${m.scales.length ? '' : ' (the built-in asl scale: this policy declares no scales)'}, whose levels are ${list(sc.levels)}; ${s.level} is not one of them${didYouMean(best)} — ${fix}`,
      });
    }
    const capability = scales.filter((x) => x.appliesTo === 'capability');
    const levels = [...new Set(capability.flatMap((x) => x.levels))];
    const named = capability.length ? `the capability scale${capability.length > 1 ? 's' : ''} ${capability.map((x) => x.id).join(', ')} (levels: ${list(levels)})` : '';
    for (const t of m.thresholds) {
      if (t.level === undefined || levels.includes(t.level)) continue;
      const path = [...t.path, 'level'];
      // The level may sit in a scale that is not a capability scale (a safeguards scale, or one without applies_to).
      const holder = m.scales.find((x) => x.appliesTo !== 'capability' && x.levels.includes(t.level!));
      if (holder) {
        const kind = holder.appliesTo === 'safeguards' ? 'a safeguards scale' : "a scale without 'applies_to: capability'";
        ctx.report({
          path, at: 'value',
          message: `threshold ${t.id} has level ${t.level}, a level of scale ${holder.id}, which is ${kind}; a threshold's level is a capability level${capability.length ? ` of ${named}` : holder.appliesTo === 'safeguards' ? ' (declare a scale with applies_to: capability)' : `, so give scale ${holder.id} 'applies_to: capability'`}`,
        });
        continue;
      }
      if (!capability.length) {
        ctx.report({
          path, at: 'value',
          message: `threshold ${t.id} has level ${t.level}, but this policy declares no capability scale; declare one under 'scales:' with 'applies_to: capability' and its levels in order (e.g. levels: [High, Critical]), or drop 'level:'`,
        });
        continue;
      }
      const best = closest(t.level, levels);
      ctx.report({
        path, at: 'value',
        message: `threshold ${t.id} has level ${t.level}, which is no level of ${named}${didYouMean(best)}${best ? '' : `; use one of them, or add ${t.level} to the scale`}`,
        ...(best ? { replacement: best } : {}),
      });
    }
  },
};
