/**
 * The quick fix of `weakening-unexplained`: an edit that adds a `changes` item for an id under
 * the entry of the policy's own version, creating the entry (or the whole `changes` list) when
 * there is none. Text edits at the offsets of yaml's tree; undefined where `changes` is written
 * in a form the edit cannot extend safely (flow style, not a list).
 */
import { isMap, isSeq, type Node } from 'yaml';
import { arr, obj } from '../model/model';
import { walk } from '../syntax/locate';
import type { ParsedText } from '../syntax/parse';
import type { Edit } from '../types';

function column(parsed: ParsedText, offset: number): { lineStart: number; prefix: string } {
  const line = parsed.lines.position(offset).line;
  const lineStart = parsed.lines.lineStart(line);
  return { lineStart, prefix: parsed.text.slice(lineStart, offset) };
}

/** After the line on which `offset` lies (the start of the next line; the end of the text, with a line break first when needed). */
function nextLine(parsed: ParsedText, offset: number, nl: string): { at: number; lead: string } {
  const line = parsed.lines.position(Math.max(0, offset - 1)).line;
  if (line + 1 < parsed.lines.lineCount) return { at: parsed.lines.lineStart(line + 1), lead: '' };
  return { at: parsed.text.length, lead: parsed.text.length === 0 || /\r?\n$/.test(parsed.text) ? '' : nl };
}

export function explainEdit(parsed: ParsedText, version: string, ref: string, change: string, date: string): Edit | undefined {
  const data = obj(parsed.data);
  const doc = parsed.doc;
  if (!data || !doc || !obj(data.policy)) return undefined;
  const nl = parsed.text.includes('\r\n') ? '\r\n' : '\n';
  const q = (s: string) => JSON.stringify(s);
  const item = (pad: string, first: string) => `${first}ref: ${q(ref)}${nl}${pad}change: ${change}${nl}${pad}reason: TBD${nl}`;
  const changes = data.changes;
  if (changes === undefined) {
    const { at, lead } = nextLine(parsed, parsed.text.length, nl);
    return { start: at, end: at, newText: `${lead}${nl}changes:${nl}  - version: ${q(version)}${nl}    date: ${date}${nl}    summary: TBD${nl}    items:${nl}${item('        ', '      - ')}` };
  }
  const list = walk(doc, ['changes']).node as Node | undefined;
  if (!isSeq(list) || list.flow || !Array.isArray(changes)) return undefined;
  const index = arr(changes).findIndex((c) => { const v = obj(c)?.version; return (typeof v === 'number' ? String(v) : v) === version; });
  if (index < 0) {
    // A new entry, newest first: before the first entry, at its indentation.
    const first = list.items[0] as Node | undefined;
    if (!isMap(first) || first.flow || !first.range) return undefined;
    const { lineStart, prefix } = column(parsed, first.range[0]);
    if (!/^ *- +$/.test(prefix)) return undefined;
    const pad = ' '.repeat(prefix.length);
    return { start: lineStart, end: lineStart, newText: `${prefix}version: ${q(version)}${nl}${pad}date: ${date}${nl}${pad}summary: TBD${nl}${pad}items:${nl}${item(`${pad}    `, `${pad}  - `)}` };
  }
  const entry = list.items[index] as Node | undefined;
  if (!isMap(entry) || entry.flow || !entry.range) return undefined;
  const keyCol = column(parsed, entry.range[0]).prefix.length;
  const pad = ' '.repeat(keyCol);
  const items = walk(doc, ['changes', index, 'items']).node as Node | undefined;
  if (items === undefined || items === null) {
    if (obj(changes[index])?.items !== undefined) return undefined; // `items:` with no value: leave it to the writer
    const { at, lead } = nextLine(parsed, entry.range[1], nl);
    return { start: at, end: at, newText: `${lead}${pad}items:${nl}${item(`${pad}    `, `${pad}  - `)}` };
  }
  if (!isSeq(items) || items.flow) return undefined;
  const firstItem = items.items[0] as Node | undefined;
  if (!isMap(firstItem) || firstItem.flow || !firstItem.range) return undefined;
  const { lineStart, prefix } = column(parsed, firstItem.range[0]);
  if (!/^ *- +$/.test(prefix)) return undefined;
  return { start: lineStart, end: lineStart, newText: item(' '.repeat(prefix.length), prefix) };
}
