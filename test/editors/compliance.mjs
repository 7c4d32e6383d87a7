// Compliance profiles in real VS Code (code-server) in Chromium: a compliance officer lists
// ca-sb53 and eu-gpai-cop-ss in Example Labs' policy (examples/example-labs, one claim taken
// out), sees in the Problems panel which legal elements the policy does not yet address with
// the citation to read, opens the workspace profile (its own language, checked as typed), and
// the policy overview shows the coverage matrix; a click on a met requirement opens what meets
// it. Screenshots in .test-artifacts/compliance-*.png. Exit 0 when every step held.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser, saveScreenshot, startCodeServer, runCommand } from './code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-compliance-vscode-'));
fs.cpSync(path.join(root, 'examples', 'example-labs'), workspace, { recursive: true });
const policyFile = path.join(workspace, 'example-labs.rsp.yaml');
let text = fs.readFileSync(policyFile, 'utf8');
text = text.replace('    - ca-sb53\n', '    - ca-sb53\n    - eu-gpai-cop-ss\n');
// Take out the internal-use claim: § 22757.12(a)(10) becomes a gap.
text = text.replace(/    - requirement: ca-sb53\/internal-use\n(?:      .*\n|        .*\n)+/, '');
assert.ok(text.includes('eu-gpai-cop-ss') && !text.includes('ca-sb53/internal-use'), 'the scenario\'s policy edits applied');
fs.writeFileSync(policyFile, text);
const lineOf = (needle) => text.slice(0, text.indexOf(needle)).split('\n').length;

const steps = [];
const step = async (name, fn) => { const t = Date.now(); await fn(); steps.push(name); console.log(`  ✔ ${name} (${Date.now() - t} ms)`); };
const server = await startCodeServer({ workspace, settings: { 'rspLint.today': '2026-11-23', 'workbench.startupEditor': 'none' } });
const browser = await openBrowser();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
let failed = false;
const open = async (name) => {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
  await row.first().waitFor({ timeout: 30_000 });
  await row.first().click();
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
};
try {
  await step('open VS Code and the policy', async () => {
    await page.goto(server.folderUrl({ extensionDevelopmentPath: root }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await open('example-labs.rsp.yaml');
    await page.locator('.statusbar-item', { hasText: 'RSP Policy' }).first().waitFor({ timeout: 30_000 });
  });
  await step('the Problems panel names each unaddressed element with its citation', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'ca-sb53/internal-use (Bus. & Prof. Code § 22757.12(a)(10)' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'eu-gpai-cop-ss/security-goal (Measure 6.1' }).first().waitFor({ timeout: 30_000 });
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    assert.ok(rows.some((r) => /compliance-gap/.test(r)), 'the rule id is shown');
    assert.ok(!rows.some((r) => /ca-sb53\/standards/.test(r)), 'a claimed requirement is not a problem');
    await saveScreenshot(page, 'compliance-1-problems');
  });
  await step('the workspace profile opens as an RSP compliance profile', async () => {
    await open('example-labs-controls.profile.yaml');
    await page.locator('.statusbar-item', { hasText: 'RSP Compliance Profile' }).first().waitFor({ timeout: 30_000 });
  });
  let view;
  await step('the overview shows the coverage matrix: profile × requirement, met or gap, with citations', async () => {
    await open('example-labs.rsp.yaml');
    await runCommand(page, 'RSP: Open Policy Overview');
    view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    const matrix = view.locator('section.coverage');
    await matrix.waitFor({ timeout: 30_000 });
    const body = await matrix.innerText();
    for (const t of ['Compliance coverage', 'California SB 53', 'EU GPAI Code of Practice', 'Example Labs internal controls standard', '§ 22757.13', 'Measure 9.3', 'not legal advice']) assert.ok(body.includes(t), `${t} shown`);
    const gap = view.locator('tr[data-requirement="ca-sb53/internal-use"]');
    assert.equal(await gap.getAttribute('data-status'), 'gap');
    assert.match(await gap.innerText(), /gap/);
    assert.equal(await view.locator('tr[data-requirement="ca-sb53/incident-deadlines"]').getAttribute('data-status'), 'met');
    await page.keyboard.press('Control+J'); // hide the panel: the matrix gets the height
    await matrix.locator('tr[data-requirement="ca-sb53/internal-use"]').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'compliance-2-overview');
  });
  await step('a click on a met requirement opens what meets it', async () => {
    await view.locator('tr[data-requirement="ca-sb53/incident-deadlines"] [data-path]').first().click();
    const want = lineOf('  incident_response:');
    await page.locator('.statusbar-item', { hasText: `Ln ${want},` }).first().waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'compliance-3-opened');
  });
} catch (e) {
  failed = true;
  console.error(`  ✖ ${e?.message ?? e}`);
  await saveScreenshot(page, 'compliance-failure').catch(() => {});
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
console.log(`compliance scenario: ${failed ? 'FAILED' : 'passed'} (${steps.length} steps)`);
process.exit(failed ? 1 : 0);
