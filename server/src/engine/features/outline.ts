/** The outline of a document: standards, safeguards, thresholds, goals, assessments. */
import { fullSpan, locate } from '../syntax/locate';
import { arr, obj, str } from '../model/model';
import type { DataPath } from '../types';
import type { LoadedDoc } from '../workspace/workspace';

export type OutlineKind = 'header' | 'standard' | 'safeguard' | 'threshold' | 'evaluation' | 'commitment' | 'goal' | 'milestone' | 'assessment' | 'status' | 'section';

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
