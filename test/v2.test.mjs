// Format rsp/v2 through the real entry points: the shipped framework examples lint as their
// READMEs say, v1 and v2 documents mix, a v1 name in a v2 document is one finding with its fix,
// the v1 rules apply by role, and the editor answers hovers, definitions and completion on v2
// documents over LSP stdio.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, lintJson, rspLint } from './lib/cli.mjs';
import { startLsp, uri, posOf } from './lib/lsp.mjs';

const EX = (d) => path.join(ROOT, 'examples', d);
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-v2-'));
const counts = (findings) => findings.reduce((m, f) => ({ ...m, [`${f.severity}:${f.rule}`]: (m[`${f.severity}:${f.rule}`] ?? 0) + 1 }), {});

describe('the real frameworks as rsp/v2 examples lint with no error', () => {
  for (const [dir, today, expected] of [
    // compliance-gap: the requirements of seoul-2024 and metr-common-elements each README names as not encoded.
    ['anthropic-rsp-v3', '2026-04-15', { 'warning:asl-not-defined': 2, 'warning:compliance-gap': 2 }],
    ['openai-preparedness-v2', '2025-06-01', { 'warning:asl-not-defined': 3, 'warning:threshold-without-evaluation': 5, 'warning:compliance-gap': 7 }],
    ['gdm-fsf-v3', '2025-10-01', { 'warning:asl-not-defined': 2, 'warning:compliance-gap': 6 }],
    ['example-labs', '2026-11-23', {}],
  ]) {
    test(`${dir}: only the warnings that are true of the framework`, () => {
      const r = lintJson(['--today', today, EX(dir)]);
      assert.deepEqual(counts(r.findings), expected, JSON.stringify(r.findings.map((f) => `${f.rule}: ${f.message}`), null, 1));
      assert.equal(r.status, 0);
    });
  }
});

describe('compatibility', () => {
  test('a v1 name in a v2 document is one schema finding naming the v2 name, and --fix renames it', () => {
    const dir = tmp();
    const policy = fs.readFileSync(path.join(EX('example-labs-v1'), 'example-labs.rsp.yaml'), 'utf8').replace('format: rsp/v1', 'format: rsp/v2');
    fs.writeFileSync(path.join(dir, 'p.rsp.yaml'), policy);
    const r = lintJson(['--today', '2026-11-23', 'p.rsp.yaml'], { cwd: dir });
    const schema = r.findings.filter((f) => f.rule === 'schema');
    const top = schema.filter((f) => /'asl_standards' is the rsp\/v1 name; in an rsp\/v2 document it is 'standards'/.test(f.message));
    assert.equal(top.length, 1, JSON.stringify(schema.map((f) => f.message)));
    assert.ok(schema.every((f) => /is the rsp\/v1 name/.test(f.message)), 'no unknown-key or missing-field finding besides the renames');
    assert.ok(schema.some((f) => /'level' is the rsp\/v1 name; in an rsp\/v2 document it is 'id'/.test(f.message)));
    const fixed = rspLint(['--fix', '--today', '2026-11-23', 'p.rsp.yaml'], { cwd: dir });
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    const text = fs.readFileSync(path.join(dir, 'p.rsp.yaml'), 'utf8');
    assert.match(text, /^standards:/m);
    assert.doesNotMatch(text, /^asl_standards:|^\s+- level:/m);
  });

  test('a v2 roadmap links a v1 policy (the shipped v1 example), and a v1 report a v2 policy', () => {
    // examples/example-labs-v1: a v1 policy and report, and a v2 roadmap whose goals support the v1 policy's ids.
    const formats = Object.fromEntries(fs.readdirSync(EX('example-labs-v1')).filter((f) => f.endsWith('.yaml'))
      .map((f) => [f, /^format: (\S+)$/m.exec(fs.readFileSync(path.join(EX('example-labs-v1'), f), 'utf8'))[1]]));
    assert.deepEqual(formats, { '2026-q3.risk-report.yaml': 'rsp/v1', 'example-labs.rsp.yaml': 'rsp/v1', 'frontier-safety.roadmap.yaml': 'rsp/v2' });
    const clean = lintJson(['--today', '2026-11-23', EX('example-labs-v1')]);
    assert.equal(clean.status, 0);
    assert.deepEqual(clean.findings, []);
    // The links are followed, not ignored: a misspelt id in the v2 roadmap is named against the v1 policy.
    const dir = tmp();
    fs.cpSync(EX('example-labs-v1'), dir, { recursive: true });
    const rm = path.join(dir, 'frontier-safety.roadmap.yaml');
    fs.writeFileSync(rm, fs.readFileSync(rm, 'utf8').replace('supports: [asl3-two-party-access]', 'supports: [asl3-two-party-acess]'));
    const r = lintJson(['--today', '2026-11-23', dir]);
    assert.deepEqual(r.findings.map((f) => `${f.severity} ${f.rule} ${f.message}`), ["error unknown-reference goal SEC-1 supports 'asl3-two-party-acess', which is not an id or ASL level of the policy example-labs.rsp.yaml; did you mean 'asl3-two-party-access'?"]);
    // The small v1 report beside the v2 policy: read against the v2 policy's thresholds, alert and standards.
    const v2dir = tmp();
    fs.cpSync(EX('example-labs'), v2dir, { recursive: true });
    fs.copyFileSync(path.join(EX('example-labs-v1'), '2026-q3.risk-report.yaml'), path.join(v2dir, 'v1.risk-report.yaml'));
    const r2 = lintJson(['--today', '2026-11-23', path.join(v2dir, 'v1.risk-report.yaml')]);
    assert.deepEqual(counts(r2.findings), { 'warning:threshold-not-assessed': 3, 'error:crossed-without-safeguards': 9 }, JSON.stringify(r2.findings.map((f) => f.message)));
    const unassessed = r2.findings.filter((f) => f.rule === 'threshold-not-assessed').map((f) => /threshold (\S+)/.exec(f.message)[1]);
    assert.deepEqual(unassessed, ['CBRN-4', 'AI-RND-checkpoint', 'AI-RND-5'], 'the alert is assessed too; the research category is not');
    assert.ok(r2.findings.filter((f) => f.rule === 'crossed-without-safeguards').every((f) => /^CBRN-3 is 'near', but its required safeguard asl3-\S+ \(ASL-3 (deployment|security)\)/.test(f.message)));
  });

  test('an unknown format names both formats', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'p.rsp.yaml'), 'format: rsp/v3\nkind: policy\n');
    const r = lintJson(['p.rsp.yaml'], { cwd: dir });
    assert.ok(r.findings.some((f) => /unsupported format 'rsp\/v3'; this tool reads 'rsp\/v1' and 'rsp\/v2'/.test(f.message)), JSON.stringify(r.findings));
  });
});

describe('v2 rules by role and references', () => {
  const base = fs.readFileSync(path.join(EX('gdm-fsf-v3'), 'gdm-fsf-v3.rsp.yaml'), 'utf8');
  const lint = (text) => { const dir = tmp(); fs.writeFileSync(path.join(dir, 'p.rsp.yaml'), text); return lintJson(['--today', '2025-10-01', 'p.rsp.yaml'], { cwd: dir }).findings; };
  test('an alert needs no safeguards, a threshold does', () => {
    assert.ok(!lint(base).some((f) => f.rule === 'threshold-without-safeguards'));
    const asThreshold = lint(base.replace('    role: alert\n    warns: CBRN-uplift-1\n', '    warns: CBRN-uplift-1\n'));
    assert.ok(asThreshold.some((f) => f.rule === 'threshold-without-safeguards' && /requires no standard/.test(f.message)), JSON.stringify(asThreshold.map((f) => f.message)));
  });
  test('a required standard that does not exist, a warns that names nothing, an undeclared scale', () => {
    const f = lint(base.replace('warns: CBRN-uplift-1', 'warns: CBRN-uplift-9').replace('    scale: rand-sl\n    name: Security level 2', '    scale: rand-s\n    name: Security level 2'));
    assert.ok(f.some((x) => x.rule === 'unknown-reference' && /warns of 'CBRN-uplift-9'/.test(x.message)), JSON.stringify(f.map((x) => x.message)));
    assert.ok(f.some((x) => x.rule === 'unknown-reference' && /scale 'rand-s', which this policy does not declare.*did you mean 'rand-sl'/.test(x.message)));
  });
});

describe('the editor on v2 documents (LSP stdio)', () => {
  const dir = tmp();
  fs.cpSync(EX('gdm-fsf-v3'), dir, { recursive: true });
  const P = path.join(dir, 'gdm-fsf-v3.rsp.yaml');
  const text = fs.readFileSync(P, 'utf8');
  let lsp;
  before(async () => {
    lsp = await startLsp({ root: dir, settings: { today: '2025-10-01' } });
    lsp.open(uri(P), text, 'rsp-policy');
    await lsp.waitDiagnostics(uri(P));
  });
  after(async () => { await lsp?.shutdown(); });
  const hover = async (needle, opts) => (await lsp.request('textDocument/hover', { textDocument: { uri: uri(P) }, position: posOf(text, needle, opts) }))?.contents?.value ?? '';
  test('hovers: a domain, a RAND level from the built-in reference, a scale reference, a required standard', async () => {
    assert.match(await hover('domain: ', { delta: 9 }), /Chemical, biological, radiological and nuclear/);
    assert.match(await hover('security_level: ', { delta: 17 }), /level 2 of 5 on scale `rand-sl`[\s\S]*professional but opportunistic/);
    assert.match(await hover('reference: ', { delta: 12 }), /RAND security levels for model weights/);
    assert.match(await hover('requires: ', { delta: 11 }), /Security safeguards/);
  });
  test('definition of a warned threshold and of a required standard', async () => {
    for (const [needle, target] of [['warns: ', '  - id: CBRN-uplift-1\n'], ['requires: ', '  - id: SL2\n']]) {
      const d = await lsp.request('textDocument/definition', { textDocument: { uri: uri(P) }, position: posOf(text, needle, { delta: needle.length + 1 }) });
      const loc = Array.isArray(d) ? d[0] : d;
      assert.equal(loc.range.start.line, posOf(text, target).line, `${needle} → ${JSON.stringify(loc)}`);
    }
  });
  test('completion of warns offers the policy\'s thresholds', async () => {
    const edited = text.replace('warns: CBRN-uplift-1', 'warns: CB');
    lsp.replace(uri(P), edited);
    const list = await lsp.request('textDocument/completion', { textDocument: { uri: uri(P) }, position: posOf(edited, 'warns: CB', { delta: 9 }) });
    const labels = (Array.isArray(list) ? list : list.items).map((i) => i.label);
    assert.ok(labels.includes('CBRN-uplift-1'), labels.join(', '));
    lsp.replace(uri(P), text);
  });
});

describe('quick fixes of the v2 rules (LSP stdio)', () => {
  const dir = tmp();
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'goal-done-without-date'), dir, { recursive: true });
  const R = path.join(dir, 'bad.roadmap.yaml');
  const text = fs.readFileSync(R, 'utf8');
  let lsp;
  before(async () => { lsp = await startLsp({ root: dir, settings: { today: '2026-11-23' }, initializationOptions: { today: '2026-11-23' } }); lsp.open(uri(R), text, 'rsp-roadmap'); });
  after(async () => { await lsp?.shutdown(); });
  test('goal-done-without-date offers to add completed: with today, and the finding goes once applied', async () => {
    const d = await lsp.waitDiagnostics(uri(R), (p) => p.diagnostics.some((x) => x.code === 'goal-done-without-date'));
    const diag = d.diagnostics.find((x) => x.code === 'goal-done-without-date');
    const actions = await lsp.request('textDocument/codeAction', { textDocument: { uri: uri(R) }, range: diag.range, context: { diagnostics: [diag] } });
    const fix = actions.find((a) => a.edit && /completed/.test(a.title));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const edits = fix.edit.changes[uri(R)];
    assert.ok(edits.some((e) => /completed: 2026-11-23/.test(e.newText)), JSON.stringify(edits));
    // Apply the edits (from the end) and check the finding is gone for that goal.
    const lines = text.split('\n');
    const offset = (p) => lines.slice(0, p.line).reduce((a, l) => a + l.length + 1, 0) + p.character;
    let fixed = text;
    for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) fixed = fixed.slice(0, offset(e.range.start)) + e.newText + fixed.slice(offset(e.range.end));
    lsp.replace(uri(R), fixed);
    const after = await lsp.waitDiagnostics(uri(R), (p) => p.version === 2);
    const line = diag.range.start.line;
    assert.ok(!after.diagnostics.some((x) => x.code === 'goal-done-without-date' && x.range.start.line === line), JSON.stringify(after.diagnostics.map((x) => `${x.range.start.line}:${x.code}`)));
  });
});
