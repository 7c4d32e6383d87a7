// `rsp-lint migrate` as a process, and "Migrate this document to rsp/v2" over LSP stdio: v1 → v2
// by the renames of spec v2 §0 only, every other byte kept.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, rspLint } from './lib/cli.mjs';
import { startLsp, uri } from './lib/lsp.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-migrate-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const copy = (from, name) => { const d = path.join(tmp, name); fs.cpSync(path.join(ROOT, from), d, { recursive: true }); return d; };
const yamlFiles = (dir) => fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();

/**
 * What the migration must produce, written independently of it: line by line, the four renames
 * of §0 on the lines that hold them, every other line as it was.
 */
function expected(text) {
  return text.split('\n').map((line) => line
    .replace(/^format: rsp\/v1\b/, 'format: rsp/v2')
    .replace(/^asl_standards:/, 'standards:')
    .replace(/^(\s*- )level:/, '$1id:')
    .replace(/^(\s*(?:- )?)asl_applied:/, '$1standard_applied:')
    .replace(/^(\s+)model: (\S+)$/, '$1models: [$2]')).join('\n');
}

/** The lines a unified diff removes and adds, per file. */
function changedLines(diff) {
  const files = new Map();
  let cur;
  for (const l of diff.split('\n')) {
    if (l.startsWith('--- a/')) continue;
    if (l.startsWith('+++ b/')) { cur = { removed: [], added: [] }; files.set(l.slice(6), cur); continue; }
    if (!cur || l.startsWith('@@')) continue;
    if (l.startsWith('-')) cur.removed.push(l.slice(1));
    else if (l.startsWith('+')) cur.added.push(l.slice(1));
  }
  return files;
}

// The small v1 example (beside it, a v2 roadmap), the full v1 edition of Example Labs as frozen in
// test/fixtures/example-labs-v1-full, and the rule examples.
const V1_DIRS = ['examples/example-labs-v1', 'test/fixtures/example-labs-v1-full', 'examples/with-problems'];

describe('rsp-lint migrate (dry run): a unified diff of the renamed keys and the format line, nothing else', () => {
  for (const dir of V1_DIRS) {
    test(dir, () => {
      const r = rspLint(['migrate', dir]);
      const diffs = changedLines(r.stdout);
      for (const f of yamlFiles(path.join(ROOT, dir))) {
        const shown = `${dir}/${f}`;
        const before = fs.readFileSync(path.join(ROOT, dir, f), 'utf8');
        if (f === 'syntax-error.rsp.yaml') { assert.ok(!diffs.has(shown), 'a file with YAML errors has no diff'); continue; }
        if (/^format: rsp\/v2$/m.test(before)) { assert.ok(!diffs.has(shown), 'a v2 document has no diff'); continue; }
        const want = expected(before);
        const b = before.split('\n'), w = want.split('\n');
        const removed = b.filter((l, i) => l !== w[i]);
        const added = w.filter((l, i) => l !== b[i]);
        assert.ok(removed.length >= 1, `${shown}: at least its format line changes`);
        assert.deepEqual(diffs.get(shown), { removed, added }, shown);
      }
      // Nothing was written.
      assert.equal(fs.readFileSync(path.join(ROOT, 'examples/example-labs-v1/example-labs.rsp.yaml'), 'utf8').includes('format: rsp/v1'), true);
    });
  }

  test('summary on stderr; exit 0; a file with YAML errors refused with its line (exit 2), the others still shown', () => {
    const ok = rspLint(['migrate', 'examples/example-labs-v1']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stderr, /^rsp-lint migrate: would migrate 2 files to rsp\/v2 \(1 file already rsp\/v2\); run with --write to write them\n$/);
    const bad = rspLint(['migrate', 'examples/with-problems']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /not migrated: examples\/with-problems\/syntax-error\.rsp\.yaml:15:17: the '\[' opened here is never closed.*nothing was changed/);
    assert.match(bad.stderr, /would migrate 14 files to rsp\/v2 \(1 file refused\)/);
    assert.ok(bad.stdout.includes('+++ b/examples/with-problems/base.rsp.yaml'));
  });
});

describe('rsp-lint migrate --write', () => {
  test('writes what the diff showed, byte for byte; a second run changes nothing', () => {
    const d = copy('examples/example-labs-v1', 'labs');
    const before = Object.fromEntries(yamlFiles(d).map((f) => [f, fs.readFileSync(path.join(d, f), 'utf8')]));
    const dry = rspLint(['migrate', d]);
    const r = rspLint(['migrate', '--write', d]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /migrated 2 files to rsp\/v2 \(1 file already rsp\/v2\)/);
    for (const f of yamlFiles(d)) {
      const after = fs.readFileSync(path.join(d, f), 'utf8');
      assert.equal(after, expected(before[f]), f);
      assert.match(after, /^format: rsp\/v2$/m);
    }
    assert.ok(dry.stdout.length > 0);

    const again = rspLint(['migrate', '--write', d]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /nothing was migrated \(3 files already rsp\/v2\)/);
    for (const f of yamlFiles(d)) assert.equal(fs.readFileSync(path.join(d, f), 'utf8'), expected(before[f]), `${f} unchanged by the second run`);
    const dry2 = rspLint(['migrate', d]);
    assert.equal(dry2.status, 0);
    assert.equal(dry2.stdout, '');
    assert.match(dry2.stderr, /nothing to migrate \(3 files already rsp\/v2\)/);
  });

  test('a file with YAML errors is refused and left as it was (exit 2); the others are written', () => {
    const d = copy('examples/with-problems', 'problems');
    const bad = path.join(d, 'syntax-error.rsp.yaml');
    const badBefore = fs.readFileSync(bad);
    const r = rspLint(['migrate', '--write', d]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not migrated: .*syntax-error\.rsp\.yaml:15:17: /);
    assert.match(r.stderr, /migrated 14 files to rsp\/v2 \(1 file refused\)/);
    assert.deepEqual(fs.readFileSync(bad), badBefore);
    assert.match(fs.readFileSync(path.join(d, 'base.rsp.yaml'), 'utf8'), /^format: rsp\/v2$/m);
  });

  test('a v2 document is left alone', () => {
    const d = copy('examples/example-labs', 'v2');
    const before = yamlFiles(d).map((f) => fs.readFileSync(path.join(d, f), 'utf8'));
    const r = rspLint(['migrate', '--write', d]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /nothing was migrated \(4 files already rsp\/v2\)/); // policy, roadmap, report and its controls profile
    assert.deepEqual(yamlFiles(d).map((f) => fs.readFileSync(path.join(d, f), 'utf8')), before);
  });

  test('never through a symbolic link to a file outside the folder named (exit 2); the rest is written', () => {
    const d = copy('examples/example-labs-v1', 'linked');
    const outside = path.join(tmp, 'outside.rsp.yaml');
    fs.copyFileSync(path.join(ROOT, 'examples/with-problems/base.rsp.yaml'), outside);
    const outsideBefore = fs.readFileSync(outside, 'utf8');
    fs.symlinkSync(outside, path.join(d, 'link.rsp.yaml'));
    const r = rspLint(['migrate', '--write', d]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not migrated: .*link\.rsp\.yaml: it is a symbolic link to .*outside\.rsp\.yaml, outside the folders named/);
    assert.equal(fs.readFileSync(outside, 'utf8'), outsideBefore);
    assert.ok(fs.lstatSync(path.join(d, 'link.rsp.yaml')).isSymbolicLink());
    assert.match(fs.readFileSync(path.join(d, 'example-labs.rsp.yaml'), 'utf8'), /^format: rsp\/v2$/m);
  });

  test('CRLF line breaks, a UTF-8 byte-order mark, quoting, flow mappings and comments are kept', () => {
    const d = path.join(tmp, 'shapes');
    fs.mkdirSync(d);
    const crlf = path.join(d, 'crlf.rsp.yaml');
    fs.copyFileSync(path.join(ROOT, 'test/fixtures/rules/yaml-syntax/ok-crlf-bom.rsp.yaml'), crlf);
    const crlfBefore = fs.readFileSync(crlf);
    const report = path.join(d, 'shapes.risk-report.yaml');
    const src = [
      '# a comment that stays',
      "format: 'rsp/v1'   # the format",
      'kind: risk-report',
      'report: {id: q3, policy: p.rsp.yaml, "model": Ex, published: 2026-09-15}',
      'assessments:',
      "  - {threshold: T-1, determination: near, 'asl_applied': ASL-3}  # flow",
      '  - threshold: T-2',
      '    # before asl_applied',
      '    asl_applied: "ASL-3"    # trailing',
      '    determination: below',
      '',
    ].join('\n');
    fs.writeFileSync(report, src);
    const r = rspLint(['migrate', '--write', d]);
    assert.equal(r.status, 0, r.stderr);
    const after = fs.readFileSync(crlf);
    assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the byte-order mark is kept');
    const a = after.toString('utf8'), b = crlfBefore.toString('utf8');
    assert.equal(a, b.replace('format: rsp/v1', 'format: rsp/v2').replace('asl_standards:', 'standards:').replace('  - level: ASL-3', '  - id: ASL-3'));
    assert.equal(a.split('\r\n').length, b.split('\r\n').length, 'CRLF kept');
    assert.equal(fs.readFileSync(report, 'utf8'), [
      '# a comment that stays',
      "format: 'rsp/v2'   # the format",
      'kind: risk-report',
      'report: {id: q3, policy: p.rsp.yaml, "models": [Ex], published: 2026-09-15}',
      'assessments:',
      "  - {threshold: T-1, determination: near, 'standard_applied': ASL-3}  # flow",
      '  - threshold: T-2',
      '    # before asl_applied',
      '    standard_applied: "ASL-3"    # trailing',
      '    determination: below',
      '',
    ].join('\n'));
  });
});

describe('rsp-lint migrate: usage', () => {
  test('no RSP document: says so, exit 2; --allow-empty: exit 0', () => {
    const d = path.join(tmp, 'empty');
    fs.mkdirSync(d);
    const r = rspLint(['migrate', d]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no RSP documents found.*nothing was migrated/);
    const ok = rspLint(['migrate', '--allow-empty', d]);
    assert.equal(ok.status, 0);
  });
  test('--help; the main help lists migrate; an unknown option is a usage error', () => {
    const h = rspLint(['migrate', '--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /^Usage: rsp-lint migrate \[--write\] \[paths\.\.\.\]/);
    assert.match(rspLint(['--help']).stdout, /rsp-lint migrate \[--write\]/);
    const u = rspLint(['migrate', '--wrte']);
    assert.equal(u.status, 2);
    assert.match(u.stderr, /see rsp-lint migrate --help/);
  });
});

describe('over LSP: "Migrate this document to rsp/v2"', () => {
  const KIND = 'source.rspLint.migrateToV2';
  const apply = (text, edits) => {
    const lines = text.split('\n');
    const off = (p) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    let out = text;
    for (const e of [...edits].sort((x, y) => off(y.range.start) - off(x.range.start))) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
    return out;
  };
  const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  test('offered on a v1 document as a source action whose edits give what the CLI writes; not on v2; disabled with the reason on YAML errors', async () => {
    const lsp = await startLsp({ capabilities: { textDocument: { codeAction: { disabledSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } } } });
    try {
      const file = path.join(ROOT, 'examples/example-labs-v1/2026-q3.risk-report.yaml');
      const text = fs.readFileSync(file, 'utf8');
      const u = uri(path.join(tmp, 'lsp', '2026-q3.risk-report.yaml'));
      lsp.open(u, text);
      await lsp.waitDiagnostics(u);
      const acts = await lsp.request('textDocument/codeAction', { textDocument: { uri: u }, range: whole, context: { diagnostics: [], only: ['source'] } });
      const m = acts.find((a) => a.kind === KIND);
      assert.equal(m.title, 'Migrate this document to rsp/v2');
      assert.equal(apply(text, m.edit.changes[u]), expected(text));
      assert.ok(m.edit.changes[u].length <= 7, 'small edits, not the whole text replaced');
      // Offered when actions are asked for without a kind; not when only quick fixes are.
      assert.ok((await lsp.request('textDocument/codeAction', { textDocument: { uri: u }, range: whole, context: { diagnostics: [] } })).some((a) => a.kind === KIND));
      assert.ok(!(await lsp.request('textDocument/codeAction', { textDocument: { uri: u }, range: whole, context: { diagnostics: [], only: ['quickfix'] } })).some((a) => a.kind === KIND));

      // Once applied, the document is v2: nothing more to offer.
      const v = lsp.replace(u, apply(text, m.edit.changes[u]));
      await lsp.waitDiagnostics(u, (p) => p.version === v);
      assert.ok(!(await lsp.request('textDocument/codeAction', { textDocument: { uri: u }, range: whole, context: { diagnostics: [], only: ['source'] } })).some((a) => a.kind === KIND));

      const bad = uri(path.join(tmp, 'lsp', 'syntax-error.rsp.yaml'));
      lsp.open(bad, fs.readFileSync(path.join(ROOT, 'examples/with-problems/syntax-error.rsp.yaml'), 'utf8'));
      await lsp.waitDiagnostics(bad);
      const dis = (await lsp.request('textDocument/codeAction', { textDocument: { uri: bad }, range: whole, context: { diagnostics: [], only: ['source'] } })).find((a) => a.kind === KIND);
      assert.ok(dis && !dis.edit, 'disabled: no edit');
      assert.match(dis.disabled.reason, /^line 15: the '\[' opened here is never closed/);
    } finally { await lsp.shutdown(); }
  });

  test('a client that cannot show disabled actions is offered nothing for a document with YAML errors', async () => {
    const lsp = await startLsp();
    try {
      const bad = uri(path.join(tmp, 'lsp2', 'syntax-error.rsp.yaml'));
      lsp.open(bad, fs.readFileSync(path.join(ROOT, 'examples/with-problems/syntax-error.rsp.yaml'), 'utf8'));
      await lsp.waitDiagnostics(bad);
      const acts = await lsp.request('textDocument/codeAction', { textDocument: { uri: bad }, range: whole, context: { diagnostics: [], only: ['source'] } });
      assert.ok(!acts.some((a) => a.kind === KIND));
    } finally { await lsp.shutdown(); }
  });
});

describe('the contract of spec v2 §0: a migrated document has no finding the original lacked, but those of the v2-only rules', () => {
  const V2_ONLY = new Set(['alert-without-target', 'level-not-in-scale', 'standard-below-required', 'goal-done-without-date', 'goal-dropped-without-reason',
    'report-without-decision', 'report-not-approved', 'redacted-without-review', 'review-late', 'goal-unreviewed', 'change-unlogged', 'compliance-gap']);
  // The edits stay inside their lines, so a finding keeps its file, rule and line (a renamed key may move its column).
  const key = (f) => `${f.path} ${f.rule} line ${f.range.start.line + 1}`;
  const lint = (cwd) => {
    const r = rspLint(['--format', 'json', '--today', '2026-11-23', '.'], { cwd });
    assert.notEqual(r.status, 2, r.stderr);
    return JSON.parse(r.stdout);
  };
  for (const dir of V1_DIRS) {
    test(dir, () => {
      const before = copy(dir, `contract-before-${path.basename(dir)}`);
      const migrated = copy(dir, `contract-after-${path.basename(dir)}`);
      const m = rspLint(['migrate', '--write', '.'], { cwd: migrated });
      assert.ok(/migrated \d+ files/.test(m.stderr), m.stderr);
      const had = new Set(lint(before).map(key));
      const after = lint(migrated);
      const added = after.filter((f) => !had.has(key(f)) && !V2_ONLY.has(f.rule)).map((f) => `${key(f)}: ${f.message}`);
      assert.deepEqual(added, []);
      // A v1 name never survives the migration as a 'schema' finding naming its v2 name.
      assert.deepEqual(after.filter((f) => f.rule === 'schema' && /asl_standards|asl_applied|'level'|'model'/.test(f.message)).map((f) => f.message), []);
    });
  }
});
