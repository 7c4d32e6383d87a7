// Output security in real VS Code (code-server in Chromium): the hover and the overview webview
// over a hostile policy (test/editors/hostile.mjs). Needs the tools of `bash .ci/install-tools.sh`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../lib/cli.mjs';

test('VS Code: hover and overview webview show a hostile document as text', () => {
  assert.ok(fs.existsSync(path.join(ROOT, '.tools', 'code-server')) && fs.existsSync('/usr/bin/chromium'), 'editor tools installed (bash .ci/install-tools.sh)');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'test', 'editors', 'hostile.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  process.stdout.write(r.stdout.split('\n').map((l) => `# ${l}`).join('\n') + '\n');
  assert.equal(r.status, 0, r.stdout.slice(-3000) + r.stderr.slice(-2000));
  assert.match(r.stdout, /hostile scenario: passed \(4 steps\)/);
  for (const shot of ['hostile-1-hover', 'hostile-2-overview']) assert.ok(fs.existsSync(path.join(ROOT, '.test-artifacts', `${shot}.png`)), shot);
});
