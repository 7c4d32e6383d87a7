/**
 * The VS Code extension: starts the language server (dist/rsp-lint.js over IPC) and gives
 * plain YAML files that carry `format: rsp/v1` their RSP language. Everything that
 * understands documents lives in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const LANGUAGES: Record<string, string> = { policy: 'rsp-policy', roadmap: 'rsp-roadmap', 'risk-report': 'rsp-risk-report' };
const FORMAT = /^format[ \t]*:[ \t]*(["']?)rsp\/v1\1[ \t]*(#.*)?$/m;
const KIND = /^kind[ \t]*:[ \t]*["']?(policy|roadmap|risk-report)["']?[ \t]*(#.*)?$/m;

let client: LanguageClient | undefined;
let overview: vscode.WebviewPanel | undefined;

function nonce(): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(32)), (b) => abc[b % abc.length]).join('');
}

/** "RSP: Open Policy Overview": the server renders it; this only shows it and follows edits. */
async function openOverview(context: vscode.ExtensionContext): Promise<void> {
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
  let timer: NodeJS.Timeout | undefined;
  const later = () => { clearTimeout(timer); timer = setTimeout(() => void render(false).catch(() => undefined), 300); };
  const subs = [
    vscode.languages.onDidChangeDiagnostics(later),
    panel.webview.onDidReceiveMessage(async (m: { command?: string; path?: string; line?: number; character?: number }) => {
      // The page only ever asks to open a document it lists: an RSP YAML file, by absolute path.
      if (m?.command !== 'open' || typeof m.path !== 'string' || !/\.ya?ml$/i.test(m.path) || !/^(\/|[A-Za-z]:[\\/])/.test(m.path)) return;
      const pos = new vscode.Position(Math.max(0, Number(m.line) || 0), Math.max(0, Number(m.character) || 0));
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(m.path));
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos) });
    }),
  ];
  panel.onDidDispose(() => { subs.forEach((d) => d.dispose()); clearTimeout(timer); if (overview === panel) overview = undefined; }, null, context.subscriptions);
  await render(true);
}

export interface Api { client: LanguageClient | undefined; /** activate() → server initialized, in ms */ activationMs: number }

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  const started = performance.now();
  const module = context.asAbsolutePath('dist/rsp-lint.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011', '--enable-source-maps'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: Object.values(LANGUAGES).map((language) => ({ language })),
    synchronize: { configurationSection: 'rspLint' },
    initializationOptions: vscode.workspace.getConfiguration('rspLint'),
    diagnosticCollectionName: 'rsp-lint',
    // Hovers and completion documentation quote policy text: never trusted (no command links),
    // never raw HTML. The server escapes that text; this is the second lock.
    markdown: { isTrusted: false, supportHtml: false },
  };
  client = new LanguageClient('rspLint', 'RSP Language Server', serverOptions, clientOptions);

  // Plain .yaml files that declare `format: rsp/v1` become RSP documents of their kind.
  const detect = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'yaml' || doc.uri.scheme === 'git') return;
    const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 400), 0));
    if (!FORMAT.test(head)) return;
    const kind = KIND.exec(head)?.[1];
    if (kind) void vscode.languages.setTextDocumentLanguage(doc, LANGUAGES[kind]!);
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(detect),
    vscode.commands.registerCommand('rsp-lint.restartServer', async () => { await client?.restart(); }),
    vscode.commands.registerCommand('rsp-lint.openOverview', () => openOverview(context)),
  );
  vscode.workspace.textDocuments.forEach(detect);

  await client.start();
  void vscode.commands.executeCommand('setContext', 'rspLint.active', true);
  const activationMs = Math.round(performance.now() - started);
  client.outputChannel.appendLine(`RSP language server ready (activation ${activationMs} ms)`);
  return { client, activationMs };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
