/**
 * Typed models of the document kinds, read defensively from the plain data: a field of the
 * wrong type is simply absent here (the schema rule reports it), so rules never have to
 * re-check types. One model serves both formats: `format` says which (rsp/v1 or rsp/v2), and
 * v1 names (`asl_standards`, a standard's `level`, `asl_applied`, `model`) are read as their
 * v2 counterparts — in a v2 document the schema rule reports them, but the other rules still
 * see what the writer meant.
 */
import type { DataPath } from '../types';

type Obj = Record<string, unknown>;
export function obj(v: unknown): Obj | undefined { return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined; }
export function arr(v: unknown): unknown[] { return Array.isArray(v) ? v : []; }
export function str(v: unknown): string | undefined { return typeof v === 'string' ? v : undefined; }

export interface Ref { id: string; path: DataPath }

/** 1 for `format: rsp/v1` (and documents that say nothing else), 2 for `format: rsp/v2`. */
export type FormatVersion = 1 | 2;
export function formatOf(data: Obj | undefined): FormatVersion { return data?.format === 'rsp/v2' ? 2 : 1; }

/** One id or a list of ids (`requires: ASL-3` or `requires: [ASL-3, SL4]`), as references. */
function idRefs(v: unknown, path: DataPath): Ref[] {
  if (typeof v === 'string') return [{ id: v, path }];
  return refs(v, path);
}

export type DefKind = 'safeguard' | 'threshold' | 'evaluation' | 'commitment' | 'standard' | 'role' | 'decision';
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
  /** For evaluations: how often they run (free text). */
  cadence?: string;
}

/** An ordered level vocabulary (v2 `scales`), lowest first. */
export interface Scale {
  id: string;
  path: DataPath;
  title?: string;
  appliesTo?: 'safeguards' | 'capability';
  levels: string[];
  reference?: string;
}

export type ThresholdRole = 'threshold' | 'alert' | 'research';

export type StandardStatus = 'defined' | 'provisional' | 'planned';
export interface Standard {
  /** The standard's id: v2 `id`, v1 `level` (an ASL level). */
  level: string;
  path: DataPath;
  /** The key that holds the id: `id` (v2) or `level` (v1). */
  idKey: 'id' | 'level';
  scale?: string;
  securityLevel?: string;
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
  /** The first required standard (v1 has exactly one). */
  requires?: string;
  /** Every required standard: one for `requires: X`, each item of `requires: [X, Y]`. */
  requiresAll: Ref[];
  safeguards: Ref[];
  evaluations: Def[];
  role: ThresholdRole;
  /** v2: a level of a capability scale. */
  level?: string;
  /** v2, role alert: the threshold it warns of. */
  warns?: Ref;
  ifUnmet: string[];
}

export interface Change { version?: string; date?: string; path: DataPath; items: Array<{ ref?: string; change?: string; from?: string; reason?: string; path: DataPath }> }

export interface PolicyModel {
  kind: 'policy';
  format: FormatVersion;
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
  /** First standard of each level (v1) or id (v2). */
  byLevel: Map<string, Standard>;
  cadenceMonths?: number;
  supersedes?: string;
  effective?: string;
  url?: string;
  /** v2: declared scales (none declared: the policy behaves as if it declared `asl`). */
  scales: Scale[];
  roles: Def[];
  decisions: Def[];
  /** v2 `changes`, newest first. */
  changes: Change[];
  riskReportsExternalReview?: boolean;
  /** The raw `governance` and `compliance` mappings, for the checks that read them. */
  governance?: Obj;
  compliance?: Obj;
}

export interface Goal {
  id?: string;
  completed?: string;
  reason?: string;
  successCriteria: string[];
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

export interface RoadmapModel { kind: 'roadmap'; format: FormatVersion; id?: string; title?: string; policyRef?: string; published?: string; goals: Goal[] }

export interface Assessment {
  threshold?: string;
  path: DataPath;
  determination?: string;
  /** The standard applied: v2 `standard_applied`, v1 `asl_applied`. */
  asl?: string;
  /** The key that holds it. */
  aslKey: 'standard_applied' | 'asl_applied';
  residualRisk?: string;
  evidence: string[];
  /** v2 evidence objects that name an evaluation of the policy. */
  evaluations: Ref[];
}
export interface SafeguardStatus { safeguard?: string; path: DataPath; status?: string; notes?: string }
export interface ReportModel {
  kind: 'risk-report';
  format: FormatVersion;
  id?: string;
  policyRef?: string;
  /** The first model assessed (v1 `model`, v2 `models`). */
  model?: string;
  models: string[];
  published?: string;
  period?: { from?: string; to?: string };
  previousRef?: string;
  roadmapRef?: string;
  approvedBy: Ref[];
  hasApprovedBy: boolean;
  redactions: number;
  externalReview?: { reviewer?: string; received?: string; published?: string; url?: string; path: DataPath };
  decision?: { outcome?: string; date?: string; by: Ref[]; path: DataPath };
  roadmapReview: Array<{ goal?: string; outcome?: string; note?: string; path: DataPath }>;
  /** The thresholds each v2 threat model names (`threat_models[].thresholds`), ids of the policy. */
  threatThresholds: Ref[];
  assessments: Assessment[];
  statuses: SafeguardStatus[];
  hasAssessments: boolean;
}

/** A profile (v2 `kind: profile`): requirements a policy must meet (checked by compliance). */
export interface ProfileModel {
  kind: 'profile';
  format: FormatVersion;
  id?: string;
  title?: string;
  source?: string;
  version?: string;
  requirements: Requirement[];
}

/** One requirement of a profile. */
export interface Requirement {
  id: string;
  path: DataPath;
  title?: string;
  check?: string;
  citation?: string;
  summary?: string;
  /** The check's parameters, as written (the check reads what it needs). */
  params?: Obj;
  severity?: 'error' | 'warning' | 'information' | 'hint';
}

export type Model = PolicyModel | RoadmapModel | ReportModel | ProfileModel;

/** A date as the model keeps it: YAML dates are read as strings by the parser. */
function date(v: unknown): string | undefined { return typeof v === 'string' ? v : undefined; }

function refs(v: unknown, path: DataPath): Ref[] {
  const out: Ref[] = [];
  arr(v).forEach((x, i) => { if (typeof x === 'string') out.push({ id: x, path: [...path, i] }); });
  return out;
}

export function policyModel(data: Obj): PolicyModel {
  const head = obj(data.policy) ?? {};
  const format = formatOf(data);
  const gov = obj(data.governance);
  const m: PolicyModel = {
    kind: 'policy', format, id: str(head.id), title: str(head.title), organization: str(head.organization), version: str(head.version),
    supersedes: str(head.supersedes), effective: date(head.effective), url: str(head.url),
    standards: [], thresholds: [], commitments: [], defs: [], byId: new Map(), byLevel: new Map(),
    scales: [], roles: [], decisions: [], changes: [], governance: gov, compliance: obj(data.compliance),
  };
  const define = (d: Def) => { m.defs.push(d); if (!m.byId.has(d.id)) m.byId.set(d.id, d); };
  arr(data.scales).forEach((sv, i) => {
    const sc = obj(sv);
    const id = str(sc?.id);
    if (!sc || !id) return;
    const applies = str(sc.applies_to);
    m.scales.push({
      id, path: ['scales', i], title: str(sc.title), levels: arr(sc.levels).filter((x): x is string => typeof x === 'string'),
      appliesTo: applies === 'safeguards' || applies === 'capability' ? applies : undefined, reference: str(sc.reference),
    });
  });
  // v2 names the list `standards` and a standard's id `id`; v1 `asl_standards` and `level`.
  const stdKey = format === 2 && Array.isArray(data.standards) ? 'standards' : Array.isArray(data.asl_standards) ? 'asl_standards' : 'standards';
  arr(data[stdKey]).forEach((sv, i) => {
    const s = obj(sv);
    const idKey: 'id' | 'level' = format === 2 && typeof s?.id === 'string' ? 'id' : 'level';
    const level = str(s?.[idKey]);
    if (!s || !level) return;
    const status = str(s.status);
    const std: Standard = {
      level, idKey, path: [stdKey, i], name: str(s.name), summary: str(s.summary), scale: str(s.scale), securityLevel: str(s.security_level),
      status: status === 'provisional' || status === 'planned' ? status : 'defined',
      deployment: [], security: [],
    };
    // In v2 a standard's id shares the policy's one namespace; a v1 ASL level does not.
    if (format === 2) define({ id: level, kind: 'standard', path: [stdKey, i], title: std.name });
    for (const side of ['deployment', 'security'] as const) {
      arr(s[side]).forEach((gv, j) => {
        const g = obj(gv);
        const id = str(g?.id);
        if (!g || !id) return;
        const d: Def = { id, kind: 'safeguard', path: [stdKey, i, side, j], title: str(g.title), level, side };
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
    const requiresAll = idRefs(t.requires, [...path, 'requires']);
    const role = str(t.role);
    const warns = str(t.warns);
    const th: Threshold = {
      id: id ?? '', path, title: str(t.title), domain: str(t.domain), description: str(t.description),
      requires: requiresAll[0]?.id, requiresAll, safeguards: refs(t.safeguards, [...path, 'safeguards']), evaluations: [],
      role: format === 2 && (role === 'alert' || role === 'research') ? role : 'threshold',
      level: format === 2 ? str(t.level) : undefined,
      warns: format === 2 && warns !== undefined ? { id: warns, path: [...path, 'warns'] } : undefined,
      ifUnmet: arr(t.if_unmet).filter((x): x is string => typeof x === 'string'),
    };
    if (id) define({ id, kind: 'threshold', path, title: th.title });
    arr(t.evaluations).forEach((ev, j) => {
      const e = obj(ev);
      const eid = str(e?.id);
      if (!e || !eid) return;
      const d: Def = { id: eid, kind: 'evaluation', path: [...path, 'evaluations', j], title: str(e.name), threshold: id, cadence: str(e.cadence) };
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
  if (format === 2) {
    arr(gov?.roles).forEach((rv, i) => {
      const r = obj(rv);
      const id = str(r?.id);
      if (!r || !id) return;
      const d: Def = { id, kind: 'role', path: ['governance', 'roles', i], title: str(r.title) };
      m.roles.push(d);
      define(d);
    });
    arr(gov?.decisions).forEach((dv, i) => {
      const r = obj(dv);
      const id = str(r?.id);
      if (!r || !id) return;
      const d: Def = { id, kind: 'decision', path: ['governance', 'decisions', i], title: str(r.decision) };
      m.decisions.push(d);
      define(d);
    });
    arr(data.changes).forEach((cv, i) => {
      const c = obj(cv);
      if (!c) return;
      const path: DataPath = ['changes', i];
      m.changes.push({
        version: typeof c.version === 'number' ? String(c.version) : str(c.version), date: date(c.date), path,
        items: arr(c.items).flatMap((iv, j) => { const it = obj(iv); return it ? [{ ref: str(it.ref), change: str(it.change), from: str(it.from), reason: str(it.reason), path: [...path, 'items', j] }] : []; }),
      });
    });
  }
  const rr = obj(data.risk_reports);
  const cadence = rr?.cadence_months;
  if (typeof cadence === 'number' && Number.isInteger(cadence)) m.cadenceMonths = cadence;
  if (typeof rr?.external_review === 'boolean') m.riskReportsExternalReview = rr.external_review;
  return m;
}

/** The scales in force: those declared, or the built-in `asl` scale when none is. */
export function scalesOf(p: PolicyModel): Scale[] {
  if (p.scales.length) return p.scales;
  return [{ id: 'asl', path: [], title: 'AI Safety Levels', appliesTo: 'safeguards', levels: ['ASL-1', 'ASL-2', 'ASL-3', 'ASL-4'], reference: 'asl' }];
}

/** Where a standard ranks: its scale (declared, or the one whose levels include its id) and index. */
export function rankOf(p: PolicyModel, std: Standard): { scale: Scale; index: number } | undefined {
  const scales = scalesOf(p);
  const sc = std.scale ? scales.find((x) => x.id === std.scale) : scales.find((x) => x.levels.includes(std.level));
  if (!sc) return undefined;
  const index = sc.levels.indexOf(std.level);
  return index < 0 ? undefined : { scale: sc, index };
}

/** Safeguard ids a threshold needs: its standard's deployment and security lists, and its own. */
export function requiredSafeguards(p: PolicyModel, t: Threshold): string[] {
  const ids: string[] = [];
  for (const r of t.requiresAll) {
    const std = p.byLevel.get(r.id);
    if (std) for (const d of [...std.deployment, ...std.security]) if (!ids.includes(d.id)) ids.push(d.id);
  }
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
      completed: date(g.completed), reason: str(g.reason), successCriteria: arr(g.success_criteria).filter((x): x is string => typeof x === 'string'),
      owner: g.owner, hasOwner: 'owner' in g, due: g.due, hasDue: 'due' in g,
      status: str(g.status) ?? 'planned',
      supports: refs(g.supports, [...path, 'supports']), dependsOn: refs(g.depends_on, [...path, 'depends_on']),
    });
  });
  return { kind: 'roadmap', format: formatOf(data), id: str(head.id), title: str(head.title), policyRef: str(head.policy), published: str(head.published), goals };
}

export function reportModel(data: Obj): ReportModel {
  const head = obj(data.report) ?? {};
  const format = formatOf(data);
  const assessments: Assessment[] = [];
  arr(data.assessments).forEach((av, i) => {
    const a = obj(av);
    if (!a) return;
    const aslKey = format === 2 && a.standard_applied !== undefined ? 'standard_applied' : 'asl_applied';
    const evaluations: Ref[] = [];
    arr(a.evidence).forEach((ev, j) => { const e = obj(ev); const id = str(e?.evaluation); if (id !== undefined) evaluations.push({ id, path: ['assessments', i, 'evidence', j, 'evaluation'] }); });
    assessments.push({
      threshold: str(a.threshold), path: ['assessments', i], determination: str(a.determination), asl: str(a[aslKey]), aslKey,
      residualRisk: str(a.residual_risk), evidence: arr(a.evidence).filter((x): x is string => typeof x === 'string'), evaluations,
    });
  });
  const statuses: SafeguardStatus[] = [];
  arr(data.safeguards_status).forEach((sv, i) => {
    const s = obj(sv);
    if (!s) return;
    statuses.push({ safeguard: str(s.safeguard), path: ['safeguards_status', i], status: str(s.status), notes: str(s.notes) });
  });
  const models = format === 2 && head.models !== undefined
    ? (typeof head.models === 'string' ? [head.models] : arr(head.models).filter((x): x is string => typeof x === 'string'))
    : typeof head.model === 'string' ? [head.model] : [];
  const period = obj(head.period);
  const review = obj(head.external_review);
  const decision = obj(data.decision);
  const roadmapReview: ReportModel['roadmapReview'] = [];
  arr(data.roadmap_review).forEach((rv, i) => { const r = obj(rv); if (r) roadmapReview.push({ goal: str(r.goal), outcome: str(r.outcome), note: str(r.note), path: ['roadmap_review', i] }); });
  const threatThresholds = arr(data.threat_models).flatMap((t, i) => refs(obj(t)?.thresholds, ['threat_models', i, 'thresholds']));
  return {
    kind: 'risk-report', format, id: str(head.id), policyRef: str(head.policy), model: models[0], models, published: date(head.published),
    period: period ? { from: date(period.from), to: date(period.to) } : undefined,
    previousRef: str(head.previous), roadmapRef: str(head.roadmap),
    approvedBy: idRefs(head.approved_by, ['report', 'approved_by']), hasApprovedBy: head.approved_by !== undefined,
    redactions: arr(head.redactions).length,
    externalReview: review ? {
      reviewer: str(review.reviewer), received: date(review.received), published: date(review.published), url: str(review.url), path: ['report', 'external_review'],
    } : undefined,
    decision: decision ? { outcome: str(decision.outcome), date: date(decision.date), by: idRefs(decision.by, ['decision', 'by']), path: ['decision'] } : undefined,
    roadmapReview, threatThresholds, assessments, statuses, hasAssessments: Array.isArray(data.assessments),
  };
}

export function profileModel(data: Obj): ProfileModel {
  const head = obj(data.profile) ?? {};
  const requirements: ProfileModel['requirements'] = [];
  arr(data.requirements).forEach((rv, i) => {
    const r = obj(rv);
    const id = str(r?.id);
    if (!r || !id) return;
    const sev = str(r.severity);
    requirements.push({
      id, path: ['requirements', i], title: str(r.title), check: str(r.check), citation: str(r.citation), summary: str(r.summary), params: obj(r.params),
      severity: sev === 'error' || sev === 'warning' || sev === 'information' || sev === 'hint' ? sev : undefined,
    });
  });
  return { kind: 'profile', format: formatOf(data), id: str(head.id), title: str(head.title), source: str(head.source), version: str(head.version), requirements };
}
