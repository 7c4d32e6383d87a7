/**
 * yaml's errors → `yaml-syntax` findings a policy writer can act on: one finding per mistake, in
 * plain words, on the smallest span that shows it.
 *
 * yaml reports a mistake as it meets it, in the words of its parser (`seq-item-ind`, "implicit
 * key", "YAML stream") and often several times: once where the structure breaks and again for
 * every token of the rest of the line or block. Here each error is moved onto the text it is
 * about (never a blank or comment line), at most one is kept per line (the one that explains
 * most), the errors inside the block of a line already reported are dropped as its follow-ons,
 * and the message comes from a table by yaml's error code: what is wrong at that place and how
 * to fix it, quoting the document's text shortened and made safe.
 *
 * Only the text decides the result (not how it was parsed), so a text parsed in pieces gets the
 * findings of one whole parse as long as the pieces give yaml's errors of one whole parse.
 */
import type { LineIndex } from './text';

/** One error or warning as yaml reports it (offsets in the whole text). */
export interface RawError { code: string; message: string; start: number; end: number }

export interface SyntaxFinding { message: string; start: number; end: number }

/** Most syntax findings per document; one more finding counts the rest. */
export const MAX_SYNTAX_FINDINGS = 100;

/**
 * The findings for yaml's errors of one text. `warnings`: yaml's warnings, which are never
 * follow-ons of an error and are only reworded and placed.
 */
export function syntaxFindings(raw: readonly RawError[], text: string, lines: LineIndex, warnings = false): SyntaxFinding[] {
  // yaml reports a value followed by a line indented further twice: as a nested mapping and as a multi-line key.
  const nested = new Set(raw.filter((e) => e.code === 'BLOCK_AS_IMPLICIT_KEY' && /Nested mappings/.test(e.message)).map((e) => e.start));
  const placed = raw.filter((e) => !(e.code === 'MULTILINE_IMPLICIT_KEY' && nested.has(e.start)))
    .map((e) => place(e, text, lines)).filter((p): p is Placed => !!p);
  placed.sort((a, b) => a.line - b.line || a.rank - b.rank || a.start - b.start || a.order - b.order);
  const out: SyntaxFinding[] = [];
  let lastLine = -1;
  let blockEnd = -1; // the follow-ons of the last finding: lines before this one
  let shown = 0, more = 0;
  for (const p of placed) {
    if (p.line === lastLine) continue; // one finding per line: the first is the most telling
    if (!warnings && p.line < blockEnd) continue;
    lastLine = p.line;
    if (!warnings) {
      blockEnd = blockAfter(p.line, lines, text);
      // An unclosed bracket also takes the next line with it.
      if (p.code === 'MISSING_CHAR' && /must end with|sufficiently indented/.test(p.message) || p.code === 'BAD_INDENT' && /sufficiently indented/.test(p.message)) blockEnd = Math.max(blockEnd, nextContentLine(p.line, lines, text) + 1);
    }
    if (shown >= MAX_SYNTAX_FINDINGS) { more++; continue; }
    shown++;
    out.push({ message: messageFor(p.code, p.message, text, p.start, p.end, lines), start: p.start, end: p.end });
  }
  if (more) out.push({ message: `${more} more syntax ${more === 1 ? 'mistake is' : 'mistakes are'} not shown; fix the ones above first`, start: 0, end: Math.min(lines.lineEnd(0), text.length) });
  return out;
}

interface Placed { code: string; message: string; start: number; end: number; line: number; rank: number; order: number }

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff;

/** The error moved onto the text it is about, its range cut to the smallest span on one line. */
function place(e: RawError, text: string, lines: LineIndex): Placed | undefined {
  const size = text.length;
  let at = Math.max(0, Math.min(e.start, size));
  if (e.code === 'TAB_AS_INDENT') {
    const { line } = lines.position(at);
    return { code: e.code, message: e.message, start: at, end: Math.min(Math.max(e.end, at + 1), lines.lineEnd(line)), line, rank: 0, order: e.start };
  }
  let code = e.code;
  if (code === 'MISSING_CHAR' && /closing ['"]quote/.test(e.message)) {
    // yaml reports where the text ends (often the end of the document): the opening quote shows the mistake.
    const open = openingQuote(text, at, e.message.includes('"') ? '"' : "'");
    if (open >= 0) {
      const { line } = lines.position(open);
      return { code, message: e.message, start: open, end: Math.min(tokenEnd(text, open, lines.lineEnd(line)), open + 40), line, rank: 1, order: e.start };
    }
  }
  if ((code === 'MISSING_CHAR' || code === 'BAD_INDENT') && /must end with|sufficiently indented/.test(e.message)) {
    // yaml reports where the brackets should have closed: the opening bracket shows the mistake.
    const open = openingBracket(text, lines, at, /mapping|\}/.test(e.message) ? '{' : '[', /mapping|\}/.test(e.message) ? '}' : ']');
    if (open >= 0) {
      const { line } = lines.position(open);
      return { code, message: e.message, start: open, end: open + 1, line, rank: 1, order: e.start };
    }
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY' && /Nested mappings/.test(e.message)) {
    const { line } = lines.position(at);
    if (!/:(\s|$)/.test(text.slice(at, lines.lineEnd(line)))) {
      // `key: value` and a next line indented further: that line is the mistake.
      for (let l = line + 1; l < lines.lineCount; l++) {
        const ls = lines.lineStart(l), le = lines.lineEnd(l);
        const i = ls + indentOf(text, ls, le);
        if (i < le && text.charCodeAt(i) !== 35) { at = i; code = 'INDENTED_UNDER_VALUE'; break; }
      }
    }
  }
  // Off blank lines, spaces and comment lines (yaml may report a block where its comments start).
  for (;;) {
    while (at < size && isSpace(text.charCodeAt(at))) at++;
    if (at < size && text.charCodeAt(at) === 35 && (at === 0 || isSpace(text.charCodeAt(at - 1)))) {
      const { line } = lines.position(at);
      const ls = lines.lineStart(line);
      if (text.slice(ls, at).trim() === '') { at = lines.lineEnd(line); continue; }
    }
    break;
  }
  if (at >= size) {
    // At the end of the text (an unclosed quote or bracket): the last character of the text.
    at = size;
    while (at > 0 && isSpace(text.charCodeAt(at - 1))) at--;
    if (at === 0) return undefined;
    at--;
  }
  const { line } = lines.position(at);
  const lineEnd = lines.lineEnd(line);
  // The range depends only on where the mistake is (yaml's own ranges depend on where it saw an
  // entry start, which a comment above can move): an indicator alone, else the word there.
  let end = INDICATORS.includes(text.charAt(at)) ? Math.min(at + 1, lineEnd) : tokenEnd(text, at, lineEnd);
  // Trailing spaces are not part of the mistake.
  while (end > at + 1 && isSpace(text.charCodeAt(end - 1))) end--;
  if (code === 'INDENTED_UNDER_VALUE') end = lineEnd;
  return { code, message: e.message, start: at, end: Math.max(end, Math.min(at + 1, lineEnd)), line, rank: rankOf(code, e.message), order: e.start };
}

/** The quote that opens the unclosed text ending at `end`: the last one before it that the text does not escape. */
function openingQuote(text: string, end: number, q: string): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== q) continue;
    if (q === '"') {
      let b = 0;
      while (i - 1 - b >= 0 && text[i - 1 - b] === '\\') b++;
      if (b % 2) continue;
      return i;
    }
    if (i > 0 && text[i - 1] === "'") { i--; continue; } // '' is a quote inside the text
    return i;
  }
  return -1;
}

const INDICATORS = '[]{},:#"\'|>-?&*!%@`';

/** The bracket that opens the unclosed flow collection yaml gave up on at `at` (comments skipped). */
function openingBracket(text: string, lines: LineIndex, at: number, open: string, close: string): number {
  let depth = 0;
  const first = lines.position(Math.min(at, text.length)).line;
  for (let l = first; l >= 0; l--) {
    const ls = lines.lineStart(l);
    let le = l === first ? Math.min(at, lines.lineEnd(l)) : lines.lineEnd(l);
    const hash = /(^|[ \t])#/.exec(text.slice(ls, le));
    if (hash) le = ls + hash.index + hash[1].length;
    for (let i = le - 1; i >= ls; i--) {
      const c = text[i];
      if (c === close) depth++;
      else if (c === open) { if (depth === 0) return i; depth--; }
    }
  }
  return -1;
}

function tokenEnd(text: string, at: number, lineEnd: number): number {
  let i = at;
  while (i < lineEnd && !isSpace(text.charCodeAt(i))) i++;
  return Math.max(i, Math.min(at + 1, lineEnd));
}

/** Which of several errors on one line explains the mistake best (lower first). */
function rankOf(code: string, message: string): number {
  switch (code) {
    case 'TAB_AS_INDENT': return 0;
    case 'UNEXPECTED_TOKEN': if (/same line with key/.test(message)) return 0; return 5;
    case 'INDENTED_UNDER_VALUE': return 1;
    case 'BLOCK_AS_IMPLICIT_KEY': return 1;
    case 'MISSING_CHAR': return /quote|must end with/.test(message) ? 1 : /followed by map values/.test(message) ? 4 : 2;
    case 'BAD_INDENT': case 'BAD_SCALAR_START': case 'BAD_DQ_ESCAPE': return 2;
    case 'MULTILINE_IMPLICIT_KEY': return 3;
    default: return 3;
  }
}

/** The last line (exclusive) of the block that starts at `line`: the lines after it indented further (blank and comment lines do not end it). */
function blockAfter(line: number, lines: LineIndex, text: string): number {
  const indent = indentOf(text, lines.lineStart(line), lines.lineEnd(line));
  // A list item's entries are indented past its '-': the block of `- name:` is what is indented more than the '-'.
  let l = line + 1;
  for (; l < lines.lineCount; l++) {
    const s = lines.lineStart(l), e = lines.lineEnd(l);
    const i = indentOf(text, s, e);
    if (s + i >= e || text.charCodeAt(s + i) === 35) continue; // blank or comment
    if (i <= indent) break;
  }
  return l;
}

function nextContentLine(line: number, lines: LineIndex, text: string): number {
  for (let l = line + 1; l < lines.lineCount; l++) {
    const s = lines.lineStart(l), e = lines.lineEnd(l);
    const i = s + indentOf(text, s, e);
    if (i < e && text.charCodeAt(i) !== 35) return l;
  }
  return lines.lineCount;
}

function indentOf(text: string, s: number, e: number): number {
  let i = s;
  while (i < e && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i - s;
}

// ---------------------------------------------------------------------------------------------
// Messages

/** Document text for a message: one line, no control or direction characters, at most `max` characters. */
export function quoteText(s: string, max = 40): string {
  // eslint-disable-next-line no-control-regex
  let t = s.replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFF]+/g, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') // lone surrogates
    .replace(/\s+/g, ' ').trim();
  if ([...t].length > max) t = `${[...t].slice(0, max - 1).join('').trimEnd()}…`;
  return `'${t}'`;
}

function lineOf(text: string, at: number, lines: LineIndex): string {
  const { line } = lines.position(at);
  return text.slice(lines.lineStart(line), lines.lineEnd(line));
}

function unclosed(ymsg: string): string {
  const [open, close] = /mapping|\}/.test(ymsg) ? ['{', '}'] : ['[', ']'];
  return `the '${open}' opened here is never closed; add the closing '${close}' at the end of its value (a value continued on the next lines must be indented past its key)`;
}

/** What the policy writer reads for one of yaml's errors. */
export function messageFor(code: string, ymsg: string, text: string, start: number, end: number, lines: LineIndex): string {
  const line = lineOf(text, start, lines).trim();
  const here = quoteText(text.slice(start, Math.max(end, start + 1)));
  const ln = quoteText(line);
  const ch = text.charAt(start);
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used to indent this line; YAML indents with spaces only: replace the tab with spaces';
    case 'INDENTED_UNDER_VALUE':
      return `${ln} is indented further than the key above it, so it reads as part of that key's value; indent it exactly as far as the key above`;
    case 'BAD_INDENT':
      if (/^[ ]*\t/.test(lineOf(text, start, lines)) || text.charAt(start) === '\t') return 'a tab is used to indent this line; YAML indents with spaces only: replace the tab with spaces';
      if (/mapping items must start at the same column/.test(ymsg)) return `${ln} is not lined up with the keys above it; indent it exactly as far as the other keys of its block`;
      if (/sequence items must start at the same column/.test(ymsg)) return `the list item ${ln} is not lined up with the items above it; start every '-' of a list in the same column`;
      if (/Block scalar|block scalar/.test(ymsg)) return `this line of a multi-line text (after '|' or '>') is indented less than the text's first line; indent every line of the text at least as far`;
      if (/Flow|flow/.test(ymsg) && /indented/.test(ymsg)) return unclosed(ymsg);
      return `${ln} is indented wrongly for where it stands; line it up with the entries it belongs to`;
    case 'MISSING_CHAR':
      if (/closing "quote/.test(ymsg)) return 'a text opened with " is never closed; add the closing " at the end of the value';
      if (/closing 'quote/.test(ymsg)) return "a text opened with ' is never closed; add the closing ' at the end of the value (write '' for a quote inside it)";
      if (/followed by map values/.test(ymsg)) return `${ln} has no ':' after its key; write it as 'key: value', or indent it to continue the value above`;
      if (/Comments must be separated/.test(ymsg)) return "a '#' directly after a value does not start a comment; put a space before the '#' (or quote the value if the '#' belongs to it)";
      if (/Missing , or : between|Missing , between/.test(ymsg)) return `two entries inside '[…]' or '{…}' have no comma between them at ${here}; separate them with ', '`;
      if (/Missing space after :/.test(ymsg)) return `a ':' inside '{…}' needs a space after it at ${here}; write 'key: value'`;
      if (/must end with a/.test(ymsg)) return unclosed(ymsg);
      if (/Tags and anchors must be separated/.test(ymsg)) return `${here} needs a space after it; RSP documents need no anchors or tags: better remove it`;
      if (/Sequence item without - indicator/.test(ymsg)) return `${ln} is indented less than the keys above it but lines up with nothing before; indent it as far as the other keys of its block (or start it with '- ' if it is a new list item)`;
      if (/more-indented leading empty lines/.test(ymsg)) return "the first lines of this multi-line text (after '|' or '>') are blank but indented further than its text; remove the spaces on those blank lines";
      if (/directives-end|doc-start/.test(ymsg)) return "a '%' directive line must be followed by a '---' line; RSP documents need no directives: remove the line";
      if (/Missing newline after block sequence props/.test(ymsg)) return `the list that follows ${here} must start on the next line`;
      break;
    case 'MULTILINE_IMPLICIT_KEY':
      return `${ln} reads as a key that runs over several lines; a key and its ':' must be on one line: add the missing ':' or indent the line under the key it belongs to`;
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/sequence/.test(ymsg)) return `the list item ${ln} stands where a key belongs; a list must be the value of a key: indent it under its key (e.g. 'people:' then '  - name: …') or remove it`;
      if (/:(\s|$)/.test(text.slice(start, lines.lineEnd(lines.position(start).line)))) return `${ln} has a second 'key:' on the same line; put each key on its own line, or quote the value if its ':' belongs to the text`;
      return `the line after ${ln} is indented further than that line's key, so it reads as part of the value ${quoteText(text.slice(start, tokenEnd(text, start, lines.lineEnd(lines.position(start).line))))}; indent it exactly as far as that key`;
    case 'BAD_SCALAR_START':
      if (ch === '%' && start === lines.lineStart(lines.position(start).line)) return `${ln} is a directive, which RSP documents do not use; remove the line`;
      return `a value cannot start with '${ch === "'" ? "\\'" : quoteText(ch).slice(1, -1)}' unless it is quoted; put the value in quotes ("…")`;
    case 'BAD_DQ_ESCAPE':
      return `${here} is not a valid escape inside "…"; write \\\\ for a backslash, or use single quotes`;
    case 'BAD_ALIAS': case 'ALIAS_PROPS': case 'MULTIPLE_ANCHORS': case 'BAD_PROP_ORDER':
      return `${here} is not a valid anchor ('&name') or alias ('*name'); RSP documents need neither: write the value out`;
    case 'MULTIPLE_TAGS': case 'TAG_RESOLVE_FAILED': case 'BAD_COLLECTION_TYPE':
      return `${here}: RSP documents use no tags ('!…'); remove it`;
    case 'BLOCK_IN_FLOW':
      return `a '- ' list or a 'key:' on its own line cannot stand inside '[…]' or '{…}'; close the brackets first, or write the whole list without them`;
    case 'KEY_OVER_1024_CHARS':
      return "this key is over 1,024 characters long, or its ':' is missing; keys are short names followed by ':'";
    case 'MULTIPLE_DOCS':
      return "a file holds one RSP document; remove the '---' separator or move the rest to its own file";
    case 'BAD_DIRECTIVE':
      return `${ln} is a directive, which RSP documents do not use; remove the line`;
    case 'DUPLICATE_KEY':
      return `${here} appears twice in this mapping; a key may appear once: merge the two or rename one`;
    case 'NON_STRING_KEY':
      return 'keys in RSP documents are plain names; write the key as text (e.g. `name:`)';
    case 'UNEXPECTED_TOKEN':
      if (/same line with key/.test(ymsg)) return `a list cannot start on the line of its key: ${ln}; put each '- ' item on its own line below the key, indented further`;
      if (/Block scalar header includes extra characters/.test(ymsg) || /[|>][-+0-9]*[ ]+$/.test(text.slice(lines.lineStart(lines.position(start).line), start))) return `after '|' or '>' only '-', '+' or a digit may follow on the same line: ${ln}; start the text on the next line`;
      if (/Unexpected , in|Unexpected empty item/.test(ymsg)) return `a ',' without an entry before it inside '[…]' or '{…}'; remove the extra ','`;
      if (/flow-seq-end|flow-map-end|Unexpected [\]}]/.test(ymsg) || ch === ']' || ch === '}') return `a closing '${ch === '}' ? '}' : ']'}' without its opening bracket; remove it, or add the opening one`;
      if (/flow-error-end/.test(ymsg)) return `a '[' or '{' opened on this line is not closed; close it on the same line or indent its continued lines`;
      if (/seq-item-ind/.test(ymsg) || (ch === '-' && /^- /.test(text.slice(start, start + 2)))) return `the list item ${ln} cannot stand here; indent it under the key whose list it belongs to, or line it up with the other items`;
      if (/doc-start|doc-end/.test(ymsg)) return "a '---' or '...' line ends the document here; RSP documents have one document per file: remove the line";
      if (/map-value-ind/.test(ymsg) || ch === ':') return `${ln}: a ':' where no key can start; check the indentation of this line and that the key before ':' is on the same line`;
      if (/["']\s*$/.test(text.slice(lines.lineStart(lines.position(start).line), start))) return `text after the closing quote: ${here}; put the whole value inside the quotes`;
      return `${here} cannot stand here; check the indentation of this line and the ':' after its key`;
    default:
      break;
  }
  return `YAML cannot read ${ln} here; check its indentation, the ':' after the key and any quotes or brackets`;
}
