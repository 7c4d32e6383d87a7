// The policy overview webview in real VS Code (code-server): opened from the command palette,
// it shows the matrix and the timeline, follows an edit live, and a click opens the line.
// Screenshots in .test-artifacts/overview-*.png. Exit 0 when every step held.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goToLine as goToLineIn, openBrowser, saveScreenshot, startCodeServer, runCommand } from './code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-overview-'));
fs.cpSync(path.join(root, 'examples', 'example-labs'), workspace, { recursive: true });
const file = path.join(workspace, 'frontier-safety.roadmap.yaml');
const original = fs.readFileSync(file, 'utf8');
const text = original.replace('    title: Second generation of input and output classifiers\n    owner: Safeguards Engineering\n', '    title: Second generation of input and output classifiers\n');
assert.notEqual(text, original, 'the example roadmap has SAF-1 with its owner');
fs.writeFileSync(file, text);
const lineOf = (needle) => text.slice(0, text.indexOf(needle)).split('\n').length;

const steps = [];
const step = async (name, fn) => { const t = Date.now(); await fn(); steps.push(name); console.log(`  ✔ ${name} (${Date.now() - t} ms)`); };
const server = await startCodeServer({ workspace, settings: { 'rspLint.today': '2027-03-15', 'workbench.startupEditor': 'none' } });
const browser = await openBrowser();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
let failed = false;

const goToLine = (spec) => goToLineIn(page, spec);
try {
  await step('open VS Code and the roadmap', async () => {
    await page.goto(server.folderUrl({ extensionDevelopmentPath: root }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'frontier-safety.roadmap.yaml' });
    await row.first().waitFor({ timeout: 30_000 });
    await row.first().click();
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    await goToLine(String(lineOf('- id: SAF-1')));
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
  });
  let view;
  await step('RSP: Open Policy Overview from the command palette', async () => {
    await runCommand(page, 'RSP: Open Policy Overview');
    view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await view.locator('body', { hasText: 'CBRN-3' }).waitFor({ timeout: 30_000 });
  });
  await step('the matrix and the timeline are shown', async () => {
    const body = await view.locator('body').innerText();
    for (const t of ['CBRN-3', 'CBRN-4', 'AI-RND-4', 'AI-RND-5', 'asl3-egress-control', 'near']) assert.ok(body.includes(t), `${t} shown`);
    // What the v2 workspace adds: an alert threshold and a research category, the report's decision.
    for (const t of ['AI-RND-checkpoint', 'CYBER-watch']) assert.ok(body.includes(t), `${t} shown`);
    assert.match(body, /Decision\s*deploy on 2026-09-15/, 'the risk report\'s decision');
    for (const area of ['security', 'alignment', 'safeguards', 'policy']) assert.match(body, new RegExp(area, 'i'));
    assert.match(body, /SAF-1/);
    assert.match(body, /unowned|no owner/i, 'the unowned goal is marked');
    assert.match(body, /days? late|overdue/i, 'overdue goals are marked');
    await saveScreenshot(page, 'overview-1-webview');
  });
  await step('it follows an edit live', async () => {
    await page.keyboard.press('Control+1'); // back to the editor
    await goToLine(String(lineOf('    title: Second generation of input and output classifiers')));
    await page.keyboard.press('End');
    await page.keyboard.press('Enter'); // VS Code keeps the indentation of the title line
    await page.keyboard.type('owner: Safeguards Engineering');
    const goal = view.locator('[data-goal="SAF-1"], .goal', { hasText: 'SAF-1' }).first();
    await goal.waitFor({ timeout: 15_000 });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const t = await goal.innerText();
      if (/Safeguards Engineering/.test(t) || /Safeguards Engineering/.test(await goal.getAttribute('title') ?? '')) break;
      if (Date.now() > deadline) throw new Error(`SAF-1 did not update: ${t}`);
      await page.waitForTimeout(250);
    }
    await saveScreenshot(page, 'overview-2-live');
  });
  await step('a click on a goal opens its line', async () => {
    await view.locator('[data-path]', { hasText: 'SEC-3' }).first().click();
    const want = lineOf('- id: SEC-3');
    await page.locator('.statusbar-item', { hasText: `Ln ${want},` }).first().waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'overview-3-opened');
  });
} catch (e) {
  failed = true;
  console.error(`  ✖ ${e?.message ?? e}`);
  await saveScreenshot(page, 'overview-failure').catch(() => {});
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
console.log(`overview scenario: ${failed ? 'FAILED' : 'passed'} (${steps.length} steps)`);
process.exit(failed ? 1 : 0);
