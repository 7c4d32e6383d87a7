// One scenario done the way a person would, in real VS Code (code-server) in Chromium:
// open the example roadmap, see a goal without an owner squiggled and listed in the
// Problems panel, hover ASL-3 and read its requirements, apply a quick fix and see the
// finding go. Screenshots go to .test-artifacts/. Exit 0 when every step held.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goToLine as goToLineIn, openBrowser, saveScreenshot, startCodeServer } from './code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-person-'));
fs.cpSync(path.join(root, 'examples', 'example-labs'), workspace, { recursive: true });
const file = path.join(workspace, 'frontier-safety.roadmap.yaml');
const original = fs.readFileSync(file, 'utf8');
// A draft in progress: SAF-1 lost its owner, SAF-2's status has a typo.
let text = original.replace('    title: Second generation of input and output classifiers\n    owner: Safeguards Engineering\n', '    title: Second generation of ASL-3 input and output classifiers\n');
assert.notEqual(text, original, 'the example roadmap has SAF-1 with its owner');
const untypoed = text;
text = text.replace('status: at-risk ', 'status: at-risc ');
assert.notEqual(text, untypoed, "the example roadmap has SAF-2 'at-risk'");
fs.writeFileSync(file, text);
const lineOf = (needle) => text.slice(0, text.indexOf(needle)).split('\n').length;

const steps = [];
const step = async (name, fn) => { const t = Date.now(); await fn(); steps.push(`${name} (${Date.now() - t} ms)`); console.log(`  ✔ ${name}`); };

const server = await startCodeServer({ workspace, settings: { 'rspLint.today': '2026-11-23', 'workbench.startupEditor': 'none', 'editor.hover.delay': 100 } });
const browser = await openBrowser();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
let failed = false;

const goToLine = (spec) => goToLineIn(page, spec);
try {
  await step('open VS Code with the extension', async () => {
    await page.goto(server.folderUrl({ extensionDevelopmentPath: root }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  });
  await step('open the roadmap from the Explorer', async () => {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'frontier-safety.roadmap.yaml' });
    await row.first().waitFor({ timeout: 30_000 });
    await row.first().click();
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
  });
  await step('see the goal without an owner squiggled', async () => {
    await goToLine(String(lineOf('- id: SAF-1')));
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    await saveScreenshot(page, 'person-1-squiggle');
  });
  await step('find it in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'goal SAF-1 has no owner' });
    await row.first().waitFor({ timeout: 30_000 });
    const typo = page.locator('.markers-panel .monaco-list-row', { hasText: "'at-risc'" });
    await typo.first().waitFor({ timeout: 10_000 });
    await saveScreenshot(page, 'person-2-problems');
  });
  await step('hover ASL-3 and read its requirements', async () => {
    await page.keyboard.press('Control+1'); // back to the editor
    await goToLine(String(lineOf('Second generation of ASL-3')));
    // Put the mouse on the characters "ASL-3" where the editor drew them.
    await page.locator('.monaco-editor .view-line', { hasText: 'Second generation of ASL-3' }).first().waitFor({ timeout: 10_000 });
    const box = await page.evaluate(() => {
      for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.textContent.indexOf('ASL-3');
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i); r.setEnd(n, i + 5);
          const b = r.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
      }
      return null;
    });
    assert.ok(box, 'ASL-3 is on screen');
    await page.mouse.move(box.x, box.y);
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Deployment safeguards' });
    await hover.first().waitFor({ timeout: 15_000 });
    const content = await hover.first().innerText();
    assert.match(content, /ASL-3 — ASL-3 Standard/);
    assert.match(content, /asl3-red-teaming/);
    assert.match(content, /Security safeguards/);
    await page.waitForTimeout(300); // let the hover finish fading in for the screenshot
    await saveScreenshot(page, 'person-3-hover');
    await page.keyboard.press('Escape');
  });
  await step("apply the quick fix 'Replace with at-risk' and see the finding go", async () => {
    const line = lineOf('status: at-risc');
    await goToLine(`${line}:15`);
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: "Replace with 'at-risk'" });
    await item.first().waitFor({ timeout: 15_000 });
    assert.match(await page.locator('.action-widget .monaco-list-row.focused').first().innerText(), /Replace with 'at-risk'/, 'the preferred fix comes first');
    await saveScreenshot(page, 'person-4-quickfix');
    await page.keyboard.press('Enter');
    await page.locator('.markers-panel .monaco-list-row', { hasText: "'at-risc'" }).first().waitFor({ state: 'detached', timeout: 30_000 });
    assert.ok(await page.locator('.markers-panel .monaco-list-row', { hasText: 'goal SAF-1 has no owner' }).count() > 0, 'the other finding stays');
    await saveScreenshot(page, 'person-5-fixed');
  });
} catch (e) {
  failed = true;
  console.error(`  ✖ ${e?.message ?? e}`);
  await saveScreenshot(page, 'person-failure').catch(() => {});
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
console.log(`person scenario: ${failed ? 'FAILED' : 'passed'} (${steps.length} steps)`);
process.exit(failed ? 1 : 0);
