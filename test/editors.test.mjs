// Real editors: VS Code 1.100 (code-server in headless Chromium) running the extension's
// mocha suite, its web suite in the web worker extension host, and scenarios driven like a
// person, and Neovim's built-in LSP client
// against `rsp-lint --stdio`. Needs the tools from `bash .ci/install-tools.sh`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, CLI } from './lib/cli.mjs';
import { runNeovimLsp } from './editors/nvim-smoke.mjs';

const CODE_SERVER = path.join(ROOT, '.tools', 'code-server');
const missing = [!fs.existsSync(CODE_SERVER) && 'code-server', !fs.existsSync('/usr/bin/chromium') && 'chromium', spawnSync('nvim', ['--version']).status !== 0 && 'neovim'].filter(Boolean);

test('the editor tools are installed (bash .ci/install-tools.sh)', () => {
  assert.deepEqual(missing, [], `missing: ${missing.join(', ')} — run: bash .ci/install-tools.sh`);
});

function node(script) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'test', 'editors', script)], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  process.stdout.write(r.stdout.split('\n').map((l) => `# ${l}`).join('\n') + '\n');
  return r;
}

test('VS Code: the extension test suite passes inside real VS Code', { skip: missing.length > 0 && 'tools missing (see the first test)' }, () => {
  const r = node('vscode-suite.mjs');
  assert.equal(r.status, 0, r.stdout.slice(-3000) + r.stderr.slice(-2000));
  assert.match(r.stdout, /15 passing/);
});

test('VS Code: a person opens the roadmap, sees the problem, hovers ASL-3, applies a quick fix', { skip: missing.length > 0 && 'tools missing (see the first test)' }, () => {
  const r = node('person.mjs');
  assert.equal(r.status, 0, r.stdout.slice(-3000) + r.stderr.slice(-2000));
  for (const shot of ['person-1-squiggle', 'person-2-problems', 'person-3-hover', 'person-4-quickfix', 'person-5-fixed']) {
    assert.ok(fs.existsSync(path.join(ROOT, '.test-artifacts', `${shot}.png`)), shot);
  }
});

test('VS Code: the policy overview webview shows the matrix and timeline, follows edits, opens lines', { skip: missing.length > 0 && 'tools missing (see the first test)' }, () => {
  const r = node('overview.mjs');
  assert.equal(r.status, 0, r.stdout.slice(-3000) + r.stderr.slice(-2000));
  for (const shot of ['overview-1-webview', 'overview-2-live', 'overview-3-opened']) {
    assert.ok(fs.existsSync(path.join(ROOT, '.test-artifacts', `${shot}.png`)), shot);
  }
});

test('VS Code: the policy document preview shows the policy as published and follows edits (title, error banner)', { skip: missing.length > 0 && 'tools missing (see the first test)' }, () => {
  const r = node('preview.mjs');
  assert.equal(r.status, 0, r.stdout.slice(-3000) + r.stderr.slice(-2000));
  assert.match(r.stdout, /preview scenario: passed \(5 steps\)/);
  for (const shot of ['preview-1-document', 'preview-2-live', 'preview-3-banner']) assert.ok(fs.existsSync(path.join(ROOT, '.test-artifacts', `${shot}.png`)), shot);
});

test('VS Code: the change review — the merge base offered, the review beside the policy, weakening-unexplained warnings, the quick fix logs one', { skip: missing.length > 0 && 'tools missing (see the first test)' }, () => {
  const r = node('review.mjs');
  assert.equal(r.status, 0, r.stdout.slice(-3000) + r.stderr.slice(-2000));
  for (const shot of ['review-1-pick', 'review-2-webview', 'review-3-problems', 'review-4-quickfix', 'review-5-explained']) {
    assert.ok(fs.existsSync(path.join(ROOT, '.test-artifacts', `${shot}.png`)), shot);
  }
});

test('VS Code, untrusted folder (Restricted Mode): the policy is checked, the change review says why it cannot run and runs no git', { skip: missing.length > 0 && 'tools missing (see the first test)' }, () => {
  fs.rmSync(path.join(ROOT, '.test-artifacts', 'review-untrusted.png'), { force: true });
  const r = node('review-untrusted.mjs');
  assert.equal(r.status, 0, r.stdout.slice(-3000) + r.stderr.slice(-2000));
  assert.match(r.stdout, /review-untrusted scenario: passed \(2 steps\)/);
  assert.ok(fs.existsSync(path.join(ROOT, '.test-artifacts', 'review-untrusted.png')), 'screenshot');
});

test('VS Code web: the web extension runs in the browser workbench\'s web worker extension host (diagnostics with the linked policy read through vscode.workspace.fs, hover, completion, overview)', { skip: missing.length > 0 && 'tools missing (see the first test)' }, () => {
  fs.rmSync(path.join(ROOT, '.test-artifacts', 'web-overview.png'), { force: true });
  const r = node('web.mjs');
  assert.equal(r.status, 0, r.stdout.slice(-3000) + r.stderr.slice(-2000));
  assert.match(r.stdout, /server worker started from (its URL|a Blob URL)/);
  assert.match(r.stdout, /9 passing, 0 failing/);
  assert.ok(fs.existsSync(path.join(ROOT, '.test-artifacts', 'web-overview.png')), 'web-overview screenshot');
});

test('Neovim: diagnostics and a hover from rsp-lint --stdio', { skip: missing.includes('neovim') && 'neovim missing' }, async () => {
  const file = path.join(ROOT, 'examples', 'with-problems', 'goals.roadmap.yaml');
  const text = fs.readFileSync(file, 'utf8');
  const before = text.slice(0, text.indexOf('supports: [CBRN-3'));
  const line = before.split('\n').length - 1;
  const r = await runNeovimLsp({
    serverCmd: [process.execPath, CLI, '--stdio'],
    file,
    rootDir: path.dirname(file),
    hoverAt: { line, character: before.length - before.lastIndexOf('\n') - 1 + 'supports: ['.length + 2 },
    timeoutMs: 60_000,
  });
  const codes = r.diagnostics.map((d) => d.code);
  assert.ok(codes.includes('goal-without-owner'), JSON.stringify(codes));
  assert.ok(r.nvim_diagnostics.length >= r.diagnostics.length, 'Neovim shows them');
  const hover = typeof r.hover?.contents === 'string' ? r.hover.contents : r.hover?.contents?.value;
  assert.match(hover ?? '', /Threshold CBRN-3/);
});

test('VS Code: an rsp/v2 framework (Google DeepMind FSF) — Problems, a RAND level hover, the overview\'s alerts', { skip: missing.length > 0 && 'tools missing (see the first test)' }, () => {
  const r = node('v2.mjs');
  assert.equal(r.status, 0, r.stdout.slice(-3000) + r.stderr.slice(-2000));
  assert.match(r.stdout, /v2 scenario: passed \(4 steps\)/);
  for (const shot of ['v2-1-problems', 'v2-2-hover', 'v2-3-overview']) assert.ok(fs.existsSync(path.join(ROOT, '.test-artifacts', `${shot}.png`)), shot);
});

test('VS Code: compliance — ca-sb53 and eu-gpai-cop-ss gaps with citations in Problems, a profile file, the overview\'s coverage matrix', { skip: missing.length > 0 && 'tools missing (see the first test)' }, () => {
  const r = node('compliance.mjs');
  assert.equal(r.status, 0, r.stdout.slice(-3000) + r.stderr.slice(-2000));
  assert.match(r.stdout, /compliance scenario: passed \(5 steps\)/);
  for (const shot of ['compliance-1-problems', 'compliance-2-overview', 'compliance-3-opened']) assert.ok(fs.existsSync(path.join(ROOT, '.test-artifacts', `${shot}.png`)), shot);
});
