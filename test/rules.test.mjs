// Every rule's fixtures: what it flags (caret assertions) and what it leaves alone.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, lintJson } from './lib/cli.mjs';
import { parseExpectations, key } from './lib/expect.mjs';

const DIR = path.join(ROOT, 'test', 'fixtures', 'rules');
const TODAY = '2026-06-01';
const RULES = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)).sort();

function yamlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

// One CLI run over all fixtures (the CLI lints folders, follows policy links, reads configs).
const run = lintJson(['--today', TODAY, '.'], { cwd: DIR });
const actual = new Map();
for (const f of run.findings) {
  const abs = path.resolve(DIR, f.path);
  if (!actual.has(abs)) actual.set(abs, []);
  const single = f.range.start.line === f.range.end.line;
  actual.get(abs).push({ line: f.range.start.line, start: f.range.start.character, end: single ? f.range.end.character : -1, rule: f.rule, message: f.message });
}

test('the fixture run itself works', () => {
  assert.ok([0, 1].includes(run.status), run.stderr);
  assert.equal(run.stderr.replace(/^rsp-lint: \d+ warnings.*\n/m, ''), '');
});

const RULES_WITHOUT_FIXTURES = new Set(['internal-error', 'weakening-unexplained']); // a broken rule / a git ref: tested in the server and diff tests

for (const rule of RULES) {
  describe(`rule ${rule}`, () => {
    const dir = path.join(DIR, rule);
    if (RULES_WITHOUT_FIXTURES.has(rule)) {
      test('has no fixture folder (exercised elsewhere)', () => assert.ok(!fs.existsSync(dir)));
      return;
    }
    test('has fixtures that flag it and fixtures it leaves alone', () => {
      assert.ok(fs.existsSync(dir), `missing ${path.relative(ROOT, dir)}`);
      const files = yamlFiles(dir);
      const flagged = files.filter((f) => parseExpectations(fs.readFileSync(f, 'utf8')).some((e) => e.rule === rule));
      const clean = files.filter((f) => path.basename(f).startsWith('ok'));
      assert.ok(flagged.length > 0, `no fixture asserts a ${rule} finding`);
      assert.ok(clean.length > 0, `no ok.* fixture shows what ${rule} leaves alone`);
    });
    for (const file of fs.existsSync(dir) ? yamlFiles(dir) : []) {
      test(path.relative(DIR, file), () => {
        const expected = parseExpectations(fs.readFileSync(file, 'utf8'));
        const got = actual.get(file) ?? [];
        assert.deepEqual(got.map(key).sort(), expected.map(key).sort(), `findings differ; got:\n${got.map((g) => `${key(g)}: ${g.message}`).join('\n')}`);
        // Messages: each assertion claims its own finding (several may share one range).
        const pool = [...got];
        for (const e of expected.filter((x) => x.message)) {
          const i = pool.findIndex((x) => key(x) === key(e) && x.message.includes(e.message));
          assert.ok(i !== -1, `no ${key(e)} finding whose message contains '${e.message}'; got: ${got.filter((x) => key(x) === key(e)).map((x) => x.message).join(' | ')}`);
          pool.splice(i, 1);
        }
        if (path.basename(file).startsWith('ok')) assert.equal(expected.length, 0, 'an ok.* fixture asserts no finding');
      });
    }
  });
}
