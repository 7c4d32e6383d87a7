// The syntax corpus (test/fixtures/syntax/): each YAML mistake of mistakes.mjs inside a small
// policy (parsed whole) and a large one (over 32 KiB, parsed in pieces), checked through the CLI
// as a process and the language server over stdio:
//   - the same findings at both sizes (line numbers shifted by the filler before the mistake);
//   - messages in plain words: no parser token names or jargon, no control characters;
//   - at most one syntax finding per line, and few per mistake;
//   - the server shows what the CLI shows, for the small text opened and for the large one
//     broken and repaired by incremental edits (its pieces cached from the valid text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintJson } from './lib/cli.mjs';
import { startLsp, uri } from './lib/lsp.mjs';
import { buildCorpus, JARGON, BASE } from './fixtures/syntax/corpus.mjs';
import { loadEngine } from './fuzz/engine.mjs';

const TODAY = '2026-11-23';
const { cases, largeBase, anchorLine, shift } = buildCorpus();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-syntax-corpus-'));
const file = (name, size) => path.join(dir, `${name}.${size}.rsp.yaml`);
for (const c of cases) {
  fs.writeFileSync(file(c.name, 'small'), c.small);
  fs.writeFileSync(file(c.name, 'large'), c.large);
}
fs.writeFileSync(file('zz-valid', 'small'), BASE);
fs.writeFileSync(file('zz-valid', 'large'), largeBase);
const cli = lintJson(['--today', TODAY, '.'], { cwd: dir });
const byFile = new Map();
for (const f of cli.findings) {
  const k = path.basename(f.path);
  if (!byFile.has(k)) byFile.set(k, []);
  byFile.get(k).push(f);
}
const findings = (name, size) => byFile.get(path.basename(file(name, size))) ?? [];
const shiftLine = (l) => (l > anchorLine ? l - shift : l);
/** A finding of the large text as it reads in the small one. */
const unshift = (f) => ({
  rule: f.rule, severity: f.severity,
  message: f.message.replace(/line (\d+)/g, (_, n) => `line ${shiftLine(Number(n) - 1) + 1}`),
  range: { start: { ...f.range.start, line: shiftLine(f.range.start.line) }, end: { ...f.range.end, line: shiftLine(f.range.end.line) } },
});
const plain = (f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range });

test('corpus: every mistake is made, and the large policy is parsed in pieces', async () => {
  assert.ok(cases.length >= 40, `${cases.length} mistakes`);
  for (const c of cases) assert.ok(c.small && c.large, `${c.name}: its line is in the base policy`);
  assert.deepEqual(findings('zz-valid', 'small'), [], 'the base policy is clean');
  assert.deepEqual(findings('zz-valid', 'large'), [], 'so is the large one');
  const E = await loadEngine();
  assert.ok(E.segmented(largeBase), 'the large valid policy is parsed in pieces');
  // Tabs, anchors, tags, document markers, and quotes or brackets it cannot close make the
  // splitter parse the whole text; the other half of the corpus is parsed in pieces.
  const inPieces = cases.filter((c) => E.segmented(c.large)).length;
  assert.ok(inPieces >= cases.length * 0.5, `${inPieces} of ${cases.length} large texts are parsed in pieces`);
  assert.ok(cases.every((c) => c.large.length >= 32 * 1024 && c.small.length < 32 * 1024));
});

test('CLI: each mistake gets the same findings in a small and a large policy, in plain words, one per line', () => {
  let broken = 0, syntax = 0;
  for (const c of cases) {
    const small = findings(c.name, 'small'), large = findings(c.name, 'large');
    const ys = small.filter((f) => f.rule === 'yaml-syntax');
    if (ys.length) broken++;
    syntax += ys.length;
    assert.deepEqual(large.map(unshift), small.map(plain), `${c.name}: findings of the large policy (lines shifted by ${shift}) = the small one's`);
    for (const f of [...small, ...large].filter((x) => x.rule === 'yaml-syntax')) {
      assert.doesNotMatch(f.message, JARGON, `${c.name}: parser words in '${f.message}'`);
      assert.ok(f.message.length < 300, `${c.name}: a short message: '${f.message}'`);
    }
    const lines = ys.map((f) => f.range.start.line);
    assert.equal(new Set(lines).size, lines.length, `${c.name}: at most one syntax finding per line: ${JSON.stringify(ys.map((f) => [f.range.start.line, f.message]))}`);
    assert.ok(ys.length <= 2, `${c.name}: one mistake, ${ys.length} syntax findings: ${ys.map((f) => f.message).join(' | ')}`);
    for (const f of ys) {
      assert.equal(f.range.start.line, f.range.end.line, `${c.name}: the range stays on one line`);
    }
  }
  // Nearly every mistake is a syntax finding (the rest are valid YAML that the schema flags).
  assert.ok(broken >= cases.length - 6, `${broken} of ${cases.length} mistakes are syntax findings`);
  assert.ok(syntax / broken < 1.2, `${(syntax / broken).toFixed(2)} syntax findings per broken text`);
});

test('server: the same findings as the CLI, for each small text opened and each large one broken by an incremental edit', { timeout: 240_000 }, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-syntax-lsp-'));
  const lsp = await startLsp({ root, settings: { today: TODAY } });
  try {
    const want = (name, size) => findings(name, size).map((f) => ({ code: f.rule, message: f.message, range: f.range }));
    const have = (p) => p.diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range }));
    for (const c of cases) {
      const u = uri(path.join(root, `${c.name}.rsp.yaml`));
      lsp.open(u, c.small, 'rsp-policy');
      const p = await lsp.waitDiagnostics(u, (x) => x.version === 1, 30_000);
      assert.deepEqual(have(p), want(c.name, 'small'), `${c.name} (small, opened)`);
      lsp.close(u);
    }
    // One large policy, open while the mistakes are made and undone as single edits.
    const u = uri(path.join(root, 'large.rsp.yaml'));
    lsp.open(u, largeBase, 'rsp-policy');
    await lsp.waitDiagnostics(u, (x) => x.version === 1, 30_000);
    for (const c of cases) {
      const e = splice(largeBase, c.large);
      let v = lsp.edit(u, range(largeBase, e.start, e.end), e.broken);
      let p = await lsp.waitDiagnostics(u, (x) => x.version === v, 30_000);
      assert.deepEqual(have(p), want(c.name, 'large'), `${c.name} (large, edited)`);
      v = lsp.edit(u, range(c.large, e.start, e.start + e.broken.length), largeBase.slice(e.start, e.end));
      p = await lsp.waitDiagnostics(u, (x) => x.version === v, 30_000);
      assert.deepEqual(have(p), [], `${c.name}: repaired`);
    }
  } finally {
    await lsp.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The one splice that turns `a` into `b`: { start, end (in a), broken (its text in b) }. */
function splice(a, b) {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let ea = a.length, eb = b.length;
  while (ea > s && eb > s && a[ea - 1] === b[eb - 1]) { ea--; eb--; }
  return { start: s, end: ea, broken: b.slice(s, eb) };
}

function range(text, start, end) {
  const pos = (o) => { const before = text.slice(0, o); const line = before.split('\n').length - 1; return { line, character: o - (before.lastIndexOf('\n') + 1) }; };
  return { start: pos(start), end: pos(end) };
}

test('document text quoted in a message is shortened and shown safely', () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-syntax-quote-'));
  try {
    // A key without its ':' whose line holds a right-to-left override and a very long name.
    const long = `evaluations\u202Eexe.txt${'x'.repeat(200)}`;
    fs.writeFileSync(path.join(d, 'q.rsp.yaml'), BASE.replace(/^ {4}evaluations:$/m, `    ${long}`));
    const r = lintJson(['--today', TODAY, 'q.rsp.yaml'], { cwd: d });
    const ys = r.findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(ys.length, 1, JSON.stringify(ys));
    assert.match(ys[0].message, /'evaluations exe\.txtx+…'/);
    assert.doesNotMatch(ys[0].message, /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
    assert.ok(ys[0].message.length < 250, ys[0].message);
  } finally {
    fs.rmSync(d, { recursive: true, force: true });
  }
});
