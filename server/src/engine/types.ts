// Core types of the analysis engine. Nothing here knows about LSP or terminals:
// positions follow the LSP convention (0-based line, UTF-16 character) only because
// JavaScript strings are UTF-16, which makes that convention free.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOrOff = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export type DocKind = 'policy' | 'roadmap' | 'risk-report' | 'profile';
export const DOC_KINDS: readonly DocKind[] = ['policy', 'roadmap', 'risk-report', 'profile'];

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** A text edit in offsets of the document it belongs to. */
export interface Edit { start: number; end: number; newText: string }

export interface Fix {
  title: string;
  edits: Edit[];
  /** Safe fixes may be applied without review (`--fix`); others are offered in the editor only. */
  safe: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Offsets of `range` in the document text. */
  offsets: [number, number];
  fixes?: Fix[];
}

/** A path into the YAML data: mapping keys and sequence indices. */
export type DataPath = ReadonlyArray<string | number>;
