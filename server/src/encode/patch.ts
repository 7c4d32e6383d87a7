/**
 * Unified diffs (`--fix-dry-run`, `migrate`): a patch stays applicable, but no file name or
 * document line can start a new line of its own in a log (where a line beginning with `::` is a
 * CI workflow command). File names with special characters are quoted as git quotes them (C-style
 * escapes inside double quotes, which `git apply` reads); a carriage return inside a line — which a
 * log reader takes as a line break — is written as the two characters `\r`.
 */
const SPECIAL = /[\u0000-\u001f\u007f"\\\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const NAMED: Record<string, string> = { '\u0007': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/** A path for a `---`/`+++` header: as it is, or git-quoted when it holds a special character. */
export function patchPath(p: string): string {
  if (!SPECIAL.test(p)) return p;
  let out = '"';
  for (const c of p) {
    if (NAMED[c]) out += NAMED[c];
    else if (SPECIAL.test(c)) for (const b of new TextEncoder().encode(c)) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

/** A whole patch text with every carriage return that does not end a line made visible. */
export function patchText(patch: string): string {
  return patch.replace(/\r(?!\n)/g, '\\r');
}
