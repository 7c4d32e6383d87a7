// Output security in real VS Code (code-server) in Chromium: a hostile policy and roadmap open
// in the editor; the hover over a threshold and the policy overview webview show the document's
// Markdown, HTML and URLs as text — no image, no link, no element, no request, no dialog.
// Screenshots in .test-artifacts/hostile-*.png. Exit 0 when every step held.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goToLine as goToLineIn, openBrowser, saveScreenshot, startCodeServer, runCommand } from './code-server.mjs';
import { POLICY, ROADMAP } from '../security/hostile.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-hostile-vscode-'));
fs.writeFileSync(path.join(workspace, 'hostile.rsp.yaml'), POLICY);
fs.writeFileSync(path.join(workspace, 'hostile.roadmap.yaml'), ROADMAP);
const lineOf = (text, needle) => text.slice(0, text.indexOf(needle)).split('\n').length;

const steps = [];
const step = async (name, fn) => { const t = Date.now(); await fn(); steps.push(name); console.log(`  ✔ ${name} (${Date.now() - t} ms)`); };
const server = await startCodeServer({ workspace, settings: { 'rspLint.today': '2026-11-23', 'workbench.startupEditor': 'none', 'editor.hover.delay': 100 } });
const browser = await openBrowser();
const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
const outside = [];
page.on('request', (r) => { if (/evil\.example/.test(r.url())) outside.push(r.url()); });
const dialogs = [];
page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
let failed = false;

const goToLine = (spec) => goToLineIn(page, spec);
try {
  await step('open VS Code and the hostile policy', async () => {
    await page.goto(server.folderUrl({ extensionDevelopmentPath: root }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'hostile.rsp.yaml' });
    await row.first().waitFor({ timeout: 30_000 });
    await row.first().click();
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
  });
  await step('the hover over threshold T-1 shows its hostile text as text', async () => {
    await goToLine(`${lineOf(POLICY, '  - id: T-1')}:11`);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:visible').first();
    await hover.waitFor({ timeout: 20_000 });
    await hover.locator('text=Threshold T-1').first().waitFor({ timeout: 20_000 });
    const dom = await hover.evaluate((h) => ({
      text: h.innerText,
      images: h.querySelectorAll('img').length,
      links: [...h.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? a.getAttribute('data-href') ?? '').filter((x) => /evil|command:|javascript:/i.test(x)),
      scripts: h.querySelectorAll('script, iframe').length,
    }));
    await saveScreenshot(page, 'hostile-1-hover');
    assert.equal(dom.images, 0, 'no image');
    assert.deepEqual(dom.links, [], 'no link from the document');
    assert.equal(dom.scripts, 0);
    assert.ok(dom.text.includes('![t](https://') || dom.text.includes('![t](https:'), `image syntax shown as text: ${dom.text.slice(0, 400)}`);
    assert.ok(dom.text.includes('<img src=x onerror=alert(2)>'), 'HTML shown as text');
    await page.keyboard.press('Escape');
  });
  let view;
  await step('the policy overview webview shows the text literally', async () => {
    await runCommand(page, 'RSP: Open Policy Overview');
    view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await view.locator('body', { hasText: 'T-1' }).waitFor({ timeout: 30_000 });
    const dom = await view.locator('body').evaluate((b) => ({
      text: b.innerText,
      bad: [...b.querySelectorAll('script, img, iframe, object, embed, form, base, svg')].map((e) => e.outerHTML.slice(0, 80)),
      handlers: [...b.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style').map((a) => `${e.tagName} ${a.name}`)),
      hrefs: [...b.querySelectorAll('[href]')].map((e) => e.getAttribute('href')),
    }));
    await saveScreenshot(page, 'hostile-2-overview');
    assert.deepEqual(dom.bad, [], 'no element from the document');
    assert.deepEqual(dom.handlers, []);
    for (const h of dom.hrefs) assert.equal(h, '#', `only the page's own links: ${h}`);
    assert.ok(dom.text.includes('</script><script>alert(1)</script>'), 'the hostile HTML is visible as text');
  });
  await step('nothing was requested from the document\'s URLs and no dialog opened', async () => {
    await page.waitForTimeout(500);
    assert.deepEqual(outside, []);
    assert.deepEqual(dialogs, []);
  });
} catch (e) {
  failed = true;
  console.error(`  ✖ ${e?.message ?? e}`);
  await saveScreenshot(page, 'hostile-failure').catch(() => {});
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
console.log(`hostile scenario: ${failed ? 'FAILED' : 'passed'} (${steps.length} steps)`);
process.exit(failed ? 1 : 0);
