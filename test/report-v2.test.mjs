// `rsp-lint report` and the overview webview on rsp/v2 documents: scales, threshold roles
// (alerts linked to the threshold they warn of), capability levels, lists of required
// standards, the latest report's decision / approvals / redactions / external review / models /
// period, and each goal's success criteria and grading from the report's roadmap_review.
// Markdown by content; HTML in real Chromium (no request, no console error, no style
// attribute, light and dark; screenshots in .test-artifacts/report-v2*.png); the webview as the
// language server returns it for `rsp/overview`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, launchChromium } from './lib/chromium.mjs';
import { ROOT, rspLint } from './lib/cli.mjs';
import { startLsp } from './lib/lsp.mjs';

const ARTIFACTS = path.join(ROOT, '.test-artifacts');
const EX = (n) => path.join(ROOT, 'examples', n);
const LABS2 = EX('example-labs');
const GDM = EX('gdm-fsf-v3');
const OPENAI = EX('openai-preparedness-v2');
const TODAY = ['--today', '2026-11-23'];
const report = (args, opts) => rspLint(['report', ...args], opts);

const cells = (line) => line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
const rowOf = (text, start) => {
  const line = text.split('\n').find((l) => l.startsWith(`| ${start}`));
  assert.ok(line, `no row starting with '| ${start}' in:\n${text}`);
  return cells(line);
};

const temps = [];
process.on('exit', () => { for (const d of temps) fs.rmSync(d, { recursive: true, force: true }); });
/** A copy of example-labs in a temp folder, `edit(name, text)` applied to each file. */
function labs2Copy(edit = (_n, t) => t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-report-v2-'));
  temps.push(dir);
  for (const n of fs.readdirSync(LABS2)) fs.writeFileSync(path.join(dir, n), edit(n, fs.readFileSync(path.join(LABS2, n), 'utf8')));
  return dir;
}
/** example-labs where the report grades SEC-2 missed and SAF-2 slipped, and the review came out late. */
const gradedBadly = () => labs2Copy((n, t) => (n.endsWith('.risk-report.yaml')
  ? t.replace('  - goal: SEC-2\n    outcome: met\n', '  - goal: SEC-2\n    outcome: missed\n    note: Two clusters still uncapped.\n  - goal: SAF-2\n    outcome: slipped\n')
    .replace('    published: 2026-10-02\n', '    published: 2026-11-01\n')
  : t));

describe('report --format markdown on rsp/v2', () => {
  test('example-labs: decision, approvals, models, period, redactions, external review, scales, roles, gradings', () => {
    const r = report([...TODAY, '--format', 'markdown', LABS2]);
    assert.equal(r.status, 0, r.stderr);
    const md = r.stdout;
    // The shipped workspace: clean, six thresholds (with the alert and the research category), two near.
    assert.match(md, /^## RSP overview \(as of 2026-11-23\)\n\n\*\*1 policy\*\* · \*\*6 thresholds\*\* \(0 crossed, 🟠 2 near\) · \*\*0 safeguard gaps\*\* · \*\*14 goals\*\* \(0 overdue, 0 unowned, 1 at risk\) · \*\*findings\*\*: 0 errors, 0 warnings, 0 infos in 4 files\n/);
    assert.match(md, /### Findings\n\n✅ No findings in 4 files\.\n$/);
    assert.match(md, /latest risk report \*\*2026-q3\*\* \(published 2026-09-15\)\n\n\*\*Decision\*\*: \*\*deploy\*\* on 2026-09-15 by ceo, rso · \*\*approved by\*\* ceo, rso\n/);
    assert.match(md, /\n\*\*Models\*\* Example-4, Example-4-mini · \*\*period\*\* 2026-06-15 to 2026-09-14 · \*\*2 redactions\*\* · \*\*external review\*\* by Independent AI Safety Review Panel \(fictional\), received 2026-09-08, published 2026-10-02 \(24 days\)\n/);
    assert.match(md, /\*\*Scales\*\* \(lowest level first\):\n\n- \*\*asl\*\* AI Safety Levels \(safeguards\): ASL-1 → ASL-2 → ASL-3 → ASL-4 · built-in reference asl\n/);
    assert.deepEqual(rowOf(md, '**AI-RND-checkpoint**').slice(0, 3), ['**AI-RND-checkpoint** Autonomous completion of multi-hour software tasks · 🔔 alert for **AI-RND-4**', '🟠 **near**', '—']);
    assert.deepEqual(rowOf(md, '**CYBER-watch**').slice(0, 2), ['**CYBER-watch** Offensive cyber capability · 🔬 research category', '⚪ inconclusive']);
    assert.deepEqual(rowOf(md, '**CBRN-3**').slice(1, 3), ['🟠 **near** · residual risk low', 'ASL-3 (defined)']);
    // The roadmap review of 2026-q3, with the goals' success criteria.
    assert.match(md, /Graded in risk report \*\*2026-q3\*\*:/);
    assert.deepEqual(rowOf(md, '**SEC-2**'), ['**SEC-2** Egress bandwidth limits on all training and serving clusters', '✅ met', '—', 'Outbound bandwidth from every cluster holding weights is capped and alarmed.']);
    assert.deepEqual(rowOf(md, '**SAF-3**').slice(1, 3), ['✖️ dropped', 'Due 2026-09-30, dropped early in favour of contractual audits (SAF-4).']);
    // The at-risk goal needs attention, with its success criteria.
    assert.deepEqual(rowOf(md, '**SAF-2**'), ['**SAF-2** Remediate any newly reported universal jailbreak within 48 hours<br>🎯 Median time from report to fix of a universal jailbreak under 48 hours, over a quarter.',
      'safeguards', 'Safeguards Engineering', '2027-02-28', 'at-risk', '⚠️ at risk']);
  });

  test('a goal graded missed or slipped needs attention; a review published 54 days after receipt is late', () => {
    const r = report([...TODAY, '--format', 'markdown', gradedBadly()]);
    assert.equal(r.status, 0, r.stderr);
    const md = r.stdout;
    assert.match(md, /\*\*14 goals\*\* \(0 overdue, 0 unowned, 1 at risk, ❌ 2 missed or slipped\)/);
    assert.match(md, /published 2026-11-01 ⏰ \*\*late: 54 days\*\*/);
    const attention = md.split('\n').filter((l) => l.startsWith('| **') && l.endsWith('|') && cells(l).length === 6).map((l) => cells(l));
    assert.deepEqual(attention.map((c) => [c[0].split(' ')[0], c[5]]), [
      ['**SEC-2**', '❌ **missed** in 2026-q3'],
      ['**SAF-2**', '⚠️ at risk, ↪️ **slipped** in 2026-q3'],
    ]);
    assert.ok(attention[0][0].includes('<br>🎯 Outbound bandwidth from every cluster holding weights is capped and alarmed.'));
    assert.deepEqual(rowOf(md, '**SEC-2**').slice(1, 3), ['❌ **missed**', 'Two clusters still uncapped.']);
  });

  test('a report without decision, approvals or review of its redactions says so', () => {
    const dir = labs2Copy((n, t) => (n.endsWith('.risk-report.yaml')
      ? t.replace('  approved_by: [ceo, rso]\n', '').replace(/\n {2}external_review:\n(?: {4}.*\n)+/, '\n').replace(/\ndecision:\n(?: {2}.*\n)+(?: {4}.*\n)*/, '\n')
      : t));
    const md = report([...TODAY, '--format', 'markdown', dir]).stdout;
    assert.match(md, /\*\*Decision\*\*: ⚠️ _none recorded_ · ⚠️ \*\*not approved\*\*/);
    assert.match(md, /\*\*2 redactions\*\* · \*\*external review\*\*: ⚠️ _none_/);
  });

  test('gdm-fsf-v3 and openai-preparedness-v2: alerts per CCL, lists of required standards, capability levels, research categories', () => {
    const r = report([...TODAY, '--format', 'markdown', GDM, OPENAI]);
    assert.equal(r.status, 0, r.stderr);
    const md = r.stdout;
    assert.match(md, /- \*\*rand-sl\*\* Security levels \(aligned with RAND SL1-SL5\) \(safeguards\): SL1 → SL2 → SL3 → SL4 → SL5 · built-in reference rand-sl/);
    assert.deepEqual(rowOf(md, '**CBRN-uplift-1** ').slice(1, 3), ['❔ not assessed', 'SL2 (defined), deployment-mitigations (defined)']);
    assert.equal(rowOf(md, '**CBRN-uplift-1-alert**')[0], '**CBRN-uplift-1-alert** Alert threshold for CBRN uplift, level 1 · 🔔 alert for **CBRN-uplift-1**');
    assert.equal(rowOf(md, '**instrumental-reasoning-1** ')[2], 'misalignment-mitigations (provisional)');
    assert.equal(md.split('\n').filter((l) => l.includes('🔔 alert for')).length, 7);
    assert.match(md, /: High → Critical/);
    assert.match(rowOf(md, '**bio-chem-high**')[0], / · level High$/);
    assert.match(rowOf(md, '**cyber-critical**')[0], / · level Critical$/);
    assert.equal(md.split('\n').filter((l) => l.includes('🔬 research category')).length, 5);
  });

  test('v2 document text is escaped everywhere it now appears', () => {
    const evil = 'x | y <img src=x> *b* @org/team https://evil.example';
    const dir = labs2Copy((n, t) => {
      if (n.endsWith('.risk-report.yaml')) return t.replace('reviewer: Independent AI Safety Review Panel (fictional)', `reviewer: "${evil}"`).replace('by: [ceo, rso]\n  rationale', `by: ["${evil}"]\n  rationale`).replace('in production since 2026-06-24.', `${evil}`);
      if (n.endsWith('.roadmap.yaml')) return t.replace('      - Outbound bandwidth from every cluster holding weights is capped and alarmed.', `      - "${evil}"`);
      if (n.endsWith('.rsp.yaml')) return t.replace('    title: AI Safety Levels\n', `    title: "${evil}"\n`);
      return t;
    });
    const md = report([...TODAY, '--format', 'markdown', dir]).stdout;
    assert.ok(!md.includes('<img') && !md.includes('https://evil') && !md.includes('@org'), md);
    const escaped = 'x \\| y &lt;img src=x&gt; \\*b\\* @\u200borg/team https\\:\u200b//evil.example';
    assert.equal(md.split(escaped).length - 1, 5, md);
    assert.equal(rowOf(md, '**SEC-2**').length, 4, 'the pipe stays inside its cell');
  });
});

describe('report --format html on rsp/v2 in Chromium', { skip: !fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, () => {
  let browser, chromium;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-report-v2-html-'));
  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    chromium = await launchChromium();
    browser = chromium.browser;
  });
  after(async () => {
    await chromium?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** Opens an HTML file; records requests and console errors; `done` checks them, screenshots and closes. */
  async function open(file, { scheme = 'light', width = 1400, init } = {}) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests = [], errors = [];
    page.on('request', (q) => requests.push(q.url()));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    if (init) await page.addInitScript(init);
    await page.emulateMedia({ colorScheme: scheme });
    const url = pathToFileURL(file).href;
    await page.goto(url);
    return { page, url, async done(shot, { fullPage = true } = {}) {
      if (shot) await page.screenshot({ path: path.join(ARTIFACTS, `report-v2${shot}.png`), fullPage });
      assert.deepEqual(requests, [url], 'no request leaves the page');
      assert.deepEqual(errors, [], 'no console error (a CSP violation would be one)');
      assert.equal(await page.locator('[style]').count(), 0, 'no style attribute');
      await page.close();
    } };
  }
  function write(name, args) {
    const file = path.join(work, `${name}.html`);
    const r = report(['--out', file, ...args]);
    assert.equal(r.status, 0, r.stderr);
    const html = fs.readFileSync(file, 'utf8');
    assert.ok(!/\sstyle=/.test(html) && !/<script/.test(html) && !/(src|href)="(https?:)?\/\//.test(html), 'self-contained, CSP-clean');
    return file;
  }
  const lineOf = (file, needle) => fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.trim() === needle);

  test('example-labs and gdm-fsf-v3: report facts, scales, roles, alert links, required standards, goal gradings', async () => {
    const v = await open(write('labs2-gdm', [...TODAY, LABS2, GDM]));
    const { page } = v;
    const labs = page.locator('section.policy[data-policy="example-labs-rsp"]');
    const facts = async (key) => (await labs.locator(`.fact[data-fact="${key}"] dd`).innerText()).trim();
    assert.match(await labs.locator('.report.v2 p.report').innerText(), /Latest risk report: 2026-q3 · published 2026-09-15/);
    assert.equal(await facts('decision'), 'deploy on 2026-09-15 by ceo, rso');
    assert.equal(await facts('approved'), 'ceo, rso');
    assert.equal(await facts('models'), 'Example-4, Example-4-mini');
    assert.equal(await facts('period'), '2026-06-15 to 2026-09-14');
    assert.equal(await facts('redactions'), '2 sections withheld');
    assert.match(await facts('review'), /^Independent AI Safety Review Panel \(fictional\) · received 2026-09-08 · published 2026-10-02 · 24 days · https:\/\/example\.org\/example-labs\/reviews\/2026-q3$/);
    assert.equal(await labs.locator('.fact[data-fact="review"] .late').count(), 0);
    const outcome = labs.locator('.outcome');
    assert.notEqual(await outcome.evaluate((e) => getComputedStyle(e).borderTopStyle), 'none', 'the nonce-d style block applies');
    // Scales.
    assert.deepEqual(await labs.locator('li.scale[data-scale="asl"] ol.levels li').allInnerTexts(), ['ASL-1', 'ASL-2', 'ASL-3', 'ASL-4']);
    assert.match(await labs.locator('li.scale .shead').innerText(), /asl AI Safety Levels · safeguards · built-in reference asl/);
    const policyFile = path.join(LABS2, 'example-labs.rsp.yaml');
    assert.match(await labs.locator('li.scale a.sid').getAttribute('href'), new RegExp(`:${lineOf(policyFile, '- id: asl') + 1}:\\d+$`));
    // Roles: the alert links to the row of the threshold it warns of, and back.
    const alert = labs.locator('tr[data-threshold="AI-RND-checkpoint"]');
    assert.equal(await alert.getAttribute('data-role'), 'alert');
    assert.match(await alert.locator('.trole').innerText(), /alert\s+warns of AI-RND-4/);
    const target = await alert.locator('.warns a').getAttribute('href');
    assert.equal(await labs.locator(`tr${target}`).getAttribute('data-threshold'), 'AI-RND-4');
    assert.match(await labs.locator('tr[data-threshold="AI-RND-4"] .warnedby').innerText(), /alert: AI-RND-checkpoint/);
    await alert.locator('.warns a').click();
    assert.equal(await page.evaluate(() => document.querySelector('tr:target')?.dataset.threshold), 'AI-RND-4', 'the link goes to that row');
    assert.equal(await labs.locator('tr[data-threshold="CYBER-watch"]').getAttribute('data-role'), 'research');
    assert.match(await labs.locator('tr[data-threshold="CYBER-watch"] .trole').innerText(), /research\s+watched, no safeguards required/);
    assert.match(await labs.locator('tr[data-threshold="CBRN-3"] .treq').innerText(), /requires ASL-3\s*defined · applied ASL-3 · residual risk low/);
    // Goals: success criteria, completion, reason, grading.
    const sec2 = labs.locator('.goal[data-goal="SEC-2"]');
    assert.match(await sec2.innerText(), /due 2026-08-31 · done 2026-08-12\s+success criteria\s+Outbound bandwidth from every cluster holding weights is capped and alarmed\.\s+✓ met in 2026-q3/i);
    assert.equal(await sec2.locator('.grade').getAttribute('data-grading'), 'met');
    assert.match(await labs.locator('.goal[data-goal="SAF-3"]').innerText(), /Partners could not attest[\s\S]*dropped in 2026-q3\s+Due 2026-09-30, dropped early/);
    assert.equal(await labs.locator('.goal .grade').count(), 3);
    assert.equal(await labs.locator('.goal .criteria').count(), 5);

    // GDM: seven alerts, each linked to its CCL; lists of required standards, each linked to its definition.
    const gdm = page.locator('section.policy[data-policy="gdm-frontier-safety-framework"]');
    assert.equal(await gdm.locator('tr[data-role="alert"]').count(), 7);
    for (const row of await gdm.locator('tr[data-role="alert"]').all()) {
      const id = await row.getAttribute('data-threshold');
      const href = await row.locator('.warns a').getAttribute('href');
      assert.equal(`${await gdm.locator(`tr${href}`).getAttribute('data-threshold')}-alert`, id);
    }
    assert.match(await gdm.locator('.facts').innerText(), /Google DeepMind/);
    assert.match(await gdm.locator('p.report').innerText(), /No risk report links to this policy/);
    const req = gdm.locator('tr[data-threshold="CBRN-uplift-1"] .treq .rq');
    assert.deepEqual(await req.evaluateAll((e) => e.map((x) => x.dataset.standard)), ['SL2', 'deployment-mitigations']);
    assert.match(await gdm.locator('tr[data-threshold="CBRN-uplift-1"] .treq').innerText(), /requires SL2\s*defined\s*\+\s*deployment-mitigations\s*defined/);
    const gdmFile = path.join(GDM, 'gdm-fsf-v3.rsp.yaml');
    const href = await req.nth(1).locator('a').getAttribute('href');
    assert.ok(href.startsWith('vscode://file/') && href.includes('gdm-fsf-v3.rsp.yaml') && href.includes(`:${lineOf(gdmFile, '- id: deployment-mitigations') + 1}:`), href);
    assert.match(await gdm.locator('tr[data-threshold="instrumental-reasoning-1"] .treq .st').innerText(), /provisional/);
    await v.done('-labs-gdm');
  });

  test('missed and slipped goals and a late review are marked; dark scheme readable', async () => {
    const v = await open(write('graded', [...TODAY, gradedBadly()]), { scheme: 'dark' });
    const { page } = v;
    assert.deepEqual(await page.locator('.goal.graded-bad').evaluateAll((g) => g.map((e) => `${e.dataset.goal}:${e.querySelector('.grade').dataset.grading}`)), ['SEC-2:missed', 'SAF-2:slipped']);
    assert.match(await page.locator('.goal[data-goal="SEC-2"] .grade').innerText(), /✗ missed in 2026-q3\s*Two clusters still uncapped\./);
    assert.match(await page.locator('ul.summary').innerText(), /2 missed or slipped/);
    assert.match(await page.locator('section.roadmap h3').innerText(), /2 missed or slipped/);
    const late = page.locator('.fact[data-fact="review"] .late');
    assert.match(await late.innerText(), /late: 54 days after receipt/);
    const lum = (rgb) => { const [r, g, b] = rgb.match(/\d+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
    const colors = await page.evaluate(() => ({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color, dl: getComputedStyle(document.querySelector('dl.facts2')).backgroundColor }));
    assert.ok(lum(colors.bg) < 0.2 && lum(colors.fg) > 0.7 && lum(colors.dl) < 0.3, JSON.stringify(colors));
    const red = await page.locator('.goal[data-goal="SEC-2"] .grade').evaluate((e) => getComputedStyle(e).color);
    const [r, g] = red.match(/\d+/g).map(Number);
    assert.ok(r > 150 && g < 160 && r > g + 50, `missed is red: ${red}`);
    await v.done('-graded-dark');
  });

  test('openai-preparedness-v2: capability levels and research categories; v2 text escaped in the page', async () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const dir = labs2Copy((n, t) => {
      if (n.endsWith('.risk-report.yaml')) return t.replace('reviewer: Independent AI Safety Review Panel (fictional)', `reviewer: '${evil.replace(/'/g, "''")}'`).replace('in production since 2026-06-24.', 'x <script>alert(2)</script>');
      if (n.endsWith('.roadmap.yaml')) return t.replace('      - Outbound bandwidth from every cluster holding weights is capped and alarmed.', '      - "<b>bold</b>"');
      return t;
    });
    const v = await open(write('openai-evil', [...TODAY, OPENAI, dir]), { width: 1280 });
    const { page } = v;
    const oa = page.locator('section.policy[data-policy="openai-preparedness-framework"]');
    assert.equal(await oa.count(), 1, await page.locator('section.policy').evaluateAll((s) => s.map((x) => x.dataset.policy).join()));
    assert.equal(await oa.locator('tr[data-role="research"]').count(), 5);
    assert.equal(await oa.locator('tr[data-threshold="bio-chem-high"] .lvl .lvlchip').innerText(), 'High');
    assert.deepEqual(await oa.locator('li.scale').first().locator('ol.levels li').allInnerTexts(), ['High', 'Critical']);
    assert.equal(await page.locator('img, b:text("bold"), script:text("alert(2)")').count(), 0, 'no element from document text');
    assert.equal(await page.locator('.fact[data-fact="review"] dd').evaluate((e) => e.textContent.startsWith(`<img src=x onerror=alert(1)>"'&`)), true);
    assert.match(await page.locator('.goal[data-goal="SEC-2"] .crit').innerText(), /<b>bold<\/b>/);
    await v.done('-openai');
  });

  test('the webview over LSP (rsp/overview) for a v2 workspace: v2 content, a click posts open at the standard, an alert link stays in the page', async () => {
    const dir = labs2Copy();
    fs.cpSync(GDM, path.join(dir, 'gdm'), { recursive: true });
    const lsp = await startLsp({ root: dir, settings: { today: '2026-11-23' } });
    let r;
    try {
      await lsp.waitDiagnostics(pathToFileURL(path.join(dir, '2026-q3.risk-report.yaml')).href, () => true, 20_000);
      r = await lsp.request('rsp/overview', { nonce: 'abcDEF0123456789abcDEF01' });
    } finally { await lsp.shutdown(); }
    assert.match(r.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abcDEF0123456789abcDEF01'; script-src 'nonce-abcDEF0123456789abcDEF01'; base-uri 'none'; form-action 'none'">/);
    assert.ok(!/\sstyle=/.test(r.html) && !/vscode:\/\//.test(r.html) && r.html.includes(r.body));
    const file = path.join(work, 'webview-v2.html');
    fs.writeFileSync(file, r.html);
    const v = await open(file, { width: 1200, init: () => { window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => undefined }); } });
    const { page, url } = v;
    assert.equal(await page.locator('section.policy').count(), 2);
    assert.equal(await page.locator('.fact[data-fact="decision"] dd').innerText(), 'deploy on 2026-09-15 by ceo, rso');
    assert.equal(await page.locator('tr[data-role="alert"]').count(), 8);
    assert.equal(await page.locator('.goal .grade').count(), 3);
    // A required standard posts `open` at its definition.
    await page.locator('section.policy[data-policy="gdm-frontier-safety-framework"] tr[data-threshold="CBRN-uplift-1"] .rq[data-standard="SL2"] a').click();
    const gdmFile = path.join(dir, 'gdm', 'gdm-fsf-v3.rsp.yaml');
    const li = lineOf(gdmFile, '- id: SL2');
    const posted = await page.evaluate(() => window.posted);
    assert.deepEqual(posted, [{ command: 'open', path: gdmFile, line: li, character: fs.readFileSync(gdmFile, 'utf8').split('\n')[li].indexOf('SL2') }]);
    // The alert link is an in-page anchor: no `open`, no navigation away.
    await page.locator('tr[data-threshold="AI-RND-checkpoint"] .warns a').click();
    assert.equal((await page.evaluate(() => window.posted)).length, 1);
    assert.ok(page.url().startsWith(url));
    await page.evaluate(() => window.scrollTo(0, 0));
    await v.done('-webview', { fullPage: false });
  });
});
