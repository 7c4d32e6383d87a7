// Hostile and broken input: the CLI must report it (right rule, right place, a useful
// message), never crash, hang, run out of memory or execute anything.
// Every case runs the built CLI as a process on files generated in a fresh temp folder.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { rspLint, lintJson } from './lib/cli.mjs';

const TODAY = '2026-06-01';
/** Spawn timeout per CLI run: a hang must fail the test, not block CI. */
const SPAWN_TIMEOUT = 20_000;
/** node:test timeout per test (a test may run the CLI more than once). */
const TEST = { timeout: 90_000 };

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

const dirs = [];
function tmpDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-lint-bad-input-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) {
    try { fs.chmodSync(d, 0o755); } catch { /* ignore */ }
    fs.rmSync(d, { recursive: true, force: true });
  }
});

/** Writes `content` (string or bytes) to dir/name, creating folders; returns the path. */
function put(dir, name, content) {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

/** stderr is empty or exactly one line. */
function assertQuietStderr(r) {
  assert.ok(r.stderr === '' || /^[^\n]*\n?$/.test(r.stderr), `stderr should be empty or one line, was:\n${r.stderr}`);
}

/**
 * Runs `rsp-lint --format json --today … args` in `cwd`; the process must end by itself
 * (no signal, no spawn timeout — rspLint throws ETIMEDOUT), print JSON, and exit `status`.
 */
function lint(args, cwd, status) {
  const r = lintJson(['--today', TODAY, ...args], { cwd, timeout: SPAWN_TIMEOUT });
  assert.equal(r.signal, null, `killed by ${r.signal}; stderr:\n${r.stderr}`);
  assert.ok(Array.isArray(r.findings), 'JSON output is an array');
  const dump = () => JSON.stringify(r.findings.map((f) => ({ ...f, message: f.message.slice(0, 300) })), null, 1).slice(0, 3000);
  if (status !== undefined) assert.equal(r.status, status, `exit status; stderr: ${r.stderr}\nfindings: ${dump()}`);
  assertQuietStderr(r);
  for (const f of r.findings) {
    assert.equal(typeof f.rule, 'string');
    assert.equal(typeof f.message, 'string');
    assert.ok(f.range && Number.isInteger(f.range.start.line) && Number.isInteger(f.range.start.character), `finding has an LSP range: ${JSON.stringify(f)}`);
  }
  r.dump = dump;
  return r;
}

/** The single finding of `rule` (optionally for `file`); fails if there are none or several. */
function one(r, rule, file) {
  const hits = r.findings.filter((f) => f.rule === rule && (file === undefined || f.path === file));
  assert.equal(hits.length, 1, `expected exactly one ${rule} finding${file ? ` on ${file}` : ''}; got:\n${r.dump()}`);
  return hits[0];
}

/** Asserts where a finding starts (0-based LSP line and character). */
function startsAt(f, line, character) {
  assert.deepEqual(f.range.start, { line, character }, `finding starts at ${JSON.stringify(f.range.start)}: ${f.message}`);
}

/** Only these rules appear in the findings. */
function onlyRules(r, ...rules) {
  const other = r.findings.filter((f) => !rules.includes(f.rule));
  assert.equal(other.length, 0, `unexpected findings:\n${JSON.stringify(other, null, 1).slice(0, 2000)}`);
}

/** Deterministic pseudo-random bytes (mulberry32), so a failure is reproducible. */
function randomBytes(n, seed) {
  let a = seed >>> 0;
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

/**
 * Offset of the first byte that makes `bytes` unacceptable as YAML text: a C0 control
 * other than TAB/LF/CR (NUL included), DEL, or a byte that is not valid UTF-8.
 */
function firstOffendingByte(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return i;
      i++;
      continue;
    }
    let need, min;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** LSP position (UTF-16 columns) of a byte offset in bytes that are valid UTF-8 before it. */
function positionOfByte(bytes, at) {
  let line = 0, lineStart = 0;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  return { line, character: bytes.subarray(lineStart, at).toString('utf8').length };
}

/** A small policy that lints clean (exit 0, no findings). `extra` is appended verbatim. */
const POLICY = `format: rsp/v1
kind: policy
policy:
  id: probe-rsp
  title: Responsible Scaling Policy
  organization: Probe Labs
  version: "1.0"
  effective: 2026-02-24
asl_standards:
  - level: ASL-3
    summary: Deployment and security safeguards.
    deployment:
      - id: asl3-red-teaming
        title: Red-teaming
    security:
      - id: asl3-egress-control
        title: Egress bandwidth controls
thresholds:
  - id: CBRN-3
    domain: cbrn
    title: Uplift toward CBRN weapons
    description: Meaningful uplift toward chemical or biological weapons.
    requires: ASL-3
    evaluations:
      - id: cbrn-uplift-trial
        name: Expert uplift trial
`;
const POLICY_LINES = POLICY.split('\n').length - 1; // lines before any `extra`

/** A roadmap whose `policy:` value is `ref`, on line 5 at character 10. */
function roadmap(ref) {
  return `format: rsp/v1
kind: roadmap
roadmap:
  id: probe-roadmap
  title: Frontier Safety Roadmap
  policy: ${ref}
  published: 2026-03-01
goals:
  - id: SEC-1
    area: security
    title: Egress limits
    owner: Security Engineering
    due: 2026-09-30
    status: planned
    supports: [asl3-egress-control]
  - id: ALN-1
    area: alignment
    title: Safety case
    owner: Alignment Science
    due: 2026-09-30
    status: planned
    supports: [CBRN-3]
  - id: SAF-1
    area: safeguards
    title: Classifiers
    owner: Safeguards Engineering
    due: 2026-09-30
    status: planned
    supports: [asl3-red-teaming]
  - id: POL-1
    area: policy
    title: Publish
    owner: Policy Team
    due: 2026-09-30
    status: planned
    supports: [CBRN-3]
    depends_on: [NOPE-1]
`;
}
const POLICY_REF_LINE = 5;
const POLICY_REF_CHAR = 10;

/**
 * The roadmap's `policy:` value is reported once as unknown-reference (range on the value),
 * cross-file references are not checked then, `depends_on` (inside the roadmap) still is.
 */
function assertBrokenPolicyLink(r, ref, messageFragment) {
  const refs = r.findings.filter((f) => f.rule === 'unknown-reference');
  const onPath = refs.filter((f) => f.range.start.line === POLICY_REF_LINE);
  assert.equal(onPath.length, 1, `one unknown-reference on the policy: value; got:\n${r.dump()}`);
  const f = onPath[0];
  assert.deepEqual(f.range, {
    start: { line: POLICY_REF_LINE, character: POLICY_REF_CHAR },
    end: { line: POLICY_REF_LINE, character: POLICY_REF_CHAR + ref.length },
  }, `range of the policy: value; message: ${f.message}`);
  assert.match(f.message, messageFragment);
  // supports: [...] are not checked against an unreadable policy: one finding, not one per
  // reference. (depends_on: [NOPE-1], inside the roadmap, may be reported: see its own test.)
  const others = refs.filter((x) => x !== f && !/NOPE-1/.test(x.message));
  assert.equal(others.length, 0, `no findings for supports: [...]; got:\n${r.dump()}`);
  assert.equal(r.status, 1);
}

// ---------------------------------------------------------------------------------------
// Empty and non-mapping documents
// ---------------------------------------------------------------------------------------

test('an empty *.rsp.yaml is reported (schema, at 0:0), not crashed on', TEST, () => {
  const dir = tmpDir();
  put(dir, 'empty.rsp.yaml', '');
  const r = lint(['empty.rsp.yaml'], dir, 1);
  const f = one(r, 'schema');
  onlyRules(r, 'schema');
  assert.equal(f.path, 'empty.rsp.yaml');
  startsAt(f, 0, 0);
  assert.match(f.message, /empty|format: rsp\/v1/);
});

test('a comments-only *.rsp.yaml is reported as an empty document', TEST, () => {
  const dir = tmpDir();
  put(dir, 'comments.rsp.yaml', '# A policy will go here.\n# Not yet.\n');
  const r = lint(['comments.rsp.yaml'], dir, 1);
  const f = one(r, 'schema');
  onlyRules(r, 'schema');
  startsAt(f, 0, 0);
  assert.match(f.message, /empty|format: rsp\/v1/);
});

test('a document that is a list at the top is a schema finding, not a crash', TEST, () => {
  const dir = tmpDir();
  put(dir, 'list.rsp.yaml', '- format: rsp/v1\n- kind: policy\n');
  const r = lint(['list.rsp.yaml'], dir, 1);
  const f = one(r, 'schema');
  onlyRules(r, 'schema');
  startsAt(f, 0, 0);
  assert.match(f.message, /mapping/);
});

test('a document that is a scalar at the top is a schema finding, not a crash', TEST, () => {
  const dir = tmpDir();
  put(dir, 'scalar.rsp.yaml', 'just some text\n');
  const r = lint(['scalar.rsp.yaml'], dir, 1);
  const f = one(r, 'schema');
  onlyRules(r, 'schema');
  startsAt(f, 0, 0);
  assert.match(f.message, /mapping/);
});

// ---------------------------------------------------------------------------------------
// Syntax
// ---------------------------------------------------------------------------------------

test('invalid YAML (an unclosed flow sequence) is yaml-syntax, and nothing else runs', TEST, () => {
  const dir = tmpDir();
  put(dir, 'unclosed.rsp.yaml', 'format: rsp/v1\nkind: policy\nthresholds: [a, b\n');
  const r = lint(['unclosed.rsp.yaml'], dir, 1);
  onlyRules(r, 'yaml-syntax');
  assert.ok(r.findings.length >= 1);
  const f = r.findings[0];
  // Where the parser gave up: the '[' line or the end of the file just after it.
  assert.ok([2, 3].includes(f.range.start.line), `points at line ${f.range.start.line}`);
  assert.match(f.message, /\]|flow sequence|unclosed|end/i);
});

test('tab indentation is yaml-syntax on the tab', TEST, () => {
  const dir = tmpDir();
  put(dir, 'tabs.rsp.yaml', 'format: rsp/v1\nkind: policy\npolicy:\n\tid: probe-rsp\n');
  const r = lint(['tabs.rsp.yaml'], dir, 1);
  onlyRules(r, 'yaml-syntax');
  const f = r.findings[0];
  startsAt(f, 3, 0);
  assert.match(f.message, /tab/i);
});

test('a duplicate key: range on the second key, message names the first line', TEST, () => {
  const dir = tmpDir();
  put(dir, 'dup.rsp.yaml', POLICY.replace('  effective: 2026-02-24\n', '  effective: 2026-02-24\n  version: "1.1"\n'));
  // line 6 (0-based) is the first `version`, line 8 the second.
  const r = lint(['dup.rsp.yaml'], dir, 1);
  onlyRules(r, 'yaml-syntax');
  const f = one(r, 'yaml-syntax');
  assert.deepEqual(f.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 9 } }, f.message);
  assert.match(f.message, /version/);
  assert.match(f.message, /line 7\b/);
});

// ---------------------------------------------------------------------------------------
// Bytes that are not UTF-8 text
// ---------------------------------------------------------------------------------------

test('NUL bytes are yaml-syntax at the first NUL', TEST, () => {
  const dir = tmpDir();
  put(dir, 'nul.rsp.yaml', Buffer.from('format: rsp/v1\nkind: po\0licy\n\0\0\0', 'latin1'));
  const r = lint(['nul.rsp.yaml'], dir, 1);
  const f = one(r, 'yaml-syntax');
  onlyRules(r, 'yaml-syntax');
  startsAt(f, 1, 8);
  assert.match(f.message, /NUL|binary/i);
});

test('random bytes (fixed seed) are one yaml-syntax finding at the first offending byte', TEST, () => {
  const dir = tmpDir();
  const bytes = Buffer.concat([Buffer.from('format: rsp/v1\nkind: policy\nblob: '), randomBytes(64 * 1024, 20260601)]);
  put(dir, 'random.rsp.yaml', bytes);
  const at = firstOffendingByte(bytes);
  assert.ok(at >= 0, 'the generated bytes contain something offending');
  const r = lint(['random.rsp.yaml'], dir, 1);
  const f = one(r, 'yaml-syntax');
  onlyRules(r, 'yaml-syntax');
  const want = positionOfByte(bytes, at);
  assert.deepEqual(f.range.start, want, `first offending byte is 0x${bytes[at].toString(16)} at offset ${at}; finding: ${f.message}`);
  assert.match(f.message, /UTF-8|binary|control|NUL/i);
});

test('pure random binary (no text header) is one yaml-syntax finding', TEST, () => {
  const dir = tmpDir();
  put(dir, 'noise.rsp.yaml', randomBytes(256 * 1024, 7));
  const r = lint(['noise.rsp.yaml'], dir, 1);
  one(r, 'yaml-syntax');
  onlyRules(r, 'yaml-syntax');
});

test('invalid UTF-8 (0xC3 0x28) in a value points at that line and column', TEST, () => {
  const dir = tmpDir();
  const text = POLICY.replace('  title: Responsible Scaling Policy\n', '  title: Sécurité \u0001MARK\u0001 policy\n');
  // Replace the marker with the invalid sequence 0xC3 0x28 ("Ã(" would be 0xC3 0x83 0x28).
  const bytes = Buffer.from(text.replace('\u0001MARK\u0001', '\u0001'), 'utf8');
  const i = bytes.indexOf(0x01);
  const bad = Buffer.concat([bytes.subarray(0, i), Buffer.from([0xc3, 0x28]), bytes.subarray(i + 1)]);
  put(dir, 'utf8.rsp.yaml', bad);
  const r = lint(['utf8.rsp.yaml'], dir, 1);
  const f = one(r, 'yaml-syntax');
  onlyRules(r, 'yaml-syntax');
  // line 4 is `  title: Sécurité <bad>`; "  title: Sécurité " is 18 UTF-16 units (20 bytes).
  startsAt(f, 4, 18);
  assert.match(f.message, /UTF-8/);
  assert.match(f.message, /c3/i);
});

test('a UTF-8 file with a byte-order mark is fine', TEST, () => {
  const dir = tmpDir();
  put(dir, 'bom.rsp.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POLICY, 'utf8')]));
  const r = lint(['bom.rsp.yaml'], dir, 0);
  assert.deepEqual(r.findings, []);
});

test('a UTF-16LE file with a byte-order mark is read as text', TEST, () => {
  const dir = tmpDir();
  const utf16 = (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
  put(dir, 'clean.rsp.yaml', utf16(POLICY));
  // and one with a problem, to see that positions come from the decoded text
  put(dir, 'typo.rsp.yaml', utf16(POLICY.replace('  effective: 2026-02-24\n', '  effective: 2026-02-24\n  titel: Oops\n')));
  const clean = lint(['clean.rsp.yaml'], dir, 0);
  assert.deepEqual(clean.findings, []);
  const typo = lint(['typo.rsp.yaml'], dir, 1);
  const f = one(typo, 'schema');
  onlyRules(typo, 'schema');
  startsAt(f, 8, 2);
  assert.match(f.message, /titel/);
});

// ---------------------------------------------------------------------------------------
// Resource limits
// ---------------------------------------------------------------------------------------

test('a billion-laughs alias bomb (9 levels × 9 aliases) is a resource-limit on the first alias', TEST, () => {
  const dir = tmpDir();
  const names = 'abcdefghi';
  let text = 'format: rsp/v1\nkind: policy\n';
  text += `x-a: &a [${Array(9).fill('lol').join(', ')}]\n`;
  for (let k = 1; k < 9; k++) {
    const anchor = k < 8 ? ` &${names[k]}` : '';
    text += `x-${names[k]}:${anchor} [${Array(9).fill(`*${names[k - 1]}`).join(', ')}]\n`;
  }
  put(dir, 'bomb.rsp.yaml', text);
  const r = lint(['bomb.rsp.yaml'], dir, 1);
  const f = one(r, 'resource-limit');
  onlyRules(r, 'resource-limit');
  // line 3 is `x-b: &b [*a, ...`; the first alias starts at character 9.
  assert.deepEqual(f.range, { start: { line: 3, character: 9 }, end: { line: 3, character: 11 } }, f.message);
  assert.match(f.message, /alias/i);
  assert.match(f.message, /100\b/);
});

test('100000 nested [ in a flow sequence: resource-limit, exit 1, JSON, no crash', TEST, () => {
  const dir = tmpDir();
  const N = 100_000;
  put(dir, 'flow.rsp.yaml', `format: rsp/v1\nkind: policy\nx: ${'['.repeat(N)}${']'.repeat(N)}\n`);
  const r = lint(['flow.rsp.yaml'], dir, 1);
  const f = one(r, 'resource-limit');
  onlyRules(r, 'resource-limit');
  // The collection that is too deep: a '[' about 64 levels in (the top mapping counts as one).
  assert.equal(f.range.start.line, 2, f.message);
  const c = f.range.start.character;
  assert.ok(c >= 3 + 60 && c <= 3 + 66, `points at '[' number ${c - 2}`);
  assert.match(f.message, /64|deep|nest/i);
});

test('100000 unclosed [ in a flow sequence: a finding, exit 1, no crash', TEST, () => {
  const dir = tmpDir();
  put(dir, 'flow-open.rsp.yaml', `format: rsp/v1\nkind: policy\nx: ${'['.repeat(100_000)}\n`);
  const r = lint(['flow-open.rsp.yaml'], dir, 1);
  assert.ok(r.findings.length >= 1);
  onlyRules(r, 'resource-limit', 'yaml-syntax');
  assert.ok(r.findings.some((f) => f.rule === 'resource-limit'), `a too-deep document is a resource-limit:\n${r.dump()}`);
});

test('5000 nested "- " block sequences: resource-limit, exit 1, no crash', TEST, () => {
  const dir = tmpDir();
  put(dir, 'seq.rsp.yaml', `format: rsp/v1\nkind: policy\nx:\n  ${'- '.repeat(5000)}leaf\n`);
  const r = lint(['seq.rsp.yaml'], dir, 1);
  const f = one(r, 'resource-limit');
  onlyRules(r, 'resource-limit');
  assert.equal(f.range.start.line, 3, f.message);
  const c = f.range.start.character;
  assert.ok(c % 2 === 0 && c >= 2 + 2 * 60 && c <= 2 + 2 * 66, `points at the '- ' at character ${c}`);
  assert.match(f.message, /64|deep|nest/i);
});

test('deeply nested block mappings (1000 levels): resource-limit, exit 1, no crash', TEST, () => {
  const dir = tmpDir();
  let text = 'format: rsp/v1\nkind: policy\nx:\n';
  for (let d = 1; d <= 1000; d++) text += `${'  '.repeat(d)}k${d}:\n`;
  text += `${'  '.repeat(1001)}leaf\n`;
  put(dir, 'maps.rsp.yaml', text);
  const r = lint(['maps.rsp.yaml'], dir, 1);
  const f = one(r, 'resource-limit');
  onlyRules(r, 'resource-limit');
  // line 2+d holds the mapping at depth d+1 (the top mapping is depth 1), indented 2*d.
  const { line, character } = f.range.start;
  assert.ok(line >= 2 + 60 && line <= 2 + 66, `points at line ${line}`);
  assert.equal(character, 2 * (line - 2), 'at the first key of that mapping');
  assert.match(f.message, /64|deep|nest/i);
});

test('a 5 MB file is over the default 4 MiB: resource-limit on the first line', TEST, () => {
  const dir = tmpDir();
  const filler = '# padding padding padding padding padding padding padding padding padding\n';
  const size = 5 * 1024 * 1024;
  put(dir, 'huge.rsp.yaml', POLICY + filler.repeat(Math.ceil((size - POLICY.length) / filler.length)));
  assert.ok(fs.statSync(path.join(dir, 'huge.rsp.yaml')).size >= size);
  const r = lint(['huge.rsp.yaml'], dir, 1);
  const f = one(r, 'resource-limit');
  onlyRules(r, 'resource-limit');
  startsAt(f, 0, 0);
  assert.match(f.message, /4(\.0)? MiB|4194304|max_file_bytes/);
});

test('a 3 MB policy with one multi-megabyte line is analysed', TEST, () => {
  const dir = tmpDir();
  const long = 'A'.repeat(3 * 1024 * 1024);
  const text = POLICY.replace('    description: Meaningful uplift toward chemical or biological weapons.\n', `    description: ${long}\n`)
    + 'risk_reports:\n  cadence_months: 12\n';
  put(dir, 'long.rsp.yaml', text);
  const r = lint(['long.rsp.yaml'], dir, 0);
  // Proof it was analysed: the cadence warning after the long line, at the right place.
  const f = one(r, 'risk-report-cadence');
  onlyRules(r, 'risk-report-cadence');
  assert.equal(f.severity, 'warning');
  startsAt(f, POLICY_LINES + 1, 18);
});

// ---------------------------------------------------------------------------------------
// Tags: reported, never executed
// ---------------------------------------------------------------------------------------

test('!!js/function and !foo tags are reported and never executed', TEST, () => {
  const dir = tmpDir();
  const marker = path.join(dir, 'PWNED');
  const js = `!!js/function "function () { require('fs').writeFileSync('${marker}', 'x'); return 1 }"`;
  const text = POLICY
    .replace('    description: Meaningful uplift toward chemical or biological weapons.\n', `    description: ${js}\n`)
    .replace('        title: Red-teaming\n', '        title: !foo Red-teaming\n')
    + 'risk_reports:\n  cadence_months: 12\n';
  put(dir, 'tags.rsp.yaml', text);
  const r = lint(['tags.rsp.yaml'], dir, 1);
  assert.ok(!fs.existsSync(marker), 'the tagged function must never run');
  const tags = r.findings.filter((f) => f.rule === 'yaml-syntax');
  assert.equal(tags.length, 2, `one finding per tag; got:\n${r.dump()}`);
  const [foo, fn] = tags.sort((a, b) => a.range.start.line - b.range.start.line);
  startsAt(foo, 13, 15); // `        title: !foo Red-teaming`
  assert.match(foo.message, /!foo/);
  startsAt(fn, 21, 17); // `    description: !!js/function "…"`
  assert.match(fn.message, /js\/function/);
  // Tagged values are read as plain text and the rest of the analysis still runs.
  onlyRules(r, 'yaml-syntax', 'risk-report-cadence');
  one(r, 'risk-report-cadence');
  assert.ok(!fs.existsSync(marker), 'the tagged function must never run');
});

// ---------------------------------------------------------------------------------------
// Discovery: what a folder scan picks up, and paths on the command line
// ---------------------------------------------------------------------------------------

test('a plain foo.yaml is skipped in a folder scan but linted when named', TEST, () => {
  const dir = tmpDir();
  put(dir, 'ok.rsp.yaml', POLICY);
  put(dir, 'foo.yaml', 'name: some other tool\nitems: [1, 2, 3]\n');
  const scan = lint(['.'], dir, 0);
  assert.deepEqual(scan.findings, []);
  const named = lint(['foo.yaml'], dir, 1);
  assert.ok(named.findings.length >= 1);
  const f = named.findings[0];
  assert.equal(f.path, 'foo.yaml');
  assert.equal(f.rule, 'schema');
  startsAt(f, 0, 0);
  assert.match(f.message, /kind|format/);
});

test('a path that does not exist: exit 2, one line on stderr', TEST, () => {
  const dir = tmpDir();
  const r = rspLint(['--format', 'json', 'no-such.rsp.yaml'], { cwd: dir, timeout: SPAWN_TIMEOUT });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^[^\n]*no-such\.rsp\.yaml[^\n]*\n?$/);
});

test('an unreadable file (chmod 000): exit 2, one line on stderr', TEST, (t) => {
  if (process.getuid?.() === 0) { t.skip('running as root: file permissions do not stop reads'); return; }
  if (process.platform === 'win32') { t.skip('chmod 000 does not stop reads on Windows'); return; }
  const dir = tmpDir();
  const p = put(dir, 'locked.rsp.yaml', POLICY);
  fs.chmodSync(p, 0o000);
  try {
    const r = rspLint(['--format', 'json', 'locked.rsp.yaml'], { cwd: dir, timeout: SPAWN_TIMEOUT });
    assert.equal(r.status, 2, r.stdout);
    assert.match(r.stderr, /^[^\n]*locked\.rsp\.yaml[^\n]*\n?$/);
  } finally {
    fs.chmodSync(p, 0o644);
  }
});

test('node_modules (and .git) under a scanned folder are skipped', TEST, () => {
  const dir = tmpDir();
  put(dir, 'ok.rsp.yaml', POLICY);
  put(dir, 'node_modules/pkg/bad.rsp.yaml', 'format: rsp/v1\nkind: policy\nthresholds: [a, b\n');
  put(dir, 'node_modules/pkg/garbage.roadmap.yaml', randomBytes(4096, 3));
  put(dir, 'sub/node_modules/deep/bad.risk-report.yaml', '\0\0\0');
  put(dir, '.git/bad.rsp.yaml', '- nope\n');
  const r = lint(['.'], dir, 0);
  assert.deepEqual(r.findings, []);
});

// ---------------------------------------------------------------------------------------
// A roadmap's `policy:` path that cannot be used
// ---------------------------------------------------------------------------------------

test('roadmap policy: a file that does not exist', TEST, () => {
  const dir = tmpDir();
  put(dir, 'r.roadmap.yaml', roadmap('missing.rsp.yaml'));
  const r = lint(['r.roadmap.yaml'], dir, 1);
  assertBrokenPolicyLink(r, 'missing.rsp.yaml', /does not exist|not found|missing/i);
});

test('roadmap policy: a folder', TEST, () => {
  const dir = tmpDir();
  fs.mkdirSync(path.join(dir, 'folder.rsp.yaml'));
  put(dir, 'r.roadmap.yaml', roadmap('folder.rsp.yaml'));
  const r = lint(['r.roadmap.yaml'], dir, 1);
  assertBrokenPolicyLink(r, 'folder.rsp.yaml', /folder|directory/i);
});

for (const dev of ['/dev/zero', '/dev/null']) {
  test(`roadmap policy: ${dev} (a device) is not read forever`, TEST, (t) => {
    if (!fs.existsSync(dev)) { t.skip(`${dev} does not exist on this system`); return; }
    const dir = tmpDir();
    put(dir, 'r.roadmap.yaml', roadmap(dev));
    const r = lint(['r.roadmap.yaml'], dir, 1);
    assertBrokenPolicyLink(r, dev, /device|not a regular file|special/i);
  });
}

test('roadmap policy: a FIFO does not block', TEST, (t) => {
  const dir = tmpDir();
  const fifo = path.join(dir, 'pipe.rsp.yaml');
  const mk = spawnSync('mkfifo', [fifo], { encoding: 'utf8', timeout: 5000 });
  if (mk.error || mk.status !== 0) { t.skip(`mkfifo is not available (${mk.error?.code ?? mk.stderr.trim()})`); return; }
  put(dir, 'r.roadmap.yaml', roadmap('pipe.rsp.yaml'));
  const r = lint(['r.roadmap.yaml'], dir, 1);
  assertBrokenPolicyLink(r, 'pipe.rsp.yaml', /FIFO|not a regular file|special/i);
});

test('roadmap policy: the roadmap file itself', TEST, () => {
  const dir = tmpDir();
  put(dir, 'self.roadmap.yaml', roadmap('self.roadmap.yaml'));
  const r = lint(['self.roadmap.yaml'], dir, 1);
  assertBrokenPolicyLink(r, 'self.roadmap.yaml', /itself/i);
});

test('roadmap policy: a file that is a roadmap, not a policy', TEST, () => {
  const dir = tmpDir();
  put(dir, 'other.roadmap.yaml', roadmap('p.rsp.yaml'));
  put(dir, 'p.rsp.yaml', POLICY);
  put(dir, 'r.roadmap.yaml', roadmap('other.roadmap.yaml'));
  const r = lint(['r.roadmap.yaml'], dir, 1);
  assertBrokenPolicyLink(r, 'other.roadmap.yaml', /roadmap.*not a policy|not a policy/i);
});

test('roadmap policy: a policy with invalid YAML', TEST, () => {
  const dir = tmpDir();
  put(dir, 'broken.rsp.yaml', 'format: rsp/v1\nkind: policy\nthresholds: [a, b\n');
  put(dir, 'r.roadmap.yaml', roadmap('broken.rsp.yaml'));
  const r = lint(['r.roadmap.yaml'], dir, 1);
  assertBrokenPolicyLink(r, 'broken.rsp.yaml', /YAML|syntax|parse/i);
});

test('roadmap policy: a policy that is binary garbage', TEST, () => {
  const dir = tmpDir();
  put(dir, 'garbage.rsp.yaml', randomBytes(8192, 99));
  put(dir, 'r.roadmap.yaml', roadmap('garbage.rsp.yaml'));
  const r = lint(['r.roadmap.yaml'], dir, 1);
  assertBrokenPolicyLink(r, 'garbage.rsp.yaml', /UTF-8|binary|cannot/i);
});

test('roadmap policy broken: depends_on, which stays inside the roadmap, is still checked', TEST, () => {
  const dir = tmpDir();
  put(dir, 'r.roadmap.yaml', roadmap('missing.rsp.yaml'));
  const r = lint(['r.roadmap.yaml'], dir, 1);
  const dep = r.findings.filter((f) => f.rule === 'unknown-reference' && /NOPE-1/.test(f.message));
  assert.equal(dep.length, 1, `depends_on: [NOPE-1] is reported (docs/rules/unknown-reference.md); got:\n${r.dump()}`);
  // `    depends_on: [NOPE-1]` is the last line of the roadmap; NOPE-1 starts at character 17.
  assert.deepEqual(dep[0].range.start, { line: roadmap('x').split('\n').length - 2, character: 17 });
});

test('roadmap policy: a valid policy (control case for the cases above)', TEST, () => {
  const dir = tmpDir();
  put(dir, 'p.rsp.yaml', POLICY);
  put(dir, 'r.roadmap.yaml', roadmap('p.rsp.yaml'));
  const r = lint(['r.roadmap.yaml'], dir, 1);
  const refs = r.findings.filter((f) => f.rule === 'unknown-reference');
  assert.equal(refs.length, 1, r.dump());
  assert.match(refs[0].message, /NOPE-1/);
  assert.deepEqual(refs[0].range.start, { line: roadmap('x').split('\n').length - 2, character: 17 });
});

// ---------------------------------------------------------------------------------------
// .rsp-lint.yaml
// ---------------------------------------------------------------------------------------

test('a .rsp-lint.yaml of binary garbage is reported as config, not ignored', TEST, () => {
  const dir = tmpDir();
  put(dir, '.rsp-lint.yaml', Buffer.concat([Buffer.from([0x00, 0xff, 0xfe, 0x01]), randomBytes(2048, 11)]));
  put(dir, 'ok.rsp.yaml', POLICY);
  const r = lint(['.'], dir, 1);
  const f = one(r, 'config');
  onlyRules(r, 'config');
  assert.match(f.path, /(^|[\\/])\.rsp-lint\.yaml$/);
  startsAt(f, 0, 0);
  assert.match(f.message, /binary|NUL|UTF-8|not valid/i);
});

test('limits.max_file_bytes: 2048 makes a 3 KB document a resource-limit', TEST, () => {
  const dir = tmpDir();
  put(dir, '.rsp-lint.yaml', 'limits: {max_file_bytes: 2048}\n');
  let text = POLICY;
  while (text.length < 3 * 1024) text += '# a comment line to make the document a little larger\n';
  put(dir, 'three-kb.rsp.yaml', text);
  put(dir, 'small.rsp.yaml', POLICY); // under 2048 bytes: still analysed, clean
  assert.ok(Buffer.byteLength(POLICY) < 2048);
  const r = lint(['.'], dir, 1);
  onlyRules(r, 'resource-limit');
  const f = one(r, 'resource-limit');
  assert.equal(f.path, 'three-kb.rsp.yaml');
  startsAt(f, 0, 0);
  assert.match(f.message, /2(\.0)? KiB|2048|max_file_bytes/);
});

test('a mapping with 50,000 duplicate keys, and one with 200,000 keys, finish quickly', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-dups-'));
  fs.writeFileSync(path.join(dir, '.rsp-lint.yaml'), 'rules:\n'.repeat(50_000) + '  goal-unlinked: warning\n');
  fs.writeFileSync(path.join(dir, 'wide.rsp.yaml'), 'format: rsp/v1\nkind: policy\nx:\n' + Array.from({ length: 200_000 }, (_, i) => `  k${i}: 1\n`).join(''));
  const r = rspLint(['--format', 'json', '.'], { cwd: dir, timeout: 60_000 });
  assert.equal(r.status, 1, r.stderr);
  const findings = JSON.parse(r.stdout);
  const cfg = findings.filter((f) => f.path === '.rsp-lint.yaml');
  assert.ok(cfg.length <= 102 && cfg.some((f) => /more duplicate keys not shown/.test(f.message)), `${cfg.length} config findings`);
  assert.ok(findings.filter((f) => f.path === 'wide.rsp.yaml').length <= 210);
});

test('"[{" × 200,000 is refused as too deep before it is parsed (resource-limit at the 64th level)', TEST, () => {
  const dir = tmpDir();
  put(dir, 'deep.rsp.yaml', `format: rsp/v1\nkind: policy\nx: ${'[{'.repeat(200_000)}${'}]'.repeat(200_000)}\n`);
  const r = lint(['deep.rsp.yaml'], dir, 1);
  onlyRules(r, 'resource-limit');
  const f = one(r, 'resource-limit');
  assert.equal(f.range.start.line, 2);
  assert.ok(f.range.start.character < 3 + 2 * 70, `points near the level where the limit is passed: ${f.range.start.character}`);
  assertQuietStderr(r);
});

test('a mapping or list as a key: a yaml-syntax finding on that key, no process warning', TEST, () => {
  const dir = tmpDir();
  put(dir, 'complex.roadmap.yaml', 'format: rsp/v1\nkind: roadmap\n? [x]\n: 1\n[a, b]: 2\n');
  const r = lint(['complex.roadmap.yaml'], dir, 1);
  onlyRules(r, 'yaml-syntax');
  assert.deepEqual(r.findings.map((f) => f.range.start), [{ line: 2, character: 2 }, { line: 4, character: 0 }], r.dump());
  for (const f of r.findings) assert.match(f.message, /used as a key/);
  assertQuietStderr(r);
  assert.doesNotMatch(r.stderr, /Warning/);
});

test('CRLF: a zero-width syntax finding on an empty line stays inside that line', TEST, () => {
  const dir = tmpDir();
  put(dir, 'crlf.roadmap.yaml', ': []\n\r\n-');
  const r = lint(['crlf.roadmap.yaml'], dir, 1);
  const lines = ': []\n\r\n-'.split(/\r\n|\n/);
  for (const f of r.findings) {
    for (const p of [f.range.start, f.range.end]) assert.ok(p.character <= lines[p.line].length, `${JSON.stringify(f.range)} is past the end of line ${p.line}: ${f.message}`);
  }
});

test('a comment full of brackets is not nesting: no resource-limit (found by the fuzzer)', TEST, () => {
  const dir = tmpDir();
  put(dir, 'brackets.rsp.yaml', `# ${'{a: ['.repeat(400)}\n${POLICY}`);
  const r = lint(['brackets.rsp.yaml'], dir, 0);
  assert.deepEqual(r.findings, []);
});
