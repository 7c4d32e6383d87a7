#!/usr/bin/env node
// Differential test of incremental analysis: seeded random edits — the kind an editor sends while
// someone types (characters, values, lines, indentation, whole items) and the fuzzer's mutations —
// on the example documents and a large generated policy. After every edit:
//   1. the incremental workspace (pieces cached from the previous text) must report exactly what
//      a fresh workspace reports for the same text;
//   2. where the text is split into pieces, parsing it in pieces must give what one parse of the
//      whole text gives (data, node offsets, problems) whenever either parses, and the same
//      problems when neither does (YAML mistakes are made on purpose among the edits).
// Both with the default size threshold and with every text split into the smallest pieces.
//
//   node --import tsx test/incremental/differential.mjs [--edits N] [--seed N]   (prints a JSON summary)
import * as fs from 'node:fs';
import * as posix from 'node:path/posix';
import { Rng, mix } from '../fuzz/prng.mjs';
import { apply, mutate, tokensOf } from '../fuzz/mutate.mjs';
import { MemHost, MEM_ROOT } from '../fuzz/memhost.mjs';
import { loadCorpus, loadEngine } from '../fuzz/engine.mjs';
import { MISTAKES } from '../fixtures/syntax/mistakes.mjs';

const arg = (name, d) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : d; };
const EDITS = arg('--edits', 3000);
const SEED = arg('--seed', 20261201);
const E = await loadEngine();
const corpus = loadCorpus();
const enc = new TextEncoder();
const host = new MemHost();
for (const c of corpus) host.files.set(`${MEM_ROOT}/${c.rel}`, enc.encode(c.text));
const targets = corpus.filter((c) => !c.rel.endsWith('.rsp-lint.yaml'));
const ctx = { tokens: [...new Set(corpus.flatMap((c) => tokensOf(c.text)))], corpus: corpus.map((c) => c.text), ruleIds: [...E.known], policyPaths: [] };

/** An edit as typing makes it: one splice near a random line. */
function typing(rng, text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const l = rng.int(starts.length);
  const s = starts[l], e = l + 1 < starts.length ? starts[l + 1] : text.length;
  const line = text.slice(s, e);
  const at = s + rng.int(Math.max(1, line.length));
  switch (rng.int(10)) {
    case 0: return { start: at, end: at, text: rng.pick(['x', ' ', 'e', '1', '-', ':', '"', "'", '#', '[', ']', '{', '}', '|']) };
    case 1: return { start: at, end: Math.min(at + 1, e), text: '' };
    case 2: return { start: s, end: s, text: ' ' };
    case 3: return { start: s, end: Math.min(s + 1, e), text: line.startsWith(' ') ? '' : line[0] ?? '' };
    case 4: return { start: s, end: e, text: '' };
    case 5: { // duplicate this line and the few after it
      const to = starts[Math.min(starts.length - 1, l + 1 + rng.int(6))] ?? text.length;
      return { start: s, end: s, text: text.slice(s, Math.max(s, to)) };
    }
    case 6: { // a value changed
      const m = /:\s+(\S.*)$/.exec(line.replace(/\r?\n$/, ''));
      if (!m) return { start: at, end: at, text: 'y' };
      const vs = s + m.index + m[0].length - m[1].length;
      return { start: vs, end: vs + m[1].length, text: rng.pick(['defined', 'ASL-3', 'ASL-9', 'unknown-id', '2026-13-40', '"quoted"', '[a, b]', '']) };
    }
    case 7: return { start: s, end: s, text: `${' '.repeat(rng.int(8))}${rng.pick(['- id: new-item\n', 'extra: 1\n', '# a comment\n', '\n'])}` };
    case 8: { // a YAML mistake, made on purpose (test/fixtures/syntax/mistakes.mjs)
      const m = rng.pick(MISTAKES);
      return { start: s, end: s + line.replace(/\r?\n$/, '').length, text: m.edit(line.replace(/\r?\n$/, '')).join('\n') };
    }
    default: return { start: at, end: at, text: '\n' };
  }
}

const summary = { edits: 0, compared: 0, segmentedTexts: 0, wholeTextChecks: 0, parsedPieces: 0, reusedPieces: 0, notInPieces: 0, failures: [] };
const DUMP = (() => { const i = process.argv.indexOf('--dump'); return i >= 0 ? process.argv[i + 1] : undefined; })();
const fail = (what, detail, text) => { if (DUMP) fs.writeFileSync(DUMP, text); if (summary.failures.length < 5) summary.failures.push({ what, detail: detail.slice(0, 1500), text: text.length < 4000 ? text : `${text.length} characters` }); };

// A mistake that makes the text impossible to split (an unclosed quote, a tab, an anchor) and
// its repair, in the large policy: the text with the mistake is parsed whole, and the repaired
// text (one value changed from the original) re-parses only the piece of that value, from the
// pieces cached before the mistake.
{
  const large = corpus.find((c) => c.rel === 'large/large.rsp.yaml');
  const path = `${MEM_ROOT}/${large.rel}`;
  const ws = new E.Workspace(host, { today: '2026-11-23', incremental: true });
  const at = large.text.indexOf('title: Evasion of monitoring') + 'title: '.length;
  const eol = large.text.indexOf('\n', at);
  const splice = (i, s) => large.text.slice(0, i) + s + large.text.slice(i);
  summary.repairs = [];
  for (const [broken, repaired] of [
    [splice(at, '"'), `${splice(at, '"').slice(0, eol + 1)}"${large.text.slice(eol)}`],
    [splice(at, '\t'), splice(at, 'x')],
    [splice(at, '&a '), splice(at, 'a ')],
  ]) {
    ws.setText(path, large.text); ws.analyze(path);
    ws.setText(path, broken); ws.analyze(path);
    const brokenWhole = ws.piecesOf(path).whole;
    ws.setText(path, repaired); ws.analyze(path);
    const { parsed, reused, whole } = ws.piecesOf(path);
    summary.repairs.push({ brokenWhole, whole, parsed, reused });
  }
  ws.clearText(path);
}

for (const segmentMinBytes of [undefined, 0]) {
  const rng = new Rng(mix(SEED, segmentMinBytes ?? 1));
  const options = { today: '2026-11-23', ...(segmentMinBytes === undefined ? {} : { segmentMinBytes }) };
  const ws = new E.Workspace(host, { ...options, incremental: true });
  let n = 0;
  while (n < EDITS / 2 && !summary.failures.length) {
    const target = rng.pick(targets);
    const path = `${MEM_ROOT}/${target.rel}`;
    let text = target.text;
    ws.setText(path, text);
    ws.analyze(path);
    const length = rng.range(5, 60);
    for (let k = 0; k < length && n < EDITS / 2; k++, n++) {
      const e = rng.chance(0.7) ? typing(rng, text) : mutate(rng, text, { ...ctx, policyPaths: [posix.basename(path)] });
      const replaced = rng.chance(0.04);
      text = replaced ? target.text : apply(text, e);
      ws.setText(path, text);
      const got = ws.analyze(path);
      summary.edits++;
      const fresh = new E.Workspace(host, options);
      fresh.setText(path, text);
      const want = fresh.analyze(path);
      summary.compared++;
      const a = JSON.stringify(got), b = JSON.stringify(want);
      if (a !== b) { let i = 0; while (a[i] === b[i]) i++; fail('incremental ≠ fresh', `at ${i}: incremental …${a.slice(Math.max(0, i - 80), i + 200)} / fresh …${b.slice(Math.max(0, i - 80), i + 200)}`, text); break; }
      // Pieces parsed and reused by edits parsed in pieces: what "an edit re-parses only the pieces
      // it changed" is about. Not counted: texts not parsed in pieces (`whole`: small in the
      // default mode, refused, or they cannot be split — a tab, an anchor, an unclosed quote — or
      // a mistake spread; counted in notInPieces), and the jumps back to the original text (a
      // replacement of the whole text, not an edit: the cache holds the pieces of the last text).
      const stats = ws.load(path).parsed && ws.piecesOf?.(path);
      if (stats?.whole) summary.notInPieces++;
      else if (stats && !replaced) { summary.parsedPieces += stats.parsed; summary.reusedPieces += stats.reused; }
      if (k % 2 === 0) {
        const d = E.segmentedVsWhole(text);
        summary.wholeTextChecks++;
        if (d.segmented) summary.segmentedTexts++;
        if (d.broken) summary.brokenCompared = (summary.brokenCompared ?? 0) + 1;
        if (d.problem) { fail('pieces ≠ whole text', d.problem, text); break; }
      }
    }
    ws.clearText(path);
  }
}
process.stdout.write(`${JSON.stringify(summary)}\n`);
process.exit(summary.failures.length ? 1 : 0);
