// "RSP: Preview Policy Document" in real VS Code (code-server): opened from the command palette
// in a policy, it shows the policy as published (title, contents, thresholds) beside the editor
// and follows an edit of the title live. Screenshots in .test-artifacts/preview-*.png. Exit 0
// when every step held.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goToLine as goToLineIn, openBrowser, saveScreenshot, startCodeServer, runCommand } from './code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-preview-'));
fs.cpSync(path.join(root, 'examples', 'anthropic-rsp-v3'), workspace, { recursive: true });
const file = path.join(workspace, 'anthropic-rsp-v3.rsp.yaml');
const text = fs.readFileSync(file, 'utf8');
const lineOf = (needle) => text.slice(0, text.indexOf(needle)).split('\n').length;

const steps = [];
const step = async (name, fn) => { const t = Date.now(); await fn(); steps.push(name); console.log(`  ✔ ${name} (${Date.now() - t} ms)`); };
const server = await startCodeServer({ workspace, settings: { 'workbench.startupEditor': 'none' } });
const browser = await openBrowser();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
let failed = false;

const goToLine = (spec) => goToLineIn(page, spec);
try {
  await step('open VS Code and the policy', async () => {
    await page.goto(server.folderUrl({ extensionDevelopmentPath: root }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'anthropic-rsp-v3.rsp.yaml' });
    await row.first().waitFor({ timeout: 30_000 });
    await row.first().click();
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    // The server has analysed the workspace (its warnings are shown): the extension is active.
    await page.locator('.statusbar-item', { hasText: /[1-9]\d*\s*$/ }).filter({ has: page.locator('.codicon-warning') }).first().waitFor({ timeout: 60_000 });
  });
  let view;
  await step('RSP: Preview Policy Document from the command palette', async () => {
    await runCommand(page, 'RSP: Preview Policy Document');
    view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await view.locator('h1', { hasText: 'Responsible Scaling Policy' }).waitFor({ timeout: 30_000 });
  });
  await step('the document: title block, contents, thresholds, standards, roadmap', async () => {
    const body = await view.locator('body').innerText();
    assert.match(body, /Version 3\.0 · effective 2026-02-24/);
    for (const t of ['Contents', 'Capability thresholds', 'Standards and safeguards', 'Commitments', 'Governance', 'Change log', 'Frontier Safety Roadmap', 'CBRN-3', 'ASL-3']) assert.ok(body.includes(t), `${t} shown`);
    await page.locator('.tab', { hasText: 'Preview: Responsible Scaling Policy 3.0' }).first().waitFor({ timeout: 10_000 });
    await saveScreenshot(page, 'preview-1-document');
  });
  await step('it follows an edit of the title live', async () => {
    await page.keyboard.press('Control+1'); // back to the editor
    await goToLine(String(lineOf('  title: Responsible Scaling Policy')));
    await page.keyboard.press('End');
    await page.keyboard.type(' (draft for review)');
    await view.locator('h1', { hasText: 'Responsible Scaling Policy (draft for review)' }).waitFor({ timeout: 20_000 });
    await page.locator('.tab', { hasText: 'Preview: Responsible Scaling Policy (draft for review) 3.0' }).first().waitFor({ timeout: 10_000 });
    await saveScreenshot(page, 'preview-2-live');
  });
  await step('an error in the policy shows the banner', async () => {
    await goToLine(String(lineOf('    requires: ASL-3')));
    await page.keyboard.press('End');
    await page.keyboard.type('9');
    await view.locator('.banner', { hasText: 'ASL-39' }).waitFor({ timeout: 20_000 });
    await saveScreenshot(page, 'preview-3-banner');
  });
} catch (e) {
  failed = true;
  console.error(`  ✖ ${e?.message ?? e}`);
  await saveScreenshot(page, 'preview-failure').catch(() => {});
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
console.log(`preview scenario: ${failed ? 'FAILED' : 'passed'} (${steps.length} steps)`);
process.exit(failed ? 1 : 0);
