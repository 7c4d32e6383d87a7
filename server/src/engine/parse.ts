/**
 * Text → YAML tree with positions → plain data, in bounded time and memory.
 *
 * We drive yaml's Parser and Composer ourselves (what `parseDocument` does) so that we can
 * measure nesting depth on the concrete syntax tree, which yaml builds iteratively, before
 * the recursive composer sees it: a few thousand `[` would otherwise exhaust the stack or
 * the heap of the whole process.
 */
import { Composer, Parser, isAlias, isMap, isScalar, isSeq, type CST, type Document, type Node } from 'yaml';
import { LineIndex } from './text';
import type { Limits } from './limits';

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

export function parseYaml(text: string, limits: Limits): ParsedText {
  const lines = new LineIndex(text);
  const out: ParsedText = { text, lines, problems: [], blocking: true };
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

  const tokens: CST.Token[] = [];
  try {
    for (const token of new Parser().parse(text)) tokens.push(token);
  } catch (e) {
    // yaml's CST parser recurses on compact nesting ("- - - - …"); the stack is the limit there.
    if (!(e instanceof RangeError)) throw e;
    out.problems.push({ rule: 'resource-limit', message: 'the document is nested too deeply to analyse (RSP documents need fewer than 10 levels)', start: 0, end: Math.min(lines.lineEnd(0), size) });
    return out;
  }

  const deep = deepestCollection(tokens, limits.maxDepth);
  if (deep) {
    out.problems.push({
      rule: 'resource-limit',
      message: `nesting deeper than ${limits.maxDepth} levels; the document was not analysed (RSP documents need fewer than 10)`,
      start: deep, end: Math.min(deep + 1, size),
    });
    return out;
  }

  // resolveKnownTags: false — YAML 1.1 tags such as !!binary stay plain text.
  // uniqueKeys: false — yaml checks duplicates with a scan per key (quadratic in a large mapping);
  // duplicateKeys() below does it in one pass.
  const composer = new Composer({ uniqueKeys: false, strict: true, logLevel: 'warn', resolveKnownTags: false });
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = d;
    else if (d.contents === null && d.errors.length === 0) {
      continue; // a trailing '---' (or '---' and comments) holds no second document
    } else {
      out.problems.push({
        rule: 'yaml-syntax',
        message: "a file holds one RSP document, but a second one starts here; remove the '---' separator or move the rest to its own file",
        start: d.range[0], end: Math.max(d.range[0] + 1, Math.min(lines.lineEnd(lines.position(d.range[0]).line), d.range[1])),
      });
      break;
    }
  }
  if (!doc) return out; // unreachable: the composer always yields a document
  out.doc = doc;

  for (const e of doc.errors.slice(0, MAX_SYNTAX_PROBLEMS)) {
    const start = Math.min(e.pos[0], size);
    out.problems.push({ rule: 'yaml-syntax', message: syntaxMessage(e.code, e.message), start, end: Math.max(start, Math.min(e.pos[1], size)) });
  }
  duplicateKeys(doc, text, out.problems);
  const extra = doc.errors.length - MAX_SYNTAX_PROBLEMS;
  if (extra > 0) out.problems.push({ rule: 'yaml-syntax', message: `${extra} more YAML errors not shown; fix the ones above first`, start: 0, end: Math.min(lines.lineEnd(0), size) });
  const fatal = out.problems.length > 0;
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') continue; // every explicit tag is reported below
    out.problems.push({ rule: 'yaml-syntax', message: firstLine(w.message), start: Math.min(w.pos[0], size), end: Math.min(Math.max(w.pos[0], w.pos[1]), size) });
  }
  for (const [start, end, tag] of explicitTags(doc, text)) {
    out.problems.push({ rule: 'yaml-syntax', message: `unknown YAML tag '${tag}': RSP documents use no tags; it is ignored and never executed — remove it`, start, end });
  }
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
      out.problems.push({ rule: 'resource-limit', message: 'the document is nested too deeply to analyse', start: 0, end: Math.min(1, size) });
      return out;
    }
    throw e;
  }
  out.blocking = false;
  return out;
}

/** Offset of a collection nested deeper than `max`, or 0 when there is none. */
function deepestCollection(tokens: CST.Token[], max: number): number {
  const stack: Array<[CST.Token | undefined, number]> = [];
  for (const t of tokens) if (t.type === 'document') stack.push([t.value, 0]);
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    if (!t) continue;
    if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      if (depth + 1 > max) return Math.max(t.offset, 1);
      for (const it of t.items as Array<{ key?: CST.Token | null; value?: CST.Token }>) {
        if (it.key) stack.push([it.key, depth + 1]);
        if (it.value) stack.push([it.value, depth + 1]);
      }
    }
  }
  return 0;
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

function firstLine(s: string): string {
  const l = s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return l.charAt(0).toLowerCase() + l.slice(1);
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

function syntaxMessage(code: string, message: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'tab character used for indentation; YAML indents with spaces only';
    case 'MULTIPLE_DOCS':
      return "a file holds one RSP document; remove the '---' separator or move the rest to its own file";
    default:
      return firstLine(message);
  }
}

/** Most syntax problems reported per document; one more finding counts the rest. */
const MAX_SYNTAX_PROBLEMS = 100;

/**
 * Duplicate keys, in one pass over the tree (a map of keys per mapping): the second key is
 * the finding, and its message names the line of the first.
 */
function duplicateKeys(doc: Document.Parsed, text: string, problems: Problem[]): void {
  let count = 0;
  let lines: LineIndex | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const n = stack.pop();
    if (isMap(n)) {
      const seen = new Map<string, Node>();
      for (const p of n.items) {
        if (isScalar(p.key) && p.key.range) {
          const k = String(p.key.value);
          const first = seen.get(k);
          if (!first) seen.set(k, p.key as Node);
          else if (count++ < MAX_SYNTAX_PROBLEMS) {
            lines ??= new LineIndex(text);
            const line = lines.position(first.range![0]).line + 1;
            problems.push({ rule: 'yaml-syntax', message: `duplicate '${k.length > 60 ? `${k.slice(0, 57)}…` : k}' (first set on line ${line}): a key may appear once in a mapping; merge the two or rename one`, start: p.key.range[0], end: p.key.range[1] });
          }
        }
        stack.push(p.key, p.value);
      }
    } else if (isSeq(n)) stack.push(...n.items);
  }
  if (count > MAX_SYNTAX_PROBLEMS) problems.push({ rule: 'yaml-syntax', message: `${count - MAX_SYNTAX_PROBLEMS} more duplicate keys not shown`, start: 0, end: 0 });
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

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
