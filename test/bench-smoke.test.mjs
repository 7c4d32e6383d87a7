// Keeps the benchmark from rotting: `node bench/run.mjs --quick` must run to the end and print
// its table with every column. No timed assertion here (the figures are machine-dependent);
// `npm run bench` is where the numbers come from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/cli.mjs';

test('npm run bench --quick runs and prints the comparison table', () => {
  const r = spawnSync(process.execPath, ['bench/run.mjs', '--quick'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  assert.equal(r.status, 0, `bench/run.mjs --quick exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  const header = r.stdout.split('\n').find((l) => l.startsWith('metric '));
  assert.ok(header, `no table in:\n${r.stdout}`);
  for (const col of ['rsp-lint', 'yaml-language-server', 'yls −200 ms', 'floor']) assert.ok(header.includes(col), `column '${col}' missing: ${header}`);
  for (const row of ['edit → diagnostics p50', 'edit → diagnostics p95', 'hover p50', 'completion p50', 'peak RSS', 'throughput, MB/s']) {
    assert.match(r.stdout, new RegExp(row), `row '${row}' missing`);
  }
  assert.match(r.stdout, /## Ratios/);
  // The change review (issue #14): rsp-lint diff beside the check of one version, with its target (not asserted).
  assert.match(r.stdout, /## change review \(rsp-lint diff\) of policy-1k-v2/);
  assert.match(r.stdout, /diff \/ check: [\d.]+× \(target ≤ 2×/);
  // rsp/v2 beside rsp/v1 (issue #12): the three comparisons are printed with their targets (not asserted).
  assert.match(r.stdout, /## rsp\/v2 against rsp\/v1/);
  for (const what of [/CLI check of policy-1k as rsp\/v2 \/ as rsp\/v1 \(target ≤ 1\.25×\)/, /per-edit diagnostics p50 at policy-1k: rsp\/v2 \/ rsp\/v1/, /server peak RSS at policy-1k: rsp\/v2 \/ rsp\/v1 \(target ≤ 1\.10×\)/]) {
    assert.match(r.stdout, what);
  }
});
