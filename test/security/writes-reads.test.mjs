// Writes go only to the file named, and reads never block or run away: --fix and report --out
// against symbolic links, folders, FIFOs and hard links; policy links to FIFOs and huge files.
// Through the CLI as a process.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, rspLint } from '../lib/cli.mjs';

const LABS = path.join(ROOT, 'examples', 'example-labs');
const POLICY = fs.readFileSync(path.join(LABS, 'example-labs.rsp.yaml'), 'utf8');
const ROADMAP = fs.readFileSync(path.join(LABS, 'frontier-safety.roadmap.yaml'), 'utf8');
/** The workspace profile the policy lists (compliance.profiles), copied beside it. */
const PROFILE = 'example-labs-controls.profile.yaml';
/** The roadmap with one safe fix to make: a misspelled status. */
const FIXABLE = ROADMAP.replace('status: done', 'status: in-progres');
const tmp = (name) => fs.mkdtempSync(path.join(os.tmpdir(), `rsp-sec-${name}-`));
const mkfifo = (p) => { const r = spawnSync('mkfifo', [p]); assert.equal(r.status, 0, 'mkfifo'); };

describe('--fix and symbolic links', () => {
  test('a link found under the folder named, to a file inside it: the target is fixed in place, the link kept, the mode kept', () => {
    const dir = tmp('fix-link');
    fs.writeFileSync(path.join(dir, 'policy.rsp.yaml'), POLICY);
    fs.mkdirSync(path.join(dir, 'real'));
    const target = path.join(dir, 'real', 'fsr.txt');
    fs.writeFileSync(target, FIXABLE.replace('policy: example-labs.rsp.yaml', 'policy: policy.rsp.yaml'), { mode: 0o640 });
    fs.chmodSync(target, 0o640);
    fs.symlinkSync('real/fsr.txt', path.join(dir, 'fsr.roadmap.yaml'));
    fs.writeFileSync(path.join(dir, 'policy.rsp.yaml'), POLICY);
    fs.copyFileSync(path.join(LABS, PROFILE), path.join(dir, PROFILE));
    const r = rspLint(['--fix', '--today', '2026-11-23', 'fsr.roadmap.yaml', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.ok(fs.lstatSync(path.join(dir, 'fsr.roadmap.yaml')).isSymbolicLink(), 'still a link');
    assert.equal(fs.readlinkSync(path.join(dir, 'fsr.roadmap.yaml')), 'real/fsr.txt');
    assert.match(fs.readFileSync(target, 'utf8'), /status: in-progress\n/);
    assert.doesNotMatch(fs.readFileSync(target, 'utf8'), /in-progres\n/);
    assert.equal(fs.statSync(target).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'real')), ['fsr.txt'], 'no temporary file left');
  });

  test('a link found under the folder named, to a file outside it: refused (exit 2), the target untouched, the rest fixed', () => {
    const outside = tmp('outside');
    const victim = path.join(outside, 'victim.roadmap.yaml');
    fs.writeFileSync(victim, FIXABLE);
    const dir = tmp('fix-out');
    fs.writeFileSync(path.join(dir, 'example-labs.rsp.yaml'), POLICY);
    fs.writeFileSync(path.join(dir, 'mine.roadmap.yaml'), FIXABLE);
    fs.symlinkSync(victim, path.join(dir, 'linked.roadmap.yaml'));
    const r = rspLint(['--fix', '--today', '2026-11-23', '.'], { cwd: dir });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /^rsp-lint: not fixed: linked\.roadmap\.yaml: it is a symbolic link to .*victim\.roadmap\.yaml, outside the folders named; not written/m);
    assert.equal(fs.readFileSync(victim, 'utf8'), FIXABLE, 'the file outside is untouched');
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'mine.roadmap.yaml'), 'utf8'), /in-progres\n/, 'the file inside is fixed');
    assert.ok(fs.lstatSync(path.join(dir, 'linked.roadmap.yaml')).isSymbolicLink());
    assert.match(r.stdout, /linked\.roadmap\.yaml:\d+:\d+ error 'in-progres' is not a valid status/, 'the unfixed file is still reported');
  });

  test('a link named on the command line is fixed in its target', () => {
    const outside = tmp('named');
    fs.writeFileSync(path.join(outside, 'example-labs.rsp.yaml'), POLICY);
    const target = path.join(outside, 'fsr.roadmap.yaml');
    fs.writeFileSync(target, FIXABLE);
    const dir = tmp('named-link');
    fs.writeFileSync(path.join(dir, 'example-labs.rsp.yaml'), POLICY);
    fs.symlinkSync(target, path.join(dir, 'fsr.roadmap.yaml'));
    const r = rspLint(['--fix', '--today', '2026-11-23', 'fsr.roadmap.yaml'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.doesNotMatch(fs.readFileSync(target, 'utf8'), /in-progres\n/);
    assert.ok(fs.lstatSync(path.join(dir, 'fsr.roadmap.yaml')).isSymbolicLink());
  });

  test('a file with two hard links is refused, both names keep the same content', () => {
    const dir = tmp('hardlink');
    fs.writeFileSync(path.join(dir, 'example-labs.rsp.yaml'), POLICY);
    fs.writeFileSync(path.join(dir, 'a.roadmap.yaml'), FIXABLE);
    fs.linkSync(path.join(dir, 'a.roadmap.yaml'), path.join(dir, 'b.txt'));
    const r = rspLint(['--fix', 'a.roadmap.yaml'], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /not fixed: a\.roadmap\.yaml: it has 2 hard links/);
    assert.equal(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8'), FIXABLE);
    assert.equal(fs.statSync(path.join(dir, 'a.roadmap.yaml')).ino, fs.statSync(path.join(dir, 'b.txt')).ino);
  });
});

describe('report --out', () => {
  for (const [what, make, pattern] of [
    ['a symbolic link', (p, victim) => fs.symlinkSync(victim, p), /it is a symbolic link to .*victim\.txt; not written/],
    ['a dangling symbolic link', (p) => fs.symlinkSync(path.join(os.tmpdir(), 'rsp-no-such-file-here', 'x'), p), /symbolic link to nothing; not written/],
    ['a folder', (p) => fs.mkdirSync(p), /it is a folder; not written/],
    ['a FIFO', (p) => mkfifo(p), /not a regular file \(a FIFO, device or socket\); not written/],
  ]) {
    test(`to ${what}: refused with exit 2 and one line, nothing written anywhere`, () => {
      const dir = tmp('out');
      const victim = path.join(dir, 'victim.txt');
      fs.writeFileSync(victim, 'keep me\n');
      const out = path.join(dir, 'report.html');
      make(out, victim);
      const r = rspLint(['report', '--out', out, LABS], { timeout: 20_000 });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr.split('\n').length, 2, r.stderr);
      assert.match(r.stderr, pattern);
      assert.equal(fs.readFileSync(victim, 'utf8'), 'keep me\n');
      assert.deepEqual(fs.readdirSync(dir).sort(), ['report.html', 'victim.txt']);
    });
  }
  test('to a new file: written, and nothing else is created', () => {
    const dir = tmp('out-new');
    const r = rspLint(['report', '--format', 'markdown', '--out', path.join(dir, 'r.md'), LABS]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(fs.readdirSync(dir), ['r.md']);
  });
});

describe('reads', () => {
  test('a policy link to a FIFO is refused at once (no hang), with a finding', () => {
    const dir = tmp('fifo');
    mkfifo(path.join(dir, 'example-labs.rsp.yaml'));
    fs.writeFileSync(path.join(dir, 'fsr.roadmap.yaml'), ROADMAP);
    const r = rspLint(['--format', 'json', 'fsr.roadmap.yaml'], { cwd: dir, timeout: 20_000 });
    assert.equal(r.status, 1, r.stderr);
    const f = JSON.parse(r.stdout).find((x) => x.rule === 'unknown-reference' && /policy/.test(x.message));
    assert.match(f.message, /not a regular file/);
  });
  test('a policy link to a huge file is refused within the size limit, with a finding', () => {
    const dir = tmp('huge');
    const fd = fs.openSync(path.join(dir, 'example-labs.rsp.yaml'), 'w');
    fs.ftruncateSync(fd, 2 * 1024 * 1024 * 1024); // 2 GiB, sparse
    fs.closeSync(fd);
    fs.writeFileSync(path.join(dir, 'fsr.roadmap.yaml'), ROADMAP);
    const r = rspLint(['--format', 'json', 'fsr.roadmap.yaml'], { cwd: dir, timeout: 20_000 });
    assert.equal(r.status, 1, r.stderr);
    const f = JSON.parse(r.stdout).find((x) => x.rule === 'unknown-reference' && /policy/.test(x.message));
    assert.match(f.message, /over the limit/);
  });
  test('a FIFO named on the command line is refused at once, exit 2', () => {
    const dir = tmp('fifo-named');
    mkfifo(path.join(dir, 'x.rsp.yaml'));
    const r = rspLint(['x.rsp.yaml'], { cwd: dir, timeout: 20_000 });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /not a regular file/);
  });
});
