// Compliance profiles (spec v2 §5, §9): the built-in profiles, every check of §9.1 on a policy
// that meets it and on one that does not (through `rsp-lint coverage --format json`), the
// coverage command's output and exit codes, compliance-gap and unknown-reference in `rsp-lint`,
// and the editor over LSP stdio: the diagnostic, its quick fix, hover over a claim's
// requirement, completion of requirement ids, definition into a workspace profile, and the
// policy re-checked when its profile changes in the editor.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import YAML from 'yaml';
import { ROOT, rspLint, lintJson } from './lib/cli.mjs';
import { startLsp, uri, posOf } from './lib/lsp.mjs';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-compliance-'));
const ALL_CHECKS = path.join(ROOT, 'test', 'fixtures', 'compliance', 'all-checks.profile.yaml');
const BUILTIN = ['ca-sb53', 'eu-gpai-cop-ss', 'metr-common-elements', 'ny-raise', 'seoul-2024'];

/** A v2 policy that passes every check of §9.1. */
function fullPolicy() {
  return {
    format: 'rsp/v2', kind: 'policy',
    policy: { id: 'full', title: 'Full policy', organization: 'Example Labs', version: '2.0', effective: '2026-02-24', url: 'https://example.org/rsp' },
    standards: [{ id: 'ASL-3', summary: 'Robust.', deployment: [{ id: 'sg-d', title: 'Classifiers' }], security: [{ id: 'sg-s', title: 'Egress limits' }] }],
    thresholds: [
      { id: 'T-cbrn', domain: 'cbrn', title: 'CBRN uplift', requires: 'ASL-3', if_unmet: ['pause-deployment'], evaluations: [{ id: 'ev-1', name: 'Uplift trial', cadence: 'before each deployment' }] },
      { id: 'T-cyber', domain: 'cyber', title: 'Cyber', requires: 'ASL-3', if_unmet: ['pause-development'], evaluations: [{ id: 'ev-2', name: 'CTF', cadence: 'quarterly' }] },
      { id: 'A-cbrn', role: 'alert', warns: 'T-cbrn', domain: 'cbrn', title: 'Early warning', evaluations: [{ id: 'ev-3', name: 'Benchmark', cadence: 'each checkpoint' }] },
    ],
    risk_reports: { cadence_months: 3 },
    governance: {
      roles: [{ id: 'rso', title: 'Responsible Scaling Officer' }, { id: 'ceo', title: 'Chief Executive' }],
      decisions: [{ id: 'D-deploy', decision: 'deploy', by: ['ceo', 'rso'], criteria: 'The risk report finds the safeguards in place.' }],
      review: { cadence_months: 12, owner: 'rso' },
      incident_response: { report_within_days: 15, imminent_danger_within_hours: 24, to: ['state-authority'], owner: 'rso' },
      noncompliance_reporting: { channel: 'Anonymous hotline', anonymous: true },
      external_review: { by: 'An outside lab', scope: 'Risk reports' },
    },
    changes: [{ version: '2.0', date: '2026-02-24', summary: 'Second version.' }],
    compliance: { profiles: ['./all-checks.profile.yaml'], claims: [{ requirement: 'all-checks/claim', statement: 'We do it.' }] },
  };
}

/** For each check: how to break it in the full policy. */
const BREAK = {
  'thresholds-defined': (p) => { p.thresholds = p.thresholds.filter((t) => t.role === 'alert'); p.thresholds[0].role = 'research'; delete p.thresholds[0].warns; },
  'safeguards-for-thresholds': (p) => { delete p.thresholds[1].requires; },
  'evaluations-defined': (p) => { delete p.thresholds[1].evaluations; },
  'evaluation-cadence': (p) => { delete p.thresholds[0].evaluations[0].cadence; },
  'early-warning': (p) => { p.thresholds = p.thresholds.filter((t) => t.role !== 'alert'); },
  'security-standard': (p) => { delete p.standards[0].security; },
  'deployment-standard': (p) => { delete p.standards[0].deployment; },
  'halting-conditions': (p) => { delete p.thresholds[1].if_unmet; },
  'accountable-role': (p) => { delete p.governance.decisions[0].by; },
  'deployment-decision': (p) => { p.governance.decisions[0].decision = 'develop'; },
  'framework-review': (p) => { p.governance.review.cadence_months = 24; },
  'incident-reporting': (p) => { delete p.governance.incident_response.imminent_danger_within_hours; },
  'domains-covered': (p) => { p.thresholds[1].domain = 'autonomy'; },
  'change-log': (p) => { p.changes[0].version = '1.0'; },
  'noncompliance-reporting': (p) => { delete p.governance.noncompliance_reporting; },
  'external-review': (p) => { delete p.governance.external_review; },
  'risk-reporting': (p) => { p.risk_reports.cadence_months = 12; },
  publication: (p) => { delete p.policy.url; },
  claim: (p) => { p.compliance.claims[0].statement = '   '; },
};
/** What the gap message of each broken check names (the field that would satisfy it). */
const NEED = {
  'thresholds-defined': /'thresholds'/, 'safeguards-for-thresholds': /T-cyber/, 'evaluations-defined': /T-cyber/, 'evaluation-cadence': /ev-1.*'cadence'/,
  'early-warning': /role: alert/, 'security-standard': /'security'/, 'deployment-standard': /'deployment'/, 'halting-conditions': /T-cyber.*if_unmet/,
  'accountable-role': /D-deploy.*'by'/, 'deployment-decision': /decision: deploy/, 'framework-review': /is 24; at most 12/,
  'incident-reporting': /imminent_danger_within_hours/, 'domains-covered': /domain: cyber/, 'change-log': /version 2\.0/, 'noncompliance-reporting': /noncompliance_reporting/,
  'external-review': /external_review/, 'risk-reporting': /is 12; at most 6/, publication: /policy\.url/, claim: /statement/,
};

describe('built-in profiles', () => {
  test('each is a valid profile document with no findings; every requirement has a citation, a title, a summary and a check', () => {
    const files = fs.readdirSync(path.join(ROOT, 'profiles')).filter((f) => f.endsWith('.profile.yaml')).sort();
    assert.deepEqual(files.map((f) => f.replace('.profile.yaml', '')), BUILTIN);
    const r = lintJson(['profiles']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(r.findings, []);
    for (const f of files) {
      const doc = YAML.parse(fs.readFileSync(path.join(ROOT, 'profiles', f), 'utf8'));
      assert.equal(doc.profile.id, f.replace('.profile.yaml', ''));
      assert.ok(doc.profile.source, `${f}: source`);
      for (const q of doc.requirements) for (const k of ['id', 'citation', 'title', 'summary', 'check']) assert.ok(q[k], `${f} ${q.id}: ${k}`);
    }
  });

  test('the engine carries the current profile texts (scripts/gen-profiles.mjs)', async () => {
    const { generate, OUT } = await import('../scripts/gen-profiles.mjs');
    assert.equal(fs.readFileSync(OUT, 'utf8'), generate());
  });

  test('docs/compliance.md: its tables are the built-in profiles as shipped', async () => {
    const { docText, DOC } = await import('../scripts/gen-profiles.mjs');
    assert.equal(fs.readFileSync(DOC, 'utf8'), await docText(), 'run node scripts/gen-profiles.mjs --docs');
    const text = fs.readFileSync(DOC, 'utf8');
    for (const id of BUILTIN) assert.ok(text.includes(`\n### \`${id}\` — `), id);
    assert.match(text, /not legal advice/i);
    const cov = rspLint(['coverage', 'examples/example-labs']);
    assert.equal(cov.status, 0);
    for (const line of ['  ca-sb53 — California SB 53 (TFAIA) — frontier AI framework: 15 met, 0 gaps', '22 requirements of 2 profiles in 1 policy: 22 met, 0 gaps']) {
      assert.ok(cov.stdout.includes(line) && text.includes(line), line);
    }
  });

  test('the law profiles hold the elements the facts file lists', () => {
    const load = (id) => YAML.parse(fs.readFileSync(path.join(ROOT, 'profiles', `${id}.profile.yaml`), 'utf8')).requirements;
    const ca = load('ca-sb53');
    for (let i = 1; i <= 10; i++) assert.ok(ca.some((r) => r.citation === `Bus. & Prof. Code § 22757.12(a)(${i})`), `§ 22757.12(a)(${i})`);
    assert.deepEqual(ca.find((r) => r.citation === 'Bus. & Prof. Code § 22757.13').params, { max_days: 15, imminent_max_hours: 24 });
    assert.deepEqual(ca.find((r) => r.id === 'yearly-review').params, { max_months: 12 });
    assert.ok(ca.some((r) => r.citation === 'Labor Code § 1107.1' && r.check === 'noncompliance-reporting'));
    const ny = load('ny-raise');
    for (const l of 'abcdefghij') assert.ok(ny.some((r) => r.citation === `Gen. Bus. Law § 1421(1)(${l})`), `§ 1421(1)(${l})`);
    assert.deepEqual(ny.find((r) => r.citation === 'Gen. Bus. Law § 1422').params, { max_hours: 72, imminent_max_hours: 24 });
    assert.match(ny.find((r) => r.id === 'republication').summary, /unconfirmed/);
    const eu = load('eu-gpai-cop-ss');
    assert.deepEqual(eu.find((r) => r.id === 'specified-risks').params.domains, ['cbrn', 'loss-of-control', 'cyber', 'harmful-manipulation']);
    assert.deepEqual(eu.filter((r) => r.citation === 'Measure 9.3').map((r) => r.params.max_days), [2, 5, 10, 15]);
    assert.ok(eu.some((r) => r.citation === 'Measure 6.1' && /Security Goal/.test(r.title)));
    assert.ok(eu.some((r) => r.id === 'changelog' && r.check === 'change-log'));
  });
});

describe('the checks of §9.1 (rsp-lint coverage --format json)', () => {
  const dir = tmp();
  fs.copyFileSync(ALL_CHECKS, path.join(dir, 'all-checks.profile.yaml'));
  fs.writeFileSync(path.join(dir, 'full.rsp.yaml'), YAML.stringify(fullPolicy()));
  for (const [check, breakIt] of Object.entries(BREAK)) {
    const p = fullPolicy();
    breakIt(p);
    p.policy.id = `no-${check}`;
    fs.writeFileSync(path.join(dir, `no-${check}.rsp.yaml`), YAML.stringify(p));
  }
  // One process for all of them; a second with stylish for the messages.
  const r = rspLint(['coverage', '--format', 'json', '.'], { cwd: dir });
  const rows = JSON.parse(r.stdout);
  const lint = lintJson(['.'], { cwd: dir });

  test('the output is one array of objects with exactly the fields of §7', () => {
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Array.isArray(rows));
    for (const o of rows) {
      assert.deepEqual(Object.keys(o), ['policy', 'profile', 'requirement', 'citation', 'status', 'via', 'by']);
      assert.ok(['met', 'gap'].includes(o.status));
      assert.ok(o.status === 'gap' ? o.via === null : ['check', 'claim'].includes(o.via));
    }
  });

  test('a policy with every element meets every check (the claim by its statement)', () => {
    const full = rows.filter((o) => o.policy === 'full.rsp.yaml');
    assert.equal(full.length, Object.keys(BREAK).length);
    assert.deepEqual(full.filter((o) => o.status !== 'met').map((o) => o.requirement), []);
    assert.deepEqual(full.find((o) => o.requirement === 'claim').via, 'claim');
    assert.deepEqual(full.find((o) => o.requirement === 'thresholds-defined').by, ['T-cbrn', 'T-cyber']);
    assert.deepEqual(full.find((o) => o.requirement === 'security-standard').by, ['ASL-3']);
    assert.deepEqual(full.find((o) => o.requirement === 'deployment-decision').by, ['D-deploy']);
  });

  for (const check of Object.keys(BREAK)) {
    test(`${check}: a gap when the policy lacks it, and the message names what would meet it`, () => {
      const mine = rows.filter((o) => o.policy === `no-${check}.rsp.yaml`);
      const gaps = mine.filter((o) => o.status === 'gap').map((o) => o.requirement);
      // Without any threshold, the checks about every threshold have nothing to show either.
      if (check === 'thresholds-defined') assert.ok(gaps.includes(check) && !gaps.includes('change-log'), gaps.join(', '));
      else assert.deepEqual(gaps, [check]);
      const f = lint.findings.find((x) => x.path === `no-${check}.rsp.yaml` && x.rule === 'compliance-gap');
      assert.ok(f, JSON.stringify(lint.findings.filter((x) => x.path === `no-${check}.rsp.yaml`)));
      assert.match(f.message, new RegExp(`^all-checks/${check} \\(T §\\d+: t\\) is not met`));
      assert.match(f.message, NEED[check]);
    });
  }
});

describe('rsp-lint coverage', () => {
  const dir = tmp();
  const policy = fullPolicy();
  policy.compliance = { profiles: ['ca-sb53', 'eu-gpai-cop-ss'], claims: [{ requirement: 'ca-sb53/internal-use', by: ['T-cbrn'], section: '§7.2' }] };
  fs.writeFileSync(path.join(dir, 'acme.rsp.yaml'), YAML.stringify(policy));

  test('a compliance officer lists ca-sb53 and eu-gpai-cop-ss and sees each unaddressed element with its citation', () => {
    const r = rspLint(['coverage', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^acme\.rsp\.yaml$/m);
    assert.match(r.stdout, /ca-sb53 — California SB 53 \(TFAIA\) — frontier AI framework: \d+ met, \d+ gaps/);
    assert.match(r.stdout, /met {2}ca-sb53\/internal-use {2}Bus\. & Prof\. Code § 22757\.12\(a\)\(10\) {2}\(claim §7\.2: T-cbrn\)/);
    assert.match(r.stdout, /gap {2}ca-sb53\/standards {2}Bus\. & Prof\. Code § 22757\.12\(a\)\(1\)/);
    assert.match(r.stdout, /gap {2}eu-gpai-cop-ss\/specified-risks {2}Appendix 1\.4 .*\n\s+add a threshold with 'domain: loss-of-control' \(and for harmful-manipulation\)/);
    assert.match(r.stdout, /gap {2}eu-gpai-cop-ss\/incidents-infrastructure {2}Measure 9\.3 .*\n\s+incidents are reported within 15 days; at most 2 days is required/);
    assert.match(r.stdout.trimEnd().split('\n').pop(), /^\d+ requirements of 2 profiles in 1 policy: \d+ met, \d+ gaps$/);
    const lint = lintJson(['.'], { cwd: dir });
    assert.equal(lint.status, 0, 'gaps are warnings: CI passes');
    const gaps = lint.findings.filter((f) => f.rule === 'compliance-gap');
    assert.ok(gaps.some((f) => /^ca-sb53\/standards \(Bus\. & Prof\. Code § 22757\.12\(a\)\(1\): /.test(f.message) && f.severity === 'warning'));
    assert.ok(gaps.some((f) => /^eu-gpai-cop-ss\/security-goal \(Measure 6\.1: /.test(f.message)));
    assert.ok(!gaps.some((f) => /ca-sb53\/internal-use/.test(f.message)), 'the claim meets it');
  });

  test('--format markdown: a table per profile with citations, and the note that this is not legal advice', () => {
    const r = rspLint(['coverage', '--format', 'markdown', '.'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^## Compliance coverage/);
    assert.match(r.stdout, /\| \*\*internal-use\*\* Catastrophic risk from internal use assessed and managed \| Bus\. &amp; Prof\. Code § 22757\.12\(a\)\(10\) \| ✅ met \| claim \(§7\.2\): T-cbrn/);
    assert.match(r.stdout, /not legal advice/);
  });

  test('--profile checks one profile, listed or not; a gap of severity error exits 1', () => {
    const r = rspLint(['coverage', '--profile', 'seoul-2024', '--format', 'json', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const rows = JSON.parse(r.stdout);
    assert.deepEqual([...new Set(rows.map((o) => o.profile))], ['seoul-2024']);
    fs.writeFileSync(path.join(dir, 'strict.profile.yaml'), 'format: rsp/v2\nkind: profile\nprofile: { id: strict, title: Strict }\nrequirements:\n  - { id: IR, citation: "§1", title: Fast, check: incident-reporting, params: { max_hours: 12 }, severity: error }\n');
    const e = rspLint(['coverage', '--profile', './strict.profile.yaml', '--format', 'json', 'acme.rsp.yaml'], { cwd: dir });
    assert.equal(e.status, 1, e.stderr);
    assert.deepEqual(JSON.parse(e.stdout).map((o) => [o.requirement, o.status]), [['IR', 'gap']]);
  });

  test('compliance-gap set to error in .rsp-lint.yaml raises every gap: the lint and coverage exit 1', () => {
    const d = tmp();
    fs.writeFileSync(path.join(d, 'acme.rsp.yaml'), YAML.stringify(policy));
    fs.writeFileSync(path.join(d, '.rsp-lint.yaml'), 'rules:\n  compliance-gap: error\n');
    const lint = lintJson(['.'], { cwd: d });
    assert.equal(lint.status, 1);
    assert.ok(lint.findings.filter((f) => f.rule === 'compliance-gap').every((f) => f.severity === 'error'));
    const cov = rspLint(['coverage', '.'], { cwd: d });
    assert.equal(cov.status, 1);
    assert.match(cov.stdout, /\(\d+ of severity error\)$/m);
    fs.writeFileSync(path.join(d, '.rsp-lint.yaml'), 'rules:\n  compliance-gap: off\n');
    assert.deepEqual(lintJson(['.'], { cwd: d }).findings.filter((f) => f.rule === 'compliance-gap'), []);
  });

  test('usage errors and empty runs exit 2; --allow-empty 0', () => {
    const empty = tmp();
    let r = rspLint(['coverage', '.'], { cwd: empty });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no RSP documents found/);
    r = rspLint(['coverage', '--allow-empty', '--format', 'json', '.'], { cwd: empty });
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '[]\n');
    r = rspLint(['coverage', '--format', 'sarif', '.'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown format 'sarif'; use one of stylish, json, markdown/);
    r = rspLint(['coverage', '--profile', 'ca-sb35', '.'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /'ca-sb35' is not a built-in profile/);
  });

  test('a policy that lists no profile: the summary says so', () => {
    const d = tmp();
    const p = fullPolicy();
    delete p.compliance;
    fs.writeFileSync(path.join(d, 'a.rsp.yaml'), YAML.stringify(p));
    const r = rspLint(['coverage', '.'], { cwd: d });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^1 policy checked: none lists a compliance profile/m);
  });
});

describe('compliance in the editor (LSP stdio)', () => {
  const dir = tmp();
  const P = path.join(dir, 'acme.rsp.yaml');
  const PROFILE = path.join(dir, 'internal.profile.yaml');
  const profileText = 'format: rsp/v2\nkind: profile\nprofile:\n  id: internal\n  title: Internal controls\nrequirements:\n  - id: IR-1\n    citation: "Std §4.2"\n    title: Incidents reported within 3 days\n    summary: Security incidents reach the board within three days.\n    check: incident-reporting\n    params: { max_days: 3 }\n  - id: USE-1\n    citation: "Std §5"\n    title: Internal use reviewed\n    check: claim\n';
  fs.writeFileSync(PROFILE, profileText);
  const text = `format: rsp/v2
kind: policy
policy:
  id: acme
  title: Acme policy
  organization: Acme
  version: "1.0"
  effective: 2026-02-24
standards:
  - id: ASL-3
    summary: Robust.
    security:
      - id: sg-x
        title: Egress limits
thresholds:
  - id: T-1
    domain: cbrn
    title: Threshold
    requires: ASL-3
    evaluations:
      - id: ev-1
        name: Uplift trial
governance:
  incident_response:
    report_within_days: 15
compliance:
  profiles: [ca-sb53, ./internal.profile.yaml]
  claims:
    - requirement: ca-sb53/internal-use
      statement: We monitor internal use.
    - requirement: internal/USE-1
      by: [T-1]
`;
  fs.writeFileSync(P, text);
  let lsp;
  before(async () => { lsp = await startLsp({ root: dir }); lsp.open(uri(P), text, 'rsp-policy'); });
  after(async () => { await lsp?.shutdown(); });

  test('compliance-gap on the profile entry, citing the requirement; a claim stub as the quick fix, still flagged until filled in', async () => {
    const d = await lsp.waitDiagnostics(uri(P), (p) => p.diagnostics.some((x) => x.code === 'compliance-gap'));
    const gap = d.diagnostics.find((x) => x.code === 'compliance-gap' && /^ca-sb53\/standards /.test(x.message));
    assert.ok(gap, JSON.stringify(d.diagnostics.map((x) => x.message)));
    assert.equal(gap.severity, 2);
    assert.deepEqual(gap.range.start, posOf(text, 'ca-sb53,'));
    assert.match(gap.message, /Bus\. & Prof\. Code § 22757\.12\(a\)\(1\)/);
    const mine = d.diagnostics.find((x) => /^internal\/IR-1 \(Std §4\.2: Incidents reported within 3 days\) is not met: incidents are reported within 15 days; at most 3 days is required/.test(x.message));
    assert.ok(mine);
    assert.deepEqual(mine.range.start, posOf(text, './internal.profile.yaml'));
    const actions = await lsp.request('textDocument/codeAction', { textDocument: { uri: uri(P) }, range: gap.range, context: { diagnostics: [gap] } });
    const fix = actions.find((a) => /Add a claim stub for ca-sb53\/standards/.test(a.title));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const [edit] = fix.edit.changes[uri(P)];
    assert.equal(edit.newText, '    - requirement: ca-sb53/standards\n      statement: ""\n');
    const lines = text.split('\n');
    const at = lines.slice(0, edit.range.start.line).reduce((a, l) => a + l.length + 1, 0) + edit.range.start.character;
    const fixed = text.slice(0, at) + edit.newText + text.slice(at);
    let v = lsp.replace(uri(P), fixed);
    const after = await lsp.waitDiagnostics(uri(P), (p) => p.version === v);
    const still = after.diagnostics.find((x) => x.code === 'compliance-gap' && /^ca-sb53\/standards /.test(x.message));
    assert.ok(still, 'an empty claim meets nothing');
    assert.match(still.message, /its claim \(item 1 of compliance\.claims\) does not meet it yet — write a 'statement'/);
    assert.ok(!after.diagnostics.some((x) => x.code === 'schema'), JSON.stringify(after.diagnostics.filter((x) => x.code === 'schema')));
    const filled = fixed.replace('statement: ""', 'statement: We follow NIST AI RMF.');
    v = lsp.replace(uri(P), filled);
    const done = await lsp.waitDiagnostics(uri(P), (p) => p.version === v);
    assert.ok(!done.diagnostics.some((x) => /^ca-sb53\/standards /.test(x.message)));
    v = lsp.replace(uri(P), text);
    await lsp.waitDiagnostics(uri(P), (p) => p.version === v);
  });

  test('hover over a claim\'s requirement: citation, title and summary', async () => {
    const h = await lsp.request('textDocument/hover', { textDocument: { uri: uri(P) }, position: posOf(text, 'ca-sb53/internal-use', { delta: 10 }) });
    assert.match(h.contents.value, /Catastrophic risk from internal use assessed and managed\*\* · Bus\. &amp; Prof\. Code § 22757\.12\(a\)\(10\)/);
    assert.match(h.contents.value, /internal use/);
    assert.match(h.contents.value, /not legal advice/);
    const w = await lsp.request('textDocument/hover', { textDocument: { uri: uri(P) }, position: posOf(text, 'internal/USE-1', { delta: 10 }) });
    assert.match(w.contents.value, /Internal use reviewed\*\* · Std §5/);
    assert.match(w.contents.value, /internal\.profile\.yaml/);
  });

  test('completion of requirement ids of the listed profiles', async () => {
    const pos = posOf(text, 'ca-sb53/internal-use', { delta: 0 });
    const edited = text.replace('requirement: ca-sb53/internal-use', 'requirement: ca-sb53/');
    let v = lsp.replace(uri(P), edited);
    await lsp.waitDiagnostics(uri(P), (p) => p.version === v);
    const c = await lsp.request('textDocument/completion', { textDocument: { uri: uri(P) }, position: { line: pos.line, character: pos.character + 'ca-sb53/'.length } });
    const items = Array.isArray(c) ? c : c.items;
    const labels = items.map((i) => i.label);
    for (const l of ['ca-sb53/standards', 'ca-sb53/internal-use', 'ca-sb53/incident-deadlines', 'internal/IR-1', 'internal/USE-1']) assert.ok(labels.includes(l), `${l} in ${labels.join(', ')}`);
    assert.match(items.find((i) => i.label === 'ca-sb53/incident-deadlines').detail, /§ 22757\.13/);
    v = lsp.replace(uri(P), text);
    await lsp.waitDiagnostics(uri(P), (p) => p.version === v);
  });

  test('definition of a claim\'s requirement in a workspace profile; references back from the profile', async () => {
    const defs = await lsp.request('textDocument/definition', { textDocument: { uri: uri(P) }, position: posOf(text, 'internal/USE-1', { delta: 9 }) });
    const list = Array.isArray(defs) ? defs : [defs];
    assert.equal(list.length, 1);
    assert.equal(list[0].uri, uri(PROFILE));
    assert.deepEqual(list[0].range.start, posOf(profileText, 'USE-1'));
    const refs = await lsp.request('textDocument/references', { textDocument: { uri: uri(PROFILE) }, position: posOf(profileText, 'USE-1', { delta: 1 }), context: { includeDeclaration: false } });
    assert.ok(refs.some((r) => r.uri === uri(P) && r.range.start.line === posOf(text, 'internal/USE-1').line), JSON.stringify(refs));
  });

  test('editing the profile in the editor re-checks the policy', async () => {
    lsp.open(uri(PROFILE), profileText, 'rsp-profile');
    const pd = await lsp.waitDiagnostics(uri(PROFILE));
    assert.deepEqual(pd.diagnostics, []);
    lsp.replace(uri(PROFILE), profileText.replace('max_days: 3', 'max_days: 20'));
    const d = await lsp.waitDiagnostics(uri(P), (p) => !p.diagnostics.some((x) => /^internal\/IR-1 /.test(x.message)));
    assert.ok(d.diagnostics.some((x) => /^ca-sb53\//.test(x.message)));
    lsp.replace(uri(PROFILE), profileText.replace('  - id: USE-1', '  - id: USE-1\n    citation: "x"\n    title: dup\n    check: claim\n  - id: USE-1'));
    const pd2 = await lsp.waitDiagnostics(uri(PROFILE), (p) => p.diagnostics.some((x) => x.code === 'duplicate-id'));
    assert.ok(pd2.diagnostics.some((x) => /requirement id 'USE-1' is already used/.test(x.message)));
  });
});

describe('a workspace profile in the web extension\'s server (Chromium worker; files through the client)', { skip: !fs.existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium') && 'no Chromium' }, () => {
  test('the profile is read through rsp/readFile and its requirements checked', async () => {
    const { openWorkerPage } = await import('./lib/web-worker.mjs');
    const EX = path.join(ROOT, 'examples', 'example-labs');
    const BASE = 'vscode-vfs://github/acme/policies';
    const profile = fs.readFileSync(path.join(EX, 'example-labs-controls.profile.yaml'), 'utf8').replace('params: { max_days: 15, imminent_max_hours: 24 }', 'params: { max_days: 7, imminent_max_hours: 24 }');
    const files = {
      [`${BASE}/example-labs.rsp.yaml`]: fs.readFileSync(path.join(EX, 'example-labs.rsp.yaml'), 'utf8'),
      [`${BASE}/example-labs-controls.profile.yaml`]: profile,
    };
    const { page, close } = await openWorkerPage();
    try {
      const r = await page.evaluate(async ({ files, base }) => {
        const { until, start, log, terminate } = globalThis.startWorkerClient(files, base);
        await start();
        const diags = await until(() => { const d = log.diagnostics[`${base}/example-labs.rsp.yaml`]; return d && d.some((x) => x.code === 'compliance-gap') && d; });
        terminate();
        return { diags, log };
      }, { files, base: BASE });
      assert.deepEqual(r.log.errors, []);
      assert.ok(r.log.reads.includes(`${BASE}/example-labs-controls.profile.yaml`), 'the profile was read through the client');
      assert.deepEqual(r.diags.map((d) => d.code), ['compliance-gap']);
      assert.match(r.diags[0].message, /^example-labs-controls\/CTL-5 \(Controls Std §3\.1: .*\) is not met: incidents are reported within 15 days; at most 7 days is required/);
    } finally {
      await close();
    }
  });
});
