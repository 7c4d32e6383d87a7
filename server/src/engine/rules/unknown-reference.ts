import type { Def, PolicyModel, Ref } from '../model/model';
import { closest, didYouMean } from '../model/suggest';
import type { DataPath } from '../types';
import type { Rule, RuleContext } from './rule';

const ARTICLE: Record<string, string> = { safeguard: 'a safeguard', threshold: 'a threshold', evaluation: 'an evaluation', commitment: 'a commitment' };

export const rule: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  appliesTo: ['policy', 'roadmap', 'risk-report'],
  description: 'A reference names nothing that exists: an ASL level, safeguard, threshold or goal id, or the policy file a roadmap or report links to.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind === 'policy') {
      for (const t of m.thresholds) {
        if (t.requires !== undefined) level(ctx, m, t.requires, [...t.path, 'requires'], `threshold ${t.id} requires`);
        for (const r of t.safeguards) byKind(ctx, m, r, 'safeguard', `threshold ${t.id} names safeguard`);
      }
      return;
    }
    if (m.kind === 'roadmap') {
      // Goals depend on goals of this roadmap: checked whatever the state of the policy link.
      const goals = new Set(m.goals.flatMap((g) => (g.id ? [g.id] : [])));
      for (const g of m.goals) {
        for (const r of g.dependsOn) {
          if (goals.has(r.id)) continue;
          const best = closest(r.id, goals);
          ctx.report({ path: r.path, at: 'value', message: `goal ${g.id ?? ''} depends on '${r.id}', which is not a goal of this roadmap${didYouMean(best)}`.replace('goal  ', 'a goal '), ...(best ? { replacement: best } : {}) });
        }
      }
    }
    const head = m.kind === 'roadmap' ? 'roadmap' : 'report';
    if (ctx.policy.state === 'broken') {
      ctx.report({ path: [head, 'policy'], at: 'value', message: ctx.policy.message });
      return;
    }
    if (ctx.policy.state !== 'ok') return;
    const p = ctx.policy.model;
    if (m.kind === 'roadmap') {
      for (const g of m.goals) {
        for (const r of g.supports) {
          if (p.byId.has(r.id) || p.byLevel.has(r.id)) continue;
          const best = closest(r.id, [...p.byId.keys(), ...p.byLevel.keys()]);
          ctx.report({ path: r.path, at: 'value', message: `goal ${g.id ?? ''} supports '${r.id}', which is not an id or ASL level of the policy ${ctx.policy.path}${didYouMean(best)}`.replace('goal  ', 'a goal '), ...(best ? { replacement: best } : {}) });
        }
      }
    } else {
      for (const a of m.assessments) {
        if (a.threshold !== undefined) byKind(ctx, p, { id: a.threshold, path: [...a.path, 'threshold'] }, 'threshold', 'the report assesses threshold', ctx.policy.path);
        if (a.asl !== undefined) level(ctx, p, a.asl, [...a.path, 'asl_applied'], `the assessment of ${a.threshold ?? 'a threshold'} applies`, ctx.policy.path);
      }
      for (const s of m.statuses) {
        if (s.safeguard !== undefined) byKind(ctx, p, { id: s.safeguard, path: [...s.path, 'safeguard'] }, 'safeguard', 'the report gives a status for safeguard', ctx.policy.path);
      }
    }
  },
};

function where(file?: string): string { return file ? `the policy ${file}` : 'this policy'; }

function level(ctx: RuleContext, p: PolicyModel, lvl: string, path: DataPath, what: string, file?: string): void {
  if (!/^ASL-[1-9]$/.test(lvl) || p.byLevel.has(lvl)) return; // a malformed level is the schema's to report
  const levels = [...p.byLevel.keys()];
  ctx.report({ path, at: 'value', message: `${what} ${lvl}, but ${where(file)} defines no such standard (it defines ${levels.join(', ') || 'none'})` });
}

function byKind(ctx: RuleContext, p: PolicyModel, r: Ref, kind: Def['kind'], what: string, file?: string): void {
  if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(r.id)) return; // the schema reports malformed ids
  const d = p.byId.get(r.id);
  if (d && d.kind === kind) return;
  if (d) {
    ctx.report({ path: r.path, at: 'value', message: `${what} '${r.id}', but in ${where(file)} '${r.id}' is ${ARTICLE[d.kind]}, not ${ARTICLE[kind]}` });
    return;
  }
  const best = closest(r.id, p.defs.filter((x) => x.kind === kind).map((x) => x.id));
  ctx.report({ path: r.path, at: 'value', message: `${what} '${r.id}', which ${where(file)} does not define${didYouMean(best)}`, ...(best ? { replacement: best } : {}) });
}
