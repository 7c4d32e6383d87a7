/**
 * A change review of documents: each pair (old version, new version) loaded by its own
 * workspace — the same pipeline as a check — compared by `diffVersions`, with the ranges of
 * every change in both versions. A version that cannot be read or parsed is an error of its
 * document, never "everything removed".
 */
import { locate } from '../syntax/locate';
import type { ParsedText } from '../syntax/parse';
import type { DataPath, Range } from '../types';
import type { Workspace } from '../workspace/workspace';
import { diffVersions, type ItemChange, type Version } from './diff';
import type { PolicyModel } from '../model/model';

/** One document to review: its path in each version's workspace (absent: not on that side). */
export interface DocPair {
  /** How the document is named in the output (the new version's name, else the old one's). */
  display: string;
  oldPath?: string;
  newPath?: string;
  /** The old version's name where it differs (a renamed file, a git ref). */
  oldDisplay?: string;
}

export interface LocatedChange extends ItemChange {
  oldOffsets?: [number, number];
  newOffsets?: [number, number];
  oldRange?: Range;
  newRange?: Range;
}

export interface DocError {
  side: 'old' | 'new';
  /** The document as named in the message (with its ref for an old version). */
  where: string;
  /** 0-based line and column, where the problem has a place. */
  line?: number;
  character?: number;
  message: string;
  /** True when the file could not be read at all (I/O), false for YAML or text problems. */
  io: boolean;
}

export interface DocReview {
  display: string;
  oldDisplay?: string;
  /** 'added' / 'removed' when the document exists on one side only. */
  status: 'added' | 'removed' | 'changed' | 'same';
  changes: LocatedChange[];
  error?: DocError;
}

type Side = { version?: Version; parsed?: ParsedText; error?: DocError; path?: string };

function loadSide(ws: Workspace, path: string | undefined, side: 'old' | 'new', where: string): Side {
  if (path === undefined) return {};
  const doc = ws.load(path);
  if (doc.readError) {
    if (doc.readError.reason === 'missing') return {};
    return { error: { side, where, message: doc.readError.message.replace(`${ws.host.display(path)} `, ''), io: true } };
  }
  if (doc.decodeError) return { error: { side, where, line: doc.decodeError.line, character: doc.decodeError.column, message: doc.decodeError.message, io: false } };
  const parsed = doc.parsed!;
  if (parsed.blocking) {
    const p = parsed.problems[0];
    const pos = p ? parsed.lines.position(p.start) : undefined;
    return { error: { side, where, ...(pos ? { line: pos.line, character: pos.character } : {}), message: p?.message ?? 'the text cannot be read as YAML', io: false } };
  }
  const data = parsed.data;
  if (!doc.model || !data || typeof data !== 'object' || Array.isArray(data)) return { parsed, path };
  return { version: { data: data as Record<string, unknown>, model: doc.model }, parsed, path };
}

function where(parsed: ParsedText | undefined, path: DataPath | undefined): { offsets?: [number, number]; range?: Range } {
  if (!parsed?.doc || !path) return {};
  const at = path.length && typeof path[path.length - 1] === 'number' ? 'item' : 'key';
  const offsets = locate(parsed.doc, path, at);
  return { offsets, range: parsed.lines.range(offsets[0], offsets[1]) };
}

/** Reviews each pair: `oldWs` loads old versions, `newWs` new ones (and the policies they link). */
export function reviewDocuments(oldWs: Workspace, newWs: Workspace, pairs: readonly DocPair[]): DocReview[] {
  const out: DocReview[] = [];
  for (const p of pairs) {
    const oldName = p.oldDisplay ?? p.display;
    const o = loadSide(oldWs, p.oldPath, 'old', oldName);
    const n = loadSide(newWs, p.newPath, 'new', p.display);
    const base = { display: p.display, ...(p.oldDisplay && p.oldDisplay !== p.display ? { oldDisplay: p.oldDisplay } : {}) };
    const error = n.error ?? o.error;
    if (error) { out.push({ ...base, status: 'changed', changes: [], error }); continue; }
    if (!o.version && !n.version) continue; // not an RSP document on either side
    let explainer: PolicyModel | undefined;
    if (n.version && n.version.model.kind !== 'policy' && n.path !== undefined) {
      const link = newWs.policyLink({ path: n.path, model: n.version.model });
      if (link.state === 'ok') explainer = link.model;
    }
    const changes: LocatedChange[] = diffVersions(o.version, n.version, explainer ? { explainer } : {}).map((c) => {
      const a = where(o.parsed, c.oldPath), b = where(n.parsed, c.newPath);
      return { ...c, ...(a.offsets ? { oldOffsets: a.offsets, oldRange: a.range } : {}), ...(b.offsets ? { newOffsets: b.offsets, newRange: b.range } : {}) };
    });
    const status = !o.version ? 'added' : !n.version ? 'removed' : changes.length ? 'changed' : 'same';
    out.push({ ...base, status, changes });
  }
  return out;
}

/** The JSON of §10: one object per change, exactly these fields. */
export function changeJson(path: string, c: ItemChange): Record<string, unknown> {
  return { path, kind: c.kind, id: c.id, change: c.change, field: c.field, old: jsonValue(c.old), new: jsonValue(c.new), effect: c.effect, explained: c.explained };
}

function jsonValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  return v;
}
