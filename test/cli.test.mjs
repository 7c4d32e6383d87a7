// The CLI as a process: options, formats, exit codes, folders, configuration (spec §6, §7).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, rspLint, lintJson } from './lib/cli.mjs';
import { POLICY, roadmap, tempTree, snapshot } from './lib/docs.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const TODAY = ['--today', '2026-06-01'];
const STYLISH_LINE = /^(.+):(\d+):(\d+) (error|warning|information|hint) (.+) ([a-z][a-z-]*)$/;

describe('usage', () => {
  test('--help prints usage and exits 0', () => {
    const r = rspLint(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: rsp-lint \[options\] \[paths\.\.\.\]/);
    for (const flag of ['--format', '--today', '--max-warnings', '--quiet', '--stdio', '--version']) assert.ok(r.stdout.includes(flag), flag);
  });
  test('--version prints the package version', () => {
    const r = rspLint(['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });
  for (const [args, fragment] of [
    [['--bogus'], "Unknown option '--bogus'"],
    [['--format', 'xml', '.'], "unknown format 'xml'"],
    [['--today', '2026-02-30', '.'], '--today needs a date'],
    [['--today', 'tomorrow', '.'], '--today needs a date'],
    [['--max-warnings', 'many', '.'], '--max-warnings needs a whole number'],
    [['--max-warnings', '-1', '.'], ''],
    [['no/such/path.rsp.yaml'], 'no such file or folder: no/such/path.rsp.yaml'],
  ]) {
    test(`usage error: ${args.join(' ')} → exit 2, one line on stderr`, () => {
      const r = rspLint(args);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /^rsp-lint: /);
      assert.ok(r.stderr.includes(fragment), r.stderr);
    });
  }
});

describe('the shipped examples', () => {
  test('the clean workspace reports nothing and exits 0; stylish says so in one line', () => {
    const r = lintJson([...TODAY, 'examples/example-labs']);
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual(r.findings, []);
    const s = rspLint(['examples/example-labs', ...TODAY]);
    assert.equal(s.stdout, '4 RSP documents checked: no problems\n');
    assert.equal(s.stderr, '');
    assert.equal(rspLint(['examples/example-labs/example-labs.rsp.yaml', '--quiet', ...TODAY]).stdout, '1 RSP document checked: no errors\n');
  });
  test('no path means the current folder', () => {
    const r = lintJson([...TODAY], { cwd: path.join(ROOT, 'examples', 'with-problems') });
    assert.equal(r.status, 1);
    assert.ok(r.findings.some((f) => f.path === 'goals.roadmap.yaml'), JSON.stringify(r.findings.map((f) => f.path)));
  });
  test('with-problems shows every rule of spec §5 firing', () => {
    const r = lintJson(['--today', '2026-11-23', 'examples/with-problems']);
    assert.equal(r.status, 1);
    const rules = new Set(r.findings.map((f) => f.rule));
    for (const id of ['yaml-syntax', 'schema', 'kind-mismatch', 'duplicate-id', 'unknown-reference', 'threshold-without-safeguards',
      'threshold-without-evaluation', 'asl-not-defined', 'risk-report-cadence', 'goal-without-owner', 'goal-without-due-date',
      'goal-overdue', 'goal-unlinked', 'roadmap-area-empty', 'dependency-cycle', 'threshold-not-assessed',
      'crossed-without-safeguards', 'report-stale', 'config', 'unused-suppression']) assert.ok(rules.has(id), `${id} does not fire`);
  });
});

describe('formats', () => {
  const dir = tempTree({
    'test.rsp.yaml': POLICY,
    'a.roadmap.yaml': roadmap({ goals: [
      { id: 'SEC-1', area: 'security', due: '2026-01-01' },           // overdue: warning
      { id: 'ALN-1', area: 'alignment', due: '2027-01-01', owner: 'TBD' }, // error
      { id: 'SAF-1', area: 'safeguards', due: '2027-01-01' },
      { id: 'POL-1', area: 'policy', due: '2027-01-01', supports: 'CBRN3' }, // error with suggestion
    ] }),
  });
  test('json: one array, one object per finding with exactly the contract keys', () => {
    const r = lintJson([...TODAY, 'a.roadmap.yaml'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.equal(r.findings.length, 3);
    for (const f of r.findings) {
      assert.deepEqual(Object.keys(f).sort(), ['message', 'path', 'range', 'rule', 'severity']);
      assert.equal(f.path, 'a.roadmap.yaml');
      assert.deepEqual(Object.keys(f.range.start).sort(), ['character', 'line']);
    }
    const owner = r.findings.find((f) => f.rule === 'goal-without-owner');
    assert.deepEqual(owner.range, { start: { line: 18, character: 11 }, end: { line: 18, character: 14 } });
    assert.equal(owner.severity, 'error');
    const ref = r.findings.find((f) => f.rule === 'unknown-reference');
    assert.match(ref.message, /did you mean 'CBRN-3'\?/);
    assert.equal(r.findings.find((f) => f.rule === 'goal-overdue').severity, 'warning');
  });
  test('json: paths are shown as given (absolute stays absolute)', () => {
    const abs = path.join(dir, 'a.roadmap.yaml');
    const r = lintJson([...TODAY, abs]);
    assert.ok(r.findings.every((f) => f.path === abs));
    const viaFolder = lintJson([...TODAY, path.basename(dir)], { cwd: path.dirname(dir) });
    assert.ok(viaFolder.findings.every((f) => f.path === path.join(path.basename(dir), 'a.roadmap.yaml')));
  });
  test('stylish: file:line:col severity message rule, and a summary', () => {
    const r = rspLint([...TODAY, 'a.roadmap.yaml'], { cwd: dir });
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const findings = lines.filter((l) => STYLISH_LINE.test(l));
    assert.equal(findings.length, 3, r.stdout);
    assert.ok(findings.includes("a.roadmap.yaml:19:12 error the owner of goal ALN-1 is a placeholder ('TBD'); name the accountable team or role goal-without-owner"), r.stdout);
    assert.equal(lines.at(-1), '3 problems (2 errors, 1 warning) in 1 file');
    assert.ok(!r.stdout.includes('\x1b['), 'no colour when not a TTY');
  });
  test('stylish: FORCE_COLOR colours the output', () => {
    const r = rspLint([...TODAY, 'a.roadmap.yaml'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    assert.ok(r.stdout.includes('\x1b[31merror\x1b[0m'));
  });
  test('sarif: a valid 2.1.0 log with rule metadata, help links and 1-based regions', () => {
    const r = rspLint([...TODAY, '--format', 'sarif', 'a.roadmap.yaml'], { cwd: dir });
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'rsp-lint');
    assert.equal(run.tool.driver.version, pkg.version);
    const rules = run.tool.driver.rules;
    assert.ok(rules.length >= 20);
    for (const rule of rules) {
      assert.ok(rule.shortDescription.text.length > 10, rule.id);
      assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
      assert.match(rule.help.markdown, new RegExp(`^# \`${rule.id}\``), `${rule.id} help is its docs page`);
    }
    assert.equal(run.results.length, 3);
    for (const res of run.results) {
      assert.equal(rules[res.ruleIndex].id, res.ruleId);
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, 'a.roadmap.yaml');
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    }
    const owner = run.results.find((x) => x.ruleId === 'goal-without-owner');
    assert.deepEqual(owner.locations[0].physicalLocation.region, { startLine: 19, startColumn: 12, endLine: 19, endColumn: 15 });
    assert.equal(run.results.find((x) => x.ruleId === 'goal-overdue').level, 'warning');
    assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  });
  test('github: workflow commands with escaped properties and data', () => {
    const d = tempTree({ 'x.rsp.yaml': POLICY.replace('risk_reports:', 'risk_reports:\n  "50%: a,b": 1') });
    const r = rspLint([...TODAY, '--format', 'github', 'x.rsp.yaml'], { cwd: d });
    assert.equal(r.status, 1);
    const line = r.stdout.trim();
    assert.match(line, /^::error file=x\.rsp\.yaml,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=rsp-lint\(schema\)::unknown key '50%25: a,b'/);
    const w = rspLint([...TODAY, '--format', 'github', 'a.roadmap.yaml'], { cwd: dir });
    assert.match(w.stdout, /^::warning file=a\.roadmap\.yaml,line=13,endLine=13,col=10,endColumn=20,title=rsp-lint\(goal-overdue\)::/m);
  });
});

describe('options', () => {
  const dir = tempTree({
    'test.rsp.yaml': POLICY,
    'w.roadmap.yaml': roadmap({ goals: [
      { id: 'SEC-1', area: 'security', due: '2026-06-15' },
      { id: 'ALN-1', area: 'alignment', due: '2026-06-15' },
      { id: 'SAF-1', area: 'safeguards', due: '2027-01-01' },
      { id: 'POL-1', area: 'policy', due: '2027-01-01' },
    ] }),
  });
  test('--today decides what is overdue', () => {
    assert.deepEqual(lintJson(['--today', '2026-06-15', '.'], { cwd: dir }).findings, []);
    const later = lintJson(['--today', '2026-06-16', '.'], { cwd: dir });
    assert.deepEqual(later.findings.map((f) => f.rule), ['goal-overdue', 'goal-overdue']);
    assert.match(later.findings[0].message, /\(1 day ago\)/);
  });
  test('warnings alone exit 0; --max-warnings N exits 1 above N', () => {
    const args = ['--today', '2026-07-01', '.'];
    assert.equal(rspLint(args, { cwd: dir }).status, 0);
    assert.equal(rspLint(['--max-warnings', '2', ...args], { cwd: dir }).status, 0);
    const over = rspLint(['--max-warnings', '1', ...args], { cwd: dir });
    assert.equal(over.status, 1);
    assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
  });
  test('--quiet reports errors only', () => {
    const d = tempTree({ 'test.rsp.yaml': POLICY, 'q.roadmap.yaml': roadmap({ goals: [
      { id: 'SEC-1', area: 'security', due: '2026-01-01' },
      { id: 'ALN-1', area: 'alignment', due: '2027-01-01', owner: 'TBD' },
    ] }) });
    const all = lintJson([...TODAY, '.'], { cwd: d });
    assert.ok(all.findings.some((f) => f.severity === 'warning'));
    const quiet = lintJson([...TODAY, '--quiet', '.'], { cwd: d });
    assert.equal(quiet.status, 1);
    assert.ok(quiet.findings.length > 0 && quiet.findings.every((f) => f.severity === 'error'));
    const onlyWarnings = lintJson(['--quiet', ...TODAY, 'test.rsp.yaml'], { cwd: d });
    assert.equal(onlyWarnings.status, 0);
  });
  test('never writes to the files it checks', () => {
    const before = snapshot(dir);
    for (const f of ['stylish', 'json', 'sarif', 'github']) rspLint(['--format', f, '.'], { cwd: dir });
    assert.deepEqual(snapshot(dir), before);
  });
});

describe('folders and links', () => {
  test('folders: suffixes and .yml, plain YAML only with format: rsp/v1, node_modules and .git skipped', () => {
    const bad = roadmap({ goals: [{ id: 'SEC-1', area: 'security', due: '2027-01-01', owner: 'TBD' }] });
    const d = tempTree({
      'test.rsp.yaml': POLICY,
      'a.roadmap.yml': bad,
      'plain.yaml': bad,
      'docs/other.yaml': 'name: not an rsp document\nowner: TBD\n',
      'node_modules/pkg/b.roadmap.yaml': bad,
      '.git/c.roadmap.yaml': bad,
      'nested/deeper/d.roadmap.yaml': bad.replace('policy: test.rsp.yaml', 'policy: ../../test.rsp.yaml'),
    });
    const r = lintJson([...TODAY, '.'], { cwd: d });
    const files = [...new Set(r.findings.map((f) => f.path))].sort();
    assert.deepEqual(files, ['a.roadmap.yml', path.join('nested', 'deeper', 'd.roadmap.yaml'), 'plain.yaml']);
    const named = lintJson([...TODAY, 'docs/other.yaml'], { cwd: d });
    assert.equal(named.status, 1, 'a file named explicitly is checked');
    assert.equal(named.findings[0].rule, 'schema');
  });
  test('a linked policy is read from disk but its own problems are not reported', () => {
    const d = tempTree({
      'policy/test.rsp.yaml': POLICY.replace('title: Red-teaming', 'title: Red-teaming\n        colour: red'),
      'r.roadmap.yaml': roadmap({ policy: 'policy/test.rsp.yaml', goals: [
        { id: 'SEC-1', area: 'security', due: '2027-01-01', supports: 'sg-red-team' },
        { id: 'ALN-1', area: 'alignment', due: '2027-01-01', supports: 'sg-redteam' },
        { id: 'SAF-1', area: 'safeguards', due: '2027-01-01', supports: 'ASL-3' },
        { id: 'POL-1', area: 'policy', due: '2027-01-01' },
      ] }),
    });
    const r = lintJson([...TODAY, 'r.roadmap.yaml'], { cwd: d });
    assert.deepEqual(r.findings.map((f) => [f.path, f.rule, f.range.start.line]), [['r.roadmap.yaml', 'unknown-reference', 21]]);
    assert.match(r.findings[0].message, /did you mean 'sg-red-team'\?/);
    const both = lintJson([...TODAY, '.'], { cwd: d });
    assert.ok(both.findings.some((f) => f.path === path.join('policy', 'test.rsp.yaml') && f.rule === 'schema'));
  });
});

describe('nothing to check', () => {
  const empty = tempTree({ 'README.md': '# not a policy\n', 'ci.yaml': 'on: push\n' });
  for (const args of [[], ['report']]) {
    test(`rsp-lint ${args.join(' ')} on a folder with no RSP document: says so, exits 2; --allow-empty exits 0`, () => {
      const r = rspLint([...args, '.'], { cwd: empty });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^rsp-lint( report)?: no RSP documents found .*--allow-empty/);
      const ok = rspLint([...args, '--allow-empty', '.'], { cwd: empty });
      assert.equal(ok.status, 0, ok.stderr);
    });
  }
  test('--help points to the documentation on the web, not a repository path', () => {
    const h = rspLint(['--help']).stdout;
    assert.match(h, /https:\/\/github\.com\/rsp-tools\/rsp-lint\/blob\/main\/docs\/rules\/README\.md/);
    assert.ok(!/Rules: docs\/rules/.test(h));
    assert.ok(h.includes('--allow-empty'));
  });
  test('a missing-field message quotes the first sentence of its description whole (not cut at "e.g.")', () => {
    const d = tempTree({ 'test.rsp.yaml': POLICY.replace('  title: Test Policy\n', '') });
    const r = lintJson([...TODAY, '.'], { cwd: d });
    const f = r.findings.find((x) => /required field 'title'/.test(x.message));
    assert.ok(f, JSON.stringify(r.findings));
    assert.match(f.message, /\(title of the policy, e\.g\. `Responsible Scaling Policy`\)$/);
  });
});

describe('configuration', () => {
  test('.rsp-lint.yml is read like .rsp-lint.yaml; where both exist, .rsp-lint.yaml wins and the other is reported', () => {
    const bad = roadmap({ goals: [{ id: 'SEC-1', area: 'security', due: '2026-01-01' }, { id: 'ALN-1', area: 'alignment', due: '2027-01-01' }, { id: 'SAF-1', area: 'safeguards', due: '2027-01-01' }, { id: 'POL-1', area: 'policy', due: '2027-01-01' }] });
    const d = tempTree({ '.rsp-lint.yml': 'rules:\n  goal-overdue: "off"\n', 'test.rsp.yaml': POLICY, 'a.roadmap.yaml': bad });
    const r = lintJson([...TODAY, '.'], { cwd: d });
    assert.ok(!r.findings.some((f) => f.rule === 'goal-overdue'), JSON.stringify(r.findings));
    const plain = tempTree({ 'test.rsp.yaml': POLICY, 'a.roadmap.yaml': bad });
    assert.ok(lintJson([...TODAY, '.'], { cwd: plain }).findings.some((f) => f.rule === 'goal-overdue'), 'the control: overdue without configuration');
    const broken = tempTree({ '.rsp-lint.yml': 'rules:\n  goal-overdu: "off"\n' });
    const b = lintJson(['.'], { cwd: broken });
    assert.deepEqual(b.findings.map((f) => [f.path, f.rule]), [['.rsp-lint.yml', 'config']]);
    fs.writeFileSync(path.join(d, '.rsp-lint.yaml'), 'rules:\n  goal-overdue: error\n');
    const both = lintJson([...TODAY, '.'], { cwd: d });
    assert.ok(both.findings.some((f) => f.rule === 'goal-overdue' && f.severity === 'error'), '.rsp-lint.yaml wins');
    assert.ok(both.findings.some((f) => f.path === '.rsp-lint.yaml' && f.rule === 'config' && /also has \.rsp-lint\.yml, which is not used/.test(f.message)));
  });

  const bad = roadmap({ goals: [
    { id: 'SEC-1', area: 'security', due: '2026-01-01', owner: 'TBD' },
    { id: 'ALN-1', area: 'alignment', due: '2027-01-01' },
  ] });
  test('the nearest .rsp-lint.yaml wins, without merging', () => {
    const d = tempTree({
      '.rsp-lint.yaml': 'rules:\n  goal-without-owner: warning\n  goal-overdue: "off"\n',
      'test.rsp.yaml': POLICY,
      'top.roadmap.yaml': bad,
      'sub/.rsp-lint.yaml': 'rules:\n  roadmap-area-empty: hint\n',
      'sub/test.rsp.yaml': POLICY,
      'sub/low.roadmap.yaml': bad,
    });
    const r = lintJson([...TODAY, '.'], { cwd: d });
    const top = r.findings.filter((f) => f.path === 'top.roadmap.yaml').map((f) => `${f.rule}:${f.severity}`).sort();
    assert.deepEqual(top, ['goal-without-owner:warning', 'roadmap-area-empty:warning', 'roadmap-area-empty:warning']);
    const low = r.findings.filter((f) => f.path === path.join('sub', 'low.roadmap.yaml')).map((f) => `${f.rule}:${f.severity}`).sort();
    assert.deepEqual(low, ['goal-overdue:warning', 'goal-without-owner:error', 'roadmap-area-empty:hint', 'roadmap-area-empty:hint']);
    assert.equal(r.status, 1);
    const onlyTop = rspLint([...TODAY, 'top.roadmap.yaml'], { cwd: d });
    assert.equal(onlyTop.status, 0, 'severities from the config decide the exit status');
  });
  test('a bad configuration is reported (rule config) and fails the run', () => {
    const d = tempTree({
      '.rsp-lint.yaml': 'rules:\n  goal-without-ownr: off\n  goal-overdue: loud\nignore: [x]\n',
      'test.rsp.yaml': POLICY,
    });
    const r = lintJson([...TODAY, '.'], { cwd: d });
    assert.equal(r.status, 1);
    const cfg = r.findings.filter((f) => f.path === '.rsp-lint.yaml');
    assert.deepEqual(cfg.map((f) => [f.rule, f.range.start.line]).sort(), [['config', 1], ['config', 2], ['config', 3]]);
    assert.ok(cfg.some((f) => /unknown rule 'goal-without-ownr'; did you mean 'goal-without-owner'\?/.test(f.message)));
    assert.ok(cfg.some((f) => /'loud' is not a valid goal-overdue/.test(f.message) || /'loud'/.test(f.message)));
    assert.ok(cfg.some((f) => /unknown key 'ignore'/.test(f.message)));
  });
  test('a .rsp-lint.yaml named on the command line is checked as a configuration', () => {
    const d = tempTree({ '.rsp-lint.yaml': 'rules:\n  goal-overdue: warning\n', 'bad/.rsp-lint.yaml': 'rules:\n  goal-overdu: off\n' });
    assert.equal(rspLint(['.rsp-lint.yaml'], { cwd: d }).status, 0);
    const r = lintJson(['bad/.rsp-lint.yaml'], { cwd: d });
    assert.equal(r.status, 1);
    assert.deepEqual(r.findings.map((f) => [f.path, f.rule]), [[path.join('bad', '.rsp-lint.yaml'), 'config']]);
  });
  test('suppression comments are honoured, and unused ones reported', () => {
    const d = tempTree({
      'test.rsp.yaml': POLICY,
      's.roadmap.yaml': bad
        .replace('  - id: SEC-1', '  # rsp-lint-disable-next-line goal-overdue\n  - id: SEC-1')
        .replace('    due: 2026-01-01', '    # rsp-lint-disable-next-line goal-overdue\n\n    due: 2026-01-01')
        .replace('    owner: TBD', '    # rsp-lint-disable-next-line goal-without-owner, goal-unlinked -- owner named in Q3\n    owner: TBD')
        .replace('goals:', '# rsp-lint-disable roadmap-area-empty\ngoals:'),
    });
    const r = lintJson([...TODAY, '.'], { cwd: d });
    // Line 9 targets the goal's id line, where goal-overdue reports nothing; line 15 (a blank
    // line between) silences the overdue finding on the due line; goal-unlinked is unused.
    assert.deepEqual(r.findings.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}`), ['unused-suppression@9:31', 'unused-suppression@13:53']);
    assert.match(r.findings[0].message, /^'goal-overdue' reports nothing on the next line/);
    assert.match(r.findings[1].message, /^'goal-unlinked' reports nothing/);
  });
});

describe('large runs', () => {
  test('checking in parallel (one worker per core) gives exactly the serial results', () => {
    const files = { 'p/test.rsp.yaml': POLICY, '.rsp-lint.yaml': 'rules:\n  goal-unlinked: hint\n', 'q/.rsp-lint.yaml': 'rules:\n  bogus-rule: off\n' };
    for (let i = 0; i < 150; i++) {
      files[`p/r${String(i).padStart(3, '0')}.roadmap.yaml`] = roadmap({ goals: [
        { id: 'SEC-1', area: 'security', due: i % 3 ? '2027-01-01' : '2026-01-01', owner: i % 5 ? 'Security' : 'TBD', supports: i % 7 ? 'CBRN-3' : 'CBRN3' },
        { id: 'ALN-1', area: 'alignment', due: '2027-01-01', supports: '[]' },
      ] }).replace('test-roadmap', `r${i}`);
    }
    const d = tempTree(files);
    const serial = rspLint([...TODAY, '--format', 'json', '.'], { cwd: d, env: { RSP_LINT_JOBS: '1' } });
    const parallel = rspLint([...TODAY, '--format', 'json', '.'], { cwd: d, env: { RSP_LINT_JOBS: '2' } });
    assert.equal(parallel.status, serial.status);
    assert.equal(parallel.stdout, serial.stdout);
    const findings = JSON.parse(serial.stdout);
    assert.ok(findings.length > 300, String(findings.length));
    assert.ok(findings.some((f) => f.path === path.join('q', '.rsp-lint.yaml') && f.rule === 'config'));
  });
});
