/**
 * Splits a large YAML text into independently parseable pieces, by lines, so that an edit
 * re-parses only the piece it touched (see `parse.ts`, which parses, caches and stitches them).
 *
 * A piece is a run of complete sibling entries of one block collection (mapping keys or `- `
 * items), or the head line of an entry whose value is a block collection split in turn. The
 * scanner is deliberately conservative: it splits only where the YAML structure is plain
 * (no tabs, anchors, aliases, tags, directives, complex keys, lone CRs), never inside a quoted
 * scalar, flow collection or block scalar that spans lines, and gives up (`undefined`: parse the
 * whole text) on anything it does not fully understand. A wrong split would change the data, so
 * the differential tests compare the stitched result with a whole-text parse.
 */

/** Where a piece's parsed root contributes items: a mapping's pairs, a sequence's items, or the pairs of the mapping that is the only item of a sequence (`- key: …` with more keys split off). */
export type Shape = 'map' | 'seq' | 'item-map';

export interface Leaf {
  kind: 'leaf';
  start: number;
  end: number;
  shape: Shape;
  /** Depth of the collection the piece's root stands for (the document's root mapping: 1). */
  depth: number;
}

/** A mapping entry (`key:` + a block collection below) or a list item (`- key: …`) whose value is split. */
export interface Split {
  kind: 'split';
  /** For a mapping entry: the `key:` line(s), parsed as a mapping of one pair; absent for a list item. */
  head?: Leaf;
  body: Collection;
}

export interface Collection {
  type: 'map' | 'seq';
  depth: number;
  /** Column of its entries (keys, or `-`). */
  indent: number;
  parts: Array<Leaf | Split>;
}

/** Texts smaller than this are parsed whole: cheap, and their error messages stay yaml's own. */
export const SEGMENT_MIN_BYTES = 32 * 1024;
interface Tuning {
  /** Entries longer than this (lines) are split further when their value is a block collection. */
  split: number;
  /** Runs of small entries end at a content-defined boundary once they have this many lines… */
  runMin: number;
  /** …and always at this many. */
  runMax: number;
}
const TUNING: Tuning = { split: 48, runMin: 12, runMax: 96 };
/** With `minBytes` 0 (tests): every text, in the smallest pieces, so that small documents exercise every way of splitting. */
const FINE: Tuning = { split: 2, runMin: 1, runMax: 3 };
/** Nesting (flow brackets, compact `- - -`, indentation levels) beyond which we do not split. */
const MAX_SCAN_DEPTH = 256;

// Line kinds
const BLANK = 0, COMMENT = 1, CONT = 2, CONTENT = 3;

interface Lines {
  n: number;
  start: Int32Array;
  /** End of the line's content (before '\r\n' / '\n'). */
  end: Int32Array;
  kind: Uint8Array;
  indent: Int32Array;
  /** Content lines: number of leading `- ` indicators. */
  dashes: Uint8Array;
  /** Content lines: column of the key (after the dashes), or -1 when the line has no `key:`. */
  keyCol: Int32Array;
  /** Content lines: nothing (or only a comment) after the last indicator (`key:`, `-`). */
  empty: Uint8Array;
}

/**
 * What makes us parse the whole text: tabs, a lone CR, a BOM, directives and document markers,
 * and anchors, aliases or tags (an alias may point into another piece). With indexOf, which is
 * much faster than one regular expression over the text.
 */
function unsafe(text: string): boolean {
  // A BOM anywhere: yaml drops one at the start of a text, so also at the start of a piece.
  if (text.includes('\uFEFF') || text.includes('\t')) return true;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  if (/^(?:---|\.\.\.|%)/.test(text) || text.includes('\n---') || text.includes('\n...') || text.includes('\n%')) return true;
  for (const ch of ['&', '*', '!']) {
    for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) {
      // An anchor or alias has a name; a tag may be a lone '!'.
      const next = text.charCodeAt(i + 1);
      if (ch !== '!' && (i + 1 >= text.length || next === 32 || next === 10 || next === 13)) continue;
      const prev = i === 0 ? 10 : text.charCodeAt(i - 1);
      if (prev === 32 || prev === 10 || prev === 13 || prev === 91 || prev === 123 || prev === 44) {
        if (!inComment(text, i)) return true;
      }
    }
  }
  return false;
}

/** Whether offset `i` follows a '#' that starts a comment on its line (or is text inside quotes: either way no alias). */
function inComment(text: string, i: number): boolean {
  const ls = text.lastIndexOf('\n', i - 1) + 1;
  for (let j = text.indexOf('#', ls); j >= 0 && j < i; j = text.indexOf('#', j + 1)) {
    const p = j === ls ? 32 : text.charCodeAt(j - 1);
    if (p === 32) return true;
  }
  return false;
}

/** Segment tree of `text`, or undefined when it should be parsed whole. */
export function segmentText(text: string, minBytes = SEGMENT_MIN_BYTES): Collection | undefined {
  if (text.length < minBytes || text.length === 0) return undefined;
  if (unsafe(text)) return undefined;
  const lines = scanLines(text);
  if (!lines) return undefined;
  // The root: a block mapping at column 0, starting with a key.
  let first = 0;
  while (first < lines.n && lines.kind[first] !== CONTENT) first++;
  if (first >= lines.n || lines.indent[first] !== 0 || lines.dashes[first] !== 0 || lines.keyCol[first] !== 0) return undefined;
  const root = collection(text, lines, first, lines.n, 0, 'map', 1, false, minBytes === 0 ? FINE : TUNING);
  return root && root.parts.length > 1 ? root : undefined;
}

interface LineArrays { start: Int32Array; end: Int32Array; indent: Int32Array; keyCol: Int32Array; kind: Uint8Array; dashes: Uint8Array; empty: Uint8Array }
const newArrays = (n: number): LineArrays => ({ start: new Int32Array(n), end: new Int32Array(n), indent: new Int32Array(n), keyCol: new Int32Array(n), kind: new Uint8Array(n), dashes: new Uint8Array(n), empty: new Uint8Array(n) });
let linePool: LineArrays = newArrays(1024);

function scanLines(text: string): Lines | undefined {
  const len = text.length;
  // The arrays of the last scan are reused (the tree built from them does not keep them): an
  // edit to a large document allocates nothing here.
  const pool = linePool;
  let cap = pool.start.length;
  let { start, end, indent, keyCol, kind, dashes, empty } = pool;
  let n = 0;
  // Multi-line state: 0 none, 1 double-quoted, 2 single-quoted, 3 flow, 4 block scalar.
  let state = 0;
  let flowDepth = 0;
  let flowQuote = 0; // inside flow: 0, or 1/2 for a quoted scalar
  let blockParent = 0; // block scalar: content lines are indented more than this
  const stack: number[] = []; // indentation of open entries, for the depth estimate
  let pos = 0;
  while (pos <= len) {
    if (n === cap) {
      cap *= 2;
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => { const b = new (a.constructor as new (n: number) => T)(cap); b.set(a); return b; };
      start = grow(start); end = grow(end); indent = grow(indent); keyCol = grow(keyCol); kind = grow(kind); dashes = grow(dashes); empty = grow(empty);
      linePool = { start, end, indent, keyCol, kind, dashes, empty };
    }
    let e = text.indexOf('\n', pos);
    if (e === -1) e = len;
    const next = e + 1;
    const ce = e > pos && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
    start[n] = pos; end[n] = ce;
    let i = pos;
    while (i < ce && text.charCodeAt(i) === 32) i++;
    indent[n] = i - pos;
    keyCol[n] = -1; dashes[n] = 0; empty[n] = 0;
    const blank = i === ce;
    if (state === 4) {
      if (blank || i - pos > blockParent) { kind[n] = CONT; n++; pos = next; if (e === len) break; continue; }
      state = 0;
    }
    if (state === 1 || state === 2) {
      kind[n] = CONT;
      const q = closeQuote(text, pos, ce, state);
      if (q >= 0) { state = 0; if (!restIsEmpty(text, q, ce)) return undefined; }
    } else if (state === 3) {
      kind[n] = CONT;
      const r = scanFlow(text, pos, ce, flowDepth, flowQuote);
      if (!r) return undefined;
      flowDepth = r.depth; flowQuote = r.quote;
      if (flowDepth > MAX_SCAN_DEPTH) return undefined;
      if (flowDepth === 0) { state = 0; if (!restIsEmpty(text, r.at, ce)) return undefined; }
    } else if (blank) {
      kind[n] = BLANK;
    } else if (text.charCodeAt(i) === 35 /* # */) {
      kind[n] = COMMENT;
    } else {
      kind[n] = CONTENT;
      // Leading `- ` indicators.
      let d = 0;
      let lastDash = -1;
      while (i < ce && text.charCodeAt(i) === 45 /* - */ && (i + 1 === ce || text.charCodeAt(i + 1) === 32)) {
        d++; lastDash = i; i++;
        while (i < ce && text.charCodeAt(i) === 32) i++;
      }
      if (d > MAX_SCAN_DEPTH) return undefined;
      dashes[n] = d;
      // Depth estimate from indentation (entries only).
      const col = indent[n]!;
      while (stack.length && stack[stack.length - 1]! >= col) stack.pop();
      stack.push(col);
      if (stack.length + d > MAX_SCAN_DEPTH) return undefined;
      let parent = d ? lastDash - pos : -1; // block scalar parent column for `- |`
      let v = i; // start of the value
      let isEmpty = i >= ce || text.charCodeAt(i) === 35;
      if (!isEmpty) {
        const c = text.charCodeAt(i);
        if (c === 34 || c === 39) {
          // A quoted scalar: a key if `:` follows it.
          const q = closeQuote(text, i + 1, ce, c === 34 ? 1 : 2);
          if (q < 0) { state = c === 34 ? 1 : 2; v = -1; } else {
            let j = q; while (j < ce && text.charCodeAt(j) === 32) j++;
            if (j < ce && text.charCodeAt(j) === 58 && (j + 1 === ce || text.charCodeAt(j + 1) === 32)) {
              keyCol[n] = i - pos; parent = i - pos;
              v = j + 1; while (v < ce && text.charCodeAt(v) === 32) v++;
              isEmpty = v >= ce || text.charCodeAt(v) === 35;
            } else if (!restIsEmpty(text, q, ce)) return undefined;
            else v = -1;
          }
        } else if (c === 91 || c === 123 || c === 63 || c === 44 || c === 93 || c === 125 || c === 124 || c === 62 || c === 64 || c === 96) {
          // A bare flow collection, or after a dash a block scalar: a value (below). Complex keys,
          // flow keys and reserved indicators: the whole-text parse's business.
          if (!(c === 91 || c === 123 || ((c === 124 || c === 62) && d > 0))) return undefined;
        } else {
          // A plain scalar: a key when `: ` (or ':' at the end) comes before any ' #'.
          let j = i;
          let colon = -1;
          for (; j < ce; j++) {
            const ch = text.charCodeAt(j);
            if (ch === 58 && (j + 1 === ce || text.charCodeAt(j + 1) === 32)) { colon = j; break; }
            if (ch === 35 && text.charCodeAt(j - 1) === 32) break;
          }
          if (colon === i) return undefined; // an empty key (`: value`): yaml's own business
          if (colon >= 0) {
            keyCol[n] = i - pos; parent = i - pos;
            v = colon + 1; while (v < ce && text.charCodeAt(v) === 32) v++;
            isEmpty = v >= ce || text.charCodeAt(v) === 35;
          } else v = -1;
        }
      }
      empty[n] = isEmpty ? 1 : 0;
      if (v >= 0 && !isEmpty) {
        // The value: a quoted scalar, a flow collection or a block scalar may go on below.
        const c = text.charCodeAt(v);
        if (c === 34 || c === 39) {
          const q = closeQuote(text, v + 1, ce, c === 34 ? 1 : 2);
          if (q < 0) state = c === 34 ? 1 : 2;
          else if (!restIsEmpty(text, q, ce)) return undefined;
        } else if (c === 91 || c === 123) {
          const r = scanFlow(text, v, ce, 0, 0);
          if (!r) return undefined;
          if (r.depth === 0) { if (!restIsEmpty(text, r.at, ce)) return undefined; }
          else { state = 3; flowDepth = r.depth; flowQuote = r.quote; }
        } else if (c === 124 || c === 62) {
          if (!/^[|>][1-9+-]{0,2} *(#.*)?$/.test(text.slice(v, ce))) return undefined;
          state = 4; blockParent = parent;
        } else if (c === 63 || c === 44 || c === 93 || c === 125 || c === 64 || c === 96 || c === 37) {
          return undefined;
        }
      }
    }
    n++;
    pos = next;
    if (e === len) break;
  }
  if (state === 1 || state === 2 || state === 3) return undefined; // unterminated: yaml reports it
  return { n, start, end, kind, indent, dashes, keyCol, empty };
}

/** Offset just after the closing quote of a scalar whose body starts at `from`, or -1 if the line ends first. */
function closeQuote(text: string, from: number, end: number, q: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (q === 1) {
      if (c === 92 /* \ */) { i++; continue; }
      if (c === 34) return i + 1;
    } else if (c === 39) {
      if (i + 1 < end && text.charCodeAt(i + 1) === 39) { i++; continue; }
      return i + 1;
    }
  }
  return -1;
}

/** Scans flow content on one line from `from`: the depth and quote state at the point it closes (`at`) or at the line end. */
function scanFlow(text: string, from: number, end: number, depth: number, quote: number): { depth: number; quote: number; at: number } | undefined {
  let i = from;
  if (quote) {
    const q = closeQuote(text, i, end, quote);
    if (q < 0) return { depth, quote, at: end };
    i = q; quote = 0;
  }
  let prev = 44; // as if after ',': a quote may start a scalar
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) { depth++; if (depth > MAX_SCAN_DEPTH) return undefined; prev = c; continue; }
    if (c === 93 || c === 125) { depth--; if (depth < 0) return undefined; prev = c; if (depth === 0) return { depth, quote: 0, at: i + 1 }; continue; }
    if (c === 35 && (i === from || text.charCodeAt(i - 1) === 32)) return { depth, quote: 0, at: end }; // comment
    if ((c === 34 || c === 39) && (prev === 91 || prev === 123 || prev === 44 || prev === 58 || prev === 63)) {
      const q = closeQuote(text, i + 1, end, c === 34 ? 1 : 2);
      if (q < 0) return { depth, quote: c === 34 ? 1 : 2, at: end };
      i = q - 1; prev = 0; continue;
    }
    if (c === 38 || c === 42 || c === 33) return undefined; // anchors, aliases, tags in flow
    if (c !== 32) prev = c;
  }
  return { depth, quote: 0, at: end };
}

function restIsEmpty(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end && text.charCodeAt(i) === 32) i++;
  return i >= end || (text.charCodeAt(i) === 35 && i > from);
}

/** Start offset of line `l` (or the text end). */
const at = (text: string, lines: Lines, l: number): number => (l < lines.n ? lines.start[l]! : text.length);

/**
 * The entries of a block collection whose first entry starts on line `from` at column `indent`,
 * up to line `to`; undefined when it is not a clean collection of that type.
 * `itemMap`: the mapping of a list item, whose first key stands on the `- ` line `from`.
 */
function collection(text: string, lines: Lines, from: number, to: number, indent: number, type: 'map' | 'seq', depth: number, itemMap: boolean, tune: Tuning): Collection | undefined {
  // Entry starts.
  const starts: number[] = [from];
  const whole = new Set<number>(); // entries that hold a glued sibling
  let lastContent = from; // the last content line seen
  let commentSince = -1; // the deepest comment line after it (-1: none)
  for (let l = from + 1; l < to; l++) {
    const k = lines.kind[l];
    if (k === COMMENT) { commentSince = Math.max(commentSince, lines.indent[l]!); continue; }
    if (k !== CONTENT) continue;
    // yaml ends a node that takes the comments after it where the next line's content starts,
    // beyond a piece's end: no boundary after comments indented into the entry before, nor
    // after an empty value (`key:`) followed by comments (that value takes them).
    const glued = commentSince > indent || (commentSince >= 0 && lines.empty[lastContent] === 1);
    lastContent = l; commentSince = -1;
    if (lines.indent[l] !== indent) continue;
    if (type === 'map' ? lines.dashes[l] === 0 && lines.keyCol[l] === indent : lines.dashes[l]! > 0) {
      if (glued) whole.add(starts[starts.length - 1]!); // two entries now: not split inside
      else starts.push(l);
    }
  }
  const parts: Array<Leaf | Split> = [];
  const leafShape: Shape = type;
  let runStart = -1; // first line of the current run of small entries
  let runShape: Shape = leafShape;
  const closeRun = (endLine: number) => {
    if (runStart < 0) return;
    parts.push({ kind: 'leaf', start: at(text, lines, runStart), end: at(text, lines, endLine), shape: runShape, depth });
    runStart = -1;
  };
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k]!;
    const e = k + 1 < starts.length ? starts[k + 1]! : to;
    const first = itemMap && k === 0;
    const split = e - s > tune.split && !first && !whole.has(s) ? splitEntry(text, lines, s, e, type, depth, tune) : undefined;
    if (split) {
      closeRun(s);
      parts.push(split);
      continue;
    }
    if (runStart < 0) { runStart = s; runShape = first ? 'item-map' : leafShape; }
    // Content-defined run boundaries: the same entries give the same runs after an edit elsewhere.
    const runLines = e - runStart;
    if (first || runLines >= tune.runMax || (runLines >= tune.runMin && lineHash(text, lines, s) % 4 === 0)) closeRun(e);
  }
  closeRun(to);
  return { type, depth, indent, parts };
}

/** An entry from line `s` to `e` whose value is a block collection, split; undefined to keep it whole. */
function splitEntry(text: string, lines: Lines, s: number, e: number, type: 'map' | 'seq', depth: number, tune: Tuning): Split | undefined {
  if (type === 'map') {
    if (!lines.empty[s]) return undefined;
    let b = s + 1;
    while (b < e && lines.kind[b] !== CONTENT) b++;
    if (b >= e || lines.kind[b] !== CONTENT) return undefined;
    const ind = lines.indent[b]!;
    let body: Collection | undefined;
    if (lines.dashes[b]! > 0 && ind >= lines.indent[s]!) body = collection(text, lines, b, e, ind, 'seq', depth + 1, false, tune);
    else if (lines.dashes[b] === 0 && lines.keyCol[b] === ind && ind > lines.indent[s]!) body = collection(text, lines, b, e, ind, 'map', depth + 1, false, tune);
    if (!body || body.parts.length < 2) return undefined;
    return { kind: 'split', head: { kind: 'leaf', start: at(text, lines, s), end: at(text, lines, b), shape: 'map', depth }, body };
  }
  // A list item `- key: …` whose mapping continues below at the key's column.
  if (lines.dashes[s] !== 1 || lines.keyCol[s]! < 0) return undefined;
  const col = lines.keyCol[s]!;
  const body = collection(text, lines, s, e, col, 'map', depth + 1, true, tune);
  if (!body || body.parts.length < 2) return undefined;
  return { kind: 'split', body };
}

function lineHash(text: string, lines: Lines, l: number): number {
  let h = 2166136261;
  for (let i = lines.start[l]!; i < lines.end[l]!; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A quick upper estimate of nesting, in one pass and no allocation: flow brackets (outside
 * quotes and comments, opened where a node may start), compact `- - -` indicators, and
 * indentation levels of entries. Returns the offset where it passes `limit`, or -1. Used to
 * refuse text nested absurdly deep ('[' × 1,000,000) before yaml builds its syntax tree; the
 * exact depth is still measured on that tree for everything below the limit.
 */
export function nestingEstimate(text: string, limit: number, report = limit): number {
  const len = text.length;
  let over = -1; // where the estimate first passed `report`
  const mark = (at: number, depth: number): boolean => { if (over < 0 && depth > report) over = at; return depth > limit; };
  let flow = 0;
  let quote = 0; // 1 double, 2 single
  const indents: number[] = [];
  let i = 0;
  while (i < len) {
    // At a line start (outside quotes and flow): indentation, then `- ` indicators.
    if (!quote && !flow) {
      let col = 0;
      while (i < len && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) { i++; col++; }
      while (indents.length && indents[indents.length - 1]! >= col) indents.pop();
      let dashes = 0;
      while (i < len && text.charCodeAt(i) === 45 && (i + 1 >= len || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) {
        dashes++;
        if (mark(i, indents.length + dashes)) return over;
        i++;
        while (i < len && text.charCodeAt(i) === 32) i++;
      }
      const c = i < len ? text.charCodeAt(i) : 10;
      if (c !== 10 && c !== 13 && c !== 35) {
        indents.push(col);
        if (mark(i, indents.length + dashes)) return over;
      }
    }
    let nodeStart = !flow;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) { i++; break; }
      if (quote) {
        if (quote === 1 && c === 92) { i++; continue; }
        if ((quote === 1 && c === 34) || (quote === 2 && c === 39)) quote = 0;
        continue;
      }
      if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9 || text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 13)) {
        while (i < len && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        continue;
      }
      if ((c === 91 || c === 123) && (flow || nodeStart)) { if (mark(i, indents.length + ++flow)) return over; nodeStart = true; continue; }
      if ((c === 93 || c === 125) && flow) { flow--; continue; }
      if ((c === 34 || c === 39) && nodeStart) { quote = c === 34 ? 1 : 2; continue; }
      if (c === 32) continue;
      // A node may start after ': ', '- ', '? ' (block) or '[', '{', ',', ':' (flow).
      nodeStart = flow ? (c === 44 || c === 58 || c === 63) : ((c === 58 || c === 45 || c === 63) && (i + 1 >= len || text.charCodeAt(i + 1) === 32));
    }
  }
  return -1;
}
