/**
 * The web extension (vscode.dev, github.dev, code-server): the language server runs in a web
 * worker (dist/web/server.js) and reads linked policies and configuration files through
 * vscode.workspace.fs, which also serves virtual file systems such as `vscode-vfs:`.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { pathToUri } from '../../server/src/lsp/vpath';
import { activateWith, clientOptions, deactivateClient, type Api } from './common';

/** The browser's Worker (the client compiles without the DOM library). */
declare class Worker { constructor(url: string, options?: { name?: string }); terminate(): void }

type ReadFileResult = { ok: true; base64: string } | { ok: false; reason: 'missing' | 'directory' | 'special' | 'too-large' | 'unreadable'; size?: number; head?: string };

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

async function readFile(params: { uri?: unknown; maxBytes?: unknown }): Promise<ReadFileResult> {
  if (typeof params?.uri !== 'string') return { ok: false, reason: 'unreadable' };
  const max = typeof params.maxBytes === 'number' && params.maxBytes > 0 ? params.maxBytes : 4 * 1024 * 1024;
  const uri = vscode.Uri.parse(params.uri, true);
  let stat: vscode.FileStat;
  try { stat = await vscode.workspace.fs.stat(uri); } catch { return { ok: false, reason: 'missing' }; }
  if (stat.type & vscode.FileType.Directory) return { ok: false, reason: 'directory' };
  if (!(stat.type & vscode.FileType.File)) return { ok: false, reason: 'special' };
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (stat.size > max || bytes.length > max) return { ok: false, reason: 'too-large', size: Math.max(stat.size, bytes.length), head: toBase64(bytes.subarray(0, 4096)) };
    return { ok: true, base64: toBase64(bytes) };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

async function findFiles(params: { uri?: unknown }): Promise<string[]> {
  if (typeof params?.uri !== 'string') return [];
  const base = vscode.Uri.parse(params.uri, true);
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(base, '**/*.{yaml,yml}'), '**/{node_modules,.git}/**', 5000);
  return found.map((u) => u.toString());
}

/**
 * The server's worker. Where the extension is served from another origin or from the remote
 * (code-server: "Creating workers from remote extensions is currently not supported",
 * microsoft/vscode#168942), a Worker cannot be made from its URL: then the script is fetched
 * and started from a Blob URL.
 */
async function serverWorker(context: vscode.ExtensionContext): Promise<{ worker: Worker; from: 'url' | 'blob' }> {
  const url = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js').toString(true);
  try {
    return { worker: new Worker(url, { name: 'RSP language server' }), from: 'url' };
  } catch {
    const code = await (await fetch(url)).text();
    return { worker: new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })), { name: 'RSP language server' }), from: 'blob' };
  }
}

export interface WebApi extends Api {
  /** How the server's worker was made: from the script's URL, or from a Blob URL (see serverWorker). */
  serverWorker: 'url' | 'blob';
}

export async function activate(context: vscode.ExtensionContext): Promise<WebApi> {
  const { worker, from } = await serverWorker(context);
  const api = await activateWith(
    'browser',
    context,
    () => new LanguageClient('rspLint', 'RSP Language Server', worker as never, clientOptions()),
    (p) => vscode.Uri.parse(pathToUri(p) ?? p, true),
    (c) => { // before start: the server asks for files while it initializes
      context.subscriptions.push(
        c.onRequest('rsp/readFile', readFile),
        c.onRequest('rsp/findFiles', findFiles),
      );
    },
  );
  api.client?.outputChannel.appendLine(`The server runs in a web worker (started from ${from === 'url' ? 'its URL' : 'a Blob URL'}).`);
  return { ...api, serverWorker: from };
}

export function deactivate(): Promise<void> { return deactivateClient(); }
