// `rsp-lint diff` (spec v2 §10) as a process: two folders, two files, real git repositories made
// in temp folders (commits, the index, a branch and its merge base, a renamed file, a ref or a
// path git does not know, run from a subfolder), the JSON exactly, Markdown escaping, versions
// with YAML errors, and the example's README block against the real output.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, rspLint } from './lib/cli.mjs';
import { startLsp, uri } from './lib/lsp.mjs';

const EX = path.join(ROOT, 'examples', 'change-review');
const V1 = fs.readFileSync(path.join(EX, 'v1', 'policy.rsp.yaml'), 'utf8');
const V2 = fs.readFileSync(path.join(EX, 'v2', 'policy.rsp.yaml'), 'utf8');
const R1 = fs.readFileSync(path.join(EX, 'v1', 'roadmap.roadmap.yaml'), 'utf8');
const R2 = fs.readFileSync(path.join(EX, 'v2', 'roadmap.roadmap.yaml'), 'utf8');

const tmp = (p = 'rsp-diff-') => fs.mkdtempSync(path.join(os.tmpdir(), p));
const json = (r) => { try { return JSON.parse(r.stdout); } catch { throw new Error(`not JSON (exit ${r.status}): ${r.stdout}\n${r.stderr}`); } };

function git(cwd, ...args) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}
/** A repository whose first commit (on main) holds v1 of the example in pol/. */
function repo() {
  const d = tmp('rsp-diff-git-');
  git(d, 'init', '-q', '-b', 'main');
  fs.mkdirSync(path.join(d, 'pol', 'sub'), { recursive: true });
  fs.writeFileSync(path.join(d, 'pol', 'policy.rsp.yaml'), V1);
  fs.writeFileSync(path.join(d, 'pol', 'roadmap.roadmap.yaml'), R1);
  fs.writeFileSync(path.join(d, 'README.md'), '# repo\n');
  git(d, 'add', '-A');
  git(d, 'commit', '-q', '-m', 'v1');
  return d;
}

describe('two folders, two files', () => {
  test('the example: every effect, renames followed, exit 1 for unexplained weakenings', () => {
    const r = rspLint(['diff', '--format', 'json', 'examples/change-review/v1', 'examples/change-review/v2']);
    assert.equal(r.status, 1, r.stderr);
    const rows = json(r);
    const key = (c) => `${c.kind} ${c.id} ${c.change}${c.field ? ` ${c.field}` : ''} ${c.effect}${c.effect === 'weakened' ? (c.explained ? ' explained' : ' unexplained') : ''}`;
    assert.deepEqual(rows.map(key).sort(), [
      'commitment C-bug-bounty removed weakened explained',
      'commitment C-pause changed track weakened explained',
      'commitment C-risk-reports changed statement neutral',
      'evaluation cyber-range renamed neutral',
      'goal G-classifiers changed due weakened unexplained',
      'goal G-egress removed weakened unexplained',
      'goal G-insider added strengthened',
      'goal G-two-party changed due strengthened',
      'governance governance.incident_response changed report_within_days strengthened',
      'policy policy changed effective neutral',
      'policy policy changed supersedes neutral',
      'policy policy changed version neutral',
      'policy risk_reports changed cadence_months weakened explained',
      'policy roadmap changed published neutral',
      'safeguard asl3-egress-control removed weakened unexplained',
      'safeguard asl3-insider-controls added strengthened',
      'standard ASL-3 changed summary neutral',
      'threshold AI-RND-A changed title neutral',
      'threshold AI-RND-A renamed neutral',
      'threshold AUTONOMY-1 added strengthened',
      'threshold CBRN-3 changed if_unmet weakened unexplained',
      'threshold CYBER-3 changed requires weakened explained',
    ]);
    // Exactly the fields of §10, in every row; explained is false for everything not weakened.
    for (const c of rows) {
      assert.deepEqual(Object.keys(c), ['path', 'kind', 'id', 'change', 'field', 'old', 'new', 'effect', 'explained']);
      if (c.effect !== 'weakened') assert.equal(c.explained, false);
    }
    const rename = rows.find((c) => c.change === 'renamed' && c.kind === 'threshold');
    assert.deepEqual(rename, { path: 'examples/change-review/v2/policy.rsp.yaml', kind: 'threshold', id: 'AI-RND-A', change: 'renamed', field: null, old: 'AI-RND-4', new: 'AI-RND-A', effect: 'neutral', explained: false });
    const lowered = rows.find((c) => c.id === 'CYBER-3');
    assert.deepEqual(lowered, { path: 'examples/change-review/v2/policy.rsp.yaml', kind: 'threshold', id: 'CYBER-3', change: 'changed', field: 'requires', old: 'ASL-3', new: 'ASL-2', effect: 'weakened', explained: true });
    const removed = rows.find((c) => c.id === 'asl3-egress-control');
    assert.deepEqual(removed, { path: 'examples/change-review/v2/policy.rsp.yaml', kind: 'safeguard', id: 'asl3-egress-control', change: 'removed', field: null, old: 'asl3-egress-control', new: null, effect: 'weakened', explained: false });
  });

  test('stylish: grouped by document, weakenings first, a summary line; no change means exit 0', () => {
    const r = rspLint(['diff', 'examples/change-review/v1', 'examples/change-review/v2']);
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^examples\/change-review\/v2\/policy\.rsp\.yaml {2}\(was examples\/change-review\/v1\/policy\.rsp\.yaml\)$/);
    assert.match(lines[1], /weakened +UNEXPLAINED +threshold CBRN-3: if_unmet/);
    // An explained weakening shows the change log's reason on the line below it, in the item's column.
    const at = lines.findIndex((l) => /explained +threshold CYBER-3: requires: ASL-3 → ASL-2$/.test(l));
    assert.ok(at > 0, 'the explained weakening of CYBER-3');
    assert.equal(lines[at + 1], `${' '.repeat(39)}reason: Our evaluations show cyber uplift is contained by ASL-2 protections.`);
    assert.equal(lines.filter((l) => /^ {39}reason: /.test(l)).length, 4, 'one reason under each of the four explained weakenings');
    const effects = lines.slice(1, lines.indexOf('')).filter((l) => !/^ {39}reason: /.test(l)).map((l) => /(weakened|strengthened|neutral)/.exec(l)[1]);
    assert.deepEqual(effects, [...effects].sort((a, b) => ['weakened', 'strengthened', 'neutral'].indexOf(a) - ['weakened', 'strengthened', 'neutral'].indexOf(b)));
    assert.equal(lines.at(-1), '✖ 22 changes in 2 documents: 8 weakenings (4 unexplained), 5 strengthened, 9 neutral');
    const same = rspLint(['diff', 'examples/change-review/v1', 'examples/change-review/v1']);
    assert.equal(same.status, 0);
    assert.equal(same.stdout, '✔ No changes in 2 documents compared\n');
  });

  test('two files; a document only on one side is all added or all removed', () => {
    const f = rspLint(['diff', '--format', 'json', 'examples/change-review/v1/policy.rsp.yaml', 'examples/change-review/v2/policy.rsp.yaml']);
    assert.equal(f.status, 1);
    assert.ok(json(f).every((c) => c.path === 'examples/change-review/v2/policy.rsp.yaml'));
    const d = tmp();
    fs.mkdirSync(path.join(d, 'a')); fs.mkdirSync(path.join(d, 'b'));
    fs.writeFileSync(path.join(d, 'a', 'policy.rsp.yaml'), V1);
    fs.writeFileSync(path.join(d, 'b', 'roadmap.roadmap.yaml'), R1);
    const r = rspLint(['diff', '--format', 'json', 'a', 'b'], { cwd: d });
    const rows = json(r);
    assert.equal(r.status, 1, 'the removed policy weakens, unexplained');
    const byPath = {};
    for (const c of rows) (byPath[c.path] ??= []).push(c);
    assert.ok(byPath['a/policy.rsp.yaml'].every((c) => c.change === 'removed'), JSON.stringify(byPath['a/policy.rsp.yaml']));
    assert.ok(byPath['a/policy.rsp.yaml'].some((c) => c.kind === 'threshold' && c.id === 'CBRN-3' && c.effect === 'weakened'));
    assert.ok(!byPath['a/policy.rsp.yaml'].some((c) => c.kind === 'evaluation'), 'an evaluation goes with its threshold, not as a row of its own');
    assert.ok(byPath['b/roadmap.roadmap.yaml'].every((c) => c.change === 'added' && c.effect === 'strengthened'));
  });

  test('a threshold turned into an alert or a research category, and a standard no longer defined, are weakenings; the reverse strengthens', () => {
    const d = tmp();
    fs.mkdirSync(path.join(d, 'a')); fs.mkdirSync(path.join(d, 'b'));
    fs.writeFileSync(path.join(d, 'a', 'policy.rsp.yaml'), V1);
    const cut = (s, from, to) => { const i = s.indexOf(from); assert.ok(i >= 0, from); return s.slice(0, i) + to + s.slice(i + from.length); };
    let t = cut(V1, '    requires: ASL-3\n    evaluations:\n      - id: cyber-ctf', '    role: research\n    requires: ASL-3\n    evaluations:\n      - id: cyber-ctf');
    t = cut(t, '    name: ASL-3 Standard\n', '    name: ASL-3 Standard\n    status: provisional\n');
    fs.writeFileSync(path.join(d, 'b', 'policy.rsp.yaml'), t);
    const row = (c) => `${c.kind} ${c.id} ${c.field} ${c.old} → ${c.new} ${c.effect}`;
    let r = rspLint(['diff', '--format', 'json', 'a', 'b'], { cwd: d });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(json(r).map(row).sort(), ['standard ASL-3 status null → provisional weakened', 'threshold CYBER-3 role null → research weakened']);
    r = rspLint(['diff', '--format', 'json', 'b', 'a'], { cwd: d });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(json(r).map(row).sort(), ['standard ASL-3 status provisional → null strengthened', 'threshold CYBER-3 role research → null strengthened']);
  });

  test('rsp/v1 documents: ASL levels ranked on the built-in scale; a v1 policy has no change log, so nothing is explained', () => {
    const d = tmp();
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'example-labs-v1-full'), path.join(d, 'a'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'example-labs-v1-full'), path.join(d, 'b'), { recursive: true });
    const f = path.join(d, 'b', 'example-labs.rsp.yaml');
    let t = fs.readFileSync(f, 'utf8');
    const cut = (s, from, to) => { const i = s.indexOf(from); assert.ok(i >= 0, from); return s.slice(0, i) + to + s.slice(i + from.length); };
    t = cut(t, 'requires: ASL-3', 'requires: ASL-2');
    t = cut(t, 'requires: ASL-4', 'requires: ASL-4x');
    t = cut(t, 'cadence_months: 3', 'cadence_months: 1');
    fs.writeFileSync(f, t);
    const r = rspLint(['diff', '--format', 'json', 'a', 'b'], { cwd: d });
    assert.equal(r.status, 1);
    assert.deepEqual(json(r).map((c) => `${c.id} ${c.field} ${c.old} → ${c.new} ${c.effect} ${c.explained}`), [
      'CBRN-3 requires ASL-3 → ASL-2 weakened false',
      'CBRN-4 requires ASL-4 → ASL-4x weakened false',
      'risk_reports cadence_months 3 → 1 strengthened false',
    ]);
  });

  test('usage and I/O: exit 2 with one line', () => {
    for (const [args, re] of [
      [['diff'], /name the old and the new version/],
      [['diff', 'examples/change-review/v1'], /name the old and the new version/],
      [['diff', 'nope', 'examples/change-review/v2'], /no such file or folder: nope/],
      [['diff', 'examples/change-review/v1', 'examples/change-review/v2/policy.rsp.yaml'], /two files or two folders/],
      [['diff', '--format', 'sarif', 'a', 'b'], /unknown format 'sarif'/],
      [['diff', 'docs', 'docs'], /no RSP documents found/],
    ]) {
      const r = rspLint(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.match(r.stderr, re);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    }
    assert.equal(rspLint(['diff', '--allow-empty', 'docs', 'docs']).status, 0);
    const help = rspLint(['diff', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: rsp-lint diff \[options\] OLD NEW\n/);
    assert.match(help.stdout, /--staged/);
  });

  test('a version with YAML errors: exit 2 naming the file and line, never "everything removed"', () => {
    const d = tmp();
    fs.mkdirSync(path.join(d, 'a')); fs.mkdirSync(path.join(d, 'b'));
    fs.writeFileSync(path.join(d, 'a', 'policy.rsp.yaml'), V1);
    fs.writeFileSync(path.join(d, 'b', 'policy.rsp.yaml'), V2.replace('    requires: ASL-2\n', '    requires: [ASL-2\n'));
    const r = rspLint(['diff', '--format', 'json', 'a', 'b'], { cwd: d });
    assert.equal(r.status, 2);
    assert.deepEqual(json(r), []);
    assert.match(r.stderr, /^rsp-lint diff: b\/policy\.rsp\.yaml:\d+:\d+: cannot be read as YAML: .*; not compared\n$/);
    const old = rspLint(['diff', 'b', 'a'], { cwd: d });
    assert.equal(old.status, 2);
    assert.match(old.stderr, /b\/policy\.rsp\.yaml:6\d:\d+: the old version cannot be read as YAML/);
  });
});

describe('against git', () => {
  test('--base HEAD: the working tree against the last commit, from the top or a subfolder', () => {
    const d = repo();
    fs.writeFileSync(path.join(d, 'pol', 'policy.rsp.yaml'), V2);
    const top = rspLint(['diff', '--base', 'HEAD', '--format', 'json'], { cwd: d });
    assert.equal(top.status, 1, top.stderr);
    const rows = json(top);
    assert.ok(rows.length > 10);
    assert.ok(rows.every((c) => c.path === 'pol/policy.rsp.yaml'));
    const sub = rspLint(['diff', '--base', 'HEAD', '--format', 'json'], { cwd: path.join(d, 'pol') });
    assert.deepEqual(json(sub), rows.map((c) => ({ ...c, path: 'policy.rsp.yaml' })));
    const deeper = rspLint(['diff', '--base', 'HEAD', '--format', 'json', '..'], { cwd: path.join(d, 'pol', 'sub') });
    assert.deepEqual(json(deeper), rows.map((c) => ({ ...c, path: '../policy.rsp.yaml' })));
    const stylish = rspLint(['diff', '--base', 'HEAD'], { cwd: d });
    assert.match(stylish.stdout, /^pol\/policy\.rsp\.yaml {2}\(was HEAD:pol\/policy\.rsp\.yaml\)$/m);
    // Paths shown relative to the current folder; the old version as git names it (REF:path from the top).
    const fromSub = rspLint(['diff', '--base', 'HEAD', '..'], { cwd: path.join(d, 'pol', 'sub') });
    assert.match(fromSub.stdout, /^\.\.\/policy\.rsp\.yaml {2}\(was HEAD:pol\/policy\.rsp\.yaml\)$/m);
  });

  test('--staged: the index against HEAD; unstaged edits do not count', () => {
    const d = repo();
    fs.writeFileSync(path.join(d, 'pol', 'policy.rsp.yaml'), V2);
    const none = rspLint(['diff', '--staged'], { cwd: d });
    assert.equal(none.status, 0, none.stdout);
    assert.match(none.stdout, /No changes in 2 documents compared/);
    git(d, 'add', 'pol/policy.rsp.yaml');
    fs.writeFileSync(path.join(d, 'pol', 'policy.rsp.yaml'), V1); // the working tree back to v1: only the index has v2
    const r = rspLint(['diff', '--staged', '--format', 'json'], { cwd: d });
    assert.equal(r.status, 1);
    assert.ok(json(r).some((c) => c.id === 'CBRN-3' && c.effect === 'weakened'));
    // Named files (as pre-commit passes them).
    const named = rspLint(['diff', '--staged', 'pol/policy.rsp.yaml'], { cwd: d });
    assert.equal(named.status, 1);
  });

  test('a branch against its merge base with main; commits on main after it do not count', () => {
    const d = repo();
    git(d, 'checkout', '-q', '-b', 'feature');
    fs.writeFileSync(path.join(d, 'pol', 'roadmap.roadmap.yaml'), R2);
    git(d, 'commit', '-q', '-am', 'slip a goal');
    git(d, 'checkout', '-q', 'main');
    fs.writeFileSync(path.join(d, 'pol', 'policy.rsp.yaml'), V2);
    git(d, 'commit', '-q', '-am', 'policy on main');
    git(d, 'checkout', '-q', 'feature');
    const base = git(d, 'merge-base', 'main', 'HEAD');
    const r = rspLint(['diff', '--base', base, '--format', 'json'], { cwd: d });
    const rows = json(r);
    assert.ok(rows.every((c) => c.path === 'pol/roadmap.roadmap.yaml'), JSON.stringify(rows.map((c) => c.path)));
    // Explained by the policy the roadmap links to (its new version, v1 here: nothing explained).
    assert.ok(rows.some((c) => c.id === 'G-classifiers' && c.field === 'due' && c.effect === 'weakened' && !c.explained));
    assert.equal(r.status, 1);
    // Against main itself, the policy differs too (main moved on).
    const m = json(rspLint(['diff', '--base', 'main', '--format', 'json'], { cwd: d }));
    assert.ok(m.some((c) => c.path === 'pol/policy.rsp.yaml'));
  });

  test('a renamed file is compared with its old self; a deleted one is all removed', () => {
    const d = repo();
    git(d, 'mv', 'pol/roadmap.roadmap.yaml', 'pol/goals.roadmap.yaml');
    fs.writeFileSync(path.join(d, 'pol', 'goals.roadmap.yaml'), R1.replace('due: 2027-03-31', 'due: 2027-04-30'));
    const r = rspLint(['diff', '--base', 'HEAD', '--format', 'json'], { cwd: d });
    assert.deepEqual(json(r).map((c) => `${c.path} ${c.id} ${c.change} ${c.field}`), ['pol/goals.roadmap.yaml G-classifiers changed due']);
    const s = rspLint(['diff', '--base', 'HEAD'], { cwd: d });
    assert.match(s.stdout, /^pol\/goals\.roadmap\.yaml {2}\(was HEAD:pol\/roadmap\.roadmap\.yaml\)$/m);
    fs.rmSync(path.join(d, 'pol', 'policy.rsp.yaml'));
    const gone = json(rspLint(['diff', '--base', 'HEAD', '--format', 'json'], { cwd: d })).filter((c) => c.path === 'pol/policy.rsp.yaml');
    assert.ok(gone.length > 5 && gone.every((c) => c.change === 'removed'));
  });

  test('documents recognised by their content and odd file names, among many other YAML files (read in one batch)', () => {
    const d = repo();
    fs.mkdirSync(path.join(d, 'k8s'));
    for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(d, 'k8s', `svc-${i}.yaml`), `apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\n`);
    const odd = 'pol/our policy — v2\nfinal.yaml'; // a space, a dash and a newline; recognised by its format line
    fs.writeFileSync(path.join(d, odd), V1);
    git(d, 'add', '-A');
    git(d, 'commit', '-q', '-m', 'more files');
    fs.writeFileSync(path.join(d, odd), V1.replace('cadence_months: 3', 'cadence_months: 4'));
    const r = rspLint(['diff', '--base', 'HEAD', '--format', 'json'], { cwd: d });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(json(r).map((c) => `${c.path} ${c.id} ${c.field} ${c.effect}`), [`${odd} risk_reports cadence_months weakened`]);
    const s = rspLint(['diff', '--base', 'HEAD'], { cwd: d });
    assert.match(s.stdout, /^pol\/our policy — v2\\nfinal\.yaml {2}\(was HEAD:pol\/our policy — v2\\nfinal\.yaml\)$/m, 'the newline of the name is shown, not written');
  });

  test('a ref, a path or a folder git does not know: exit 2 with one line', () => {
    const d = repo();
    const outside = tmp('rsp-diff-outside-');
    fs.writeFileSync(path.join(outside, 'p.rsp.yaml'), V1);
    for (const [args, cwd, re] of [
      [['diff', '--base', 'no-such-branch'], d, /git does not know the ref 'no-such-branch'/],
      [['diff', '--base', '--staged'], d, /./],
      [['diff', '--base', 'HEAD', outside], d, /is not in the git repository/],
      [['diff', '--base', 'HEAD', 'pol/nope.rsp.yaml'], d, /git does not know it at HEAD: pol\/nope\.rsp\.yaml/],
      [['diff', '--base', 'HEAD'], outside, /not inside a git repository/],
      [['diff', '--staged'], outside, /not inside a git repository/],
    ]) {
      const r = rspLint(args, { cwd });
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, re);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    }
  });

  test('an old version with YAML errors: exit 2 naming the ref, file and line', () => {
    const d = repo();
    fs.writeFileSync(path.join(d, 'pol', 'policy.rsp.yaml'), V1.replace('    requires: ASL-3\n', '    requires: [ASL-3\n'));
    git(d, 'commit', '-q', '-am', 'broken');
    fs.writeFileSync(path.join(d, 'pol', 'policy.rsp.yaml'), V1);
    const r = rspLint(['diff', '--base', 'HEAD'], { cwd: d });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^rsp-lint diff: HEAD:pol\/policy\.rsp\.yaml:\d+:\d+: the old version cannot be read as YAML/);
    assert.doesNotMatch(r.stdout, /removed/);
  });

  test('a repository without commits: --staged compares the index with nothing (all added)', () => {
    const d = tmp('rsp-diff-empty-');
    git(d, 'init', '-q', '-b', 'main');
    fs.writeFileSync(path.join(d, 'policy.rsp.yaml'), V1);
    git(d, 'add', '-A');
    const r = rspLint(['diff', '--staged', '--format', 'json'], { cwd: d });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(json(r).every((c) => c.change === 'added'));
  });
});

describe('markdown', () => {
  test('hostile ids and titles are escaped: no markup, links, mentions or HTML', () => {
    const d = tmp();
    fs.mkdirSync(path.join(d, 'a')); fs.mkdirSync(path.join(d, 'b'));
    const hostile = V1.replace('  - id: C-bug-bounty', '  - id: "C-x|<img src=x onerror=alert(1)>**@admin** [l](https://evil.example)"')
      .replace('title: Uplift for serious cyber attacks', 'title: "</td><script>x</script> `code` | cell"');
    // The new version explains a weakening with a hostile, multi-line reason.
    const explainedV = V1.replace('title: Uplift for serious cyber attacks', 'title: plain')
      .replace('    requires: ASL-3\n    evaluations:\n      - id: cyber-ctf', '    requires: ASL-2\n    evaluations:\n      - id: cyber-ctf')
      .replace('reason: Cyber capabilities grew fast enough to need a threshold.', 'reason: "Line one | <b>bold</b> [x](https://evil.example)\\n::error::injected @team"');
    fs.writeFileSync(path.join(d, 'a', 'policy.rsp.yaml'), hostile);
    fs.writeFileSync(path.join(d, 'b', 'policy.rsp.yaml'), explainedV);
    const r = rspLint(['diff', '--format', 'markdown', 'a', 'b'], { cwd: d });
    assert.equal(r.status, 0, 'one commitment renamed (identical apart from its id), a title changed, a weakening explained');
    assert.match(r.stdout, /\| yes \|.*\| Line one \\\| &lt;b&gt;bold&lt;\/b&gt; \\\[x\\\]\(https\\:\u200b\/\/evil\.example\) \\?:\\?:error\\?:\\?:injected @\u200bteam \|\n/);
    const st = rspLint(['diff', 'a', 'b'], { cwd: d });
    const reasonLine = st.stdout.split('\n').find((l) => l.includes('reason: '));
    assert.ok(reasonLine && !reasonLine.trimStart().startsWith('::'), 'the reason is one line that cannot start a workflow command');
    assert.match(r.stdout, /renamed from C-x/);
    assert.doesNotMatch(r.stdout, /<img|<script|<\/td>|(?<!\\)\]\(https|@admin/);
    assert.match(r.stdout, /C-x\\\|&lt;img src=x onerror=alert\(1\)&gt;\\\*\\\*@\u200badmin\\\*\\\* \\\[l\\\]\(https\\:\u200b\/\/evil/);
    // Every table row keeps its six cells: a | in a value cannot add one.
    for (const l of r.stdout.split('\n').filter((x) => x.startsWith('| '))) assert.equal(l.split(/(?<!\\)\|/).length - 2, 6, l);
  });

  test('the example README shows the real output', () => {
    const readme = fs.readFileSync(path.join(EX, 'README.md'), 'utf8');
    const m = /<!-- rsp-lint diff output[^\n]*\n````markdown\n([\s\S]*?)````\n/.exec(readme);
    assert.ok(m, 'README has the marked block');
    const r = rspLint(['diff', 'examples/change-review/v1', 'examples/change-review/v2', '--format', 'markdown']);
    assert.equal(r.status, 1);
    assert.equal(m[1], r.stdout);
    assert.match(r.stdout, /^### RSP change review\n\n❌ \*\*22 changes in 2 documents: 8 weakenings \(4 unexplained\), 5 strengthened, 9 neutral\.\*\*\n/);
  });

  test('html: one self-contained page in the overview\'s shell', () => {
    const r = rspLint(['diff', '--format', 'html', 'examples/change-review/v1', 'examples/change-review/v2']);
    assert.match(r.stdout, /^<!DOCTYPE html>/);
    assert.match(r.stdout, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(r.stdout, /<tr class="weakened unexplained"><td class="effect">▼ weakened/);
    assert.doesNotMatch(r.stdout, /<script/);
  });
});

describe('the language server (LSP stdio): rsp/reviewBases, rsp/changeReview, weakening-unexplained and its quick fix', () => {
  test('a branch reviewed against its merge base; the fix logs the change and the diagnostic goes; closing the review clears the rest', async () => {
    const d = repo();
    git(d, 'checkout', '-q', '-b', 'feature');
    fs.writeFileSync(path.join(d, 'pol', 'policy.rsp.yaml'), V2);
    fs.writeFileSync(path.join(d, 'pol', 'roadmap.roadmap.yaml'), R2);
    git(d, 'commit', '-q', '-am', 'v2');
    const policy = path.join(d, 'pol', 'policy.rsp.yaml');
    const roadmapPath = path.join(d, 'pol', 'roadmap.roadmap.yaml');
    const lsp = await startLsp({ root: d });
    try {
      const { bases } = await lsp.request('rsp/reviewBases', { uri: uri(policy) });
      assert.equal(bases[0].label, 'merge base with main');
      assert.equal(bases[0].ref, git(d, 'merge-base', 'main', 'HEAD'));
      assert.ok(bases.some((b) => b.ref === 'HEAD'));
      lsp.open(uri(policy), V2);
      await lsp.waitDiagnostics(uri(policy));
      assert.ok(!lsp.diagnostics.get(uri(policy)).diagnostics.some((x) => x.code === 'weakening-unexplained'), 'none before a review');
      const page = await lsp.request('rsp/changeReview', { uri: uri(policy), base: bases[0].ref, label: bases[0].label, nonce: 'abcdefghijklmnop1234' });
      assert.equal(page.unexplained, 4);
      assert.match(page.summary, /^22 changes in 2 documents: 8 weakenings \(4 unexplained\)/);
      assert.match(page.html, /<style nonce="abcdefghijklmnop1234">/);
      assert.match(page.html, /Compared with merge base with main/);
      assert.match(page.body, /data-path="[^"]*policy\.rsp\.yaml" data-line="5\d"/);
      const weak = (u) => (lsp.diagnostics.get(u)?.diagnostics ?? []).filter((x) => x.code === 'weakening-unexplained');
      const pd = await lsp.waitDiagnostics(uri(policy), (p) => weak(p.uri).length === 2);
      const cbrn = pd.diagnostics.find((x) => x.code === 'weakening-unexplained' && /CBRN-3/.test(x.message));
      assert.equal(cbrn.severity, 2);
      assert.match(cbrn.message, /^threshold CBRN-3: if_unmet: .* this weakens the policy \(compared with merge base with main\) and version 2\.1's change log does not explain it/);
      assert.equal(V2.split('\n')[cbrn.range.start.line].trim(), 'if_unmet: [restrict-access]');
      const egress = pd.diagnostics.find((x) => x.code === 'weakening-unexplained' && /asl3-egress-control/.test(x.message));
      assert.equal(V2.split('\n')[egress.range.start.line].trim(), 'security:', 'a removed safeguard: on the list it was in');
      // The roadmap (not open: known from the folder) has its own two, explained by its policy.
      const rd = await lsp.waitDiagnostics(uri(roadmapPath), (p) => weak(p.uri).length === 2);
      assert.ok(rd.diagnostics.some((x) => /G-classifiers: due: 2027-03-31 → 2027-09-30/.test(x.message)));
      // The quick fix adds an item under version 2.1's entry; applied, the diagnostic goes.
      const actions = await lsp.request('textDocument/codeAction', { textDocument: { uri: uri(policy) }, range: cbrn.range, context: { diagnostics: [cbrn] } });
      const fix = actions.find((a) => a.title === "Explain 'CBRN-3' in the change log of version 2.1");
      assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
      const [edit] = fix.edit.changes[uri(policy)];
      assert.equal(edit.newText, '      - ref: "CBRN-3"\n        change: weakened\n        reason: TBD\n');
      const lines = V2.split('\n');
      assert.equal(lines[edit.range.start.line], '      - ref: AI-RND-A', 'before the first item of the 2.1 entry');
      lines.splice(edit.range.start.line, 0, ...edit.newText.slice(0, -1).split('\n'));
      lsp.replace(uri(policy), lines.join('\n'));
      await lsp.waitDiagnostics(uri(policy), (p) => weak(p.uri).length === 1);
      const roadmapActions = await lsp.request('textDocument/codeAction', { textDocument: { uri: uri(roadmapPath) }, range: rd.diagnostics.find((x) => /G-egress/.test(x.message)).range, context: { diagnostics: [] } });
      const rfix = roadmapActions.find((a) => a.title === "Explain 'G-egress' in the change log of version 2.1");
      assert.ok(rfix?.edit.changes[uri(policy)], 'a roadmap\'s weakening is explained in its policy');
      assert.equal(rfix.edit.changes[uri(policy)][0].newText, '      - ref: "G-egress"\n        change: removed\n        reason: TBD\n');
      const refreshed = await lsp.request('rsp/changeReview', { refresh: true });
      assert.equal(refreshed.unexplained, 3, 'the view follows the edit');
      lsp.notify('rsp/changeReviewClosed');
      await lsp.waitDiagnostics(uri(policy), (p) => weak(p.uri).length === 0);
      await lsp.waitDiagnostics(uri(roadmapPath), (p) => weak(p.uri).length === 0);
      await assert.rejects(lsp.request('rsp/changeReview', { uri: uri(policy), base: 'no-such-ref' }), /git does not know the ref 'no-such-ref'/);
    } finally { await lsp.shutdown(); }
  });

  test('the quick fix creates what is missing: the entry for the version, or the whole change log', async () => {
    const d = repo();
    const policy = path.join(d, 'pol', 'policy.rsp.yaml');
    const noLog = V2.slice(0, V2.indexOf('changes:\n'));
    const otherEntry = V2.replace(/changes:\n {2}- version: "2\.1"[\s\S]*?(?= {2}- version: "2\.0")/, 'changes:\n');
    assert.ok(!otherEntry.includes('version: "2.1"\n    date'), 'only the 2.0 entry is left');
    const lsp = await startLsp({ root: d });
    try {
      lsp.open(uri(policy), noLog);
      await lsp.request('rsp/changeReview', { uri: uri(policy), base: 'HEAD' });
      const fixFor = async (text, id) => {
        lsp.replace(uri(policy), text);
        const pd = await lsp.waitDiagnostics(uri(policy), (p) => p.diagnostics.some((x) => x.code === 'weakening-unexplained' && x.message.includes(id)));
        const diag = pd.diagnostics.find((x) => x.code === 'weakening-unexplained' && x.message.includes(id));
        const actions = await lsp.request('textDocument/codeAction', { textDocument: { uri: uri(policy) }, range: diag.range, context: { diagnostics: [diag] } });
        const fix = actions.find((a) => a.title.startsWith(`Explain '${id}'`));
        assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
        const [e] = fix.edit.changes[uri(policy)];
        const lines = text.split('\n');
        lines.splice(e.range.start.line, 0, ...e.newText.replace(/\n$/, '').split('\n'));
        return { e, after: lines.join('\n') };
      };
      // No change log at all: one is appended, with the entry for 2.1 and the item.
      const a = await fixFor(noLog, 'C-pause');
      assert.equal(a.e.newText, '\nchanges:\n  - version: "2.1"\n    date: 2026-06-01\n    summary: TBD\n    items:\n      - ref: "C-pause"\n        change: weakened\n        reason: TBD\n');
      // A change log without an entry for 2.1: the entry goes first (newest first), at the list's indentation.
      const b = await fixFor(otherEntry, 'C-bug-bounty');
      assert.equal(b.e.newText, '  - version: "2.1"\n    date: 2026-06-01\n    summary: TBD\n    items:\n      - ref: "C-bug-bounty"\n        change: removed\n        reason: TBD\n');
      assert.equal(otherEntry.split('\n')[b.e.range.start.line], '  - version: "2.0"');
      // Both results are valid policies in which that weakening is explained.
      for (const [after, id] of [[a.after, 'C-pause'], [b.after, 'C-bug-bounty']]) {
        lsp.replace(uri(policy), after);
        const pd = await lsp.waitDiagnostics(uri(policy), (p) => !p.diagnostics.some((x) => x.message.includes(`${id}:`)));
        assert.deepEqual(pd.diagnostics.filter((x) => x.code !== 'weakening-unexplained').map((x) => x.code), [], `${id}: no other finding`);
      }
    } finally { await lsp.shutdown(); }
  });

  test('a folder outside git: a one-line error, nothing else changes', async () => {
    const d = tmp();
    fs.writeFileSync(path.join(d, 'policy.rsp.yaml'), V1);
    const lsp = await startLsp({ root: d });
    try {
      await assert.rejects(lsp.request('rsp/changeReview', { base: 'HEAD' }), /not inside a git repository/);
      await assert.rejects(lsp.request('rsp/reviewBases', {}), /not inside a git repository/);
    } finally { await lsp.shutdown(); }
  });
});
