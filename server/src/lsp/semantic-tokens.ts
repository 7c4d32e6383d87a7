/** The LSP integer encoding of semantic tokens (relative line, relative start, length, type, modifiers). */
import type { SemanticToken } from '../engine/features/semantic-tokens';
import type { LineIndex } from '../engine/syntax/text';

/** Tokens (sorted, one line each) as LSP data; with `range` (offsets), only those that overlap it. */
export function encodeSemanticTokens(tokens: readonly SemanticToken[], lines: LineIndex, range?: [number, number]): number[] {
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const t of tokens) {
    if (range && (t.end < range[0] || t.start > range[1])) continue;
    const p = lines.position(t.start);
    data.push(p.line - line, p.line === line ? p.character - char : p.character, t.end - t.start, t.type, t.modifiers);
    line = p.line;
    char = p.character;
  }
  return data;
}
