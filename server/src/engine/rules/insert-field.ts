import type { DataPath, Edit } from '../types';
import type { RuleContext } from './rule';

/**
 * An edit that adds `key: value` to the block mapping at `itemPath`, on a new line after
 * the line of its `id`, at the same indentation. Undefined for flow mappings `{...}`.
 */
export function insertAfterId(ctx: RuleContext, itemPath: DataPath, key: string, value: string): Edit | undefined {
  const [idStart] = ctx.offsets([...itemPath, 'id'], 'key');
  const { text, lines } = ctx.parsed;
  const pos = lines.position(idStart);
  const before = text.slice(lines.lineStart(pos.line), idStart);
  if (!/^[ ]*(- )*[ ]*$/.test(before) || text.slice(idStart, idStart + 2) !== 'id') return undefined;
  const eol = lines.lineEnd(pos.line);
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: eol, end: eol, newText: `${nl}${' '.repeat(pos.character)}${key}: ${value}` };
}
