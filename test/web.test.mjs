// The web extension's language server (dist/web/server.js) in real Chromium: a Worker speaking
// LSP over postMessage to a test page that plays the extension — it serves the files of a
// virtual workspace (vscode-vfs://github/…) when the server asks (rsp/readFile, rsp/findFiles),
// as the web extension does with vscode.workspace.fs. Also: no Node built-ins in either bundle.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './lib/cli.mjs';
import { openWorkerPage } from './lib/web-worker.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'v8', 'net', 'http', 'https', 'util', 'url', 'crypto', 'stream', 'events', 'buffer', 'assert', 'module', 'tty'];

describe('web bundles', () => {
  test('package.json: browser entry, virtual workspaces supported; both web bundles free of Node built-ins', () => {
    assert.equal(pkg.browser, './dist/web/extension.js');
    assert.equal(pkg.capabilities.virtualWorkspaces, true);
    for (const f of ['dist/web/server.js', 'dist/web/extension.js']) {
      const code = fs.readFileSync(path.join(ROOT, f), 'utf8');
      const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).filter((m) => !/^ajv(-formats)?\/dist\//.test(m)); // in code ajv generates for standalone use, never run here
      assert.deepEqual([...new Set(required)].filter((m) => m !== 'vscode'), [], `${f} requires modules at run time`);
      for (const b of NODE_BUILTINS) assert.ok(!code.includes(`"node:${b}"`), `${f}: node:${b}`);
    }
  });
});

const ROADMAP = fs.readFileSync(path.join(ROOT, 'examples', 'example-labs', 'frontier-safety.roadmap.yaml'), 'utf8');
const POLICY = fs.readFileSync(path.join(ROOT, 'examples', 'example-labs', 'example-labs.rsp.yaml'), 'utf8');
const REPORT = fs.readFileSync(path.join(ROOT, 'examples', 'example-labs', '2026-q3.risk-report.yaml'), 'utf8');
const BASE = 'vscode-vfs://github/acme/policies';
// The roadmap, with one goal supporting a safeguard the policy does not have.
const EDITED = ROADMAP.replace('supports: [asl3-two-party-access]', 'supports: [asl3-two-party-acces]');

describe('the browser language server in Chromium', { skip: !fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, () => {
  let page, close;
  before(async () => { ({ page, close } = await openWorkerPage()); });
  after(async () => { await close?.(); });

  test('diagnostics with the linked policy read through the client, hover, completion, definition, overview', async () => {
    const files = {
      [`${BASE}/example-labs/example-labs.rsp.yaml`]: POLICY,
      [`${BASE}/example-labs/frontier-safety.roadmap.yaml`]: ROADMAP,
      [`${BASE}/example-labs/2026-q3.risk-report.yaml`]: REPORT,
      [`${BASE}/README.md`]: '# policies\n',
    };
    const r = await page.evaluate(async ({ files, base, edited }) => {
      const { request, notify, until, start, log, terminate } = globalThis.startWorkerClient(files, base);
      const init = await start();
      const roadmapUri = `${base}/example-labs/frontier-safety.roadmap.yaml`;
      // The workspace scan publishes the documents on "disk" (the virtual file system).
      const reportDiags = await until(() => log.diagnostics[`${base}/example-labs/2026-q3.risk-report.yaml`]);
      notify('textDocument/didOpen', { textDocument: { uri: roadmapUri, languageId: 'rsp-roadmap', version: 1, text: edited } });
      const diags = await until(() => { const d = log.diagnostics[roadmapUri]; return d && d.some((x) => x.code === 'unknown-reference') && d; });
      const line = edited.split('\n').findIndex((l) => l.includes('asl3-two-party-acces'));
      const lineOf = (needle) => edited.split('\n').findIndex((l) => l.includes(needle));
      const hover = await request('textDocument/hover', { textDocument: { uri: roadmapUri }, position: { line: lineOf('supports: [ASL-4'), character: edited.split('\n')[lineOf('supports: [ASL-4')].indexOf('ASL-4') + 2 } });
      const complete = await request('textDocument/completion', { textDocument: { uri: roadmapUri }, position: { line, character: edited.split('\n')[line].indexOf('asl3-two') + 4 } });
      const def = await request('textDocument/definition', { textDocument: { uri: roadmapUri }, position: { line: lineOf('supports: [asl3-egress-control]'), character: edited.split('\n')[lineOf('supports: [asl3-egress-control]')].indexOf('asl3-egress') + 3 } });
      const overview = await request('rsp/overview', { nonce: 'abcdefabcdefabcdef' });
      terminate();
      return { init: init.result, reportDiags, diags, hover: hover.result, complete: complete.result, def: def.result, overview: overview.result?.html?.length ?? 0, overviewText: overview.result?.body ?? '', log };
    }, { files, base: BASE, edited: EDITED });

    assert.deepEqual(r.log.errors, []);
    assert.equal(r.init.serverInfo.name, 'rsp-lint');
    assert.deepEqual(r.log.finds, [BASE], 'the workspace folder was scanned through the client');
    assert.ok(r.log.reads.includes(`${BASE}/example-labs/example-labs.rsp.yaml`), 'the linked policy was read through the client');
    assert.deepEqual(r.reportDiags, [], 'the clean risk report, checked against its policy');
    const codes = r.diags.map((d) => d.code);
    assert.deepEqual(codes, ['unknown-reference'], JSON.stringify(r.diags));
    assert.match(r.diags[0].message, /asl3-two-party-acces/);
    assert.match(r.diags[0].message, /did you mean 'asl3-two-party-access'/);
    assert.match(r.diags[0].codeDescription.href, /^https:\/\/github\.com\/rsp-tools\/rsp-lint\/blob\/main\/docs\/rules\/unknown-reference\.md$/);
    assert.match(r.hover.contents.value, /ASL-4/);
    assert.match(r.hover.contents.value, /asl4-state-level-security|State-level|state-level/i, r.hover.contents.value);
    assert.ok(r.complete.items.some((i) => i.label === 'asl3-two-party-access'), JSON.stringify(r.complete.items.map((i) => i.label)));
    assert.equal(r.def.length, 1);
    assert.equal(r.def[0].uri, `${BASE}/example-labs/example-labs.rsp.yaml`);
    assert.ok(r.overview > 1000);
    assert.match(r.overviewText, /CBRN-3/);
  });
});
