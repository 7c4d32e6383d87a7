/**
 * The desktop VS Code extension: starts the language server (dist/rsp-lint.js over IPC) and
 * gives plain YAML files that carry `format: rsp/v1` their RSP language (common.ts). Everything
 * that understands documents lives in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, clientOptions, deactivateClient, type Api } from './common';

export type { Api };

export function activate(context: vscode.ExtensionContext): Promise<Api> {
  const module = context.asAbsolutePath('dist/rsp-lint.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011', '--enable-source-maps'] } },
  };
  return activateWith('node', context, () => new LanguageClient('rspLint', 'RSP Language Server', serverOptions, clientOptions()), (p) => vscode.Uri.file(p));
}

export function deactivate(): Promise<void> { return deactivateClient(); }
