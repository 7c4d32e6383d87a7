// rsp-lint render through the CLI as a process: the HTML page in real Chromium (every in-page
// link resolves, no script, no request leaves the page, CSP present, printable), the Markdown
// as GitHub renders it (micromark + GFM: every link is an in-page anchor that resolves to a
// heading's GitHub slug), byte-stable output, v1 policies, the error banner, --strict, --out and
// empty runs. Screenshots go to .test-artifacts/render-*.png (docs/images/render-anthropic-rsp-v3.png
// is a copy of the light one).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { ROOT, rspLint } from './lib/cli.mjs';
import { CHROMIUM, launchChromium } from './lib/chromium.mjs';
import { assertInertMarkdown } from './security/markdown-check.mjs';

const ARTIFACTS = path.join(ROOT, '.test-artifacts');
const ANTHROPIC = 'examples/anthropic-rsp-v3';
const LABS_V2 = 'examples/example-labs';
const LABS_V1 = 'test/fixtures/example-labs-v1-full';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-render-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

const render = (args, opts) => rspLint(['render', ...args], opts);

/** GitHub's heading anchors of rendered Markdown: the slug of each heading's text, made unique
 *  in order (`x`, `x-1`, …) as github-slugger does. */
function githubAnchors(html) {
  const seen = new Map();
  const out = [];
  for (const m of html.matchAll(/<h[1-6]>(.*?)<\/h[1-6]>/g)) {
    const textOf = m[1].replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const base = textOf.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
    let slug = base;
    while (seen.has(slug)) { const n = seen.get(base) + 1; seen.set(base, n); slug = `${base}-${n}`; }
    seen.set(slug, 0);
    out.push(slug);
  }
  return out;
}

describe('markdown', () => {
  for (const ex of [ANTHROPIC, LABS_V2, LABS_V1, 'examples/gdm-fsf-v3', 'examples/openai-preparedness-v2']) {
    test(`${ex}: renders on GitHub with every in-page link resolving to a heading`, async () => {
      const r = render(['--format', 'markdown', ex]);
      assert.equal(r.status, 0, r.stderr);
      await assertInertMarkdown(r.stdout, { allowedLinks: [/^#[\p{L}\p{M}\p{N}_-]+$/u, ''] } /* '' : a closing </a> */);
      const html = micromark(r.stdout, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
      const anchors = new Set(githubAnchors(html));
      const links = [...html.matchAll(/href="#([^"]*)"/g)].map((m) => decodeURIComponent(m[1]));
      assert.ok(links.length > 10, `${links.length} links`);
      for (const l of links) assert.ok(anchors.has(l), `#${l} is no heading anchor`);
      assert.doesNotMatch(r.stdout, /<[a-z]/i, 'no raw HTML at all');
    });
  }

  test('anthropic-rsp-v3: the sections in order, commitments by track', () => {
    const r = render(['--format', 'markdown', ANTHROPIC]);
    const h2 = [...r.stdout.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(h2, ['Levels', 'Capability thresholds', 'Standards and safeguards', 'Commitments', 'Risk reporting', 'Governance', 'Change log', 'Latest risk report', 'Frontier Safety Roadmap']);
    assert.match(r.stdout, /^# Responsible Scaling Policy$/m);
    assert.match(r.stdout, /^Version 3\.0 · effective 2026-02-24 · supersedes version 2\.2/m);
    assert.match(r.stdout, /^### Our own commitments$/m);
    assert.match(r.stdout, /^### Recommendations for the industry$/m);
    assert.match(r.stdout, /not yet graded by a risk report/, 'its illustrative report reviews no goal');
  });

  test('example-labs (v2): grades met and dropped from the report\'s roadmap_review, alerts link their threshold', () => {
    const r = render(['--format', 'markdown', LABS_V2]);
    const goal = (id) => r.stdout.split(/^#### /m).find((s) => s.startsWith(`${id}\n`)) ?? '';
    assert.match(goal('SEC-2'), /graded \*\*met\*\*/);
    assert.match(goal('SAF-3'), /graded \*\*dropped\*\*/);
    assert.match(goal('SAF-3'), /Due 2026-09-30, dropped early/);
    assert.doesNotMatch(goal('SEC-3'), /graded/);
    assert.match(r.stdout, /- \*\*Warns of:\*\* \[`AI-RND-4`\]\(#ai-rnd-4\)/);
    assert.match(r.stdout, /- \*\*Early warning:\*\* \[`AI-RND-checkpoint`\]\(#ai-rnd-checkpoint\)/);
  });

  test('a v1 policy renders with its ASL standards', () => {
    const r = render(['--format', 'markdown', LABS_V1]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^## ASL standards and safeguards$/m);
    assert.match(r.stdout, /^### ASL-3$/m);
    assert.doesNotMatch(r.stdout, /^## Levels$/m, 'v1 declares no scales');
  });
});

describe('stable output, files, empty runs', () => {
  test('the same input gives the same bytes (HTML and Markdown), whatever the folder it runs from', () => {
    for (const fmt of ['html', 'markdown']) {
      const a = render(['--format', fmt, ANTHROPIC]);
      const b = render(['--format', fmt, ANTHROPIC]);
      assert.equal(a.status, 0);
      assert.equal(a.stdout, b.stdout, fmt);
      assert.ok(!/\d{4}-\d{2}-\d{2}T\d{2}:/.test(a.stdout), 'no timestamp');
    }
    const abs = render([path.join(ROOT, ANTHROPIC)], { cwd: work });
    assert.equal(abs.status, 0);
  });

  test('--out writes the file atomically and says so; a link as --out is refused', () => {
    const out = path.join(work, 'policy.html');
    const r = render(['--out', out, ANTHROPIC]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /wrote .*policy\.html/);
    assert.equal(fs.readFileSync(out, 'utf8'), render([ANTHROPIC]).stdout);
    const link = path.join(work, 'link.md');
    const target = path.join(work, 'target.md');
    fs.writeFileSync(target, 'keep\n');
    fs.symlinkSync(target, link);
    const l = render(['--format', 'markdown', '--out', link, ANTHROPIC]);
    assert.equal(l.status, 2);
    assert.match(l.stderr, /symbolic link/);
    assert.equal(fs.readFileSync(target, 'utf8'), 'keep\n');
  });

  test('no policy: exit 2, or 0 with --allow-empty; a roadmap alone renders the policy it links', () => {
    const empty = path.join(work, 'empty');
    fs.mkdirSync(empty);
    const r = render([empty]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no RSP documents/i);
    assert.equal(render(['--allow-empty', empty]).status, 0);
    const viaRoadmap = render(['--format', 'markdown', `${LABS_V2}/frontier-safety.roadmap.yaml`]);
    assert.equal(viaRoadmap.status, 0, viaRoadmap.stderr);
    assert.match(viaRoadmap.stdout, /^## Frontier Safety Roadmap$/m);
    assert.match(viaRoadmap.stdout, /^### CBRN-3$/m);
    assert.equal(render(['--format', 'pdf', ANTHROPIC]).status, 2);
  });
});

describe('a policy with errors', () => {
  let dir;
  before(() => {
    dir = path.join(work, 'broken');
    fs.mkdirSync(dir);
    assert.equal(rspLint(['init', '--framework', 'minimal', dir]).status, 0);
    const p = path.join(dir, 'policy.rsp.yaml');
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('requires: ASL-3', 'requires: ASL-9'));
  });

  test('renders with a banner that lists the errors', () => {
    const r = render(['--format', 'markdown', dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\*\*⚠ This document has 1 error\*\*/m);
    assert.match(r.stdout, /^- `[^`]*policy\.rsp\.yaml:\d+:\d+` .*ASL-9.* \(unknown-reference\)$/m);
    const html = render([dir]).stdout;
    assert.match(html, /<aside class="banner" role="alert">/);
  });

  test('--strict: exit 1 naming the file, nothing written', () => {
    const out = path.join(work, 'strict.html');
    const r = render(['--strict', '--out', out, dir]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /not rendered: 1 error in .*policy\.rsp\.yaml \(--strict\)/);
    assert.ok(!fs.existsSync(out));
    assert.equal(render(['--strict', ANTHROPIC]).status, 0, 'a clean policy renders under --strict');
  });

  test('a YAML mistake: cannot be rendered at all, exit 1 with the line', () => {
    const bad = path.join(work, 'yaml-mistake');
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, 'p.rsp.yaml'), 'format: rsp/v2\nkind: policy\npolicy:\n  title: "unclosed\n');
    const r = render(['--format', 'markdown', bad]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^rsp-lint render: cannot render .*p\.rsp\.yaml: .*\(line \d+, yaml-syntax\); run rsp-lint on it\n$/);
  });
});

describe('html in Chromium', { skip: !fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, () => {
  let chromium;
  before(async () => { fs.mkdirSync(ARTIFACTS, { recursive: true }); chromium = await launchChromium(); });
  after(async () => { await chromium?.close(); });

  async function open(name, args, { scheme = 'light', width = 1000 } = {}) {
    const file = path.join(work, `${name}.html`);
    const r = render(['--out', file, ...args]);
    assert.equal(r.status, 0, r.stderr);
    const html = fs.readFileSync(file, 'utf8');
    const page = await chromium.browser.newPage({ viewport: { width, height: 1300 } });
    const requests = [], errors = [];
    page.on('request', (q) => requests.push(q.url()));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.emulateMedia({ colorScheme: scheme });
    const url = pathToFileURL(file).href;
    await page.goto(url);
    return { page, html, url, requests, errors };
  }

  test('anthropic-rsp-v3: title block, contents, anchors that resolve, no script, nothing loaded', async () => {
    const { page, html, url, requests, errors } = await open('anthropic', [ANTHROPIC]);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[A-Za-z0-9]+'; base-uri 'none'; form-action 'none'">/);
    assert.ok(!/<script/i.test(html) && !/\sstyle=/.test(html));
    assert.equal(await page.locator('script, [style], img, iframe, object, embed, link').count(), 0);
    assert.equal(await page.title(), 'Anthropic — Responsible Scaling Policy 3.0');
    assert.equal(await page.locator('h1').innerText(), 'Responsible Scaling Policy');
    assert.match(await page.locator('.titleblock').innerText(), /Version 3\.0 · effective 2026-02-24/);
    const toc = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.textContent));
    assert.deepEqual(toc, ['Levels', 'Capability thresholds', 'Standards and safeguards', 'Commitments', 'Risk reporting', 'Governance', 'Change log', 'Latest risk report', 'Frontier Safety Roadmap']);
    // Every in-page link has its target; ids are unique.
    const broken = await page.evaluate(() => [...document.querySelectorAll('a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href').slice(1))).filter((id) => !document.getElementById(id)));
    assert.deepEqual(broken, []);
    const dupes = await page.evaluate(() => { const ids = [...document.querySelectorAll('[id]')].map((e) => e.id); return ids.filter((x, i) => ids.indexOf(x) !== i); });
    assert.deepEqual(dupes, []);
    assert.ok(await page.locator('a[href^="#"]').count() > 30);
    // Following a link scrolls to its target.
    await page.locator('nav.toc a', { hasText: 'Frontier Safety Roadmap' }).click();
    assert.ok(await page.evaluate(() => window.scrollY) > 1000);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'render-anthropic-rsp-v3.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'render-anthropic-rsp-v3-full.png'), fullPage: true });
    // Printable: the print stylesheet applies, and Chromium makes a PDF of it.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('footer').evaluate((e) => getComputedStyle(e).display), 'none');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 20_000 && pdf.subarray(0, 4).toString() === '%PDF');
    assert.deepEqual(requests, [url], 'no request leaves the page');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('dark: follows prefers-color-scheme', async () => {
    const { page, errors } = await open('anthropic-dark', [ANTHROPIC], { scheme: 'dark' });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(13, 17, 23)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'render-anthropic-rsp-v3-dark.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('grades, a v1 policy and the error banner', async () => {
    const dir = path.join(work, 'banner');
    fs.mkdirSync(dir);
    rspLint(['init', '--framework', 'minimal', dir]);
    const p = path.join(dir, 'policy.rsp.yaml');
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('requires: ASL-3', 'requires: ASL-9'));
    const { page, errors } = await open('banner', [dir]);
    assert.match(await page.locator('aside.banner').innerText(), /This document has 1 error[\s\S]*ASL-9[\s\S]*unknown-reference/);
    assert.match(await page.locator('.threshold').innerText(), /ASL-9 \(undefined\)/);
    await page.close();
    const graded = await open('labs-v2', [LABS_V2]);
    assert.deepEqual(await graded.page.locator('.goal .badge[class*="grade-"]').allInnerTexts(), ['met', 'met', 'dropped']);
    assert.deepEqual(graded.errors, []);
    await graded.page.close();
    const v1 = await open('v1', [LABS_V1]);
    assert.equal(await v1.page.locator('.standard').count(), 3);
    assert.deepEqual(v1.errors, []);
    assert.deepEqual(errors, []);
    await v1.page.close();
  });
});
