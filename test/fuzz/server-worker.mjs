// Server mode (a worker thread): one long-lived `rsp-lint --stdio` over real LSP stdio. The
// mutations are sent as incremental didChange edits (ranges computed on the current text) to
// an open policy, roadmap and risk report; every few edits the fuzzer awaits the diagnostics of
// the latest version and compares them with the engine's on the same texts (a shadow
// Workspace), then sends hover / completion / documentSymbol / … requests at random positions.
// The server must never die, every request must answer in time, and its RSS must stay flat.
import { parentPort, workerData } from 'node:worker_threads';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { startLsp, uri } from '../lib/lsp.mjs';
import { Rng, mix } from './prng.mjs';
import { apply, corruptBytes, mutate, tokensOf } from './mutate.mjs';
import { LspLines, checkLspRange } from './invariants.mjs';
import { busy, idle, views } from './shared.mjs';
import { largePolicy, loadEngine, ROOT } from './engine.mjs';
import { signature } from './signature.mjs';

const { seed, edits: maxEdits, timeLimitMs, sab, today, requestTimeoutMs = 10_000, diagnosticsTimeoutMs = 30_000 } = workerData;
const shared = views(sab);
const E = await loadEngine();
const rng = new Rng(mix(seed, 0xc0ffee));
const started = performance.now();
const elapsed = () => performance.now() - started;
const dec = new TextDecoder('utf-8', { fatal: false });
const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 };

// A private copy of the example workspace (the server scans it), with a FIFO named like a policy.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-fuzz-'));
const src = path.join(ROOT, 'examples', 'example-labs');
for (const f of fs.readdirSync(src)) fs.copyFileSync(path.join(src, f), path.join(dir, f));
spawnSync('mkfifo', [path.join(dir, 'fifo.rsp.yaml')]);
// A generated policy over the size that the server parses in pieces (an edit re-parses only its piece).
fs.writeFileSync(path.join(dir, 'large.rsp.yaml'), largePolicy());
const docs = [
  ['policy', 'example-labs.rsp.yaml', 3], ['roadmap', 'frontier-safety.roadmap.yaml', 4], ['report', '2026-q3.risk-report.yaml', 3],
  ['large', 'large.rsp.yaml', 2],
].map(([key, name, weight]) => {
  const p = path.join(dir, name);
  const text = fs.readFileSync(p, 'utf8');
  return { key, path: p, uri: uri(p), original: text, text, weight, open: true, version: 1 };
});
const ctx = {
  tokens: [...new Set(docs.flatMap((d) => tokensOf(d.text)))],
  corpus: docs.map((d) => d.text),
  ruleIds: [...E.known],
  policyPaths: ['example-labs.rsp.yaml', 'frontier-safety.roadmap.yaml', '2026-q3.risk-report.yaml', 'fifo.rsp.yaml', './example-labs.rsp.yaml', 'sub/../example-labs.rsp.yaml'],
};

const stats = {
  edits: 0, sessions: docs.length, syncs: 0, requests: 0, findings: 0, diskEdits: 0, resets: 0, toggles: 0,
  maxSyncMs: 0, maxRequestMs: 0, maxRequest: '', maxShadowMs: 0, serverStarts: 0, failures: 0,
  rss: undefined, requestsByMethod: {}, mutations: {}, bySignature: {},
};
const seen = new Map();
const recent = []; // the last edits, for repros

let lsp; let died; let logErrors = []; let shadow; let rssTimer;
const rss = { initial: 0, start: 0, peak: 0, peakAll: 0, last: 0, limit: 0, warm: false, samples: 0 };
// Short, so that the baseline is taken before a pathological document can inflate the heap.
const warmupEdits = Math.min(200, Math.max(50, Math.floor(maxEdits * 0.1)));

function readRss(pid) {
  try { const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8')); return m ? Number(m[1]) * 1024 : 0; } catch { return 0; }
}

function sampleRss() {
  if (!lsp || died) return;
  const v = readRss(lsp.proc.pid);
  if (!v) return;
  rss.last = v; rss.samples++;
  rss.peakAll = Math.max(rss.peakAll, v);
  if (!rss.initial) rss.initial = v;
  if (rss.paused) return; // writing a heap snapshot costs memory of its own
  if (rss.warm) rss.peak = Math.max(rss.peak, v);
  rss.windowPeak = Math.max(rss.windowPeak ?? 0, v);
  stats.rss = {
    initial: rss.initial, start: rss.start, peak: rss.peak || rss.peakAll, peakAll: rss.peakAll, last: rss.last, end: rss.end, limit: rss.limit, samples: rss.samples,
    heapStart: rss.heapStart, heapEnd: rss.heapEnd, startAfterGc: rss.startAfterGc, endAfterGc: rss.endAfterGc, settledStart: rss.settledStart,
  };
}
const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;

/**
 * After each round trip: where RSS jumped most, one of the texts the server analysed since the
 * previous round trip (the edits are coalesced, so any of them) is the likely cause. On a
 * memory failure each of those texts is measured alone with the CLI (peak RSS of a fresh
 * process), and the heaviest becomes the repro.
 */
let lastSyncRss = 0;
let biggestJump = { delta: 0 };
let window = []; // texts sent since the last round trip
function checkMemory() {
  sampleRss();
  const peakSinceSync = Math.max(rss.last, rss.windowPeak ?? 0);
  if (lastSyncRss && peakSinceSync - lastSyncRss > biggestJump.delta) {
    biggestJump = { delta: peakSinceSync - lastSyncRss, edit: stats.edits, window, docs: docs.map((d) => ({ path: d.path, text: d.text, open: d.open })) };
  }
  window = [];
  rss.windowPeak = 0;
  lastSyncRss = rss.last;
  if (rss.warm && !rss.exceeded && rss.peak > rss.limit) {
    rss.exceeded = true;
    const culprit = heaviest(biggestJump);
    fail({
      kind: 'memory', where: 'server',
      detail: `server RSS ${mb(rss.peak)} exceeds 3 × ${mb(rss.start)} (after warm-up) + 100 MB = ${mb(rss.limit)} after ${stats.edits} edits; the biggest jump (+${mb(biggestJump.delta)}) came before edit ${biggestJump.edit}` +
        (culprit ? `; heaviest text then: ${path.basename(culprit.path)} (${culprit.text.length} characters), ${culprit.maxRssMB} MB peak RSS for the CLI alone (${culprit.ms} ms)` : ''),
      docs: culprit ? [{ path: culprit.path, text: culprit.text }, ...biggestJump.docs.filter((d) => d.path !== culprit.path)] : biggestJump.docs,
      docPath: culprit?.path,
    });
  }
}

const MEASURE = `const t0 = Date.now(); process.on('exit', () => process.stderr.write('\\nMAXRSS ' + process.resourceUsage().maxRSS + ' ' + (Date.now() - t0) + '\\n')); process.argv = [process.argv[0], 'rsp-lint', '--today', '${today}', process.argv[1]]; require(${JSON.stringify(path.join(ROOT, 'dist', 'rsp-lint.js'))});`;

/** Peak RSS (MB) and time of the CLI checking `text` as `p` (next to the other documents). */
function measure(p, text, others) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-fuzz-mem-'));
  try {
    for (const o of others) fs.writeFileSync(path.join(tmp, path.basename(o.path)), o.text);
    const f = path.join(tmp, path.basename(p));
    fs.writeFileSync(f, text);
    const r = spawnSync(process.execPath, ['-e', MEASURE, f], { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
    const m = /MAXRSS (\d+) (\d+)/.exec(r.stderr ?? '');
    return m ? { maxRssMB: Math.round(Number(m[1]) / 1024), ms: Number(m[2]) } : { maxRssMB: -1, ms: -1 };
  } finally { fs.rmSync(tmp, { recursive: true, force: true }); }
}

function heaviest(jump) {
  if (!jump.window?.length) return undefined;
  const distinct = [...new Map(jump.window.map((w) => [w.text, w])).values()].slice(-40);
  let best;
  for (const w of distinct) {
    const r = measure(w.path, w.text, jump.docs.filter((d) => d.path !== w.path));
    if (!best || r.maxRssMB > best.maxRssMB) best = { ...w, ...r };
  }
  return best;
}

function fail(f) {
  const sig = signature(f);
  stats.failures++;
  stats.bySignature[sig] = (stats.bySignature[sig] ?? 0) + 1;
  const n = (seen.get(sig) ?? 0) + 1;
  seen.set(sig, n);
  if (n > 1) return;
  const repro = {
    signature: sig, mode: 'server', ...f, seed, edit: stats.edits, today,
    docPath: f.doc?.path ?? docs[1].path,
    docs: f.docs ?? docs.map((d) => ({ path: d.path, text: d.text, open: d.open })),
    recentEdits: recent.slice(-30),
  };
  delete repro.doc;
  parentPort.postMessage({ type: 'failure', repro });
}

// The server writes a heap snapshot on SIGUSR2 (after a full collection): its size is the live
// heap, which tells retained memory from heap V8 merely has not given back to the system yet.
const snapDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-fuzz-heap-'));
process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, '--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapDir}`].filter(Boolean).join(' ');

/** Live heap of the server (bytes): the size of a heap snapshot it writes on SIGUSR2; then its RSS. */
async function liveHeap() {
  const before = new Set(fs.readdirSync(snapDir));
  rss.paused = true;
  try { process.kill(lsp.proc.pid, 'SIGUSR2'); } catch { rss.paused = false; return undefined; }
  let file; let size = -1;
  for (let i = 0; i < 600 && !died; i++) {
    await new Promise((r) => setTimeout(r, 100));
    file ??= fs.readdirSync(snapDir).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
    if (!file) continue;
    const now = fs.statSync(path.join(snapDir, file)).size;
    if (now > 0 && now === size) break; // written
    size = now;
  }
  if (file) fs.rmSync(path.join(snapDir, file), { force: true });
  await new Promise((r) => setTimeout(r, 500));
  sampleRss();
  rss.paused = false;
  return file ? { heap: size, rss: rss.last } : undefined;
}

async function startServer() {
  died = undefined;
  logErrors = [];
  lsp = await startLsp({ root: dir, settings: { today }, initializationOptions: { today } });
  stats.serverStarts++;
  lsp.conn.onNotification('window/logMessage', (p) => { if (p.type === 1) logErrors.push(p.message); });
  lsp.proc.on('exit', (code, signal) => { died = { code, signal }; });
  lsp.conn.onError(() => {});
  lsp.conn.onClose(() => { died ??= { code: 'connection closed' }; });
  for (const d of docs) if (d.open) { lsp.open(d.uri, d.text); d.version = 1; }
  for (const d of docs) if (d.open) await lsp.waitDiagnostics(d.uri, (p) => p.version === 1, diagnosticsTimeoutMs).catch(() => {});
  shadow = new E.Workspace(new E.NodeHost(), { today });
  for (const d of docs) if (d.open) shadow.setText(d.path, d.text);
  rss.initial = 0; rss.warm = false; rss.peak = 0; rss.exceeded = false;
  rss.warmAt = stats.edits + warmupEdits;
  sampleRss();
}

/**
 * RSS in a defined state: every document back to its original text, its diagnostics received,
 * then the lowest of the samples over `idleMs` (so a collection in progress does not count).
 */
async function settledRss(idleMs = 1000) {
  for (const d of docs) {
    if (d.open) { d.text = d.original; d.version = lsp.replace(d.uri, d.text); shadow.setText(d.path, d.text); }
    else { fs.writeFileSync(d.path, d.original); d.text = d.original; lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: d.uri, type: 2 }] }); shadow.invalidate(d.path); }
    recent.push({ doc: d.key, reset: true });
  }
  for (const d of docs) if (d.open) await sync(d);
  // V8 gives memory back to the system a few seconds after the heap shrinks: wait for that (up to
  // idleMs), or until the value is under the limit.
  let low = Infinity;
  const until = Date.now() + idleMs;
  do {
    await new Promise((r) => setTimeout(r, 200));
    sampleRss();
    if (rss.last) low = Math.min(low, rss.last);
  } while (Date.now() < until && !(rss.limit && low <= rss.limit));
  return low === Infinity ? rss.last : low;
}

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([promise.finally(() => clearTimeout(t)), new Promise((_, reject) => { t = setTimeout(() => reject(Object.assign(new Error(`${what}: no answer within ${ms} ms`), { timeout: true })), ms); })]);
}

/** LSP cannot address a point between '\r' and '\n': such offsets move before the '\r' (as the server's TextDocument does). */
function lspOffset(text, o) { return o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o - 1 : o; }

function editOpenDoc(d) {
  const e = mutate(rng, d.text, { ...ctx, noHuge: !rng.chance(0.02) });
  const start = lspOffset(d.text, e.start);
  const end = Math.max(start, lspOffset(d.text, e.end));
  const lines = new LspLines(d.text);
  const range = { start: lines.position(start), end: lines.position(end) };
  d.version = lsp.edit(d.uri, range, e.text);
  d.text = d.text.slice(0, start) + e.text + d.text.slice(end);
  shadow.setText(d.path, d.text);
  window.push({ path: d.path, text: d.text });
  recent.push({ doc: d.key, version: d.version, mutation: e.name, range, text: e.text.length > 300 ? `${JSON.stringify(e.text.slice(0, 100))}… (${e.text.length} chars)` : e.text });
  if (recent.length > 60) recent.shift();
  return e.name;
}

function editOnDisk(d) {
  // A closed document changes on disk: new bytes (sometimes not valid UTF-8) and a watched-file event.
  const e = mutate(rng, d.text, { ...ctx, noHuge: true });
  d.text = apply(d.text, e);
  let bytes = Buffer.from(d.text, 'utf8');
  if (rng.chance(0.2)) bytes = Buffer.from(corruptBytes(rng, bytes));
  fs.writeFileSync(d.path, bytes);
  d.text = dec.decode(bytes);
  window.push({ path: d.path, text: d.text });
  lsp.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: d.uri, type: 2 }] });
  shadow.invalidate(d.path);
  stats.diskEdits++;
  recent.push({ doc: d.key, disk: true, mutation: e.name });
  return `disk:${e.name}`;
}

function toggle(d) {
  stats.toggles++;
  if (d.open) {
    lsp.close(d.uri);
    d.open = false;
    shadow.clearText(d.path);
    d.text = dec.decode(fs.readFileSync(d.path));
    recent.push({ doc: d.key, close: true });
  } else {
    d.text = dec.decode(fs.readFileSync(d.path));
    lsp.open(d.uri, d.text);
    d.version = 1; d.open = true;
    shadow.setText(d.path, d.text);
    recent.push({ doc: d.key, open: true });
  }
}

const norm = (x) => ({ code: x.code, severity: x.severity, message: x.message, range: x.range });

/** Awaits the diagnostics of `d`'s latest version and compares them with the engine's. */
async function sync(d) {
  const v = lsp.edit(d.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ''); // a version to wait for
  d.version = v;
  const t0 = performance.now();
  let got;
  try {
    got = await lsp.waitDiagnostics(d.uri, (p) => p.version === v, diagnosticsTimeoutMs);
  } catch (e) {
    if (died) return;
    fail({ kind: 'hang', where: 'diagnostics', doc: d, detail: `no diagnostics for version ${v} of ${path.basename(d.path)} within ${diagnosticsTimeoutMs} ms (${d.text.length} characters)` });
    return;
  }
  const ms = performance.now() - t0;
  stats.syncs++;
  checkMemory();
  stats.maxSyncMs = Math.max(stats.maxSyncMs, ms);
  stats.findings += got.diagnostics.length;
  busy(shared, 'shadow-engine', d.text);
  const s0 = performance.now();
  let expected;
  try { expected = shadow.analyze(d.path); } catch (e) { idle(shared); fail({ kind: 'exception', where: 'analyze (shadow engine)', doc: d, detail: `${e?.name}: ${e?.message}`, stack: e?.stack }); return; }
  stats.maxShadowMs = Math.max(stats.maxShadowMs, performance.now() - s0);
  idle(shared);
  const want = expected.map((f) => norm({ code: f.rule, severity: SEVERITY[f.severity], message: f.message, range: f.range }));
  const have = got.diagnostics.map(norm);
  const a = JSON.stringify(have), b = JSON.stringify(want);
  if (a !== b) {
    let i = 0;
    while (i < Math.max(have.length, want.length) && JSON.stringify(have[i]) === JSON.stringify(want[i])) i++;
    fail({ kind: 'differential', where: 'server vs engine', doc: d, detail: `diagnostics of ${path.basename(d.path)} v${v} differ from the engine's at #${i}: server ${JSON.stringify(have[i])?.slice(0, 300)} / engine ${JSON.stringify(want[i])?.slice(0, 300)} (${have.length} vs ${want.length})` });
  }
  const lines = new LspLines(d.text);
  for (const x of got.diagnostics) {
    if (!E.known.has(x.code)) fail({ kind: 'invariant', invariant: 'unknown-rule', where: 'diagnostics', doc: d, detail: String(x.code) });
    if (x.code === 'internal-error') fail({ kind: 'invariant', invariant: 'internal-error', where: 'diagnostics', doc: d, rule: x.code, detail: x.message });
    if (![1, 2, 3, 4].includes(x.severity)) fail({ kind: 'invariant', invariant: 'bad-severity', where: 'diagnostics', doc: d, detail: String(x.severity) });
    const bad = checkLspRange(x.range, lines);
    if (bad) fail({ kind: 'invariant', invariant: 'range-outside-document', where: 'diagnostics', rule: x.code, doc: d, detail: bad });
  }
  for (const m of logErrors.splice(0)) fail({ kind: 'exception', where: 'server log', doc: d, detail: m.split('\n')[0], stack: m });
}

const METHODS = [['textDocument/hover', 3], ['textDocument/completion', 3], ['textDocument/documentSymbol', 2], ['textDocument/definition', 1], ['textDocument/references', 1], ['textDocument/prepareRename', 1], ['textDocument/codeAction', 1], ['workspace/symbol', 0.3]];

function randomPosition(text) {
  const lines = new LspLines(text);
  const r = rng.next();
  if (r < 0.05) return { line: lines.lineCount + rng.int(1000), character: rng.int(100000) }; // beyond the end: clients do send these
  if (r < 0.15) { const line = rng.int(lines.lineCount); return { line, character: rng.int(lines.lineLength(line) + 3) }; }
  let o = rng.int(text.length + 1);
  if (rng.chance(0.6)) {
    const toks = tokensOf(text.length > 200_000 ? text.slice(0, 200_000) : text);
    if (toks.length) { const t = rng.pick(toks); const i = text.indexOf(t); if (i >= 0) o = i + rng.int(t.length + 1); }
  }
  return lines.position(lspOffset(text, o));
}

/** One request at a random position; checks it answers in time, without an error, with ranges in the document. */
async function request(d) {
  const method = rng.weighted(METHODS);
  const position = randomPosition(d.text);
  const td = { uri: d.uri };
  const params = method === 'workspace/symbol' ? { query: rng.pick(['', 'ASL', 'sec', 'x', '\0']) }
    : method === 'textDocument/documentSymbol' ? { textDocument: td }
      : method === 'textDocument/references' ? { textDocument: td, position, context: { includeDeclaration: rng.chance(0.5) } }
        : method === 'textDocument/codeAction' ? { textDocument: td, range: { start: position, end: position }, context: { diagnostics: [] } }
          : { textDocument: td, position };
  const t0 = performance.now();
  stats.requests++;
  stats.requestsByMethod[method] = (stats.requestsByMethod[method] ?? 0) + 1;
  let res;
  try {
    res = await withTimeout(lsp.request(method, params), requestTimeoutMs, method);
  } catch (e) {
    if (died) return;
    if (e.timeout) { fail({ kind: 'hang', where: method, doc: d, detail: `${e.message} at ${JSON.stringify(position)} (${d.text.length} characters)`, position }); return; }
    if (method === 'textDocument/prepareRename' && e.code === -32803) return; // "cannot rename this": an answer
    fail({ kind: 'exception', where: method, doc: d, detail: `error response ${e.code}: ${e.message}`, position });
    return;
  }
  const ms = performance.now() - t0;
  if (ms > stats.maxRequestMs) { stats.maxRequestMs = ms; stats.maxRequest = method; }
  const lines = new LspLines(d.text);
  const check = (range, what) => { const bad = checkLspRange(range, lines); if (bad) fail({ kind: 'invariant', invariant: `${what}-range`, where: method, doc: d, detail: `${bad} at ${JSON.stringify(position)}`, position }); };
  if (!res) return;
  switch (method) {
    case 'textDocument/hover':
      if (typeof res.contents?.value !== 'string') fail({ kind: 'invariant', invariant: 'hover-contents', where: method, doc: d, detail: JSON.stringify(res).slice(0, 300) });
      if (res.range) check(res.range, 'hover');
      break;
    case 'textDocument/completion':
      for (const it of res.items ?? res) { if (it.textEdit) { check(it.textEdit.range, 'completion'); break; } }
      break;
    case 'textDocument/documentSymbol': {
      const walk = (list) => { for (const s of list) { check(s.range, 'symbol'); check(s.selectionRange, 'symbol-selection'); walk(s.children ?? []); } };
      walk(res);
      break;
    }
    case 'textDocument/definition': case 'textDocument/references':
      for (const l of res) if (l.uri === d.uri) check(l.range, 'location');
      break;
    case 'textDocument/prepareRename':
      check(res.range, 'rename');
      break;
    case 'textDocument/codeAction':
      for (const a of res) for (const edits of Object.entries(a.edit?.changes ?? {})) if (edits[0] === d.uri) for (const e of edits[1]) check(e.range, 'code-action');
      break;
  }
}

async function run() {
  await startServer();
  rssTimer = setInterval(sampleRss, 250);
  let untilSync = rng.range(5, 40);
  let last = docs[1];
  while (stats.edits < maxEdits && elapsed() < timeLimitMs) {
    if (died) {
      fail({ kind: 'crash', where: 'server process', detail: `the server exited (${JSON.stringify(died)}); stderr: ${lsp.stderr.slice(-2000)}` });
      try { lsp.conn.dispose(); } catch { /* gone */ }
      await startServer();
    }
    if (!rss.warm && stats.edits >= rss.warmAt) {
      rss.settledStart = await settledRss();
      const h = await liveHeap();
      if (h) { rss.heapStart = h.heap; rss.startAfterGc = h.rss; }
      // Writing the snapshot grows the heap for a while: the baseline is the higher of the two.
      rss.start = Math.max(rss.settledStart, h?.rss ?? 0);
      rss.warm = true; rss.limit = 3 * rss.start + 100 * 1024 * 1024;
    }
    const d = rng.weighted(docs.map((x) => [x, x.weight]));
    const r = rng.next();
    let name;
    if (d.key === 'policy' && r < 0.01) { toggle(d); name = d.open ? 'open' : 'close'; }
    else if (!d.open) name = editOnDisk(d);
    else if (r < 0.005 || d.text.length > 1_500_000) {
      d.text = d.original;
      d.version = lsp.replace(d.uri, d.text);
      shadow.setText(d.path, d.text);
      stats.resets++; stats.sessions++;
      name = 'reset';
    } else name = editOpenDoc(d);
    stats.mutations[name] = (stats.mutations[name] ?? 0) + 1;
    stats.edits++;
    if (d.open) last = d;
    if (--untilSync <= 0) {
      const target = last.open ? last : docs.find((x) => x.open);
      await sync(target);
      const n = rng.range(1, 3);
      for (let i = 0; i < n && !died; i++) await request(rng.pick(docs.filter((x) => x.open)));
      untilSync = rng.range(5, 40);
      parentPort.postMessage({ type: 'progress', stats });
    } else if (rng.chance(0.03)) {
      await request(rng.pick(docs.filter((x) => x.open)));
    }
  }
  // Final round trip, the documents back to what they were (what is left is retained memory), then a clean shutdown.
  if (!died) await sync(last.open ? last : docs.find((x) => x.open));
  if (!died && rss.warm) {
    rss.end = await settledRss();
    const h = await liveHeap();
    if (h) {
      rss.heapEnd = h.heap; rss.endAfterGc = h.rss;
      // A leak: live objects that stay once the documents are back to what they were.
      if (rss.heapStart && h.heap > 3 * rss.heapStart + 50 * 1024 * 1024) {
        fail({ kind: 'memory', where: 'server (leak)', detail: `live heap ${mb(h.heap)} with the original documents at the end, after ${mb(rss.heapStart)} after warm-up` });
      }
    }
  }
  sampleRss();
  clearInterval(rssTimer);
  if (!died) {
    const code = await lsp.shutdown();
    if (code !== 0) fail({ kind: 'crash', where: 'shutdown', detail: `the server exited with ${code} after shutdown/exit` });
  } else fail({ kind: 'crash', where: 'server process', detail: `the server exited (${JSON.stringify(died)})` });
  const err = lsp.stderr.trim();
  if (err) fail({ kind: 'crash', where: 'server stderr', detail: err.split('\n').slice(0, 5).join(' | ') });
  stats.elapsedMs = elapsed();
  sampleRss();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(snapDir, { recursive: true, force: true });
  parentPort.postMessage({ type: 'done', stats });
}

await run();
