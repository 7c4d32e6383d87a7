// A real LSP client over stdio: spawns `rsp-lint --stdio` and speaks JSON-RPC to it.
import { spawn } from 'node:child_process';
import rpc from 'vscode-jsonrpc/node';
import { pathToFileURL } from 'node:url';
import { CLI } from './cli.mjs';

export const uri = (p) => pathToFileURL(p).href;

/** Offset → LSP position of the `nth` occurrence of `needle` (plus `delta` characters). */
export function posOf(text, needle, { nth = 0, delta = 0 } = {}) {
  let i = -1;
  for (let k = 0; k <= nth; k++) { i = text.indexOf(needle, i + 1); if (i < 0) throw new Error(`'${needle}' #${nth} not found`); }
  i += delta;
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  return { line, character: i - (before.lastIndexOf('\n') + 1) };
}

export async function startLsp({ root, settings = {}, initializationOptions, capabilities } = {}) {
  const proc = spawn(process.execPath, [CLI, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const diagnostics = new Map();
  const listeners = new Set();
  const shown = [];
  const registrations = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    diagnostics.set(p.uri, p);
    for (const l of [...listeners]) l(p);
  });
  conn.onNotification('window/logMessage', () => {});
  conn.onRequest('client/registerCapability', (p) => { registrations.push(...p.registrations); return null; });
  conn.onRequest('workspace/configuration', (p) => p.items.map((it) => (it.section === 'rspLint' ? settings : null)));
  conn.onRequest('window/showDocument', (p) => { shown.push(p); return { success: true }; });
  conn.onRequest('workspace/workspaceFolders', () => (root ? [{ uri: uri(root), name: 'root' }] : null));
  conn.listen();
  const init = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: root ? uri(root) : null,
    workspaceFolders: root ? [{ uri: uri(root), name: 'root' }] : null,
    initializationOptions,
    capabilities: capabilities ?? {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
      window: { showDocument: { support: true } },
      textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown'] }, rename: { prepareSupport: true } },
    },
  });
  conn.sendNotification('initialized', {});
  const versions = new Map();

  const api = {
    conn, proc, init, diagnostics, shown, registrations,
    get stderr() { return stderr; },
    request: (method, params) => conn.sendRequest(method, params),
    notify: (method, params) => conn.sendNotification(method, params),
    open(u, text, languageId = 'yaml') {
      versions.set(u, 1);
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId, version: 1, text } });
    },
    /** Replace the whole text (one content change). */
    replace(u, text) {
      const v = (versions.get(u) ?? 1) + 1;
      versions.set(u, v);
      conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: v }, contentChanges: [{ text }] });
      return v;
    },
    /** An incremental edit. */
    edit(u, range, text) {
      const v = (versions.get(u) ?? 1) + 1;
      versions.set(u, v);
      conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: v }, contentChanges: [{ range, text }] });
      return v;
    },
    close(u) { conn.sendNotification('textDocument/didClose', { textDocument: { uri: u } }); },
    /** Resolves with the first diagnostics for `u` that satisfy `pred` (already received ones count). */
    waitDiagnostics(u, pred = () => true, timeout = 10_000) {
      const have = diagnostics.get(u);
      if (have && pred(have)) return Promise.resolve(have);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => { listeners.delete(l); reject(new Error(`no matching diagnostics for ${u} within ${timeout} ms; last: ${JSON.stringify(diagnostics.get(u)?.diagnostics?.map((d) => d.code))}`)); }, timeout);
        const l = (p) => { if (p.uri === u && pred(p)) { clearTimeout(t); listeners.delete(l); resolve(p); } };
        listeners.add(l);
      });
    },
    async shutdown() {
      const exited = new Promise((r) => proc.once('exit', (code) => r(code)));
      try { await conn.sendRequest('shutdown'); conn.sendNotification('exit'); } catch { /* already gone */ }
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 5000))]);
      conn.dispose();
      if (code === 'timeout') proc.kill('SIGKILL');
      return code;
    },
  };
  return api;
}
