import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate to `value`, if it is close enough to be what the writer meant:
 * same text but for case, separators or a few typos.
 */
export function closest(value: string, candidatesIn: Iterable<string>): string | undefined {
  const candidates = [...candidatesIn];
  const norm = (s: string) => s.toLowerCase().replace(/[\s_.-]/g, '');
  const nv = norm(value);
  let best: string | undefined;
  let bestScore = Infinity;
  let tie = false;
  for (const c of new Set(candidates)) {
    if (c === value) return undefined;
    const score = norm(c) === nv ? 0 : distance(value.toLowerCase(), c.toLowerCase());
    if (score < bestScore) { best = c; bestScore = score; tie = false; }
    else if (score === bestScore) tie = true;
  }
  // Two equally close candidates: no clear suggestion.
  if (best === undefined || tie) {
    best = undefined;
  } else {
    const limit = Math.max(1, Math.min(3, Math.floor(Math.max(value.length, best.length) / 3)));
    if (bestScore <= limit) return best;
  }
  // An abbreviation ('warn' for 'warning'): one candidate that starts with what was typed.
  if (value.length >= 3) {
    const starts = [...new Set(candidates)].filter((c) => c.toLowerCase().startsWith(value.toLowerCase()));
    if (starts.length === 1) return starts[0];
  }
  return undefined;
}

export function didYouMean(s: string | undefined): string {
  return s === undefined ? '' : `; did you mean '${s}'?`;
}

export function quoteList(values: readonly unknown[], max = 12): string {
  const shown = values.slice(0, max).map((v) => `'${String(v)}'`).join(', ');
  return values.length > max ? `${shown}, … (${values.length} in all)` : shown;
}
