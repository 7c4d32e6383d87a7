/**
 * The language server: the engine behind vscode-languageserver. A thin adapter — every
 * answer comes from server/src/engine; this file converts offsets to LSP ranges and back,
 * schedules analysis, and tracks which files the workspace holds. What differs between Node
 * (node.ts) and a browser's web worker (browser.ts) — files, paths, docs links — is a Platform.
 */
import {
  CodeActionKind, CompletionItemKind, DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType,
  ResponseError, SymbolKind, TextDocumentSyncKind, TextDocuments,
  type CodeAction, type CompletionItem, type Connection, type Diagnostic, type DocumentSymbol, type InitializeResult,
  type Location, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isRealDate } from '../engine/model/dates';
import { actionsFor } from '../engine/features/actions';
import { migrateAction } from '../engine/features/migrate';
import { complete, type CompletionKind } from '../engine/features/complete';
import { hover } from '../engine/features/hover';
import { definition, prepareRename, references, rename, workspaceSymbols } from '../engine/features/navigate';
import { outline, type OutlineItem } from '../engine/features/outline';
import { semanticTokensIn, TOKEN_MODIFIERS, TOKEN_TYPES } from '../engine/features/semantic-tokens';
import { encodeSemanticTokens } from './semantic-tokens';
import { buildOverview } from '../engine/features/overview';
import { renderOverviewBody, renderOverviewHtml } from '../present/overview-html';
import { RENDER_DOCUMENT_REQUEST, renderDocumentFor } from './render-document';
import { reviewDocuments, type DocPair, type DocReview } from '../engine/diff/review';
import { summarize } from '../engine/diff/diff';
import { WEAKENING_RULE, weakeningFindings, type Explainer, type WeakeningFinding } from '../engine/diff/findings';
import { renderDiffBody, renderDiffHtml } from '../present/diff-html';
import { diffSummary } from '../present/diff-markdown';
import { localToday } from '../engine/model/dates';
import { isConfigName, isRspDocument, isYamlName } from '../engine/model/kinds';
import { RULES_BY_ID } from '../engine/rules';
import type { Edit, Finding, SeverityOrOff } from '../engine/types';
import { Workspace } from '../engine/workspace/workspace';
import type { Platform } from './platform';
import { terminalText } from '../encode';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};
const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property, enum: CompletionItemKind.EnumMember, id: CompletionItemKind.Reference, level: CompletionItemKind.Constant,
  goal: CompletionItemKind.Reference, date: CompletionItemKind.Value, value: CompletionItemKind.Value, file: CompletionItemKind.File,
};
const OUTLINE_KIND: Record<OutlineItem['kind'], SymbolKind> = {
  header: SymbolKind.Namespace, section: SymbolKind.Module, standard: SymbolKind.Class, safeguard: SymbolKind.Property,
  threshold: SymbolKind.Event, evaluation: SymbolKind.Method, commitment: SymbolKind.Interface, goal: SymbolKind.Object,
  milestone: SymbolKind.Field, assessment: SymbolKind.Event, status: SymbolKind.Property,
  scale: SymbolKind.Enum, level: SymbolKind.EnumMember, role: SymbolKind.Variable, decision: SymbolKind.Function,
  change: SymbolKind.Package, 'change-item': SymbolKind.Field, 'threat-model': SymbolKind.Struct, review: SymbolKind.Boolean,
  requirement: SymbolKind.Constant, part: SymbolKind.Object,
};
const SYMBOL_KIND: Record<string, SymbolKind> = {
  safeguard: SymbolKind.Property, threshold: SymbolKind.Event, evaluation: SymbolKind.Method, commitment: SymbolKind.Interface,
  level: SymbolKind.Class, goal: SymbolKind.Object,
};

export const OPEN_DOCS_COMMAND = 'rsp-lint.openRuleDocs';
export const OVERVIEW_REQUEST = 'rsp/overview';
/** The change review against a git ref: `{ uri?, base, label?, nonce? }` runs it (git), `{ refresh: true }` re-renders it. */
export const REVIEW_REQUEST = 'rsp/changeReview';
/** Refs to offer for a review: `{ uri? }` → `{ bases: [{ ref, label, detail }] }`. */
export const REVIEW_BASES_REQUEST = 'rsp/reviewBases';
/** The review's view was closed: its `weakening-unexplained` diagnostics go. */
export const REVIEW_CLOSE_NOTIFICATION = 'rsp/changeReviewClosed';
/** The code action kind of "Migrate this document to rsp/v2" (a source action: it is about the whole document). */
export const MIGRATE_KIND = 'source.rspLint.migrateToV2';
/** Bounds on the workspace scan at start-up. */
const MAX_WORKSPACE_FILES = 20_000;

interface Settings { rules?: Record<string, string>; today?: string }

export function startServer(connection: Connection, platform: Platform): void {
  const documents = new TextDocuments(TextDocument);
  const ws = new Workspace(platform.host, { incremental: true });
  platform.onRead?.((path) => ws.invalidate(path)); // what was loaded while it was being read is stale
  /** RSP documents on disk in the workspace folders (published even when not open). */
  const known = new Set<string>();
  const uris = new Map<string, string>();
  const docsHref = new Map<string, string>();
  let roots: string[] = [];
  let canWatch = false;
  let canConfigure = false;
  let canShowDocument = false;
  let canDisableActions = false;
  let canRefreshTokens = false;
  let hasFolders = false;

  const toPath = (uri: string): string => platform.toPath(uri);
  const toUri = (path: string): string => uris.get(path) ?? platform.toUri(path);
  const href = (rule: string): string => {
    let h = docsHref.get(rule);
    if (!h) { h = platform.docsHref(rule); docsHref.set(rule, h); }
    return h;
  };
  const rangeOf = (path: string, start: number, end: number) => {
    const lines = ws.textOf(path)?.lines;
    return lines ? lines.range(start, end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  };
  const offsetOf = (path: string, pos: { line: number; character: number }) => ws.textOf(path)?.lines.offset(pos) ?? 0;
  const textEdits = (path: string, edits: Edit[]): TextEdit[] => edits.map((e) => ({ range: rangeOf(path, e.start, e.end), newText: e.newText }));

  function diagnostic(f: Finding): Diagnostic {
    return {
      range: f.range, severity: SEVERITY[f.severity], code: f.rule, codeDescription: { href: href(f.rule) },
      source: 'rsp-lint', message: terminalText(f.message), // plain text: one visible line
    };
  }

  // ---- analysis scheduling: coalesce edits, analyse in the background, never block requests
  // Edits already received are coalesced (the analysis runs after the messages queued before
  // it); a document whose last analysis was slow waits a little longer for more keystrokes.
  const dirty = new Set<string>();
  const lastCost = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  function schedule(path: string, withDependents = true): void {
    dirty.add(path);
    if (withDependents) for (const d of ws.dependents.get(path) ?? []) dirty.add(d);
    if (!timer) {
      const cost = lastCost.get(path) ?? 0;
      timer = setTimeout(flush, cost > 40 ? Math.min(250, cost / 2) : 0);
    }
  }
  function flush(): void {
    timer = undefined;
    const started = Date.now();
    for (const path of dirty) {
      dirty.delete(path);
      const t0 = Date.now();
      publish(path);
      // The first analysis of a document parses it all; what counts is the cost of re-analysing.
      lastCost.set(path, lastCost.has(path) ? Date.now() - t0 : 0);
      if (Date.now() - started > 50 && dirty.size) { timer = setTimeout(flush, 0); return; } // let requests in
    }
  }
  function publish(path: string): void {
    const open = documents.get(toUri(path));
    if (isConfigName(path)) {
      const cfg = ws.configFor(platform.host.resolve(platform.host.dirname(path), 'x'));
      void connection.sendDiagnostics({ uri: toUri(path), diagnostics: cfg.path === path ? cfg.findings.map(diagnostic) : [] });
      return;
    }
    if (!open && !known.has(path)) { void connection.sendDiagnostics({ uri: toUri(path), diagnostics: [] }); return; }
    let findings: Finding[];
    try {
      findings = ws.analyze(path);
      // A host that reads files asynchronously (the web worker) may have started reading a
      // linked policy or a configuration: publish once everything this analysis needs is there.
      const loading = platform.loading?.();
      if (loading) { void loading.then(() => schedule(path, false)); return; }
    } catch (e) {
      connection.console.error(`rsp-lint: analysis of ${path} failed: ${(e as Error)?.stack ?? String(e)}`);
      findings = [{ rule: 'internal-error', severity: 'error', message: `the analysis failed (${(e as Error)?.message}); please report this with the document`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, offsets: [0, 0] }];
    }
    findings = findings.concat(weakeningsOf(path).map((w) => w.finding));
    void connection.sendDiagnostics({ uri: toUri(path), ...(open ? { version: open.version } : {}), diagnostics: findings.map(diagnostic) });
  }

  // ---- the change review against a git ref (git runs in the platform: Node only)
  let review: { pairs: DocPair[]; oldWs: Workspace; base: string; label: string; root: string } | undefined;
  const reviewPaths = () => new Set((review?.pairs ?? []).flatMap((p) => (p.newPath ? [p.newPath] : [])));
  /** The unexplained weakenings of one document, while a review is open: its findings and fixes. */
  function weakeningsOf(path: string): WeakeningFinding[] {
    const pair = review?.pairs.find((p) => p.newPath === path);
    if (!review || !pair) return [];
    try {
      const doc = ws.load(path);
      const severity = ws.severity(WEAKENING_RULE, doc.config);
      if (severity === 'off' || !doc.parsed || doc.parsed.blocking) return [];
      const [r] = reviewDocuments(review.oldWs, ws, [pair]);
      if (!r || r.error) return [];
      let explainer: Explainer | undefined;
      if (doc.model?.kind === 'policy') explainer = { path, parsed: doc.parsed, model: doc.model };
      else if (doc.model && doc.model.kind !== 'profile' && doc.model.policyRef !== undefined) {
        const target = platform.host.resolve(platform.host.dirname(path), doc.model.policyRef);
        const pd = ws.load(target);
        if (pd.model?.kind === 'policy' && pd.parsed && !pd.parsed.blocking) explainer = { path: target, parsed: pd.parsed, model: pd.model };
      }
      return weakeningFindings(r, doc.parsed, severity, review.label, explainer, ws.options.today);
    } catch (e) {
      connection.console.error(`rsp-lint: change review of ${path} failed: ${(e as Error)?.stack ?? String(e)}`);
      return [];
    }
  }
  function reviewPage(nonce: string | undefined): { html: string; body: string; summary: string; unexplained: number; base: string } {
    const r = review!;
    const reviews: DocReview[] = reviewDocuments(r.oldWs, ws, r.pairs);
    const opts = { mode: 'webview' as const, base: r.label, paths: (d: DocReview) => { const p = r.pairs.find((x) => x.display === d.display); return { ...(p?.newPath ? { new: p.newPath } : {}) }; } };
    return {
      html: renderDiffHtml(reviews, { ...opts, ...(nonce ? { nonce } : {}) }), body: renderDiffBody(reviews, opts),
      summary: diffSummary(reviews), unexplained: summarize(reviews.flatMap((x) => x.changes)).unexplained, base: r.label,
    };
  }
  /** The workspace folder a review covers: the one holding the document, else the first. */
  const reviewRoot = (uri: unknown): string | undefined => {
    const p = typeof uri === 'string' ? toPath(uri) : undefined;
    return (p && roots.find((r) => platform.isInside(p, r))) ?? roots[0] ?? (p ? platform.host.dirname(p) : undefined);
  };

  function isRspPath(path: string, text?: string): boolean {
    return isRspDocument(path, () => text ?? platform.sniff(path));
  }

  function applySettings(s: Settings | undefined): void {
    const overrides = new Map<string, Finding['severity'] | 'off'>();
    for (const [rule, sev] of Object.entries(s?.rules ?? {})) {
      if (RULES_BY_ID.has(rule) && ['off', 'error', 'warning', 'information', 'hint'].includes(sev)) overrides.set(rule, sev as SeverityOrOff);
    }
    ws.options.severityOverrides = overrides;
    ws.options.today = s?.today && isRealDate(s.today) ? s.today : undefined;
  }

  async function refreshSettings(): Promise<void> {
    if (!canConfigure) return;
    try {
      applySettings(await connection.workspace.getConfiguration({ section: 'rspLint' }) as Settings);
    } catch { /* a client without configuration: defaults */ }
  }

  async function scanWorkspace(): Promise<void> {
    for (const root of roots) {
      let found: { targets: string[]; configs: string[] };
      try { found = await platform.scan(root); } catch { continue; }
      for (const t of found.targets.slice(0, MAX_WORKSPACE_FILES)) { known.add(t); schedule(t, false); }
      for (const c of found.configs) schedule(c, false);
    }
  }

  connection.onInitialize((params): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as Settings;
    applySettings(init);
    roots = (params.workspaceFolders ?? []).map((f) => toPath(f.uri));
    if (!roots.length && params.rootUri) roots = [toPath(params.rootUri)];
    canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canConfigure = !!params.capabilities.workspace?.configuration;
    canShowDocument = !!params.capabilities.window?.showDocument?.support;
    canDisableActions = !!params.capabilities.textDocument?.codeAction?.disabledSupport;
    canRefreshTokens = !!params.capabilities.workspace?.semanticTokens?.refreshSupport;
    hasFolders = !!params.capabilities.workspace?.workspaceFolders;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '-', '[', ','], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'RSP' },
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true, range: true },
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, MIGRATE_KIND] },
        executeCommandProvider: { commands: [OPEN_DOCS_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'rsp-lint', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (hasFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        roots = roots.filter((r) => !e.removed.some((f) => toPath(f.uri) === r)).concat(e.added.map((f) => toPath(f.uri)));
        void scanWorkspace();
      });
    }
    if (canWatch) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
    }
    await refreshSettings();
    await scanWorkspace();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canConfigure) await refreshSettings();
    else applySettings((change.settings as { rspLint?: Settings } | undefined)?.rspLint);
    for (const p of [...known, ...openPaths()]) schedule(p, false);
  });


  function openPaths(): string[] { return documents.all().map((d) => toPath(d.uri)); }

  /** Editors may send any YAML file: only RSP documents (by name, language or content) are ours. */
  const isOurs = (d: TextDocument): boolean => d.languageId.startsWith('rsp-') || isRspPath(toPath(d.uri), d.getText().slice(0, 64 * 1024));
  const track = (d: TextDocument) => {
    const p = toPath(d.uri);
    if (!isOurs(d)) { if (ws.hasText(p)) { ws.clearText(p); void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] }); } return; }
    uris.set(p, d.uri);
    ws.setText(p, d.getText());
    schedule(p);
  };
  documents.onDidOpen((e) => track(e.document));
  documents.onDidChangeContent((e) => track(e.document));
  documents.onDidClose((e) => {
    const p = toPath(e.document.uri);
    ws.clearText(p);
    uris.delete(p);
    lastCost.delete(p);
    if (!known.has(p) || !platform.exists(p)) { known.delete(p); void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }); }
    else schedule(p);
    for (const d of ws.dependents.get(p) ?? []) schedule(d);
  });

  connection.onDidChangeWatchedFiles((e) => {
    for (const c of e.changes) {
      const p = toPath(c.uri);
      if (!isYamlName(p)) continue;
      platform.changed?.(p);
      if (ws.hasText(p)) continue; // the editor buffer wins over the file
      ws.invalidate(p);
      if (isConfigName(p)) { schedule(p, false); for (const k of [...known, ...openPaths()]) schedule(k, false); continue; }
      if (c.type === FileChangeType.Deleted) { known.delete(p); ws.forgetLinks(p); schedule(p); continue; }
      if (roots.some((r) => platform.isInside(p, r)) && !p.split(/[\\/]/).some((s) => s === 'node_modules' || s === '.git') && isRspPath(p)) known.add(p);
      schedule(p);
    }
  });

  // ---- requests: each answers from the engine on the current text
  const ready = (uri: string): string | undefined => {
    const p = toPath(uri);
    return ws.hasText(p) || known.has(p) ? p : undefined;
  };

  connection.onHover((params) => {
    const p = ready(params.textDocument.uri);
    if (!p) return null;
    const h = hover(ws, p, offsetOf(p, params.position));
    return h ? { contents: { kind: 'markdown', value: h.markdown.value }, range: rangeOf(p, h.start, h.end) } : null;
  });

  connection.onCompletion((params) => {
    const p = ready(params.textDocument.uri);
    if (!p) return null;
    const r = complete(ws, p, offsetOf(p, params.position), ws.options.today);
    if (!r) return null;
    const range = rangeOf(p, r.start, r.end);
    return {
      isIncomplete: false,
      items: r.items.map((i): CompletionItem => ({
        label: i.label, kind: COMPLETION_KIND[i.kind], ...(i.detail ? { detail: terminalText(i.detail) } : {}),
        ...(i.documentation?.value ? { documentation: { kind: 'markdown', value: i.documentation.value } } : {}),
        textEdit: { range, newText: i.insertText }, ...(i.sortText ? { sortText: i.sortText } : {}), filterText: i.label,
      })),
    };
  });

  const locations = (list: Array<{ path: string; start: number; end: number }>): Location[] =>
    list.map((l) => ({ uri: toUri(l.path), range: rangeOf(l.path, l.start, l.end) }));

  connection.onDefinition((params) => {
    const p = ready(params.textDocument.uri);
    return p ? locations(definition(ws, p, offsetOf(p, params.position))) : null;
  });

  connection.onReferences((params) => {
    const p = ready(params.textDocument.uri);
    return p ? locations(references(ws, p, offsetOf(p, params.position), params.context.includeDeclaration)) : null;
  });

  connection.onPrepareRename((params) => {
    const p = ready(params.textDocument.uri);
    if (!p) return null;
    const r = prepareRename(ws, p, offsetOf(p, params.position));
    if ('error' in r) throw new ResponseError(-32803, r.error);
    return { range: rangeOf(p, r.start, r.end), placeholder: r.placeholder };
  });

  connection.onRenameRequest((params): WorkspaceEdit | null => {
    const p = ready(params.textDocument.uri);
    if (!p) return null;
    const r = rename(ws, p, offsetOf(p, params.position), params.newName);
    if ('error' in r) throw new ResponseError(-32803, r.error);
    const changes: Record<string, TextEdit[]> = {};
    for (const [path, edits] of r.edits) changes[toUri(path)] = textEdits(path, edits);
    return { changes };
  });

  connection.onDocumentSymbol((params) => {
    const p = ready(params.textDocument.uri);
    if (!p) return null;
    const conv = (o: OutlineItem): DocumentSymbol => ({
      name: terminalText(o.name) || ' ', ...(o.detail ? { detail: terminalText(o.detail) } : {}), kind: OUTLINE_KIND[o.kind],
      range: rangeOf(p, o.start, o.end), selectionRange: rangeOf(p, o.selStart, o.selEnd), children: o.children.map(conv),
    });
    return outline(ws.load(p)).map(conv);
  });

  /** Semantic tokens: the levels, standards and thresholds the policy declares (none while the text does not parse). */
  const semanticData = (uri: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): { data: number[] } => {
    const p = ready(uri);
    if (!p) return { data: [] };
    try {
      const lines = ws.load(p).parsed?.lines;
      if (!lines) return { data: [] };
      return { data: encodeSemanticTokens(semanticTokensIn(ws, p), lines, range && [lines.offset(range.start), lines.offset(range.end)]) };
    } catch (e) {
      connection.console.error(`rsp-lint: semantic tokens of ${p} failed: ${(e as Error)?.stack ?? String(e)}`);
      return { data: [] };
    }
  };
  connection.languages.semanticTokens.on((params) => semanticData(params.textDocument.uri));
  connection.languages.semanticTokens.onRange((params) => semanticData(params.textDocument.uri, params.range));
  // A roadmap or report open beside its policy: when what the policy declares changes, its tokens do too.
  const vocabulary = new Map<string, string>();
  let vocabTimer: ReturnType<typeof setTimeout> | undefined;
  const vocabChanged = new Set<string>();
  const noteVocabulary = (e: { document: TextDocument }) => {
    if (!canRefreshTokens) return;
    vocabChanged.add(toPath(e.document.uri));
    if (vocabTimer) clearTimeout(vocabTimer);
    vocabTimer = setTimeout(() => {
      vocabTimer = undefined;
      let refresh = false;
      for (const p of vocabChanged) {
        const open = [...(ws.dependents.get(p) ?? [])].some((d) => documents.get(toUri(d)));
        const m = ws.hasText(p) ? ws.lastGoodModel(p) : undefined;
        if (m?.kind !== 'policy') continue;
        const sig = [m.scales.map((s) => `${s.id}:${s.levels.join(',')}`).join(';'), [...m.byLevel.keys()].join(','), m.thresholds.map((t) => t.id).join(',')].join('|');
        if (vocabulary.has(p) && vocabulary.get(p) !== sig && open) refresh = true;
        vocabulary.set(p, sig);
      }
      vocabChanged.clear();
      if (refresh) void connection.languages.semanticTokens.refresh().catch(() => {});
    }, 400);
  };
  documents.onDidOpen(noteVocabulary);
  documents.onDidChangeContent(noteVocabulary);
  documents.onDidClose((e) => vocabulary.delete(toPath(e.document.uri)));

  connection.onWorkspaceSymbol((params) =>
    workspaceSymbols(ws, params.query).map((s) => ({
      name: terminalText(s.name), kind: SYMBOL_KIND[s.kind] ?? SymbolKind.Key, location: { uri: toUri(s.path), range: rangeOf(s.path, s.start, s.end) },
      ...(s.container ? { containerName: s.container } : {}),
    })));

  connection.onCodeAction((params) => {
    const p = ready(params.textDocument.uri);
    if (!p) return null;
    const wanted = params.context.diagnostics.filter((d) => d.source === 'rsp-lint');
    const start = offsetOf(p, params.range.start);
    const end = offsetOf(p, params.range.end);
    const findings = ws.analyze(p).filter((f) => f.offsets[0] <= end && f.offsets[1] >= start &&
      (wanted.length === 0 || wanted.some((d) => d.code === f.rule && d.range.start.line === f.range.start.line && d.range.start.character === f.range.start.character)));
    const doc = ws.load(p);
    const out: CodeAction[] = [];
    for (const a of actionsFor(doc, findings)) {
      const diag = wanted.find((d) => d.code === a.finding.rule && d.range.start.line === a.finding.range.start.line) ?? diagnostic(a.finding);
      out.push({ title: terminalText(a.title), kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: { changes: { [params.textDocument.uri]: textEdits(p, a.edits) } }, ...(a.preferred ? { isPreferred: true } : {}) });
    }
    for (const w of review ? weakeningsOf(p) : []) {
      const f = w.finding;
      if (!(f.offsets[0] <= end && f.offsets[1] >= start) || !w.fix) continue;
      if (wanted.length && !wanted.some((d) => d.code === WEAKENING_RULE && d.range.start.line === f.range.start.line && d.range.start.character === f.range.start.character)) continue;
      const diag = wanted.find((d) => d.code === WEAKENING_RULE && d.range.start.line === f.range.start.line) ?? diagnostic(f);
      out.push({ title: terminalText(w.fix.title), kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: { changes: { [toUri(w.fix.path)]: textEdits(w.fix.path, [w.fix.edit]) } }, isPreferred: true });
      findings.push(f);
    }
    for (const rule of new Set(findings.map((f) => f.rule))) {
      out.push({ title: `Show documentation for ${rule}`, kind: CodeActionKind.QuickFix, command: { title: `Show documentation for ${rule}`, command: OPEN_DOCS_COMMAND, arguments: [rule] } });
    }
    // The whole document's migration, wherever the cursor is, when source actions are asked for.
    const only = params.context.only;
    if (!only || only.some((k) => MIGRATE_KIND === k || MIGRATE_KIND.startsWith(`${k}.`))) {
      const m = migrateAction(doc);
      if (m?.disabled) {
        if (canDisableActions) out.push({ title: m.title, kind: MIGRATE_KIND, disabled: { reason: terminalText(m.disabled) } });
      } else if (m) {
        out.push({ title: m.title, kind: MIGRATE_KIND, edit: { changes: { [params.textDocument.uri]: textEdits(p, m.edits) } } });
      }
    }
    return out;
  });

  /** The policy overview of the whole workspace, as HTML for the client's webview. */
  connection.onRequest(OVERVIEW_REQUEST, (params: { nonce?: string }) => {
    const paths = [...new Set([...known, ...openPaths().filter((p) => ws.hasText(p))])];
    const findings = new Map(paths.map((p) => [p, ws.analyze(p)] as const));
    const o = buildOverview(ws, paths, findings, ws.options.today ?? localToday());
    const nonce = typeof params?.nonce === 'string' && /^[A-Za-z0-9]{16,64}$/.test(params.nonce) ? params.nonce : undefined;
    return { html: renderOverviewHtml(o, { mode: 'webview', ...(nonce ? { nonce } : {}), title: 'RSP Policy Overview' }), body: renderOverviewBody(o, { mode: 'webview', title: 'RSP Policy Overview' }) };
  });

  /** The policy that a document is or links to, as its publishable document (the preview webview). */
  connection.onRequest(RENDER_DOCUMENT_REQUEST, (params: { uri?: string; nonce?: string }) => {
    const paths = [...new Set([...known, ...openPaths().filter((p) => ws.hasText(p))])];
    const nonce = typeof params?.nonce === 'string' && /^[A-Za-z0-9]{16,64}$/.test(params.nonce) ? params.nonce : undefined;
    return renderDocumentFor(ws, paths, typeof params?.uri === 'string' ? toPath(params.uri) : undefined, nonce);
  });

  connection.onRequest(REVIEW_BASES_REQUEST, (params: { uri?: string }) => {
    if (!platform.reviewBases) throw new ResponseError(-32601, 'the change review needs git, which the web extension cannot run: use VS Code on the desktop, or rsp-lint diff');
    const root = reviewRoot(params?.uri);
    if (!root) throw new ResponseError(-32602, 'open a folder to review its changes');
    try { return { bases: platform.reviewBases(root) }; } catch (e) { throw new ResponseError(-32603, terminalText((e as Error).message)); }
  });

  connection.onRequest(REVIEW_REQUEST, (params: { uri?: string; base?: string; label?: string; nonce?: string; refresh?: boolean }) => {
    const nonce = typeof params?.nonce === 'string' && /^[A-Za-z0-9]{16,64}$/.test(params.nonce) ? params.nonce : undefined;
    if (params?.refresh) {
      if (!review) throw new ResponseError(-32602, 'no change review is open');
      return reviewPage(nonce);
    }
    if (!platform.changeReview) throw new ResponseError(-32601, 'the change review needs git, which the web extension cannot run: use VS Code on the desktop, or rsp-lint diff');
    const base = typeof params?.base === 'string' && params.base.trim() ? params.base.trim() : 'HEAD';
    const root = reviewRoot(params?.uri);
    if (!root) throw new ResponseError(-32602, 'open a folder to review its changes');
    const before = reviewPaths();
    const label = typeof params?.label === 'string' && params.label ? params.label : base;
    let plan;
    try { plan = platform.changeReview(root, base, label); } catch (e) { throw new ResponseError(-32603, terminalText((e as Error).message)); }
    review = { ...plan, label, root };
    for (const p of new Set([...before, ...reviewPaths()])) schedule(p, false);
    return reviewPage(nonce);
  });

  connection.onNotification(REVIEW_CLOSE_NOTIFICATION, () => {
    const before = reviewPaths();
    review = undefined;
    for (const p of before) schedule(p, false);
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== OPEN_DOCS_COMMAND) return null;
    const rule = String(params.arguments?.[0] ?? '');
    if (!RULES_BY_ID.has(rule)) throw new ResponseError(-32602, `unknown rule '${rule}'`);
    const uri = href(rule);
    if (canShowDocument) await connection.window.showDocument({ uri, external: !uri.startsWith('file:'), takeFocus: true });
    return uri;
  });

  documents.listen(connection);
  connection.listen();
}

declare const SERVER_VERSION: string;
