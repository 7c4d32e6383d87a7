/**
 * Typed models of the three document kinds, read defensively from the plain data: a field
 * of the wrong type is simply absent here (the schema rule reports it), so rules never
 * have to re-check types.
 */
import type { DataPath } from '../types';

type Obj = Record<string, unknown>;
export function obj(v: unknown): Obj | undefined { return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined; }
export function arr(v: unknown): unknown[] { return Array.isArray(v) ? v : []; }
export function str(v: unknown): string | undefined { return typeof v === 'string' ? v : undefined; }

export interface Ref { id: string; path: DataPath }

export type DefKind = 'safeguard' | 'threshold' | 'evaluation' | 'commitment';
export interface Def {
  id: string;
  kind: DefKind;
  path: DataPath;
  title?: string;
  /** For safeguards: the standard and side that list it. */
  level?: string;
  side?: 'deployment' | 'security';
  /** For evaluations: the threshold they belong to. */
  threshold?: string;
}

export type StandardStatus = 'defined' | 'provisional' | 'planned';
export interface Standard {
  level: string;
  path: DataPath;
  name?: string;
  status: StandardStatus;
  summary?: string;
  deployment: Def[];
  security: Def[];
}

export interface Threshold {
  id: string;
  path: DataPath;
  title?: string;
  domain?: string;
  description?: string;
  requires?: string;
  safeguards: Ref[];
  evaluations: Def[];
}

export interface PolicyModel {
  kind: 'policy';
  id?: string;
  title?: string;
  organization?: string;
  version?: string;
  standards: Standard[];
  thresholds: Threshold[];
  commitments: Def[];
  /** Every id definition in document order (duplicates included). */
  defs: Def[];
  /** First definition of each id. */
  byId: Map<string, Def>;
  /** First standard of each level. */
  byLevel: Map<string, Standard>;
  cadenceMonths?: number;
}

export interface Goal {
  id?: string;
  path: DataPath;
  area?: string;
  title?: string;
  owner: unknown;
  hasOwner: boolean;
  due: unknown;
  hasDue: boolean;
  status: string;
  supports: Ref[];
  dependsOn: Ref[];
}

export interface RoadmapModel { kind: 'roadmap'; id?: string; title?: string; policyRef?: string; published?: string; goals: Goal[] }

export interface Assessment { threshold?: string; path: DataPath; determination?: string; asl?: string; evidence: string[] }
export interface SafeguardStatus { safeguard?: string; path: DataPath; status?: string; notes?: string }
export interface ReportModel {
  kind: 'risk-report';
  id?: string;
  policyRef?: string;
  model?: string;
  published?: string;
  assessments: Assessment[];
  statuses: SafeguardStatus[];
  hasAssessments: boolean;
}

export type Model = PolicyModel | RoadmapModel | ReportModel;

function refs(v: unknown, path: DataPath): Ref[] {
  const out: Ref[] = [];
  arr(v).forEach((x, i) => { if (typeof x === 'string') out.push({ id: x, path: [...path, i] }); });
  return out;
}

export function policyModel(data: Obj): PolicyModel {
  const head = obj(data.policy) ?? {};
  const m: PolicyModel = {
    kind: 'policy', id: str(head.id), title: str(head.title), organization: str(head.organization), version: str(head.version),
    standards: [], thresholds: [], commitments: [], defs: [], byId: new Map(), byLevel: new Map(),
  };
  const define = (d: Def) => { m.defs.push(d); if (!m.byId.has(d.id)) m.byId.set(d.id, d); };
  arr(data.asl_standards).forEach((sv, i) => {
    const s = obj(sv);
    const level = str(s?.level);
    if (!s || !level) return;
    const status = str(s.status);
    const std: Standard = {
      level, path: ['asl_standards', i], name: str(s.name), summary: str(s.summary),
      status: status === 'provisional' || status === 'planned' ? status : 'defined',
      deployment: [], security: [],
    };
    for (const side of ['deployment', 'security'] as const) {
      arr(s[side]).forEach((gv, j) => {
        const g = obj(gv);
        const id = str(g?.id);
        if (!g || !id) return;
        const d: Def = { id, kind: 'safeguard', path: ['asl_standards', i, side, j], title: str(g.title), level, side };
        std[side].push(d);
        define(d);
      });
    }
    m.standards.push(std);
    if (!m.byLevel.has(level)) m.byLevel.set(level, std);
  });
  arr(data.thresholds).forEach((tv, i) => {
    const t = obj(tv);
    const id = str(t?.id);
    if (!t) return;
    const path: DataPath = ['thresholds', i];
    const th: Threshold = {
      id: id ?? '', path, title: str(t.title), domain: str(t.domain), description: str(t.description),
      requires: str(t.requires), safeguards: refs(t.safeguards, [...path, 'safeguards']), evaluations: [],
    };
    if (id) define({ id, kind: 'threshold', path, title: th.title });
    arr(t.evaluations).forEach((ev, j) => {
      const e = obj(ev);
      const eid = str(e?.id);
      if (!e || !eid) return;
      const d: Def = { id: eid, kind: 'evaluation', path: [...path, 'evaluations', j], title: str(e.name), threshold: id };
      th.evaluations.push(d);
      define(d);
    });
    if (id) m.thresholds.push(th);
  });
  arr(data.commitments).forEach((cv, i) => {
    const c = obj(cv);
    const id = str(c?.id);
    if (!c || !id) return;
    const d: Def = { id, kind: 'commitment', path: ['commitments', i], title: str(c.statement) };
    m.commitments.push(d);
    define(d);
  });
  const cadence = obj(data.risk_reports)?.cadence_months;
  if (typeof cadence === 'number' && Number.isInteger(cadence)) m.cadenceMonths = cadence;
  return m;
}

/** Safeguard ids a threshold needs: its standard's deployment and security lists, and its own. */
export function requiredSafeguards(p: PolicyModel, t: Threshold): string[] {
  const ids: string[] = [];
  const std = t.requires ? p.byLevel.get(t.requires) : undefined;
  if (std) for (const d of [...std.deployment, ...std.security]) ids.push(d.id);
  for (const r of t.safeguards) if (!ids.includes(r.id)) ids.push(r.id);
  return ids;
}

export function roadmapModel(data: Obj): RoadmapModel {
  const head = obj(data.roadmap) ?? {};
  const goals: Goal[] = [];
  arr(data.goals).forEach((gv, i) => {
    const g = obj(gv);
    if (!g) return;
    const path: DataPath = ['goals', i];
    goals.push({
      id: str(g.id), path, area: str(g.area), title: str(g.title),
      owner: g.owner, hasOwner: 'owner' in g, due: g.due, hasDue: 'due' in g,
      status: str(g.status) ?? 'planned',
      supports: refs(g.supports, [...path, 'supports']), dependsOn: refs(g.depends_on, [...path, 'depends_on']),
    });
  });
  return { kind: 'roadmap', id: str(head.id), title: str(head.title), policyRef: str(head.policy), published: str(head.published), goals };
}

export function reportModel(data: Obj): ReportModel {
  const head = obj(data.report) ?? {};
  const assessments: Assessment[] = [];
  arr(data.assessments).forEach((av, i) => {
    const a = obj(av);
    if (!a) return;
    assessments.push({
      threshold: str(a.threshold), path: ['assessments', i], determination: str(a.determination), asl: str(a.asl_applied),
      evidence: arr(a.evidence).filter((x): x is string => typeof x === 'string'),
    });
  });
  const statuses: SafeguardStatus[] = [];
  arr(data.safeguards_status).forEach((sv, i) => {
    const s = obj(sv);
    if (!s) return;
    statuses.push({ safeguard: str(s.safeguard), path: ['safeguards_status', i], status: str(s.status), notes: str(s.notes) });
  });
  return {
    kind: 'risk-report', id: str(head.id), policyRef: str(head.policy), model: str(head.model), published: str(head.published),
    assessments, statuses, hasAssessments: Array.isArray(data.assessments),
  };
}
