// A server that never falls over, and a tool that never reaches the network or runs what a
// document or configuration says (issue: robustness and security).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, ROOT, rspLint } from './lib/cli.mjs';
import { startLsp, uri, posOf } from './lib/lsp.mjs';
import { POLICY, roadmap, tempTree, snapshot } from './lib/docs.mjs';

const NO_NET = path.join(ROOT, 'test', 'lib', 'no-network.cjs');
const frame = (obj) => { const b = JSON.stringify(obj); return `Content-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`; };

/** A raw server process we can send arbitrary bytes to; collects its JSON-RPC responses. */
function rawServer() {
  const proc = spawn(process.execPath, [CLI, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let buf = Buffer.alloc(0);
  const messages = [];
  proc.stdout.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const head = buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())?.[1]);
      if (buf.length < head + 4 + len) return;
      messages.push(JSON.parse(buf.subarray(head + 4, head + 4 + len).toString()));
      buf = buf.subarray(head + 4 + len);
    }
  });
  const waitFor = async (pred, ms = 10_000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) { const m = messages.find(pred); if (m) return m; await new Promise((r) => setTimeout(r, 20)); }
    throw new Error(`no such message; got ${JSON.stringify(messages).slice(0, 500)}`);
  };
  return { proc, messages, waitFor, send: (s) => proc.stdin.write(s) };
}

function rssKb(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

describe('a server that stays up', () => {
  test('malformed JSON-RPC, unknown methods, unknown documents, stale versions, cancellation', async () => {
    const s = rawServer();
    s.send(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    await s.waitFor((m) => m.id === 1);
    s.send(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
    s.send('Content-Length: 12\r\n\r\n{not json!!}');                     // invalid JSON
    s.send(frame({ jsonrpc: '2.0', id: 2, method: 'rsp/noSuchMethod', params: {} }));
    const unknown = await s.waitFor((m) => m.id === 2);
    assert.equal(unknown.error.code, -32601, 'MethodNotFound');
    s.send(frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///nowhere/x.roadmap.yaml', version: 3 }, contentChanges: [{ text: 'x' }] } }));
    s.send(frame({ jsonrpc: '2.0', id: 3, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///nowhere/x.roadmap.yaml' }, position: { line: 0, character: 0 } } }));
    assert.equal((await s.waitFor((m) => m.id === 3)).result, null);
    const u = 'file:///tmp/rsp-robust/a.roadmap.yaml';
    s.send(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: u, languageId: 'yaml', version: 5, text: roadmap() } } }));
    s.send(frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: u, version: 4 }, contentChanges: [{ text: 'format: rsp/v1\nkind: roadmap\n' }] } }));
    s.send(frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: u, version: 9 }, contentChanges: [{ range: { start: { line: 900, character: 0 }, end: { line: 901, character: 0 } }, text: 'junk' }] } }));
    s.send(frame({ jsonrpc: '2.0', id: 4, method: 'textDocument/completion', params: { textDocument: { uri: u }, position: { line: 0, character: 3 } } }));
    s.send(frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 4 } }));
    s.send(frame({ jsonrpc: '2.0', id: 5, method: 'textDocument/documentSymbol', params: { textDocument: { uri: u } } }));
    await s.waitFor((m) => m.id === 5);
    await s.waitFor((m) => m.id === 4); // answered or cancelled, but answered
    s.send(frame({ jsonrpc: '2.0', id: 6, method: 'textDocument/hover', params: { textDocument: { uri: u }, position: { line: -5, character: 99999 } } }));
    await s.waitFor((m) => m.id === 6);
    assert.equal(s.proc.exitCode, null, 'still running');
    s.send(frame({ jsonrpc: '2.0', id: 7, method: 'shutdown' }));
    await s.waitFor((m) => m.id === 7);
    s.send(frame({ jsonrpc: '2.0', method: 'exit' }));
    const code = await new Promise((r) => s.proc.once('exit', r));
    assert.equal(code, 0);
  });

  test('opening and closing thousands of documents does not leak memory', async () => {
    const dir = tempTree({ 'test.rsp.yaml': POLICY });
    const lsp = await startLsp({ root: dir });
    try {
      const cycle = async (from, n) => {
        for (let i = from; i < from + n; i++) {
          const u = uri(path.join(dir, `d${i}.roadmap.yaml`));
          lsp.open(u, roadmap({ policy: 'test.rsp.yaml' }).replace('test-roadmap', `r${i}`));
          if (i % 100 === 99) await lsp.waitDiagnostics(u);
          lsp.close(u);
        }
        await lsp.request('workspace/symbol', { query: 'SEC' }); // a round trip: all processed
      };
      await cycle(0, 1000);
      const warm = rssKb(lsp.proc.pid);
      await cycle(1000, 3000);
      const after = rssKb(lsp.proc.pid);
      console.log(`# server RSS after 1000 open/close: ${(warm / 1024).toFixed(0)} MB, after 4000: ${(after / 1024).toFixed(0)} MB`);
      assert.ok(after < warm * 1.5 + 20 * 1024, `RSS grew from ${warm} kB to ${after} kB`);
      const syms = await lsp.request('workspace/symbol', { query: 'SEC-1' });
      assert.ok(syms.length <= 2, `closed documents are forgotten (${syms.length} symbols left)`);
    } finally { await lsp.shutdown(); }
  });
});

describe('no network, nothing executed', () => {
  test('the guard itself works', () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-net-')), 'log');
    spawnSync(process.execPath, ['--require', NO_NET, '-e', "try { require('net').connect(9, '127.0.0.1') } catch {}"], { env: { ...process.env, RSP_NO_NETWORK_LOG: log } });
    assert.match(fs.readFileSync(log, 'utf8'), /net\.connect/);
  });

  test('the CLI in every format opens no socket', () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-net-')), 'log');
    for (const f of ['stylish', 'json', 'sarif', 'github']) {
      const r = rspLint(['--format', f, 'examples'], { env: { NODE_OPTIONS: `--require ${NO_NET}`, RSP_NO_NETWORK_LOG: log } });
      assert.equal(r.status, 1, r.stderr);
    }
    assert.equal(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '', '');
  });

  test('a language-server session opens no socket and writes no file', async () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-net-')), 'log');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-net-ws-'));
    fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
    const before = snapshot(dir);
    const old = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `--require ${NO_NET}`;
    process.env.RSP_NO_NETWORK_LOG = log;
    let lsp;
    try { lsp = await startLsp({ root: dir }); } finally { process.env.NODE_OPTIONS = old ?? ''; delete process.env.RSP_NO_NETWORK_LOG; }
    try {
      const r = path.join(dir, 'example-labs', 'frontier-safety.roadmap.yaml');
      const t = fs.readFileSync(r, 'utf8');
      lsp.open(uri(r), t);
      await lsp.waitDiagnostics(uri(r), (p) => p.version === 1);
      await lsp.request('textDocument/hover', { textDocument: { uri: uri(r) }, position: posOf(t, 'ASL-4', { nth: 1 }) });
      await lsp.request('textDocument/completion', { textDocument: { uri: uri(r) }, position: posOf(t, 'status: done', { delta: 8 }) });
      const a = await lsp.request('workspace/executeCommand', { command: 'rsp-lint.openRuleDocs', arguments: ['schema'] });
      assert.match(a, /^file:/, 'rule docs open from the installed files, not the web');
    } finally { await lsp.shutdown(); }
    assert.equal(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '', '');
    assert.deepEqual(snapshot(dir), before);
  });

  test('configuration cannot load code, and tags in it are inert', () => {
    const marker = path.join(os.tmpdir(), `rsp-pwned-${process.pid}`);
    const d = tempTree({
      '.rsp-lint.yaml': `plugins: [./evil.cjs]\nrules: !!js/function "function () { require('fs').writeFileSync('${marker}', 'x') }"\n`,
      'evil.cjs': `require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned');\n`,
      'test.rsp.yaml': POLICY,
    });
    const r = rspLint(['--format', 'json', '.'], { cwd: d });
    assert.equal(r.status, 1);
    const findings = JSON.parse(r.stdout).filter((f) => f.path === '.rsp-lint.yaml').map((f) => f.message);
    assert.ok(findings.some((m) => /unknown key 'plugins'/.test(m)), findings.join('\n'));
    assert.ok(findings.some((m) => /unknown YAML tag '!!js\/function'/.test(m)), findings.join('\n'));
    assert.equal(fs.existsSync(marker), false, 'nothing from the configuration ran');
  });
});
