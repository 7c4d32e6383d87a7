// The npm package as a user gets it: `npm pack`, then `npm install -g` of the tarball into a
// temporary prefix (offline: the package has no dependencies) and `npx`, then the installed
// command on the examples, and the installed language server's links to the rule docs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './lib/cli.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-npm-'));
const npmEnv = { ...process.env, npm_config_cache: path.join(tmp, 'cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_yes: 'true' };
const npm = (args, opts = {}) => spawnSync('npm', args, { encoding: 'utf8', timeout: 120_000, env: npmEnv, ...opts });

let tarball, prefix, bin;

test('npm pack: the CLI bundle, the rule docs, the schemas; no dependencies, no extension client', () => {
  assert.equal(pkg.dependencies, undefined, 'everything the CLI needs is in the bundle');
  assert.deepEqual(pkg.bin, { 'rsp-lint': 'dist/rsp-lint.js' });
  const r = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  const [info] = JSON.parse(r.stdout);
  tarball = path.join(tmp, info.filename);
  const files = info.files.map((f) => f.path).sort();
  for (const f of ['dist/rsp-lint.js', 'package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'schemas/policy.schema.json', 'docs/rules/README.md']) assert.ok(files.includes(f), f);
  const docs = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
  for (const d of docs) assert.ok(files.includes(`docs/rules/${d}`), d);
  const unexpected = files.filter((f) => !/^(dist\/rsp-lint\.js|docs\/rules\/[A-Za-z-]+\.md|profiles\/[a-z0-9-]+\.profile\.yaml|schemas\/[a-z0-9.-]+\.json|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(f));
  assert.deepEqual(unexpected, []);
  assert.ok(info.size < 400 * 1024, `${info.size} bytes packed`);
});

test('npm install -g of the tarball works offline and installs nothing else; the command checks the examples', () => {
  prefix = path.join(tmp, 'prefix');
  const r = npm(['install', '--global', '--prefix', prefix, tarball]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.deepEqual(fs.readdirSync(path.join(prefix, 'lib', 'node_modules')), ['rsp-lint']);
  assert.ok(!fs.existsSync(path.join(prefix, 'lib', 'node_modules', 'rsp-lint', 'node_modules')));
  bin = path.join(prefix, 'bin', 'rsp-lint');
  const run = (args) => spawnSync(bin, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(run(['--version']).stdout.trim(), pkg.version);
  const clean = run(['--today', '2026-11-23', 'examples/example-labs']);
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  assert.equal(clean.stdout, '4 RSP documents checked: no problems\n');
  const bad = run(['--format', 'sarif', '--today', '2026-11-23', 'examples/with-problems']);
  assert.equal(bad.status, 1);
  const sarif = JSON.parse(bad.stdout);
  assert.ok(sarif.runs[0].results.length > 20);
  // Every rule the output links to has its page in the installed package.
  const installed = path.join(prefix, 'lib', 'node_modules', 'rsp-lint');
  for (const rule of sarif.runs[0].tool.driver.rules) {
    assert.match(rule.helpUri, /^https:\/\/github\.com\/rsp-tools\/rsp-lint\/blob\/main\/docs\/rules\/[a-z-]+\.md$/);
    assert.ok(fs.existsSync(path.join(installed, 'docs', 'rules', `${rule.id}.md`)), rule.id);
  }
  assert.match(run(['--help']).stdout, /Documentation: https:\/\/github\.com\/rsp-tools\/rsp-lint#readme/);
});

test('npx --package <tarball> rsp-lint runs the command (offline)', () => {
  const r = spawnSync('npx', ['--yes', '--package', tarball, 'rsp-lint', '--today', '2026-11-23', 'examples/example-labs'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: npmEnv });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /checked: no problems/);
});

test('the installed language server links each diagnostic to the rule page inside the package', async () => {
  const doc = fs.readFileSync(path.join(ROOT, 'examples', 'with-problems', 'goals.roadmap.yaml'), 'utf8');
  const child = spawn(bin, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const send = (m) => { const s = JSON.stringify({ jsonrpc: '2.0', ...m }); child.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`); };
  const diags = await new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => reject(new Error('no diagnostics')), 30_000);
    child.stdout.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const h = buf.indexOf('\r\n\r\n');
        if (h < 0) return;
        const len = Number(/Content-Length: (\d+)/.exec(buf.subarray(0, h).toString())[1]);
        if (buf.length < h + 4 + len) return;
        const m = JSON.parse(buf.subarray(h + 4, h + 4 + len).toString());
        buf = buf.subarray(h + 4 + len);
        if (m.method === 'textDocument/publishDiagnostics' && m.params.uri.endsWith('goals.roadmap.yaml') && m.params.diagnostics.length) { clearTimeout(timer); resolve(m.params.diagnostics); }
      }
    });
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    send({ method: 'initialized', params: {} });
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri: `file://${tmp}/goals.roadmap.yaml`, languageId: 'rsp-roadmap', version: 1, text: doc } } });
  });
  child.kill();
  const installed = fs.realpathSync(path.join(prefix, 'lib', 'node_modules', 'rsp-lint'));
  for (const d of diags) {
    const href = d.codeDescription.href;
    assert.ok(href.startsWith('file://'), href);
    const file = fileURLToPath(href);
    assert.ok(file.startsWith(installed + path.sep) && fs.existsSync(file), href);
  }
});
