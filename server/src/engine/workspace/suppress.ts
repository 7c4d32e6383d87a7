/**
 * Suppression comments (spec §7):
 *   # rsp-lint-disable-next-line rule[, rule]   the next line (comment and blank lines skipped)
 *   # rsp-lint-disable rule[, rule]             the whole file
 * Text after ` -- ` is a reason. A directive that silences nothing is itself a finding.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ParsedText } from '../syntax/parse';
import { RULES_BY_ID } from '../rules';
import { closest, didYouMean } from '../model/suggest';

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
  const root = parsed.doc ? (parsed.doc.contents as Node | null) : null;
  const out: Directive[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const at = m.index!;
    if (at > 0 && !/\s/.test(text[at - 1]!)) continue; // '#' inside a word is not a comment
    if (insideScalar(root, at)) continue;
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

/**
 * Whether offset `at` lies inside a scalar (a '#' there is text, not a comment): a descent
 * from the root through the one child whose span holds `at`, by binary search over the
 * children (which yaml keeps in text order), so a directive costs O(depth · log width).
 */
function insideScalar(root: Node | null, at: number): boolean {
  let n: unknown = root;
  for (let guard = 0; n && guard < 10_000; guard++) {
    if (isScalar(n)) return !!n.range && at >= n.range[0] && at < n.range[1];
    let kids: unknown[];
    if (isMap(n)) {
      const i = lastStartingBefore(n.items, (p) => (p.key as Node | null)?.range?.[0] ?? (p.value as Node | null)?.range?.[0], at);
      if (i < 0) return false;
      kids = [n.items[i]!.key, n.items[i]!.value];
    } else if (isSeq(n)) {
      const i = lastStartingBefore(n.items, (x) => (x as Node | null)?.range?.[0], at);
      if (i < 0) return false;
      kids = [n.items[i]];
    } else return false;
    n = kids.find((k) => { const r = (k as Node | null)?.range; return !!r && at >= r[0] && at < r[1]; });
  }
  return false;
}

/** Index of the last item starting at or before `at` (items without offsets are skipped). */
function lastStartingBefore<T>(items: readonly T[], startOf: (x: T) => number | undefined, at: number): number {
  let lo = 0, hi = items.length - 1, best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    let m = mid;
    let s = startOf(items[m]!);
    while (s === undefined && m > lo) s = startOf(items[--m]!);
    if (s === undefined || s <= at) { if (s !== undefined) best = m; lo = mid + 1; } else hi = m - 1;
  }
  return best;
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
