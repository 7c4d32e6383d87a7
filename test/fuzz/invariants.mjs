// Invariants every analysis and every editor feature must keep, whatever the input.

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
/** Rules that may appear on a document whose YAML is unusable (syntax error, resource limit). */
const PIPELINE_RULES = new Set(['yaml-syntax', 'resource-limit', 'unused-suppression', 'config']);

/**
 * Line starts as an LSP client counts them: '\n', '\r\n' and a lone '\r' all end a line
 * (LSP spec, "Text Documents"; YAML 1.2 too). Columns are UTF-16 code units.
 * `{ cr: false }`: only '\n' ends a line.
 */
export class LspLines {
  constructor(text, { cr = true } = {}) {
    this.text = text;
    this.cr = cr;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && cr) { if (text.charCodeAt(i + 1) === 10) i++; starts.push(i + 1); }
    }
    this.starts = starts;
  }
  get lineCount() { return this.starts.length; }
  /** Length of a line without its line break. */
  lineLength(line) {
    const s = this.starts[line];
    let e = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    if (e > s && this.text.charCodeAt(e - 1) === 10) {
      e--;
      if (e > s && this.text.charCodeAt(e - 1) === 13) e--; // '\r\n'
    } else if (this.cr && e > s && this.text.charCodeAt(e - 1) === 13) e--; // a lone '\r' ends a line only for LSP
    return e - s;
  }
  position(offset) {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (this.starts[mid] <= o) lo = mid; else hi = mid - 1; }
    return { line: lo, character: o - this.starts[lo] };
  }
  offset(pos) {
    if (pos.line >= this.starts.length) return this.text.length;
    return this.starts[pos.line] + Math.min(pos.character, this.lineLength(pos.line));
  }
  validPosition(p) {
    return !!p && Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < this.starts.length &&
      p.character >= 0 && p.character <= this.lineLength(p.line);
  }
}

const cmp = (a, b) => a.line - b.line || a.character - b.character;
const same = (a, b) => a.line === b.line && a.character === b.character;

/** Whether a text has a '\r' that is not followed by '\n' (a line break for LSP clients and YAML). */
export const hasLoneCr = (text) => /\r(?!\n)/.test(text);

/**
 * Problems with one document's findings. `opts`: { known (Set of rule ids), documented (Set of
 * rule ids with a docs page), blocking, maxFindings, noRanges }.
 * Returns [{ invariant, rule, detail }].
 */
export function checkFindings(findings, text, opts) {
  const out = [];
  const bad = (invariant, f, detail) => out.push({ invariant, rule: f?.rule, detail });
  // Positions as LSP clients and YAML count them: \r\n, \n and a lone \r end a line.
  const lines = new LspLines(text);
  if (!Array.isArray(findings)) { bad('findings-not-an-array', undefined, typeof findings); return out; }
  for (const f of findings) {
    if (!opts.known.has(f.rule)) bad('unknown-rule', f, `rule '${f.rule}' is not registered`);
    else if (opts.documented && !opts.documented.has(f.rule)) bad('rule-without-docs', f, `no docs/rules/${f.rule}.md`);
    if (f.rule === 'internal-error') bad('internal-error', f, f.message);
    if (!SEVERITIES.has(f.severity)) bad('bad-severity', f, String(f.severity));
    if (typeof f.message !== 'string' || !f.message.trim()) bad('empty-message', f, JSON.stringify(f.message));
    if (opts.noRanges) continue;
    const r = f.range;
    if (!r || !lines.validPosition(r.start) || !lines.validPosition(r.end)) {
      bad('range-outside-document', f, `${JSON.stringify(r)} in a document of ${lines.lineCount} lines`);
    } else if (cmp(r.start, r.end) > 0) {
      bad('range-reversed', f, JSON.stringify(r));
    }
    const o = f.offsets;
    if (!Array.isArray(o) || !Number.isInteger(o[0]) || !Number.isInteger(o[1]) || o[0] < 0 || o[0] > o[1] || o[1] > text.length) {
      bad('offsets-outside-document', f, `${JSON.stringify(o)} in a text of ${text.length}`);
    } else if (r && !(o[0] === 0 && o[1] === 0)) {
      // A finding's range is the LSP range of its offsets.
      const s = lines.position(o[0]), e = lines.position(o[1]);
      if (!same(s, r.start) || !same(e, r.end)) {
        bad(hasLoneCr(text) ? 'lone-cr-not-a-line-break' : 'range-not-position-of-offsets', f, `offsets ${JSON.stringify(o)} are ${JSON.stringify({ start: s, end: e })} for an LSP client, reported ${JSON.stringify(r)}`);
      }
    }
    for (const fix of f.fixes ?? []) {
      if (typeof fix.title !== 'string' || !Array.isArray(fix.edits)) { bad('bad-fix', f, JSON.stringify(fix)); continue; }
      for (const e of fix.edits) if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= text.length && typeof e.newText === 'string')) bad('fix-edit-outside-document', f, JSON.stringify(e));
    }
  }
  if (opts.blocking) {
    for (const f of findings) if (!PIPELINE_RULES.has(f.rule)) { bad('rules-ran-on-unusable-document', f, `'${f.rule}' on a document with a syntax error or over a limit`); break; }
  }
  if (opts.maxFindings !== undefined && findings.length > opts.maxFindings + 1) bad('findings-cap-exceeded', undefined, `${findings.length} findings, cap ${opts.maxFindings}`);
  return out;
}

/** An [start, end] offset span within a text of length n. */
export function spanOk(start, end, n) {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= n;
}

/** Problems with an LSP range against the client's view of the text. */
export function checkLspRange(range, lines) {
  if (!range || !lines.validPosition(range.start) || !lines.validPosition(range.end)) return `range ${JSON.stringify(range)} outside a document of ${lines.lineCount} lines`;
  if (cmp(range.start, range.end) > 0) return `reversed range ${JSON.stringify(range)}`;
  return undefined;
}
