/**
 * Semantic tokens: the values that name what a policy declares — a level of one of its scales,
 * a standard, a threshold, a scale — which a TextMate grammar cannot know (`High`, `SL3`,
 * `CBRN-uplift-1` are plain words to it). Computed from the loaded document by visiting only
 * the data paths the model knows (never the whole YAML tree), in the policy itself and in the
 * roadmaps and risk reports that link to it. Results are offsets, sorted; the language server
 * encodes them. Text that does not parse has no tokens.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { scalesOf, type PolicyModel, type ReportModel, type RoadmapModel } from '../model/model';
import { levelReference } from '../model/references';
import type { DataPath } from '../types';
import type { LoadedDoc, Workspace } from '../workspace/workspace';

/** The legend: token types and modifiers, in the order their indices and bits refer to. */
export const TOKEN_TYPES = ['enumMember', 'type', 'event', 'namespace'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary'] as const;

/** What a token names: a scale level, a standard, a threshold, a scale. */
export type TokenKind = 'level' | 'standard' | 'threshold' | 'scale';
const TYPE_INDEX: Record<TokenKind, number> = { level: 0, standard: 1, threshold: 2, scale: 3 };
/** Where it is defined (`levels:`, a standard's id...). */
export const DECLARATION = 1;
/** A level of a built-in reference scale the policy does not declare (`security_level: SL3`). */
export const DEFAULT_LIBRARY = 2;

export interface SemanticToken {
  start: number;
  end: number;
  kind: TokenKind;
  /** Index into TOKEN_TYPES. */
  type: number;
  /** Bits of TOKEN_MODIFIERS. */
  modifiers: number;
}

/** The tokens of a document, given the policy that gives meaning to its ids (itself, or the one it links). */
export function semanticTokens(doc: LoadedDoc, policy?: PolicyModel): SemanticToken[] {
  const parsed = doc.parsed;
  const root = parsed?.doc?.contents as Node | null | undefined;
  if (!parsed || parsed.blocking || !root || !doc.model) return [];
  const text = parsed.text;
  const out: SemanticToken[] = [];
  /** A token on the string scalar at `rel` below `base` (a node reached once per list item). */
  const token = (base: Node | null | undefined, rel: DataPath, kind: TokenKind | undefined, modifiers = 0): void => {
    if (!kind) return;
    const n = child(base, rel);
    if (!isScalar(n) || typeof n.value !== 'string' || !n.range) return;
    let [s, e] = n.range;
    if (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') { s++; e--; }
    // One line, and exactly the value (an escape inside quotes would shift the characters).
    if (e <= s || text.slice(s, e) !== n.value) return;
    out.push({ start: s, end: e, kind, type: TYPE_INDEX[kind], modifiers });
  };
  /** Each string item of a list (or the one string) at `rel`. */
  const tokens = (base: Node | null | undefined, rel: DataPath, classify: (id: string) => TokenKind | undefined, modifiers = 0): void => {
    const n = child(base, rel);
    if (isScalar(n)) { if (typeof n.value === 'string') token(n, [], classify(n.value), modifiers); return; }
    if (isSeq(n)) n.items.forEach((it) => { if (isScalar(it) && typeof it.value === 'string') token(it as Node, [], classify(it.value), modifiers); });
  };

  const m = doc.model;
  if (m.kind === 'policy') policyTokens(m, root, token, tokens);
  else if (m.kind === 'roadmap' && policy) roadmapTokens(m, policy, root, tokens);
  else if (m.kind === 'risk-report' && policy) reportTokens(m, policy, root, token, tokens);
  out.sort((a, b) => a.start - b.start);
  // Never overlapping (an alias could show one node at two paths).
  return out.filter((t, i) => i === 0 || t.start >= out[i - 1]!.end);
}

/** The tokens of a document in a workspace: a roadmap's or report's ids are those of its policy. */
export function semanticTokensIn(ws: Workspace, path: string): SemanticToken[] {
  const doc = ws.load(path);
  if (!doc.model || doc.model.kind === 'policy' || doc.model.kind === 'profile') return semanticTokens(doc);
  const link = ws.policyLink(doc);
  return semanticTokens(doc, link.state === 'ok' ? link.model : undefined);
}

type TokenFn = (base: Node | null | undefined, rel: DataPath, kind: TokenKind | undefined, modifiers?: number) => void;
type TokensFn = (base: Node | null | undefined, rel: DataPath, classify: (id: string) => TokenKind | undefined, modifiers?: number) => void;

/** What an id of `p` names, for places that take any id (a goal's `supports`, a change's `ref`). */
function idKind(p: PolicyModel, id: string): TokenKind | undefined {
  if (p.byLevel.has(id)) return 'standard';
  return p.byId.get(id)?.kind === 'threshold' ? 'threshold' : undefined;
}

function policyTokens(p: PolicyModel, root: Node, token: TokenFn, tokens: TokensFn): void {
  const scales = scalesOf(p);
  const declared = new Set(p.scales.flatMap((s) => s.levels));
  const inForce = new Set(scales.flatMap((s) => s.levels));
  const scaleIds = new Set(p.scales.map((s) => s.id));
  /** A level: of a declared scale, of the implied `asl` scale, or of a built-in reference. */
  const level = (id: string): [TokenKind | undefined, number] =>
    declared.has(id) ? ['level', 0] : inForce.has(id) || levelReference(id) ? ['level', DEFAULT_LIBRARY] : [undefined, 0];
  const levelToken = (base: Node | null | undefined, rel: DataPath, id: string | undefined) => {
    if (id === undefined) return;
    const [k, mods] = level(id);
    token(base, rel, k, mods);
  };

  for (const sc of p.scales) {
    const n = child(root, sc.path);
    token(n, ['id'], 'scale', DECLARATION);
    tokens(n, ['levels'], () => 'level', DECLARATION);
  }
  for (const s of p.standards) {
    const n = child(root, s.path);
    token(n, [s.idKey], 'standard', DECLARATION);
    if (s.scale !== undefined && scaleIds.has(s.scale)) token(n, ['scale'], 'scale');
    levelToken(n, ['security_level'], s.securityLevel);
  }
  for (const t of p.thresholds) {
    const n = child(root, t.path);
    token(n, ['id'], 'threshold', DECLARATION);
    levelToken(n, ['level'], t.level);
    tokens(n, ['requires'], (id) => (p.byLevel.has(id) ? 'standard' : undefined));
    if (t.warns && p.byId.get(t.warns.id)?.kind === 'threshold') token(n, ['warns'], 'threshold');
  }
  for (const c of p.commitments) tokens(child(root, c.path), ['applies_to'], (id) => idKind(p, id));
  for (const ch of p.changes) {
    for (const it of ch.items) {
      const n = child(root, it.path);
      if (it.ref !== undefined) token(n, ['ref'], idKind(p, it.ref));
    }
  }
}

function roadmapTokens(r: RoadmapModel, p: PolicyModel, root: Node, tokens: TokensFn): void {
  for (const g of r.goals) tokens(child(root, g.path), ['supports'], (id) => idKind(p, id));
}

function reportTokens(r: ReportModel, p: PolicyModel, root: Node, token: TokenFn, tokens: TokensFn): void {
  const isThreshold = (id: string): TokenKind | undefined => (p.byId.get(id)?.kind === 'threshold' ? 'threshold' : undefined);
  const tms = child(root, ['threat_models']);
  if (isSeq(tms)) tms.items.forEach((it) => tokens(it as Node, ['thresholds'], isThreshold));
  for (const a of r.assessments) {
    const n = child(root, a.path);
    if (a.threshold !== undefined) token(n, ['threshold'], isThreshold(a.threshold));
    if (a.asl !== undefined && p.byLevel.has(a.asl)) token(n, [a.aslKey], 'standard');
  }
}

/** The node at `rel` below `base`, as locate's walk reads a data path (no alias is followed). */
function child(base: Node | null | undefined, rel: DataPath): Node | null | undefined {
  let n = base;
  for (const seg of rel) {
    if (isMap(n)) {
      const pair = n.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) return undefined;
      n = pair.value as Node | null;
    } else if (isSeq(n) && typeof seg === 'number' && seg < n.items.length) n = n.items[seg] as Node | null;
    else return undefined;
  }
  return n;
}
