/**
 * rsp/v1 → rsp/v2 (spec v2 §0), as a handful of text edits at the places yaml's tree points
 * to: every byte the migration does not have to touch stays as it was — comments, key order,
 * quoting, blank lines, line breaks. Nothing is re-serialised.
 *
 * The renames: `format: rsp/v1` → `rsp/v2`; a policy's `asl_standards:` → `standards:` and
 * each standard's `level:` → `id:`; a risk report's assessment `asl_applied:` →
 * `standard_applied:` and `report.model: X` → `models: [X]`. A text that is already v2, not an
 * RSP v1 document, or not readable YAML (syntax errors, resource limits) is left as it is; the
 * last with the problems that stop it.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { DEFAULT_LIMITS, type Limits } from '../syntax/limits';
import { parseYaml } from '../syntax/parse';
import type { DocKind, Edit } from '../types';

export type MigrateStatus =
  /** A v1 document; `edits` turn it into v2 (at least its format line changes). */
  | 'migrated'
  /** Already `format: rsp/v2`: nothing to do. */
  | 'already-v2'
  /** Not an RSP v1 document (no `format: rsp/v1` at the top): left alone. */
  | 'not-rsp-v1'
  /** A document the migration cannot rewrite safely: YAML errors or a resource limit (then
   *  anything but a v2 format line counts as v1), or a v2 name already beside the v1 one. */
  | 'refused';

export interface MigrateProblem {
  message: string;
  /** Offsets in the text. */
  start: number;
  end: number;
  /** 0-based line and UTF-16 character of `start`. */
  line: number;
  character: number;
}

export interface MigrateResult {
  /** The migrated text; the input itself when nothing changed. */
  text: string;
  changed: boolean;
  status: MigrateStatus;
  /** Non-overlapping edits, in order, that turn the input into `text`. */
  edits: Edit[];
  /** Why a document was refused. */
  problems?: MigrateProblem[];
}

export interface MigrateOptions {
  /** The kind the file name promises, used when the document's own `kind:` is not one of the three. */
  kind?: DocKind;
  limits?: Limits;
}

const KINDS: readonly string[] = ['policy', 'roadmap', 'risk-report'];

/** The v2 text of a v1 document (spec v2 §0), or the text unchanged with the reason. */
export function migrateText(text: string, options: MigrateOptions = {}): MigrateResult {
  const same = (status: MigrateStatus, problems?: MigrateProblem[]): MigrateResult =>
    ({ text, changed: false, status, edits: [], ...(problems ? { problems } : {}) });
  // One whole parse (never in pieces): the edits rest on the tree's offsets.
  const parsed = parseYaml(text, options.limits ?? DEFAULT_LIMITS, { segmentMinBytes: Number.POSITIVE_INFINITY });
  const problem = (message: string, start: number, end: number): MigrateProblem => {
    const p = parsed.lines.position(start);
    return { message, start, end, line: p.line, character: p.character };
  };
  const doc = parsed.doc;
  const root = doc?.contents;
  const data = parsed.data as Record<string, unknown> | undefined;
  const format = data && typeof data === 'object' && !Array.isArray(data) ? data.format : undefined;

  if (parsed.blocking || !doc) {
    // Refused, unless it says it is v2 already (then it is not ours to touch).
    if (/^format[ \t]*:[ \t]*(["']?)rsp\/v2\1[ \t]*(#.*)?$/m.test(text)) return same('already-v2');
    const ps = parsed.problems.length ? parsed.problems : [{ message: 'the document could not be read as YAML', start: 0, end: 0 }];
    return same('refused', ps.map((p) => problem(p.message, p.start, p.end)));
  }
  if (format === 'rsp/v2') return same('already-v2');
  if (format !== 'rsp/v1' || !isMap(root)) return same('not-rsp-v1');

  const edits = new Map<number, Edit>();
  const problems: MigrateProblem[] = [];
  const add = (e: Edit) => { if (!edits.has(e.start)) edits.set(e.start, e); };

  const formatPair = pairOf(root, 'format')!;
  add(formatEdit(text, formatPair.value as Scalar));

  const kind = typeof data!.kind === 'string' && KINDS.includes(data!.kind) ? data!.kind as DocKind : options.kind;
  const policy = kind === undefined || kind === 'policy';
  const report = kind === undefined || kind === 'risk-report';

  /** Renames the key of `pair` to `to`, unless `map` already has that key. */
  const rename = (map: Node, pair: Pair, to: string) => {
    if (!isScalar(pair.key) || !pair.key.range) return;
    if (isMap(map) && pairOf(map, to)) {
      const k = pair.key.range;
      problems.push(problem(`'${String(pair.key.value)}' is to become '${to}', but this mapping already has '${to}'; merge the two by hand, then migrate`, k[0], k[1]));
      return;
    }
    add(keyEdit(text, pair.key as Scalar, to));
  };

  if (policy) {
    const standards = pairOf(root, 'asl_standards');
    if (standards) {
      rename(root, standards, 'standards');
      const list = resolve(doc, standards.value as Node | null);
      if (isSeq(list)) {
        for (const item of list.items) {
          const std = resolve(doc, item as Node);
          if (!isMap(std)) continue;
          const level = pairOf(std, 'level');
          if (level) rename(std, level, 'id');
        }
      }
    }
  }
  if (report) {
    const header = resolve(doc, pairOf(root, 'report')?.value as Node | null);
    if (isMap(header)) {
      const model = pairOf(header, 'model');
      if (model) {
        rename(header, model, 'models');
        const e = modelValueEdit(text, model);
        if (e && !problems.length) add(e);
      }
    }
    const assessments = resolve(doc, pairOf(root, 'assessments')?.value as Node | null);
    if (isSeq(assessments)) {
      for (const item of assessments.items) {
        const a = resolve(doc, item as Node);
        if (!isMap(a)) continue;
        const applied = pairOf(a, 'asl_applied');
        if (applied) rename(a, applied, 'standard_applied');
      }
    }
  }

  if (problems.length) return same('refused', problems);
  const list = [...edits.values()].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of list) { out += text.slice(at, e.start) + e.newText; at = e.end; }
  out += text.slice(at);
  return { text: out, changed: out !== text, status: 'migrated', edits: list };
}

function pairOf(map: Node, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

/** An alias stands for the node it names (a list of standards written once with an anchor). */
function resolve(doc: Document.Parsed, node: Node | null | undefined): Node | undefined {
  if (!node) return undefined;
  if (isAlias(node)) {
    try { return node.resolve(doc) as Node | undefined; } catch { return undefined; }
  }
  return node;
}

/** A key scalar rewritten as `to`, in the same quoting. */
function keyEdit(text: string, key: Scalar, to: string): Edit {
  const [start, end] = key.range!;
  const q = text[start];
  const newText = q === '"' || q === "'" ? `${q}${to}${q}` : to;
  return { start, end, newText };
}

/** `rsp/v1` → `rsp/v2` inside the format value, keeping its quoting. */
function formatEdit(text: string, value: Scalar): Edit {
  const [start, end] = value.range!;
  const src = text.slice(start, end);
  const at = src.lastIndexOf('rsp/v1');
  if (at >= 0) return { start: start + at + 'rsp/'.length, end: start + at + 'rsp/v1'.length, newText: 'v2' };
  const q = src[0];
  return { start, end, newText: q === '"' || q === "'" ? `${q}rsp/v2${q}` : 'rsp/v2' };
}

/**
 * `model: X` → `models: [X]`: the value's own source (with its anchor or tag) inside a flow
 * list where it can stay as written, else as one double-quoted string. A list, an empty value
 * or a mapping (all schema errors in v1 as in v2) keeps its value: only the key is renamed.
 */
function modelValueEdit(text: string, pair: Pair): Edit | undefined {
  const v = pair.value as Node | null;
  if (!v || !v.range || !pair.key || !(pair.key as Node).range) return undefined;
  if (!isScalar(v) && !isAlias(v)) return undefined;
  if (isScalar(v) && v.value === null && v.range[0] === v.range[1]) return undefined; // `model:` with nothing
  const vStart = v.range[0];
  // A block scalar's range takes in the line break after its last line: that break stays.
  const vEnd = vStart + text.slice(vStart, v.range[1]).replace(/\s+$/, '').length;
  const start = propsStart(text, (pair.key as Node).range![1], vStart, !!(v.anchor || v.tag));
  const props = text.slice(start, vStart);
  const src = text.slice(vStart, vEnd);
  let inner: string;
  if (isAlias(v)) inner = src;
  else if (/[\r\n]/.test(src) || (v.type === 'PLAIN' && /[,[\]{}]/.test(src)) || v.type === 'BLOCK_FOLDED' || v.type === 'BLOCK_LITERAL') {
    inner = typeof v.value === 'string' ? JSON.stringify(v.value) : JSON.stringify(String(v.value));
  } else inner = src;
  return { start, end: vEnd, newText: `[${props}${inner}]` };
}

/**
 * Where the value's anchor or tag starts (between the key and the value there may be the `:`,
 * spaces, line breaks and comments besides): the value's own start when it has none.
 */
function propsStart(text: string, keyEnd: number, valueStart: number, hasProps: boolean): number {
  if (!hasProps) return valueStart;
  const region = text.slice(keyEnd, valueStart);
  let first = -1;
  let i = region.indexOf(':') + 1;
  while (i < region.length) {
    const c = region[i]!;
    if (c === '#' && (i === 0 || /\s/.test(region[i - 1]!))) { while (i < region.length && region[i] !== '\n' && region[i] !== '\r') i++; continue; }
    if (c === '&' || c === '!') { first = i; break; }
    i++;
  }
  return first >= 0 ? keyEnd + first : valueStart;
}
