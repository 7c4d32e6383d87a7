// `rsp-lint report`: the policy overview as Markdown (pull-request comments) and as one
// self-contained HTML page, rendered in real Chromium (playwright-core, Debian's chromium):
// what a reviewer sees, no request leaving the page, no console error under the strict CSP,
// light and dark. Screenshots go to .test-artifacts/report-*.png.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, launchChromium } from './lib/chromium.mjs';
import { ROOT, rspLint, lintJson } from './lib/cli.mjs';
import { tempTree } from './lib/docs.mjs';

const ARTIFACTS = path.join(ROOT, '.test-artifacts');
// The full rsp/v1 edition of example-labs, frozen: this file checks the report on v1 documents
// (report-v2.test.mjs checks it on the shipped v2 workspace, examples/example-labs).
const LABS = path.join(ROOT, 'test', 'fixtures', 'example-labs-v1-full');
const LABS_REL = path.relative(ROOT, LABS);
const TODAY = ['--today', '2026-11-23'];
const report = (args, opts) => rspLint(['report', ...args], opts);

/** Splits a Markdown table row into its cells (an escaped \| stays inside its cell). */
const cells = (line) => line.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
const rowOf = (text, start) => {
  const line = text.split('\n').find((l) => l.startsWith(`| ${start}`));
  assert.ok(line, `no row starting with '| ${start}' in:\n${text}`);
  return cells(line);
};

/** The v1 edition of example-labs copied to a temp folder, with `edit(name, text)` applied to each file. */
function labsCopy(edit = (_n, t) => t) {
  const files = {};
  for (const n of fs.readdirSync(LABS)) files[n] = edit(n, fs.readFileSync(path.join(LABS, n), 'utf8'));
  return tempTree(files);
}

/** Counts of a lint run's findings, as the report counts them. */
function lintCounts(args) {
  const r = lintJson(args);
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const f of r.findings) f.severity === 'error' ? c.errors++ : f.severity === 'warning' ? c.warnings++ : c.infos++;
  return c;
}

describe('report: usage', () => {
  test('rsp-lint --help names the report subcommand; report --help prints its usage', () => {
    assert.match(rspLint(['--help']).stdout, /rsp-lint report \[--format html\|markdown\] \[--out FILE\] \[--today YYYY-MM-DD\] \[paths\.\.\.\]/);
    const r = report(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: rsp-lint report \[options\] \[paths\.\.\.\]/);
    for (const flag of ['--format', '--out', '--today']) assert.ok(r.stdout.includes(flag), flag);
  });
  for (const [args, fragment] of [
    [['--format', 'pdf', 'examples/example-labs'], "unknown format 'pdf'"],
    [['--today', '2026-13-01', 'examples/example-labs'], '--today needs a date'],
    [['--quiet', 'examples/example-labs'], "Unknown option '--quiet'"],
    [['no/such/folder'], 'no such file or folder: no/such/folder'],
    [['--out', 'no/such/folder/report.html', 'examples/example-labs'], 'cannot write no/such/folder/report.html: the folder it would go in does not exist'],
  ]) {
    test(`usage error: report ${args.join(' ')} → exit 2, one line on stderr`, () => {
      const r = report(args);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.ok(r.stderr.startsWith('rsp-lint report: ') && r.stderr.includes(fragment), r.stderr);
    });
  }
  test('options may come before the subcommand', () => {
    const r = rspLint(['--today', '2026-11-23', 'report', '--format', 'markdown', 'examples/example-labs']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^## RSP overview \(as of 2026-11-23\)/);
  });
  test('without --out the HTML goes to stdout; --out writes the file atomically and replaces an old one', () => {
    const r = report([...TODAY, 'examples/example-labs']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.ok(r.stdout.trimEnd().endsWith('</html>'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-report-'));
    const out = path.join(dir, 'report.html');
    fs.writeFileSync(out, 'old');
    const w = report([...TODAY, '--out', out, 'examples/example-labs']);
    assert.equal(w.status, 0, w.stderr);
    assert.equal(w.stdout, '');
    assert.equal(fs.readFileSync(out, 'utf8'), r.stdout);
    assert.deepEqual(fs.readdirSync(dir), ['report.html'], 'no temporary file left behind');
  });
});

describe('report --format markdown', () => {
  test('example-labs, v1 edition: summary, matrix rows, roadmap attention, no findings', () => {
    const r = report([...TODAY, '--format', 'markdown', LABS_REL]);
    assert.equal(r.status, 0, r.stderr);
    const md = r.stdout;
    assert.match(md, /^## RSP overview \(as of 2026-11-23\)\n\n\*\*1 policy\*\* · \*\*4 thresholds\*\* \(0 crossed, 🟠 1 near\) · \*\*0 safeguard gaps\*\* · \*\*14 goals\*\* \(0 overdue, 0 unowned, 1 at risk\) · \*\*findings\*\*: 0 errors, 0 warnings, 0 infos in 3 files\n/);
    assert.match(md, /^### Responsible Scaling Policy — Example Labs, version 3\.0$/m);
    assert.match(md, /latest risk report \*\*2026-q3\*\* \(model Example-4, published 2026-09-15\)/);
    // 24 safeguards: folded by standard.
    assert.deepEqual(rowOf(md, 'Threshold'), ['Threshold', 'Determination', 'Requires', 'ASL-2 (defined)', 'ASL-3 (defined)', 'ASL-4 (provisional)', 'Not implemented']);
    assert.deepEqual(rowOf(md, '**CBRN-3**'), ['**CBRN-3** Uplift for non-experts toward CBRN weapons', '🟠 **near**', 'ASL-3 (defined)', '·', '✅ 13/13', '·', '—']);
    assert.deepEqual(rowOf(md, '**CBRN-4**').slice(1, 6), ['🟢 below', 'ASL-4 (provisional)', '·', '·', '◐ 0/3']);
    assert.deepEqual(rowOf(md, '**AI-RND-4**').slice(1), ['🟢 below', 'ASL-3 (defined)', '·', '✅ 13/13', '◐ 0/1', 'asl4-affirmative-safety-case: ◐ partial']);
    assert.ok(rowOf(md, '**AI-RND-5**')[6].includes('asl4-insider-risk-program: 🕓 planned'));
    assert.deepEqual(rowOf(md, 'safeguards'), ['safeguards', '4', '1', '0', '0', '⚠️ 1']);
    assert.deepEqual(rowOf(md, '**SAF-2**').slice(1), ['safeguards', 'Safeguards Engineering', '2027-02-28', 'at-risk', '⚠️ at risk']);
    assert.match(md, /### Findings\n\n✅ No findings in 3 files\.\n$/);
  });

  test('with-problems: crossed with gaps, overdue and unowned goals, findings per file with the lint totals', () => {
    const r = report([...TODAY, '--format', 'markdown', 'examples/with-problems']);
    assert.equal(r.status, 0, 'the report was written: exit 0 whatever it shows');
    const md = r.stdout;
    assert.match(md, /\(🔴 1 crossed, 0 near\) · \*\*2 safeguard gaps\*\* ❗/);
    // base.rsp.yaml has 4 safeguards: the full matrix.
    assert.deepEqual(rowOf(md, '**CBRN-3** Uplift for non-experts toward CBRN weapons | 🔴'),
      ['**CBRN-3** Uplift for non-experts toward CBRN weapons', '🔴 **crossed**', 'ASL-3 (defined)', '✅ implemented', '✅ implemented', '❗ ◐ partial', '❗ 🕓 planned']);
    assert.deepEqual(rowOf(md, '**SAF-1**').slice(1), ['safeguards', 'Safeguards Engineering', '2026-01-15', 'in-progress', '⏰ **overdue 312 days**']);
    assert.ok(md.includes('| **SEC-2** Two-party authorization for weight access | security | — | 2027-03-31 | planned | 👤 **no owner** |'), md);
    assert.ok(md.includes('| security | TBD | 2027-03-31 | planned | 👤 **placeholder owner** |'));
    assert.deepEqual(rowOf(md, 'examples/with-problems/goals.roadmap.yaml'), ['examples/with-problems/goals.roadmap.yaml:15', '❌ 4', '⚠️ 1', '0']);
    const c = lintCounts([...TODAY, 'examples/with-problems']);
    const total = rowOf(md, '**Total**');
    assert.deepEqual(total.slice(1), [`**${c.errors}**`, `**${c.warnings}**`, `**${c.infos}**`]);
    assert.match(total[0], /^\*\*Total\*\* \(16 files, 1 without findings\)$/);
  });

  test('document text is escaped: pipes and newlines stay in their cell, no HTML, no mentions', () => {
    const dir = labsCopy((n, t) => (n.endsWith('.roadmap.yaml')
      ? t.replace('title: Remediate any newly reported universal jailbreak within 48 hours', 'title: "Fix | pipes\\nand <img src=x> *bold* @org/team"')
      : t));
    const r = report(['--today', '2026-11-23', '--format', 'markdown', dir]);
    assert.equal(r.status, 0, r.stderr);
    const line = r.stdout.split('\n').find((l) => l.startsWith('| **SAF-2**'));
    assert.ok(line, r.stdout);
    assert.equal(cells(line).length, 6, line);
    assert.ok(line.includes('Fix \\| pipes\\\\nand &lt;img src=x&gt; \\*bold\\* @\u200borg/team'), line);
    assert.ok(!r.stdout.includes('<img'));
  });
});

describe('report --format html in Chromium', { skip: !fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, () => {
  let browser, chromium;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-report-html-'));
  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    chromium = await launchChromium();
    browser = chromium.browser;
  });
  after(async () => {
    await chromium?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  /** Writes the report of `paths` and opens it; records every request and console error. */
  async function openReport(name, args, { scheme = 'light', width = 1400 } = {}) {
    const file = path.join(work, `${name}.html`);
    const r = report(['--out', file, ...args]);
    assert.equal(r.status, 0, r.stderr);
    const html = fs.readFileSync(file, 'utf8');
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const requests = [], errors = [];
    page.on('request', (q) => requests.push(q.url()));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.emulateMedia({ colorScheme: scheme });
    const url = pathToFileURL(file).href;
    await page.goto(url);
    return { page, html, file, url, requests, errors, async done(shot) {
      if (shot) await page.screenshot({ path: path.join(ARTIFACTS, `report-${shot}.png`), fullPage: true });
      assert.deepEqual(requests, [url], 'no request leaves the page');
      assert.deepEqual(errors, [], 'no console error (a CSP violation would be one)');
      await page.close();
    } };
  }

  test('example-labs, v1 edition: header, matrix, timeline, findings; links open VS Code at the line', async () => {
    const v = await openReport('example-labs', [...TODAY, LABS]);
    const { page, html } = v;
    // Self-contained and CSP-clean: no style attributes, no scripts, no external URL.
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[A-Za-z0-9]+'; base-uri 'none'; form-action 'none'">/);
    assert.ok(!/\sstyle=/.test(html) && !/<script/.test(html) && !/(src|href)="(https?:)?\/\//.test(html));
    assert.equal(await page.locator('[style]').count(), 0);
    assert.equal(await page.title(), 'Example Labs — Responsible Scaling Policy overview');
    assert.match(await page.locator('section.policy .facts').innerText(), /Example Labs · version 3\.0/);
    assert.match(await page.locator('section.policy .report').innerText(), /Latest risk report: 2026-q3 · model Example-4 · published 2026-09-15/);

    // The matrix: one row per threshold, 24 safeguard columns grouped by standard.
    assert.deepEqual(await page.locator('table.matrix tr[data-threshold]').evaluateAll((rows) => rows.map((r) => r.dataset.threshold)), ['CBRN-3', 'CBRN-4', 'AI-RND-4', 'AI-RND-5']);
    assert.equal(await page.locator('table.matrix th.sg').count(), 24);
    assert.deepEqual(await page.locator('table.matrix th.std').allInnerTexts(), ['ASL-2 defined', 'ASL-3 defined', 'ASL-4 provisional']);
    const cbrn3 = page.locator('tr[data-threshold="CBRN-3"]');
    const badge = cbrn3.locator('.badge');
    assert.ok(await badge.isVisible());
    assert.equal((await badge.innerText()).trim().toLowerCase(), '◆ near');
    const bg = await badge.evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'the badge is filled: the nonce-d style block applies');
    assert.match(await cbrn3.locator('th.thr').innerText(), /requires ASL-3\s*defined · applied ASL-3/);
    for (const id of ['CBRN-4', 'AI-RND-4', 'AI-RND-5']) assert.equal((await page.locator(`tr[data-threshold="${id}"] .badge`).innerText()).toLowerCase(), '✓ below');
    // CBRN-3 requires the 13 ASL-3 safeguards, all implemented; AI-RND-4 adds the partial safety case.
    assert.equal(await cbrn3.locator('td.req.s-implemented').count(), 13);
    assert.equal(await cbrn3.locator('td.nr').count(), 11);
    const extra = page.locator('tr[data-threshold="AI-RND-4"] td[data-safeguard="asl4-affirmative-safety-case"]');
    assert.equal(await extra.getAttribute('data-status'), 'partial');
    assert.match(await extra.innerText(), /◐/);
    assert.match(await extra.locator('.sr').textContent(), /asl4-affirmative-safety-case: partial/, 'not colour only');
    assert.equal(await page.locator('td.gap').count(), 0);

    // Every link is a vscode://file URL with the absolute path and a 1-based line:column.
    const policyFile = path.join(LABS, 'example-labs.rsp.yaml');
    const lines = fs.readFileSync(policyFile, 'utf8').split('\n');
    const li = lines.findIndex((l) => l.trim() === '- id: CBRN-3');
    const href = await cbrn3.locator('a.tid').getAttribute('href');
    assert.equal(href, `vscode://file${policyFile.split('/').map(encodeURIComponent).join('/')}:${li + 1}:${lines[li].indexOf('CBRN-3') + 1}`);
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 60 && hrefs.every((h) => h.startsWith('vscode://file/') || h.startsWith('#')), hrefs.join('\n'));

    // The timeline: four lanes, every goal once, the today marker between Oct 2026 and Feb 2027.
    assert.deepEqual(await page.locator('table.timeline th.lane').evaluateAll((t) => t.map((e) => e.dataset.lane)), ['security', 'alignment', 'safeguards', 'policy']);
    assert.deepEqual(await page.locator('table.timeline th.lane').allInnerTexts(), ['Security (4)', 'Alignment (3)', 'Safeguards (4)', 'Policy (3)']);
    assert.equal(await page.locator('.goal[data-goal]').count(), 14);
    assert.equal(await page.locator('td[data-lane="security"] .goal').count(), 4);
    const sec3 = page.locator('.goal[data-goal="SEC-3"]');
    assert.match(await sec3.innerText(), /SEC-3\s+▸ in progress\s+Reach security against state-level attackers \(about RAND SL4\)\s+Chief Information Security Officer\s+due 2027-12-15/);
    assert.equal(await page.locator('.goal.overdue, .goal.unowned').count(), 0);
    const now = page.locator('tr.now');
    assert.equal(await now.count(), 1);
    assert.match(await now.innerText(), /today\s+▼ 2026-11-23/);
    const order = await page.locator('tr.now, .goal[data-goal="ALN-3"], .goal[data-goal="SAF-2"]').evaluateAll((els) => els.map((e) => e.dataset.goal ?? 'today'));
    assert.deepEqual(order, ['ALN-3', 'today', 'SAF-2']);
    assert.equal(await page.locator('.goal[data-goal="SAF-2"]').getAttribute('class'), 'goal g-at-risk');

    // Findings per file and the totals.
    assert.equal(await page.locator('table.files tbody tr').count(), 3);
    assert.match(await page.locator('table.files tfoot').innerText(), /Total \(3 files\)\s+0\s+0\s+0/);
    await v.done('example-labs');
  });

  test('dark colour scheme: dark background, light text, still readable badges', async () => {
    const v = await openReport('example-labs-dark', [...TODAY, LABS], { scheme: 'dark' });
    const lum = (rgb) => { const [r, g, b] = rgb.match(/\d+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
    const colors = await v.page.evaluate(() => ({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color }));
    assert.ok(lum(colors.bg) < 0.2 && lum(colors.fg) > 0.7, JSON.stringify(colors));
    assert.equal((await v.page.locator('tr[data-threshold="CBRN-3"] .badge').innerText()).toLowerCase(), '◆ near');
    await v.done('example-labs-dark');
  });

  test('--today 2027-06-01: overdue goals in red with the days late, the marker in June 2027', async () => {
    const v = await openReport('overdue', ['--today', '2027-06-01', LABS]);
    const { page } = v;
    assert.deepEqual(await page.locator('.goal.overdue').evaluateAll((g) => g.map((e) => e.dataset.goal)), ['SAF-2', 'ALN-1', 'SAF-4']);
    const aln1 = page.locator('.goal[data-goal="ALN-1"]');
    assert.match(await aln1.innerText(), /due 2027-03-31\s+⚠ 62 days late/);
    const red = await aln1.locator('.late').evaluate((e) => getComputedStyle(e).color);
    const [r, g] = red.match(/\d+/g).map(Number);
    assert.ok(r > 150 && g < 100, `late text is red: ${red}`);
    assert.match(await page.locator('ul.summary').innerText(), /3 overdue/);
    assert.match(await page.locator('section.roadmap h3').innerText(), /3 overdue/);
    assert.equal(await page.locator('tr.now').getAttribute('data-today'), '2027-06-01');
    const order = await page.locator('tr.now, .goal[data-goal="SAF-4"], .goal[data-goal="SEC-4"]').evaluateAll((els) => els.map((e) => e.dataset.goal ?? 'today'));
    assert.deepEqual(order, ['SAF-4', 'today', 'SEC-4']);
    await v.done('overdue');
  });

  test('a goal without owner is marked unowned; the findings count its error', async () => {
    const dir = labsCopy((n, t) => (n.endsWith('.roadmap.yaml') ? t.replace('    owner: Security Engineering\n    due: 2027-06-30\n', '    due: 2027-06-30\n') : t));
    const v = await openReport('unowned', [...TODAY, dir]);
    const { page } = v;
    const sec4 = page.locator('.goal[data-goal="SEC-4"]');
    assert.equal(await sec4.getAttribute('class'), 'goal g-planned unowned');
    assert.match(await sec4.locator('.owner').innerText(), /⚠ no owner/);
    assert.equal(await page.locator('.goal.unowned').count(), 1);
    assert.match(await page.locator('ul.summary').innerText(), /1 unowned/);
    const c = lintCounts([...TODAY, dir]);
    assert.deepEqual(c, { errors: 1, warnings: 0, infos: 0 });
    assert.match(await page.locator('tr[data-file$="frontier-safety.roadmap.yaml"]').innerText(), /frontier-safety\.roadmap\.yaml\s+1\s+0\s+0\s+first at \d+:\d+/);
    assert.match(await page.locator('table.files tfoot').innerText(), /Total \(3 files\)\s+1\s+0\s+0/);
    await v.done('unowned');
  });

  test('with-problems: crossed threshold with gaps marked, totals as the lint run, several policies', async () => {
    const v = await openReport('with-problems', [...TODAY, path.join(ROOT, 'examples', 'with-problems')], { width: 1280 });
    const { page } = v;
    const row = page.locator('section.policy').first().locator('tr[data-threshold="CBRN-3"]');
    assert.equal((await row.locator('.badge').innerText()).toLowerCase(), '▲ crossed');
    assert.deepEqual(await row.locator('td.gap').evaluateAll((t) => t.map((e) => `${e.dataset.safeguard}=${e.dataset.status}`)), ['asl3-egress-control=partial', 'asl3-two-party-access=planned']);
    assert.match(await row.locator('td.gap').first().locator('.sr').textContent(), /partial, gap/);
    assert.match(await row.locator('.gaptext').innerText(), /2 gaps/);
    assert.equal(await page.locator('section.policy').count(), 5);
    assert.match(await page.locator('.goal[data-goal="SAF-1"].overdue').innerText(), /312 days late/);
    assert.match(await page.locator('.goal.unowned').first().innerText(), /placeholder owner “TBD”/);
    const c = lintCounts([...TODAY, 'examples/with-problems']);
    const foot = await page.locator('table.files tfoot').innerText();
    assert.match(foot, new RegExp(`Total \\(16 files\\)\\s+${c.errors}\\s+${c.warnings}\\s+${c.infos}`));
    await v.done('with-problems');
  });

  test('a narrow window (a webview beside the editor): no page-wide horizontal scroll', async () => {
    const v = await openReport('narrow', [...TODAY, LABS], { width: 720 });
    assert.equal(await v.page.evaluate(() => document.documentElement.scrollWidth), 720, 'wide tables scroll inside their own box');
    await v.done('narrow');
  });

  test('webview mode: a click posts open with the place, an update message swaps the body and keeps the scroll', async () => {
    const tsx = path.join(ROOT, 'node_modules', 'tsx');
    if (!fs.existsSync(tsx)) return;
    // The renderer itself (not reachable from the CLI): through tsx, as the language server calls it.
    const script = path.join(work, 'render.mts');
    const src = (m) => pathToFileURL(path.join(ROOT, 'server', 'src', ...m.split('/'))).href;
    fs.writeFileSync(script, `
import { NodeHost } from '${src('engine/workspace/node-host.ts')}';
import { Workspace } from '${src('engine/workspace/workspace.ts')}';
import { buildOverview } from '${src('engine/features/overview.ts')}';
import { renderOverviewHtml, renderOverviewBody } from '${src('present/overview-html.ts')}';
import * as fs from 'node:fs';
const dir = ${JSON.stringify(LABS)};
const paths = fs.readdirSync(dir).map((n) => dir + '/' + n);
const view = (today) => { const ws = new Workspace(new NodeHost(dir), { today }); return buildOverview(ws, paths, new Map(paths.map((p) => [p, ws.analyze(p)])), today); };
fs.writeFileSync(${JSON.stringify(path.join(work, 'webview.html'))}, renderOverviewHtml(view('2026-11-23'), { mode: 'webview', nonce: 'abcDEF0123456789abcDEF01', title: 'RSP Policy Overview' }));
fs.writeFileSync(${JSON.stringify(path.join(work, 'update.html'))}, renderOverviewBody(view('2027-06-01'), { mode: 'webview' }));
`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const html = fs.readFileSync(path.join(work, 'webview.html'), 'utf8');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-abcDEF0123456789abcDEF01'; script-src 'nonce-abcDEF0123456789abcDEF01'; base-uri 'none'; form-action 'none'">/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(!/\sstyle=/.test(html) && !/vscode:\/\//.test(html));
    const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    // What VS Code provides to a webview.
    await page.addInitScript(() => { window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => undefined }); });
    const url = pathToFileURL(path.join(work, 'webview.html')).href;
    await page.goto(url);
    await page.locator('tr[data-threshold="CBRN-3"] a.tid').click();
    await page.locator('.goal[data-goal="SEC-3"]').click();
    const policy = path.join(LABS, 'example-labs.rsp.yaml');
    const lines = fs.readFileSync(policy, 'utf8').split('\n');
    const li = lines.findIndex((l) => l.trim() === '- id: CBRN-3');
    const posted = await page.evaluate(() => window.posted);
    assert.deepEqual(posted[0], { command: 'open', path: policy, line: li, character: lines[li].indexOf('CBRN-3') });
    assert.equal(posted[1].path, path.join(LABS, 'frontier-safety.roadmap.yaml'));
    assert.equal(page.url(), url, 'a click does not navigate');
    // Paths are shown relative to the folder they share.
    assert.ok((await page.locator('table.files tbody').innerText()).includes('example-labs.rsp.yaml') && !(await page.locator('table.files tbody').innerText()).includes(LABS));
    await page.evaluate(() => window.scrollTo(0, 600));
    const body = fs.readFileSync(path.join(work, 'update.html'), 'utf8');
    await page.evaluate((h) => window.postMessage({ command: 'update', html: h }, '*'), body);
    await page.waitForFunction(() => document.querySelectorAll('.goal.overdue').length === 3);
    assert.equal(await page.evaluate(() => window.scrollY), 600);
    await page.locator('.goal[data-goal="ALN-1"]').click();
    assert.equal((await page.evaluate(() => window.posted)).length, 3, 'the click handler survives the update');
    await page.screenshot({ path: path.join(ARTIFACTS, 'report-webview.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
