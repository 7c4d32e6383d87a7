/**
 * The policy overview that reviewers look at: per policy, the threshold × ASL standard ×
 * safeguard matrix with each safeguard's status from the latest risk report, and the roadmap
 * as a timeline by area. Plain data, rendered by overview-html.ts and overview-markdown.ts.
 */
import { daysBetween, isRealDate } from '../model/dates';
import { requiredSafeguards, type PolicyModel, type ReportModel, type RoadmapModel } from '../model/model';
import { isPlaceholderOwner } from '../rules/goal-without-owner';
import { locate } from '../syntax/locate';
import type { DataPath, Finding } from '../types';
import type { LoadedDoc, Workspace } from '../workspace/workspace';

/** A place in a document (0-based line and character), for "open the line" links. */
export interface Place { path: string; line: number; character: number }

export type SafeguardStatus = 'implemented' | 'partial' | 'planned' | 'not-applicable' | 'unknown';

export interface SafeguardColumn { id: string; title?: string; level: string; side: 'deployment' | 'security'; status: SafeguardStatus; at: Place }
export interface StandardGroup { level: string; name?: string; status: string; summary?: string; safeguards: SafeguardColumn[]; at: Place }
export interface ThresholdRow {
  id: string; title?: string; domain?: string; requires?: string; requiresStatus?: string;
  /** Safeguard ids this threshold requires (standard + its own list). */
  required: string[];
  /** From the latest report that assesses it. */
  determination?: 'below' | 'near' | 'crossed' | 'inconclusive';
  aslApplied?: string;
  /** Required safeguards not implemented while near/crossed. */
  gaps: string[];
  at: Place;
}
export interface GoalItem {
  id: string; area: string; title?: string; owner?: string; unowned: boolean; due?: string; status: string;
  overdue: boolean; daysLate?: number; supports: string[]; at: Place;
}
export interface RoadmapView { path: string; id?: string; title?: string; published?: string; goals: GoalItem[]; at: Place }
export interface ReportView { path: string; id?: string; model?: string; published?: string; at: Place }
export interface PolicyView {
  path: string; id?: string; title?: string; organization?: string; version?: string;
  standards: StandardGroup[];
  /** Safeguards named by thresholds but defined by no standard. */
  thresholds: ThresholdRow[];
  latestReport?: ReportView;
  reports: ReportView[];
  roadmaps: RoadmapView[];
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
    const determination = new Map<string, { d: ThresholdRow['determination']; asl?: string }>();
    // The latest report that assesses each threshold.
    for (const r of reports) for (const a of r.model.assessments) if (a.threshold) determination.set(a.threshold, { d: a.determination as ThresholdRow['determination'], asl: a.asl });

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
        id: t.id, title: t.title, domain: t.domain, requires: t.requires, requiresStatus: t.requires ? model.byLevel.get(t.requires)?.status : undefined,
        required, ...(det?.d ? { determination: det.d } : {}), ...(det?.asl ? { aslApplied: det.asl } : {}), gaps, at: place(doc, [...t.path, 'id'], display),
      };
    });
    const roadmaps: RoadmapView[] = (roadmapsOf.get(path) ?? []).map((r) => {
      const m = r.model as RoadmapModel;
      return {
        path: display(r.path), id: m.id, title: m.title, published: m.published, at: place(r, [], display),
        goals: m.goals.filter((g) => g.id).map((g) => {
          const owner = typeof g.owner === 'string' && g.owner.trim() ? g.owner.trim() : undefined;
          const due = isRealDate(g.due) ? g.due : undefined;
          const overdue = !!due && due < today && g.status !== 'done' && g.status !== 'dropped';
          return {
            id: g.id!, area: g.area ?? 'other', title: g.title, owner, unowned: !owner || isPlaceholderOwner(owner), due, status: g.status,
            overdue, ...(overdue ? { daysLate: daysBetween(due!, today) } : {}), supports: g.supports.map((s) => s.id), at: place(r, [...g.path, 'id'], display),
          };
        }),
      };
    });
    const reportViews = reports.map((r) => ({ path: display(r.doc.path), id: r.model.id, model: r.model.model, published: r.model.published, at: place(r.doc, [], display) }));
    views.push({
      path: display(path), id: model.id, title: model.title, organization: model.organization, version: model.version,
      standards, thresholds, reports: reportViews, ...(reportViews.length ? { latestReport: reportViews[reportViews.length - 1] } : {}), roadmaps,
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
