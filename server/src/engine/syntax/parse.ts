/**
 * Text → YAML tree with positions → plain data, in bounded time and memory.
 *
 * We drive yaml's Parser and Composer ourselves (what `parseDocument` does) so that we can
 * measure nesting depth on the concrete syntax tree, which yaml builds iteratively, before
 * the recursive composer sees it: a few thousand `[` would otherwise exhaust the stack or
 * the heap of the whole process.
 */
import { Composer, Document, Parser, YAMLMap, YAMLSeq, isAlias, isMap, isScalar, isSeq, type CST, type Node, type Pair } from 'yaml';
import { LineIndex } from './text';
import type { Limits } from './limits';
import { SEGMENT_MIN_BYTES, nestingEstimate, segmentText, type Collection, type Leaf, type Shape, type Split } from './segment';
import { MAX_SYNTAX_FINDINGS, quoteText, syntaxFindings, type RawError } from './syntax';

export interface Problem {
  rule: 'yaml-syntax' | 'resource-limit';
  message: string;
  start: number;
  end: number;
}

export interface ParsedText {
  text: string;
  lines: LineIndex;
  /** The composed document, absent when the text was refused before composing. */
  doc?: Document.Parsed;
  /** Plain data (mappings as objects), absent when it could not be built. */
  data?: unknown;
  problems: Problem[];
  /** True when the tree is unusable for semantic checks (syntax errors, limits). */
  blocking: boolean;
}

// YAML's c-printable excludes C0 controls but TAB, LF, CR; DEL; and U+FFFE/U+FFFF.
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/;

export interface ParseOptions {
  /** Pieces of the previous parse of the same document, reused where the text is unchanged. */
  cache?: SegmentCache;
  /** Texts at least this long are parsed in pieces (default SEGMENT_MIN_BYTES; tests lower it). */
  segmentMinBytes?: number;
}

export function parseYaml(text: string, limits: Limits, options: ParseOptions = {}): ParsedText {
  const lines = new LineIndex(text);
  const out: ParsedText = { text, lines, problems: [], blocking: true };
  // Until parseSegmented begins: not parsed in pieces (the cached pieces stay for the next edit).
  options.cache?.skip();
  const size = text.length;
  if (size > limits.maxFileBytes) {
    out.problems.push({
      rule: 'resource-limit',
      message: `the document is ${formatBytes(size)}, over the limit of ${formatBytes(limits.maxFileBytes)}; it was not analysed (raise limits.max_file_bytes in .rsp-lint.yaml if this is intended)`,
      start: 0, end: Math.min(lines.lineEnd(0), size),
    });
    return out;
  }
  const ctl = CONTROL.exec(text);
  if (ctl) {
    const code = ctl[0].charCodeAt(0);
    out.problems.push({
      rule: 'yaml-syntax',
      message: code === 0
        ? 'the document contains binary data (a NUL character); RSP documents are UTF-8 text'
        : `control character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in YAML; remove it`,
      start: ctl.index, end: ctl.index + 1,
    });
    return out;
  }

  const tree = segmentText(text, options.segmentMinBytes ?? SEGMENT_MIN_BYTES);
  if (tree) {
    const r = parseSegmented(text, lines, tree, limits, options.cache ?? new SegmentCache());
    if (r && r !== MISTAKE_SPREADS) return r;
    // A syntax mistake whose effect the pieces cannot bound, or pieces that are not what their
    // lines promised: the whole text decides.
    if (options.cache) { options.cache.stats.whole = true; if (r) options.cache.stats.spread = true; }
  }
  // Either way the pieces of the last parse in pieces stay cached: the edit that repairs the
  // text (closes the quote, removes the tab) re-parses only the pieces it changed.

  // yaml builds the whole concrete syntax tree before we can measure its depth: text that is
  // obviously nested far too deeply ('[' × 1,000,000) is refused before that, in one pass.
  const estimate = nestingEstimate(text, refuseAbove(limits.maxDepth), limits.maxDepth);
  if (estimate >= 0) {
    out.problems.push({ rule: 'resource-limit', message: deeperThan(limits.maxDepth), start: estimate, end: Math.min(estimate + 1, size) });
    return out;
  }
  const tokens = syntaxTree(text);
  // Nesting that yaml's recursive parser may or may not survive, depending on the stack left
  // (yaml can nest without indenting): refused the same way as when it does not.
  const depth = tokens && depthOf(tokens, limits.maxDepth);
  if (!depth || depth.depth > STACK_SAFE_DEPTH) {
    out.problems.push({ rule: 'resource-limit', message: TOO_DEEP, start: 0, end: Math.min(lines.lineEnd(0), size) });
    return out;
  }
  if (depth.overAt >= 0) {
    out.problems.push({ rule: 'resource-limit', message: deeperThan(limits.maxDepth), start: depth.overAt, end: Math.min(depth.overAt + 1, size) });
    return out;
  }

  const composer = new Composer(COMPOSE_OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = d;
    else if (d.contents === null && d.errors.length === 0) {
      continue; // a trailing '---' (or '---' and comments) holds no second document
    } else {
      out.problems.push({
        rule: 'yaml-syntax',
        message: "a file holds one RSP document, but a second one starts here (after a '---' or '...' line); remove that line or move the rest to its own file",
        start: d.range[0], end: Math.max(d.range[0] + 1, Math.min(lines.lineEnd(lines.position(d.range[0]).line), d.range[1])),
      });
      break;
    }
  }
  if (!doc) return out; // unreachable: the composer always yields a document
  out.doc = doc;

  const errors = doc.errors.map(rawError);
  const warnings = rawWarnings(doc);
  // The document stays in memory while it is the current text: keep only a few errors
  // (200,000 stray '}' are 200,000 YAMLError objects, ~250 MB).
  if (doc.errors.length > MAX_SYNTAX_PROBLEMS) doc.errors.length = MAX_SYNTAX_PROBLEMS;
  if (doc.warnings.length > MAX_SYNTAX_PROBLEMS) doc.warnings.length = MAX_SYNTAX_PROBLEMS;
  pushSyntax(out.problems, syntaxFindings(errors, text, lines));
  // Duplicate keys and keys that are lists are looked for once the text reads as YAML: in a
  // broken text they are mostly the broken structure seen again.
  if (!errors.length) {
    duplicateProblems(findDuplicates(doc.contents), lines, out.problems);
    complexKeys(doc.contents, out.problems);
  }
  const fatal = out.problems.length > 0;
  pushSyntax(out.problems, syntaxFindings(warnings, text, lines, true));
  // A tag on a line that already has a finding (two tags: one finding) is not reported again.
  const flagged = new Set(out.problems.map((p) => lines.position(p.start).line));
  for (const [start, end, tag] of explicitTags(doc, text)) {
    if (flagged.has(lines.position(start).line)) continue;
    out.problems.push({ rule: 'yaml-syntax', message: `unknown YAML tag ${quoteText(tag)}: RSP documents use no tags; it is ignored and never executed — remove it`, start, end });
  }
  sortProblems(out.problems);
  if (fatal) return out;

  try {
    out.data = normalise(doc.toJS({ maxAliasCount: limits.maxAliasExpansion }));
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      const first = firstAlias(doc);
      out.problems.push({
        rule: 'resource-limit',
        message: `YAML aliases expand to too much data (over limits.max_alias_expansion = ${limits.maxAliasExpansion}); the document was not analysed`,
        start: first?.[0] ?? 0, end: first?.[1] ?? Math.min(1, size),
      });
      return out;
    }
    if (e instanceof RangeError) { // stack exhausted despite the depth check
      out.problems.push({ rule: 'resource-limit', message: TOO_DEEP, start: 0, end: Math.min(1, size) });
      return out;
    }
    throw e;
  }
  out.blocking = false;
  return out;
}

/** Visits every collection of yaml's concrete syntax tree with its depth (the root: 1), iteratively. */
function eachCollection(tokens: CST.Token[], visit: (t: CST.Token, depth: number) => void): void {
  const stack: Array<[CST.Token | undefined, number]> = [];
  for (const t of tokens) if (t.type === 'document') stack.push([t.value, 0]);
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    if (!t) continue;
    if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      visit(t, depth + 1);
      for (const it of t.items as Array<{ key?: CST.Token | null; value?: CST.Token }>) {
        if (it.key) stack.push([it.key, depth + 1]);
        if (it.value) stack.push([it.value, depth + 1]);
      }
    }
  }
}

/** Depth of yaml's syntax tree (the root collection: 1), where its deepest collection starts, and where the first one deeper than `max` does (-1: none). */
function depthOf(tokens: CST.Token[], max: number): { depth: number; deepestAt: number; overAt: number } {
  const r = { depth: 0, deepestAt: 0, overAt: -1 };
  eachCollection(tokens, (t, depth) => {
    if (depth > r.depth) { r.depth = depth; r.deepestAt = t.offset; }
    if (depth > max && r.overAt < 0) r.overAt = Math.max(t.offset, 1);
  });
  return r;
}

/** Plain data with YAML 1.1 timestamps turned back into the date strings the format uses. */
function normalise(v: unknown): unknown {
  if (v instanceof Date) return isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
  if (Array.isArray(v)) { for (let i = 0; i < v.length; i++) v[i] = normalise(v[i]); return v; }
  if (v && typeof v === 'object') {
    if (v instanceof Map || v instanceof Set) return v;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = normalise(o[k]);
  }
  return v;
}

function rawError(e: { code: string; message: string; pos: [number, number] }): RawError {
  return { code: e.code, message: e.message, start: e.pos[0], end: e.pos[1] };
}
/** yaml's warnings but for tags (every explicit tag is reported on its own). */
function rawWarnings(doc: Document.Parsed): RawError[] {
  return doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED').map(rawError);
}
function pushSyntax(problems: Problem[], findings: Array<{ message: string; start: number; end: number }>): void {
  for (const f of findings) problems.push({ rule: 'yaml-syntax', message: f.message, start: f.start, end: f.end });
}
/** Problems in the order of the text (the same order however the text was parsed). */
function sortProblems(problems: Problem[]): void {
  problems.sort((a, b) => a.start - b.start || a.end - b.end || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

/** Every explicit tag in the document (`!foo`, `!!str`, `!`), with its offsets in the text. */
function explicitTags(doc: Document.Parsed, text: string): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop() as Node | null;
    if (!n) continue;
    if ((isScalar(n) || isMap(n) || isSeq(n)) && n.tag && n.range) {
      let bang = text.lastIndexOf('!', n.range[0]);
      while (bang > 0 && text[bang - 1] === '!') bang--; // '!!str' starts at its first '!'
      const m = bang >= 0 ? /^!\S*/.exec(text.slice(bang, n.range[0])) : null;
      if (m && !text.slice(bang, n.range[0]).includes('\n')) out.push([bang, bang + m[0].length, m[0]]);
    }
    if (isMap(n)) for (const p of n.items) stack.push(p.value, p.key);
    else if (isSeq(n)) stack.push(...n.items);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Most syntax problems reported per document; one more finding counts the rest. */
const MAX_SYNTAX_PROBLEMS = MAX_SYNTAX_FINDINGS;

/** A duplicate key: the second key's offsets, and where the first stands. */
interface Duplicate { key: string; start: number; end: number; firstAt: number }

/**
 * Duplicate keys, in one pass over the tree (a map of keys per mapping): the second key is
 * the finding. `skip`: a mapping whose own keys are checked elsewhere (a piece of a split one).
 */
function findDuplicates(root: unknown, skip?: unknown): Duplicate[] {
  const out: Duplicate[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (isMap(n)) {
      if (n !== skip) duplicatesIn(n.items, out);
      for (const p of n.items) stack.push(p.key, p.value);
    } else if (isSeq(n)) stack.push(...n.items);
  }
  return out;
}

function duplicatesIn(pairs: readonly Pair[], out: Duplicate[]): void {
  const seen = new Map<string, number>();
  for (const p of pairs) {
    const k = p.key as Node | null;
    if (!isScalar(k) || !k.range) continue;
    const key = String(k.value);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, k.range[0]);
    else out.push({ key, start: k.range[0], end: k.range[1], firstAt: first });
  }
}

function duplicateProblems(dups: Duplicate[], lines: LineIndex, problems: Problem[]): void {
  for (const d of dups.slice(0, MAX_SYNTAX_PROBLEMS)) {
    const line = lines.position(d.firstAt).line + 1;
    problems.push({ rule: 'yaml-syntax', message: `duplicate ${quoteText(d.key, 60)} (first set on line ${line}): a key may appear once in a mapping; merge the two or rename one`, start: d.start, end: d.end });
  }
  if (dups.length > MAX_SYNTAX_PROBLEMS) problems.push({ rule: 'yaml-syntax', message: `${dups.length - MAX_SYNTAX_PROBLEMS} more duplicate keys not shown`, start: 0, end: 0 });
}

/**
 * Keys that are mappings or lists (`? [x]`, `[a, b]: 1`): RSP keys are plain names. yaml would
 * turn them into strings with a process warning; they are a syntax problem on the key itself.
 */
function complexKeys(root: unknown, problems: Problem[]): void {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (isMap(n)) {
      for (const p of n.items) {
        const k = p.key as Node | null;
        if ((isMap(k) || isSeq(k)) && count++ < MAX_SYNTAX_PROBLEMS) {
          const [start, end] = k.range ?? [0, 0];
          problems.push({ rule: 'yaml-syntax', message: `a ${isMap(k) ? 'mapping' : 'list'} used as a key: keys in RSP documents are plain names; write the key as text (e.g. \`name:\`)`, start, end: Math.max(end, start + 1) });
        }
        stack.push(p.key, p.value);
      }
    } else if (isSeq(n)) stack.push(...n.items);
  }
}

function firstAlias(doc: Document.Parsed): [number, number] | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop() as Node | null;
    if (isAlias(n) && n.range) return [n.range[0], n.range[1]];
    if (isMap(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]!.value, n.items[i]!.key);
    else if (isSeq(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
  return undefined;
}

// resolveKnownTags: false — YAML 1.1 tags such as !!binary stay plain text.
// uniqueKeys: false — yaml checks duplicates with a scan per key (quadratic in a large mapping);
// findDuplicates() does it in one pass.
const COMPOSE_OPTIONS = { uniqueKeys: false, strict: true, logLevel: 'warn', resolveKnownTags: false } as const;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

// ---------------------------------------------------------------------------------------------
// Parsing in pieces (segment.ts splits the text): each piece is parsed on its own and cached by
// its text, so an edit re-parses only the pieces it changed; the pieces' trees are then shifted
// to their offsets and stitched into one tree, and their data into one value.

/** A parsed piece. Its nodes carry offsets in the whole text, as of its last use (`base`). */
interface PieceResult {
  id: number;
  /** Its text (an own copy: the cache key). */
  key: string;
  base: number;
  gen: number;
  /** The piece's root collection (for 'item-map': the list holding the one mapping). */
  root: Node | null;
  /** What it contributes to the collection it belongs to: pairs or items. */
  items: unknown[];
  /** Its data: an object of those pairs, or an array of those items. */
  data: unknown;
  /** Problems at offsets local to the piece; yaml's errors and warnings, likewise. */
  problems: Problem[];
  errors: RawError[];
  warnings: RawError[];
  duplicates: Duplicate[];
  /** Deepest nesting below the root (the root collection counts 1), and where. */
  depth: number;
  deepAt: number;
  ok: boolean;
  /** Length of the piece's text, and the deepest indentation of the comments after its root's value (-1: none). */
  len: number;
  trail: number;
  /** For a head (`key:` whose value is split off): the empty value it was parsed with. */
  headValue?: unknown;
}

/**
 * `dash`: for the mapping of a list item, where its `- ` stands (the list's start). `end`: where
 * the collection's node ends (range[2]); `trail`/`regionEnd`: the deepest comment after its last
 * piece's value and where that piece ends, for the collections around it.
 */
interface Stitched { node: YAMLMap | YAMLSeq; data: unknown; sig: string; start: number; dash: number; end: number; trail: number; regionEnd: number }

/** The pieces of one document's last parse, for the next (one per open document). */
export class SegmentCache {
  // By shape, then by text (a key made by concatenation would copy every piece's text).
  private pieces = new Map<string, Map<string, PieceResult[]>>();
  private next = new Map<string, Map<string, PieceResult[]>>();
  private colls = new Map<string, Stitched>();
  private nextColls = new Map<string, Stitched>();
  // By the region's text; each entry keeps its own copy of that text as the key (a key made of
  // slices would keep the whole text of this version alive).
  private regions = new Map<string, { key: string; parsed: RegionParse | null }>();
  private nextRegions = new Map<string, { key: string; parsed: RegionParse | null }>();
  private gen = 0;
  private ids = 0;
  /**
   * The last parse (for tests and the benchmark): pieces parsed and reused, regions around
   * syntax mistakes parsed, whether the text was not parsed in pieces after all (`whole`: it
   * was refused, cannot be split, its pieces were not what their lines promised, or a mistake
   * spread) and whether a mistake did that.
   */
  stats = { parsed: 0, reused: 0, regions: 0, spread: false, whole: false };

  private depthLimit = 0;
  /** Starts a parse; pieces parsed under another nesting limit are not reused. */
  begin(maxDepth: number): void {
    if (maxDepth !== this.depthLimit) { this.clear(); this.depthLimit = maxDepth; }
    this.gen++; this.next = new Map(); this.nextColls = new Map(); this.nextRegions = new Map(); this.stats = { parsed: 0, reused: 0, regions: 0, spread: false, whole: false };
  }
  /** Ends a parse: from now on the cache holds what it used (what the previous text had and this one has not is dropped). */
  end(): void {
    this.pieces = this.next; this.colls = this.nextColls; this.regions = this.nextRegions;
    this.next = new Map(); this.nextColls = new Map(); this.nextRegions = new Map();
  }
  /**
   * Ends a parse that stopped before it saw every piece (they were not what their lines
   * promised): the pieces of the previous parse it did not get to stay, with those it parsed.
   */
  abandon(): void {
    for (const [shape, byText] of this.pieces) {
      let into = this.next.get(shape);
      if (!into) this.next.set(shape, (into = new Map()));
      for (const [text, list] of byText) { if (!list.length) continue; const kept = into.get(text); if (kept) kept.push(...list); else into.set(text, list); }
    }
    for (const [k, c] of this.colls) if (!this.nextColls.has(k)) this.nextColls.set(k, c);
    for (const [k, e] of this.regions) if (!this.nextRegions.has(k)) this.nextRegions.set(k, e);
    this.end();
  }
  /** A text not parsed in pieces (refused, or it cannot be split): the pieces stay for the next edit. */
  skip(): void { this.stats = { parsed: 0, reused: 0, regions: 0, spread: false, whole: true }; }
  clear(): void { this.pieces.clear(); this.colls.clear(); this.regions.clear(); }

  /** The parse of a region around a syntax mistake (see regionErrors), by its text. */
  region(text: string, make: (own: string) => RegionParse | null): RegionParse | null {
    let e = this.regions.get(text);
    if (!e) { const key = ownCopy(text); e = { key, parsed: make(key) }; this.stats.regions++; }
    this.nextRegions.set(e.key, e);
    return e.parsed;
  }

  piece(shape: string, text: string, make: () => PieceResult): PieceResult {
    const list = this.pieces.get(shape)?.get(text);
    let r: PieceResult | undefined;
    while (list?.length) { const c = list.pop()!; if (c.gen !== this.gen) { r = c; break; } }
    if (r) this.stats.reused++;
    else { r = make(); r.id = ++this.ids; this.stats.parsed++; }
    r.gen = this.gen;
    let byText = this.next.get(shape);
    if (!byText) this.next.set(shape, (byText = new Map()));
    const kept = byText.get(r.key);
    if (kept) kept.push(r); else byText.set(r.key, [r]);
    return r;
  }

  collection(sig: string): Stitched | undefined { const c = this.colls.get(sig); if (c) this.nextColls.set(sig, c); return c; }
  keep(c: Stitched): void { this.nextColls.set(c.sig, c); }
}

/** The text cannot be parsed in these pieces after all (a piece's tree is not what its lines promised). */
class Unsegmentable extends Error {}

/** Collections built by stitching: their ranges are recomputed on each parse, never shifted. */
const STITCHED = new WeakSet<object>();

/** parseSegmented's answer for a syntax mistake whose effect the pieces cannot bound: parse the whole text. */
const MISTAKE_SPREADS = Symbol('mistake spreads');

function parseSegmented(text: string, lines: LineIndex, tree: Collection, limits: Limits, cache: SegmentCache): ParsedText | undefined | typeof MISTAKE_SPREADS {
  cache.begin(limits.maxDepth);
  const problems: Problem[] = [];
  const warnings: RawError[] = [];
  /** The pieces in which yaml found errors. */
  const failing = new Set<Leaf>();
  const dups: Duplicate[] = [];
  let blocking = false;
  let deep = -1;

  const piece = (leaf: Leaf, shape: Shape | 'head'): PieceResult => {
    const slice = text.slice(leaf.start, leaf.end);
    // A new piece is parsed from a copy of its text: a slice (and every string yaml cuts from
    // it) would keep the whole text of this version alive for as long as the piece is cached.
    const r = cache.piece(shape, slice, () => { const own = ownCopy(slice); return parsePiece(own, shape, leaf.start, limits.maxDepth); });
    if (r.base !== leaf.start) {
      // A head's value is the stitched collection below it (shifted as its own pieces): shift
      // the head with its own (empty) value in place.
      const pair = r.headValue !== undefined ? (r.items[0] as Pair | undefined) : undefined;
      const value = pair?.value;
      if (pair) pair.value = r.headValue;
      shiftTree(r.root, leaf.start - r.base);
      if (pair) pair.value = value;
      r.base = leaf.start;
    }
    for (const p of r.problems) problems.push({ ...p, start: p.start + leaf.start, end: p.end + leaf.start });
    for (const w of r.warnings) warnings.push({ ...w, start: w.start + leaf.start, end: w.end + leaf.start });
    if (r.errors.length) failing.add(leaf);
    for (const d of r.duplicates) dups.push({ ...d, start: d.start + leaf.start, end: d.end + leaf.start, firstAt: d.firstAt + leaf.start });
    if (!r.ok) blocking = true;
    // The piece's root stands for a collection at leaf.depth (for 'item-map': the list around it).
    const rootDepth = shape === 'item-map' ? leaf.depth - 1 : leaf.depth;
    if (deep < 0 && rootDepth + r.depth - 1 > limits.maxDepth) deep = r.deepAt + leaf.start;
    return r;
  };

  const stitch = (c: Collection): Stitched => {
    const results: Array<{ r?: PieceResult; head?: PieceResult; sub?: Stitched; shape?: Shape }> = [];
    const sig: string[] = [];
    for (const part of c.parts) {
      if (part.kind === 'leaf') { const r = piece(part, part.shape); results.push({ r, shape: part.shape }); sig.push(`${r.id}`); continue; }
      const head = part.head ? piece(part.head, 'head') : undefined;
      const sub = stitch(part.body);
      results.push({ head, sub });
      sig.push(`${head?.id ?? ''}(${sub.sig})`);
    }
    const key = `${c.type}${sig.join(',')}`;
    let out = cache.collection(key);
    if (!out) {
      const node = c.type === 'map' ? new YAMLMap() : new YAMLSeq();
      STITCHED.add(node);
      const data: Record<string, unknown> | unknown[] = c.type === 'map' ? {} : [];
      const items = node.items as unknown[];
      for (const { r, head, sub } of results) {
        if (r) {
          for (const it of r.items) items.push(it);
          if (Array.isArray(data)) { if (Array.isArray(r.data)) for (const v of r.data) data.push(v); }
          else if (r.data && typeof r.data === 'object') for (const k of Object.keys(r.data)) setKey(data, k, (r.data as Record<string, unknown>)[k]);
        } else if (head) {
          const pair = head.items[0] as Pair | undefined;
          if (pair) {
            pair.value = sub!.node;
            items.push(pair);
            // The key as yaml's toJS writes it (a null key is '', not 'null'): from the head's own data.
            const k = head.data && typeof head.data === 'object' ? Object.keys(head.data)[0] : undefined;
            if (!Array.isArray(data) && k !== undefined) setKey(data, k, sub!.data);
          }
        } else {
          items.push(sub!.node);
          if (Array.isArray(data)) data.push(sub!.data);
        }
      }
      out = { node, data, sig: key, start: 0, dash: 0, end: 0, trail: -1, regionEnd: 0 };
      cache.keep(out);
    } else {
      // The same pieces as last time: the same node and data (a head's value is re-pointed, in
      // case the same head text served elsewhere since).
      for (const { head, sub } of results) if (head?.items[0]) (head.items[0] as Pair).value = sub!.node;
    }
    // The range, as yaml computes it: from the first entry to the end of the last one.
    const first = results[0]!, last = results[results.length - 1]!;
    let start = 0, dash = 0;
    if (first.r) {
      const root = first.r.root;
      if (first.shape === 'item-map' && isSeq(root)) { dash = root.range?.[0] ?? 0; start = (root.items[0] as Node | undefined)?.range?.[0] ?? dash; }
      else start = dash = root?.range?.[0] ?? first.r.base;
    } else if (first.head) start = dash = first.head.root?.range?.[0] ?? first.head.base;
    else start = dash = first.sub!.dash;
    // As yaml does: a collection's value ends where its last item's node ends; a nested
    // collection's node also takes the comment and blank lines after it, up to the next entry,
    // when one of those comments is indented at least as far as its entries. A piece's root is a document
    // root, which never does: that part is worked out here from the piece's text.
    let valueEnd: number, trail: number, regionEnd: number;
    if (last.r) {
      valueEnd = last.r.root?.range?.[1] ?? last.r.base;
      trail = last.r.trail; regionEnd = last.r.base + last.r.len;
    } else {
      valueEnd = last.sub!.end;
      trail = last.sub!.trail; regionEnd = last.sub!.regionEnd;
    }
    // (Up to where the next line's content starts.)
    let next = regionEnd;
    while (next < text.length && text.charCodeAt(next) === 32) next++;
    const end = c.depth > 1 && trail >= c.indent ? Math.max(valueEnd, next) : valueEnd;
    out.node.range = [start, valueEnd, end];
    out.start = start; out.dash = dash; out.end = end; out.trail = trail; out.regionEnd = regionEnd;
    return out;
  };

  let root: Stitched;
  let regions: RegionResult | null | undefined;
  try {
    root = stitch(tree);
    if (failing.size && deep < 0) regions = regionErrors(text, tree, failing, cache);
  } catch (e) {
    if (e instanceof Unsegmentable) { cache.abandon(); return undefined; }
    cache.end();
    throw e;
  }
  cache.end();
  // Keys of split mappings, across their pieces.
  const walk: Array<YAMLMap | YAMLSeq> = [root.node];
  while (walk.length) {
    const n = walk.pop()!;
    if (isMap(n)) duplicatesIn(n.items as Pair[], dups);
    for (const it of n.items as unknown[]) {
      const v = isMap(n) ? (it as Pair).value : it;
      if (v && typeof v === 'object' && STITCHED.has(v)) walk.push(v as YAMLMap | YAMLSeq);
    }
  }
  const doc = new Document() as unknown as Document.Parsed;
  doc.contents = root.node as unknown as Document.Parsed['contents'];
  (doc as { range: [number, number, number] }).range = [0, text.length, text.length];
  const out: ParsedText = { text, lines, doc, problems: [], blocking: true };
  if (deep >= 0) {
    out.problems.push({ rule: 'resource-limit', message: deeperThan(limits.maxDepth), start: deep, end: Math.min(deep + 1, text.length) });
    return out;
  }
  if (regions === null) return MISTAKE_SPREADS;
  if (regions) {
    // yaml's errors as one parse of the whole text gives them; nothing else is looked for (as there).
    out.problems.push(...problems.filter((p) => p.rule === 'resource-limit'));
    pushSyntax(out.problems, syntaxFindings(regions.errors, text, lines));
    const inRegion = (o: number): boolean => regions!.spans.some(([a, b]) => o >= a && o < b);
    pushSyntax(out.problems, syntaxFindings(warnings.filter((w) => !inRegion(w.start)).concat(regions.warnings), text, lines, true));
    sortProblems(out.problems);
    return out;
  }
  out.problems.push(...problems.slice(0, MAX_SYNTAX_PROBLEMS));
  if (problems.length > MAX_SYNTAX_PROBLEMS) out.problems.push({ rule: 'yaml-syntax', message: `${problems.length - MAX_SYNTAX_PROBLEMS} more syntax mistakes are not shown; fix the ones above first`, start: 0, end: Math.min(lines.lineEnd(0), text.length) });
  duplicateProblems(dups, lines, out.problems);
  pushSyntax(out.problems, syntaxFindings(warnings, text, lines, true));
  sortProblems(out.problems);
  if (dups.length) blocking = true;
  if (blocking) return out;
  out.data = root.data;
  out.blocking = false;
  return out;
}

/** yaml's errors and warnings for the regions around the failing pieces, at offsets in the whole text, and the regions. */
interface RegionResult { errors: RawError[]; warnings: RawError[]; spans: Array<[number, number]> }
/**
 * One region's parse: errors and warnings at offsets in its own text (heads, region, next entry).
 * `swallows`: the next entry, and so the rest of the document, became the value of a top-level
 * key that yaml never composes (see parseRegion): one parse of the whole text reports nothing after it.
 */
interface RegionParse { errors: RawError[]; warnings: RawError[]; swallows?: boolean }

/**
 * yaml's errors for a text whose pieces failed, exactly as one parse of the whole text gives
 * them, without parsing the whole text (null: they cannot be bounded, parse the whole text).
 *
 * A piece parsed alone does not see where it stands: a mistake in it reads differently in the
 * whole text (`- name: Mark` between two top-level keys is a list where a key belongs there, a
 * stray token in the piece alone). So the failing entries are parsed again in their place: each
 * run of failing entries of a collection, below the `key:` lines of the collections around it
 * (the same indentation, the same parents as in the whole text), followed by the first line of
 * the next entry. The run starts where the whole parse stands at the start of an entry (the
 * text before it parsed without error); if yaml also reads that next line as the start of an
 * entry of a block collection in its column, and finds nothing wrong from there on, the whole
 * parse is back in step there too: it gives the same errors for the run and none of its own
 * after it. Otherwise the mistake spreads further (an unclosed quote, a list that swallows
 * what follows) and only a whole parse can tell.
 */
function regionErrors(text: string, tree: Collection, failing: Set<Leaf>, cache: SegmentCache): RegionResult | null {
  const out: RegionResult = { errors: [], warnings: [], spans: [] };
  const fails = new Map<Leaf | Split, boolean>();
  const hasFail = (p: Leaf | Split): boolean => {
    let f = fails.get(p);
    if (f === undefined) {
      f = p.kind === 'leaf' ? failing.has(p) : (!!p.head && failing.has(p.head)) || p.body.parts.some(hasFail);
      fails.set(p, f);
    }
    return f;
  };
  const first = (p: Leaf | Split): number => (p.kind === 'leaf' ? p.start : p.head ? p.head.start : first(p.body.parts[0]!));
  const last = (p: Leaf | Split): number => (p.kind === 'leaf' ? p.end : last(p.body.parts[p.body.parts.length - 1]!));

  let swallowed = false;
  const visit = (c: Collection, heads: Leaf[]): boolean => {
    const parts = c.parts;
    for (let i = 0; i < parts.length && !swallowed; i++) {
      const p = parts[i]!;
      if (!hasFail(p)) continue;
      if (p.kind === 'split' && p.head && !failing.has(p.head)) {
        if (!visit(p.body, [...heads, p.head])) return false;
        continue;
      }
      let j = i;
      while (j + 1 < parts.length && hasFail(parts[j + 1]!)) j++;
      if (!region(heads, first(p), last(parts[j]!))) return false;
      i = j;
    }
    return true;
  };

  const region = (heads: Leaf[], start: number, end: number): boolean => {
    // The next entry's first line: the first line after the run that is not blank or a comment.
    let syncAt = -1, syncEnd = text.length, col = 0;
    for (let ls = end; ls < text.length;) {
      let nl = text.indexOf('\n', ls);
      if (nl < 0) nl = text.length;
      let k = ls;
      while (k < nl && text.charCodeAt(k) === 32) k++;
      const ch = text.charCodeAt(k);
      if (k < nl && ch !== 35 && ch !== 13) { syncAt = k; syncEnd = nl; col = k - ls; break; }
      ls = nl + 1;
    }
    // The region's text: the heads, the run and that line; where each part came from.
    const segs: Array<[number, number, number]> = []; // [offset in the region's text, offset in the text, length]
    let own = '';
    const keys: number[] = [];
    for (const h of heads) {
      // The head's key: its first line that is not blank or a comment.
      let k = h.start;
      for (;;) {
        while (k < h.end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13)) k++;
        if (k < h.end && text.charCodeAt(k) === 35) { const nl = text.indexOf('\n', k); if (nl < 0 || nl >= h.end) break; k = nl + 1; continue; }
        break;
      }
      keys.push(own.length + (k - h.start));
      segs.push([own.length, h.start, h.end - h.start]);
      own += text.slice(h.start, h.end);
    }
    const base = own.length;
    segs.push([base, start, syncEnd - start]);
    own += text.slice(start, syncEnd);
    const syncLocal = syncAt < 0 ? -1 : base + (syncAt - start);
    const parsed = cache.region(own, (copy) => parseRegion(copy, syncLocal, col, keys));
    if (!parsed) return false;
    const map = (o: number): number => {
      for (let k = segs.length - 1; k >= 0; k--) { const [l, t, n] = segs[k]!; if (o >= l) return t + Math.min(o - l, n); }
      return o;
    };
    for (const e of parsed.errors) out.errors.push({ ...e, start: map(e.start), end: map(Math.max(e.start, e.end)) });
    for (const w of parsed.warnings) out.warnings.push({ ...w, start: map(w.start), end: map(Math.max(w.start, w.end)) });
    out.spans.push([start, syncAt < 0 || parsed.swallows ? text.length : syncAt]);
    if (parsed.swallows) swallowed = true;
    return true;
  };

  return visit(tree, []) ? out : null;
}

/**
 * Parses a region's text (see regionErrors); null when yaml is not back in step at `syncAt`
 * (-1: the text's end). `keys`: where the keys of the heads stand, outermost first.
 */
function parseRegion(own: string, syncAt: number, col: number, keys: number[]): RegionParse | null {
  const tokens = syntaxTree(own);
  if (!tokens) return null;
  const depth = depthOf(tokens, Infinity);
  if (depth.depth > STACK_SAFE_DEPTH) return null;
  const docs = [...new Composer(COMPOSE_OPTIONS).compose(tokens, true, own.length)];
  if (docs.length !== 1) return null;
  const doc = docs[0]!;
  const limit = syncAt < 0 ? Infinity : syncAt;
  // (An error may end where the next entry starts: a key without a value ends with its line.)
  if (doc.errors.some((e) => e.pos[0] >= limit || e.pos[1] > limit)) return null;
  const result = { errors: doc.errors.map(rawError), warnings: rawWarnings(doc).filter((w) => w.start < limit) };
  if (syncAt >= 0 && !entryAt(tokens, syncAt, col, keys)) {
    // A top-level entry after a mistake such as a list between two top-level keys: yaml reads
    // the list as a key without ':' and what follows as its value, a mapping in column 0 that
    // takes every line to the end of the document and that yaml never composes (a key without
    // ':' has no value): nothing after the mistake is reported, whatever it holds.
    if (col === 0 && swallowedAtTop(tokens, syncAt)) return { ...result, swallows: true };
    return null;
  }
  return result;
}

/** Whether the top-level entry at `at` is inside the value of the root's last key, a value yaml does not compose (no ':' after the key). */
function swallowedAtTop(tokens: CST.Token[], at: number): boolean {
  type Item = { start: CST.SourceToken[]; key?: CST.Token | null; sep?: CST.SourceToken[]; value?: CST.Token };
  const doc = tokens.find((t) => t.type === 'document') as CST.Document | undefined;
  const root = doc?.value;
  if (!root || root.type !== 'block-map' || root.indent !== 0) return false;
  const last = root.items[root.items.length - 1] as Item | undefined;
  const v = last?.value;
  if (!last || !v || v.type !== 'block-map' || v.indent !== 0) return false;
  if ((last.sep ?? []).some((t) => t.type === 'map-value-ind')) return false;
  return (v.items as Item[]).some((it) => it.key?.offset === at);
}

/**
 * Whether an entry starts at `at` in the block collection in column `col` that the heads open
 * (the document's root, the value of the root's key at keys[0], the value of its key at keys[1]…):
 * the entry is where it would be after the text before it had parsed without a mistake.
 */
function entryAt(tokens: CST.Token[], at: number, col: number, keys: number[]): boolean {
  type Item = { start: CST.SourceToken[]; key?: CST.Token | null; value?: CST.Token };
  const doc = tokens.find((t) => t.type === 'document') as CST.Document | undefined;
  let c: CST.Token | undefined = doc?.value;
  for (let k = 0; ; k++) {
    if (!c || (c.type !== 'block-map' && c.type !== 'block-seq')) return false;
    if (c.indent === col) {
      return (c.items as Item[]).some((it) => (c!.type === 'block-map' && it.key?.offset === at)
        || it.start.some((s) => s.offset === at && (s.type === 'seq-item-ind' || s.type === 'explicit-key-ind')));
    }
    if (k >= keys.length || c.type !== 'block-map') return false;
    const item = (c.items as Item[]).find((it) => it.key?.offset === keys[k]);
    c = item?.value;
  }
}

/**
 * A string with the characters of `s` that does not share the memory of a larger string (V8
 * flattens the concatenation into a new string; the substring then refers to that copy).
 */
function ownCopy(s: string): string {
  return (` ${s}`).slice(1);
}

function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Parses one piece; its nodes get offsets in the whole text (`base` + local). */
function parsePiece(text: string, shape: Shape | 'head', base: number, maxNesting: number): PieceResult {
  const r: PieceResult = { id: 0, key: text, base: 0, gen: 0, root: null, items: [], data: undefined, problems: [], errors: [], warnings: [], duplicates: [], depth: 0, deepAt: 0, ok: false, len: text.length, trail: -1 };
  // As for a whole text: absurd nesting is refused before yaml builds (recursively) its tree.
  const estimate = nestingEstimate(text, refuseAbove(maxNesting), maxNesting);
  if (estimate >= 0) { r.depth = Infinity; r.deepAt = estimate; return r; }
  const tokens = syntaxTree(text);
  const depth = tokens && depthOf(tokens, Infinity);
  if (!tokens || !depth || depth.depth > STACK_SAFE_DEPTH) {
    r.problems.push({ rule: 'resource-limit', message: TOO_DEEP, start: 0, end: Math.min(1, text.length) });
    return r;
  }
  r.depth = depth.depth; r.deepAt = depth.deepestAt;
  let doc: Document.Parsed | undefined;
  for (const d of new Composer(COMPOSE_OPTIONS).compose(tokens, true, text.length)) {
    if (doc) throw new Unsegmentable();
    doc = d;
  }
  if (!doc) throw new Unsegmentable();
  const size = text.length;
  r.errors = doc.errors.map(rawError);
  const c = doc.contents as Node | null;
  r.root = c;
  r.trail = trailingComment(text, c?.range?.[1] ?? text.length);
  const done = (ok: boolean): PieceResult => {
    r.warnings = rawWarnings(doc!);
    r.ok = ok;
    shiftTree(c, base);
    r.base = base;
    return r;
  };
  let own: unknown;
  if (shape === 'item-map' && isSeq(c) && isMap(c.items[0])) own = c.items[0];
  else if (shape !== 'item-map' && (shape === 'seq' ? isSeq(c) : isMap(c))) own = c;
  r.items = own ? (own as YAMLMap | YAMLSeq).items : [];
  if (doc.errors.length) return done(false); // blocking: the features still see what has the expected shape
  // No errors, but not the tree the lines promised: parse the whole text instead.
  if (!own || (shape === 'item-map' && (c as YAMLSeq).items.length !== 1)) throw new Unsegmentable();
  if (shape === 'head' && (r.items.length !== 1 || !isScalar((r.items[0] as Pair).value) || ((r.items[0] as Pair).value as { value: unknown }).value !== null)) throw new Unsegmentable();
  if (shape === 'head') r.headValue = (r.items[0] as Pair).value;
  r.duplicates = findDuplicates(c, shape === 'seq' ? undefined : own);
  complexKeys(c, r.problems);
  if (r.problems.length || r.duplicates.length) return done(false);
  try {
    const js = normalise(doc.toJS());
    r.data = shape === 'item-map' ? (js as unknown[])[0] : js;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    r.problems.push({ rule: 'resource-limit', message: TOO_DEEP, start: 0, end: Math.min(1, size) });
    return done(false);
  }
  return done(true);
}

/** The deepest indentation among the comment lines from `from` on, up to the next content (blank lines skipped); -1 if none. */
function trailingComment(text: string, from: number): number {
  let deepest = -1;
  let i = from;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) === 32) j++;
    if (j >= text.length) break;
    const c = text.charCodeAt(j);
    if (c === 35) deepest = Math.max(deepest, j - i);
    else if (c !== 10 && c !== 13) break;
    const nl = text.indexOf('\n', j);
    if (nl < 0) break;
    i = nl + 1;
  }
  return deepest;
}

/** Adds `delta` to the offsets of every node below `root` (a piece's own tree: no stitched collection in it). */
function shiftTree(root: unknown, delta: number): void {
  if (!delta) return;
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop() as Node | null;
    if (!n || typeof n !== 'object') continue;
    if (n.range) { n.range[0] += delta; n.range[1] += delta; n.range[2] += delta; }
    if (isMap(n)) for (const p of n.items) { stack.push(p.key, p.value); }
    else if (isSeq(n)) for (const it of n.items) stack.push(it);
  }
}

const TOO_DEEP = 'the document is nested too deeply to analyse (RSP documents need fewer than 10 levels)';
const deeperThan = (maxDepth: number): string => `nesting deeper than ${maxDepth} levels; the document was not analysed (RSP documents need fewer than 10)`;

/** yaml's concrete syntax tree of `text`, or undefined when its recursive parser ran out of stack. */
function syntaxTree(text: string): CST.Token[] | undefined {
  const tokens: CST.Token[] = [];
  try {
    for (const token of new Parser().parse(text)) tokens.push(token);
  } catch (e) {
    // yaml's CST parser recurses on compact nesting ("- - - - …"); the stack is the limit there.
    if (!(e instanceof RangeError)) throw e;
    return undefined;
  }
  return tokens;
}

/**
 * Depth of yaml's syntax tree below which its recursive parser and composer are safe on any
 * thread's stack (it overflowed at ~3,000 levels of `- - -` on the main thread).
 */
const STACK_SAFE_DEPTH = 1000;

/**
 * Nesting (by the one-pass estimate) refused before yaml builds its tree: a little over the
 * limit, and never so deep that yaml's recursive parser could exhaust a thread's stack (the
 * result must not depend on which thread, or which stack size, runs the analysis).
 */
function refuseAbove(maxDepth: number): number {
  return Math.min(4 * maxDepth, maxDepth + 64);
}
