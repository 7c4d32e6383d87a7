// The change review in real VS Code (code-server): a git repository whose branch changes the
// example policy; "RSP: Review Changes Against Git Ref…" offers the merge base with main, opens
// the review beside the policy, marks the unexplained weakenings in the editor, and the quick fix
// logs one of them (the view follows). Screenshots in .test-artifacts/review-*.png.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goToLine as goToLineIn, openBrowser, saveScreenshot, startCodeServer, runCommand } from './code-server.mjs';
import { makeReviewRepo } from './review-repo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-review-'));
makeReviewRepo(workspace);
const text = fs.readFileSync(path.join(workspace, 'policy.rsp.yaml'), 'utf8');
const lineOf = (needle) => text.slice(0, text.indexOf(needle)).split('\n').length;

const steps = [];
const step = async (name, fn) => { const t = Date.now(); await fn(); steps.push(name); console.log(`  ✔ ${name} (${Date.now() - t} ms)`); };
const server = await startCodeServer({ workspace, settings: { 'workbench.startupEditor': 'none', 'git.enabled': false } });
const browser = await openBrowser();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
let failed = false;
const goToLine = (spec) => goToLineIn(page, spec);
const summary = async (view) => view.locator('p.summary').innerText();

try {
  await step('open VS Code and the policy', async () => {
    await page.goto(server.folderUrl({ extensionDevelopmentPath: root }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'policy.rsp.yaml' });
    await row.first().waitFor({ timeout: 30_000 });
    await row.first().click();
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: 'RSP' }).first().waitFor({ timeout: 60_000 });
  });
  let view;
  await step('RSP: Review Changes Against Git Ref… offers the merge base with main first', async () => {
    await runCommand(page, 'RSP: Review Changes Against Git Ref');
    const first = page.locator('.quick-input-list .monaco-list-row').first();
    await first.waitFor({ timeout: 15_000 });
    assert.match(await first.innerText(), /merge base with main/);
    assert.ok(await page.locator('.quick-input-list .monaco-list-row', { hasText: 'HEAD' }).count() > 0, 'HEAD is offered too');
    await saveScreenshot(page, 'review-1-pick');
    await page.keyboard.press('Enter');
    view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await view.locator('h1', { hasText: 'Change review' }).waitFor({ timeout: 30_000 });
  });
  await step('the review beside the policy: weakenings first, unexplained ones marked', async () => {
    assert.equal(await summary(view), '22 changes in 2 documents: 8 weakenings (4 unexplained), 5 strengthened, 9 neutral.');
    const firstRow = view.locator('table.review tbody tr').first();
    assert.match(await firstRow.getAttribute('class'), /weakened unexplained/);
    assert.match(await firstRow.innerText(), /CBRN-3/);
    const body = await view.locator('body').innerText();
    for (const t of ['renamed from AI-RND-4', 'renamed from cyber-ctf', 'requires: ASL-3 → ASL-2', 'track: unilateral → recommendation']) assert.ok(body.includes(t), t);
    assert.match(body, /Compared with merge base with main/);
    await saveScreenshot(page, 'review-2-webview');
  });
  await step('the unexplained weakenings are warnings in the editor', async () => {
    await page.keyboard.press('Control+1');
    await goToLine(String(lineOf('if_unmet: [restrict-access]')));
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'threshold CBRN-3: if_unmet' });
    await problem.first().waitFor({ timeout: 30_000 });
    assert.match(await problem.first().innerText(), /weakening-unexplained/);
    await saveScreenshot(page, 'review-3-problems');
  });
  await step("the quick fix 'Explain CBRN-3 in the change log' logs it; the review follows", async () => {
    await goToLine(`${lineOf('if_unmet: [restrict-access]')}:7`);
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: "Explain 'CBRN-3' in the change log of version 2.1" });
    await item.first().waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'review-4-quickfix');
    for (let i = 0; i < 10 && !/Explain 'CBRN-3'/.test(await page.locator('.action-widget .monaco-list-row.focused').first().innerText()); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'threshold CBRN-3: if_unmet' }).first().waitFor({ state: 'detached', timeout: 30_000 });
    const deadline = Date.now() + 20_000;
    while (!/3 unexplained/.test(await summary(view))) {
      if (Date.now() > deadline) throw new Error(`the review did not follow: ${await summary(view)}`);
      await page.waitForTimeout(250);
    }
    await goToLine(String(lineOf('      - ref: AI-RND-A')));
    await page.locator('.monaco-editor .view-line', { hasText: 'ref: "CBRN-3"' }).first().waitFor({ timeout: 10_000 });
    assert.match(await view.locator('h2').first().innerText(), /\(was merge base with main:policy\.rsp\.yaml\)/);
    await saveScreenshot(page, 'review-5-explained');
  });
} catch (e) {
  failed = true;
  console.error(`  ✖ ${e?.message ?? e}`);
  await saveScreenshot(page, 'review-failure').catch(() => {});
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
console.log(`review scenario: ${failed ? 'FAILED' : 'passed'} (${steps.length} steps)`);
process.exit(failed ? 1 : 0);
