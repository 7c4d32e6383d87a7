/**
 * Suppression comments (spec §7):
 *   # rsp-lint-disable-next-line rule[, rule]   the next line (comment and blank lines skipped)
 *   # rsp-lint-disable rule[, rule]             the whole file
 * Text after ` -- ` is a reason. A directive that silences nothing is itself a finding.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedText } from './parse';
import { RULES_BY_ID } from './rules';
import { closest, didYouMean } from './suggest';

export interface Directive {
  scope: 'line' | 'file';
  /** Line the directive applies to (scope 'line'). */
  target: number;
  /** Named rules with their offsets; empty = every rule. */
  rules: Array<{ name: string; start: number; end: number; used: boolean }>;
  start: number;
  end: number;
  usedAny: boolean;
}

const DIRECTIVE = /#[ \t]*rsp-lint-disable(-next-line)?(?=[ \t]|$)([^\r\n]*)/gm;

export function findDirectives(parsed: ParsedText): Directive[] {
  const { text, lines } = parsed;
  if (!text.includes('rsp-lint-disable')) return [];
  const scalars = parsed.doc ? scalarSpans(parsed.doc.contents as Node | null) : [];
  const out: Directive[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const at = m.index!;
    if (at > 0 && !/\s/.test(text[at - 1]!)) continue; // '#' inside a word is not a comment
    if (insideScalar(scalars, at)) continue;
    const line = lines.position(at).line;
    let body = m[2]!;
    const reason = body.search(/(^|[ \t])--([ \t]|$)/);
    if (reason !== -1) body = body.slice(0, reason);
    const bodyStart = at + m[0].length - m[2]!.length;
    const rules: Directive['rules'] = [];
    for (const r of body.matchAll(/[A-Za-z0-9_-]+/g)) rules.push({ name: r[0], start: bodyStart + r.index!, end: bodyStart + r.index! + r[0].length, used: false });
    out.push({ scope: m[1] ? 'line' : 'file', target: m[1] ? nextContentLine(parsed, line) : -1, rules, start: at, end: at + m[0].length, usedAny: false });
  }
  return out;
}

function nextContentLine(parsed: ParsedText, line: number): number {
  const { text, lines } = parsed;
  for (let l = line + 1; l < lines.lineCount; l++) {
    const s = text.slice(lines.lineStart(l), lines.lineEnd(l)).trim();
    if (s !== '' && !s.startsWith('#')) return l;
  }
  return line + 1;
}

/** Sorted, non-overlapping spans of every scalar (keys and values) in the tree. */
function scalarSpans(root: Node | null): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const n = stack.pop();
    if (isScalar(n) && n.range) out.push([n.range[0], n.range[1]]);
    else if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) stack.push(...n.items);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function insideScalar(spans: Array<[number, number]>, at: number): boolean {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (at < s) hi = mid - 1;
    else if (at >= e) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Whether a finding of `rule` on `line` is silenced; marks the directive used. */
export function isSuppressed(directives: Directive[], rule: string, line: number): boolean {
  let hit = false;
  for (const d of directives) {
    if (d.scope === 'line' && d.target !== line) continue;
    if (d.rules.length === 0) { d.usedAny = true; hit = true; continue; }
    for (const r of d.rules) if (r.name === rule) { r.used = true; d.usedAny = true; hit = true; }
  }
  return hit;
}

export interface Unused { start: number; end: number; message: string }

export function unusedDirectives(directives: Directive[]): Unused[] {
  const out: Unused[] = [];
  for (const d of directives) {
    const where = d.scope === 'line' ? 'on the next line' : 'in this file';
    if (d.rules.length === 0) {
      if (!d.usedAny) out.push({ start: d.start, end: d.end, message: `this suppression silences nothing ${where}; remove it` });
      continue;
    }
    for (const r of d.rules) {
      if (!RULES_BY_ID.has(r.name)) {
        out.push({ start: r.start, end: r.end, message: `unknown rule '${r.name}' in a suppression comment${didYouMean(closest(r.name, RULES_BY_ID.keys()))}` });
      } else if (!r.used) {
        out.push({ start: r.start, end: r.end, message: `'${r.name}' reports nothing ${where}; remove it from this suppression` });
      }
    }
  }
  return out;
}
