// The web extension's language server (dist/web/server.js) in real Chromium, driven by a test
// page that plays the extension: `openWorkerPage()` serves the bundle and a blank page; in that
// page, `startWorkerClient(files, base)` (installed by openWorkerPage) starts the worker and
// answers its rsp/readFile, rsp/findFiles and workspace/configuration requests from `files`
// (URI → text), as the web extension does with vscode.workspace.fs.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { ROOT } from './cli.mjs';
import { openBrowser } from '../editors/code-server.mjs';

/** Runs in the page (serialised by Playwright): defines globalThis.startWorkerClient. */
function installClient() {
  globalThis.startWorkerClient = (files, base, today = '2026-11-23') => {
    const worker = new Worker('/server.js');
    const log = { reads: [], finds: [], diagnostics: {}, errors: [] };
    let nextId = 1;
    const pending = new Map();
    const waiters = [];
    const b64 = (s) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
    worker.onerror = (e) => log.errors.push(String(e.message));
    worker.onmessage = ({ data: m }) => {
      if (m.id !== undefined && m.method === undefined) { pending.get(m.id)?.(m); pending.delete(m.id); return; }
      if (m.method === 'textDocument/publishDiagnostics') { log.diagnostics[m.params.uri] = m.params.diagnostics; waiters.forEach((w) => w()); return; }
      if (m.id === undefined) return;
      let result = null;
      if (m.method === 'rsp/readFile') {
        log.reads.push(m.params.uri);
        result = m.params.uri in files ? { ok: true, base64: b64(files[m.params.uri]) } : { ok: false, reason: 'missing' };
      } else if (m.method === 'rsp/findFiles') {
        log.finds.push(m.params.uri);
        result = Object.keys(files).filter((u) => u.startsWith(m.params.uri + '/') && /\.ya?ml$/.test(u));
      } else if (m.method === 'workspace/configuration') {
        result = m.params.items.map(() => ({ today }));
      }
      worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
    };
    const request = (method, params) => new Promise((resolve) => { const id = nextId++; pending.set(id, resolve); worker.postMessage({ jsonrpc: '2.0', id, method, params }); });
    const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
    /** Resolves with fn()'s first truthy value, checked after each published diagnostic. */
    const until = (fn, ms = 20000) => new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('timeout; ' + JSON.stringify(log).slice(0, 2000))), ms);
      const check = () => { const v = fn(); if (v) { clearTimeout(t); resolve(v); } };
      waiters.push(check); check();
    });
    /** initialize + initialized with `base` as the one workspace folder. */
    const start = async () => {
      const init = await request('initialize', { processId: null, rootUri: base, workspaceFolders: [{ uri: base, name: 'policies' }], capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
      notify('initialized', {});
      return init;
    };
    return { request, notify, until, start, log, terminate: () => worker.terminate() };
  };
}

/** A page served next to the worker bundle, with startWorkerClient installed. Close with `close()`. */
export async function openWorkerPage() {
  const server = http.createServer((req, res) => {
    if (req.url === '/server.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(fs.readFileSync(path.join(ROOT, 'dist', 'web', 'server.js'))); return; }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>LSP test page</title>');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await openBrowser();
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate(installClient);
  return { page, close: async () => { await browser.close().catch(() => {}); server.close(); } };
}
