// Output security through the CLI as a process: hostile documents and file names in every
// output format. Each medium's invariant is checked on the real output.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rspLint } from '../lib/cli.mjs';
import { FORBIDDEN_IN_LINE, HOSTILE_NAMES, hostileWorkspace } from './hostile.mjs';

let dir;
let findings; // from --format json: the reference for how many findings every format shows
before(() => {
  dir = hostileWorkspace();
  const r = rspLint(['--format', 'json', '--today', '2026-11-23', '.'], { cwd: dir });
  findings = JSON.parse(r.stdout);
});

describe('json', () => {
  test('parses, and keeps the document text as data', () => {
    assert.ok(findings.length > 20, `${findings.length} findings`);
    const messages = findings.map((f) => f.message).join('\n');
    assert.ok(messages.includes('::error file=/etc/passwd'), 'the hostile text is reported, as data');
    for (const name of HOSTILE_NAMES) assert.ok(findings.some((f) => f.path === name), `path ${JSON.stringify(name)} kept exactly`);
    for (const f of findings) assert.deepEqual(Object.keys(f).sort(), ['message', 'path', 'range', 'rule', 'severity']);
    assert.equal({}.polluted, undefined, 'no prototype pollution in the test process');
  });
  test('U+2028 and U+2029 are escaped, so the output can be embedded in JavaScript', () => {
    const r = rspLint(['--format', 'json', '--today', '2026-11-23', '.'], { cwd: dir });
    assert.doesNotMatch(r.stdout, /[\u2028\u2029]/);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f]/, 'controls only as \\u escapes');
  });
});

describe('sarif', () => {
  test('valid JSON; brackets of document text escaped in message.text', () => {
    const r = rspLint(['--format', 'sarif', '--today', '2026-11-23', '.'], { cwd: dir });
    const log = JSON.parse(r.stdout);
    const results = log.runs[0].results;
    assert.equal(results.length, findings.length);
    for (const res of results) {
      // An unescaped [ … ]( … ) would be an embedded link (SARIF §3.11.6).
      assert.doesNotMatch(res.message.text, /(^|[^\\])\[[^\]]*(^|[^\\])\]\(/, res.message.text);
    }
    assert.ok(results.some((x) => x.message.text.includes('!\\[t\\](https://evil.example/t.png)')));
  });
});

describe('stylish', () => {
  test('one line per finding, no control character, escape sequence, line separator or bidi override', () => {
    const r = rspLint(['--today', '2026-11-23', '.'], { cwd: dir });
    assert.equal(r.status, 1);
    const lines = r.stdout.split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    const summary = lines.pop();
    assert.match(summary, /^\d+ problems \(/);
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, findings.length, 'exactly one line per finding');
    for (const l of lines) {
      assert.doesNotMatch(l, FORBIDDEN_IN_LINE, JSON.stringify(l));
      assert.ok(!l.startsWith('::'), l);
      assert.match(l, /^.+:\d+:\d+ (error|warning|information|hint) .+ [a-z-]+$/, l);
    }
    assert.ok(lines.some((l) => l.startsWith('evil\\n::error file=x::name.roadmap.yaml:')), 'a newline in a file name is shown as \\n');
    assert.ok(lines.some((l) => l.includes('\\x1b[2J\\x1b]8;;https://evil.example/\\x07click')), 'ESC and BEL shown visibly');
    assert.ok(lines.some((l) => l.includes('safe\\u202eevil\\u2066x\\u2069')), 'bidi controls shown visibly');
  });
  test('colour output (FORCE_COLOR) has only the tool\'s own escape sequences', () => {
    const r = rspLint(['--today', '2026-11-23', '.'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    const ours = /\x1b\[(0|4|31|33|36|90)m/g;
    assert.ok(ours.test(r.stdout), 'coloured');
    const rest = r.stdout.replace(ours, '');
    for (const l of rest.split('\n')) assert.doesNotMatch(l, FORBIDDEN_IN_LINE, JSON.stringify(l));
  });
  test('stderr messages quote file names on one visible line', () => {
    const evil = path.join(dir, 'missing\n::error::x\u001b[31m.rsp.yaml');
    const r = rspLint([evil], { cwd: dir });
    assert.equal(r.status, 2);
    const lines = r.stderr.split('\n');
    assert.equal(lines.length, 2, r.stderr);
    assert.equal(lines[1], '');
    assert.doesNotMatch(lines[0], FORBIDDEN_IN_LINE);
    assert.match(lines[0], /^rsp-lint: no such file or folder: .*missing\\n::error::x\\x1b\[31m\.rsp\.yaml$/);
  });
});

describe('github workflow commands', () => {
  test('one command per finding; nothing a document says ends a command or starts another', () => {
    const r = rspLint(['--format', 'github', '--today', '2026-11-23', '.'], { cwd: dir });
    const lines = r.stdout.split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, findings.length);
    for (const l of lines) {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(l);
      assert.ok(m, `a whole command: ${JSON.stringify(l)}`);
      assert.doesNotMatch(l, /[\r\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/, JSON.stringify(l));
      // Properties: exactly the six the tool writes, each value free of ',' and ':' (escaped).
      const props = m[2].split(',');
      assert.deepEqual(props.map((p) => p.split('=')[0]), ['file', 'line', 'endLine', 'col', 'endColumn', 'title'], l);
    }
    assert.ok(lines.some((l) => l.startsWith('::warning file=evil\\n%3A%3Aerror file=x%3A%3Aname.roadmap.yaml,')), 'a file name is a property, escaped');
    assert.ok(lines.some((l) => l.includes("'in-progres x\\n::error file=/etc/passwd,line=1::pwned\\n::add-mask::secret'")), 'the message is data on the same line');
  });
});

describe('markdown report', () => {
  test('every file name and value is text: rendered by GitHub-flavoured Markdown and by marked, no link, image, HTML or autolink', async () => {
    const r = rspLint(['report', '--format', 'markdown', '--today', '2026-11-23', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const { assertInertMarkdown } = await import('./markdown-check.mjs');
    await assertInertMarkdown(r.stdout);
    assert.ok(r.stdout.includes('evil\\\\n::error file=x::name.roadmap.yaml') || r.stdout.includes('evil\\\\n'), 'the newline of a file name is visible');
  });
});

describe('html report', () => {
  test('document text escaped; no href or src from documents; strict CSP', () => {
    const r = rspLint(['report', '--today', '2026-11-23', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const html = r.stdout;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[A-Za-z0-9]+'; base-uri 'none'; form-action 'none'">/);
    assert.doesNotMatch(html, /<script/i, 'no script in a file report');
    assert.doesNotMatch(html, /<img|<iframe|<object|<embed/i);
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) assert.match(m[1], /^(#|vscode:\/\/file\/)/, m[0]);
    assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'), 'the hostile HTML is shown as text');
    assert.doesNotMatch(html, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/);
  });
  test('in Chromium: the DOM has only the page\'s own elements and links, and shows the text literally', async () => {
    const { withPage } = await import('./browser.mjs');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-sec-html-')), 'report.html');
    const r = rspLint(['report', '--today', '2026-11-23', '--out', file, '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    await withPage(pathToFileURL(file).href, async (page, seen) => {
      const dom = await page.evaluate(() => ({
        bad: [...document.querySelectorAll('script, img, iframe, object, embed, svg, math, form, base, link, meta[http-equiv="refresh"]')].map((e) => e.outerHTML.slice(0, 80)),
        handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style').map((a) => `${e.tagName} ${a.name}`)),
        hrefs: [...document.querySelectorAll('[href], [src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')),
        text: document.body.innerText,
      }));
      assert.deepEqual(dom.bad, []);
      assert.deepEqual(dom.handlers, []);
      for (const h of dom.hrefs) assert.match(h, /^(#|vscode:\/\/file\/)/);
      assert.ok(dom.text.includes('</script><script>alert(1)</script>'), 'the hostile HTML is visible as text');
      assert.ok(dom.text.includes('![t](https://evil.example/t.png)'), 'Markdown is visible as text');
      assert.deepEqual(seen.requests.filter((u) => !u.startsWith('file:')), [], 'nothing is requested');
      assert.deepEqual(seen.errors, [], 'no console error');
    });
  });
});

test('the hostile workspace itself is left unchanged by every command', () => {
  const before = fs.readdirSync(dir).sort();
  for (const args of [['.'], ['--format', 'github', '.'], ['report', '.']]) rspLint(args, { cwd: dir });
  assert.deepEqual(fs.readdirSync(dir).sort(), before);
});

describe('unified diffs (--fix-dry-run, migrate)', () => {
  test('a file name and a carriage return in a document cannot start a line of their own', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-sec-diff-'));
    const name = 'evil\n::error file=x::name.roadmap.yaml';
    fs.writeFileSync(path.join(d, name), 'format: rsp/v1\nkind: roadmap\nroadmap:\n  id: r\n  title: "a\r::error::carriage"\n  policy: p.rsp.yaml\n  published: 2026-01-01\ngoals:\n  - id: G-1\n    area: security\n    title: t\n    owner: o\n    due: 2026-01-01\n    status: in-progres\n');
    for (const args of [['migrate', '.'], ['--fix-dry-run', '.']]) {
      const r = rspLint(args, { cwd: d });
      assert.ok(r.stdout.length > 0, `${args.join(' ')} printed a patch: ${r.stderr}`);
      assert.doesNotMatch(r.stdout, /\r(?!\n)/, 'no lone carriage return');
      for (const line of r.stdout.split('\n')) assert.ok(!line.startsWith('::'), `${args.join(' ')}: ${JSON.stringify(line)}`);
      assert.match(r.stdout, /^--- "a\/evil\\n::error file=x::name\.roadmap\.yaml"$/m, 'the name is git-quoted');
    }
  });
});

describe('change review (rsp-lint diff)', () => {
  // The hostile workspace against an empty folder and the other way round: every id, title and
  // file name appears as added or removed, in every format.
  const empty = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-sec-empty-'));
  test('markdown: rendered by GitHub-flavoured Markdown and by marked, no link, image, HTML or autolink', async () => {
    const { assertInertMarkdown } = await import('./markdown-check.mjs');
    for (const args of [[empty(), dir], [dir, empty()]]) {
      const r = rspLint(['diff', '--format', 'markdown', ...args]);
      assert.ok([0, 1, 2].includes(r.status), r.stderr);
      assert.ok(r.stdout.split('\n').filter((l) => l.startsWith('| ')).length > 3, r.stdout);
      await assertInertMarkdown(r.stdout);
    }
  });
  test('stylish and stderr: one visible line per change; html: text only, strict CSP', () => {
    const r = rspLint(['diff', empty(), dir]);
    for (const l of r.stdout.split('\n')) assert.doesNotMatch(l, FORBIDDEN_IN_LINE, JSON.stringify(l));
    for (const l of r.stderr.split('\n')) assert.doesNotMatch(l, FORBIDDEN_IN_LINE, JSON.stringify(l));
    const h = rspLint(['diff', '--format', 'html', empty(), dir]).stdout;
    assert.doesNotMatch(h, /<script|<img|<iframe/i);
    for (const m of h.matchAll(/\s(?:href|src)="([^"]*)"/g)) assert.match(m[1], /^(#|vscode:\/\/file\/)/, m[0]);
    const j = JSON.parse(rspLint(['diff', '--format', 'json', empty(), dir]).stdout);
    assert.ok(j.some((c) => HOSTILE_NAMES.some((n) => c.path.endsWith(n))), 'file names kept exactly in JSON');
  });
});
