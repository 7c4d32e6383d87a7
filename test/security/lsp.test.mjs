// Output security of the language server over real LSP stdio: hovers and completion
// documentation are inert Markdown whatever the document says; diagnostics are one visible line;
// documents that are not on disk never read the disk.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startLsp, uri, posOf } from '../lib/lsp.mjs';
import { FORBIDDEN_IN_LINE, POLICY, ROADMAP, hostileWorkspace } from './hostile.mjs';
import { assertInertMarkdown } from './markdown-check.mjs';

/** Links the server may put in Markdown: none from documents (hovers have no links at all today). */
const NO_LINKS = [];

let dir, lsp, P, R;
before(async () => {
  dir = hostileWorkspace();
  P = path.join(dir, 'hostile.rsp.yaml');
  R = path.join(dir, 'hostile.roadmap.yaml');
  lsp = await startLsp({ root: dir, settings: { today: '2026-11-23' } });
  lsp.open(uri(P), POLICY, 'rsp-policy');
  lsp.open(uri(R), ROADMAP, 'rsp-roadmap');
  await lsp.waitDiagnostics(uri(R), (p) => p.diagnostics.length > 0);
});
after(async () => { await lsp?.shutdown(); });

async function hoverAt(file, text, needle, opts) {
  const h = await lsp.request('textDocument/hover', { textDocument: { uri: uri(file) }, position: posOf(text, needle, opts) });
  assert.ok(h, `a hover at ${needle}`);
  assert.equal(h.contents.kind, 'markdown');
  return h.contents.value;
}

describe('hovers', () => {
  for (const [what, file, text, needle, opts] of [
    ['a threshold (title, description, safeguard titles)', () => P, () => POLICY, 'T-1'],
    ['an ASL level (standard name, summary, safeguards)', () => P, () => POLICY, 'ASL-3', { nth: 1 }],
    ['a safeguard', () => P, () => POLICY, 'dep-1', { nth: 1 }],
    ['a goal (owner, title, area)', () => R, () => ROADMAP, 'G-2', { delta: 1 }],
    ['a goal id used as a reference target in the roadmap', () => R, () => ROADMAP, 'T-1', { delta: 1 }],
  ]) {
    test(`${what}: inert in GitHub-flavoured Markdown and in marked`, async () => {
      const md = await hoverAt(file(), text(), needle, opts);
      const { gfm } = await assertInertMarkdown(md, { allowedLinks: NO_LINKS });
      assert.doesNotMatch(md, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      assert.ok(!/<img|<script|<a /i.test(gfm), gfm);
    });
  }
  test('the hostile text is still shown, as text', async () => {
    const md = await hoverAt(P, POLICY, 'T-1');
    const { gfm } = await assertInertMarkdown(md);
    assert.ok(gfm.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'), gfm);
    assert.ok(gfm.includes('![t](https:'), 'the image syntax is visible');
    assert.ok(gfm.includes('[c](command:workbench.action.terminal.new)'), 'the command link is visible text');
  });
});

test('completion documentation is inert Markdown', async () => {
  const text = ROADMAP.replace('supports: [dep-1]', 'supports: [dep-1, ]');
  lsp.replace(uri(R), text);
  const list = await lsp.request('textDocument/completion', { textDocument: { uri: uri(R) }, position: posOf(text, 'dep-1, ]', { delta: 7 }) });
  const items = Array.isArray(list) ? list : list.items;
  assert.ok(items.length > 0);
  for (const i of items) {
    if (i.documentation) await assertInertMarkdown(typeof i.documentation === 'string' ? i.documentation : i.documentation.value);
    if (i.detail) assert.doesNotMatch(i.detail, FORBIDDEN_IN_LINE, i.detail);
  }
  lsp.replace(uri(R), ROADMAP);
});

test('diagnostic messages, code action titles and symbol names are one visible line each', async () => {
  const d = await lsp.waitDiagnostics(uri(P), (p) => p.diagnostics.length > 0);
  assert.ok(d.diagnostics.some((x) => x.message.includes('\\n::add-mask::')), 'the hostile value is quoted visibly');
  for (const x of d.diagnostics) assert.doesNotMatch(x.message, FORBIDDEN_IN_LINE, x.message);
  const actions = await lsp.request('textDocument/codeAction', { textDocument: { uri: uri(P) }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } }, context: { diagnostics: d.diagnostics } });
  for (const a of actions ?? []) assert.doesNotMatch(a.title, FORBIDDEN_IN_LINE, a.title);
  const symbols = await lsp.request('textDocument/documentSymbol', { textDocument: { uri: uri(P) } });
  const names = [];
  const walk = (s) => { for (const x of s ?? []) { names.push(x.name, x.detail ?? ''); walk(x.children); } };
  walk(symbols);
  assert.ok(names.length > 5);
  for (const n of names) assert.doesNotMatch(n, FORBIDDEN_IN_LINE, n);
});

describe('documents that are not on this machine read nothing from its disk', () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-sec-outside-'));
  const secretPolicy = path.join(outside, 'secret.rsp.yaml');
  fs.writeFileSync(secretPolicy, POLICY.replace('id: hostile', 'id: secret-policy-on-disk'));
  const rel = path.relative('/', secretPolicy);

  for (const [name, docUri] of [['untitled', 'untitled:Untitled-1'], ['a virtual file system', 'vscode-vfs://github/acme/policies/fsr.roadmap.yaml']]) {
    test(`${name}: an absolute and a climbing policy path stay unresolved, with a finding that says why`, async () => {
      for (const ref of [secretPolicy, `../../../../../../../../${rel}`]) {
        const text = ROADMAP.replace('policy: hostile.rsp.yaml', `policy: ${ref}`);
        lsp.open(docUri, text, 'rsp-roadmap');
        const d = await lsp.waitDiagnostics(docUri, (p) => p.diagnostics.some((x) => x.code === 'unknown-reference' && /policy/.test(x.message)));
        const msg = d.diagnostics.find((x) => x.code === 'unknown-reference' && /policy/.test(x.message)).message;
        assert.match(msg, /not open in the editor/, msg);
        const h = await lsp.request('textDocument/hover', { textDocument: { uri: docUri }, position: posOf(text, 'T-1', { delta: 1 }) });
        assert.ok(!JSON.stringify(h ?? '').includes('Threshold'), 'no facts read from the disk');
        lsp.close(docUri);
      }
    });
  }
  test('an untitled roadmap links to an open untitled policy', async () => {
    lsp.open('untitled:Untitled-7', POLICY, 'rsp-policy');
    const text = ROADMAP.replace('policy: hostile.rsp.yaml', 'policy: Untitled-7');
    lsp.open('untitled:Untitled-8', text, 'rsp-roadmap');
    const d = await lsp.waitDiagnostics('untitled:Untitled-8', (p) => p.diagnostics.length > 0);
    assert.ok(!d.diagnostics.some((x) => x.code === 'unknown-reference' && /policy '/.test(x.message)), JSON.stringify(d.diagnostics.map((x) => x.message)));
    lsp.close('untitled:Untitled-8');
    lsp.close('untitled:Untitled-7');
  });
});
