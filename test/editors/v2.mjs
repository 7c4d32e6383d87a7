// rsp/v2 in real VS Code (code-server) in Chromium: Google DeepMind's Frontier Safety Framework
// as shipped in examples/gdm-fsf-v3 opens as an RSP policy, its provisional standard is flagged
// in the Problems panel, a hover over a RAND security level explains it from the built-in
// reference, and the overview marks the alert thresholds. Screenshots in .test-artifacts/v2-*.png.
// Exit 0 when every step held.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goToLine as goToLineIn, openBrowser, saveScreenshot, startCodeServer, runCommand } from './code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-v2-vscode-'));
fs.cpSync(path.join(root, 'examples', 'gdm-fsf-v3'), workspace, { recursive: true });
const text = fs.readFileSync(path.join(workspace, 'gdm-fsf-v3.rsp.yaml'), 'utf8');
const lineOf = (needle) => text.slice(0, text.indexOf(needle)).split('\n').length;

const steps = [];
const step = async (name, fn) => { const t = Date.now(); await fn(); steps.push(name); console.log(`  ✔ ${name} (${Date.now() - t} ms)`); };
const server = await startCodeServer({ workspace, settings: { 'rspLint.today': '2025-10-01', 'workbench.startupEditor': 'none', 'editor.hover.delay': 100 } });
const browser = await openBrowser();
const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
const goToLine = (spec) => goToLineIn(page, spec);
let failed = false;
try {
  await step('open VS Code and the v2 policy; it is an RSP policy', async () => {
    await page.goto(server.folderUrl({ extensionDevelopmentPath: root }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'gdm-fsf-v3.rsp.yaml' });
    await row.first().waitFor({ timeout: 30_000 });
    await row.first().click();
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: 'RSP Policy' }).first().waitFor({ timeout: 30_000 });
  });
  await step('the provisional standard required by an instrumental-reasoning CCL is in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'requires misalignment-mitigations, whose standard is only provisional' });
    await row.first().waitFor({ timeout: 60_000 });
    await saveScreenshot(page, 'v2-1-problems');
  });
  await step('a hover over a RAND security level explains it', async () => {
    await goToLine(`${lineOf('    security_level: SL3')}:22`);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:visible').first();
    await hover.locator('text=cybercrime groups and insider threats').first().waitFor({ timeout: 20_000 });
    const t = await hover.innerText();
    assert.match(t, /level 3 of 5 on scale rand-sl/);
    await saveScreenshot(page, 'v2-2-hover');
    await page.keyboard.press('Escape');
  });
  await step('the overview marks the alert thresholds and what they warn of', async () => {
    await runCommand(page, 'RSP: Open Policy Overview');
    const view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await view.locator('body', { hasText: 'CBRN-uplift-1-alert' }).waitFor({ timeout: 30_000 });
    const body = await view.locator('body').innerText();
    assert.match(body, /warns of CBRN-uplift-1/);
    assert.match(body, /SL1[\s\S]*SL5/, 'the rand-sl scale is shown');
    await saveScreenshot(page, 'v2-3-overview');
  });
} catch (e) {
  failed = true;
  console.error(`  ✖ ${e?.message ?? e}`);
  await saveScreenshot(page, 'v2-failure').catch(() => {});
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
console.log(`v2 scenario: ${failed ? 'FAILED' : 'passed'} (${steps.length} steps)`);
process.exit(failed ? 1 : 0);
