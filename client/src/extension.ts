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
  );
  vscode.workspace.textDocuments.forEach(detect);

  await client.start();
  const activationMs = Math.round(performance.now() - started);
  client.outputChannel.appendLine(`RSP language server ready (activation ${activationMs} ms)`);
  return { client, activationMs };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
