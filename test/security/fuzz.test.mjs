// A fuzz pass over every output medium: random Unicode (controls, separators, bidi, lone
// surrogates, Markdown and HTML metacharacters, URLs, emoji) in document values, keys and file
// names, through the CLI as a process in every format, and through each encoder directly.
// The invariants: one line per finding, parseable JSON, no active Markdown or HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { ROOT, rspLint } from '../lib/cli.mjs';
import { FORBIDDEN_IN_LINE } from './hostile.mjs';
import { assertInertMarkdown } from './markdown-check.mjs';

const SEED = Number(process.env.RSP_SECURITY_SEED ?? 20261207);
function prng(seed) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const PIECES = ['\n', '\r', '\r\n', '\t', '\u0000', '\u001b', '\u001b[31m', '\u001b]8;;https://x.example\u0007', '\u0007', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', '\ud800', '\udc00', '\ud83d\ude00',
  '::', '::error::', '::add-mask::', '%', '%0A', ',', ':', '[', ']', '(', ')', '!', '*', '_', '`', '~', '|', '#', '$', '<', '>', '&', '"', "'", '\\', '-', '+', '=', '1.', '@',
  'https://evil.example/', 'www.evil.example', 'a@evil.example', 'command:x', 'javascript:alert(1)', '<script>', '</script>', '<img src=x>', '&lt;', '__proto__', 'constructor', 'ASL-3', 'é', '中文', ' '];

function randomString(rnd, max = 12) {
  let s = '';
  const n = 1 + Math.floor(rnd() * max);
  for (let i = 0; i < n; i++) s += rnd() < 0.8 ? PIECES[Math.floor(rnd() * PIECES.length)] : String.fromCharCode(Math.floor(rnd() * 0x3000));
  return s;
}
/** A YAML double-quoted scalar holding exactly `s` (every character escaped as \uXXXX where needed). */
const yq = (s) => `"${[...s].map((c) => { const u = c.charCodeAt(0); return c.length > 1 ? c : u < 0x20 || u === 0x22 || u === 0x5c || (u >= 0x7f && u <= 0x9f) || (u >= 0xd800 && u <= 0xdfff) || u === 0x2028 || u === 0x2029 ? `\\u${u.toString(16).padStart(4, '0')}` : c; }).join('')}"`;

test('random Unicode in documents and file names: every CLI format keeps its medium\'s invariants', async () => {
  const rnd = prng(SEED);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-sec-fuzz-'));
  const policy = fs.readFileSync(path.join(ROOT, 'examples', 'example-labs', 'example-labs.rsp.yaml'), 'utf8');
  fs.writeFileSync(path.join(dir, 'p.rsp.yaml'), policy);
  const roadmap = fs.readFileSync(path.join(ROOT, 'examples', 'example-labs', 'frontier-safety.roadmap.yaml'), 'utf8').replace('policy: example-labs.rsp.yaml', 'policy: p.rsp.yaml');
  for (let i = 0; i < 12; i++) {
    const text = roadmap
      .replace('title: Frontier Safety Roadmap', `title: ${yq(randomString(rnd))}`)
      .replace('status: done', `status: ${yq(randomString(rnd))}`)
      .replace('owner: Security Engineering', `owner: ${yq(randomString(rnd))}`)
      .replace('supports: [asl3-two-party-access]', `supports: [${yq(randomString(rnd))}]`)
      .replace('area: security', `area: ${yq(randomString(rnd))}`)
      .replace('goals:\n', `${yq(randomString(rnd))}: 1\ngoals:\n`);
    const name = randomString(rnd, 6).replace(/[/\u0000]/g, '_').replace(/[\ud800-\udfff]/g, 'x');
    fs.writeFileSync(path.join(dir, `${name}-${i}.roadmap.yaml`), text);
  }
  const args = ['--today', '2026-11-23', '.'];
  const json = JSON.parse(rspLint(['--format', 'json', ...args], { cwd: dir }).stdout);
  assert.ok(json.length > 30, `${json.length} findings`);

  const stylish = rspLint(args, { cwd: dir }).stdout.split('\n');
  assert.equal(stylish.length, json.length + 3, 'one line per finding, a blank line, the summary, the final newline');
  for (const l of stylish) assert.doesNotMatch(l, FORBIDDEN_IN_LINE, JSON.stringify(l));

  const github = rspLint(['--format', 'github', ...args], { cwd: dir }).stdout.split('\n').slice(0, -1);
  assert.equal(github.length, json.length);
  for (const l of github) assert.match(l, /^::(error|warning|notice) file=[^,:\r]*,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=rsp-lint\([a-z-]+\)::[^\r\u2028\u2029]*$/, JSON.stringify(l));

  const sarif = JSON.parse(rspLint(['--format', 'sarif', ...args], { cwd: dir }).stdout);
  assert.equal(sarif.runs[0].results.length, json.length);

  const md = rspLint(['report', '--format', 'markdown', ...args], { cwd: dir });
  assert.equal(md.status, 0, md.stderr);
  await assertInertMarkdown(md.stdout);

  const html = rspLint(['report', ...args], { cwd: dir }).stdout;
  assert.doesNotMatch(html, /<(script|img|iframe|object|embed)\b/i);
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) assert.match(m[1], /^(#|vscode:\/\/file\/)/, m[0]);
});

test('each encoder keeps its invariant on 3,000 random strings', async () => {
  const enc = await tsImport(path.join(ROOT, 'server', 'src', 'encode', 'index.ts'), import.meta.url);
  const rnd = prng(SEED + 1);
  const samples = Array.from({ length: 3000 }, () => randomString(rnd, 20));
  const inline = [];
  for (const s of samples) {
    const t = enc.terminalText(s);
    assert.doesNotMatch(t, /[\n\r]/);
    assert.doesNotMatch(t, FORBIDDEN_IN_LINE, JSON.stringify(t));
    const w = enc.workflowProperty(s);
    assert.doesNotMatch(w, /[\n\r,:]|[\u2028\u2029]/, JSON.stringify(w));
    assert.doesNotMatch(enc.workflowData(s), /[\n\r]/);
    const h = enc.htmlText(s);
    assert.doesNotMatch(h, /[<>"'`]|&(?!amp;|lt;|gt;|quot;|#39;|#96;)/, JSON.stringify(h));
    assert.doesNotMatch(h, FORBIDDEN_IN_LINE);
    assert.deepEqual(JSON.parse(enc.jsonText({ s })), { s }, 'JSON round-trips exactly, lone surrogates included');
    const m = enc.mdText(s);
    assert.doesNotMatch(m, /[\n\r]/);
    inline.push(`- ${m}`, `| ${m} | ${enc.mdText(s)} |`, m, enc.mdCodeText(s));
  }
  // One document of all of them, as a list, table rows and paragraphs: nothing becomes markup.
  await assertInertMarkdown(`| a | b |\n| --- | --- |\n${inline.join('\n\n')}`);
  assert.equal(enc.safeUrl('javascript:alert(1)'), undefined);
  assert.equal(enc.safeUrl('command:workbench.action.terminal.new'), undefined);
  assert.equal(enc.safeUrl('https://user:pw@example.org/'), undefined);
  assert.equal(enc.safeUrl('https://example.org/a b'), undefined);
  assert.equal(enc.safeUrl('https://example.org/?q="x"'), 'https://example.org/?q=%22x%22');
});
