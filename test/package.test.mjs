// Packaging: `npm run package` builds a .vsix offline with exactly what the extension needs,
// and the bundled CLI/server inside it runs with plain node and no node_modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './lib/cli.mjs';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-vsix-'));
const vsix = path.join(out, 'rsp-lint.vsix');

test('npm run package makes a .vsix offline with the bundles (desktop and web), schemas, grammars, snippets, icon and docs', () => {
  assert.match(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.package, /node scripts\/package-vsix\.mjs/);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package-vsix.mjs'), '--out', vsix], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const list = spawnSync('python3', ['-c', 'import sys,zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', vsix], { encoding: 'utf8' });
  const files = list.stdout.trim().split('\n');
  for (const f of ['extension/package.json', 'extension/dist/rsp-lint.js', 'extension/dist/extension.js', 'extension/schemas/policy.schema.json',
    'extension/syntaxes/rsp.tmLanguage.json', 'extension/syntaxes/markdown-asl.tmLanguage.json', 'extension/docs/rules/goal-without-owner.md', 'extension/language-configuration.json',
    'extension/dist/web/server.js', 'extension/dist/web/extension.js', 'extension/images/icon.png', 'extension/snippets/policy.code-snippets',
    'extension/docs/walkthrough/create.md', 'extension/changelog.md', 'extension/readme.md']) {
    assert.ok(files.includes(f), `${f} missing from the .vsix`);
  }
  assert.ok(!files.some((f) => /node_modules|\/test\/|\/src\/|\.map$|\.ts$/.test(f)), files.filter((f) => /node_modules|\/test\/|\/src\/|\.map$|\.ts$/.test(f)).join(', '));
  // The Marketplace README, not the repository's (no test or benchmark tables).
  const readme = spawnSync('python3', ['-c', 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("extension/readme.md").decode())', vsix], { encoding: 'utf8' }).stdout;
  assert.equal(readme, fs.readFileSync(path.join(ROOT, 'docs', 'marketplace', 'README.md'), 'utf8'));
  assert.ok(!/\| tests \||bench|fuzz/i.test(readme));
  for (const s of ['rspLint.rules', 'rspLint.today', 'rspLint.trace.server']) assert.ok(readme.includes(s), s);
  assert.ok(!files.some((f) => /package-lock|\.github|scripts\/|marketplace/.test(f)), files.join(', '));
  const size = fs.statSync(vsix).size;
  assert.ok(size < 2 * 1024 * 1024, `the .vsix is ${size} bytes`);
  console.log(`# .vsix: ${(size / 1024).toFixed(0)} KiB; dist/rsp-lint.js ${(fs.statSync(path.join(ROOT, 'dist', 'rsp-lint.js')).size / 1024).toFixed(0)} KiB; dist/extension.js ${(fs.statSync(path.join(ROOT, 'dist', 'extension.js')).size / 1024).toFixed(0)} KiB`);
});

test('the packaged rsp-lint.js runs alone, with no node_modules anywhere above it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-alone-'));
  fs.copyFileSync(path.join(ROOT, 'dist', 'rsp-lint.js'), path.join(dir, 'rsp-lint.js'));
  fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  const ok = spawnSync(process.execPath, ['rsp-lint.js', '--today', '2026-11-23', 'examples/example-labs'], { cwd: dir, encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const bad = spawnSync(process.execPath, ['rsp-lint.js', '--format', 'sarif', 'examples/with-problems'], { cwd: dir, encoding: 'utf8' });
  assert.equal(bad.status, 1, bad.stderr);
  assert.ok(JSON.parse(bad.stdout).runs[0].results.length > 20);
});
