// Every bug the fuzzer found is kept as a minimal repro (test/fuzz/crashes/*/repro.json): none
// may fail again. Repros that need a running server are replayed in the LSP tests instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/cli.mjs';

test('the fuzzer\'s saved repros no longer fail', { timeout: 300_000 }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'fuzz', 'fuzz.mjs'), '--replay', path.join(ROOT, 'test', 'fuzz', 'crashes')],
    { cwd: ROOT, encoding: 'utf8', timeout: 290_000 });
  // A repro of kind "slow" fails the replay when its analysis exceeds a CPU budget; on a loaded
  // machine that is a timing, not a bug (no timed assertions here): it must have finished, and
  // every other repro must hold.
  assert.ok([0, 1].includes(r.status), `${r.stdout}\n${r.stderr}`);
  const lines = r.stdout.split('\n');
  const ran = lines.filter((l) => /^(fixed|fails) /.test(l));
  assert.ok(ran.length >= 9, `${ran.length} repros replayed:\n${r.stdout}`);
  const failing = lines.filter((l) => l.startsWith('fails') && !/ — slow analyze$/.test(l));
  assert.deepEqual(failing, [], r.stdout);
});

test('a document nested thousands of levels deep gets the same finding whatever the stack left (repro L3)', { timeout: 120_000 }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'fuzz', 'stack-depth.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const runs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(runs.length, 5);
  for (const x of runs) {
    assert.equal(x.threw, undefined, JSON.stringify(x));
    assert.equal(x.rule, 'resource-limit');
    assert.deepEqual({ message: x.message, range: x.range }, { message: runs[0].message, range: runs[0].range }, `at stack depth ${x.depth}`);
  }
});
