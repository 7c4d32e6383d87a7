// The GitHub Action (action.yml): its wiring, and its run step executed as the runner executes it
// (bash, the inputs as the env mapping of action.yml gives them, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files), with the CLI bundle of the action's own checkout.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './lib/cli.mjs';

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
const lintStep = action.runs.steps.find((s) => s.id === 'lint');

/** Runs the lint step in `workspace` with these inputs (the rest at their defaults). */
function runStep(workspace, inputs = {}, { actionPath = ROOT, extraEnv = {} } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-action-'));
  const files = { GITHUB_OUTPUT: path.join(tmp, 'output'), GITHUB_STEP_SUMMARY: path.join(tmp, 'summary') };
  for (const f of Object.values(files)) fs.writeFileSync(f, '');
  const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  const env = {};
  for (const [k, v] of Object.entries(lintStep.env)) {
    const m = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(v);
    assert.ok(m, `${k}: ${v}`);
    env[k] = values[m[1]];
  }
  const r = spawnSync('bash', ['-c', lintStep.run], {
    cwd: workspace, encoding: 'utf8', timeout: 60_000,
    env: { PATH: process.env.PATH, HOME: tmp, GITHUB_ACTION_PATH: actionPath, GITHUB_WORKSPACE: workspace, ...files, ...env, ...extraEnv },
  });
  const outputs = Object.fromEntries(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary: fs.readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

function workspace() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-action-ws-'));
  fs.cpSync(path.join(ROOT, 'examples'), path.join(d, 'examples'), { recursive: true });
  fs.mkdirSync(path.join(d, 'docs'));
  fs.writeFileSync(path.join(d, 'docs', 'README.md'), '# no policies here\n');
  return d;
}

describe('action.yml', () => {
  test('a composite action: Node via actions/setup-node, one bash step with every input passed as env, SARIF upload optional', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.name && action.description && action.branding);
    for (const k of ['paths', 'format', 'today', 'max-warnings', 'sarif', 'change-review', 'change-review-base', 'change-review-file', 'allow-empty', 'sarif-file', 'node-version']) assert.ok(action.inputs[k]?.description, k);
    const uses = action.runs.steps.filter((s) => s.uses).map((s) => s.uses);
    assert.deepEqual(uses.map((u) => u.replace(/@v\d+$/, '')), ['actions/setup-node', 'github/codeql-action/upload-sarif'], 'no other action is fetched');
    assert.equal(action.runs.steps[0].with['node-version'], '${{ inputs.node-version }}');
    assert.equal(action.inputs['node-version'].default, '20');
    // Inputs reach the script through env only: never pasted into the script (injection).
    assert.ok(!/\$\{\{/.test(lintStep.run), lintStep.run);
    assert.equal(lintStep.shell, 'bash');
    assert.deepEqual(Object.keys(lintStep.env).sort(), Object.keys(action.inputs).filter((k) => k !== 'node-version').map((k) => `INPUT_${k.toUpperCase().replace(/-/g, '_')}`).sort());
    const upload = action.runs.steps.find((s) => /upload-sarif/.test(s.uses ?? ''));
    assert.match(upload.if, /always\(\)/);
    assert.match(upload.if, /inputs\.sarif == 'true'/);
    for (const [k, o] of Object.entries(action.outputs)) assert.equal(o.value, `\${{ steps.lint.outputs.${k} }}`, k);
  });
});

describe('the action run step', () => {
  const ws = workspace();
  test('clean documents: exit 0, outputs and a summary with counts', () => {
    const r = runStep(ws, { paths: 'examples/example-labs', today: '2026-11-23' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(r.outputs, { errors: '0', warnings: '0', 'exit-code': '0' });
    assert.match(r.summary, /^### rsp-lint\n\nNo errors or warnings\.\n$/);
  });
  test('problems: annotations in the log, exit 1, SARIF written for the upload step', () => {
    const r = runStep(ws, { paths: 'examples/with-problems', today: '2026-11-23', sarif: 'true' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^::error file=examples\/with-problems\/goals\.roadmap\.yaml,line=\d+,/m);
    assert.ok(Number(r.outputs.errors) > 10 && Number(r.outputs.warnings) > 0, JSON.stringify(r.outputs));
    assert.equal(r.outputs['exit-code'], '1');
    assert.equal(r.outputs['sarif-file'], 'rsp-lint.sarif');
    const sarif = JSON.parse(fs.readFileSync(path.join(ws, 'rsp-lint.sarif'), 'utf8'));
    assert.equal(sarif.runs[0].results.filter((x) => x.level === 'error').length, Number(r.outputs.errors));
    assert.match(r.summary, /\*\*Failed\*\*: \d+ error\(s\) and \d+ warning\(s\) in \d+ file\(s\)/);
    // The summary carries counts only, never document text.
    assert.ok(!/SEC-1|TBD|CBRN/.test(r.summary), r.summary);
  });
  test('format, today and max-warnings reach the CLI', () => {
    const warnOnly = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-action-warn-'));
    fs.cpSync(path.join(ROOT, 'examples', 'example-labs'), warnOnly, { recursive: true });
    const late = runStep(warnOnly, { format: 'stylish', today: '2030-01-01' });
    assert.equal(late.status, 0, late.stdout);
    assert.ok(Number(late.outputs.warnings) > 0, 'overdue goals by 2030');
    assert.match(late.stdout, /warning .* goal-overdue$/m);
    const strict = runStep(warnOnly, { format: 'json', today: '2030-01-01', 'max-warnings': '0' });
    assert.equal(strict.status, 1);
    assert.ok(JSON.parse(strict.stdout.slice(0, strict.stdout.lastIndexOf(']') + 1)).length > 0);
  });
  test('nothing found fails unless allow-empty; a bad format or path is exit 2 with a summary', () => {
    const none = runStep(ws, { paths: 'docs' });
    assert.equal(none.status, 2);
    assert.equal(none.outputs['exit-code'], '2');
    assert.match(none.stderr, /no RSP documents found/);
    assert.match(none.summary, /could not run/);
    assert.equal(runStep(ws, { paths: 'docs', 'allow-empty': 'true' }).status, 0);
    const bad = runStep(ws, { format: 'xml' });
    assert.equal(bad.status, 2);
    assert.match(bad.stdout, /^::error title=rsp-lint::unknown format 'xml'/m);
  });
  test('several paths, separated by spaces and new lines; inputs are data, never shell code', () => {
    const r = runStep(ws, { paths: 'examples/example-labs\nexamples/with-problems/goals.roadmap.yaml  examples/with-problems/links.roadmap.yaml', format: 'json', today: '2026-11-23' });
    const found = new Set(JSON.parse(r.stdout.slice(0, r.stdout.lastIndexOf(']') + 1)).map((f) => f.path));
    assert.deepEqual([...found].sort(), ['examples/with-problems/goals.roadmap.yaml', 'examples/with-problems/links.roadmap.yaml']);
    const evil = runStep(ws, { paths: '$(touch pwned) `touch pwned2`', today: '$(touch pwned3)' });
    assert.equal(evil.status, 2);
    for (const f of ['pwned', 'pwned2', 'pwned3']) assert.ok(!fs.existsSync(path.join(ws, f)), f);
  });
  test('change-review outside a pull request and without change-review-base: a notice; the lint result stands', () => {
    const r = runStep(ws, { paths: 'examples/example-labs', 'change-review': 'true', today: '2026-11-23' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^::notice title=rsp-lint change review::not a pull request and no change-review-base given; nothing was reviewed$/m);
    assert.equal(r.outputs['change-review-file'], undefined);
  });
  test('change-review on a pull request: rsp-lint diff against the merge base, Markdown in the summary and the file, unexplained weakenings fail', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-action-pr-'));
    const env = { ...process.env, HOME: repo, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
    const git = (...args) => { const r = spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' }); assert.equal(r.status, 0, r.stderr); return r.stdout.trim(); };
    const ex = (v) => path.join(ROOT, 'examples', 'change-review', v);
    git('init', '-q', '-b', 'main');
    fs.cpSync(ex('v1'), path.join(repo, 'policies'), { recursive: true });
    git('add', '-A'); git('commit', '-q', '-m', 'v1');
    git('checkout', '-q', '-b', 'pr');
    fs.cpSync(ex('v2'), path.join(repo, 'policies'), { recursive: true });
    git('commit', '-q', '-am', 'v2');
    git('update-ref', 'refs/remotes/origin/main', 'main'); // as actions/checkout with fetch-depth: 0 leaves it
    const r = runStep(repo, { paths: 'policies', 'change-review': 'true', today: '2026-06-02' }, { extraEnv: { GITHUB_BASE_REF: 'main' } });
    assert.equal(r.status, 1, `${r.stdout}${r.stderr}`);
    assert.equal(r.outputs['exit-code'], '0', 'the lint itself passes');
    assert.equal(r.outputs['change-review-exit-code'], '1');
    assert.equal(r.outputs['change-review-file'], 'rsp-change-review.md');
    const review = fs.readFileSync(path.join(repo, 'rsp-change-review.md'), 'utf8');
    assert.match(review, /^### RSP change review\n\n❌ \*\*22 changes in 2 documents: 8 weakenings \(4 unexplained\)/);
    assert.ok(r.summary.includes(review), 'the review is in the step summary');
    assert.match(r.stdout, /^::error title=rsp-lint change review::the change weakens the policy without explaining it/m);
    // Against a ref named explicitly: the head commit itself, so nothing changed.
    const same = runStep(repo, { paths: 'policies', 'change-review': 'true', 'change-review-base': 'HEAD', today: '2026-06-02' });
    assert.equal(same.status, 0, same.stdout);
    assert.equal(same.outputs['change-review-exit-code'], '0');
    assert.match(fs.readFileSync(path.join(repo, 'rsp-change-review.md'), 'utf8'), /No changes in 2 documents compared/);
    // A base git does not know: exit 2, said in the log.
    const bad = runStep(repo, { paths: 'policies', 'change-review': 'true', 'change-review-base': 'no-such-ref', today: '2026-06-02' });
    assert.equal(bad.status, 2);
    assert.equal(bad.outputs['change-review-exit-code'], '2');
  });
  test('an action checkout without the built CLI (a branch, not a release tag) fails with a clear message', () => {
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-action-bare-'));
    fs.cpSync(path.join(ROOT, 'action'), path.join(bare, 'action'), { recursive: true });
    const r = runStep(ws, {}, { actionPath: bare });
    assert.equal(r.status, 2);
    assert.match(r.stdout, /::error title=rsp-lint::this version of the action has no built CLI \(dist\/rsp-lint\.js\): use a release tag/);
  });
});
