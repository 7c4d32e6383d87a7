import type { Position, Range } from '../types';

/** Maps offsets to LSP positions and back, in O(log lines). */
export class LineIndex {
  /** Offset where each line starts, and where its content ends (before its line break). */
  private readonly starts: number[];
  private readonly ends: number[];
  constructor(readonly text: string) {
    // Line breaks as YAML and LSP count them: \r\n, \n, and a lone \r.
    const starts = [0];
    const ends: number[] = [];
    if (!text.includes('\r')) {
      // The common case, with indexOf (much faster than a regular expression over the text).
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) { ends.push(i); starts.push(i + 1); }
    } else {
      const re = /\r\n?|\n/g;
      for (let m = re.exec(text); m; m = re.exec(text)) { ends.push(m.index); starts.push(m.index + m[0].length); }
    }
    ends.push(text.length);
    this.starts = starts;
    this.ends = ends;
  }
  get lineCount(): number { return this.starts.length; }
  lineStart(line: number): number { return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!; }
  lineEnd(line: number): number { return this.ends[Math.max(0, Math.min(line, this.ends.length - 1))]!; }
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }
  offset(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.lineStart(pos.line) + pos.character, this.lineEnd(pos.line));
  }
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
