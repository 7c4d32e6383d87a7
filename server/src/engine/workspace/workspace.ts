/**
 * The workspace: loads documents through a Host (or from editor buffers), caches their
 * parse and model, resolves the policy a roadmap or report links to, and runs the rules.
 * One code path for the CLI and the language server.
 */
import { EMPTY_CONFIG, parseConfig, type ResolvedConfig } from './config';
import { localToday } from '../model/dates';
import { decodeBytes } from '../syntax/decode';
import type { Host, ReadFailure } from './host';
import { CONFIG_FILE, CONFIG_FILE_YML, isConfigName, suffixKind } from '../model/kinds';
import { locate, rootSpan } from '../syntax/locate';
import { obj, policyModel, profileModel, reportModel, roadmapModel, type Model } from '../model/model';
import { SegmentCache, parseYaml, type ParsedText } from '../syntax/parse';
import { LineIndex } from '../syntax/text';
import { CHECKS, RULES_BY_ID } from '../rules';
import type { DocLink, PolicyLink, Report, RuleContext } from '../rules/rule';
import { closest, didYouMean, quoteList } from '../model/suggest';
import { findDirectives, isSuppressed, unusedDirectives } from './suppress';
import { DOC_KINDS, SEVERITIES, type DocKind, type Finding, type Fix } from '../types';

export interface LoadedDoc {
  path: string;
  config: ResolvedConfig;
  /** Set when the file could not be read at all. */
  readError?: { reason: ReadFailure; message: string; firstLineLength?: number };
  /** Set when the bytes are not text (binary, invalid UTF-8). */
  decodeError?: { message: string; line: number; column: number };
  parsed?: ParsedText;
  /** Effective kind: the declared `kind` when valid, else the one the file name promises. */
  kind?: DocKind;
  model?: Model;
}

export interface WorkspaceOptions {
  /** YYYY-MM-DD; defaults to the local date at each analysis. */
  today?: string;
  /** Per-rule severity overrides that win over configuration files (editor settings). */
  severityOverrides?: ReadonlyMap<string, Finding['severity'] | 'off'>;
  /**
   * Keep the parsed pieces of editor buffers, so that an edit re-parses only what it changed
   * (the language server). Results are the same either way.
   */
  incremental?: boolean;
  /** Texts at least this long are parsed in pieces (tests lower it to exercise that path). */
  segmentMinBytes?: number;
}

interface RawFinding { rule: string; message: string; start: number; end: number; fixes?: Fix[]; severity?: Finding['severity'] }

export class Workspace {
  private readonly overlays = new Map<string, string>();
  private readonly docs = new Map<string, LoadedDoc>();
  private readonly configsByDir = new Map<string, ResolvedConfig>();
  private readonly lastGood = new Map<string, Model>();
  private readonly lineCache = new Map<string, { text: string; lines: LineIndex }>();
  private readonly pieces = new Map<string, SegmentCache>();
  /** Policy path → documents that link to it (for re-checking dependents). */
  readonly dependents = new Map<string, Set<string>>();

  constructor(readonly host: Host, readonly options: WorkspaceOptions = {}) {}

  /** Text from an editor buffer wins over the file on disk. */
  setText(path: string, text: string): void { this.overlays.set(path, text); this.invalidate(path); }
  clearText(path: string): void {
    this.overlays.delete(path);
    this.lineCache.delete(path);
    this.pieces.delete(path);
    this.lastGood.delete(path);
    this.invalidate(path);
    this.forgetLinks(path);
  }

  /** Forgets a checked document unless it is a policy (others may link to it). */
  release(path: string): void {
    const d = this.docs.get(path);
    if (!d || d.model?.kind === 'policy' || this.overlays.has(path)) return;
    this.docs.delete(path);
    this.lastGood.delete(path);
    this.pieces.delete(path);
    this.forgetLinks(path);
  }

  /** Drops `path` from the dependents of every policy (a closed or deleted document). */
  forgetLinks(path: string): void {
    for (const [policy, set] of this.dependents) {
      set.delete(path);
      if (set.size === 0) this.dependents.delete(policy);
    }
  }
  hasText(path: string): boolean { return this.overlays.has(path); }

  invalidate(path: string): void {
    this.docs.delete(path);
    if (isConfigName(path)) { this.configsByDir.clear(); this.docs.clear(); }
  }

  /** The configuration in force for a document: the nearest .rsp-lint.yaml (or .rsp-lint.yml) above it. */
  configFor(path: string): ResolvedConfig {
    const chain: string[] = [];
    let dir = this.host.dirname(path);
    let found: ResolvedConfig | undefined;
    for (;;) {
      const cached = this.configsByDir.get(dir);
      if (cached) { found = cached; break; }
      chain.push(dir);
      let file = this.host.resolve(dir, CONFIG_FILE);
      let text = this.readText(file, 1024 * 1024);
      const yml = this.host.resolve(dir, CONFIG_FILE_YML);
      if (text.ok) {
        found = parseConfig(file, text.text);
        if (this.readText(yml, 1024 * 1024).ok) {
          found.findings.unshift({ rule: 'config', severity: 'warning', message: `this folder also has ${CONFIG_FILE_YML}, which is not used: ${CONFIG_FILE} wins; keep one of them`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, offsets: [0, 0] });
        }
        break;
      }
      if (text.reason === 'missing') {
        file = yml;
        text = this.readText(file, 1024 * 1024);
        if (text.ok) { found = parseConfig(file, text.text); break; }
      }
      if (text.reason !== 'missing') {
        found = { ...EMPTY_CONFIG, path: file, findings: [{ rule: 'config', severity: 'error', message: `configuration not used: ${text.message}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, offsets: [0, 0] }] };
        break;
      }
      const up = this.host.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    const result = found ?? EMPTY_CONFIG;
    for (const d of chain) this.configsByDir.set(d, result);
    return result;
  }

  /** Configuration files met so far, with their own findings. */
  configs(): ResolvedConfig[] {
    return [...new Set(this.configsByDir.values())].filter((c) => c.path);
  }

  private readText(path: string, maxBytes: number): { ok: true; text: string } | { ok: false; reason: ReadFailure | 'decode'; message: string; line?: number; column?: number; head?: Uint8Array } {
    const o = this.overlays.get(path);
    if (o !== undefined) return { ok: true, text: o };
    const r = this.host.readFile(path, maxBytes);
    if (!r.ok) return r;
    const d = decodeBytes(r.bytes);
    if (!d.ok) return { ok: false, reason: 'decode', message: d.message, line: d.line, column: d.column };
    return { ok: true, text: d.text };
  }

  /** How many pieces the last parse of an editor buffer parsed and reused (incremental mode). */
  piecesOf(path: string): { parsed: number; reused: number } | undefined { return this.pieces.get(path)?.stats; }

  /** Documents loaded so far (open, checked or linked). */
  loadedDocs(): IterableIterator<LoadedDoc> { return this.docs.values(); }

  load(path: string): LoadedDoc {
    const hit = this.docs.get(path);
    if (hit) return hit;
    const config = this.configFor(path);
    const doc: LoadedDoc = { path, config };
    const r = this.readText(path, config.limits.maxFileBytes);
    if (!r.ok) {
      if (r.reason === 'decode') doc.decodeError = { message: r.message, line: r.line ?? 0, column: r.column ?? 0 };
      else {
        doc.readError = { reason: r.reason, message: r.message };
        if (r.head) doc.readError.firstLineLength = new TextDecoder().decode(r.head).split(/\r?\n/)[0]!.length;
      }
    } else {
      let cache: SegmentCache | undefined;
      if (this.options.incremental && this.overlays.has(path)) {
        cache = this.pieces.get(path);
        if (!cache) this.pieces.set(path, (cache = new SegmentCache()));
      }
      const parsed = parseYaml(r.text, config.limits, { cache, segmentMinBytes: this.options.segmentMinBytes });
      doc.parsed = parsed;
      const data = obj(parsed.data);
      const declared = data?.kind;
      doc.kind = typeof declared === 'string' && (DOC_KINDS as readonly string[]).includes(declared) ? (declared as DocKind) : suffixKind(path);
      if (!parsed.blocking && data && doc.kind) {
        doc.model = doc.kind === 'policy' ? policyModel(data) : doc.kind === 'roadmap' ? roadmapModel(data) : doc.kind === 'profile' ? profileModel(data) : reportModel(data);
        this.lastGood.set(path, doc.model);
      }
    }
    this.docs.set(path, doc);
    return doc;
  }

  /**
   * The last model built for a path, without parsing: editors keep using it while the text is
   * being typed (and does not parse, or is not parsed yet).
   */
  lastGoodModel(path: string): Model | undefined {
    // Parse only when no model was ever built for this path (e.g. asked before its first analysis).
    return this.docs.get(path)?.model ?? this.lastGood.get(path) ?? this.load(path).model;
  }

  /** The current text of a document (editor buffer or file) and its line index, without parsing it. */
  textOf(path: string): { text: string; lines: LineIndex } | undefined {
    const o = this.overlays.get(path);
    if (o === undefined) { const p = this.load(path).parsed; return p ? { text: p.text, lines: p.lines } : undefined; }
    let c = this.lineCache.get(path);
    if (!c || c.text !== o) { c = { text: o, lines: this.docs.get(path)?.parsed?.text === o ? this.docs.get(path)!.parsed!.lines : new LineIndex(o) }; this.lineCache.set(path, c); }
    return c;
  }

  /** The policy a roadmap or report links to through its `policy:` path. */
  policyLink(doc: Pick<LoadedDoc, 'path' | 'model'>): PolicyLink {
    const m = doc.model ?? this.lastGood.get(doc.path);
    if (!m || m.kind === 'policy' || m.kind === 'profile' || m.policyRef === undefined) return { state: 'none' };
    const ref = m.policyRef;
    const target = this.host.resolve(this.host.dirname(doc.path), ref);
    let set = this.dependents.get(target);
    if (!set) this.dependents.set(target, (set = new Set()));
    set.add(doc.path);
    const broken = (message: string): PolicyLink => ({ state: 'broken', path: ref, message });
    if (target === doc.path) return broken(`policy '${ref}' is this file itself; name the policy file this ${m.kind === 'roadmap' ? 'roadmap' : 'report'} belongs to`);
    const p = this.load(target);
    if (p.readError) {
      const why = p.readError.reason === 'missing' ? `policy file '${ref}' does not exist (looked for ${this.host.display(target)})` : `policy '${ref}' cannot be used: ${p.readError.message}`;
      return broken(why);
    }
    if (p.decodeError) return broken(`policy '${ref}' cannot be used: ${p.decodeError.message}`);
    if (!p.parsed || p.parsed.blocking) {
      const first = p.parsed?.problems[0];
      const line = first ? ` (line ${p.parsed!.lines.position(first.start).line + 1}: ${first.message})` : '';
      return broken(`policy '${ref}' cannot be read as YAML${line}; fix it first`);
    }
    if (p.kind !== 'policy' || !p.model || p.model.kind !== 'policy') {
      return broken(`'${ref}' is ${p.kind ? `a ${p.kind === 'risk-report' ? 'risk report' : p.kind}` : 'not an RSP document'}, not a policy`);
    }
    return { state: 'ok', path: ref, model: p.model };
  }

  /**
   * Another document a document links to by a relative path (a v2 report's `roadmap:` and
   * `previous:`), which must be of `kind`; the link is remembered so that an edit of the target
   * re-checks the document.
   */
  link(from: string, ref: string, kind: DocKind): DocLink {
    const target = this.host.resolve(this.host.dirname(from), ref);
    let set = this.dependents.get(target);
    if (!set) this.dependents.set(target, (set = new Set()));
    set.add(from);
    const name = kind === 'risk-report' ? 'risk report' : kind;
    if (target === from) return { state: 'broken', message: `'${ref}' is this file itself; name the ${name} it means` };
    const d = this.load(target);
    if (d.readError) return { state: 'broken', message: d.readError.reason === 'missing' ? `${name} file '${ref}' does not exist (looked for ${this.host.display(target)})` : `${name} '${ref}' cannot be used: ${d.readError.message}` };
    if (d.decodeError) return { state: 'broken', message: `${name} '${ref}' cannot be used: ${d.decodeError.message}` };
    if (!d.parsed || d.parsed.blocking || !d.model) return { state: 'broken', message: `${name} '${ref}' cannot be read as YAML; fix it first` };
    if (d.model.kind !== kind) return { state: 'broken', message: `'${ref}' is ${d.kind ? `a ${d.kind === 'risk-report' ? 'risk report' : d.kind}` : 'not an RSP document'}, not a ${name}` };
    return { state: 'ok', path: target, model: d.model };
  }

  /** All findings for one document, after configuration and suppression comments. */
  analyze(path: string): Finding[] {
    const doc = this.load(path);
    const { config } = doc;
    const raw: RawFinding[] = [];
    if (doc.readError) {
      if (doc.readError.reason !== 'too-large') return [];
      const severity = this.severity('resource-limit', config);
      if (severity === 'off') return [];
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: Math.max(1, doc.readError.firstLineLength ?? 1) } };
      return [{ rule: 'resource-limit', severity, message: `${doc.readError.message}; it was not analysed (raise limits.max_file_bytes in .rsp-lint.yaml if this is intended)`, range, offsets: [0, 0] }];
    } else if (doc.decodeError) {
      const e = doc.decodeError;
      const severity = this.severity('yaml-syntax', config);
      if (severity === 'off') return [];
      const range = { start: { line: e.line, character: e.column }, end: { line: e.line, character: e.column + 1 } };
      return [{ rule: 'yaml-syntax', severity, message: e.message, range, offsets: [0, 0] }];
    } else {
      const parsed = doc.parsed!;
      for (const p of parsed.problems) raw.push({ rule: p.rule, message: p.message, start: p.start, end: p.end });
      if (!parsed.blocking) this.runRules(doc, raw);
    }
    return this.finish(this.resolve(raw, doc), config);
  }

  private runRules(doc: LoadedDoc, raw: RawFinding[]): void {
    const parsed = doc.parsed!;
    const pdoc = parsed.doc!;
    const data = obj(parsed.data);
    const root = rootSpan(pdoc);
    if (!doc.kind || !data || !doc.model) {
      raw.push({ rule: 'schema', message: envelopeMessage(parsed.data), start: root[0], end: root[1] });
      return;
    }
    const policy = this.policyLink(doc);
    const today = this.options.today ?? localToday();
    for (const rule of CHECKS) {
      if (!rule.appliesTo.includes(doc.kind)) continue;
      if (this.severity(rule.id, doc.config) === 'off') continue;
      const ctx: RuleContext = {
        path: doc.path, kind: doc.kind, parsed, data, model: doc.model, policy, today,
        link: (ref, kind) => this.link(doc.path, ref, kind),
        offsets: (p, at) => locate(pdoc, p, at),
        report: (r: Report) => {
          const [start, end] = locate(pdoc, r.path, r.at);
          const fixes: Fix[] = [];
          if (r.replacement !== undefined) fixes.push({ title: `Replace with '${r.replacement}'`, edits: [{ start, end, newText: r.replacement }], safe: true });
          if (r.fix) fixes.push(r.fix);
          raw.push({ rule: rule.id, message: r.message, start, end, ...(fixes.length ? { fixes } : {}), ...(r.severity ? { severity: r.severity } : {}) });
        },
      };
      try {
        rule.check(ctx);
      } catch (e) {
        raw.push({ rule: 'internal-error', message: `rule '${rule.id}' failed on this document (${(e as Error)?.message ?? String(e)}); the other rules still ran — please report this with the document`, start: root[0], end: root[1] });
      }
    }
  }

  severity(rule: string, config: ResolvedConfig): Finding['severity'] | 'off' {
    return this.options.severityOverrides?.get(rule) ?? config.rules.get(rule) ?? RULES_BY_ID.get(rule)?.severity ?? 'error';
  }

  /** Severity from configuration, then suppression comments, then unused suppressions. */
  private resolve(raw: RawFinding[], doc: LoadedDoc): Finding[] {
    const parsed = doc.parsed;
    const lines = parsed?.lines;
    const directives = parsed ? findDirectives(parsed) : [];
    const out: Finding[] = [];
    const make = (r: RawFinding, severity: Finding['severity']): Finding => {
      let { start, end } = r;
      if (parsed) {
        const t = parsed.text;
        // Never between the '\r' and '\n' of a line break: that is no position in the editor.
        if (t[start - 1] === '\r' && t[start] === '\n') start--;
        if (t[end - 1] === '\r' && t[end] === '\n') end--;
        if (end < start) end = start;
        // A zero-width finding is widened to one character, but never over a line break.
        if (end === start && start < t.length && t[start] !== '\n' && t[start] !== '\r') end = start + 1;
      }
      const range = lines ? lines.range(start, end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return { rule: r.rule, severity, message: r.message, range, offsets: [start, end], ...(r.fixes ? { fixes: r.fixes } : {}) };
    };
    for (const r of raw) {
      let sev = this.severity(r.rule, doc.config);
      if (sev === 'off') continue;
      if (r.severity && SEVERITIES.indexOf(r.severity) < SEVERITIES.indexOf(sev)) sev = r.severity;
      const f = make(r, sev);
      if (directives.length && isSuppressed(directives, r.rule, f.range.start.line)) continue;
      out.push(f);
    }
    const unusedSev = this.severity('unused-suppression', doc.config);
    // While the text does not parse (a YAML mistake), the rules did not run: every suppression would
    // look unused, and that is a follow-on of the mistake, not a finding of its own.
    const rulesRan = !!doc.parsed && !doc.parsed.blocking;
    if (unusedSev !== 'off' && rulesRan) for (const u of unusedDirectives(directives)) out.push(make({ rule: 'unused-suppression', ...u }, unusedSev));
    return out;
  }

  private finish(findings: Finding[], config: ResolvedConfig): Finding[] {
    findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
    const max = config.limits.maxFindingsPerFile;
    if (findings.length > max) {
      const dropped = findings.length - max;
      findings = findings.slice(0, max);
      findings.push({ rule: 'resource-limit', severity: 'error', message: `${dropped} more finding${dropped === 1 ? '' : 's'} not shown (over limits.max_findings_per_file = ${max})`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, offsets: [0, 0] });
    }
    return findings;
  }
}

function envelopeMessage(data: unknown): string {
  const o = obj(data);
  if (!o) return `an RSP document is a mapping with 'format: rsp/v1' and 'kind: …' at the top${data === null || data === undefined ? '; this one is empty' : ''}`;
  const kind = o.kind;
  if (kind === undefined) return `the document lacks the required field 'kind'; expected one of ${quoteList(DOC_KINDS)} (or name the file *.rsp.yaml, *.roadmap.yaml, *.risk-report.yaml or *.profile.yaml)`;
  return `${typeof kind === 'string' ? `'${kind}'` : 'this'} is not a valid kind; expected one of ${quoteList(DOC_KINDS)}${typeof kind === 'string' ? didYouMean(closest(kind, DOC_KINDS)) : ''}`;
}
