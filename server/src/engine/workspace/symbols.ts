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
    for (const s of m.standards) add('level', scope, s.level, 'level', 'def', [...s.path, 'level']);
    for (const d of m.defs) add('id', scope, d.id, d.kind, 'def', [...d.path, 'id']);
    for (const t of m.thresholds) {
      if (t.requires && LEVEL.test(t.requires)) add('level', scope, t.requires, 'level', 'ref', [...t.path, 'requires']);
      for (const r of t.safeguards) add('id', scope, r.id, 'safeguard', 'ref', r.path);
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
      if (a.asl && LEVEL.test(a.asl)) add('level', scope, a.asl, 'level', 'ref', [...a.path, 'asl_applied']);
    }
    for (const s of m.statuses) if (s.safeguard) add('id', scope, s.safeguard, 'safeguard', 'ref', [...s.path, 'safeguard']);
  }
  return out;
}

/** The occurrence under `offset`, if any. */
export function occurrenceAt(list: SymbolOccurrence[], offset: number): SymbolOccurrence | undefined {
  return list.find((o) => offset >= o.start && offset <= o.end);
}
