// The seeded fuzzer, short run: mutated documents through the engine (in-process) and through
// the language server (incremental edits over stdio). No crash, hang, invariant failure or
// memory growth may be found. The long run is `npm run fuzz` (see test/fuzz/RESULTS.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/cli.mjs';

test('fuzz: 2000 engine edits + 500 server edits (seed 20261123) find nothing', { timeout: 300_000 }, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-fuzz-test-'));
  const json = path.join(out, 'summary.json');
  const r = spawnSync(process.execPath, [
    '--import', 'tsx', path.join(ROOT, 'test', 'fuzz', 'fuzz.mjs'),
    '--seed', '20261123', '--engine-edits', '2000', '--server-edits', '500', '--time-limit', '240',
    '--crashes', path.join(out, 'crashes'), '--json', json, '--quiet',
  ], { cwd: ROOT, encoding: 'utf8', timeout: 290_000, maxBuffer: 64 * 1024 * 1024 });
  const report = `${r.stdout}\n${r.stderr}\n(repros, if any, in ${path.join(out, 'crashes')})`;
  assert.equal(r.status, 0, report);
  const s = JSON.parse(fs.readFileSync(json, 'utf8'));
  assert.equal(s.engine.edits, 2000, report);
  assert.equal(s.server.edits, 500, report);
  assert.ok(s.server.syncs > 10 && s.server.requests > 20, report);
  assert.deepEqual(s.failures, [], report);
  fs.rmSync(out, { recursive: true, force: true });
});
