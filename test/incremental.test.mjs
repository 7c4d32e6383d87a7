// Incremental analysis gives what a full analysis gives.
//  - In the engine: thousands of seeded random edits, incremental workspace vs a fresh one, and
//    parsing in pieces vs one parse of the whole text (test/incremental/differential.mjs).
//  - Through the real entry points: a large policy (parsed in pieces) open in the language server,
//    edited with incremental didChange notifications; after every edit the server's diagnostics
//    equal `rsp-lint --format json` on the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, lintJson } from './lib/cli.mjs';
import { startLsp, uri } from './lib/lsp.mjs';
import { policy } from '../bench/generate.mjs';
import { Rng } from './fuzz/prng.mjs';

test('engine: 3,000 random edits, incremental = fresh analysis, pieces = whole-text parse', { timeout: 300_000 }, () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'incremental', 'differential.mjs'), '--edits', '3000'], { cwd: ROOT, encoding: 'utf8', timeout: 290_000 });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const s = JSON.parse(r.stdout);
  assert.equal(s.edits, 3000);
  assert.deepEqual(s.failures, []);
  assert.ok(s.segmentedTexts > 200, `texts parsed in pieces: ${s.segmentedTexts}`);
  // Counted over the edits parsed in pieces (not over texts parsed whole, nor the jumps back to
  // the original text: see differential.mjs). Edits that add much new text (a line repeated
  // thousands of times) parse many new pieces; most edits parse one or two.
  assert.ok(s.reusedPieces > 10 * s.parsedPieces, `pieces reused ${s.reusedPieces}, parsed ${s.parsedPieces}: edits re-parse only what they change`);
  // A mistake that stops the text from being split (unclosed quote, tab, anchor), then repaired:
  // the repair re-parses the piece it changed, from the pieces cached before the mistake.
  assert.equal(s.repairs.length, 3);
  for (const r of s.repairs) assert.ok(r.brokenWhole && !r.whole && r.parsed <= 2 && r.reused > 30, `after a repair: ${JSON.stringify(s.repairs)}`);
});

test('engine: 60 edits to a 10,000-line policy keep no old text alive (live heap flat)', { timeout: 120_000 }, () => {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'test', 'incremental', 'memory.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  const m = JSON.parse(r.stdout);
  // One old version of the text kept per edit would be 60 × 0.47 MB = 28 MB.
  assert.ok(m.afterEditsMB - m.afterOpenMB < 8, `live heap ${m.afterOpenMB} MB after opening, ${m.afterEditsMB} MB after the edits`);
});

/** Offsets → LSP position in `text` ('\n' line breaks). */
function pos(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

test('server: 30 incremental edits to a large policy, diagnostics = the CLI\'s on the same text', { timeout: 180_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-incremental-'));
  const file = path.join(dir, 'large.rsp.yaml');
  let text = policy(7, 1500, { org: 'Incremental Labs', id: 'inc-rsp' }).text;
  assert.ok(text.length > 40 * 1024, 'large enough to be parsed in pieces');
  fs.writeFileSync(file, text);
  const lsp = await startLsp({ root: dir, settings: { today: '2026-11-23' } });
  const u = uri(file);
  try {
    lsp.open(u, text, 'rsp-policy');
    await lsp.waitDiagnostics(u, (p) => p.version === 1, 30_000);
    const rng = new Rng(20261201);
    const check = path.join(dir, 'check');
    fs.mkdirSync(check);
    for (let k = 0; k < 30; k++) {
      // Alternately break and repair, at random places: a status, a level, a line, a whole item.
      const lines = text.split('\n');
      const l = rng.int(lines.length - 1);
      const start = lines.slice(0, l).join('\n').length + (l ? 1 : 0);
      let edit;
      switch (k % 5) {
        case 0: edit = { start: start + lines[l].length, end: start + lines[l].length, text: 'x' }; break;
        case 1: edit = { start, end: start + lines[l].length + 1, text: '' }; break;
        case 2: edit = { start, end: start, text: `${lines[l]}\n` }; break;
        case 3: { const i = text.indexOf('requires: ASL-', rng.int(text.length)); edit = i < 0 ? { start, end: start, text: '#' } : { start: i + 10, end: i + 15, text: 'ASL-9' }; break; }
        default: edit = { start, end: start, text: ' ' };
      }
      const range = { start: pos(text, edit.start), end: pos(text, edit.end) };
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
      const v = lsp.edit(u, range, edit.text);
      const got = await lsp.waitDiagnostics(u, (p) => p.version === v, 30_000);
      fs.writeFileSync(path.join(check, 'large.rsp.yaml'), text);
      const cli = lintJson(['--today', '2026-11-23', 'large.rsp.yaml'], { cwd: check });
      const want = cli.findings.map((f) => ({ code: f.rule, range: f.range, message: f.message }));
      const have = got.diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message }));
      assert.deepEqual(have, want, `edit ${k} (${JSON.stringify(edit).slice(0, 200)})`);
    }
  } finally {
    await lsp.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
