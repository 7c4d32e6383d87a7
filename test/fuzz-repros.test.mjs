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
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const fixed = r.stdout.split('\n').filter((l) => l.startsWith('fixed')).length;
  assert.ok(fixed >= 9, `${fixed} repros replayed:\n${r.stdout}`);
  assert.doesNotMatch(r.stdout, /^fails/m);
});
