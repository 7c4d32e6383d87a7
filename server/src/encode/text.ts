/**
 * The characters no output may carry from a document as they are: controls (C0, DEL, C1), line
 * and paragraph separators, bidirectional overrides and isolates, lone surrogates. Every
 * medium's encoder starts from `visible`, which writes them as escapes a reader can see.
 */

/** C0 and C1 controls, DEL, U+2028/2029, bidi marks, embeddings, overrides and isolates. */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Whether `s` holds a character that `visible` would rewrite. */
export function hasHidden(s: string): boolean {
  HIDDEN.lastIndex = 0;
  const found = HIDDEN.test(s);
  HIDDEN.lastIndex = 0;
  return found;
}

/**
 * `s` on one line with every hidden character written as a visible escape: `\n`, `\r`, `\t`,
 * `\x1b`, `\u202e`, `\ud800`. Everything else is kept as it is.
 */
export function visible(s: unknown): string {
  return String(s ?? '').replace(HIDDEN, escapeOne);
}

/** `s` without lone surrogates (each becomes U+FFFD), for media that need well-formed text. */
export function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** At most `max` characters of `s` (cut at a character boundary, marked with an ellipsis). */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = max - 1;
  if (/[\ud800-\udbff]/.test(s[cut - 1] ?? '')) cut--;
  return `${s.slice(0, cut)}…`;
}
