// The change review in an untrusted folder, in real VS Code (code-server with workspace trust on:
// the folder opens in Restricted Mode). The checks still run (the extension supports Restricted
// Mode), but "RSP: Review Changes Against Git Ref…" says why it cannot run — and git is not run:
// code-server's PATH starts with a `git` that records every call before running the real one.
// Screenshot in .test-artifacts/review-untrusted.png.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser, saveScreenshot, startCodeServer, runCommand } from './code-server.mjs';
import { makeReviewRepo } from './review-repo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-review-untrusted-'));
const workspace = path.join(tmp, 'repo');
fs.mkdirSync(workspace);
makeReviewRepo(workspace, tmp);

// A `git` first on code-server's PATH that logs each call, then runs the real git.
const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
const bin = path.join(tmp, 'bin');
const calls = path.join(tmp, 'git-calls.log');
fs.mkdirSync(bin);
fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
const callCount = () => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').split('\n').filter(Boolean).length : 0);

const steps = [];
const step = async (name, fn) => { const t = Date.now(); await fn(); steps.push(name); console.log(`  ✔ ${name} (${Date.now() - t} ms)`); };
const server = await startCodeServer({ workspace, workspaceTrust: true, env: { PATH: `${bin}:${process.env.PATH}` }, settings: { 'workbench.startupEditor': 'none', 'git.enabled': false } });
const browser = await openBrowser();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
let failed = false;

try {
  await step('the folder opens in Restricted Mode and the policy is still checked', async () => {
    await page.goto(server.folderUrl({ extensionDevelopmentPath: root }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 60_000 });
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'policy.rsp.yaml' });
    await row.first().waitFor({ timeout: 30_000 });
    await row.first().click();
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { hasText: 'RSP' }).first().waitFor({ timeout: 60_000 });
  });
  await step('RSP: Review Changes Against Git Ref… says it does not run git in an untrusted folder, and runs none', async () => {
    const before = callCount();
    await runCommand(page, 'RSP: Review Changes Against Git Ref');
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'untrusted workspace' });
    await toast.first().waitFor({ timeout: 20_000 });
    assert.match(await toast.first().innerText(), /runs git, which rsp-lint does not run in an untrusted workspace/);
    await toast.first().waitFor({ state: 'visible' });
    await page.waitForTimeout(600); // the toast slides in
    await saveScreenshot(page, 'review-untrusted');
    assert.equal(await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'merge base' }).count(), 0, 'no refs were offered (that would have asked git)');
    assert.equal(await page.frameLocator('iframe.webview').frameLocator('iframe#active-frame').locator('h1', { hasText: 'Change review' }).count(), 0, 'no review opened');
    await page.waitForTimeout(1000);
    assert.equal(callCount(), before, `git ran: ${fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8') : ''}`);
  });
} catch (e) {
  failed = true;
  console.error(`  ✖ ${e?.message ?? e}`);
  await saveScreenshot(page, 'review-untrusted-failure').catch(() => {});
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
console.log(`review-untrusted scenario: ${failed ? 'FAILED' : 'passed'} (${steps.length} steps)`);
process.exit(failed ? 1 : 0);
