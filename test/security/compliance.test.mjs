// Hostile compliance profiles through the CLI as a process: profile files that are deeply
// nested, alias bombs, binary, huge, full of `__proto__` keys, or carry markup and control
// characters in their ids, titles and citations get findings — never a crash or a hang — and
// every coverage output (stylish, json, markdown, the HTML and Markdown report) keeps their text
// as data.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rspLint } from '../lib/cli.mjs';
import { FORBIDDEN_IN_LINE, HOSTILE } from './hostile.mjs';

const q = (s) => `"${s}"`;
const ALL = Object.values(HOSTILE).join(' ');

const POLICY = (profiles) => `format: rsp/v2
kind: policy
policy:
  id: p
  title: Policy
  organization: Org
  version: "1.0"
  effective: 2026-01-01
standards:
  - id: ASL-3
    summary: Robust.
    deployment:
      - id: sg-a
        title: Red-teaming
thresholds:
  - id: T-1
    domain: cbrn
    title: Threshold
    requires: ASL-3
    evaluations:
      - id: ev-1
        name: Trial
compliance:
  profiles: [${profiles.join(', ')}]
  claims:
    - requirement: ${q(`evil/R-1`)}
      statement: ${q(ALL)}
`;

/** A valid-looking profile whose every shown field is hostile (the ids break the schema on purpose). */
const MARKUP = `format: rsp/v2
kind: profile
profile:
  id: ${q(`evil ${HOSTILE.workflow} ${HOSTILE.html}`)}
  title: ${q(`Title ${HOSTILE.markdown} ${HOSTILE.escape}`)}
  source: ${q(`javascript:alert(1) ${HOSTILE.html}`)}
requirements:
  - id: ${q(`R-1 ${HOSTILE.markdown} ${HOSTILE.bidi}`)}
    citation: ${q(`§1 ${HOSTILE.workflow} ${HOSTILE.carriage} ${HOSTILE.html}`)}
    title: ${q(`T ${HOSTILE.escape} ${HOSTILE.separators} ${HOSTILE.c1}`)}
    summary: ${q(ALL)}
    check: incident-reporting
    params: { max_days: 1 }
    severity: error
  - id: R-2
    citation: ${q(`§2 ${HOSTILE.markdown}`)}
    title: ${q(`T2 ${HOSTILE.html}`)}
    check: claim
    __proto__: { polluted: true }
    constructor: ${q(HOSTILE.html)}
`;

function hostileProfiles(dir) {
  const files = {
    'markup.profile.yaml': MARKUP,
    'deep.profile.yaml': `format: rsp/v2\nkind: profile\nprofile: { id: deep, title: Deep }\nrequirements: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    'alias.profile.yaml': `format: rsp/v2\nkind: profile\nprofile: { id: alias, title: Alias }\na: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nrequirements: []\n`,
    'proto.profile.yaml': `format: rsp/v2\nkind: profile\n__proto__: { polluted: true }\nprofile:\n  id: proto\n  title: Proto\n  __proto__: { id: polluted }\nrequirements:\n  - __proto__: { id: polluted, check: claim }\n  - id: constructor\n    citation: x\n    title: x\n    check: toString\n`,
    'huge.profile.yaml': `format: rsp/v2\nkind: profile\nprofile: { id: huge, title: Huge }\nrequirements:\n${'  - { id: R, citation: x, title: x, check: claim }\n'.repeat(200_000)}`,
  };
  for (const [n, t] of Object.entries(files)) fs.writeFileSync(path.join(dir, n), t);
  fs.writeFileSync(path.join(dir, 'binary.profile.yaml'), Buffer.from([0x66, 0x6f, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x89, 0x50, 0x4e, 0x47]));
  return Object.keys(files).concat('binary.profile.yaml');
}

let dir;
let names;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-hostile-profiles-'));
  names = hostileProfiles(dir);
  fs.writeFileSync(path.join(dir, 'p.rsp.yaml'), POLICY(names.map((n) => `./${n}`)));
});

describe('hostile profile documents', () => {
  test('each gets findings in its own file, and the policy a one-line unknown-reference: no crash, no hang', () => {
    const r = rspLint(['--format', 'json', '.'], { cwd: dir, timeout: 120_000 });
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /at [\w.]+ \(|TypeError|RangeError|internal-error/);
    const f = JSON.parse(r.stdout);
    assert.ok(!f.some((x) => x.rule === 'internal-error'), JSON.stringify(f.filter((x) => x.rule === 'internal-error')));
    const of = (n) => f.filter((x) => x.path === n);
    assert.ok(of('deep.profile.yaml').some((x) => x.rule === 'resource-limit' || x.rule === 'yaml-syntax'));
    assert.ok(of('alias.profile.yaml').some((x) => x.rule === 'resource-limit' || x.rule === 'yaml-syntax'));
    assert.ok(of('binary.profile.yaml').some((x) => x.rule === 'yaml-syntax'));
    assert.ok(of('huge.profile.yaml').some((x) => x.rule === 'resource-limit'), JSON.stringify(of('huge.profile.yaml').slice(0, 3)));
    assert.ok(of('proto.profile.yaml').some((x) => x.rule === 'schema' && /toString|__proto__/.test(x.message)));
    assert.ok(of('markup.profile.yaml').some((x) => x.rule === 'schema'));
    const refs = of('p.rsp.yaml').filter((x) => x.rule === 'unknown-reference');
    for (const n of ['deep', 'alias', 'binary', 'huge']) assert.ok(refs.some((x) => x.message.includes(`./${n}.profile.yaml`)), `${n}: ${JSON.stringify(refs.map((x) => x.message))}`);
    assert.equal(({}).polluted, undefined, 'no prototype pollution in this process either');
  });

  test('thousands of requirements and claims: findings capped, no hang (the run ends within the CLI timeout)', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-many-'));
    const n = 5000;
    fs.writeFileSync(path.join(d, 'many.profile.yaml'), `format: rsp/v2\nkind: profile\nprofile: { id: many, title: Many }\nrequirements:\n${Array.from({ length: n }, (_, i) => `  - { id: R-${i}, citation: "§${i}", title: t, check: claim }\n`).join('')}`);
    const claims = Array.from({ length: n }, (_, i) => `    - requirement: many/R-${i % 2 ? i : n + i}\n      statement: yes\n`).join('');
    fs.writeFileSync(path.join(d, 'p.rsp.yaml'), POLICY(['./many.profile.yaml']).replace(/  claims:\n[\s\S]*$/, `  claims:\n${claims}`));
    const r = rspLint(['--format', 'json', 'p.rsp.yaml'], { cwd: d, timeout: 120_000 });
    assert.equal(r.status, 1, r.stderr);
    const f = JSON.parse(r.stdout);
    assert.ok(f.some((x) => x.rule === 'resource-limit' && /more findings? not shown/.test(x.message)), 'the findings cap holds');
    const c = rspLint(['coverage', '--format', 'json', 'p.rsp.yaml'], { cwd: d, timeout: 120_000 });
    const rows = JSON.parse(c.stdout);
    assert.equal(rows.length, n);
    assert.equal(rows.filter((o) => o.status === 'met').length, n / 2);
  });

  test('a __proto__ requirement is data: coverage shows the profile\'s real requirements only', () => {
    const r = rspLint(['coverage', '--profile', './proto.profile.yaml', '--format', 'json', 'p.rsp.yaml'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const rows = JSON.parse(r.stdout);
    assert.deepEqual(rows.map((o) => [o.profile, o.requirement, o.status]), [['proto', 'constructor', 'gap']]);
  });
});

describe('coverage output of a hostile profile', () => {
  const args = ['coverage', '--profile', './markup.profile.yaml'];
  test('stylish: every line visible, no control character, escape sequence, separator or bidi override', () => {
    const r = rspLint([...args, 'p.rsp.yaml'], { cwd: dir });
    assert.equal(r.status, 1, 'the error-severity gap');
    for (const l of r.stdout.split('\n')) assert.doesNotMatch(l, FORBIDDEN_IN_LINE, JSON.stringify(l));
    assert.ok(!r.stdout.split('\n').some((l) => l.startsWith('::')), 'no workflow command at the start of a line');
    assert.ok(r.stdout.includes('\\x1b[2J'), 'ESC shown visibly');
    assert.match(r.stdout.trimEnd().split('\n').pop(), /^1 requirement|^2 requirements/);
    for (const l of r.stderr.split('\n')) assert.doesNotMatch(l, FORBIDDEN_IN_LINE);
  });
  test('json: parses, the text kept as data, U+2028/U+2029 escaped', () => {
    const r = rspLint([...args, '--format', 'json', 'p.rsp.yaml'], { cwd: dir });
    const rows = JSON.parse(r.stdout);
    assert.ok(rows.some((o) => o.citation.includes('::error file=/etc/passwd')));
    assert.doesNotMatch(r.stdout, /[\u2028\u2029]/);
  });
  test('markdown: inert when rendered (no link, image, HTML or autolink from the profile)', async () => {
    const r = rspLint([...args, '--format', 'markdown', 'p.rsp.yaml'], { cwd: dir });
    const { assertInertMarkdown } = await import('./markdown-check.mjs');
    await assertInertMarkdown(r.stdout);
    assert.ok(r.stdout.includes('not legal advice'));
  });
  test('rsp-lint report: the coverage matrix escaped in HTML and inert in Markdown', async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-hostile-cov-'));
    fs.writeFileSync(path.join(d, 'markup.profile.yaml'), MARKUP);
    fs.writeFileSync(path.join(d, 'p.rsp.yaml'), POLICY(['./markup.profile.yaml']));
    const h = rspLint(['report', '--today', '2026-11-23', 'p.rsp.yaml'], { cwd: d });
    assert.equal(h.status, 0, h.stderr);
    assert.match(h.stdout, /class="coverage"/);
    assert.match(h.stdout, /data-requirement=/);
    assert.doesNotMatch(h.stdout, /<script|<img|<iframe/i);
    for (const m of h.stdout.matchAll(/\s(?:href|src)="([^"]*)"/g)) assert.match(m[1], /^(#|vscode:\/\/file\/)/, m[0]);
    assert.ok(h.stdout.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.doesNotMatch(h.stdout, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/);
    const m = rspLint(['report', '--format', 'markdown', '--today', '2026-11-23', 'p.rsp.yaml'], { cwd: d });
    assert.equal(m.status, 0);
    assert.match(m.stdout, /Compliance: /);
    const { assertInertMarkdown } = await import('./markdown-check.mjs');
    await assertInertMarkdown(m.stdout);
  });
});
