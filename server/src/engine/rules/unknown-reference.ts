import type { Def, PolicyModel, Ref } from '../model/model';
import { closest, didYouMean } from '../model/suggest';
import type { DataPath } from '../types';
import type { Rule, RuleContext } from './rule';
import { arr, obj } from '../model/model';
import { BUILTIN_IDS, claimsOf, isProfilePath, policyProfiles } from '../compliance/profiles';
import { profileLoader } from './compliance-gap';

const ARTICLE: Record<string, string> = { safeguard: 'a safeguard', threshold: 'a threshold', evaluation: 'an evaluation', commitment: 'a commitment', standard: 'a standard', role: 'a role', decision: 'a decision' };

export const rule: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  appliesTo: ['policy', 'roadmap', 'risk-report'],
  description: 'A reference names nothing that exists: an ASL level, safeguard, threshold or goal id, the policy file a roadmap or report links to, a compliance profile, or a claim\'s requirement or ids.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind === 'profile') return; // requirement references are checked by compliance
    if (m.kind === 'policy') {
      for (const t of m.thresholds) {
        for (const r of t.requiresAll) {
          if (m.format === 1) level(ctx, m, r.id, r.path, `threshold ${t.id} requires`);
          else standard(ctx, m, r, `threshold ${t.id} requires`);
        }
        for (const r of t.safeguards) byKind(ctx, m, r, 'safeguard', `threshold ${t.id} names safeguard`);
        if (t.warns) byKind(ctx, m, t.warns, 'threshold', `alert ${t.id} warns of`);
      }
      if (m.format === 2) {
        const scales = new Set([...m.scales.map((x) => x.id), ...(m.scales.length ? [] : ['asl'])]);
        m.standards.forEach((s) => {
          if (s.scale === undefined || scales.has(s.scale)) return;
          const best = closest(s.scale, scales);
          ctx.report({ path: [...s.path, 'scale'], at: 'value', message: `standard ${s.level} is on scale '${s.scale}', which this policy does not declare (it declares ${[...scales].join(', ') || 'none'})${didYouMean(best)}`, ...(best ? { replacement: best } : {}) });
        });
        roleRefs(ctx, m);
        complianceRefs(ctx, m);
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
    } else if (m.kind === 'risk-report') {
      for (const a of m.assessments) {
        if (a.threshold !== undefined) byKind(ctx, p, { id: a.threshold, path: [...a.path, 'threshold'] }, 'threshold', 'the report assesses threshold', ctx.policy.path);
        if (a.asl !== undefined) {
          if (p.format === 1) level(ctx, p, a.asl, [...a.path, a.aslKey], `the assessment of ${a.threshold ?? 'a threshold'} applies`, ctx.policy.path);
          else standard(ctx, p, { id: a.asl, path: [...a.path, a.aslKey] }, `the assessment of ${a.threshold ?? 'a threshold'} applies`, ctx.policy.path);
        }
        for (const r of a.evaluations) byKind(ctx, p, r, 'evaluation', 'the evidence names evaluation', ctx.policy.path);
      }
      for (const r of m.threatThresholds) byKind(ctx, p, r, 'threshold', 'a threat model names threshold', ctx.policy.path);
      if (m.format === 2) {
        for (const [key, ref, kind] of [['previous', m.previousRef, 'risk-report'], ['roadmap', m.roadmapRef, 'roadmap']] as const) {
          if (ref === undefined) continue;
          const l = ctx.link(ref, kind);
          if (l.state === 'broken') ctx.report({ path: ['report', key], at: 'value', message: l.message });
        }
        const rm = m.roadmapRef !== undefined ? ctx.link(m.roadmapRef, 'roadmap') : undefined;
        if (rm?.state === 'ok' && rm.model.kind === 'roadmap') {
          const goals = rm.model.goals.flatMap((g) => (g.id ? [g.id] : []));
          for (const r of m.roadmapReview) {
            if (r.goal === undefined || goals.includes(r.goal)) continue;
            const best = closest(r.goal, goals);
            ctx.report({ path: [...r.path, 'goal'], at: 'value', message: `the roadmap review names goal '${r.goal}', which the roadmap ${m.roadmapRef} does not define${didYouMean(best)}`, ...(best ? { replacement: best } : {}) });
          }
        }
      }
      if (m.format === 2 && p.roles.length) {
        for (const r of m.approvedBy) byKind(ctx, p, r, 'role', 'the report is approved by', ctx.policy.path);
        for (const r of m.decision?.by ?? []) byKind(ctx, p, r, 'role', 'the decision is taken by', ctx.policy.path);
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

/** A v2 standard reference: any id that names a standard of the policy. */
function standard(ctx: RuleContext, p: PolicyModel, r: Ref, what: string, file?: string): void {
  if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(r.id) || p.byLevel.has(r.id)) return;
  const d = p.byId.get(r.id);
  if (d) {
    ctx.report({ path: r.path, at: 'value', message: `${what} '${r.id}', but in ${where(file)} '${r.id}' is ${ARTICLE[d.kind]}, not a standard` });
    return;
  }
  const ids = [...p.byLevel.keys()];
  const best = closest(r.id, ids);
  ctx.report({ path: r.path, at: 'value', message: `${what} '${r.id}', but ${where(file)} defines no such standard (it defines ${ids.join(', ') || 'none'})${didYouMean(best)}`, ...(best ? { replacement: best } : {}) });
}

/** Role references of a v2 policy (`by`, `advised_by`, governance `owner`s): checked once roles are declared. */
function roleRefs(ctx: RuleContext, p: PolicyModel): void {
  if (!p.roles.length || !p.governance) return;
  const g = p.governance;
  const list = (v: unknown, path: DataPath): Ref[] => (typeof v === 'string' ? [{ id: v, path }] : Array.isArray(v) ? v.flatMap((x, i) => (typeof x === 'string' ? [{ id: x, path: [...path, i] }] : [])) : []);
  const decisions = Array.isArray(g.decisions) ? g.decisions : [];
  decisions.forEach((d, i) => {
    const o = d && typeof d === 'object' ? (d as Record<string, unknown>) : {};
    for (const r of list(o.by, ['governance', 'decisions', i, 'by'])) byKind(ctx, p, r, 'role', `decision ${String(o.id ?? i + 1)} is taken by`);
    for (const r of list(o.advised_by, ['governance', 'decisions', i, 'advised_by'])) byKind(ctx, p, r, 'role', `decision ${String(o.id ?? i + 1)} is advised by`);
  });
  for (const part of ['review', 'incident_response', 'noncompliance_reporting', 'external_review']) {
    const o = g[part];
    if (o && typeof o === 'object' && !Array.isArray(o) && typeof (o as Record<string, unknown>).owner === 'string') {
      byKind(ctx, p, { id: (o as Record<string, unknown>).owner as string, path: ['governance', part, 'owner'] }, 'role', `governance.${part} is owned by`);
    }
  }
}

/** `compliance.profiles` entries (built-in ids, profile files) and claims' requirements and `by` ids. */
function complianceRefs(ctx: RuleContext, p: PolicyModel): void {
  if (!p.compliance) return;
  arr(p.compliance.profiles).forEach((v, i) => {
    if (typeof v !== 'string') ctx.report({ path: ['compliance', 'profiles', i], at: 'value', message: `a profile is named by a built-in id (${BUILTIN_IDS.join(', ')}) or the relative path of a *.profile.yaml file` });
  });
  const entries = policyProfiles(p, profileLoader(ctx));
  for (const e of entries) {
    if (!e.error) continue;
    const best = isProfilePath(e.ref) ? undefined : closest(e.ref, BUILTIN_IDS);
    ctx.report({ path: ['compliance', 'profiles', e.index], at: 'value', message: `${e.error}${didYouMean(best)}`, ...(best ? { replacement: best } : {}) });
  }
  const profiles = new Map(entries.flatMap((e) => (e.profile?.id ? [[e.profile.id, e] as const] : [])));
  const requirementIds = new Map([...profiles].map(([id, e]) => [id, new Set(e.profile!.requirements.map((r) => r.id))]));
  for (const c of claimsOf(p)) {
    const base: DataPath = ['compliance', 'claims', c.index];
    if (c.profile !== undefined && c.id !== undefined && /^[A-Za-z][A-Za-z0-9._-]*$/.test(c.profile)) {
      const e = profiles.get(c.profile);
      if (!e) {
        const best = closest(c.profile, profiles.keys());
        const listed = [...profiles.keys()];
        ctx.report({ path: [...base, 'requirement'], at: 'value', message: `claim names profile '${c.profile}', which is not among this policy's compliance.profiles (${listed.length ? listed.join(', ') : 'none listed'})${didYouMean(best)}`, ...(best ? { replacement: `${best}/${c.id}` } : {}) });
      } else if (!requirementIds.get(c.profile)!.has(c.id)) {
        const best = closest(c.id, e.profile!.requirements.map((r) => r.id));
        ctx.report({ path: [...base, 'requirement'], at: 'value', message: `profile ${c.profile} has no requirement '${c.id}'${didYouMean(best)}`, ...(best ? { replacement: `${c.profile}/${best}` } : {}) });
      }
    }
    const claim = obj(arr(p.compliance.claims)[c.index]);
    arr(claim?.by).forEach((id, j) => {
      if (typeof id !== 'string' || !/^[A-Za-z][A-Za-z0-9._-]*$/.test(id) || p.byId.has(id) || p.byLevel.has(id)) return;
      const best = closest(id, [...p.byId.keys(), ...p.byLevel.keys()]);
      ctx.report({ path: [...base, 'by', j], at: 'value', message: `the claim for ${c.requirement ?? 'a requirement'} names '${id}', which this policy does not define${didYouMean(best)}`, ...(best ? { replacement: best } : {}) });
    });
  }
}
