/**
 * What the desktop and the web extension share: RSP language detection for plain YAML files,
 * the policy overview webview, the status bar item, the commands. Each entry point
 * (extension.ts: Node, server over IPC; browser.ts: web worker) only makes the client.
 */
import * as vscode from 'vscode';
import { CodeActionRequest, State, type BaseLanguageClient, type CodeAction, type LanguageClientOptions } from 'vscode-languageclient';
import { newFromTemplate, previewDocument } from './document';
import { reviewChanges } from './review';

export const LANGUAGES: Record<string, string> = { policy: 'rsp-policy', roadmap: 'rsp-roadmap', 'risk-report': 'rsp-risk-report', profile: 'rsp-profile' };
const FORMAT = /^format[ \t]*:[ \t]*(["']?)rsp\/v[12]\1[ \t]*(#.*)?$/m;
const KIND = /^kind[ \t]*:[ \t]*["']?(policy|roadmap|risk-report|profile)["']?[ \t]*(#.*)?$/m;
/** The file templates among the contributed snippets (snippets/*.code-snippets). */
const TEMPLATES: Record<string, { language: string; snippet: string; label: string }> = {
  policy: { language: 'rsp-policy', snippet: 'RSP policy document', label: 'Policy (ASL standards and capability thresholds)' },
  roadmap: { language: 'rsp-roadmap', snippet: 'RSP roadmap document', label: 'Frontier Safety Roadmap (goals)' },
  'risk-report': { language: 'rsp-risk-report', snippet: 'RSP risk report document', label: 'Risk report (assessments and safeguard status)' },
};

export type ServerState = 'starting' | 'ready' | 'error' | 'stopped';

export interface Api {
  client: BaseLanguageClient | undefined;
  /** Which entry point made the client: `node` (main, server over IPC) or `browser` (web worker). */
  runtime: 'node' | 'browser';
  /** activate() → server initialized, in ms */
  activationMs: number;
  /** The status bar item's state, text and command (for tests). */
  status(): { state: ServerState; text: string; command: string | undefined; tooltip: string };
}

/** The server's settings at start (the server's Settings: rules, today), as plain data. */
export function initializationOptions(): { rules: Record<string, string>; today: string } {
  const cfg = vscode.workspace.getConfiguration('rspLint');
  return { rules: { ...cfg.get<Record<string, string>>('rules', {}) }, today: cfg.get<string>('today', '') };
}

export function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: Object.values(LANGUAGES).map((language) => ({ language })),
    synchronize: { configurationSection: 'rspLint' },
    // Plain data: a WorkspaceConfiguration carries methods, which a worker's postMessage cannot
    // clone (the web extension failed to start with it; IPC's JSON just dropped them).
    initializationOptions: initializationOptions(),
    diagnosticCollectionName: 'rsp-lint',
    // Hovers and completion documentation quote policy text: never trusted (no command links),
    // never raw HTML. The server escapes that text; this is the second lock.
    markdown: { isTrusted: false, supportHtml: false },
  };
}

let client: BaseLanguageClient | undefined;
let overview: vscode.WebviewPanel | undefined;

function nonce(): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(32)), (b) => abc[b % abc.length]).join('');
}

/** "RSP: Open Policy Overview": the server renders it; this only shows it and follows edits. */
async function openOverview(context: vscode.ExtensionContext, uriOf: (path: string) => vscode.Uri): Promise<void> {
  if (!client) return;
  if (overview) { overview.reveal(); return; }
  const panel = vscode.window.createWebviewPanel('rspOverview', 'RSP Policy Overview', vscode.ViewColumn.Beside, {
    enableScripts: true, localResourceRoots: [], enableFindWidget: true,
  });
  overview = panel;
  const n = nonce();
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}'; base-uri 'none'; form-action 'none'">`;
  const render = async (first: boolean) => {
    const r = await client!.sendRequest<{ html: string; body: string }>('rsp/overview', { nonce: n });
    if (panel !== overview) return;
    if (first) panel.webview.html = r.html.replace(/<head>/i, `<head>${csp}`);
    else void panel.webview.postMessage({ command: 'update', html: r.body });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => { clearTimeout(timer); timer = setTimeout(() => void render(false).catch(() => undefined), 300); };
  const subs = [
    vscode.languages.onDidChangeDiagnostics(later),
    panel.webview.onDidReceiveMessage(async (m: { command?: string; path?: string; line?: number; character?: number }) => {
      // The page only ever asks to open a document it lists: an RSP YAML file, by absolute path.
      if (m?.command !== 'open' || typeof m.path !== 'string' || !/\.ya?ml$/i.test(m.path) || !/^(\/|[A-Za-z]:[\\/])/.test(m.path)) return;
      const pos = new vscode.Position(Math.max(0, Number(m.line) || 0), Math.max(0, Number(m.character) || 0));
      const doc = await vscode.workspace.openTextDocument(uriOf(m.path));
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos) });
    }),
  ];
  panel.onDidDispose(() => { subs.forEach((d) => d.dispose()); clearTimeout(timer); if (overview === panel) overview = undefined; }, null, context.subscriptions);
  await render(true);
}

/** "RSP: New Document…": an untitled document of the chosen kind, filled from its file template. */
async function newDocument(kind?: unknown): Promise<vscode.TextEditor | undefined> {
  let k = typeof kind === 'string' && kind in TEMPLATES ? kind : undefined;
  if (!k) {
    const pick = await vscode.window.showQuickPick(Object.entries(TEMPLATES).map(([id, t]) => ({ label: t.label, id })), { placeHolder: 'Which RSP document?' });
    k = pick?.id;
  }
  if (!k) return undefined;
  const t = TEMPLATES[k]!;
  const doc = await vscode.workspace.openTextDocument({ language: t.language, content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: t.language, name: t.snippet });
  return editor;
}

/** The server's code action kind for "Migrate this document to rsp/v2" (server/src/lsp/server.ts). */
const MIGRATE_KIND = 'source.rspLint.migrateToV2';

/**
 * "RSP: Migrate This Document to rsp/v2": asks the server for the migration of the active
 * document (a source action, its edits) and applies them as one undoable edit; says why when
 * there is nothing to do or the document cannot be migrated yet.
 */
async function migrateToV2(c: BaseLanguageClient): Promise<boolean> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !doc.languageId.startsWith('rsp-')) {
    void vscode.window.showInformationMessage('Open an RSP policy, roadmap or risk report (format: rsp/v1) to migrate it to rsp/v2.');
    return false;
  }
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  const actions = await c.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: c.code2ProtocolConverter.asUri(doc.uri) },
    range: { start: { line: 0, character: 0 }, end: { line: end.line, character: end.character } },
    context: { diagnostics: [], only: [MIGRATE_KIND] },
  });
  const action = actions?.find((a): a is CodeAction => 'kind' in a && a.kind === MIGRATE_KIND);
  if (!action) {
    void vscode.window.showInformationMessage(/^format[ \t]*:[ \t]*["']?rsp\/v2/m.test(doc.getText()) ? 'This document is already rsp/v2.' : 'This document is not an rsp/v1 document; nothing to migrate.');
    return false;
  }
  if (action.disabled || !action.edit) {
    void vscode.window.showWarningMessage(`Not migrated to rsp/v2: ${action.disabled?.reason ?? 'the server returned no edit'}`);
    return false;
  }
  return vscode.workspace.applyEdit(await c.protocol2CodeConverter.asWorkspaceEdit(action.edit));
}

/** The status bar item: the server's state; a click shows its output, or restarts it after an error. */
function statusItem(context: vscode.ExtensionContext, c: BaseLanguageClient) {
  const item = vscode.window.createStatusBarItem('rspLint.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'RSP Language Server';
  let state: ServerState = 'starting';
  const show = (s: ServerState, detail?: string) => {
    state = s;
    const icon = { starting: '$(sync~spin)', ready: '$(shield)', error: '$(error)', stopped: '$(circle-slash)' }[s];
    item.text = `${icon} RSP`;
    item.tooltip = { starting: 'RSP language server: starting', ready: 'RSP language server: ready — click to show its output', error: `RSP language server: failed${detail ? ` (${detail})` : ''} — click to restart it`, stopped: 'RSP language server: stopped — click to restart it' }[s];
    item.command = s === 'ready' || s === 'starting' ? 'rsp-lint.showOutput' : 'rsp-lint.restartServer';
    item.backgroundColor = s === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  };
  const visible = () => {
    const lang = vscode.window.activeTextEditor?.document.languageId ?? '';
    if (lang.startsWith('rsp-') || state === 'error') item.show(); else item.hide();
  };
  show('starting');
  context.subscriptions.push(item,
    c.onDidChangeState((e) => { show(e.newState === State.Running ? 'ready' : e.newState === State.Starting ? 'starting' : 'stopped'); visible(); }),
    vscode.window.onDidChangeActiveTextEditor(visible));
  visible();
  return {
    failed: (e: unknown) => { show('error', e instanceof Error ? e.message : String(e)); visible(); },
    ready: () => { show('ready'); visible(); },
    get: () => ({ state, text: item.text, command: typeof item.command === 'string' ? item.command : item.command?.command, tooltip: String(item.tooltip ?? '') }),
  };
}

export async function activateWith(
  runtime: Api['runtime'],
  context: vscode.ExtensionContext,
  make: () => BaseLanguageClient,
  uriOf: (path: string) => vscode.Uri,
  beforeStart?: (c: BaseLanguageClient) => void,
): Promise<Api> {
  const started = performance.now();
  const c = make();
  client = c;
  // Plain .yaml files that declare `format: rsp/v1` or `rsp/v2` become RSP documents of their kind.
  const detect = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'yaml' || doc.uri.scheme === 'git') return;
    const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 400), 0));
    if (!FORMAT.test(head)) return;
    const kind = KIND.exec(head)?.[1];
    if (kind) void vscode.languages.setTextDocumentLanguage(doc, LANGUAGES[kind]!);
  };
  const status = statusItem(context, c);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(detect),
    vscode.commands.registerCommand('rsp-lint.restartServer', async () => {
      try { if (c.state !== State.Stopped) await c.stop(); await c.start(); status.ready(); } catch (e) { status.failed(e); }
    }),
    vscode.commands.registerCommand('rsp-lint.showOutput', () => c.outputChannel.show(true)),
    vscode.commands.registerCommand('rsp-lint.openOverview', () => openOverview(context, uriOf)),
    vscode.commands.registerCommand('rsp-lint.newDocument', (kind?: unknown) => newDocument(kind)),
    vscode.commands.registerCommand('rsp-lint.migrateToV2', () => migrateToV2(c)),
    vscode.commands.registerCommand('rsp-lint.previewDocument', (uri?: unknown) => previewDocument(context, client, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('rsp-lint.newFromTemplate', (framework?: unknown, folder?: unknown) => newFromTemplate(framework, folder)),
    vscode.commands.registerCommand('rsp-lint.reviewChanges', (base?: unknown) => reviewChanges(context, c, uriOf, base)),
  );
  vscode.workspace.textDocuments.forEach(detect);

  beforeStart?.(c);
  try {
    await c.start();
  } catch (e) {
    status.failed(e);
    throw e;
  }
  status.ready();
  void vscode.commands.executeCommand('setContext', 'rspLint.active', true);
  const activationMs = Math.round(performance.now() - started);
  c.outputChannel.appendLine(`RSP language server ready (activation ${activationMs} ms)`);
  return { client: c, runtime, activationMs, status: status.get };
}

export async function deactivateClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}
