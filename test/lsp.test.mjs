// The language server over real LSP stdio, driven by a JSON-RPC client process.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { CLI, ROOT } from './lib/cli.mjs';
import { startLsp, uri, posOf } from './lib/lsp.mjs';

// A private copy of the example workspace plus a roadmap with problems.
const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-lsp-'));
fs.cpSync(path.join(ROOT, 'examples', 'example-labs'), ws, { recursive: true });
const P = path.join(ws, 'example-labs.rsp.yaml');
const R = path.join(ws, 'frontier-safety.roadmap.yaml');
const Q = path.join(ws, '2026-q3.risk-report.yaml');
const BAD = path.join(ws, 'drafts', 'draft.roadmap.yaml');
fs.mkdirSync(path.dirname(BAD));
const BAD_TEXT = `format: rsp/v1
kind: roadmap
roadmap:
  id: draft
  title: Draft roadmap
  policy: ../example-labs.rsp.yaml
  published: 2026-03-01
goals:
  - id: D-1
    area: security
    title: A goal without an owner
    due: 2027-01-01
    status: in-progres
    supports: [CBRN-3]
`;
fs.writeFileSync(BAD, BAD_TEXT);
const text = (p) => fs.readFileSync(p, 'utf8');
const TODAY = '2026-11-23';

let lsp;
before(async () => { lsp = await startLsp({ root: ws, settings: { today: TODAY } }); });
after(async () => { await lsp?.shutdown(); });

describe('initialize', () => {
  test('announces the features', () => {
    const c = lsp.init.capabilities;
    for (const k of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentSymbolProvider', 'workspaceSymbolProvider']) assert.ok(c[k], k);
    assert.deepEqual(c.renameProvider, { prepareProvider: true });
    assert.ok(c.completionProvider.triggerCharacters.includes('['));
    assert.deepEqual(c.codeActionProvider.codeActionKinds, ['quickfix', 'source.rspLint.migrateToV2']);
    assert.equal(c.textDocumentSync.change, 2, 'incremental sync');
    assert.equal(lsp.init.serverInfo.name, 'rsp-lint');
  });
  test('registers a file watcher for YAML files', async () => {
    for (let i = 0; i < 50 && !lsp.registrations.length; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(lsp.registrations[0]?.method, 'workspace/didChangeWatchedFiles');
  });
});

describe('diagnostics', () => {
  test('files that are not open are checked too (workspace scan), with rule codes and docs links', async () => {
    const d = await lsp.waitDiagnostics(uri(BAD), (p) => p.diagnostics.length > 0);
    const codes = d.diagnostics.map((x) => x.code).sort();
    assert.deepEqual(codes, ['goal-without-owner', 'roadmap-area-empty', 'roadmap-area-empty', 'roadmap-area-empty', 'schema']);
    const owner = d.diagnostics.find((x) => x.code === 'goal-without-owner');
    assert.deepEqual(owner.range, { start: { line: 8, character: 8 }, end: { line: 8, character: 11 } });
    assert.equal(owner.severity, 1);
    assert.equal(owner.source, 'rsp-lint');
    const docs = fileURLToPath(owner.codeDescription.href);
    assert.ok(docs.endsWith(path.join('docs', 'rules', 'goal-without-owner.md')) && fs.existsSync(docs), owner.codeDescription.href);
    const clean = await lsp.waitDiagnostics(uri(R));
    assert.deepEqual(clean.diagnostics, []);
  });
  test('typing updates the diagnostics of an open document', async () => {
    const u = uri(BAD);
    lsp.open(u, BAD_TEXT);
    const v = lsp.edit(u, { start: posOf(BAD_TEXT, 'in-progres'), end: posOf(BAD_TEXT, 'in-progres', { delta: 10 }) }, 'in-progress');
    const d = await lsp.waitDiagnostics(u, (p) => p.version === v);
    assert.ok(!d.diagnostics.some((x) => x.code === 'schema'), JSON.stringify(d.diagnostics));
    const broken = lsp.edit(u, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, '\t');
    const s = await lsp.waitDiagnostics(u, (p) => p.version === broken);
    assert.deepEqual(s.diagnostics.map((x) => x.code), ['yaml-syntax']);
    lsp.close(u);
    const back = await lsp.waitDiagnostics(u, (p) => p.version === undefined && p.diagnostics.some((x) => x.code === 'schema'));
    assert.ok(back.diagnostics.length > 0, 'after closing, the file on disk is what counts');
  });
  test('editing a policy re-checks the roadmaps and reports that link to it', async () => {
    const pu = uri(P);
    const ptext = text(P);
    lsp.open(pu, ptext);
    await lsp.waitDiagnostics(pu, (p) => p.version === 1);
    lsp.replace(pu, ptext.replace('- id: asl3-egress-control', '- id: asl3-egress-limits'));
    const r = await lsp.waitDiagnostics(uri(R), (p) => p.diagnostics.some((x) => x.code === 'unknown-reference'));
    assert.match(r.diagnostics.find((x) => x.code === 'unknown-reference').message, /asl3-egress-control/);
    const q = await lsp.waitDiagnostics(uri(Q), (p) => p.diagnostics.some((x) => x.code === 'unknown-reference'));
    assert.ok(q.diagnostics.length > 0);
    lsp.replace(pu, ptext);
    await lsp.waitDiagnostics(uri(R), (p) => p.diagnostics.length === 0);
    lsp.close(pu);
  });
  test('plain YAML files are left alone unless they carry format: rsp/v1', async () => {
    const plain = uri(path.join(ws, 'drafts', 'ci.yaml'));
    lsp.open(plain, 'name: build\nowner: TBD\n');
    const marked = uri(path.join(ws, 'drafts', 'plain.yaml'));
    lsp.open(marked, BAD_TEXT);
    const d = await lsp.waitDiagnostics(marked, (p) => p.diagnostics.length > 0);
    assert.ok(d.diagnostics.some((x) => x.code === 'goal-without-owner'));
    assert.equal(lsp.diagnostics.has(plain), false, 'nothing published for a YAML file that is not an RSP document');
    assert.equal(await lsp.request('textDocument/hover', { textDocument: { uri: plain }, position: { line: 1, character: 1 } }), null);
    lsp.close(plain);
    lsp.close(marked);
  });
  test('settings change severities (rspLint.rules)', async () => {
    const other = await startLsp({ root: ws, settings: { today: TODAY, rules: { 'roadmap-area-empty': 'off', 'goal-without-owner': 'hint' } } });
    try {
      const d = await other.waitDiagnostics(uri(BAD), (p) => p.diagnostics.length > 0);
      assert.deepEqual(d.diagnostics.map((x) => [x.code, x.severity]).sort(), [['goal-without-owner', 4], ['schema', 1]]);
    } finally { await other.shutdown(); }
  });
});

describe('hover', () => {
  const hov = (p, position) => lsp.request('textDocument/hover', { textDocument: { uri: uri(p) }, position });
  test('over an ASL level: the standard from the workspace policy, with its safeguards', async () => {
    const h = await hov(R, posOf(text(R), 'ASL-4', { nth: 1, delta: 2 }));
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /^\*\*ASL-4 — ASL-4 Standard \(provisional\)\*\* · provisional/);
    assert.match(h.contents.value, /\*\*Security safeguards\*\*\n- `asl4-state-level-security`/);
    assert.match(h.contents.value, /Defined in .*example-labs\.rsp\.yaml/);
  });
  test('over an ASL level inside a string', async () => {
    const h = await hov(P, posOf(text(P), 'name: ASL-3 Standard', { delta: 8 }));
    assert.match(h.contents.value, /\*\*Deployment safeguards\*\*\n- `asl3-threat-modeling`/);
  });
  test('over a level no policy defines: the built-in reference, naming the section to read', async () => {
    const u = uri(path.join(ws, 'drafts', 'notes.roadmap.yaml'));
    const t = BAD_TEXT.replace('policy: ../example-labs.rsp.yaml', 'policy: ../missing.rsp.yaml').replace('title: A goal without an owner', 'title: Prepare for ASL-1 review');
    lsp.open(u, t);
    const h = await lsp.request('textDocument/hover', { textDocument: { uri: u }, position: posOf(t, 'ASL-1', { delta: 1 }) });
    assert.match(h.contents.value, /built-in reference/);
    assert.match(h.contents.value, /Read: RSP v2\.2/);
    lsp.close(u);
  });
  test('over an id: a threshold referenced from a risk report', async () => {
    const t = text(Q);
    const h = await hov(Q, posOf(t, 'threshold: CBRN-3', { delta: 12 }));
    assert.match(h.contents.value, /^\*\*Threshold CBRN-3\*\*/);
    assert.match(h.contents.value, /Requires: \*\*ASL-3\*\* \(defined\)/);
    assert.match(h.contents.value, /\*\*Required safeguards\*\*\n- `asl3-threat-modeling`/);
  });
  test('over a goal id: owner, due date, status', async () => {
    const h = await hov(R, posOf(text(R), 'SEC-1', { nth: 0, delta: 1 }));
    assert.match(h.contents.value, /^\*\*Goal SEC-1\*\*/);
    assert.match(h.contents.value, /Owner: Security Engineering · Due: 2026-05-31 · Status: `done`/);
  });
  test('over a key: the schema description', async () => {
    const h = await hov(R, posOf(text(R), 'owner:', { delta: 1 }));
    assert.match(h.contents.value, /^\*\*owner\*\*\n\nThe team or role accountable for the goal/);
  });
});

describe('completion', () => {
  const u = uri(path.join(ws, 'drafts', 'typing.roadmap.yaml'));
  const base = `format: rsp/v1
kind: roadmap
roadmap:
  id: typing
  title: Typing
  policy: ../example-labs.rsp.yaml
  published: 2026-03-01
goals:
  - id: T-1
    area: security
    title: One
    owner: Security
    due: 2027-01-01
  - id: T-2
    title: Two
`;
  const complete = async (t, needle, delta) => {
    lsp.replace(u, t);
    const r = await lsp.request('textDocument/completion', { textDocument: { uri: u }, position: posOf(t, needle, { delta }) });
    return r?.items ?? [];
  };
  before(() => lsp.open(u, base));
  after(() => lsp.close(u));
  test('keys from the schema, without those already present, with descriptions', async () => {
    const t = `${base}    \n`;
    const items = await complete(t, 'title: Two\n', 15);
    const labels = items.map((i) => i.label);
    for (const k of ['area', 'owner', 'due', 'status', 'supports', 'depends_on', 'milestones']) assert.ok(labels.includes(k), k);
    assert.ok(!labels.includes('title') && !labels.includes('id'));
    const owner = items.find((i) => i.label === 'owner');
    assert.equal(owner.detail, 'required');
    assert.match(owner.documentation.value, /accountable/);
  });
  test('enum values', async () => {
    const t = `${base}    status: in\n`;
    const labels = (await complete(t, 'status: in', 10)).map((i) => i.label);
    assert.deepEqual(labels, ['planned', 'in-progress', 'done', 'at-risk', 'dropped']);
  });
  test('ids valid at that place: supports → the linked policy\'s ids and levels', async () => {
    const t = `${base}    supports: [CBRN-3, \n`;
    const items = await complete(t, 'supports: [CBRN-3, ', 19);
    const labels = items.map((i) => i.label);
    for (const k of ['CBRN-4', 'asl3-egress-control', 'ASL-3']) assert.ok(labels.includes(k), k);
    assert.match(items.find((i) => i.label === 'asl3-egress-control').detail, /^safeguard/);
  });
  test('depends_on → goals of this roadmap', async () => {
    const t = `${base}    depends_on:\n      - \n`;
    const labels = (await complete(t, '      - \n', 8)).map((i) => i.label);
    assert.ok(labels.includes('T-1'), JSON.stringify(labels));
  });
  test('dates', async () => {
    const t = base.replace('due: 2027-01-01', 'due: ');
    const items = await complete(t, 'due: ', 5);
    assert.equal(items[0].label, TODAY);
    assert.equal(items[1].detail, 'end of this quarter');
    assert.equal(items[1].label, '2026-12-31');
  });
});

describe('navigation', () => {
  test('go to definition: a threshold in a risk report → the policy', async () => {
    const locs = await lsp.request('textDocument/definition', { textDocument: { uri: uri(Q) }, position: posOf(text(Q), 'threshold: CBRN-3', { delta: 13 }) });
    assert.equal(locs.length, 1);
    assert.equal(locs[0].uri, uri(P));
    assert.deepEqual(locs[0].range.start, posOf(text(P), '- id: CBRN-3', { delta: 6 }));
  });
  test('a threat model\'s threshold: hover, definition, and a reference of the threshold', async () => {
    const t = text(Q);
    const pos = posOf(t, 'thresholds: [CBRN-3]', { delta: 14 });
    const h = await lsp.request('textDocument/hover', { textDocument: { uri: uri(Q) }, position: pos });
    assert.match(h.contents.value, /^\*\*Threshold CBRN-3\*\*/);
    const locs = await lsp.request('textDocument/definition', { textDocument: { uri: uri(Q) }, position: pos });
    assert.equal(locs.length, 1);
    assert.deepEqual([locs[0].uri, locs[0].range.start], [uri(P), posOf(text(P), '- id: CBRN-3', { delta: 6 })]);
    const refs = await lsp.request('textDocument/references', { textDocument: { uri: uri(P) }, position: posOf(text(P), '- id: CBRN-3', { delta: 7 }), context: { includeDeclaration: false } });
    assert.ok(refs.some((l) => l.uri === uri(Q) && l.range.start.line === pos.line), JSON.stringify(refs));
  });
  test('find references across policy, roadmap and report', async () => {
    const locs = await lsp.request('textDocument/references', { textDocument: { uri: uri(P) }, position: posOf(text(P), '- id: asl3-egress-control', { delta: 8 }), context: { includeDeclaration: true } });
    const files = new Set(locs.map((l) => path.basename(fileURLToPath(l.uri))));
    assert.deepEqual([...files].sort(), ['2026-q3.risk-report.yaml', 'example-labs.rsp.yaml', 'frontier-safety.roadmap.yaml']);
  });
  test('rename an id everywhere; invalid names and non-ids are refused', async () => {
    const pos = posOf(text(R), 'supports: [CBRN-3, CBRN-4,', { delta: 12 });
    const prep = await lsp.request('textDocument/prepareRename', { textDocument: { uri: uri(R) }, position: pos });
    assert.equal(prep.placeholder, 'CBRN-3');
    const edit = await lsp.request('textDocument/rename', { textDocument: { uri: uri(R) }, position: pos, newName: 'CBRN-3a' });
    const files = Object.keys(edit.changes).map((u) => path.basename(fileURLToPath(u))).sort();
    assert.deepEqual(files, ['2026-q3.risk-report.yaml', 'draft.roadmap.yaml', 'example-labs.rsp.yaml', 'frontier-safety.roadmap.yaml']);
    assert.ok(Object.values(edit.changes).flat().every((e) => e.newText === 'CBRN-3a'));
    const inReport = edit.changes[uri(Q)].map((e) => e.range.start.line).sort((x, y) => x - y);
    assert.deepEqual(inReport, [posOf(text(Q), 'thresholds: [CBRN-3]').line, posOf(text(Q), 'threshold: CBRN-3').line], 'the threat model and the assessment');
    await assert.rejects(lsp.request('textDocument/rename', { textDocument: { uri: uri(R) }, position: pos, newName: 'not an id' }), /not a valid id/);
    await assert.rejects(lsp.request('textDocument/rename', { textDocument: { uri: uri(R) }, position: pos, newName: 'CBRN-4' }), /already defined/);
    await assert.rejects(lsp.request('textDocument/prepareRename', { textDocument: { uri: uri(R) }, position: posOf(text(R), 'title:', { delta: 1 }) }), /Only ids/);
    assert.equal(text(R).includes('CBRN-3a'), false, 'the server never writes files');
  });
  test('document symbols (outline) and workspace symbols', async () => {
    const syms = await lsp.request('textDocument/documentSymbol', { textDocument: { uri: uri(P) } });
    assert.deepEqual(syms.map((s) => s.name), ['scales', 'standards', 'thresholds', 'commitments', 'governance', 'changes']);
    const asl3 = syms[1].children.find((s) => s.name === 'ASL-3');
    assert.ok(asl3.children.some((c) => c.name === 'asl3-egress-control'));
    const ws2 = await lsp.request('workspace/symbol', { query: 'egress' });
    assert.ok(ws2.some((s) => s.name === 'asl3-egress-control' && s.location.uri === uri(P)));
  });
});

describe('code actions', () => {
  const actionsAt = async (u, diag) => lsp.request('textDocument/codeAction', { textDocument: { uri: u }, range: diag.range, context: { diagnostics: [diag] } });
  test('replace a misspelled enum value; insert an owner placeholder that stays flagged; disable; docs', async () => {
    const u = uri(BAD);
    lsp.open(u, BAD_TEXT);
    const d = await lsp.waitDiagnostics(u, (p) => p.version === 1);
    const schema = d.diagnostics.find((x) => x.code === 'schema');
    const fix = (await actionsAt(u, schema)).find((a) => a.title === "Replace with 'in-progress'");
    assert.ok(fix.isPreferred);
    assert.deepEqual(fix.edit.changes[u], [{ range: schema.range, newText: 'in-progress' }]);

    const owner = d.diagnostics.find((x) => x.code === 'goal-without-owner');
    const acts = await actionsAt(u, owner);
    const add = acts.find((a) => a.title === "Add an 'owner:' placeholder");
    assert.deepEqual(add.edit.changes[u], [{ range: { start: { line: 8, character: 11 }, end: { line: 8, character: 11 } }, newText: '\n    owner: TBD' }]);
    const lines = BAD_TEXT.split('\n');
    lines[8] += '\n    owner: TBD';
    const v = lsp.replace(u, lines.join('\n'));
    const after = await lsp.waitDiagnostics(u, (p) => p.version === v);
    assert.match(after.diagnostics.find((x) => x.code === 'goal-without-owner').message, /placeholder \('TBD'\)/);

    const disable = acts.find((a) => a.title === 'Disable goal-without-owner for this line');
    assert.deepEqual(disable.edit.changes[u][0].newText, '  # rsp-lint-disable-next-line goal-without-owner\n');
    const docs = acts.find((a) => a.title === 'Show documentation for goal-without-owner');
    const shownUri = await lsp.request('workspace/executeCommand', { command: docs.command.command, arguments: docs.command.arguments });
    assert.match(shownUri, /^file:.*docs\/rules\/goal-without-owner\.md$/);
    assert.equal(lsp.shown.at(-1).uri, shownUri);
    lsp.close(u);
  });
});

describe('lifecycle', () => {
  test('shutdown and exit end the process', async () => {
    const other = await startLsp({ root: ws });
    assert.equal(await other.shutdown(), 0);
  });
  test('when the client goes away (stdin closes) the server exits too', async () => {
    const proc = spawn(process.execPath, [CLI, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await new Promise((r) => proc.stdout.once('data', r)); // initialized and answering
    const exited = new Promise((r) => proc.once('exit', (code, sig) => r({ code, sig })));
    proc.stdin.end();
    const res = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
    if (res === 'still running') proc.kill('SIGKILL');
    assert.notEqual(res, 'still running');
  });

});
