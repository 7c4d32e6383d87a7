/** Go to definition, find references, rename, and workspace symbols for ids. */
import { occurrenceAt, occurrences, type SymbolOccurrence } from '../workspace/symbols';
import type { Edit } from '../types';
import type { LoadedDoc, Workspace } from '../workspace/workspace';
import { claimsCiting, requirementAt, requirementDefinition } from './compliance';

export interface Loc { path: string; start: number; end: number }

const cache = new WeakMap<LoadedDoc, SymbolOccurrence[]>();

function occ(ws: Workspace, doc: LoadedDoc): SymbolOccurrence[] {
  let list = cache.get(doc);
  if (!list) { list = occurrences(doc, ws.host); cache.set(doc, list); }
  return list;
}

export function symbolAt(ws: Workspace, path: string, offset: number): SymbolOccurrence | undefined {
  return occurrenceAt(occ(ws, ws.load(path)), offset);
}

/** Every occurrence of a symbol among the documents the workspace has loaded. */
function all(ws: Workspace, key: string): SymbolOccurrence[] {
  const out: SymbolOccurrence[] = [];
  const scope = key.split('|')[1];
  if (scope) ws.load(scope); // the defining document, even if nothing else loaded it
  for (const d of [...ws.loadedDocs()]) for (const o of occ(ws, d)) if (o.key === key) out.push(o);
  return out;
}

const toLoc = (o: SymbolOccurrence): Loc => ({ path: o.path, start: o.start, end: o.end });

export function definition(ws: Workspace, path: string, offset: number): Loc[] {
  const req = requirementAt(ws, ws.load(path), offset);
  if (req) { const d = requirementDefinition(ws, req); return d ? [d] : []; }
  const s = symbolAt(ws, path, offset);
  if (!s) return [];
  return all(ws, s.key).filter((o) => o.role === 'def').map(toLoc);
}

export function references(ws: Workspace, path: string, offset: number, includeDeclaration: boolean): Loc[] {
  const req = requirementAt(ws, ws.load(path), offset);
  if (req) {
    const d = requirementDefinition(ws, req);
    if (!d) return [];
    return [...(includeDeclaration ? [d] : []), ...claimsCiting(ws, d.path, req.requirementId)];
  }
  const s = symbolAt(ws, path, offset);
  if (!s) return [];
  const found = all(ws, s.key).filter((o) => includeDeclaration || o.role === 'ref').map(toLoc);
  // A requirement of a profile file: the claims of loaded policies that cite it.
  if (s.kind === 'requirement') found.push(...claimsCiting(ws, s.path, s.name));
  return found;
}

export function prepareRename(ws: Workspace, path: string, offset: number): { start: number; end: number; placeholder: string } | { error: string } {
  const s = symbolAt(ws, path, offset);
  if (!s) return { error: 'Only ids and ASL levels can be renamed.' };
  if (!all(ws, s.key).some((o) => o.role === 'def')) return { error: `'${s.name}' is not defined anywhere, so there is nothing to rename.` };
  return { start: s.start, end: s.end, placeholder: s.name };
}

export function rename(ws: Workspace, path: string, offset: number, newName: string): { edits: Map<string, Edit[]> } | { error: string } {
  const s = symbolAt(ws, path, offset);
  if (!s) return { error: 'Only ids and ASL levels can be renamed.' };
  const level = s.key.startsWith('level|');
  if (level ? !/^ASL-[1-9]$/.test(newName) : !/^[A-Za-z][A-Za-z0-9._-]*$/.test(newName)) {
    return { error: level ? `'${newName}' is not an ASL level (ASL-1 to ASL-9).` : `'${newName}' is not a valid id: start with a letter; use letters, digits, '.', '_' and '-'.` };
  }
  const [space, scope] = s.key.split('|');
  const clash = all(ws, `${space}|${scope}|${newName}`).find((o) => o.role === 'def');
  if (clash && newName !== s.name) return { error: `'${newName}' is already defined (${ws.host.display(clash.path)}).` };
  const edits = new Map<string, Edit[]>();
  for (const o of all(ws, s.key)) {
    if (!edits.has(o.path)) edits.set(o.path, []);
    edits.get(o.path)!.push({ start: o.start, end: o.end, newText: newName });
  }
  return { edits };
}

export interface WorkspaceSymbol { name: string; kind: SymbolOccurrence['kind']; path: string; start: number; end: number; container?: string }

export function workspaceSymbols(ws: Workspace, query: string): WorkspaceSymbol[] {
  const q = query.toLowerCase();
  const out: WorkspaceSymbol[] = [];
  for (const d of [...ws.loadedDocs()]) {
    for (const o of occ(ws, d)) {
      if (o.role !== 'def' || !matches(o.name.toLowerCase(), q)) continue;
      out.push({ name: o.name, kind: o.kind, path: o.path, start: o.start, end: o.end, container: ws.host.display(o.path) });
      if (out.length >= 1000) return out;
    }
  }
  return out;
}

/** Fuzzy: the query's characters appear in order. */
function matches(name: string, q: string): boolean {
  let i = 0;
  for (const ch of name) if (ch === q[i]) i++;
  return i === q.length;
}
