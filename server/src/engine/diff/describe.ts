/** A change in a reviewer's words, as plain text (faces escape it for their medium). */
import type { ItemChange } from './diff';

const KIND_NAME: Record<ItemChange['kind'], string> = {
  threshold: 'threshold', safeguard: 'safeguard', evaluation: 'evaluation', standard: 'standard', commitment: 'commitment',
  goal: 'goal', scale: 'scale', governance: 'governance', policy: 'part',
};

/** A value shortened to one line: strings as they are, lists and mappings as compact JSON. */
export function shortValue(v: unknown, max = 60): string {
  let s: string;
  if (v === null || v === undefined) s = '(none)';
  else if (typeof v === 'string') s = v;
  else if (v instanceof Date) s = v.toISOString().slice(0, 10);
  else if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) s = `[${v.join(', ')}]`;
  else { try { s = JSON.stringify(v) ?? String(v); } catch { s = String(v); } }
  s = s.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** What was changed: "threshold CBRN-4" or, for a part without id, "governance.review". */
export function subjectOf(c: ItemChange): string {
  return c.kind === 'policy' || c.id.includes('.') || c.id === c.kind ? c.id : `${KIND_NAME[c.kind]} ${c.id}`;
}

/** How it changed: "removed", "renamed from X", "track: unilateral → recommendation". */
export function whatOf(c: ItemChange): string {
  if (c.change === 'added') return 'added';
  if (c.change === 'removed') return 'removed';
  if (c.change === 'renamed') return `renamed from ${shortValue(c.old)}`;
  const field = c.field === null ? '' : `${c.field}: `;
  if (c.old === null) return `${field}set to ${shortValue(c.new)}`;
  if (c.new === null) return `${field}removed (was ${shortValue(c.old)})`;
  if (typeof c.old === 'string' && typeof c.new === 'string' && (c.old.length > 60 || c.new.length > 60)) {
    // Long texts: show where they start to differ.
    let p = 0;
    while (p < c.old.length && p < c.new.length && c.old[p] === c.new[p]) p++;
    const from = Math.max(0, c.old.lastIndexOf(' ', Math.max(0, p - 12)) + 1);
    if (from > 10) return `${field}…${shortValue(c.old.slice(from))} → …${shortValue(c.new.slice(from))}`;
  }
  return `${field}${shortValue(c.old)} → ${shortValue(c.new)}`;
}

/** The change log's reason for an explained weakening, on one line (its whitespace collapsed). */
export function reasonOf(c: ItemChange): string | undefined {
  const r = c.explained ? c.reason?.replace(/\s+/g, ' ').trim() : undefined;
  return r || undefined;
}
