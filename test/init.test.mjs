// rsp-lint init through the CLI as a process: every framework's starter set checks with no
// finding at all (the real CLI run on it, on the day it was written and with dates computed
// from that day), it never overwrites (exit 2, names the file, writes nothing — also for a
// symbolic link, even one to nothing), it creates a missing folder, and --list names the shapes.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintJson, rspLint } from './lib/cli.mjs';

const FRAMEWORKS = ['rsp', 'preparedness', 'fsf', 'minimal'];
const FILES = ['policy.rsp.yaml', 'frontier-safety.roadmap.yaml', 'first.risk-report.yaml'];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-init-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

/** Today's local date, as the CLI computes it. */
function localToday() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

describe('every framework: a starter set that checks clean', () => {
  for (const fw of FRAMEWORKS) {
    test(`--framework ${fw}`, () => {
      const dir = path.join(work, `fw-${fw}`, 'new', 'folder'); // created, parents too
      const r = rspLint(['init', '--framework', fw, dir]);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(fs.readdirSync(dir).sort(), [...FILES].sort());
      for (const f of FILES) assert.ok(r.stdout.includes(path.join(dir, f)), r.stdout);
      const policy = fs.readFileSync(path.join(dir, 'policy.rsp.yaml'), 'utf8');
      assert.match(policy, /^format: rsp\/v2$/m);
      assert.match(policy, new RegExp(`^  effective: ${localToday()}`, 'm'), 'dated today');
      assert.match(policy, /^#/, 'starts with comments that explain it');
      // The real CLI, as of today (default) and as of a quarter later: no finding at all today.
      const lint = lintJson([dir]);
      assert.equal(lint.status, 0, lint.stderr);
      assert.deepEqual(lint.findings, [], JSON.stringify(lint.findings, null, 1));
      // Every goal is due in the future.
      for (const m of fs.readFileSync(path.join(dir, 'frontier-safety.roadmap.yaml'), 'utf8').matchAll(/^    due: (\S+)$/gm)) assert.ok(m[1] > localToday(), m[0]);
    });
  }

  test('dates follow --today: the set written for another day checks clean on that day', () => {
    const dir = path.join(work, 'dated');
    const r = rspLint(['init', '--today', '2031-02-28', '--framework', 'fsf', dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'first.risk-report.yaml'), 'utf8'), /period: \{ from: 2030-11-30, to: 2031-02-27 \}/);
    const lint = lintJson(['--today', '2031-02-28', dir]);
    assert.deepEqual(lint.findings, []);
    // Nine months on, goals are overdue and the report is stale: the warnings a real set would get.
    const later = lintJson(['--today', '2031-12-01', dir]);
    assert.ok(later.findings.some((f) => f.rule === 'goal-overdue') && later.findings.some((f) => f.rule === 'report-stale'), JSON.stringify(later.findings.map((f) => f.rule)));
    assert.ok(later.findings.every((f) => f.severity !== 'error'));
  });

  test('the default framework is rsp, the default folder the current one', () => {
    const dir = path.join(work, 'default');
    fs.mkdirSync(dir);
    const r = rspLint(['init'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'policy.rsp.yaml'), 'utf8'), /rsp-lint init --framework rsp/);
    assert.match(r.stdout, /^  policy\.rsp\.yaml$/m);
    assert.match(r.stdout, /Check it with: rsp-lint \.$/m);
  });
});

describe('never overwrites', () => {
  test('one existing file: exit 2, names it, writes none of the three', () => {
    const dir = path.join(work, 'exists');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'frontier-safety.roadmap.yaml'), 'mine\n');
    const r = rspLint(['init', '--framework', 'minimal', dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /frontier-safety\.roadmap\.yaml already exists; nothing was written/);
    assert.deepEqual(fs.readdirSync(dir), ['frontier-safety.roadmap.yaml']);
    assert.equal(fs.readFileSync(path.join(dir, 'frontier-safety.roadmap.yaml'), 'utf8'), 'mine\n');
  });

  test('a second init in the same folder changes nothing', () => {
    const dir = path.join(work, 'twice');
    assert.equal(rspLint(['init', dir]).status, 0);
    const before = Object.fromEntries(FILES.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    fs.appendFileSync(path.join(dir, 'policy.rsp.yaml'), '# my edit\n');
    const r = rspLint(['init', '--framework', 'fsf', dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /policy\.rsp\.yaml already exists \(and .*frontier-safety\.roadmap\.yaml, .*first\.risk-report\.yaml\)/);
    assert.equal(fs.readFileSync(path.join(dir, 'policy.rsp.yaml'), 'utf8'), `${before['policy.rsp.yaml']}# my edit\n`);
    assert.equal(fs.readFileSync(path.join(dir, 'first.risk-report.yaml'), 'utf8'), before['first.risk-report.yaml']);
  });

  test('a symbolic link at a target name (even one to nothing) is refused and not followed', () => {
    const dir = path.join(work, 'links');
    fs.mkdirSync(dir);
    const outside = path.join(work, 'outside.txt');
    fs.symlinkSync(outside, path.join(dir, 'first.risk-report.yaml')); // dangling: writing through it would create outside.txt
    const r = rspLint(['init', dir]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /first\.risk-report\.yaml already exists/);
    assert.ok(!fs.existsSync(outside), 'nothing written through the link');
    assert.deepEqual(fs.readdirSync(dir), ['first.risk-report.yaml']);
  });

  test('a folder with a target name, and a DIR that is a file', () => {
    const dir = path.join(work, 'folder-named');
    fs.mkdirSync(path.join(dir, 'policy.rsp.yaml'), { recursive: true });
    assert.equal(rspLint(['init', dir]).status, 2);
    const file = path.join(work, 'a-file');
    fs.writeFileSync(file, '');
    const r = rspLint(['init', file]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /is not a folder; nothing was written/);
  });
});

describe('usage', () => {
  test('--list: each framework with a line on it, the default marked', () => {
    const r = rspLint(['init', '--list']);
    assert.equal(r.status, 0);
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(lines.map((l) => l.split(/\s+/)[0]), FRAMEWORKS);
    assert.match(lines[0], /\(default\)/);
    for (const l of lines) assert.ok(l.length > 40, l);
  });

  test('an unknown framework, a bad date, two folders: exit 2 with a one-line reason, nothing written', () => {
    const dir = path.join(work, 'usage');
    for (const [args, re] of [
      [['--framework', 'rsp2', dir], /unknown framework 'rsp2'; use one of rsp, preparedness, fsf, minimal/],
      [['--today', '2026-02-30', dir], /--today needs a date/],
      [[dir, dir + '2'], /one folder/],
      [['--bogus'], /Unknown option '--bogus'/],
    ]) {
      const r = rspLint(['init', ...args]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, re);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
    assert.ok(!fs.existsSync(dir));
  });

  test('--help and the main help name init', () => {
    assert.match(rspLint(['init', '--help']).stdout, /Usage: rsp-lint init/);
    assert.match(rspLint(['--help']).stdout, /rsp-lint init \[--framework rsp\|preparedness\|fsf\|minimal\]/);
  });
});
