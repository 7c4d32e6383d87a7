// A rule that throws is reported as an internal-error finding, and the other rules still
// report. The fault is injected through the engine's own API (sources run with tsx).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './lib/cli.mjs';
import { POLICY, roadmap, tempTree } from './lib/docs.mjs';

test('a throwing rule becomes internal-error; the other rules still report', () => {
  const dir = tempTree({
    'test.rsp.yaml': POLICY,
    'r.roadmap.yaml': roadmap({ goals: [{ id: 'SEC-1', area: 'security', due: '2027-01-01', owner: 'TBD' }] }),
  });
  const script = `
    // The sources are CommonJS under tsx: take named exports from the module or its default.
    const load = async (p) => { const m = await import(p); return { ...(m.default ?? {}), ...m }; };
    const { CHECKS } = await load(${JSON.stringify(path.join(ROOT, 'server/src/engine/rules/index.ts'))});
    const { Workspace } = await load(${JSON.stringify(path.join(ROOT, 'server/src/engine/workspace/workspace.ts'))});
    const { NodeHost } = await load(${JSON.stringify(path.join(ROOT, 'server/src/engine/workspace/node-host.ts'))});
    const rule = CHECKS.find((r) => r.id === 'roadmap-area-empty');
    rule.check = () => { throw new TypeError('injected fault'); };
    const ws = new Workspace(new NodeHost(${JSON.stringify(dir)}), { today: '2026-06-01' });
    const f = ws.analyze(${JSON.stringify(path.join(dir, 'r.roadmap.yaml'))});
    console.log(JSON.stringify(f.map((x) => ({ rule: x.rule, message: x.message, line: x.range.start.line }))));
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const findings = JSON.parse(r.stdout.trim().split('\n').pop());
  const internal = findings.filter((f) => f.rule === 'internal-error');
  assert.equal(internal.length, 1);
  assert.match(internal[0].message, /rule 'roadmap-area-empty' failed on this document \(injected fault\); the other rules still ran/);
  assert.ok(findings.some((f) => f.rule === 'goal-without-owner'), 'the other rules still report');
  assert.ok(!findings.some((f) => f.rule === 'roadmap-area-empty'));
});
