#!/usr/bin/env node
// rsp-lint's seeded fuzzer. Run: node --import tsx test/fuzz/fuzz.mjs [options]  (or `npm run fuzz -- …`)
//
//   --seed N            seed of the PRNG (default 20261123); the same seed gives the same edits
//   --edits N           edits per mode (default 20000); --engine-edits / --server-edits override
//   --mode M            engine | server | both (default both; the two run in parallel)
//   --time-limit S      stop each mode after S seconds (default 600); not a failure
//   --hang-ms N         an analysis or feature call using more CPU than this is a hang (default 2000)
//   --watchdog S        a step that does not return within S seconds (wall) is killed (default 60)
//   --json FILE         also write the summary as JSON
//   --crashes DIR       where minimal repros go (default test/fuzz/crashes; --no-save: nowhere)
//   --ignore TEXT       do not fail on failures whose signature contains TEXT (repeatable)
//   --session N         engine mode: replay session N of the seed (each repro.json names its session),
//                       with the sessions before it that share its workspace (a new one every 20)
//   --replay DIR|FILE   re-run saved repros (repro.json) against the current engine and say which still fail
//   --quiet             no progress lines
//
// Engine mode: a worker thread analyses mutated example documents through the TypeScript
// sources (tsx) with an in-memory Host; server mode: a worker drives one long-lived
// `dist/rsp-lint.js --stdio` with incremental edits, compares its diagnostics with the engine's,
// sends requests at random positions and samples the server's RSS. Exit status: 0 when no
// crash, hang or invariant failure was found, 1 otherwise, 2 on a usage error.
import { Worker } from 'node:worker_threads';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeShared, views, snapshot } from './shared.mjs';
import { signature, slug } from './signature.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

function parseArgs(argv) {
  const o = { seed: 20261123, edits: 20000, mode: 'both', timeLimit: 600, hangMs: 2000, watchdog: 60, json: undefined, crashes: path.join(HERE, 'crashes'), save: true, ignore: [], quiet: false, replay: undefined };
  const num = (v, name) => { const n = Number(v); if (!Number.isFinite(n) || n < 0) usage(`${name} needs a number`); return n; };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => { if (i + 1 >= argv.length) usage(`${a} needs a value`); return argv[++i]; };
    switch (a) {
      case '--seed': o.seed = num(next(), a) >>> 0; break;
      case '--edits': o.edits = num(next(), a); break;
      case '--engine-edits': o.engineEdits = num(next(), a); break;
      case '--server-edits': o.serverEdits = num(next(), a); break;
      case '--mode': o.mode = next(); if (!['engine', 'server', 'both'].includes(o.mode)) usage('--mode is engine, server or both'); break;
      case '--time-limit': o.timeLimit = num(next(), a); break;
      case '--hang-ms': o.hangMs = num(next(), a); break;
      case '--watchdog': o.watchdog = num(next(), a); break;
      case '--json': o.json = next(); break;
      case '--crashes': o.crashes = path.resolve(next()); break;
      case '--no-save': o.save = false; break;
      case '--ignore': o.ignore.push(next()); break;
      case '--replay': o.replay = path.resolve(next()); break;
      case '--session': o.session = num(next(), a); break;
      case '--quiet': o.quiet = true; break;
      case '-h': case '--help': process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n'); process.exit(0); break;
      default: usage(`unknown option ${a}`);
    }
  }
  o.engineEdits ??= o.edits;
  o.serverEdits ??= o.edits;
  return o;
}

function usage(msg) { process.stderr.write(`fuzz: ${msg} (see --help)\n`); process.exit(2); }

const opts = parseArgs(process.argv.slice(2));
if (opts.replay) {
  const { replay } = await import('./replay.mjs');
  process.exit(await replay(opts.replay));
}

const t0 = Date.now();
const log = (s) => { if (!opts.quiet) process.stderr.write(s + '\n'); };
const failures = new Map(); // signature → { count, repro, ignored, file }
const modes = {};

function record(repro) {
  const sig = repro.signature ?? signature(repro);
  repro.signature = sig;
  let f = failures.get(sig);
  if (!f) {
    f = { count: 0, repro, ignored: opts.ignore.some((t) => sig.includes(t)) };
    failures.set(sig, f);
    f.file = save(repro);
    log(`  ✗ ${repro.mode}: ${sig}${f.ignored ? ' (ignored)' : ''}${f.file ? ` → ${path.relative(process.cwd(), f.file)}` : ''}\n      ${String(repro.detail ?? '').split('\n')[0].slice(0, 300)}`);
  }
  f.count++;
}

/** Writes a repro folder: the (minimized) document, the files it links to, repro.json. */
function save(r) {
  if (!opts.save) return undefined;
  const dir = path.join(opts.crashes, `${r.mode}-${slug(r.signature)}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const docs = r.docs ?? [{ path: r.docPath, text: r.minimized ?? r.text, original: r.minimized !== undefined ? r.text : undefined, base64: r.docBase64 }];
  const base = r.docPath ? path.posix.dirname(r.docPath) : undefined;
  const place = (p) => {
    const rel = base ? path.posix.relative(base, p) : path.posix.basename(p);
    return rel && !rel.startsWith('..') && !path.posix.isAbsolute(rel) ? rel : path.posix.join('_outside', path.posix.basename(p));
  };
  for (const d of docs) {
    if (!d.path) continue;
    const out = path.join(dir, place(d.path));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    if (d.base64 !== undefined) fs.writeFileSync(out, Buffer.from(d.base64, 'base64'));
    else if (d.text !== undefined) fs.writeFileSync(out, d.text);
    if (d.original !== undefined && d.original !== d.text) fs.writeFileSync(path.join(dir, `unminimized.${path.posix.basename(d.path)}`), d.original);
  }
  for (const p of r.policy ?? []) {
    if (docs.some((d) => d.path === p.path)) continue;
    const out = path.join(dir, place(p.path));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, p.base64 !== undefined ? Buffer.from(p.base64, 'base64') : p.text);
  }
  if (r.config) { const out = path.join(dir, place(r.config.path)); fs.mkdirSync(path.dirname(out), { recursive: true }); fs.writeFileSync(out, r.config.text); }
  fs.writeFileSync(path.join(dir, 'repro.json'), JSON.stringify(r, null, 1) + '\n');
  return dir;
}

/** Runs one worker with a watchdog; restarts it after a hang (a step that never returns). */
function runWorker(mode, file, data) {
  const state = { mode, stats: undefined, restarts: 0, session: data.startSession ?? 0, path: undefined, aux: new Map(), editsBefore: 0, peakRss: 0 };
  modes[mode] = state;
  const watchdogMs = opts.watchdog * 1000;
  const carry = { stats: [] };
  state.carried = carry.stats;
  return new Promise((resolve) => {
    const start = (startSession, editsDone) => {
      const sab = makeShared();
      const v = views(sab);
      const remaining = Math.max(0, data.edits - editsDone);
      const timeLeft = Math.max(0, data.timeLimitMs - (Date.now() - t0));
      const w = new Worker(new URL(file, import.meta.url), {
        workerData: { ...data, edits: remaining, timeLimitMs: timeLeft, sab, startSession, editsDone, knownSignatures: [...failures.keys()] },
        // The stack of a main thread (V8's default, about 1 MB), not a worker's 4 MB: stack overflows
        // must show at the depth where the CLI and the server overflow.
        resourceLimits: { maxOldGenerationSizeMb: 3072, stackSizeMb: 1 },
      });
      let finished = false;
      let lastLog = Date.now();
      const dog = setInterval(() => {
        const since = v.head[0];
        if (since > 0 && Date.now() - since > watchdogMs) {
          const snap = snapshot(v);
          clearInterval(dog);
          finished = true;
          void w.terminate();
          record(hangRepro(state, snap, `no answer for ${Math.round((Date.now() - snap.since) / 1000)} s (${snap.phase}); the worker was stopped`));
          const done = (state.stats?.edits ?? 0);
          if (state.stats) carry.stats.push(state.stats);
          state.stats = undefined;
          state.restarts++;
          start(state.session + 1, editsDone + done);
        }
        if (!opts.quiet && Date.now() - lastLog > 10_000 && state.stats) {
          lastLog = Date.now();
          log(`  … ${mode}: ${editsDone + state.stats.edits} edits, ${state.stats.sessions ?? 0} documents, ${Math.round((Date.now() - t0) / 1000)} s${state.stats.rss ? `, server RSS ${mb(state.stats.rss.last)}` : ''}`);
        }
      }, 250);
      w.on('message', (m) => {
        if (m.type === 'progress' || m.type === 'done') {
          state.stats = m.stats;
          if (m.type === 'done') { finished = true; clearInterval(dog); state.final = mergeCarry(m.stats, carry); resolve(state); }
        } else if (m.type === 'session') { state.session = m.session; state.path = m.path; state.aux = new Map(); }
        else if (m.type === 'aux') state.aux.set(m.path, m);
        else if (m.type === 'failure') record(m.repro);
      });
      w.on('error', (e) => {
        if (finished) return;
        if (!state.stats && !state.restarts) { process.stderr.write(`fuzz: the ${mode} worker failed to start: ${e?.stack ?? e}\n`); process.exit(2); }
        finished = true;
        clearInterval(dog);
        const snap = snapshot(v);
        const r = hangRepro(state, snap, `worker died: ${e?.code ?? ''} ${e?.message ?? e}`, e?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'worker-crash');
        r.stack = e?.stack;
        record(r);
        const done = (state.stats?.edits ?? 0);
        if (state.stats) carry.stats.push(state.stats);
        state.stats = undefined;
        state.restarts++;
        if (state.restarts > 20) { state.final = mergeCarry(state.stats ?? {}, carry); resolve(state); return; }
        start(state.session + 1, editsDone + done);
      });
      w.on('exit', () => { if (!finished) { finished = true; clearInterval(dog); state.final = mergeCarry(state.stats ?? {}, carry); resolve(state); } });
    };
    start(data.startSession ?? 0, 0);
  });
}

/** Statistics of a mode over worker restarts: counts add up, maxima stay maxima. */
function mergeCarry(stats, carry) {
  const out = { ...stats };
  for (const prev of carry.stats) {
    for (const [k, v] of Object.entries(prev)) {
      if (typeof v !== 'number' || k === 'elapsedMs' || k === 'nextSession') continue;
      out[k] = k.startsWith('max') ? Math.max(out[k] ?? 0, v) : (out[k] ?? 0) + v;
    }
  }
  return out;
}

function hangRepro(state, snap, detail, kind = 'hang') {
  const r = { kind, where: snap.phase, mode: state.mode, detail, seed: opts.seed, session: state.session, docPath: state.path, text: snap.text, truncated: snap.truncated };
  r.policy = [...state.aux.values()].filter((a) => a.base64 !== undefined).map((a) => ({ path: a.path, base64: a.base64 }));
  const cfg = [...state.aux.values()].find((a) => a.text !== undefined);
  if (cfg) r.config = { path: cfg.path, text: cfg.text };
  if (state.mode === 'server' && state.docs) r.docs = state.docs;
  r.signature = signature(r);
  return r;
}

const mb = (b) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const mb1 = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;

log(`rsp-lint fuzz: seed ${opts.seed}, mode ${opts.mode}, ${opts.mode !== 'server' ? `${opts.engineEdits} engine edits` : ''}${opts.mode === 'both' ? ', ' : ''}${opts.mode !== 'engine' ? `${opts.serverEdits} server edits` : ''}, time limit ${opts.timeLimit} s`);
const common = { seed: opts.seed, timeLimitMs: opts.timeLimit * 1000, hangMs: opts.hangMs, today: '2026-11-23' };
const runs = [];
if (opts.mode !== 'server') runs.push(runWorker('engine', './engine-worker.mjs', { ...common, edits: opts.engineEdits, ...(opts.session !== undefined ? { startSession: opts.session - (opts.session % 20), onlySession: opts.session } : {}) }));
if (opts.mode !== 'engine') runs.push(runWorker('server', './server-worker.mjs', { ...common, seed: opts.seed ^ 0x5eed, edits: opts.serverEdits, root: ROOT }));
await Promise.all(runs);

const elapsed = (Date.now() - t0) / 1000;
/** How often a failure occurred (workers send only the first of each signature). */
function occurrences(mode, sig) {
  const st = modes[mode];
  if (!st) return 0;
  let n = st.final?.bySignature?.[sig] ?? st.stats?.bySignature?.[sig] ?? 0;
  for (const prev of st.carried ?? []) n += prev.bySignature?.[sig] ?? 0;
  return n;
}
const ru = process.resourceUsage();
const summary = {
  seed: opts.seed, mode: opts.mode, seconds: +elapsed.toFixed(1),
  edits: 0, documents: 0, findings: 0, editsPerSecond: 0,
  fuzzerPeakRssMB: +(ru.maxRSS / 1024).toFixed(0),
  engine: undefined, server: undefined,
  failures: [...failures.entries()].map(([sig, f]) => ({ signature: sig, mode: f.repro.mode, count: Math.max(f.count, occurrences(f.repro.mode, sig)), ignored: f.ignored, repro: f.file ? path.relative(ROOT, f.file) : undefined, detail: String(f.repro.detail ?? '').slice(0, 500) })),
};
for (const [name, st] of Object.entries(modes)) {
  const s = st.final ?? st.stats ?? {};
  summary[name] = { ...s, restarts: st.restarts };
  summary.edits += s.edits ?? 0;
  summary.documents += s.sessions ?? 0;
  summary.findings += s.findings ?? 0;
}
summary.editsPerSecond = +(summary.edits / elapsed).toFixed(0);
const failing = summary.failures.filter((f) => !f.ignored);

const lines = [
  `rsp-lint fuzz — seed ${summary.seed}, mode ${summary.mode}`,
  `  edits        ${summary.edits} (${summary.editsPerSecond}/s) in ${summary.seconds} s; ${summary.documents} documents, ${summary.findings} findings`,
];
if (summary.engine) {
  const e = summary.engine;
  lines.push(`  engine       ${e.edits} edits, ${e.sessions} documents, ${e.analyses} analyses, ${e.featureCalls} feature calls, ${e.differentials} cached/fresh comparisons, ${e.segmentChecks ?? 0} pieces/whole-text parse comparisons (${e.segmentedTexts ?? 0} texts in pieces); slowest analysis ${Math.round(e.maxAnalyzeCpuMs ?? 0)} ms CPU / ${Math.round(e.maxAnalyzeMs ?? 0)} ms wall (${e.maxAnalyzeMutation}, ${e.maxAnalyzeSize} chars), slowest feature ${Math.round(e.maxFeatureMs ?? 0)} ms CPU (${e.maxFeature})`);
}
if (summary.server) {
  const s = summary.server;
  lines.push(`  server       ${s.edits} edits, ${s.syncs} diagnostics round trips (compared with the engine), ${s.requests} requests; slowest diagnostics ${Math.round(s.maxSyncMs ?? 0)} ms, slowest request ${Math.round(s.maxRequestMs ?? 0)} ms (${s.maxRequest}); ${s.serverStarts} server process(es)`);
  if (s.rss) {
    lines.push(`  server RSS   ${mb(s.rss.initial)} at launch, ${mb(s.rss.settledStart ?? s.rss.start)} after warm-up (original documents), start ${mb(s.rss.start)} (after the baseline heap snapshot); peak ${mb(s.rss.peak)}; end ${mb(s.rss.end ?? s.rss.last)} (original documents again); limit 3 × start + 100 MB = ${mb(s.rss.limit)}`);
    if (s.rss.heapEnd !== undefined) lines.push(`  server heap  live heap (heap snapshot, after a full GC) ${mb1(s.rss.heapStart)} after warm-up → ${mb1(s.rss.heapEnd)} at the end (a leak if over 3 × + 50 MB); RSS after that GC ${mb(s.rss.startAfterGc)} → ${mb(s.rss.endAfterGc)}`);
  }
}
lines.push(`  fuzzer RSS   peak ${summary.fuzzerPeakRssMB} MB (all threads)`);
lines.push(failing.length ? `  FAILURES     ${failing.length} distinct:` : `  failures     none${summary.failures.length ? ` (${summary.failures.length} ignored)` : ''}`);
for (const f of summary.failures) lines.push(`    ${f.ignored ? '(ignored) ' : ''}[${f.mode}] ${f.signature} ×${f.count}${f.repro ? ` — ${f.repro}` : ''}`);
process.stdout.write(lines.join('\n') + '\n');
if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(summary, null, 2) + '\n');
process.exit(failing.length ? 1 : 0);
