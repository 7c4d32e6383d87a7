/** Applying fixes to a text: non-overlapping edits, one fix per finding. */
import type { Edit, Finding } from '../types';

/**
 * The text with the safe fixes of `findings` applied (fixes that overlap an earlier one are
 * left for a later pass), and how many were applied.
 */
export function applySafeFixes(text: string, findings: Finding[]): { text: string; applied: number } {
  const edits: Edit[] = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.safe);
    if (fix) edits.push(...fix.edits.map((e) => ({ ...e })));
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  let lastEnd = -1;
  for (const e of edits) {
    if (e.start < lastEnd || (e.start === lastEnd && kept.length && kept[kept.length - 1]!.start === e.start)) continue;
    kept.push(e);
    lastEnd = e.end;
  }
  let out = '';
  let at = 0;
  for (const e of kept) { out += text.slice(at, e.start) + e.newText; at = e.end; }
  out += text.slice(at);
  return { text: out, applied: kept.length };
}
