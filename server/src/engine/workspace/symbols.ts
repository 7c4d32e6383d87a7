/**
 * Ids as symbols across documents: where each is defined and referenced. Policy ids
 * (safeguards, thresholds, evaluations, commitments) and ASL levels are scoped to their
 * policy file; goal ids to their roadmap. Roadmaps and reports refer into the policy
 * their `policy:` path names.
 */
import type { Host } from './host';
import { locate } from '../syntax/locate';
import type { DefKind } from '../model/model';
import type { DataPath } from '../types';
import type { LoadedDoc } from './workspace';

export type SymbolKind = DefKind | 'level' | 'goal' | 'requirement';

export interface SymbolOccurrence {
  /** Identity across the workspace: space|scope file|name. */
  key: string;
  name: string;
  kind: SymbolKind;
  role: 'def' | 'ref';
  /** The document it occurs in. */
  path: string;
  dataPath: DataPath;
  start: number;
  end: number;
}

const LEVEL = /^ASL-[1-9]$/;

export function symbolKey(space: 'id' | 'level' | 'goal', scope: string, name: string): string {
  return `${space}|${scope}|${name}`;
}

export function occurrences(doc: LoadedDoc, host: Host): SymbolOccurrence[] {
  const m = doc.model;
  const pdoc = doc.parsed?.doc;
  if (!m || !pdoc) return [];
  const out: SymbolOccurrence[] = [];
  const add = (space: 'id' | 'level' | 'goal', scope: string, name: string, kind: SymbolKind, role: 'def' | 'ref', dataPath: DataPath) => {
    const [start, end] = locate(pdoc, dataPath, 'value');
    out.push({ key: symbolKey(space, scope, name), name, kind, role, path: doc.path, dataPath, start, end });
  };
  if (m.kind === 'policy') {
    const scope = doc.path;
    // A standard named like an ASL level lives in the level space (roadmaps and reports refer to
    // levels by name); in v2 any other standard id is an id of the policy like the rest.
    for (const s of m.standards) {
      if (m.format === 1 || LEVEL.test(s.level)) add('level', scope, s.level, 'level', 'def', [...s.path, s.idKey]);
      else add('id', scope, s.level, 'standard', 'def', [...s.path, s.idKey]);
    }
    for (const d of m.defs) if (d.kind !== 'standard') add('id', scope, d.id, d.kind, 'def', [...d.path, 'id']);
    for (const t of m.thresholds) {
      for (const r of t.requiresAll) {
        if (LEVEL.test(r.id)) add('level', scope, r.id, 'level', 'ref', r.path);
        else if (m.format === 2) add('id', scope, r.id, 'standard', 'ref', r.path);
      }
      for (const r of t.safeguards) add('id', scope, r.id, 'safeguard', 'ref', r.path);
      if (t.warns) add('id', scope, t.warns.id, 'threshold', 'ref', t.warns.path);
    }
    return out;
  }
  if (m.kind === 'profile') {
    for (const r of m.requirements) add('id', doc.path, r.id, 'requirement', 'def', [...r.path, 'id']);
    return out;
  }
  const scope = m.policyRef !== undefined ? host.resolve(host.dirname(doc.path), m.policyRef) : '';
  if (m.kind === 'roadmap') {
    for (const g of m.goals) {
      if (g.id) add('goal', doc.path, g.id, 'goal', 'def', [...g.path, 'id']);
      for (const r of g.supports) add(LEVEL.test(r.id) ? 'level' : 'id', scope, r.id, LEVEL.test(r.id) ? 'level' : 'threshold', 'ref', r.path);
      for (const r of g.dependsOn) add('goal', doc.path, r.id, 'goal', 'ref', r.path);
    }
  } else {
    for (const a of m.assessments) {
      if (a.threshold) add('id', scope, a.threshold, 'threshold', 'ref', [...a.path, 'threshold']);
      if (a.asl && LEVEL.test(a.asl)) add('level', scope, a.asl, 'level', 'ref', [...a.path, a.aslKey]);
      else if (a.asl && m.format === 2) add('id', scope, a.asl, 'standard', 'ref', [...a.path, a.aslKey]);
      for (const r of a.evaluations) add('id', scope, r.id, 'evaluation', 'ref', r.path);
    }
    for (const r of m.threatThresholds) add('id', scope, r.id, 'threshold', 'ref', r.path);
    for (const s of m.statuses) if (s.safeguard) add('id', scope, s.safeguard, 'safeguard', 'ref', [...s.path, 'safeguard']);
    for (const r of [...m.approvedBy, ...(m.decision?.by ?? [])]) add('id', scope, r.id, 'role', 'ref', r.path);
    if (m.roadmapRef !== undefined) {
      const roadmap = host.resolve(host.dirname(doc.path), m.roadmapRef);
      for (const r of m.roadmapReview) if (r.goal) add('goal', roadmap, r.goal, 'goal', 'ref', [...r.path, 'goal']);
    }
  }
  return out;
}

/** The occurrence under `offset`, if any. */
export function occurrenceAt(list: SymbolOccurrence[], offset: number): SymbolOccurrence | undefined {
  return list.find((o) => offset >= o.start && offset <= o.end);
}
