/**
 * Markdown (hovers, completion documentation, pull-request comments, the Markdown report).
 *
 * Markdown is built only as `Markdown` values: the `md` template tag keeps its literal parts
 * (ours) and escapes every interpolated string (document text), so that text can never become
 * markup, HTML, a link, an image, an autolink (`https://…`, `www.…`, e-mail), a mention or a
 * new block. Links are made only by `mdLink`, to URLs the tool itself chooses (its docs, file
 * positions).
 */
import { visible, wellFormed } from './text';

export class Markdown {
  private constructor(readonly value: string) {}
  /** Markdown the tool wrote itself (never document text). */
  static trusted(value: string): Markdown { return new Markdown(value); }
  toString(): string { return this.value; }
}

type Part = Markdown | string | number | boolean | null | undefined | readonly Markdown[];

/**
 * Escapes document text for inline Markdown (also inside a table cell and at the start of a
 * line), keeping ordinary text readable in the Markdown source: one line; `\` and the characters
 * that make emphasis, code, links, images, tables, strike-through, headings and math
 * (`` ` * _ [ ] | ~ # $ ``) backslash-escaped; `&`, `<`, `>` as entities (no HTML, no `<…>`
 * autolinks); a list marker or heading underline at the start escaped; and a zero-width space
 * where renderers would make links by themselves: `scheme://`, `www.`, `@` (e-mail addresses
 * and mentions).
 */
export function mdText(s: unknown): string {
  return wellFormed(visible(s))
    .replace(/[\\`*_[\]|~#$]/g, '\\$&')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)([-=])(?=\2*\s*$)/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/:\/\//g, '\\:\u200b//')
    .replace(/(w)(ww)\./gi, '$1\u200b$2\\.')
    .replace(/@/g, '@\u200b');
}

/** Document text as inline code: a fence longer than any run of backticks in it, one line
 *  (not for table cells, where a `|` would still end the cell). */
export function mdCodeText(s: unknown): string {
  const text = wellFormed(visible(s));
  const longest = (text.match(/`+/g) ?? []).reduce((m, r) => Math.max(m, r.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim()) ? ' ' : '';
  return text === '' ? '` `' : `${fence}${pad}${text}${pad}${fence}`;
}

function part(v: Part): string {
  if (v instanceof Markdown) return v.value;
  if (Array.isArray(v)) return v.map((x: Markdown) => x.value).join('');
  if (v === undefined || v === null) return '';
  return mdText(v);
}

/** Template tag: literal parts as written, interpolated values escaped unless `Markdown`. */
export function md(strings: TemplateStringsArray, ...values: Part[]): Markdown {
  let out = strings[0] ?? '';
  values.forEach((v, i) => { out += part(v) + (strings[i + 1] ?? ''); });
  return Markdown.trusted(out);
}

/** Inline code of document text. */
export function mdCode(s: unknown): Markdown { return Markdown.trusted(mdCodeText(s)); }

export function mdJoin(parts: ReadonlyArray<Markdown | string>, separator = ''): Markdown {
  return Markdown.trusted(parts.map((p) => (p instanceof Markdown ? p.value : mdText(p))).join(separator));
}

/** A link whose target the tool chose (its own docs or a file position); the label is escaped. */
export function mdLink(label: Markdown | string, url: string): Markdown {
  const target = url.replace(/[()<>\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return Markdown.trusted(`[${part(label)}](${target})`);
}
