/**
 * The policy as the document a developer publishes (`rsp-lint render`, the editor's preview;
 * spec v2 §11): plain data in reading order, computed from the models and the raw data of the
 * policy, its roadmap and its latest risk report. The HTML and Markdown renderers
 * (present/render-*.ts) only lay it out; nothing here knows HTML or Markdown.
 *
 * Order is the documents' own (thresholds, standards, goals as written); where the documents
 * give none (which roadmap or report when several link the policy) it is sorted, so the same
 * input gives the same document. Every heading the renderers show is listed here, in order,
 * with its anchor: anchors are GitHub's heading slugs of the heading text, made unique in order
 * of appearance as GitHub does (a second `cbrn-3` becomes `cbrn-3-1`), so one anchor works in
 * the HTML page and in the Markdown on GitHub. Item headings carry the id alone, whose slug is
 * predictable; references to an id defined in the document become links to its anchor.
 */
import { arr, obj, scalesOf, str, type PolicyModel, type ReportModel, type RoadmapModel } from '../model/model';
import type { Finding } from '../types';
import type { LoadedDoc, Workspace } from '../workspace/workspace';


/**
 * An id as shown: with the anchor of its definition in this document, if it has one. `anchor`
 * is the element itself (HTML gives every item an id); `near` the heading it is under, all that
 * Markdown on GitHub can link to (only headings get anchors there).
 */
export interface IdRef { id: string; anchor?: string; near?: string }
export interface Heading { level: 1 | 2 | 3 | 4; text: string; anchor: string }

export interface SafeguardItem { id: string; anchor: string; near: string; title?: string; description?: string }
export interface StandardItem {
  id: string; heading: Heading; name?: string; scale?: string; status?: string; securityLevel?: string; summary?: string;
  deployment: SafeguardItem[]; security: SafeguardItem[];
  /** Thresholds that require this standard. */
  requiredBy: IdRef[];
}
export interface EvaluationItem { id: string; anchor: string; near: string; name?: string; method?: string; cadence?: string }
export interface ThresholdItem {
  id: string; heading: Heading; title?: string; description?: string; domain?: string;
  role: 'threshold' | 'alert' | 'research'; level?: string; warns?: IdRef; warnedBy: IdRef[];
  requires: Array<IdRef & { name?: string; status?: string }>;
  safeguards: IdRef[]; evaluations: EvaluationItem[];
  ifCrossed?: string; ifUnmet: string[];
  /** From the latest risk report that assesses it. */
  assessment?: { determination?: string; standardApplied?: string; residualRisk?: string; report: string };
}
export interface CommitmentItem { id: string; anchor: string; near: string; statement?: string; owner?: IdRef; appliesTo: IdRef[] }
export interface CommitmentTrack { track: string; title: string; heading: Heading; items: CommitmentItem[] }
export interface RoleItem { id: string; anchor: string; near: string; title?: string; responsibilities?: string }
export interface DecisionItem { id: string; anchor: string; near: string; decision?: string; by: IdRef[]; advisedBy: IdRef[]; criteria?: string }
/** A governance part without ids (review, incident response, …) as label → value lines. */
export interface GovernancePart { key: string; title: string; heading: Heading; lines: Array<{ label: string; value: string | IdRef[] }> }
export interface Governance { heading: Heading; rolesHeading?: Heading; roles: RoleItem[]; decisionsHeading?: Heading; decisions: DecisionItem[]; parts: GovernancePart[] }
export interface ChangeItem { ref?: IdRef; change?: string; from?: string; reason?: string }
export interface ChangeEntry { version?: string; date?: string; summary?: string; items: ChangeItem[] }
export interface GoalItem {
  id: string; heading: Heading; title?: string; owner?: string; due?: string; status?: string; completed?: string; reason?: string;
  successCriteria: string[]; supports: IdRef[]; dependsOn: IdRef[];
  /** How the latest risk report that reviews the goal graded it. */
  grading?: { outcome: string; note?: string; report: string };
}
export interface RoadmapArea { area: string; title: string; heading: Heading; goals: GoalItem[] }
export interface RoadmapPart { heading: Heading; id?: string; title?: string; published?: string; file: string; areas: RoadmapArea[]; gradedBy?: string }
export interface ReportSummary {
  heading: Heading; id?: string; file: string; published?: string; models: string[]; period?: { from?: string; to?: string };
  approvedBy: IdRef[]; decision?: { outcome?: string; date?: string; by: IdRef[]; rationale?: string };
}
/** A problem of the documents, for the banner of a document rendered despite errors. */
export interface Problem { file: string; line: number; character: number; rule: string; message: string }

export interface PolicyDocument {
  file: string;
  format: 1 | 2;
  heading: Heading;
  id?: string; title?: string; organization?: string; version?: string; effective?: string; supersedes?: string;
  url?: string; related: Array<{ title?: string; url?: string }>;
  errors: Problem[];
  /** The sections in order, for the table of contents. */
  toc: Heading[];
  scales: Array<{ id: string; title?: string; appliesTo?: string; levels: string[]; implied: boolean }>;
  scalesHeading?: Heading;
  thresholdsHeading: Heading;
  thresholds: ThresholdItem[];
  standardsHeading: Heading;
  standards: StandardItem[];
  commitmentsHeading?: Heading;
  commitments: CommitmentTrack[];
  riskReporting?: { heading: Heading; cadenceMonths?: number; externalReview?: boolean; redaction?: string };
  governance?: Governance;
  changesHeading?: Heading;
  changes: ChangeEntry[];
  report?: ReportSummary;
  roadmaps: RoadmapPart[];
}

export interface RenderSet { documents: PolicyDocument[] }

const AREA_ORDER = ['security', 'alignment', 'safeguards', 'policy'];
const TRACKS: Record<string, string> = { unilateral: 'Our own commitments', recommendation: 'Recommendations for the industry' };

/**
 * GitHub's heading anchor of `text`: lower case, every character but letters, marks, digits,
 * connector punctuation, `-` and space removed, spaces made `-` (what github-slugger does).
 */
export function githubSlug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

/** Unique anchors in order of appearance, as GitHub makes them (`x`, `x-1`, `x-2`, …). */
class Slugger {
  private seen = new Map<string, number>();
  heading(level: Heading['level'], text: string): Heading {
    const base = githubSlug(text);
    let slug = base;
    while (this.seen.has(slug)) {
      const n = this.seen.get(base)! + 1;
      this.seen.set(base, n);
      slug = `${base}-${n}`;
    }
    this.seen.set(slug, 0);
    return { level, text, anchor: slug };
  }
}

/** Text of a scalar for display: strings as they are, numbers and booleans written out. */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
function texts(v: unknown): string[] { return arr(v).map(text).filter((x): x is string => x !== undefined); }
/** One id or a list of ids, as strings. */
function ids(v: unknown): string[] { return typeof v === 'string' ? [v] : texts(v); }

/** The policies among `paths` (and those their roadmaps and reports link to), each with the
 *  roadmaps and reports among `paths` that link to it, sorted by path. */
export function policiesOf(ws: Workspace, paths: string[]): Array<{ policy: LoadedDoc; roadmaps: LoadedDoc[]; reports: LoadedDoc[] }> {
  const out = new Map<string, { policy: LoadedDoc; roadmaps: LoadedDoc[]; reports: LoadedDoc[] }>();
  const add = (d: LoadedDoc) => { if (d.model?.kind === 'policy' && !out.has(d.path)) out.set(d.path, { policy: d, roadmaps: [], reports: [] }); return out.get(d.path); };
  const docs = [...new Set(paths)].map((p) => ws.load(p)).filter((d) => d.model);
  docs.forEach(add);
  for (const d of docs) {
    const m = d.model!;
    if (m.kind !== 'roadmap' && m.kind !== 'risk-report') continue;
    if (m.policyRef === undefined) continue;
    const p = ws.load(ws.host.resolve(ws.host.dirname(d.path), m.policyRef));
    const entry = add(p);
    if (!entry) continue;
    (m.kind === 'roadmap' ? entry.roadmaps : entry.reports).push(d);
  }
  return [...out.values()].sort((a, b) => cmp(a.policy.path, b.policy.path)).map((e) => ({
    policy: e.policy,
    roadmaps: e.roadmaps.sort((a, b) => cmp(a.path, b.path)),
    // Oldest first; the latest is the last (by publication date, then path).
    reports: e.reports.sort((a, b) => cmp((a.model as ReportModel).published ?? '', (b.model as ReportModel).published ?? '') || cmp(a.path, b.path)),
  }));
}

/** Code-unit order (not the locale's): the same bytes on every machine. */
function cmp(a: string, b: string): number { return a < b ? -1 : a > b ? 1 : 0; }

export interface BuildOptions {
  /** How a file is named in the document (default: as given). */
  display?: (path: string) => string;
  /** Findings per path; the errors among them go into each document's banner. */
  findings?: Map<string, Finding[]>;
  /** Only this policy (a path), with the roadmaps and reports among `paths` that link to it. */
  policy?: string;
}

/** The path of the policy a document is or links to (a roadmap's or report's `policy:`). */
export function policyPathOf(ws: Workspace, path: string): string | undefined {
  const d = ws.load(path);
  const m = d.model;
  if (m?.kind === 'policy') return d.path;
  if ((m?.kind === 'roadmap' || m?.kind === 'risk-report') && m.policyRef !== undefined) {
    const target = ws.host.resolve(ws.host.dirname(d.path), m.policyRef);
    return ws.load(target).model?.kind === 'policy' ? target : undefined;
  }
  return undefined;
}

/** The documents of the policies among `paths`, with their roadmaps and latest reports. */
export function buildRenderSet(ws: Workspace, paths: string[], opts: BuildOptions = {}): RenderSet {
  const slug = new Slugger(); // one page: anchors unique across every policy on it
  const entries = policiesOf(ws, opts.policy !== undefined ? [opts.policy, ...paths] : paths).filter((e) => opts.policy === undefined || e.policy.path === opts.policy);
  return { documents: entries.map((e) => buildDocument(ws, e, slug, opts)) };
}

function buildDocument(ws: Workspace, e: { policy: LoadedDoc; roadmaps: LoadedDoc[]; reports: LoadedDoc[] }, slug: Slugger, opts: BuildOptions): PolicyDocument {
  const display = opts.display ?? ((p: string) => p);
  const m = e.policy.model as PolicyModel;
  const data = obj(e.policy.parsed?.data) ?? {};
  const head = obj(data.policy) ?? {};
  const latest = e.reports[e.reports.length - 1];

  const heading = slug.heading(1, m.title ?? m.id ?? 'Policy');
  const toc: Heading[] = [];
  const section = (title: string): Heading => { const h = slug.heading(2, title); toc.push(h); return h; };
  /** Anchors of the ids defined in the policy, filled as their headings are made. */
  const anchors = new Map<string, { anchor: string; near: string }>();
  const define = (id: string, anchor: string, near = anchor) => { if (!anchors.has(id)) anchors.set(id, { anchor, near }); };
  const ref = (id: string): IdRef => (anchors.has(id) ? { id, ...anchors.get(id)! } : { id });
  // References are resolved after every heading exists (a threshold names a standard defined below it).
  const late: Array<() => void> = [];
  const refs = (list: string[], into: IdRef[]) => { late.push(() => { for (const id of list) into.push(ref(id)); }); return into; };

  const errors: Problem[] = [];
  for (const d of [e.policy, ...e.roadmaps, ...(latest ? [latest] : [])]) {
    for (const f of opts.findings?.get(d.path) ?? []) {
      if (f.severity === 'error') errors.push({ file: display(d.path), line: f.range.start.line, character: f.range.start.character, rule: f.rule, message: f.message });
    }
  }

  // Scales (v2, or the implied ASL scale when a v2 policy declares none).
  const scales = m.format === 2 ? scalesOf(m).map((s) => ({ id: s.id, ...(s.title ? { title: s.title } : {}), ...(s.appliesTo ? { appliesTo: s.appliesTo } : {}), levels: s.levels, implied: m.scales.length === 0 })) : [];
  const scalesHeading = scales.length && m.scales.length ? section('Levels') : undefined;

  // Thresholds.
  const thresholdsHeading = section('Capability thresholds');
  const rawThresholds = arr(data.thresholds);
  const assessed = new Map<string, ThresholdItem['assessment']>();
  for (const r of e.reports) {
    const rm = r.model as ReportModel;
    for (const a of rm.assessments) if (a.threshold) assessed.set(a.threshold, { ...(a.determination ? { determination: a.determination } : {}), ...(a.asl ? { standardApplied: a.asl } : {}), ...(a.residualRisk ? { residualRisk: a.residualRisk } : {}), report: rm.id ?? display(r.path) });
  }
  const thresholds: ThresholdItem[] = m.thresholds.map((t) => {
    const raw = obj(rawThresholds[t.path[1] as number]) ?? {};
    const h = slug.heading(3, t.id);
    define(t.id, h.anchor);
    const evaluations = t.evaluations.map((ev) => {
      const rawEv = obj(arr(raw.evaluations)[ev.path[3] as number]) ?? {};
      const anchor = sub(h.anchor, ev.id);
      define(ev.id, anchor, h.anchor);
      return { id: ev.id, anchor, near: h.anchor, ...(text(rawEv.name) ? { name: text(rawEv.name) } : {}), ...(text(rawEv.method) ? { method: text(rawEv.method) } : {}), ...(text(rawEv.cadence) ? { cadence: text(rawEv.cadence) } : {}) };
    });
    const item: ThresholdItem = {
      id: t.id, heading: h, ...(t.title ? { title: t.title } : {}), ...(text(raw.description) ? { description: text(raw.description) } : {}),
      ...(t.domain ? { domain: t.domain } : {}), role: t.role, ...(t.level ? { level: t.level } : {}), warnedBy: [],
      requires: [], safeguards: [], evaluations,
      ...(text(raw.if_crossed) ? { ifCrossed: text(raw.if_crossed) } : {}), ifUnmet: t.ifUnmet,
      ...(assessed.get(t.id) ? { assessment: assessed.get(t.id) } : {}),
    };
    late.push(() => {
      if (t.warns) item.warns = ref(t.warns.id);
      item.warnedBy = m.thresholds.filter((x) => x.role === 'alert' && x.warns?.id === t.id).map((x) => ref(x.id));
      item.requires = t.requiresAll.map((r) => { const std = m.byLevel.get(r.id); return { ...ref(r.id), ...(std?.name ? { name: std.name } : {}), ...(std ? { status: std.status } : {}) }; });
    });
    refs(t.safeguards.map((s) => s.id), item.safeguards);
    return item;
  });

  // Standards and their safeguards.
  const standardsHeading = section(m.format === 2 ? 'Standards and safeguards' : 'ASL standards and safeguards');
  const rawStandards = arr(data[m.standards[0]?.path[0] as string ?? 'standards']);
  const standards: StandardItem[] = m.standards.map((s) => {
    const raw = obj(rawStandards[s.path[1] as number]) ?? {};
    const h = slug.heading(3, s.level);
    define(s.level, h.anchor);
    const side = (which: 'deployment' | 'security'): SafeguardItem[] => s[which].map((g) => {
      const rawG = obj(arr(raw[which])[g.path[3] as number]) ?? {};
      const anchor = sub(h.anchor, g.id);
      define(g.id, anchor, h.anchor);
      return { id: g.id, anchor, near: h.anchor, ...(g.title ? { title: g.title } : {}), ...(text(rawG.description) ? { description: text(rawG.description) } : {}) };
    });
    const item: StandardItem = {
      id: s.level, heading: h, ...(s.name ? { name: s.name } : {}), ...(s.scale ? { scale: s.scale } : {}), status: s.status,
      ...(s.securityLevel ? { securityLevel: s.securityLevel } : {}), ...(s.summary ? { summary: s.summary } : {}),
      deployment: side('deployment'), security: side('security'), requiredBy: [],
    };
    late.push(() => { item.requiredBy = m.thresholds.filter((t) => t.requiresAll.some((r) => r.id === s.level)).map((t) => ref(t.id)); });
    return item;
  });

  // Commitments by track: our own first, then recommendations, then anything else.
  const rawCommitments = arr(data.commitments);
  const byTrack = new Map<string, CommitmentItem[]>();
  m.commitments.forEach((c) => {
    const raw = obj(rawCommitments[c.path[1] as number]) ?? {};
    const track = text(raw.track) ?? 'other';
    const anchor = sub('commitment', c.id);
    const item: CommitmentItem = { id: c.id, anchor, near: '', ...(text(raw.statement) ? { statement: text(raw.statement) } : {}), appliesTo: [] };
    late.push(() => { const o = text(raw.owner); if (o) item.owner = ref(o); });
    refs(ids(raw.applies_to), item.appliesTo);
    if (!byTrack.has(track)) byTrack.set(track, []);
    byTrack.get(track)!.push(item);
  });
  const commitmentsHeading = byTrack.size ? section('Commitments') : undefined;
  const trackOrder = [...byTrack.keys()].sort((a, b) => rankTrack(a) - rankTrack(b) || cmp(a, b));
  const commitments: CommitmentTrack[] = trackOrder.map((track) => {
    const title = TRACKS[track] ?? `Other commitments (${track})`;
    const heading = slug.heading(3, title);
    const items = byTrack.get(track)!;
    for (const c of items) { c.near = heading.anchor; define(c.id, c.anchor, heading.anchor); }
    return { track, title, heading, items };
  });

  // Risk reporting.
  const rr = obj(data.risk_reports);
  const riskReporting = rr ? {
    heading: section('Risk reporting'),
    ...(m.cadenceMonths !== undefined ? { cadenceMonths: m.cadenceMonths } : {}),
    ...(m.riskReportsExternalReview !== undefined ? { externalReview: m.riskReportsExternalReview } : {}),
    ...(text(rr.redaction) ? { redaction: text(rr.redaction) } : {}),
  } : undefined;

  // Governance.
  const gov = obj(data.governance);
  let governance: Governance | undefined;
  if (gov && Object.keys(gov).length) {
    const gh = section('Governance');
    const rolesHeading = m.roles.length ? slug.heading(3, 'Roles') : undefined;
    const roles: RoleItem[] = m.roles.map((r) => {
      const raw = obj(arr(gov.roles)[r.path[2] as number]) ?? {};
      const anchor = sub('role', r.id);
      define(r.id, anchor, rolesHeading!.anchor);
      return { id: r.id, anchor, near: rolesHeading!.anchor, ...(text(raw.title) ? { title: text(raw.title) } : {}), ...(text(raw.responsibilities) ? { responsibilities: text(raw.responsibilities) } : {}) };
    });
    const decisionsHeading = m.decisions.length ? slug.heading(3, 'Decisions') : undefined;
    const decisions: DecisionItem[] = m.decisions.map((d) => {
      const raw = obj(arr(gov.decisions)[d.path[2] as number]) ?? {};
      const anchor = sub('decision', d.id);
      define(d.id, anchor, decisionsHeading!.anchor);
      const item: DecisionItem = { id: d.id, anchor, near: decisionsHeading!.anchor, ...(text(raw.decision) ? { decision: text(raw.decision) } : {}), by: [], advisedBy: [], ...(text(raw.criteria) ? { criteria: text(raw.criteria) } : {}) };
      refs(ids(raw.by), item.by);
      refs(ids(raw.advised_by), item.advisedBy);
      return item;
    });
    const parts: GovernancePart[] = [];
    const part = (key: string, title: string, fields: Array<[string, string, 'text' | 'ids' | 'yesno']>) => {
      const v = obj(gov[key]);
      if (!v) return;
      const lines: GovernancePart['lines'] = [];
      for (const [k, label, how] of fields) {
        if (v[k] === undefined) continue;
        if (how === 'ids') { const list: IdRef[] = []; refs(ids(v[k]), list); lines.push({ label, value: list }); continue; }
        const t = how === 'yesno' && typeof v[k] === 'boolean' ? (v[k] ? 'yes' : 'no') : text(v[k]);
        if (t !== undefined) lines.push({ label, value: t });
      }
      if (lines.length) parts.push({ key: `governance.${key}`, title, heading: slug.heading(3, title), lines });
    };
    const rso = text(gov.responsible_scaling_officer); // v1
    if (rso) parts.push({ key: 'governance.responsible_scaling_officer', title: 'Responsible Scaling Officer', heading: slug.heading(3, 'Responsible Scaling Officer'), lines: [{ label: 'Who', value: rso }] });
    part('review', 'Review of this policy', [['cadence_months', 'Every (months)', 'text'], ['owner', 'Owner', 'ids']]);
    part('incident_response', 'Incident response', [['report_within_hours', 'Report within (hours)', 'text'], ['report_within_days', 'Report within (days)', 'text'], ['imminent_danger_within_hours', 'Imminent danger: report within (hours)', 'text'], ['to', 'Reported to', 'text'], ['owner', 'Owner', 'ids']]);
    part('noncompliance_reporting', 'Raising concerns', [['channel', 'Channel', 'text'], ['anonymous', 'Anonymous', 'yesno']]);
    part('external_review', 'External review', [['by', 'By', 'text'], ['scope', 'Scope', 'text'], ['cadence_months', 'Every (months)', 'text']]);
    // `to` is a list of free identifiers: shown as text.
    for (const p of parts) for (const l of p.lines) if (l.label === 'Reported to') l.value = ids(obj(gov.incident_response)?.to).join(', ');
    governance = { heading: gh, ...(rolesHeading ? { rolesHeading } : {}), roles, ...(decisionsHeading ? { decisionsHeading } : {}), decisions, parts };
  }

  // Change log (newest first, as written).
  const changes: ChangeEntry[] = arr(data.changes).flatMap((cv) => {
    const c = obj(cv);
    if (!c) return [];
    const entry: ChangeEntry = { ...(text(c.version) ? { version: text(c.version) } : {}), ...(text(c.date) ? { date: text(c.date) } : {}), ...(text(c.summary) ? { summary: text(c.summary) } : {}), items: [] };
    for (const iv of arr(c.items)) {
      const it = obj(iv);
      if (!it) continue;
      const item: ChangeItem = { ...(text(it.change) ? { change: text(it.change) } : {}), ...(text(it.from) ? { from: text(it.from) } : {}), ...(text(it.reason) ? { reason: text(it.reason) } : {}) };
      const r = text(it.ref);
      if (r) late.push(() => { item.ref = ref(r); });
      entry.items.push(item);
    }
    return [entry];
  });
  const changesHeading = changes.length ? section('Change log') : undefined;

  // The latest risk report.
  let report: ReportSummary | undefined;
  if (latest) {
    const rm = latest.model as ReportModel;
    const rdata = obj(latest.parsed?.data) ?? {};
    const dec = obj(rdata.decision);
    report = {
      heading: section('Latest risk report'), ...(rm.id ? { id: rm.id } : {}), file: display(latest.path), ...(rm.published ? { published: rm.published } : {}),
      models: rm.models, ...(rm.period ? { period: rm.period } : {}), approvedBy: [],
      ...(dec ? { decision: { ...(text(dec.outcome) ? { outcome: text(dec.outcome) } : {}), ...(text(dec.date) ? { date: text(dec.date) } : {}), by: [], ...(text(dec.rationale) ? { rationale: text(dec.rationale) } : {}) } } : {}),
    };
    refs(rm.approvedBy.map((r) => r.id), report.approvedBy);
    if (report.decision) refs(rm.decision?.by.map((r) => r.id) ?? [], report.decision.by);
  }

  // Roadmaps by area, graded by the latest report that reviews each goal.
  const roadmaps: RoadmapPart[] = e.roadmaps.map((rd, i) => {
    const rm = rd.model as RoadmapModel;
    const rdata = obj(rd.parsed?.data) ?? {};
    // Fixed words (and an id), never a document title: its GitHub anchor is then predictable.
    const h = section(e.roadmaps.length > 1 ? `Frontier Safety Roadmap ${rm.id ?? String(i + 1)}` : 'Frontier Safety Roadmap');
    const grades = new Map<string, GoalItem['grading']>();
    let gradedBy: string | undefined;
    for (const r of e.reports) {
      const repm = r.model as ReportModel;
      if (!repm.roadmapReview.length) continue;
      if (repm.roadmapRef !== undefined ? ws.host.resolve(ws.host.dirname(r.path), repm.roadmapRef) !== rd.path : e.roadmaps.length > 1) continue;
      const rawReview = arr(obj(r.parsed?.data)?.roadmap_review);
      for (const rv of repm.roadmapReview) {
        if (!rv.goal || !rv.outcome) continue;
        const note = text(obj(rawReview[rv.path[1] as number])?.note);
        grades.set(rv.goal, { outcome: rv.outcome, ...(note ? { note } : {}), report: repm.id ?? display(r.path) });
      }
      gradedBy = repm.id ?? display(r.path);
    }
    const goalsByArea = new Map<string, GoalItem[]>();
    const rawGoals = arr(rdata.goals);
    const goalAnchors = new Map<string, string>();
    const pending: Array<[GoalItem, string[], string[]]> = [];
    for (const g of rm.goals) {
      if (!g.id) continue;
      const raw = obj(rawGoals[g.path[1] as number]) ?? {};
      const area = g.area ?? 'other';
      if (!goalsByArea.has(area)) goalsByArea.set(area, []);
      const item: GoalItem = {
        id: g.id, heading: { level: 4, text: g.id, anchor: '' }, ...(g.title ? { title: g.title } : {}),
        ...(text(g.owner) ? { owner: text(g.owner) } : {}), ...(text(g.due) ? { due: text(g.due) } : {}), ...(text(raw.status) ? { status: text(raw.status) } : {}),
        ...(g.completed ? { completed: g.completed } : {}), ...(g.reason ? { reason: g.reason } : {}),
        successCriteria: g.successCriteria, supports: [], dependsOn: [], ...(grades.get(g.id) ? { grading: grades.get(g.id) } : {}),
      };
      goalsByArea.get(area)!.push(item);
      pending.push([item, g.supports.map((s) => s.id), g.dependsOn.map((s) => s.id)]);
    }
    const areas = [...goalsByArea.keys()].sort((a, b) => rankArea(a) - rankArea(b) || cmp(a, b)).map((area) => {
      const ah = slug.heading(3, capital(area));
      const goals = goalsByArea.get(area)!;
      for (const g of goals) { g.heading = slug.heading(4, g.id); if (!goalAnchors.has(g.id)) goalAnchors.set(g.id, g.heading.anchor); }
      return { area, title: capital(area), heading: ah, goals };
    });
    for (const [item, supports, deps] of pending) {
      late.push(() => { for (const id of supports) item.supports.push(ref(id)); });
      for (const id of deps) item.dependsOn.push(goalAnchors.has(id) ? { id, anchor: goalAnchors.get(id)!, near: goalAnchors.get(id)! } : { id });
    }
    return { heading: h, ...(rm.id ? { id: rm.id } : {}), ...(rm.title ? { title: rm.title } : {}), ...(rm.published ? { published: rm.published } : {}), file: display(rd.path), areas, ...(gradedBy ? { gradedBy } : {}) };
  });

  for (const f of late) f();
  const related = arr(head.related).flatMap((rv) => { const r = obj(rv); return r ? [{ ...(text(r.title) ? { title: text(r.title) } : {}), ...(text(r.url) ? { url: text(r.url) } : {}) }] : []; });
  return {
    file: display(e.policy.path), format: m.format, heading, ...(m.id ? { id: m.id } : {}), ...(m.title ? { title: m.title } : {}),
    ...(m.organization ? { organization: m.organization } : {}), ...(text(head.version) ? { version: text(head.version) } : {}),
    ...(text(head.effective) ? { effective: text(head.effective) } : {}), ...(text(head.supersedes) ? { supersedes: text(head.supersedes) } : {}),
    ...(str(head.url) ? { url: str(head.url) } : {}), related, errors, toc,
    scales, ...(scalesHeading ? { scalesHeading } : {}), thresholdsHeading, thresholds, standardsHeading, standards,
    ...(commitmentsHeading ? { commitmentsHeading } : {}), commitments, ...(riskReporting ? { riskReporting } : {}),
    ...(governance ? { governance } : {}), ...(changesHeading ? { changesHeading } : {}), changes,
    ...(report ? { report } : {}), roadmaps,
  };
}

/** The anchor of an item that is no heading: `parent.id`. A `.` never occurs in a heading slug,
 *  so it cannot collide with one. */
function sub(parent: string, id: string): string { return `${parent}.${encodeURIComponent(id)}`; }

function rankTrack(t: string): number { return t === 'unilateral' ? 0 : t === 'recommendation' ? 1 : 2; }
function rankArea(a: string): number { const i = AREA_ORDER.indexOf(a); return i < 0 ? AREA_ORDER.length : i; }
function capital(s: string): string { return s.charAt(0).toUpperCase() + s.slice(1); }
