#!/usr/bin/env node
// End-to-end proof of test/editors/code-server.mjs: a placeholder extension (own temp folder)
// and a placeholder mocha suite run inside real VS Code 1.100.3 (code-server) in headless chromium.
// Exits 0 when the suite passes. Needs `bash .ci/install-tools.sh` first.
//   node test/editors/smoke.mjs [--ui]    (--ui: also open the workbench and find the command in the palette)
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { openBrowser, runExtensionTests, saveScreenshot, startCodeServer } from './code-server.mjs';

const require = createRequire(import.meta.url);
const mochaPath = path.dirname(require.resolve('mocha/package.json'));

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'rsp-editor-smoke-'));
const ext = path.join(tmp, 'placeholder-ext');
const ws = path.join(tmp, 'workspace');
await fs.mkdir(path.join(ext, 'test'), { recursive: true });
await fs.mkdir(ws, { recursive: true });
await fs.writeFile(path.join(ws, 'hello.rsp.yaml'), 'name: placeholder\n');

await fs.writeFile(path.join(ext, 'package.json'), JSON.stringify({
  name: 'placeholder',
  publisher: 'rsp-test',
  version: '0.0.1',
  engines: { vscode: '^1.90.0' },
  main: './extension.js',
  activationEvents: ['onStartupFinished'],
  contributes: { commands: [{ command: 'placeholder.hello', title: 'Placeholder: Hello' }] },
}, null, 2));

await fs.writeFile(path.join(ext, 'extension.js'), `
const vscode = require('vscode');
exports.activate = (context) => {
  context.subscriptions.push(vscode.commands.registerCommand('placeholder.hello', () => 'hello from ' + process.version));
  return { ok: true };
};
exports.deactivate = () => {};
`);

await fs.writeFile(path.join(ext, 'test', 'index.js'), `
const path = require('path');
const Mocha = require(${JSON.stringify(mochaPath)});
exports.run = () => {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000 });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => failures ? reject(new Error(failures + ' test(s) failed')) : resolve());
  });
};
`);

await fs.writeFile(path.join(ext, 'test', 'extension.test.js'), `
const assert = require('assert');
const vscode = require('vscode');
describe('placeholder extension in real VS Code', () => {
  it('runs in the Node extension host of VS Code 1.100', () => {
    assert.strictEqual(vscode.version, '1.100.3');
    assert.strictEqual(typeof process.versions.node, 'string');
  });
  it('is active and its command answers', async () => {
    const ext = vscode.extensions.getExtension('rsp-test.placeholder');
    assert.ok(ext, 'extension found');
    const api = await ext.activate();
    assert.ok(ext.isActive, 'extension active');
    assert.deepStrictEqual(api, { ok: true });
    const answer = await vscode.commands.executeCommand('placeholder.hello');
    assert.match(answer, /^hello from v\\d+/);
  });
  it('opened the workspace', async () => {
    const files = await vscode.workspace.findFiles('**/*.rsp.yaml');
    assert.deepStrictEqual(files.map((u) => path.basename(u.path)), ['hello.rsp.yaml']);
  });
});
const path = require('path');
`);

// Optional (--ui): drive the workbench like a person, with the extension loaded from its folder.
async function uiCheck() {
  const server = await startCodeServer({ workspace: ws, extensionDevelopmentPath: ext });
  const browser = await openBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url); // opens ws with the extension loaded from its folder
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'hello.rsp.yaml' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('F1');
    await page.keyboard.type('Placeholder: Hello');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Placeholder: Hello' }).waitFor({ timeout: 30_000 });
    console.log(`ui: command palette lists the placeholder command; screenshot ${await saveScreenshot(page, 'code-server-smoke-ui')}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

const t0 = Date.now();
let code;
try {
  code = await runExtensionTests({
    extensionPath: ext,
    testsPath: path.join(ext, 'test', 'index.js'),
    workspace: ws,
    timeoutMs: 90_000,
    screenshot: 'code-server-smoke',
  });
  console.log(`code-server smoke: suite exit code ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code === 0 && process.argv.includes('--ui')) {
    const t1 = Date.now();
    await uiCheck();
    console.log(`code-server smoke: ui check in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  }
} finally {
  await fs.rm(tmp, { recursive: true, force: true });
}
process.exit(code === 0 ? 0 : 1);
