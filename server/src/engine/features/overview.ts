/**
 * The policy overview that reviewers look at: per policy, the threshold × ASL standard ×
 * safeguard matrix with each safeguard's status from the latest risk report, and the roadmap
 * as a timeline by area. Plain data, rendered by overview-html.ts and overview-markdown.ts.
 *
 * For rsp/v2 documents it also carries what v2 adds: the policy's scales, each threshold's role
 * (alert → the threshold it warns of), capability level and every required standard; the latest
 * report's decision, approvals, redactions, external review, models and period; each goal's
 * success criteria and its grading in the latest report that reviews it. These fields are
 * absent for v1 documents, whose overview stays as it was.
 */
import { daysBetween, isRealDate } from '../model/dates';
import { requiredSafeguards, scalesOf, type PolicyModel, type ReportModel, type RoadmapModel, type ThresholdRole } from '../model/model';
import { isPlaceholderOwner } from '../rules/goal-without-owner';
import { locate } from '../syntax/locate';
import type { DataPath, Finding } from '../types';
import type { LoadedDoc, Workspace } from '../workspace/workspace';
import { policyCoverage, type CoverageView } from './coverage';

/** A place in a document (0-based line and character), for "open the line" links. */
export interface Place { path: string; line: number; character: number }

export type SafeguardStatus = 'implemented' | 'partial' | 'planned' | 'not-applicable' | 'unknown';

export interface SafeguardColumn { id: string; title?: string; level: string; side: 'deployment' | 'security'; status: SafeguardStatus; at: Place }
export interface StandardGroup { level: string; name?: string; status: string; summary?: string; safeguards: SafeguardColumn[]; at: Place }
/** A required standard (v2): its status, undefined when no standard has that id. */
export interface RequiredStandard { id: string; status?: string; at?: Place }
export interface ThresholdRow {
  id: string; title?: string; domain?: string; requires?: string; requiresStatus?: string;
  /** v2 only: the role (threshold, alert, research), capability level, the threshold an alert
   *  warns of and the alerts that warn of this one, each required standard, the residual risk. */
  role?: ThresholdRole;
  level?: string;
  warns?: string;
  warnedBy?: string[];
  requiresList?: RequiredStandard[];
  residualRisk?: string;
  /** Safeguard ids this threshold requires (standard + its own list). */
  required: string[];
  /** From the latest report that assesses it. */
  determination?: 'below' | 'near' | 'crossed' | 'inconclusive';
  aslApplied?: string;
  /** Required safeguards not implemented while near/crossed. */
  gaps: string[];
  at: Place;
}
export type GoalOutcome = 'met' | 'missed' | 'slipped' | 'dropped';
/** How the latest risk report that reviews a goal graded it (v2 `roadmap_review`). */
export interface GoalGrading { outcome: string; note?: string; report: string; at: Place }
export interface GoalItem {
  id: string; area: string; title?: string; owner?: string; unowned: boolean; due?: string; status: string;
  overdue: boolean; daysLate?: number; supports: string[]; at: Place;
  /** v2 only (absent when the roadmap does not give them). */
  successCriteria?: string[]; completed?: string; reason?: string; grading?: GoalGrading;
}
export interface RoadmapView { path: string; id?: string; title?: string; published?: string; goals: GoalItem[]; at: Place }
/** A v2 report's external review; `late` when published more than 30 days after it was received
 *  (or, not yet published, received more than 30 days before today). */
export interface ExternalReviewView { reviewer?: string; received?: string; published?: string; url?: string; days?: number; late: boolean; at: Place }
export interface ReportView {
  path: string; id?: string; model?: string; published?: string; at: Place;
  /** v2 only. */
  format?: 2;
  models?: string[];
  period?: { from?: string; to?: string };
  approvedBy?: string[];
  redactions?: number;
  externalReview?: ExternalReviewView;
  decision?: { outcome?: string; date?: string; by: string[]; at: Place };
}
/** A v2 scale, lowest level first; `implied` for the `asl` scale of a policy that declares none. */
export interface ScaleView { id: string; title?: string; appliesTo?: string; levels: string[]; reference?: string; implied?: true; at: Place }
export interface PolicyView {
  path: string; id?: string; title?: string; organization?: string; version?: string;
  /** v2 only. */
  format?: 2;
  scales?: ScaleView[];
  standards: StandardGroup[];
  /** Safeguards named by thresholds but defined by no standard. */
  thresholds: ThresholdRow[];
  latestReport?: ReportView;
  reports: ReportView[];
  roadmaps: RoadmapView[];
  /** v2 only, when the policy lists compliance profiles: each requirement met or a gap. */
  coverage?: CoverageView;
}
export interface FileCounts { path: string; errors: number; warnings: number; infos: number; at: Place }
export interface Overview { today: string; policies: PolicyView[]; files: FileCounts[]; totals: { errors: number; warnings: number; infos: number } }

function place(doc: LoadedDoc, path: DataPath, display: (p: string) => string): Place {
  const pdoc = doc.parsed?.doc;
  const lines = doc.parsed?.lines;
  if (!pdoc || !lines) return { path: display(doc.path), line: 0, character: 0 };
  const pos = lines.position(locate(pdoc, path, path.length ? 'value' : 'item')[0]);
  return { path: display(doc.path), line: pos.line, character: pos.character };
}

/**
 * Builds the overview of the documents at `paths` (with the policies they link to), using
 * `findings` per path for the counts.
 */
export function buildOverview(ws: Workspace, paths: string[], findings: Map<string, Finding[]>, today: string, display: (p: string) => string = (p) => p): Overview {
  const docs = paths.map((p) => ws.load(p)).filter((d) => d.model);
  const policies = new Map<string, { doc: LoadedDoc; model: PolicyModel }>();
  const addPolicy = (d: LoadedDoc) => { if (d.model?.kind === 'policy' && !policies.has(d.path)) policies.set(d.path, { doc: d, model: d.model }); };
  docs.forEach(addPolicy);
  const linkedTo = (d: LoadedDoc): string | undefined => {
    const m = d.model;
    if (!m || m.kind === 'policy' || m.kind === 'profile' || m.policyRef === undefined) return undefined;
    const target = ws.host.resolve(ws.host.dirname(d.path), m.policyRef);
    const p = ws.load(target);
    if (p.model?.kind === 'policy') { addPolicy(p); return target; }
    return undefined;
  };
  const roadmapsOf = new Map<string, LoadedDoc[]>();
  const reportsOf = new Map<string, LoadedDoc[]>();
  for (const d of docs) {
    const target = linkedTo(d);
    if (!target) continue;
    const into = d.model!.kind === 'roadmap' ? roadmapsOf : reportsOf;
    if (!into.has(target)) into.set(target, []);
    into.get(target)!.push(d);
  }

  const views: PolicyView[] = [];
  for (const [path, { doc, model }] of [...policies].sort((a, b) => a[0].localeCompare(b[0]))) {
    const reports = (reportsOf.get(path) ?? []).map((r) => ({ doc: r, model: r.model as ReportModel }))
      .sort((a, b) => (a.model.published ?? '').localeCompare(b.model.published ?? ''));
    const latest = reports[reports.length - 1];
    const status = new Map<string, SafeguardStatus>();
    for (const s of latest?.model.statuses ?? []) if (s.safeguard && !status.has(s.safeguard)) status.set(s.safeguard, (s.status as SafeguardStatus) ?? 'unknown');
    const determination = new Map<string, { d: ThresholdRow['determination']; asl?: string; risk?: string }>();
    // The latest report that assesses each threshold.
    for (const r of reports) for (const a of r.model.assessments) if (a.threshold) determination.set(a.threshold, { d: a.determination as ThresholdRow['determination'], asl: a.asl, risk: a.residualRisk });
    const v2 = model.format === 2;

    const standards: StandardGroup[] = model.standards.map((s) => ({
      level: s.level, name: s.name, status: s.status, summary: s.summary, at: place(doc, [...s.path, 'level'], display),
      safeguards: [...s.deployment, ...s.security].map((g) => ({
        id: g.id, title: g.title, level: s.level, side: g.side!, status: status.get(g.id) ?? 'unknown', at: place(doc, [...g.path, 'id'], display),
      })),
    }));
    const thresholds: ThresholdRow[] = model.thresholds.map((t) => {
      const det = determination.get(t.id);
      const required = requiredSafeguards(model, t);
      const gaps = det?.d === 'near' || det?.d === 'crossed' ? required.filter((id) => status.get(id) !== 'implemented') : [];
      return {
        id: t.id, title: t.title, domain: t.domain, requires: t.requiresAll.length ? t.requiresAll.map((r) => r.id).join(', ') : undefined, requiresStatus: t.requiresAll.length ? worstStatus(t.requiresAll.map((r) => model.byLevel.get(r.id)?.status)) : undefined,
        required, ...(det?.d ? { determination: det.d } : {}), ...(det?.asl ? { aslApplied: det.asl } : {}), gaps, at: place(doc, [...t.path, 'id'], display),
        ...(v2 ? {
          role: t.role, ...(t.level ? { level: t.level } : {}), ...(t.warns ? { warns: t.warns.id } : {}),
          warnedBy: model.thresholds.filter((x) => x.role === 'alert' && x.warns?.id === t.id).map((x) => x.id),
          requiresList: t.requiresAll.map((r) => {
            const std = model.byLevel.get(r.id);
            return { id: r.id, ...(std ? { status: std.status, at: place(doc, [...std.path, std.idKey], display) } : {}) };
          }),
          ...(det?.risk ? { residualRisk: det.risk } : {}),
        } : {}),
      };
    });
    // Gradings of each goal: the latest report (of this policy) that reviews the roadmap and names the goal.
    const gradings = new Map<string, Map<string, GoalGrading>>();
    for (const r of reports) {
      if (!r.model.roadmapReview.length) continue;
      const rmPath = r.model.roadmapRef !== undefined ? ws.host.resolve(ws.host.dirname(r.doc.path), r.model.roadmapRef) : '*';
      if (!gradings.has(rmPath)) gradings.set(rmPath, new Map());
      for (const rv of r.model.roadmapReview) {
        if (!rv.goal || !rv.outcome) continue;
        gradings.get(rmPath)!.set(rv.goal, { outcome: rv.outcome, ...(rv.note ? { note: rv.note } : {}), report: r.model.id ?? display(r.doc.path), at: place(r.doc, [...rv.path, 'outcome'], display) });
      }
    }
    const roadmaps: RoadmapView[] = (roadmapsOf.get(path) ?? []).map((r) => {
      const m = r.model as RoadmapModel;
      return {
        path: display(r.path), id: m.id, title: m.title, published: m.published, at: place(r, [], display),
        goals: m.goals.filter((g) => g.id).map((g) => {
          const grading = gradings.get(r.path)?.get(g.id!) ?? gradings.get('*')?.get(g.id!);
          const owner = typeof g.owner === 'string' && g.owner.trim() ? g.owner.trim() : undefined;
          const due = isRealDate(g.due) ? g.due : undefined;
          const overdue = !!due && due < today && g.status !== 'done' && g.status !== 'dropped';
          return {
            id: g.id!, area: g.area ?? 'other', title: g.title, owner, unowned: !owner || isPlaceholderOwner(owner), due, status: g.status,
            overdue, ...(overdue ? { daysLate: daysBetween(due!, today) } : {}), supports: g.supports.map((s) => s.id), at: place(r, [...g.path, 'id'], display),
            ...(g.successCriteria.length ? { successCriteria: g.successCriteria } : {}), ...(g.completed ? { completed: g.completed } : {}),
            ...(g.reason ? { reason: g.reason } : {}), ...(grading ? { grading } : {}),
          };
        }),
      };
    });
    const reportViews = reports.map((r): ReportView => ({
      path: display(r.doc.path), id: r.model.id, model: r.model.model, published: r.model.published, at: place(r.doc, [], display),
      ...(r.model.format === 2 ? reportV2(r.doc, r.model, today, display) : {}),
    }));
    views.push({
      path: display(path), id: model.id, title: model.title, organization: model.organization, version: model.version,
      ...(v2 ? {
        format: 2 as const,
        scales: scalesOf(model).map((sc): ScaleView => ({
          id: sc.id, ...(sc.title ? { title: sc.title } : {}), ...(sc.appliesTo ? { appliesTo: sc.appliesTo } : {}), levels: sc.levels,
          ...(sc.reference ? { reference: sc.reference } : {}), ...(model.scales.length ? {} : { implied: true as const }),
          at: model.scales.length ? place(doc, [...sc.path, 'id'], display) : place(doc, [], display),
        })),
      } : {}),
      standards, thresholds, reports: reportViews, ...(reportViews.length ? { latestReport: reportViews[reportViews.length - 1] } : {}), roadmaps,
      ...coverageOf(ws, doc, v2, display),
    });
  }

  const files: FileCounts[] = [];
  const totals = { errors: 0, warnings: 0, infos: 0 };
  for (const [p, list] of [...findings].sort((a, b) => a[0].localeCompare(b[0]))) {
    const c = { errors: 0, warnings: 0, infos: 0 };
    for (const f of list) { if (f.severity === 'error') c.errors++; else if (f.severity === 'warning') c.warnings++; else c.infos++; }
    totals.errors += c.errors; totals.warnings += c.warnings; totals.infos += c.infos;
    const first = list[0];
    files.push({ path: display(p), ...c, at: { path: display(p), line: first?.range.start.line ?? 0, character: first?.range.start.character ?? 0 } });
  }
  return { today, policies: views, files, totals };
}

/** What a v2 report adds to its view, from the report's model. */
function reportV2(doc: LoadedDoc, m: ReportModel, today: string, display: (p: string) => string): Partial<ReportView> {
  const out: Partial<ReportView> = { format: 2, models: m.models, approvedBy: m.approvedBy.map((r) => r.id), redactions: m.redactions };
  if (m.period && (m.period.from || m.period.to)) out.period = { ...(m.period.from ? { from: m.period.from } : {}), ...(m.period.to ? { to: m.period.to } : {}) };
  if (m.externalReview) {
    const { reviewer, received, published, url } = m.externalReview;
    const end = isRealDate(published) ? published : undefined;
    const start = isRealDate(received) ? received : undefined;
    const days = start && end ? daysBetween(start, end) : start && !end ? daysBetween(start, today) : undefined;
    out.externalReview = {
      ...(reviewer ? { reviewer } : {}), ...(received ? { received } : {}), ...(published ? { published } : {}),
      ...(url ? { url } : {}), ...(days !== undefined ? { days } : {}),
      late: days !== undefined && days > 30, at: place(doc, m.externalReview.path, display),
    };
  }
  if (m.decision) {
    const { outcome, date } = m.decision;
    out.decision = {
      ...(outcome ? { outcome } : {}), ...(date !== undefined ? { date } : {}),
      by: m.decision.by.map((r) => r.id), at: place(doc, m.decision.path, display),
    };
  }
  return out;
}

/** The status shown for a list of required standards: the least ready one (undefined if any is not defined at all). */
function worstStatus(list: Array<string | undefined>): string | undefined {
  if (list.some((x) => x === undefined)) return undefined;
  return list.includes('planned') ? 'planned' : list.includes('provisional') ? 'provisional' : 'defined';
}

/** The compliance coverage of a v2 policy that lists profiles. */
function coverageOf(ws: Workspace, doc: LoadedDoc, v2: boolean, display: (p: string) => string): { coverage?: CoverageView } {
  if (!v2) return {};
  const coverage = policyCoverage(ws, doc, display);
  return coverage?.profiles.length ? { coverage } : {};
}
