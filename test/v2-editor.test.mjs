// rsp/v2 in the editor, over real LSP stdio: the outline of v2 policies, roadmaps, reports and
// profiles (scales and levels, standards, thresholds by role, governance, the change log, threat
// models, decision, roadmap review, requirements); the v1 outline unchanged (a frozen copy);
// semantic tokens for the levels, standards, thresholds and scales a policy declares, decoded
// from the LSP integer encoding, in the policy and in the documents that link to it; none while
// the text does not parse; a refresh when what the policy declares changes.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './lib/cli.mjs';
import { startLsp, uri, posOf } from './lib/lsp.mjs';

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-v2-editor-'));
for (const d of ['gdm-fsf-v3', 'openai-preparedness-v2', 'example-labs']) fs.cpSync(path.join(ROOT, 'examples', d), path.join(ws, d), { recursive: true });
fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'example-labs-v1-full'), path.join(ws, 'v1'), { recursive: true });
const GDM = path.join(ws, 'gdm-fsf-v3', 'gdm-fsf-v3.rsp.yaml');
const OAI = path.join(ws, 'openai-preparedness-v2', 'openai-preparedness-v2.rsp.yaml');
const LABS = path.join(ws, 'example-labs', 'example-labs.rsp.yaml');
const LABS_R = path.join(ws, 'example-labs', 'frontier-safety.roadmap.yaml');
const LABS_Q = path.join(ws, 'example-labs', '2026-q3.risk-report.yaml');
const PROFILE = path.join(ws, 'acme.profile.yaml');
fs.writeFileSync(PROFILE, `format: rsp/v2
kind: profile
profile:
  id: acme-internal
  title: Acme security standard
requirements:
  - id: IR-1
    citation: "Acme Std §4.2"
    title: Incidents reported within 3 days
    check: incident-reporting
    params: { max_days: 3 }
  - id: PUB-1
    citation: "Acme Std §1"
    title: The framework is published
    check: publication
`);
const text = (p) => fs.readFileSync(p, 'utf8');

let lsp;
let refreshes = 0;
before(async () => {
  lsp = await startLsp({
    root: ws, settings: { today: '2026-11-23' },
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, semanticTokens: { refreshSupport: true } },
      textDocument: { publishDiagnostics: { versionSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
    },
  });
  lsp.conn.onRequest('workspace/semanticTokens/refresh', () => { refreshes++; return null; });
});
after(async () => { await lsp?.shutdown(); fs.rmSync(ws, { recursive: true, force: true }); });

/** Opens a file as the editor would and waits for its first diagnostics (the server has read it). */
async function open(p, t = text(p)) {
  lsp.open(uri(p), t);
  await lsp.waitDiagnostics(uri(p), (d) => d.version === 1);
}
const symbols = (p) => lsp.request('textDocument/documentSymbol', { textDocument: { uri: uri(p) } });
const named = (list, name) => { const s = list.find((x) => x.name === name); assert.ok(s, `no '${name}' in ${JSON.stringify(list.map((x) => x.name))}`); return s; };
const SK = { Enum: 10, EnumMember: 22, Class: 5, Event: 24, Variable: 13, Function: 12, Package: 4, Field: 8, Struct: 23, Boolean: 17, Constant: 14, Object: 19, Module: 2 };

/** Every symbol's selection range lies within its range, and children within their parent (LSP requires both). */
function assertWellFormed(list, parent) {
  const le = (a, b) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  for (const s of list) {
    assert.ok(le(s.range.start, s.selectionRange.start) && le(s.selectionRange.end, s.range.end), `${s.name}: selection outside range`);
    if (parent) assert.ok(le(parent.range.start, s.range.start) && le(s.range.end, parent.range.end), `${s.name}: outside ${parent.name}`);
    assertWellFormed(s.children ?? [], s);
  }
}
/** The text a range covers (one line). */
const slice = (t, r) => t.split('\n')[r.start.line].slice(r.start.character, r.end.character);

describe('outline of rsp/v2 documents', () => {
  test('GDM FSF v3: scale with its levels, standards with scale, CCLs with required standards, alerts with what they warn of, roles, decisions, change log', async () => {
    await open(GDM);
    const syms = await symbols(GDM);
    assertWellFormed(syms);
    assert.deepEqual(syms.map((s) => s.name), ['scales', 'standards', 'thresholds', 'commitments', 'governance', 'changes']);
    const rand = named(named(syms, 'scales').children, 'rand-sl');
    assert.equal(rand.kind, SK.Enum);
    assert.match(rand.detail, /safeguards/);
    assert.deepEqual(rand.children.map((c) => [c.name, c.kind]), ['SL1', 'SL2', 'SL3', 'SL4', 'SL5'].map((l) => [l, SK.EnumMember]));
    assert.equal(slice(text(GDM), named(rand.children, 'SL3').selectionRange), 'SL3');
    assert.match(named(rand.children, 'SL3').detail, /standard — Security level 3/);

    const sl3 = named(named(syms, 'standards').children, 'SL3');
    assert.equal(sl3.kind, SK.Class);
    assert.match(sl3.detail, /^rand-sl · defined · Security level 3/);
    assert.equal(slice(text(GDM), sl3.selectionRange), 'SL3');
    assert.deepEqual(sl3.children.map((c) => c.name), ['sl3-weight-protection']);

    const th = named(syms, 'thresholds').children;
    const ccl = named(th, 'CBRN-uplift-1');
    assert.equal(ccl.detail, 'requires SL2, deployment-mitigations — CBRN uplift, level 1');
    assert.deepEqual(ccl.children.map((c) => c.name), ['cbrn-uplift-1-assessment']);
    assert.equal(named(th, 'CBRN-uplift-1-alert').detail, 'alert → CBRN-uplift-1 — Alert threshold for CBRN uplift, level 1');

    const gov = named(syms, 'governance').children;
    const roles = named(gov, 'roles');
    assert.deepEqual(roles.children.map((r) => [r.name, r.kind]).slice(0, 2), [['agi-safety-council', SK.Variable], ['responsibility-safety-council', SK.Variable]]);
    const dep = named(named(gov, 'decisions').children, 'D-deploy');
    assert.equal(dep.kind, SK.Function);
    assert.equal(dep.detail, 'deploy · by governance-body');

    const changes = named(syms, 'changes').children;
    assert.deepEqual(changes.map((c) => c.name), ['3.0', '2.0', '1.0']);
    assert.match(changes[0].detail, /^2025-09-22 — /);
    assert.deepEqual(named(changes[0].children, 'harmful-manipulation-1'), { ...named(changes[0].children, 'harmful-manipulation-1'), kind: SK.Field, detail: 'added' });
  });

  test('OpenAI Preparedness v2: capability levels on thresholds', async () => {
    await open(OAI);
    const syms = await symbols(OAI);
    assertWellFormed(syms);
    const cap = named(named(syms, 'scales').children, 'capability');
    assert.deepEqual(cap.children.map((c) => c.name), ['High', 'Critical']);
    assert.match(named(cap.children, 'High').detail, /^thresholds bio-chem-high, /);
    assert.equal(named(named(syms, 'thresholds').children, 'bio-chem-high').detail, 'High · requires high-safeguards — Biological and chemical, High');
  });

  test('example-labs: research role, every governance part, changes with renames; the roadmap; the report with threat models, decision and roadmap review', async () => {
    await open(LABS);
    const syms = await symbols(LABS);
    assertWellFormed(syms);
    const th = named(syms, 'thresholds').children;
    assert.equal(named(th, 'AI-RND-checkpoint').detail.startsWith('alert → AI-RND-4'), true);
    assert.match(named(th, 'CYBER-watch').detail, /^research/);
    assert.deepEqual(named(syms, 'governance').children.map((g) => g.name), ['roles', 'decisions', 'review', 'incident_response', 'noncompliance_reporting', 'external_review']);
    const v3 = named(named(syms, 'changes').children, '3.0');
    assert.equal(named(v3.children, 'AI-RND-checkpoint').detail, 'renamed · from AI-RND-autonomy-checkpoint');

    await open(LABS_R);
    const road = await symbols(LABS_R);
    assertWellFormed(road);
    assert.deepEqual(road.map((s) => s.name), ['goals']);
    assert.ok(road[0].children.length > 3);

    await open(LABS_Q);
    const rep = await symbols(LABS_Q);
    assertWellFormed(rep);
    assert.deepEqual(rep.map((s) => s.name), ['threat_models', 'assessments', 'safeguards_status', 'decision', 'roadmap_review']);
    const tm = named(rep[0].children, 'TM-research-automation');
    assert.equal(tm.kind, SK.Struct);
    assert.equal(tm.detail, '→ AI-RND-checkpoint, AI-RND-4, AI-RND-5 — Automated AI research outpacing oversight');
    assert.equal(named(rep[1].children, 'CBRN-3').detail, 'near · applies ASL-3 · residual low');
    const decision = named(rep, 'decision');
    assert.equal(decision.detail, 'deploy · by ceo, rso');
    assert.equal(slice(text(LABS_Q), decision.selectionRange), 'decision');
    assert.deepEqual(named(rep, 'roadmap_review').children.map((r) => `${r.name}: ${r.detail}`), ['SAF-1: met', 'SEC-2: met', 'SAF-3: dropped']);
  });

  test('a profile: its requirements with check and citation', async () => {
    await open(PROFILE);
    const syms = await symbols(PROFILE);
    assertWellFormed(syms);
    assert.deepEqual(syms.map((s) => s.name), ['requirements']);
    assert.deepEqual(syms[0].children.map((r) => [r.name, r.kind, r.detail]), [
      ['IR-1', SK.Constant, 'incident-reporting · Acme Std §4.2 · Incidents reported within 3 days'],
      ['PUB-1', SK.Constant, 'publication · Acme Std §1 · The framework is published'],
    ]);
  });

  test('v1 outlines are exactly what they were before v2 (frozen in test/fixtures/example-labs-v1-full)', async () => {
    const r = (x) => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
    const lines = [];
    for (const f of ['2026-q3.risk-report.yaml', 'example-labs.rsp.yaml', 'frontier-safety.roadmap.yaml']) {
      const p = path.join(ws, 'v1', f);
      await open(p);
      lines.push(`# ${f}`);
      const walk = (s, d) => { lines.push(`${'  '.repeat(d)}${s.name} | ${s.kind} | ${s.detail ?? ''} | ${r(s.range)} | ${r(s.selectionRange)}`); for (const c of s.children ?? []) walk(c, d + 1); };
      for (const s of await symbols(p)) walk(s, 0);
    }
    assert.equal(lines.join('\n') + '\n', text(path.join(ROOT, 'test', 'fixtures', 'example-labs-v1-full', 'outline.expected.txt')));
  });
});

describe('semantic tokens', () => {
  let legend;
  before(() => { legend = lsp.init.capabilities.semanticTokensProvider?.legend; });

  /** The LSP integer encoding decoded: [{line, character, length, type, modifiers[], text}]. */
  function decode(data, t) {
    assert.equal(data.length % 5, 0);
    const lines = t.split('\n');
    const out = [];
    let line = 0, character = 0;
    for (let i = 0; i < data.length; i += 5) {
      const [dl, dc, length, type, mods] = data.slice(i, i + 5);
      assert.ok(dl >= 0 && (dl > 0 || dc >= 0 || i === 0), 'tokens in order');
      line += dl;
      character = dl ? dc : character + dc;
      out.push({ line, character, length, type: legend.tokenTypes[type], modifiers: legend.tokenModifiers.filter((_, b) => mods & (1 << b)), text: lines[line].slice(character, character + length) });
    }
    return out;
  }
  const full = async (p, t = text(p)) => decode((await lsp.request('textDocument/semanticTokens/full', { textDocument: { uri: uri(p) } })).data, t);
  /** The token at the `nth` occurrence of `needle` (after `delta` characters). */
  const at = (tokens, t, needle, opts) => { const pos = posOf(t, needle, opts); return tokens.find((k) => k.line === pos.line && k.character === pos.character); };
  const expectToken = (tokens, t, needle, opts, type, modifiers = []) => {
    const k = at(tokens, t, needle, opts);
    assert.ok(k, `no token at '${needle}' ${JSON.stringify(opts)}`);
    const word = t.split('\n')[k.line].slice(k.character).match(/^[\w.-]+/)?.[0];
    assert.deepEqual([k.text, k.type, k.modifiers], [word, type, modifiers], `at '${needle}'`);
    return k;
  };

  test('announced with a legend, full and range', () => {
    const p = lsp.init.capabilities.semanticTokensProvider;
    assert.deepEqual(p.legend, { tokenTypes: ['enumMember', 'type', 'event', 'namespace'], tokenModifiers: ['declaration', 'defaultLibrary'] });
    assert.equal(p.full, true);
    assert.equal(p.range, true);
  });

  test('GDM FSF v3: security levels where they are declared and used, standards, the CCL an alert warns of', async () => {
    await open(GDM);
    const t = text(GDM);
    const tokens = await full(GDM);
    // levels: [SL1, SL2, SL3, SL4, SL5]
    expectToken(tokens, t, 'SL3, SL4, SL5]', undefined, 'enumMember', ['declaration']);
    expectToken(tokens, t, 'SL1, SL2', undefined, 'enumMember', ['declaration']);
    // - id: SL3 (the standard), its scale, its security level
    expectToken(tokens, t, '- id: SL3', { delta: 6 }, 'type', ['declaration']);
    expectToken(tokens, t, 'security_level: SL3', { delta: 16 }, 'enumMember');
    expectToken(tokens, t, 'scale: rand-sl', { delta: 7 }, 'namespace');
    expectToken(tokens, t, '- id: rand-sl', { delta: 6 }, 'namespace', ['declaration']);
    // requires: [SL3, deployment-mitigations]
    expectToken(tokens, t, 'requires: [SL3', { delta: 11 }, 'type');
    expectToken(tokens, t, 'requires: [SL3, deployment-mitigations]', { delta: 16 }, 'type');
    // warns: CBRN-uplift-1, and the CCL's own id
    const w = expectToken(tokens, t, 'warns: CBRN-uplift-1', { delta: 7 }, 'event');
    assert.equal(w.text, 'CBRN-uplift-1');
    expectToken(tokens, t, '- id: CBRN-uplift-1\n', { delta: 6 }, 'event', ['declaration']);
    // Nothing else is a token: titles, descriptions, domains, evaluation ids.
    assert.equal(at(tokens, t, 'domain: cbrn', { delta: 8 }), undefined);
    assert.equal(at(tokens, t, 'cbrn-uplift-1-assessment'), undefined);
    assert.ok(tokens.every((k) => k.text.length === k.length && !/\s/.test(k.text)), 'each token covers exactly its value');
  });

  test('OpenAI Preparedness v2: High and Critical on the capability scale and on thresholds', async () => {
    await open(OAI);
    const t = text(OAI);
    const tokens = await full(OAI);
    expectToken(tokens, t, 'levels: [High', { delta: 9 }, 'enumMember', ['declaration']);
    expectToken(tokens, t, 'High, Critical]', { delta: 6 }, 'enumMember', ['declaration']);
    expectToken(tokens, t, 'level: High', { delta: 7 }, 'enumMember');
    expectToken(tokens, t, 'level: Critical', { delta: 7 }, 'enumMember');
    expectToken(tokens, t, 'requires: high-safeguards', { delta: 10 }, 'type');
  });

  test('a report and a roadmap: the ids of the policy they link to', async () => {
    await open(LABS);
    await open(LABS_Q);
    const q = text(LABS_Q);
    const rt = await full(LABS_Q);
    expectToken(rt, q, 'standard_applied: ASL-3', { delta: 18 }, 'type');
    expectToken(rt, q, '- threshold: CBRN-3', { delta: 13 }, 'event');
    expectToken(rt, q, 'thresholds: [AI-RND-checkpoint, AI-RND-4', { delta: 32 }, 'event');
    assert.equal(at(rt, q, '- goal: SAF-1', { delta: 8 }), undefined, 'goal ids are not the policy\'s');

    await open(LABS_R);
    const r = text(LABS_R);
    const roadTokens = await full(LABS_R);
    const supports = roadTokens.filter((k) => k.type === 'type' || k.type === 'event');
    assert.ok(supports.length > 0, 'supports name standards or thresholds');
    for (const k of supports) assert.match(r.split('\n')[k.line], /supports:|^\s+- /);
  });

  test('a range request returns the tokens of that range', async () => {
    const t = text(GDM);
    const all = await full(GDM);
    const start = posOf(t, '- id: CBRN-uplift-1\n').line;
    const range = { start: { line: start, character: 0 }, end: { line: start + 20, character: 0 } };
    const part = decode((await lsp.request('textDocument/semanticTokens/range', { textDocument: { uri: uri(GDM) }, range })).data, t);
    assert.ok(part.length >= 3);
    assert.deepEqual(part, all.filter((k) => k.line >= start && k.line <= start + 20));
  });

  test('quoted values: the token covers the value, not the quotes; v1 standards are tokens too', async () => {
    const p = path.join(ws, 'v1', 'example-labs.rsp.yaml');
    const t = text(p).replace('requires: ASL-3', 'requires: "ASL-3"');
    lsp.replace(uri(p), t);
    await lsp.waitDiagnostics(uri(p), (d) => d.version === 2);
    const tokens = await full(p, t);
    expectToken(tokens, t, 'requires: "ASL-3"', { delta: 11 }, 'type');
    expectToken(tokens, t, '- level: ASL-3', { delta: 9 }, 'type', ['declaration']);
  });

  test('a document that does not parse has no tokens (and no error); they come back once it parses', async () => {
    const p = path.join(ws, 'gdm-fsf-v3', 'draft.rsp.yaml');
    const good = text(GDM);
    lsp.open(uri(p), good);
    await lsp.waitDiagnostics(uri(p), (d) => d.version === 1);
    assert.ok((await full(p, good)).length > 10);
    for (const broken of [
      good.replace('requires: [SL2, deployment-mitigations]', 'requires: [SL2, deployment-mitigations'),
      good.replace('  - id: SL3\n', '  - id: SL3\n    scale: [rand-sl\n'),
      good.replace('kind: policy', 'kind: policy\n\t: : ['),
      '',
      ': : :\n- [',
    ]) {
      const v = lsp.replace(uri(p), broken);
      await lsp.waitDiagnostics(uri(p), (d) => d.version === v);
      const r = await lsp.request('textDocument/semanticTokens/full', { textDocument: { uri: uri(p) } });
      assert.deepEqual(r, { data: [] }, JSON.stringify(broken.slice(0, 40)));
      const rr = await lsp.request('textDocument/semanticTokens/range', { textDocument: { uri: uri(p) }, range: { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } } });
      assert.deepEqual(rr, { data: [] });
    }
    // Valid YAML of the wrong shapes: no tokens either.
    const odd = 'format: rsp/v2\nkind: policy\nscales: 3\nstandards: {x: 1}\nthresholds: [[], 1, null, {id: [], warns: {a: 1}, requires: [[1]]}]\n';
    let v = lsp.replace(uri(p), odd);
    await lsp.waitDiagnostics(uri(p), (d) => d.version === v);
    assert.deepEqual(await lsp.request('textDocument/semanticTokens/full', { textDocument: { uri: uri(p) } }), { data: [] });
    v = lsp.replace(uri(p), good);
    await lsp.waitDiagnostics(uri(p), (d) => d.version === v);
    assert.ok((await full(p, good)).length > 10);
    assert.doesNotMatch(lsp.stderr, /semantic tokens .* failed/);
  });

  test('a report open beside its policy: a new level or standard in the policy asks the editor to refresh tokens', async () => {
    await open(LABS);
    await open(LABS_Q);
    await new Promise((r) => setTimeout(r, 600)); // the policy's vocabulary is noted after opening
    const before = refreshes;
    const t = text(LABS).replace('levels: [ASL-1, ASL-2, ASL-3, ASL-4]', 'levels: [ASL-1, ASL-2, ASL-3, ASL-4, ASL-5]');
    lsp.replace(uri(LABS), t);
    for (let i = 0; i < 60 && refreshes === before; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(refreshes, before + 1);
    // An edit that changes no declared id (a title) does not.
    lsp.replace(uri(LABS), t.replace('title: AI Safety Levels', 'title: AI Safety Levels (ASL)'));
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(refreshes, before + 1);
  });
});
