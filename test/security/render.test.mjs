// rsp-lint render with hostile documents: document text stays text in the HTML page (checked in
// real Chromium: no element, script, handler or request from it) and in the Markdown (rendered
// as GitHub does: no link, image, HTML or autolink from it). An rsp/v2 policy carries the
// hostile strings in every field the document shows, including ids, anchors and its own URLs;
// the rsp/v1 hostile workspace of the other security tests renders too.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rspLint } from '../lib/cli.mjs';
import { CHROMIUM, launchChromium } from '../lib/chromium.mjs';
import { HOSTILE, hostileWorkspace } from './hostile.mjs';
import { assertInertMarkdown } from './markdown-check.mjs';

const ALL = Object.values(HOSTILE).join(' ');
const q = (s) => `"${s}"`;
const XSS = '<img src=x onerror=\\"window.__pwned=1\\"><script>window.__pwned=2</script>';

const POLICY_V2 = `format: rsp/v2
kind: policy
policy:
  id: ${q(`p ${XSS}`)}
  title: ${q(`Policy ${HOSTILE.markdown} ${XSS}`)}
  organization: ${q(`Org ${HOSTILE.escape} ${HOSTILE.bidi}`)}
  version: ${q(`1.0 ${HOSTILE.html}`)}
  effective: 2026-01-01
  supersedes: ${q(HOSTILE.markdown)}
  url: ${q('javascript:window.__pwned=3')}
  related:
    - { title: ${q(`Rel ${XSS}`)}, url: ${q('https://evil.example/x\\" onmouseover=\\"window.__pwned=4')} }
    - { title: ${q('data')}, url: ${q('data:text/html,<script>window.__pwned=5</script>')} }
scales:
  - id: ${q(`sc ${XSS}`)}
    title: ${q(ALL)}
    applies_to: safeguards
    levels: [${q(`L1 ${XSS}`)}, ${q(HOSTILE.markdown)}]
standards:
  - id: ${q(`S-1\\"><script>window.__pwned=6</script>`)}
    name: ${q(`Std ${XSS}`)}
    status: ${q(`defined ${HOSTILE.html}`)}
    summary: ${q(`${ALL}\\n\\nsecond paragraph ${XSS}`)}
    security_level: ${q(XSS)}
    deployment:
      - id: ${q(`dep ${HOSTILE.markdown}`)}
        title: ${q(`Dep ${XSS}`)}
        description: ${q(ALL)}
    security:
      - id: sec-1
        title: ${q(`Sec ${HOSTILE.separators} ${HOSTILE.c1}`)}
thresholds:
  - id: ${q(`T-1 ${XSS}`)}
    domain: ${q(`cbrn ${HOSTILE.html}`)}
    role: alert
    warns: ${q(`#x\\" onclick=\\"window.__pwned=7`)}
    title: ${q(`Threshold ${XSS} ${HOSTILE.markdown}`)}
    description: ${q(`${ALL}\\n\\n::error file=/etc/passwd::pwned\\n\\n  ::warning::indented`)}
    requires: [${q(`S-1\\"><script>window.__pwned=6</script>`)}, ${q(`nothing ${XSS}`)}]
    safeguards: [${q(`zz ${HOSTILE.workflow}`)}]
    if_crossed: ${q(ALL)}
    if_unmet: [${q(XSS)}]
    evaluations:
      - id: ${q(`ev ${XSS}`)}
        name: ${q(`Eval ${HOSTILE.markdown}`)}
        method: ${q(XSS)}
        cadence: ${q(ALL)}
commitments:
  - id: C-1
    track: ${q(`own ${XSS} ${HOSTILE.markdown}`)}
    statement: ${q(ALL)}
    owner: ${q(`Owner ${XSS}`)}
    applies_to: [${q(`T-1 ${XSS}`)}]
risk_reports: { cadence_months: 3, redaction: ${q(XSS)} }
governance:
  roles:
    - { id: ${q(`r ${XSS}`)}, title: ${q(`Role ${XSS}`)}, responsibilities: ${q(ALL)} }
  decisions:
    - { id: D-1, decision: ${q(XSS)}, by: [${q(`r ${XSS}`)}], criteria: ${q(ALL)} }
  review: { cadence_months: ${q(XSS)}, owner: ${q(HOSTILE.markdown)} }
  incident_response: { report_within_days: 15, to: [${q(XSS)}] }
  noncompliance_reporting: { channel: ${q(ALL)} }
changes:
  - version: ${q(XSS)}
    date: 2026-01-01
    summary: ${q(ALL)}
    items:
      - { ref: ${q(`T-1 ${XSS}`)}, change: ${q(XSS)}, from: ${q(HOSTILE.markdown)}, reason: ${q(ALL)} }
`;
const ROADMAP_V2 = `format: rsp/v2
kind: roadmap
roadmap:
  id: rm
  title: ${q(`Roadmap ${XSS}`)}
  policy: hostile.rsp.yaml
  published: 2026-03-01
goals:
  - id: ${q(`G-1 ${XSS}`)}
    area: ${q(`security ${XSS} ${HOSTILE.markdown}`)}
    title: ${q(`Goal ${HOSTILE.markdown} ${XSS}`)}
    owner: ${q(`Owner ${XSS}`)}
    due: 2026-01-31
    status: ${q(XSS)}
    reason: ${q(ALL)}
    success_criteria: [${q(ALL)}]
    supports: [${q(`T-1 ${XSS}`)}]
    depends_on: [${q(`G-1 ${XSS}`)}]
`;
const REPORT_V2 = `format: rsp/v2
kind: risk-report
report:
  id: ${q(`r1 ${XSS}`)}
  policy: hostile.rsp.yaml
  roadmap: hostile.roadmap.yaml
  models: [${q(`M ${XSS}`)}]
  published: 2026-09-15
  approved_by: [${q(XSS)}]
assessments:
  - { threshold: ${q(`T-1 ${XSS}`)}, determination: ${q(XSS)}, standard_applied: ${q(XSS)}, residual_risk: ${q(HOSTILE.markdown)} }
decision: { outcome: ${q(XSS)}, date: 2026-09-15, by: [${q(XSS)}], rationale: ${q(ALL)} }
roadmap_review:
  - { goal: ${q(`G-1 ${XSS}`)}, outcome: ${q(XSS)}, note: ${q(ALL)} }
`;

let v2, v1;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-sec-render-'));
before(() => {
  v2 = path.join(work, 'v2');
  fs.mkdirSync(v2);
  fs.writeFileSync(path.join(v2, 'hostile.rsp.yaml'), POLICY_V2);
  fs.writeFileSync(path.join(v2, 'hostile.roadmap.yaml'), ROADMAP_V2);
  fs.writeFileSync(path.join(v2, 'hostile.risk-report.yaml'), REPORT_V2);
  v1 = hostileWorkspace();
});
after(() => { fs.rmSync(work, { recursive: true, force: true }); fs.rmSync(v1, { recursive: true, force: true }); });

describe('render --format markdown', () => {
  for (const which of ['v2', 'v1']) {
    test(`${which}: inert as GitHub and VS Code render it; only in-page links`, async () => {
      const r = rspLint(['render', '--format', 'markdown', '.'], { cwd: which === 'v2' ? v2 : v1 });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /This document has \d+ errors?/, 'the hostile documents have errors: the banner lists them');
      await assertInertMarkdown(r.stdout, { allowedLinks: [/^#[\p{L}\p{M}\p{N}_.%-]*$/u, ''] });
      assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
      assert.ok(!r.stdout.replace(/`[^`\n]*`/g, '').includes('<script'), 'HTML only as entities (or inside code)');
      assert.doesNotMatch(r.stdout, /^\s*::/m, 'no line a CI log would read as a workflow command');
      if (which === 'v2') assert.match(r.stdout, /^\\::error file=\/etc\/passwd::pwned$/m, 'the paragraph is kept, its colon escaped');
    });
  }
});

describe('render html', () => {
  test('v2: no script, no document URL but the safe ones, the hostile HTML shown as text', () => {
    const r = rspLint(['render', '.'], { cwd: v2 });
    assert.equal(r.status, 0, r.stderr);
    const html = r.stdout;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[A-Za-z0-9]+'; base-uri 'none'; form-action 'none'">/);
    assert.equal((html.match(/<script/gi) ?? []).length, 0);
    assert.doesNotMatch(html, /<img|<iframe|<object|<embed|\son[a-z]+="/i);
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) assert.match(m[1], /^#/, `only in-page links (the policy's URLs here are all unsafe): ${m[0]}`);
    assert.ok(html.includes('&lt;script&gt;window.__pwned=2&lt;/script&gt;'));
    assert.ok(html.includes('javascript:window.__pwned=3'), 'an unsafe URL is shown as text');
    assert.doesNotMatch(html, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/);
  });

  test('--strict refuses the hostile documents', () => {
    assert.equal(rspLint(['render', '--strict', '.'], { cwd: v2 }).status, 1);
  });

  describe('in Chromium', { skip: !fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, () => {
    let chromium;
    before(async () => { chromium = await launchChromium(); });
    after(async () => { await chromium?.close(); });
    for (const which of ['v2', 'v1']) {
      test(`${which}: nothing runs, nothing loads, no element from document text`, async () => {
        const file = path.join(work, `${which}.html`);
        const r = rspLint(['render', '--out', file, '.'], { cwd: which === 'v2' ? v2 : v1 });
        assert.equal(r.status, 0, r.stderr);
        const page = await chromium.browser.newPage();
        const requests = [], errors = [];
        page.on('request', (x) => requests.push(x.url()));
        page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
        page.on('pageerror', (e) => errors.push(String(e)));
        const url = pathToFileURL(file).href;
        await page.goto(url);
        // Hover and click everything: no handler from document text may exist to fire.
        for (const a of await page.locator('a').all()) await a.hover().catch(() => {});
        assert.equal(await page.evaluate(() => window.__pwned), undefined);
        assert.equal(await page.locator('script, img, iframe, object, embed, form, input, link, meta[http-equiv="refresh"]').count(), 0);
        assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((n) => n.startsWith('on'))), []);
        assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => !h.startsWith('#'))), []);
        assert.match(await page.locator('h1').innerText(), which === 'v2' ? /<img src=x onerror=/ : /!\[t\]\(https:\/\/evil\.example\/t\.png\)/);
        assert.deepEqual(requests, [url]);
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  });
});
