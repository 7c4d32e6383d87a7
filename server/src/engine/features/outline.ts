/**
 * The outline of a document: standards, safeguards, thresholds, goals, assessments; for rsp/v2
 * also scales and their levels, governance roles and decisions, the change log, a report's
 * threat models, decision and roadmap review, and a profile's requirements. A v1 document's
 * outline is exactly what it was before v2.
 */
import { fullSpan, locate } from '../syntax/locate';
import { arr, obj, str, type PolicyModel, type ReportModel } from '../model/model';
import type { DataPath } from '../types';
import type { LoadedDoc } from '../workspace/workspace';

export type OutlineKind = 'header' | 'standard' | 'safeguard' | 'threshold' | 'evaluation' | 'commitment' | 'goal' | 'milestone' | 'assessment' | 'status' | 'section'
  | 'scale' | 'level' | 'role' | 'decision' | 'change' | 'change-item' | 'threat-model' | 'review' | 'requirement' | 'part';

export interface OutlineItem {
  name: string;
  detail?: string;
  kind: OutlineKind;
  start: number; end: number;
  selStart: number; selEnd: number;
  children: OutlineItem[];
}

export function outline(doc: LoadedDoc): OutlineItem[] {
  const pdoc = doc.parsed?.doc;
  const data = obj(doc.parsed?.data);
  if (!pdoc || !data || doc.parsed!.blocking) return [];
  const item = (path: DataPath, name: string, kind: OutlineKind, detail?: string, sel: string = 'id'): OutlineItem | undefined => {
    const full = fullSpan(pdoc, path);
    if (!full) return undefined;
    const [selStart, selEnd] = locate(pdoc, [...path, sel], 'value');
    const inside = selStart >= full[0] && selEnd <= full[1];
    return { name, ...(detail ? { detail } : {}), kind, start: full[0], end: full[1], selStart: inside ? selStart : full[0], selEnd: inside ? selEnd : full[0], children: [] };
  };
  const section = (key: string, children: OutlineItem[]): OutlineItem | undefined => {
    const full = fullSpan(pdoc, [key]);
    const [ks, ke] = locate(pdoc, [key], 'key');
    if (!full) return undefined;
    return { name: key, kind: 'section', start: Math.min(ks, full[0]), end: full[1], selStart: ks, selEnd: ke, children };
  };
  const out: OutlineItem[] = [];
  const push = (x: OutlineItem | undefined, into: OutlineItem[] = out) => { if (x) into.push(x); };
  const each = (key: string, f: (o: Record<string, unknown>, path: DataPath) => OutlineItem | undefined): OutlineItem[] =>
    arr(data[key]).flatMap((v, i) => { const o = obj(v); const r = o ? f(o, [key, i]) : undefined; return r ? [r] : []; });

  if (doc.model?.format === 2 || doc.kind === 'profile') {
    const v2 = outlineV2({ doc, data, item, section, each, push, out });
    return v2.sort((a, b) => a.start - b.start);
  }
  if (doc.kind === 'policy') {
    push(section('asl_standards', each('asl_standards', (s, p) => {
      const it = item(p, str(s.level) ?? '?', 'standard', str(s.status) ?? 'defined', 'level');
      for (const side of ['deployment', 'security'] as const) {
        arr(s[side]).forEach((g, j) => { const o = obj(g); if (o) push(item([...p, side, j], str(o.id) ?? '?', 'safeguard', `${side}${str(o.title) ? ` — ${str(o.title)}` : ''}`), it?.children); });
      }
      return it;
    })));
    push(section('thresholds', each('thresholds', (t, p) => {
      const it = item(p, str(t.id) ?? '?', 'threshold', [str(t.requires), str(t.title)].filter(Boolean).join(' — '));
      arr(t.evaluations).forEach((e, j) => { const o = obj(e); if (o) push(item([...p, 'evaluations', j], str(o.id) ?? '?', 'evaluation', str(o.name)), it?.children); });
      return it;
    })));
    push(section('commitments', each('commitments', (c, p) => item(p, str(c.id) ?? '?', 'commitment', str(c.track)))));
  } else if (doc.kind === 'roadmap') {
    push(section('goals', each('goals', (g, p) => {
      const it = item(p, str(g.id) ?? '?', 'goal', [str(g.area), str(g.status), str(g.title)].filter(Boolean).join(' · '));
      arr(g.milestones).forEach((m, j) => { const o = obj(m); if (o) push(item([...p, 'milestones', j], str(o.title) ?? '?', 'milestone', str(o.due), 'title'), it?.children); });
      return it;
    })));
  } else if (doc.kind === 'risk-report') {
    push(section('assessments', each('assessments', (a, p) => item(p, str(a.threshold) ?? '?', 'assessment', str(a.determination), 'threshold'))));
    push(section('safeguards_status', each('safeguards_status', (s, p) => item(p, str(s.safeguard) ?? '?', 'status', str(s.status), 'safeguard'))));
  }
  return out;
}

type Item = (path: DataPath, name: string, kind: OutlineKind, detail?: string, sel?: string) => OutlineItem | undefined;
interface Helpers {
  doc: LoadedDoc;
  data: Record<string, unknown>;
  item: Item;
  section: (key: string, children: OutlineItem[]) => OutlineItem | undefined;
  each: (key: string, f: (o: Record<string, unknown>, path: DataPath) => OutlineItem | undefined) => OutlineItem[];
  push: (x: OutlineItem | undefined, into?: OutlineItem[]) => void;
  out: OutlineItem[];
}

const joined = (parts: Array<string | undefined | false>, sep = ' · '): string => parts.filter((x): x is string => !!x).join(sep);
/** A list of ids for a detail, cut short: the outline is read at a glance. */
const ids = (list: string[], max = 4): string => list.length > max ? `${list.slice(0, max).join(', ')}, …` : list.join(', ');

/** rsp/v2 documents (and profiles): sections in document order, read through the model's paths. */
function outlineV2(h: Helpers): OutlineItem[] {
  const { doc, item, section, each, push, out } = h;
  const m = doc.model;
  if (doc.kind === 'policy' && m?.kind === 'policy') outlinePolicy(h, m);
  else if (doc.kind === 'roadmap') {
    push(section('goals', each('goals', (g, p) => {
      const it = item(p, str(g.id) ?? '?', 'goal', joined([str(g.area), str(g.status), str(g.title)]));
      arr(g.milestones).forEach((ms, j) => { const o = obj(ms); if (o) push(item([...p, 'milestones', j], str(o.title) ?? '?', 'milestone', str(o.due), 'title'), it?.children); });
      return it;
    })));
  } else if (doc.kind === 'risk-report' && m?.kind === 'risk-report') outlineReport(h, m);
  else if (doc.kind === 'profile') {
    push(section('requirements', each('requirements', (r, p) =>
      item(p, str(r.id) ?? '?', 'requirement', joined([str(r.check), str(r.citation), str(r.title)]), 'id'))));
  }
  return out;
}

function outlinePolicy(h: Helpers, m: PolicyModel): void {
  const { item, section, push } = h;
  const scales: OutlineItem[] = [];
  for (const sc of m.scales) {
    const it = item(sc.path, sc.id, 'scale', joined([sc.appliesTo, sc.title, sc.reference && `reference ${sc.reference}`]));
    sc.levels.forEach((lv, j) => {
      const std = m.byLevel.get(lv);
      const at = m.thresholds.filter((t) => t.level === lv).map((t) => t.id);
      push(leaf(h, [...sc.path, 'levels', j], lv, 'level', std ? `standard${std.name ? ` — ${std.name}` : ''}` : at.length ? `thresholds ${ids(at)}` : undefined), it?.children);
    });
    push(it, scales);
  }
  push(section('scales', scales));

  const stdKey = m.standards[0]?.path[0];
  const standards: OutlineItem[] = [];
  for (const s of m.standards) {
    const it = item(s.path, s.level, 'standard', joined([s.scale, s.status, s.name, s.securityLevel && `security ${s.securityLevel}`]), s.idKey);
    for (const side of ['deployment', 'security'] as const) {
      for (const d of s[side]) push(item(d.path, d.id, 'safeguard', `${side}${d.title ? ` — ${d.title}` : ''}`), it?.children);
    }
    push(it, standards);
  }
  if (typeof stdKey === 'string') push(section(stdKey, standards));

  const thresholds: OutlineItem[] = [];
  for (const t of m.thresholds) {
    const req = t.requiresAll.map((r) => r.id);
    const detail = t.role === 'alert'
      ? joined([`alert → ${t.warns?.id ?? '?'}`, t.title], ' — ')
      : t.role === 'research'
        ? joined(['research', t.level, t.title], ' — ')
        : joined([joined([t.level, req.length ? `requires ${ids(req)}` : undefined]), t.title], ' — ');
    const it = item(t.path, t.id, 'threshold', detail);
    for (const e of t.evaluations) push(item(e.path, e.id, 'evaluation', e.title), it?.children);
    push(it, thresholds);
  }
  push(section('thresholds', thresholds));

  push(section('commitments', m.commitments.map((c) => {
    const o = obj(arr(h.data.commitments)[c.path[1] as number]);
    return item(c.path, c.id, 'commitment', str(o?.track));
  }).filter((x): x is OutlineItem => !!x)));

  const gov = m.governance;
  if (gov) {
    const parts: OutlineItem[] = [];
    for (const key of Object.keys(gov)) {
      if (key === 'roles') {
        const it = keyed(h, ['governance', 'roles'], 'roles');
        for (const r of m.roles) push(item(r.path, r.id, 'role', r.title), it?.children);
        push(it, parts);
      } else if (key === 'decisions') {
        const it = keyed(h, ['governance', 'decisions'], 'decisions');
        for (const d of m.decisions) {
          const o = obj(arr(gov.decisions)[d.path[2] as number]);
          const by = arr(o?.by).filter((x): x is string => typeof x === 'string');
          push(item(d.path, d.id, 'decision', joined([d.title, by.length ? `by ${ids(by)}` : undefined])), it?.children);
        }
        push(it, parts);
      } else if (obj(gov[key])) push(keyed(h, ['governance', key], key), parts);
    }
    push(section('governance', parts));
  }

  push(section('changes', m.changes.map((c) => {
    const o = obj(arr(h.data.changes)[c.path[1] as number]);
    const it = item(c.path, c.version ?? '?', 'change', joined([c.date, str(o?.summary) && firstLine(str(o?.summary)!)], ' — '), 'version');
    for (const ci of c.items) {
      push(item(ci.path, ci.ref ?? '?', 'change-item', joined([ci.change, ci.from && `from ${ci.from}`]), 'ref'), it?.children);
    }
    return it;
  }).filter((x): x is OutlineItem => !!x)));
}

function outlineReport(h: Helpers, m: ReportModel): void {
  const { item, section, each, push } = h;
  push(section('threat_models', each('threat_models', (t, p) => {
    const th = arr(t.thresholds).filter((x): x is string => typeof x === 'string');
    return item(p, str(t.id) ?? '?', 'threat-model', joined([th.length ? `→ ${ids(th)}` : undefined, str(t.title)], ' — '));
  })));
  push(section('assessments', m.assessments.map((a) =>
    item(a.path, a.threshold ?? '?', 'assessment', joined([a.determination, a.asl && `applies ${a.asl}`, a.residualRisk && `residual ${a.residualRisk}`]), 'threshold'),
  ).filter((x): x is OutlineItem => !!x)));
  push(section('safeguards_status', m.statuses.map((s) => item(s.path, s.safeguard ?? '?', 'status', s.status, 'safeguard')).filter((x): x is OutlineItem => !!x)));
  if (m.decision) {
    const d = keyed(h, ['decision'], 'decision', 'decision', joined([m.decision.outcome, m.decision.by.length ? `by ${ids(m.decision.by.map((r) => r.id))}` : undefined]));
    push(d);
  }
  push(section('roadmap_review', m.roadmapReview.map((r) => item(r.path, r.goal ?? '?', 'review', r.outcome, 'goal')).filter((x): x is OutlineItem => !!x)));
}

/** An entry named by its key (a governance part, a report's decision), selecting the key. */
function keyed(h: Helpers, path: DataPath, name: string, kind: OutlineKind = 'part', detail?: string): OutlineItem | undefined {
  const pdoc = h.doc.parsed!.doc!;
  const full = fullSpan(pdoc, path);
  if (!full) return undefined;
  const [ks, ke] = locate(pdoc, path, 'key');
  return { name, ...(detail ? { detail } : {}), kind, start: Math.min(ks, full[0]), end: full[1], selStart: ks, selEnd: ke, children: [] };
}

/** An entry for a scalar list item (a scale's level): the value is the whole entry. */
function leaf(h: Helpers, path: DataPath, name: string, kind: OutlineKind, detail?: string): OutlineItem | undefined {
  const full = fullSpan(h.doc.parsed!.doc!, path);
  if (!full) return undefined;
  return { name, ...(detail ? { detail } : {}), kind, start: full[0], end: full[1], selStart: full[0], selEnd: full[1], children: [] };
}

function firstLine(s: string, max = 80): string {
  const line = s.split('\n')[0]!.trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
