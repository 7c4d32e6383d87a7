// --fix and --fix-dry-run on copies of the examples; an interrupted --fix loses nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, ROOT, rspLint, lintJson } from './lib/cli.mjs';
import { snapshot } from './lib/docs.mjs';

function copyExamples() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-fix-'));
  fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

test('--fix-dry-run prints a unified diff and changes nothing', () => {
  const dir = copyExamples();
  const before = snapshot(dir);
  const r = rspLint(['--fix-dry-run', 'with-problems'], { cwd: dir });
  assert.equal(r.status, 1, 'errors would remain');
  assert.match(r.stdout, /^--- a\/with-problems\/links\.roadmap\.yaml\n\+\+\+ b\/with-problems\/links\.roadmap\.yaml\n@@ /);
  assert.match(r.stdout, /^-    ownr: Security Engineering\n\+    owner: Security Engineering$/m);
  assert.match(r.stdout, /^-    status: in-progres\n\+    status: in-progress$/m);
  assert.match(r.stdout, /^-  version: 3\.0\n\+  version: "3\.0"$/m);
  assert.match(r.stderr, /would fix \d+ problems in \d+ files/);
  assert.deepEqual(snapshot(dir), before);
});

test('--fix applies exactly the safe fixes, atomically, and reports what remains', () => {
  const dir = copyExamples();
  const before = lintJson(['--today', '2026-11-23', 'with-problems'], { cwd: dir }).findings;
  const untouched = fs.readFileSync(path.join(dir, 'with-problems', 'goals.roadmap.yaml'));
  const r = lintJson(['--fix', '--today', '2026-11-23', 'with-problems'], { cwd: dir });
  assert.equal(r.status, 1);
  const gone = before.filter((b) => !r.findings.some((a) => a.path === b.path && a.message === b.message)).map((f) => f.rule).sort();
  assert.deepEqual(gone, ['schema', 'schema', 'schema', 'schema', 'unknown-reference']);
  assert.equal(fs.readFileSync(path.join(dir, 'with-problems', 'schema-errors.roadmap.yaml'), 'utf8').includes('owner: Security Engineering'), true);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'with-problems', 'goals.roadmap.yaml')), untouched, 'files without safe fixes are not rewritten');
  assert.deepEqual(fs.readdirSync(path.join(dir, 'with-problems')).filter((f) => f.endsWith('.tmp')), []);
  const again = lintJson(['--fix', '--today', '2026-11-23', 'with-problems'], { cwd: dir });
  assert.deepEqual(again.findings, r.findings, 'a second --fix finds nothing more to fix');
  const clean = rspLint(['--fix', 'example-labs'], { cwd: dir });
  assert.equal(clean.status, 0);
  assert.equal(clean.stderr, '');
});

test('--fix keeps the file mode and never writes a linked policy that was not named', () => {
  const dir = copyExamples();
  const roadmap = path.join(dir, 'with-problems', 'links.roadmap.yaml');
  fs.chmodSync(roadmap, 0o640);
  const policy = fs.readFileSync(path.join(dir, 'with-problems', 'base.rsp.yaml'));
  rspLint(['--fix', 'with-problems/links.roadmap.yaml'], { cwd: dir });
  assert.equal(fs.statSync(roadmap).mode & 0o777, 0o640);
  assert.match(fs.readFileSync(roadmap, 'utf8'), /supports: \[CBRN-3,/);
  assert.deepEqual(fs.readFileSync(path.join(dir, 'with-problems', 'base.rsp.yaml')), policy);
});

test('an interrupted --fix leaves every file as it was or fully fixed', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-fix-kill-'));
  const src = fs.readFileSync(path.join(ROOT, 'examples', 'with-problems', 'schema-errors.roadmap.yaml'), 'utf8').replace('policy: base.rsp.yaml', 'policy: ../base.rsp.yaml');
  fs.copyFileSync(path.join(ROOT, 'examples', 'with-problems', 'base.rsp.yaml'), path.join(dir, 'base.rsp.yaml'));
  const fixed = src.replace('    ownr: ', '    owner: ').replace('status: in-progres\n', 'status: in-progress\n');
  for (const [i, delay] of [40, 90, 150, 250, 400].entries()) {
    const sub = path.join(dir, `run${i}`);
    fs.mkdirSync(sub);
    for (let k = 0; k < 300; k++) fs.writeFileSync(path.join(sub, `g${k}.roadmap.yaml`), src);
    const p = spawn(process.execPath, [CLI, '--fix', '--format', 'json', sub], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, delay));
    p.kill('SIGTERM');
    await new Promise((r) => p.once('exit', r));
    const states = fs.readdirSync(sub).map((f) => {
      if (f.endsWith('.tmp')) return 'temp';
      const t = fs.readFileSync(path.join(sub, f), 'utf8');
      return t === src ? 'original' : t === fixed ? 'fixed' : 'CORRUPT';
    });
    assert.ok(!states.includes('CORRUPT'), `run ${i}: a file is neither original nor fixed`);
    assert.ok(!states.includes('temp'), `run ${i}: a temporary file was left behind`);
    assert.equal(states.length, 300);
  }
});
