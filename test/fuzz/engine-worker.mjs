// Engine mode (a worker thread): mutated documents analysed in-process through the TypeScript
// sources, with an in-memory Host so that linked policies and configuration files are read
// (and mutated) too. Reports failures, progress and statistics to the coordinator (fuzz.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import * as posix from 'node:path/posix';
import { performance } from 'node:perf_hooks';
import { Rng, mix } from './prng.mjs';
import { apply, corruptBytes, mutate, tokensOf, utf16 } from './mutate.mjs';
import { MemHost, MEM_ROOT } from './memhost.mjs';
import { checkFindings, spanOk } from './invariants.mjs';
import { minimize } from './minimize.mjs';
import { busy, idle, views } from './shared.mjs';
import { loadCorpus, loadEngine } from './engine.mjs';
import { signature } from './signature.mjs';
import { threadCpuMs } from './cpu.mjs';

const { seed, edits: maxEdits, timeLimitMs, startSession, hangMs, sab, today, editsDone: editsBefore = 0, onlySession } = workerData;
const shared = views(sab);
const E = await loadEngine();
const corpus = loadCorpus();
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: false });

const files = corpus.map((c) => ({ path: `${MEM_ROOT}/${c.rel}`, text: c.text, bytes: enc.encode(c.text) }));
const targets = files.filter((f) => !f.path.endsWith('/.rsp-lint.yaml'))
  .map((f) => [f, f.path.includes('/example-labs/') ? 4 : 1]);
const ctxBase = {
  tokens: [...new Set(corpus.flatMap((c) => tokensOf(c.text)))],
  corpus: corpus.map((c) => c.text),
  ruleIds: [...E.known],
};
const DEFAULT_CONFIG = 'rules:\n  goal-unlinked: warning\n  roadmap-area-empty: information\nlimits:\n  max_depth: 32\n  max_findings_per_file: 200\n  max_alias_expansion: 100\n  max_file_bytes: 2097152\n';
// Incremental, and every text parsed in pieces (not only large ones): the paths the editor
// takes on large documents, exercised on every mutation of the small example documents.
const options = { today, incremental: true, segmentMinBytes: 0 };

const host = new MemHost();
/** Every path a session may put an editor buffer on or change: documents and configuration files. */
const allPaths = [...new Set(files.flatMap((f) => [f.path, `${posix.dirname(f.path)}/.rsp-lint.yaml`]))];
const resetHost = () => {
  host.files.clear();
  for (const f of files) host.files.set(f.path, f.bytes);
  for (const d of ['example-labs', 'with-problems']) host.special.add(`${MEM_ROOT}/${d}/fifo.rsp.yaml`);
};
resetHost();

const stats = {
  edits: 0, sessions: 0, analyses: 0, findings: 0, featureCalls: 0, differentials: 0,
  policyEdits: 0, configEdits: 0, byteLevelDocs: 0,
  maxAnalyzeMs: 0, maxAnalyzeCpuMs: 0, maxAnalyzeMutation: '', maxAnalyzeSize: 0, maxFeatureMs: 0, maxFeature: '', failures: 0,
  rules: {}, mutations: {}, bySignature: {}, cpuBySize: {}, editsBySize: {},
};
const seen = new Map((workerData.knownSignatures ?? []).map((sig) => [sig, 1])); // after a restart: no second minimization
const started = performance.now();
let lastProgress = 0;

function progress(force = false) {
  const now = performance.now();
  if (!force && now - lastProgress < 1000) return;
  lastProgress = now;
  parentPort.postMessage({ type: 'progress', stats });
}

/** Records a failure; the first of each signature is minimized and sent as a repro. */
function fail(state, f) {
  const sig = signature(f);
  stats.failures++;
  stats.bySignature[sig] = (stats.bySignature[sig] ?? 0) + 1;
  const n = (seen.get(sig) ?? 0) + 1;
  seen.set(sig, n);
  if (n > 1) return;
  // The policy the document links to, as it is now (so the repro folder is complete).
  let linked;
  try { const ref = safeLoad(state.path).model?.policyRef ?? policyRefOf(state.text); if (typeof ref === 'string') linked = host.resolve(posix.dirname(state.path), ref); } catch { /* none */ }
  if (linked && linked !== state.path && host.files.has(linked)) state.touched.add(linked);
  const repro = {
    signature: sig, mode: 'engine', ...f, seed, session: state.session, edit: state.k, mutation: state.lastMutation,
    docPath: state.path, today, byteLevel: state.diskMode,
    text: state.text,
    policy: [...state.touched].filter((p) => p !== state.path).map((p) => ({ path: p, base64: Buffer.from(host.files.get(p) ?? []).toString('base64') })),
    config: state.configText !== undefined ? { path: state.configPath, text: state.configText } : undefined,
    history: state.history,
  };
  if (state.diskMode) repro.docBase64 = Buffer.from(host.files.get(state.path) ?? []).toString('base64');
  const pred = predicateFor(state, f, sig);
  if (pred && !state.diskMode) {
    const t0 = Date.now();
    // Each candidate is one step for the watchdog (a candidate may hang like the original).
    const m = minimize(repro.text, (t) => { busy(shared, 'minimize', t); try { return pred(t); } finally { idle(shared); } },
      { ms: f.kind === 'slow' ? 20_000 : 5_000, calls: f.kind === 'slow' ? 60 : 1500, chars: f.kind !== 'slow' });
    repro.minimized = m.text;
    repro.minimizeCalls = m.calls;
    repro.minimizeMs = Date.now() - t0;
  }
  parentPort.postMessage({ type: 'failure', repro });
}

function freshWorkspace(state, text) {
  const w = new E.Workspace(host, { ...options, incremental: false });
  if (state.configOverlay) w.setText(state.configPath, state.configText);
  w.setText(state.path, text);
  return w;
}

/** Whether a candidate text still shows the same failure (for minimization). */
function predicateFor(state, f, sig) {
  if (f.kind === 'exception' && f.where === 'analyze') {
    return (t) => { try { freshWorkspace(state, t).analyze(state.path); return false; } catch (e) { return signature({ ...f, detail: errText(e) }) === sig; } };
  }
  if (f.kind === 'exception' && f.feature) {
    return (t) => {
      const w = freshWorkspace(state, t);
      w.analyze(state.path);
      for (const off of new Set([Math.min(f.offset, t.length), 0, t.length])) {
        try { callFeature(w, state, t, f.feature, off, f.arg); } catch (e) { if (signature({ ...f, detail: errText(e) }) === sig) return true; }
      }
      return false;
    };
  }
  if (f.kind === 'invariant' && f.where === 'analyze') {
    return (t) => {
      const w = freshWorkspace(state, t);
      const doc = w.load(state.path);
      const found = w.analyze(state.path);
      return checkFindings(found, t, checkOpts(doc, t)).some((p) => signature({ kind: 'invariant', where: 'analyze', ...p }) === sig);
    };
  }
  if (f.kind === 'slow' && f.where === 'analyze') {
    return (t) => { const w = freshWorkspace(state, t); const c0 = threadCpuMs(); w.analyze(state.path); return threadCpuMs() - c0 > hangMs / 2; };
  }
  return undefined;
}

const errText = (e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
const checkOpts = (doc, text) => ({
  known: E.known, documented: E.documented,
  blocking: !doc.parsed || doc.parsed.blocking, maxFindings: doc.config.limits.maxFindingsPerFile,
});

/** Loaded text of a path (the engine's view), for checking spans of other documents. */
const textOf = (w, p) => w.load(p).parsed?.text;

function checkSpans(w, state, list, what) {
  for (const l of list) {
    const t = l.path === state.path ? state.seenText : textOf(w, l.path);
    if (t === undefined || !spanOk(l.start, l.end, t.length)) return `${what} span ${l.start}..${l.end} outside ${l.path} (${t?.length} units)`;
  }
  return undefined;
}

const FEATURES = ['hover', 'complete', 'definition', 'references', 'prepareRename', 'rename', 'outline', 'actions', 'workspaceSymbols'];

/** Calls one editor feature; returns an invariant problem (string) or undefined. Throws what the feature throws. */
function callFeature(w, state, text, feature, offset, arg) {
  const n = text.length;
  switch (feature) {
    case 'hover': {
      const h = E.hover(w, state.path, offset);
      if (h && (typeof h.markdown?.value !== 'string' || !spanOk(h.start, h.end, n))) return `hover span ${h.start}..${h.end} of ${n}`;
      // Output security: hover Markdown carries no hidden character from the document.
      if (h && /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(h.markdown.value)) return 'hover markdown with a control character';
      return undefined;
    }
    case 'complete': {
      const r = E.complete(w, state.path, offset, today);
      if (!r) return undefined;
      if (!spanOk(r.start, r.end, n)) return `completion span ${r.start}..${r.end} of ${n}`;
      for (const i of r.items) if (typeof i.label !== 'string' || typeof i.insertText !== 'string') return `completion item ${JSON.stringify(i).slice(0, 200)}`;
      return undefined;
    }
    case 'definition': return checkSpans(w, state, E.definition(w, state.path, offset), 'definition');
    case 'references': return checkSpans(w, state, E.references(w, state.path, offset, !!arg), 'reference');
    case 'prepareRename': {
      const r = E.prepareRename(w, state.path, offset);
      if ('error' in r) return typeof r.error === 'string' ? undefined : 'prepareRename error is not a string';
      return spanOk(r.start, r.end, n) ? undefined : `prepareRename span ${r.start}..${r.end} of ${n}`;
    }
    case 'rename': {
      const r = E.rename(w, state.path, offset, arg);
      if ('error' in r) return undefined;
      for (const [p, edits] of r.edits) {
        const t = p === state.path ? text : textOf(w, p);
        for (const e of edits) if (t === undefined || !spanOk(e.start, e.end, t.length)) return `rename edit ${e.start}..${e.end} outside ${p}`;
      }
      return undefined;
    }
    case 'outline': {
      const walk = (items) => {
        for (const o of items) {
          if (!spanOk(o.start, o.end, n) || !spanOk(o.selStart, o.selEnd, n) || o.selStart < o.start || o.selEnd > o.end) return `outline item '${o.name}' ${o.start}..${o.end} sel ${o.selStart}..${o.selEnd} of ${n}`;
          const c = walk(o.children); if (c) return c;
        }
        return undefined;
      };
      return walk(E.outline(w.load(state.path)));
    }
    case 'actions': {
      const found = w.analyze(state.path);
      for (const a of E.actionsFor(w.load(state.path), found)) for (const e of a.edits) if (!spanOk(e.start, e.end, n)) return `code action '${a.title}' edit ${e.start}..${e.end} of ${n}`;
      return undefined;
    }
    case 'workspaceSymbols': {
      const list = E.workspaceSymbols(w, arg);
      return checkSpans(w, state, list, 'workspace symbol');
    }
  }
  return undefined;
}

/** An offset where features have something to say: on an id or ASL level, else anywhere. */
function featureOffset(rng, text) {
  if (rng.chance(0.5)) {
    const toks = tokensOf(text.length > 200_000 ? text.slice(0, 200_000) : text);
    if (toks.length) {
      const t = rng.pick(toks);
      const i = text.indexOf(t);
      if (i >= 0) return i + rng.int(t.length + 1);
    }
  }
  return rng.int(text.length + 1);
}

let ws;
/** The `policy:` value of a text that does not parse (the model has none then). */
const policyRefOf = (text) => /^\s*policy:[ \t]*["']?([^"'#\r\n]*?)["']?[ \t]*$/m.exec(text.length > 100_000 ? text.slice(0, 100_000) : text)?.[1];
/** ws.load where a throw is already reported by the analysis of the same text. */
function safeLoad(p) { try { return ws.load(p); } catch { return {}; } }
const elapsed = () => performance.now() - started;

function runSession(s) {
  const rng = new Rng(mix(seed, s));
  resetHost();
  if (!ws || s % 20 === 0) ws = new E.Workspace(host, { ...options });
  const target = rng.weighted(targets);
  const dir = posix.dirname(target.path);
  const state = {
    session: s, k: -1, path: target.path, text: target.text, seenText: target.text, diskMode: rng.chance(0.1),
    configPath: `${dir}/.rsp-lint.yaml`, configText: undefined, configOverlay: false, touched: new Set(), history: [], lastMutation: '',
  };
  if (host.files.has(state.configPath)) state.configText = dec.decode(host.files.get(state.configPath));
  parentPort.postMessage({ type: 'session', session: s, path: state.path, diskMode: state.diskMode, editsBefore: editsBefore + stats.edits });
  const ctx = {
    ...ctxBase,
    policyPaths: files.map((f) => posix.relative(dir, f.path)).concat(['fifo.rsp.yaml', '../example-labs/fifo.rsp.yaml', posix.basename(target.path)]),
    noHuge: false,
  };
  // Every session starts from an unedited workspace: no editor buffers, nothing cached.
  for (const p of allPaths) { ws.clearText(p); ws.invalidate(p); }
  const put = () => {
    if (state.diskMode) {
      let bytes = enc.encode(state.text);
      const r = rng.next();
      if (r < 0.3) bytes = corruptBytes(rng, bytes);
      else if (r < 0.4) bytes = utf16(state.text, rng.chance(0.5));
      host.files.set(state.path, bytes);
      state.touched.add(state.path);
      ws.clearText(state.path);
      ws.invalidate(state.path);
      stats.byteLevelDocs++;
    } else ws.setText(state.path, state.text);
  };
  put();
  stats.sessions++;
  try {
    edits(rng, state, ctx, dir, put);
  } finally {
    ws.clearText(state.path);
    if (state.configOverlay) ws.clearText(state.configPath);
    for (const p of state.touched) ws.invalidate(p);
  }
}

function edits(rng, state, ctx, dir, put) {
  const length = rng.chance(0.15) ? rng.range(40, 120) : rng.range(1, 30);
  for (let k = 0; k < length; k++) {
    if (stats.edits >= maxEdits || elapsed() > timeLimitMs) break;
    state.k = k;
    const what = rng.next();
    const kind = safeLoad(state.path).kind;
    if (what < 0.08 && kind && kind !== 'policy') {
      // Mutate the linked policy, as stored on the "disk" of the in-memory host.
      const ref = safeLoad(state.path).model?.policyRef ?? policyRefOf(state.text);
      const p = typeof ref === 'string' ? host.resolve(dir, ref) : undefined;
      if (p && p !== state.path && host.files.has(p)) {
        const r = rng.next();
        let bytes;
        if (r < 0.7) { const t = dec.decode(host.files.get(p)); const e = mutate(rng, t, ctx); bytes = enc.encode(apply(t, e)); state.lastMutation = `policy:${e.name}`; }
        else if (r < 0.9) { bytes = corruptBytes(rng, host.files.get(p)); state.lastMutation = 'policy:corrupt-bytes'; }
        else { bytes = utf16(dec.decode(host.files.get(p)), rng.chance(0.5)); state.lastMutation = 'policy:utf16'; }
        host.files.set(p, bytes);
        parentPort.postMessage({ type: 'aux', path: p, base64: Buffer.from(bytes).toString('base64') });
        state.touched.add(p);
        ws.invalidate(p);
        stats.policyEdits++;
        state.history.push({ policy: p, mutation: state.lastMutation });
      } else continue;
    } else if (what < 0.11) {
      // Mutate (or create) the configuration file of the document's folder.
      state.configText ??= DEFAULT_CONFIG;
      const e = rng.chance(0.1) ? { name: 'truncate', start: 0, end: state.configText.length, text: '' } : mutate(rng, state.configText, { ...ctx, noHuge: true });
      state.configText = apply(state.configText, e);
      state.lastMutation = `config:${e.name}`;
      parentPort.postMessage({ type: 'aux', path: state.configPath, text: state.configText });
      if (state.configOverlay || rng.chance(0.5)) { state.configOverlay = true; ws.setText(state.configPath, state.configText); }
      else { host.files.set(state.configPath, enc.encode(state.configText)); state.touched.add(state.configPath); ws.invalidate(state.configPath); }
      stats.configEdits++;
      state.history.push({ config: state.configPath, mutation: state.lastMutation, start: e.start, end: e.end, text: e.text });
    } else {
      const e = mutate(rng, state.text, ctx);
      state.text = apply(state.text, e);
      state.lastMutation = e.name;
      state.history.push({ mutation: e.name, start: e.start, end: e.end, text: e.text.length > 2000 ? { repeat: e.text.slice(0, 200), length: e.text.length } : e.text });
      put();
    }
    stats.mutations[state.lastMutation] = (stats.mutations[state.lastMutation] ?? 0) + 1;
    stats.edits++;
    const cost = checkOne(rng, state);
    progress();
    // An expensive document has been seen (and reported if over the budget): move on.
    if (cost > hangMs || (cost > 250 && rng.chance(0.5))) break;
  }
}

function checkOne(rng, state) {
  busy(shared, 'analyze', state.text);
  let findings;
  const t0 = performance.now();
  const c0 = threadCpuMs();
  try {
    findings = ws.analyze(state.path);
  } catch (e) {
    idle(shared);
    fail(state, { kind: 'exception', where: 'analyze', detail: errText(e), stack: e?.stack });
    return 0;
  }
  const dt = performance.now() - t0;
  const cpu = threadCpuMs() - c0;
  idle(shared);
  stats.analyses++;
  stats.findings += findings.length;
  for (const f of findings) stats.rules[f.rule] = (stats.rules[f.rule] ?? 0) + 1;
  if (dt > stats.maxAnalyzeMs) stats.maxAnalyzeMs = dt;
  const bucket = state.text.length < 16384 ? '<16K' : state.text.length < 65536 ? '<64K' : state.text.length < 262144 ? '<256K' : state.text.length < 1 << 20 ? '<1M' : '>=1M';
  stats.cpuBySize[bucket] = (stats.cpuBySize[bucket] ?? 0) + cpu;
  stats.editsBySize[bucket] = (stats.editsBySize[bucket] ?? 0) + 1;
  if (cpu > stats.maxAnalyzeCpuMs) { stats.maxAnalyzeCpuMs = cpu; stats.maxAnalyzeMutation = state.lastMutation; stats.maxAnalyzeSize = state.text.length; }
  const doc = ws.load(state.path);
  state.seenText = doc.parsed?.text;
  if (cpu > hangMs) fail(state, { kind: 'slow', where: 'analyze', detail: `analysis of ${state.text.length} characters took ${cpu} ms of CPU (${Math.round(dt)} ms wall; budget ${hangMs} ms)`, cpuMs: cpu, ms: dt });
  // Bytes that did not decode have no text to place ranges in.
  const probs = checkFindings(findings, state.seenText ?? '', state.seenText === undefined ? { known: E.known, documented: E.documented, noRanges: true } : checkOpts(doc, state.seenText));
  for (const p of probs) fail(state, { kind: 'invariant', where: 'analyze', ...p });
  // The configuration file's own findings.
  if (state.configText !== undefined) {
    // The text the engine read: an editor buffer as is, a file decoded (a UTF-8 BOM is not text).
    const configSeen = state.configOverlay ? state.configText : dec.decode(host.files.get(state.configPath) ?? new Uint8Array());
    for (const c of ws.configs()) {
      if (c.path !== state.configPath) continue;
      for (const p of checkFindings(c.findings, configSeen, { known: E.known, documented: E.documented })) {
        fail(state, { kind: 'invariant', where: 'config', ...p, configFindings: c.findings.slice(0, 20) });
      }
    }
  }
  // Editor features at random places.
  const text = state.seenText;
  if (text !== undefined) {
    const calls = rng.chance(0.3) ? 2 : 1;
    for (let c = 0; c < calls; c++) {
      const feature = rng.pick(FEATURES);
      const offset = featureOffset(rng, text);
      const arg = feature === 'rename' ? rng.pick([...ctxBase.tokens, 'ASL-5', 'bad name', '', 'X'.repeat(300)]) : feature === 'workspaceSymbols' ? rng.pick(['', 'ASL', 'sec', 'x', '.*', '\0']) : rng.chance(0.5);
      busy(shared, 'feature', null);
      const f0 = threadCpuMs();
      let problem;
      try {
        problem = callFeature(ws, state, text, feature, offset, arg);
      } catch (e) {
        idle(shared);
        fail(state, { kind: 'exception', where: feature, feature, offset, arg, detail: errText(e), stack: e?.stack });
        continue;
      }
      const fdt = threadCpuMs() - f0;
      idle(shared);
      stats.featureCalls++;
      if (fdt > stats.maxFeatureMs) { stats.maxFeatureMs = fdt; stats.maxFeature = feature; }
      if (fdt > hangMs) fail(state, { kind: 'slow', where: feature, feature, offset, detail: `${feature} took ${fdt} ms of CPU` });
      if (problem) fail(state, { kind: 'invariant', where: feature, invariant: `${feature}-span`, feature, offset, arg, detail: problem });
    }
  }
  // Parsing in pieces must give what one parse of the whole text gives, for every text that
  // parses either way (for the others, both must refuse it).
  if (state.seenText !== undefined && (state.k % 2 === 1 || rng.chance(0.2))) {
    busy(shared, 'segmented', state.seenText);
    try {
      const d = E.segmentedVsWhole(state.seenText);
      stats.segmentChecks = (stats.segmentChecks ?? 0) + 1;
      if (d.segmented) stats.segmentedTexts = (stats.segmentedTexts ?? 0) + 1;
      if (d.problem) fail(state, { kind: 'differential', where: 'segmented parse', detail: d.problem });
    } catch (e) {
      fail(state, { kind: 'exception', where: 'segmented parse', detail: errText(e), stack: e?.stack });
    }
    idle(shared);
  }
  // Incremental (cached) analysis must equal a fresh workspace's.
  if (!state.diskMode && (state.k % 10 === 9 || rng.chance(0.05))) {
    busy(shared, 'differential', null);
    try {
      const again = freshWorkspace(state, state.text).analyze(state.path);
      stats.differentials++;
      const a = JSON.stringify(findings), b = JSON.stringify(again);
      if (a !== b) fail(state, { kind: 'differential', where: 'analyze', detail: `cached analysis differs from a fresh workspace: ${firstDiff(findings, again)}` });
    } catch (e) {
      fail(state, { kind: 'exception', where: 'analyze-fresh', detail: errText(e), stack: e?.stack });
    }
    idle(shared);
  }
  return cpu;
}

function firstDiff(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = JSON.stringify(a[i]), y = JSON.stringify(b[i]);
    if (x !== y) return `#${i}: cached ${x?.slice(0, 300)} / fresh ${y?.slice(0, 300)}`;
  }
  return '';
}

let s = startSession;
stats.edits = 0;
while (stats.edits < maxEdits && elapsed() < timeLimitMs && (onlySession === undefined || s <= onlySession)) {
  try {
    runSession(s++);
  } catch (e) {
    // Something escaped the per-step guards (e.g. a stack overflow inside a catch handler).
    fail({ session: s - 1, k: -1, path: '', text: '', touched: new Set(), history: [], configText: undefined }, { kind: 'exception', where: 'session', detail: errText(e), stack: e?.stack });
  }
}
stats.elapsedMs = elapsed();
stats.nextSession = s;
parentPort.postMessage({ type: 'done', stats });
