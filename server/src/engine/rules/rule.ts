/** What a rule is: metadata (id, default severity, description) and, for most, a check. */
import type { Anchor } from '../syntax/locate';
import type { Model, PolicyModel } from '../model/model';
import type { ParsedText } from '../syntax/parse';
import type { DataPath, DocKind, Edit, Severity } from '../types';

export interface RuleMeta {
  id: string;
  severity: Severity;
  /** One sentence: what the rule flags. */
  description: string;
  /** Document kinds it checks; 'config' for .rsp-lint.yaml; empty for engine-emitted rules. */
  appliesTo: ReadonlyArray<DocKind | 'config'>;
}

/** A document linked by a relative path, or why it could not be used. */
export type DocLink = { state: 'ok'; path: string; model: Model } | { state: 'broken'; message: string };

/** The policy a roadmap or risk report links to, or why it could not be used. */
export type PolicyLink =
  | { state: 'ok'; path: string; model: PolicyModel }
  | { state: 'broken'; path: string; message: string }
  | { state: 'none' };

export interface Report {
  path: DataPath;
  at: Anchor;
  message: string;
  /** Replace the reported node with this text (one clear suggestion): offered as a fix. */
  replacement?: string;
  /** A severity this finding asks for (a profile requirement's): raises the rule's, never lowers it. */
  severity?: Severity;
  /** Extra edits offered as a fix, e.g. inserting a placeholder; with a title. */
  fix?: { title: string; edits: Edit[]; safe: boolean };
}

export interface RuleContext {
  readonly path: string;
  readonly kind: DocKind;
  readonly parsed: ParsedText;
  readonly data: Record<string, unknown>;
  readonly model: Model;
  /** For roadmaps and risk reports. */
  readonly policy: PolicyLink;
  /** YYYY-MM-DD */
  readonly today: string;
  /** Another document this one links to by a relative path, of the kind expected. */
  link(ref: string, kind: DocKind): DocLink;
  report(r: Report): void;
  /** Offsets of a node, for rules that build their own edits. */
  offsets(path: DataPath, at: Anchor): [number, number];
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}
