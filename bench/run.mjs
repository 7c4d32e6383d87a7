#!/usr/bin/env node
// `npm run bench`: rsp-lint against Red Hat's yaml-language-server (configured with our JSON
// schemas) and against the floor (one in-process `yaml` parse + ajv validation), on the
// documents of bench/generate.mjs. Both servers are driven over real LSP stdio from this
// process; nothing is timed inside the servers. The 10k and 50k policies also run as rsp/v2
// (the same text migrated by the engine's own migration), each beside its v1 document, with the
// CLI's check time of the one file for both; the v2/v1 ratios are printed with their targets.
//
//   node bench/run.mjs [--quick] [--sizes policy-10k,policy-50k,workspace,compliance] [--profile] [--no-write]
//
// --quick    one small policy (and its rsp/v2 copy), 4 edits, a 50-file workspace: a smoke run (results go to
//            bench/work/quick.{json,md}, never over bench/results/latest.*)
// --sizes    only these documents (names from bench/generate.mjs; `workspace` and `render` for those sections)
// --profile  start rsp-lint with --cpu-prof (profiles in bench/work/prof/); slows it down
// --cli PATH the rsp-lint bundle to measure (default dist/rsp-lint.js)
// --no-write print only
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node';
import { parseDocument } from 'yaml';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { generateAll, loadMigrate, TODAY } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const CLI_ARG = (() => { const i = process.argv.indexOf('--cli'); return i >= 0 ? path.resolve(process.argv[i + 1]) : undefined; })();
/** The bundle under test: dist/rsp-lint.js, or --cli PATH (e.g. a build of another commit). */
const CLI = CLI_ARG ?? path.join(ROOT, 'dist', 'rsp-lint.js');
const YLS = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const WORK = path.join(HERE, 'work');

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const PROFILE = argv.includes('--profile');
const NO_WRITE = argv.includes('--no-write');
const ONLY = (() => { const i = argv.indexOf('--sizes'); return i >= 0 ? argv[i + 1].split(',') : undefined; })();
const PLAN = QUICK
  ? { edits: 4, hovers: 5, completions: 5, typedCompletions: 2, floorReps: 5, cliRuns: 1, fileCliRuns: 3 }
  : { edits: 20, hovers: 30, completions: 30, typedCompletions: 6, floorReps: 15, cliRuns: 3, fileCliRuns: 9 };
const WAIT_MS = 180_000;
const YLS_DELAY = 200; // yaml-language-server's fixed validation delay (yamlSettings.validationDelayMs)

const COLS = ['rsp-lint', 'yaml-language-server', 'yls −200 ms', 'floor'];

// ---------------------------------------------------------------- small helpers
const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A sleep that does not keep the process alive (for races against a time limit). */
const limit = (ms, value) => new Promise((r) => setTimeout(() => r(value), ms).unref());
const median = (xs) => pct(xs, 0.5);
function pct(xs, p) {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}
const uriOf = (p) => pathToFileURL(p).href;
function posAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
function procStatus(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch { return { rss: NaN, hwm: NaN }; }
}
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
/** CPU time (user + system) used so far by `pid`, in ms (resolution 1000 / CLK_TCK ms). */
function cpuMsOf(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK; // fields 14 and 15: utime, stime
  } catch { return NaN; }
}
const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
/** Samples VmRSS of `pid` every 20 ms; stop() returns the peak in MB (and VmHWM, the kernel's own peak). */
function memSampler(pid) {
  let peak = 0;
  let hwm = 0;
  const tick = () => { const s = procStatus(pid); if (s.rss > peak) peak = s.rss; if (s.hwm > hwm) hwm = s.hwm; };
  const t = setInterval(tick, 20);
  return { tick, stop() { tick(); clearInterval(t); return { peakRssMB: peak / 1024, hwmMB: hwm / 1024 }; } };
}

// ---------------------------------------------------------------- the servers
const schemaUri = (n) => uriOf(path.join(ROOT, 'schemas', `${n}.schema.json`));
/** yaml-language-server's settings: our v1 schemas by file name, or for an rsp/v2 document the v2 ones. */
const ylsSettings = (format) => ({
  schemas: {
    [schemaUri(format === 'rsp/v2' ? 'policy.v2' : 'policy')]: ['*.rsp.yaml', '*.rsp.yml'],
    [schemaUri(format === 'rsp/v2' ? 'roadmap.v2' : 'roadmap')]: ['*.roadmap.yaml', '*.roadmap.yml'],
    [schemaUri(format === 'rsp/v2' ? 'risk-report.v2' : 'risk-report')]: ['*.risk-report.yaml', '*.risk-report.yml'],
  },
  validate: true, hover: true, completion: true,
  // No network here (and none wanted in a benchmark): no schema store, no CRD store.
  schemaStore: { enable: false }, kubernetesCRDStore: { enable: false },
  format: { enable: false },
});
const SERVERS = {
  'rsp-lint': {
    args: () => [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(WORK, 'prof')}`] : []), CLI, '--stdio'],
    languageId: (kind) => `rsp-${kind}`,
    versioned: true, // publishes diagnostics with the document version
    config: (section) => (section === 'rspLint' ? { today: TODAY } : null),
    settings: () => undefined,
    initializationOptions: { today: TODAY },
  },
  'yaml-language-server': {
    args: () => [YLS, '--stdio'],
    languageId: () => 'yaml',
    versioned: false,
    settings: (format) => ({ yaml: ylsSettings(format) }),
    config: (section, format) => (section === 'yaml' ? ylsSettings(format) : section === 'http' ? { proxy: '', proxyStrictSSL: false } : section === 'editor' ? {} : section?.startsWith('[') ? {} : null),
  },
};

/** A real LSP client over stdio, with the bits the benchmark needs. */
async function startServer(name, { root, format = 'rsp/v1' } = {}) {
  const srv = SERVERS[name];
  const settings = srv.settings(format);
  const t0 = now();
  const proc = spawn(process.execPath, srv.args(), { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const mem = memSampler(proc.pid);
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; if (stderr.length > 100_000) stderr = stderr.slice(-50_000); });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const listeners = new Set();
  const published = new Map();
  let configPulls = 0;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = now();
    published.set(p.uri, p);
    for (const l of [...listeners]) l(p, at);
  });
  conn.onNotification(() => {});
  conn.onRequest('workspace/configuration', (p) => { configPulls++; return p.items.map((it) => srv.config(it.section, format)); });
  conn.onRequest('workspace/workspaceFolders', () => (root ? [{ uri: uriOf(root), name: 'root' }] : null));
  conn.onRequest(() => null); // client/registerCapability, window/workDoneProgress/create, …
  conn.listen();
  const init = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: root ? uriOf(root) : null,
    workspaceFolders: root ? [{ uri: uriOf(root), name: 'root' }] : null,
    initializationOptions: srv.initializationOptions,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
      },
    },
  });
  const initMs = now() - t0;
  conn.sendNotification('initialized', {});
  if (settings) {
    const pulls = configPulls;
    conn.sendNotification('workspace/didChangeConfiguration', { settings });
    const until = now() + 10_000;
    while (configPulls === pulls && now() < until) await sleep(5);
  }
  await sleep(300); // both servers settle (settings pulled, schemas registered) before any document

  const versions = new Map();
  const api = {
    name, proc, conn, init, initMs, published, mem,
    get stderr() { return stderr; },
    /** Resolves with [publish, time] for the first publish of `uri` after now (for rsp-lint: of version ≥ `version`). */
    nextDiagnostics(uri, version) {
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => { listeners.delete(l); reject(new Error(`${name}: no diagnostics for ${uri} v${version} within ${WAIT_MS} ms\n${stderr.slice(-2000)}`)); }, WAIT_MS);
        const l = (p, at) => {
          if (p.uri !== uri) return;
          if (srv.versioned && version !== undefined && (p.version ?? 0) < version) return;
          clearTimeout(t); listeners.delete(l); resolve([p, at]);
        };
        listeners.add(l);
      });
    },
    open(file, kind, text) {
      const uri = uriOf(file);
      versions.set(uri, 1);
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: srv.languageId(kind), version: 1, text } });
      return 1;
    },
    edit(uri, range, text) {
      const v = versions.get(uri) + 1;
      versions.set(uri, v);
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text }] });
      return v;
    },
    cpuMs: () => cpuMsOf(proc.pid),
    async timed(method, params) { const t = now(); const r = await conn.sendRequest(method, params); return [now() - t, r]; },
    async stop() {
      const m = mem.stop();
      const exited = new Promise((r) => proc.once('exit', (code) => r(code)));
      try { await Promise.race([conn.sendRequest('shutdown'), limit(5000)]); conn.sendNotification('exit'); } catch { /* gone */ }
      const code = await Promise.race([exited, limit(5000, 'timeout')]);
      if (code === 'timeout') proc.kill('SIGKILL');
      conn.dispose();
      return m;
    },
  };
  return api;
}

// ---------------------------------------------------------------- what to edit, where to hover
/**
 * Offsets in `text` for the edits and requests; all realistic spots, spread over the document.
 * In rsp/v2 a threshold's domain is open (any id), so the enum typos of a v2 policy go into
 * the commitments' `track:` (an enum in both formats); everything else is where v1 has it.
 */
function spots(text, kind, format = 'rsp/v1') {
  const lines = text.split('\n');
  const starts = [];
  for (let i = 0, o = 0; i < lines.length; i++) { starts.push(o); o += lines[i].length + 1; }
  const find = (re) => lines.flatMap((l, i) => { const m = re.exec(l); return m ? [{ line: i, m, offset: starts[i] }] : []; });
  const middle = (arr) => arr[Math.floor(arr.length / 2)];
  const enumRe = kind !== 'policy' ? /^(\s+area: )([a-z]+)$/ : format === 'rsp/v2' ? /^(\s+track: )([a-z]+)$/ : /^(\s+domain: )([a-z-]+)$/;
  const refRe = kind === 'policy' ? /^(\s+safeguards: \[)([A-Za-z][\w.-]*)/ : /^(\s+supports: \[)([A-Za-z][\w.-]*)/;
  const endOf = ({ line, m }) => ({ line, character: m[1].length + m[2].length });
  const enums = find(enumRe).map((h) => ({ pos: endOf(h), type: 'enum typo', what: `${h.m[2]} → ${h.m[2]}x` }));
  const refs = find(refRe).map((h) => ({ pos: endOf(h), type: 'broken id reference', what: `${h.m[2]} → ${h.m[2]}x` }));
  const hoverHit = kind === 'policy'
    ? middle(find(/^(\s+requires: )(ASL-3)$/))
    : middle(find(/^(\s+supports: \[)(ASL-\d)/));
  const statusHit = kind === 'policy' ? middle(find(/^(\s+status: )(defined)$/)) : middle(find(/^(\s+status: )([a-z-]+)$/));
  return {
    enums, refs,
    hover: { line: hoverHit.line, character: hoverHit.m[1].length + 2, label: hoverHit.m[0].trim() },
    status: { line: statusHit.line, character: statusHit.m[1].length, value: statusHit.m[2], label: statusHit.m[0].trim() },
  };
}

/** The k-th of n spread evenly over `arr`. */
const spread = (arr, k, n) => arr[Math.min(arr.length - 1, Math.floor(((k + 0.5) / n) * arr.length))];

// ---------------------------------------------------------------- one server on one document
async function lspRun(name, doc) {
  const text = fs.readFileSync(doc.file, 'utf8');
  const uri = uriOf(doc.file);
  const where = spots(text, doc.kind, doc.format);
  const s = await startServer(name, { format: doc.format });
  const out = { initMs: s.initMs };
  try {
    // open → first diagnostics
    const firstP = s.nextDiagnostics(uri, 1);
    const openCpu0 = s.cpuMs();
    const t0 = now();
    s.open(doc.file, doc.kind, text);
    const [first, tFirst] = await firstP;
    out.openMs = tFirst - t0;
    await sleep(20);
    out.openCpuMs = s.cpuMs() - openCpu0;
    const baseline = first.diagnostics.length;
    out.baselineDiagnostics = baseline;

    // edits: half break the document (enum typo / broken id reference), half repair it
    const edits = [];
    const pairs = PLAN.edits / 2;
    for (let k = 0; k < pairs; k++) {
      const pool = k % 2 === 0 ? where.enums : where.refs;
      const spot = spread(pool, Math.floor(k / 2), Math.ceil(pairs / 2));
      for (const valid of [false, true]) {
        const range = valid ? { start: spot.pos, end: { ...spot.pos, character: spot.pos.character + 1 } } : { start: spot.pos, end: spot.pos };
        const cpu0 = s.cpuMs();
        const tEdit = now();
        const v = s.edit(uri, range, valid ? '' : 'x');
        const wait = s.nextDiagnostics(uri, v);
        const [p, at] = await wait;
        const onLine = p.diagnostics.some((d) => d.range.start.line === spot.pos.line);
        await sleep(20); // let the server finish sending (its CPU for this edit is counted, nothing else runs)
        edits.push({ type: valid ? 'repair' : spot.type, line: spot.pos.line, what: spot.what, valid, ms: at - tEdit, cpuMs: s.cpuMs() - cpu0, diagnostics: p.diagnostics.length, flagged: onLine, backToBaseline: p.diagnostics.length === baseline });
      }
    }
    out.edits = edits;
    const ms = edits.map((e) => e.ms);
    out.editP50 = median(ms);
    out.editP95 = pct(ms, 0.95);
    out.editCpuMean = edits.reduce((a, e) => a + e.cpuMs, 0) / edits.length;
    out.editInvalidP50 = median(edits.filter((e) => !e.valid).map((e) => e.ms));
    out.editValidP50 = median(edits.filter((e) => e.valid).map((e) => e.ms));
    const detected = { enumTypos: edits.filter((e) => e.type === 'enum typo' && e.flagged).length, of: edits.filter((e) => e.type === 'enum typo').length,
      brokenRefs: edits.filter((e) => e.type === 'broken id reference' && e.flagged).length, ofRefs: edits.filter((e) => e.type === 'broken id reference').length,
      repairsBackToBaseline: edits.filter((e) => e.valid && e.backToBaseline).length, repairs: edits.filter((e) => e.valid).length };
    out.detected = detected;
    // The figures mean nothing if a server is not checking: rsp-lint must flag every broken edit, and
    // yaml-language-server (schema only) every enum typo — else its schemas were not applied.
    // In a document with a YAML mistake, rsp-lint reports that mistake (and nothing else) after every edit.
    if (doc.broken) {
      const syntax = (p) => p.diagnostics.filter((d) => d.code === 'yaml-syntax').length;
      if (name === 'rsp-lint' && (syntax(first) !== 1 || baseline !== 1 || !edits.every((e) => e.diagnostics === 1))) {
        throw new Error(`rsp-lint did not report the one YAML mistake of ${doc.name} after every edit: ${JSON.stringify(first.diagnostics.slice(0, 3))} / ${JSON.stringify(edits.map((e) => e.diagnostics))}`);
      }
    } else if (detected.enumTypos !== detected.of || (name === 'rsp-lint' && detected.brokenRefs !== detected.ofRefs) || detected.repairsBackToBaseline !== detected.repairs) {
      throw new Error(`${name} did not report the edits as expected on ${doc.name}: ${JSON.stringify(detected)}\n${JSON.stringify(edits.slice(0, 6))}`);
    }

    // hover (steady state) at `requires: ASL-3`
    const hover = [];
    let hoverChars = 0;
    for (let i = 0; i < PLAN.hovers; i++) {
      const [t, r] = await s.timed('textDocument/hover', { textDocument: { uri }, position: where.hover });
      hover.push(t);
      hoverChars = JSON.stringify(r?.contents ?? '').length;
    }
    out.hoverP50 = median(hover); out.hoverP95 = pct(hover, 0.95); out.hoverAt = where.hover.label; out.hoverAnswerChars = hoverChars;

    // completion (steady state) at the value of `status:`
    const comp = [];
    let items = 0;
    for (let i = 0; i < PLAN.completions; i++) {
      const [t, r] = await s.timed('textDocument/completion', { textDocument: { uri }, position: { line: where.status.line, character: where.status.character } });
      comp.push(t);
      items = (Array.isArray(r) ? r : r?.items ?? []).length;
    }
    out.completionP50 = median(comp); out.completionP95 = pct(comp, 0.95); out.completionAt = where.status.label; out.completionItems = items;

    // completion right after a keystroke: the value of `status:` deleted, then completion there
    const typed = [];
    let typedItems = 0;
    const val = { start: { line: where.status.line, character: where.status.character }, end: { line: where.status.line, character: where.status.character + where.status.value.length } };
    for (let i = 0; i < PLAN.typedCompletions; i++) {
      const v = s.edit(uri, val, '');
      const wait = s.nextDiagnostics(uri, v);
      const [t, r] = await s.timed('textDocument/completion', { textDocument: { uri }, position: val.start, context: { triggerKind: 1 } });
      typed.push(t);
      typedItems = (Array.isArray(r) ? r : r?.items ?? []).length;
      await wait;
      const v2 = s.edit(uri, { start: val.start, end: val.start }, where.status.value);
      await s.nextDiagnostics(uri, v2);
    }
    out.typedCompletionP50 = median(typed); out.typedCompletionItems = typedItems;
  } finally {
    const m = await s.stop();
    out.peakRssMB = m.peakRssMB; out.hwmMB = m.hwmMB;
  }
  return out;
}

// ---------------------------------------------------------------- the floor
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, allowUnionTypes: true });
ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
addFormats(ajv, ['date']);
const validators = {};
const validatorFor = (name) => (validators[name] ??= ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'))));
function floorOnce(text, validate) {
  const t = now();
  const c = cpuNow();
  const data = parseDocument(text).toJS();
  validate(data);
  return [now() - t, cpuNow() - c];
}
function floorRun(doc) {
  const text = fs.readFileSync(doc.file, 'utf8');
  const validate = validatorFor(doc.schema);
  for (let i = 0; i < 3; i++) floorOnce(text, validate);
  const xs = [];
  const cs = [];
  for (let i = 0; i < PLAN.floorReps; i++) { const [w, c] = floorOnce(text, validate); xs.push(w); cs.push(c); }
  return { p50: median(xs), p95: pct(xs, 0.95), cpuP50: median(cs), reps: xs.length };
}

// ---------------------------------------------------------------- the CLI as a process
/** One `rsp-lint ARGS` run: wall ms (node start-up included), CPU ms of the child (user + system), exit status, findings printed. */
function runCli(args) {
  fs.mkdirSync(WORK, { recursive: true });
  const outFile = path.join(WORK, 'cli-out.txt');
  // Run through bash so that its `times` gives the CLI's CPU time (user + system of the child).
  const q = (a) => `'${a.replace(/'/g, `'\\''`)}'`;
  const script = `${q(process.execPath)} ${[CLI, ...args].map(q).join(' ')} > ${q(outFile)}; st=$?; times; exit $st`;
  const t = now();
  const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`rsp-lint ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const sec = (x) => { const m = /(\d+)m([\d.]+)s/.exec(x); return m ? Number(m[1]) * 60 + Number(m[2]) : NaN; };
  const child = r.stdout.trim().split('\n').pop().trim().split(/\s+/);
  const out = fs.readFileSync(outFile, 'utf8');
  return { ms, cpuMs: (sec(child[0]) + sec(child[1])) * 1000, status: r.status, findings: out.split('\n').filter((l) => / (error|warning|information|hint) /.test(l)).length };
}

/**
 * `rsp-lint --today … FILE` on a v1 document and on its v2 copy, alternately (one warm-up run
 * each, then PLAN.fileCliRuns each, v1 and v2 interleaved so that both see the same load):
 * medians of wall and CPU time, like hyperfine's repeated runs.
 */
function cliCheckPair(v1, v2) {
  const one = (doc) => runCli(['--today', TODAY, doc.file]);
  one(v1); one(v2);
  const a = [];
  const b = [];
  for (let i = 0; i < PLAN.fileCliRuns; i++) { a.push(one(v1)); b.push(one(v2)); }
  const startupMs = median(Array.from({ length: 3 }, () => runCli(['--version']).ms));
  const sum = (runs) => ({ startupMs, ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), minMs: Math.min(...runs.map((r) => r.ms)), runs: runs.length, findings: runs[0].findings });
  return { v1: sum(a), v2: sum(b) };
}

// ---------------------------------------------------------------- init and render (issue #16)
/**
 * `rsp-lint render` of the generated rsp/v2 policies (HTML and Markdown, to a file) and
 * `rsp-lint init` into a fresh folder: medians of wall time (node start-up included) and the
 * size of what was written. The policies are those of the plan (policy-1k-v2 in --quick).
 */
function renderRun(manifest) {
  const runs = QUICK ? 3 : 5;
  const out = { runs, documents: [] };
  const outFile = path.join(WORK, 'render-out');
  for (const doc of manifest.docs.filter((d) => d.kind === 'policy' && d.v2Of)) {
    const row = { name: doc.name, lines: doc.lines };
    for (const fmt of ['html', 'markdown']) {
      const one = () => runCli(['render', '--format', fmt, '--out', outFile, doc.file]);
      one(); // warm-up
      const rs = Array.from({ length: runs }, one);
      row[fmt] = { ms: median(rs.map((r) => r.ms)), cpuMs: median(rs.map((r) => r.cpuMs)), kib: fs.statSync(outFile).size / 1024 };
    }
    out.documents.push(row);
  }
  const dirs = [];
  const init = Array.from({ length: runs }, (_, i) => { const d = path.join(WORK, `init-${i}`); fs.rmSync(d, { recursive: true, force: true }); dirs.push(d); return runCli(['init', d]); });
  out.initMs = median(init.map((r) => r.ms));
  out.startupMs = median(Array.from({ length: 3 }, () => runCli(['--version']).ms));
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  fs.rmSync(outFile, { force: true });
  return out;
}
function renderLines(r) {
  return [
    ...r.documents.map((d) => `- render ${d.name} (${d.lines.toLocaleString('en')} lines): HTML ${f1(d.html.ms)} ms (CPU ${f1(d.html.cpuMs)} ms, ${f1(d.html.kib)} KiB), Markdown ${f1(d.markdown.ms)} ms (CPU ${f1(d.markdown.cpuMs)} ms, ${f1(d.markdown.kib)} KiB)`),
    `- init (rsp, three files): ${f1(r.initMs)} ms; node start-up (rsp-lint --version) ${f1(r.startupMs)} ms; medians of ${r.runs} runs each`,
  ];
}

// ---------------------------------------------------------------- the change review (rsp-lint diff)
/**
 * A second version of the largest rsp/v2 policy with a few changes (a commitment's track, a
 * required standard, an evaluation cadence, a title, the version), then `rsp-lint diff OLD NEW`
 * against `rsp-lint --today … NEW` (the CLI's check of one of them), alternately: medians. Target
 * (issue #14): the diff takes no more than twice the check.
 */
function changeReviewRun(doc) {
  const dir = path.join(WORK, 'change-review');
  fs.mkdirSync(dir, { recursive: true });
  const oldFile = path.join(dir, 'old.rsp.yaml');
  const newFile = path.join(dir, 'new.rsp.yaml');
  const text = fs.readFileSync(doc.file, 'utf8');
  fs.writeFileSync(oldFile, text);
  let next = text;
  const edits = [['track: unilateral', 'track: recommendation'], ['requires: ASL-3', 'requires: ASL-2'], ['cadence: ', 'cadence: every second '], ['title: ', 'title: Revised '], ['version: "', 'version: "9']];
  const applied = edits.filter(([a, b]) => { if (!next.includes(a)) return false; next = next.replace(a, b); return true; }).length;
  fs.writeFileSync(newFile, next);
  const diff = () => runCli(['diff', '--format', 'json', oldFile, newFile]);
  const check = () => runCli(['--today', TODAY, newFile]);
  diff(); check();
  const d = [], c = [];
  for (let i = 0; i < PLAN.fileCliRuns; i++) { d.push(diff()); c.push(check()); }
  const diffOut = spawnSync(process.execPath, [CLI, 'diff', '--format', 'json', oldFile, newFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const rows = JSON.parse(diffOut.stdout);
  return {
    doc: doc.name, lines: doc.lines, edits: applied, changes: rows.length, weakened: rows.filter((x) => x.effect === 'weakened').length, runs: d.length,
    diffMs: median(d.map((r) => r.ms)), diffCpuMs: median(d.map((r) => r.cpuMs)), checkMs: median(c.map((r) => r.ms)), checkCpuMs: median(c.map((r) => r.cpuMs)),
    ratio: median(d.map((r) => r.ms)) / median(c.map((r) => r.ms)),
  };
}

// ---------------------------------------------------------------- the 1,000-file workspace
function workspaceRun(ws) {
  const texts = ws.files.map((f) => ({ text: fs.readFileSync(f.file, 'utf8'), validate: validatorFor(f.schema) }));
  const MB = ws.bytes / 1e6;
  // the floor over the workspace: parse + toJS + validate each file (already read: no I/O, no node start-up)
  const passExact = () => { const t = now(); const c = cpuNow(); for (const x of texts) x.validate(parseDocument(x.text).toJS()); return [now() - t, cpuNow() - c]; };
  passExact();
  const passes = Array.from({ length: QUICK ? 2 : 4 }, passExact);
  const floorMs = median(passes.map((p) => p[0]));
  const floorCpuMs = median(passes.map((p) => p[1]));
  const startup = median(Array.from({ length: 3 }, () => runCli(['--version']).ms));
  const runs = Array.from({ length: PLAN.cliRuns }, () => runCli(['--today', TODAY, ws.dir]));
  const cliMs = median(runs.map((r) => r.ms));
  const cliCpuMs = median(runs.map((r) => r.cpuMs));
  return {
    cliCpuMs, cliCpuMBps: MB / (cliCpuMs / 1000), floorCpuMs, floorCpuMBps: MB / (floorCpuMs / 1000),
    files: ws.count, bytes: ws.bytes,
    cliMs, cliMBps: MB / (cliMs / 1000), cliStartupMs: startup, cliMBpsWithoutStartup: MB / ((cliMs - startup) / 1000), cliFindings: runs[0].findings,
    floorMs, floorMBps: MB / (floorMs / 1000),
  };
}

/** rsp-lint only (yaml-language-server does not scan a workspace): initialize with the workspace as root → diagnostics for every file. */
async function workspaceScan(ws) {
  const uris = new Set(ws.files.map((f) => uriOf(f.file)));
  const seen = new Set();
  let done;
  const all = new Promise((r) => { done = r; });
  const t0 = now();
  const s = await startServer('rsp-lint', { root: ws.dir });
  // startServer waits for the settle time: count publishes from the start
  const l = () => { for (const [u] of s.published) if (uris.has(u)) seen.add(u); if (seen.size === uris.size) done(now()); };
  l();
  const iv = setInterval(l, 5);
  const tAll = await Promise.race([all, limit(WAIT_MS, NaN)]);
  clearInterval(iv);
  const m = await s.stop();
  return { scanMs: tAll - t0, files: seen.size, peakRssMB: m.peakRssMB, hwmMB: m.hwmMB };
}

// ---------------------------------------------------------------- machine
/** `uptime` as printed (the machine is shared: its load goes with the figures). */
const uptime = () => spawnSync('uptime', { encoding: 'utf8' }).stdout?.trim() || `load average ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`;
function machine() {
  const cpuinfo = (() => { try { return fs.readFileSync('/proc/cpuinfo', 'utf8'); } catch { return ''; } })();
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const ylsVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')).version;
  const rspVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  const git = (args, cwd) => { const r = spawnSync('git', args, { cwd, encoding: 'utf8' }); return r.status === 0 ? r.stdout.trim() : undefined; };
  const head = git(['rev-parse', '--short', 'HEAD'], path.dirname(CLI)) ?? git(['rev-parse', '--short', 'HEAD'], ROOT);
  const dirty = CLI_ARG ? undefined : !!git(['status', '--porcelain', '--', 'server', 'schemas'], ROOT);
  return { uptimeAtStart: uptime(), rspLintBundle: path.relative(ROOT, CLI) || CLI, rspLintCommit: head, rspLintSourceModified: dirty, cpu, cores: os.cpus().length, loadAvgAtStart: os.loadavg().map((x) => +x.toFixed(2)), ramGiB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version, os: `${os.type()} ${os.release()}`, date: new Date().toISOString(), rspLint: rspVersion, yamlLanguageServer: ylsVersion };
}

// ---------------------------------------------------------------- output
const f1 = (x) => (x === undefined || Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
function rowsFor(r) {
  const rl = r['rsp-lint'];
  const y = r['yaml-language-server'];
  const sub = (x) => (x === undefined ? undefined : x - YLS_DELAY);
  return [
    ['initialize (spawn → result), ms', rl.initMs, y.initMs, undefined, undefined],
    ['open → first diagnostics, ms', rl.openMs, y.openMs, sub(y.openMs), r.floor.p50],
    ['edit → diagnostics p50, ms', rl.editP50, y.editP50, sub(y.editP50), r.floor.p50],
    ['edit → diagnostics p95, ms', rl.editP95, y.editP95, sub(y.editP95), r.floor.p95],
    ['server CPU per edit (mean), ms', rl.editCpuMean, y.editCpuMean, undefined, r.floor.cpuP50],
    [`hover p50, ms (${rl.hoverAt})`, rl.hoverP50, y.hoverP50, undefined, undefined],
    [`completion p50, ms (${rl.completionAt})`, rl.completionP50, y.completionP50, undefined, undefined],
    ['completion right after an edit p50, ms', rl.typedCompletionP50, y.typedCompletionP50, undefined, undefined],
    ['peak RSS (sampled VmRSS), MB', rl.peakRssMB, y.peakRssMB, undefined, undefined],
    ...(r.cli ? [[`CLI check of this one file (wall, ${r.cli.runs} runs), ms`, r.cli.ms, undefined, undefined, undefined],
      ['CLI check of this one file (CPU), ms', r.cli.cpuMs, undefined, undefined, undefined]] : []),
  ];
}
function textTable(header, rows) {
  const cells = [header, ...rows.map((r) => [r[0], ...r.slice(1).map(f1)])];
  const w = header.map((_, i) => Math.max(...cells.map((c) => String(c[i]).length)));
  const line = (c) => c.map((x, i) => (i === 0 ? String(x).padEnd(w[i]) : String(x).padStart(w[i]))).join('  ');
  return [line(cells[0]), w.map((n) => '-'.repeat(n)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
function mdTable(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${[r[0], ...r.slice(1).map(f1)].join(' | ')} |`)].join('\n');
}

function ratios(results, ws) {
  const by = Object.fromEntries(results.map((r) => [r.doc.name, r]));
  const out = [];
  const pick = (n) => by[n] ?? (QUICK ? results[0] : undefined);
  const r10 = pick('policy-10k');
  if (r10) {
    const rl = r10['rsp-lint'].editP50; const y = r10['yaml-language-server'].editP50;
    out.push({ key: 'edit-vs-yls-10k', label: `per-edit diagnostics p50 at ${r10.doc.name}: rsp-lint / yls`, value: rl / y, text: `${f1(rl)} / ${f1(y)} ms = ${(rl / y).toFixed(2)}× (vs yls −200 ms: ${(rl / (y - YLS_DELAY)).toFixed(2)}×; server CPU per edit ${f1(r10['rsp-lint'].editCpuMean)} / ${f1(r10['yaml-language-server'].editCpuMean)} ms = ${(r10['rsp-lint'].editCpuMean / r10['yaml-language-server'].editCpuMean).toFixed(2)}×)` });
  }
  for (const n of ['policy-10k', 'policy-50k', 'roadmap-2000']) {
    const r = by[n] ?? (QUICK && n === 'policy-10k' ? results[0] : undefined);
    if (!r) continue;
    const rl = r['rsp-lint'].editP50;
    out.push({ key: `edit-vs-floor-${n}`, label: `per-edit diagnostics p50 at ${r.doc.name}: rsp-lint / floor`, value: rl / r.floor.p50, text: `${f1(rl)} / ${f1(r.floor.p50)} ms = ${(rl / r.floor.p50).toFixed(2)}× (CPU: ${f1(r['rsp-lint'].editCpuMean)} / ${f1(r.floor.cpuP50)} ms = ${(r['rsp-lint'].editCpuMean / r.floor.cpuP50).toFixed(2)}×)` });
  }
  for (const [valid, broken] of [['policy-10k', 'policy-10k-broken'], ['policy-1k', 'policy-1k-broken']]) {
    if (!by[valid] || !by[broken]) continue;
    const a = by[valid]['rsp-lint'], b = by[broken]['rsp-lint'];
    out.push({ key: `broken-vs-valid-${valid}`, label: `per-edit diagnostics p50 at ${valid}: with a YAML mistake / valid (target ≤ 2×)`, value: b.editP50 / a.editP50,
      text: `${f1(b.editP50)} / ${f1(a.editP50)} ms = ${(b.editP50 / a.editP50).toFixed(2)}× (p95 ${f1(b.editP95)} / ${f1(a.editP95)} ms; server CPU per edit ${f1(b.editCpuMean)} / ${f1(a.editCpuMean)} ms) → ${b.editP50 / a.editP50 <= 2 ? 'met' : 'NOT met'}` });
  }
  for (const r of results) {
    const rl = r['rsp-lint'];
    const worst = Math.max(rl.hoverP50, rl.completionP50);
    out.push({ key: `hover-completion-${r.doc.name}`, label: `hover / completion p50 < 2 ms at ${r.doc.name}`, value: worst, met: worst < 2,
      text: `hover ${f1(rl.hoverP50)} ms, completion ${f1(rl.completionP50)} ms (right after an edit ${f1(rl.typedCompletionP50)} ms) → ${worst < 2 ? 'met' : 'NOT met'}` });
  }
  if (ws) out.push({ key: 'cli-vs-floor', label: `CLI throughput on ${ws.files} files vs the floor`, value: ws.cliMBps / ws.floorMBps,
    text: `${ws.cliMBps.toFixed(2)} MB/s (wall ${f1(ws.cliMs)} ms, of which ~${f1(ws.cliStartupMs)} ms node start-up; ${ws.cliMBpsWithoutStartup.toFixed(2)} MB/s without it) vs floor ${ws.floorMBps.toFixed(2)} MB/s = ${(ws.cliMBps / ws.floorMBps).toFixed(2)}×; by CPU time ${ws.cliCpuMBps.toFixed(2)} vs ${ws.floorCpuMBps.toFixed(2)} MB/s = ${(ws.cliCpuMBps / ws.floorCpuMBps).toFixed(2)}×` });
  const r50 = pick('policy-50k');
  if (r50) {
    const a = r50['rsp-lint'].peakRssMB; const b = r50['yaml-language-server'].peakRssMB;
    out.push({ key: 'memory-50k', label: `peak RSS at ${r50.doc.name}: rsp-lint / yls`, value: a / b, text: `${a.toFixed(0)} / ${b.toFixed(0)} MB = ${(a / b).toFixed(2)}×` });
  }
  return out;
}

/**
 * rsp/v2 against rsp/v1 on the same generated policy (issue #12, "Speed"): the CLI's check of
 * the one file (v2 ≤ 1.25× v1), per-edit diagnostics (v2 within the v1 figure, about 20 ms at
 * 10k lines) and the server's peak memory (v2 ≤ 1.10× v1 at 50k lines). Printed, never asserted.
 */
function v2Ratios(results) {
  const by = Object.fromEntries(results.map((r) => [r.doc.name, r]));
  const out = [];
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  for (const r2 of results.filter((r) => r.doc.v2Of && by[r.doc.v2Of])) {
    const r1 = by[r2.doc.v2Of];
    const n = r1.doc.name;
    if (r1.cli && r2.cli) {
      const w = r2.cli.ms / r1.cli.ms;
      const c = r2.cli.cpuMs / r1.cli.cpuMs;
      const su = r1.cli.startupMs;
      const ws = (r2.cli.ms - su) / (r1.cli.ms - su);
      out.push({ key: `v2-cli-${n}`, label: `CLI check of ${n} as rsp/v2 / as rsp/v1 (target ≤ 1.25×)`, value: w, met: w <= 1.25,
        text: `${f1(r2.cli.ms)} / ${f1(r1.cli.ms)} ms = ${w.toFixed(2)}× wall (median of ${r1.cli.runs} alternating runs each; without node start-up ~${f1(su)} ms: ${ws.toFixed(2)}×; CPU ${f1(r2.cli.cpuMs)} / ${f1(r1.cli.cpuMs)} ms = ${c.toFixed(2)}×) → ${verdict(w <= 1.25)}` });
    }
    const a = r1['rsp-lint'];
    const b = r2['rsp-lint'];
    const e = b.editP50 / a.editP50;
    out.push({ key: `v2-edit-${n}`, label: `per-edit diagnostics p50 at ${n}: rsp/v2 / rsp/v1 (target: within the v1 figure${n === 'policy-10k' ? ', about 20 ms' : ''})`, value: e, met: b.editP50 <= a.editP50,
      text: `${f1(b.editP50)} / ${f1(a.editP50)} ms = ${e.toFixed(2)}× (p95 ${f1(b.editP95)} / ${f1(a.editP95)} ms; server CPU per edit ${f1(b.editCpuMean)} / ${f1(a.editCpuMean)} ms; v2 enum typos in track:, v1 in domain:) → ${verdict(b.editP50 <= a.editP50)}` });
    const m = b.peakRssMB / a.peakRssMB;
    out.push({ key: `v2-memory-${n}`, label: `server peak RSS at ${n}: rsp/v2 / rsp/v1 (target ≤ 1.10×)`, value: m, met: m <= 1.1,
      text: `${f1(b.peakRssMB)} / ${f1(a.peakRssMB)} MB = ${m.toFixed(2)}× (open → first diagnostics ${f1(b.openMs)} / ${f1(a.openMs)} ms) → ${verdict(m <= 1.1)}` });
  }
  return out;
}

// ---------------------------------------------------------------- main
async function main() {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  if (!fs.existsSync(YLS)) throw new Error('yaml-language-server is not installed: run npm ci');
  const tStart = now();
  const docsDir = path.join(WORK, QUICK ? 'docs-quick' : 'docs');
  const manifest = generateAll(docsDir, { quick: QUICK, migrate: await loadMigrate() });
  const mach = machine();
  console.log(`rsp-lint ${mach.rspLint} (${mach.rspLintBundle}, commit ${mach.rspLintCommit}${mach.rspLintSourceModified ? ' + uncommitted changes' : ''}) vs yaml-language-server ${mach.yamlLanguageServer} — ${mach.cpu}, ${mach.cores} cores, ${mach.ramGiB} GiB, Node ${mach.node}, uptime: ${mach.uptimeAtStart}${QUICK ? ' — QUICK run' : ''}${PROFILE ? ' — PROFILING rsp-lint' : ''}`);
  console.log('Medians unless p95 is said; yls −200 ms: yaml-language-server less its fixed 200 ms validation delay; floor: one in-process yaml parseDocument + toJS + ajv validation (p50/p95 of repetitions).\n');

  const results = [];
  for (const doc of manifest.docs) {
    if (ONLY && !ONLY.includes(doc.name)) continue;
    const r = { doc: { name: doc.name, kind: doc.kind, format: doc.format, ...(doc.v2Of ? { v2Of: doc.v2Of } : {}), lines: doc.lines, bytes: doc.bytes, file: path.relative(ROOT, doc.file) } };
    r.floor = floorRun(doc);
    r['rsp-lint'] = await lspRun('rsp-lint', doc);
    r['yaml-language-server'] = await lspRun('yaml-language-server', doc);
    results.push(r);
    // the CLI's check of the one file, v1 and its v2 copy alternately (the v1 document ran just before)
    const v1 = doc.v2Of && results.find((x) => x.doc.name === doc.v2Of);
    if (v1) {
      const pair = cliCheckPair(manifest.docs.find((d) => d.name === doc.v2Of), doc);
      v1.cli = pair.v1; r.cli = pair.v2;
      console.log(`   ${doc.v2Of}: CLI check of the one file ${f1(pair.v1.ms)} ms (CPU ${f1(pair.v1.cpuMs)} ms), median of ${pair.v1.runs} runs alternating with ${doc.name}\n`);
    }
    console.log(`## ${doc.name}: ${doc.lines.toLocaleString('en')} lines, ${(doc.bytes / 1024).toFixed(0)} KiB${doc.v2Of ? ` — ${doc.v2Of} migrated to rsp/v2 by the engine's migration` : ''}`);
    console.log(textTable(['metric', ...COLS], rowsFor(r)));
    const d = r['yaml-language-server'].detected;
    const dr = r['rsp-lint'].detected;
    if (doc.broken) console.log(`   a document with a YAML mistake: rsp-lint reports it (${r['rsp-lint'].baselineDiagnostics} diagnostic) after every edit, and nothing else; the edits are those of the valid document`);
    else console.log(`   flagged on the edited line — rsp-lint: ${dr.enumTypos}/${dr.of} enum typos, ${dr.brokenRefs}/${dr.ofRefs} broken references; yls: ${d.enumTypos}/${d.of}, ${d.brokenRefs}/${d.ofRefs}. Repairs back to the baseline (${r['rsp-lint'].baselineDiagnostics} / ${r['yaml-language-server'].baselineDiagnostics} diagnostics): ${dr.repairsBackToBaseline}/${dr.repairs}, ${d.repairsBackToBaseline}/${d.repairs}.`);
    console.log(`   completion items: rsp-lint ${r['rsp-lint'].completionItems} (after edit ${r['rsp-lint'].typedCompletionItems}), yls ${r['yaml-language-server'].completionItems} (after edit ${r['yaml-language-server'].typedCompletionItems}); hover answer chars: rsp-lint ${r['rsp-lint'].hoverAnswerChars}, yls ${r['yaml-language-server'].hoverAnswerChars}\n`);
  }

  let ws;
  if (!ONLY || ONLY.includes('workspace')) {
    ws = workspaceRun(manifest.workspace);
    ws.lsp = await workspaceScan(manifest.workspace);
    console.log(`## workspace: ${ws.files} files, ${(ws.bytes / 1e6).toFixed(2)} MB`);
    console.log(textTable(['metric', ...COLS], [
      ['CLI wall time, ms', ws.cliMs, undefined, undefined, ws.floorMs],
      ['throughput, MB/s', ws.cliMBps, undefined, undefined, ws.floorMBps],
      ['CPU time (user + system), ms', ws.cliCpuMs, undefined, undefined, ws.floorCpuMs],
      ['throughput by CPU time, MB/s', ws.cliCpuMBps, undefined, undefined, ws.floorCpuMBps],
      ['node start-up (rsp-lint --version), ms', ws.cliStartupMs, undefined, undefined, undefined],
      ['LSP: initialize → diagnostics for every file, ms', ws.lsp.scanMs, undefined, undefined, undefined],
      ['LSP: peak RSS, MB', ws.lsp.peakRssMB, undefined, undefined, undefined],
    ]));
    console.log(`   (yaml-language-server has no CLI and does not scan a workspace; the CLI printed ${ws.cliFindings} findings; the LSP scan published ${ws.lsp.files}/${ws.files} files)\n`);
  }

  // Compliance (issue #13): its own section, bench/compliance.mjs; `--sizes compliance` runs it alone.
  let compliance;
  if (!ONLY || ONLY.includes('compliance')) {
    const { complianceBench, complianceLines } = await import('./compliance.mjs');
    const v2 = manifest.docs.find((d) => d.name === (QUICK ? 'policy-1k-v2' : 'policy-50k-v2'));
    compliance = complianceBench({ runCli, v2File: v2.file, dir: path.join(WORK, 'compliance'), runs: PLAN.fileCliRuns });
    console.log(`${complianceLines(compliance).join('\n')}\n`);
  }

  let rendered;
  if (!ONLY || ONLY.includes('render')) {
    rendered = renderRun(manifest);
    console.log('## init and render (the CLI as a process, to a file)');
    for (const l of renderLines(rendered)) console.log(l);
    console.log('');
  }

  let review;
  if (!ONLY || ONLY.includes('change-review')) {
    const v2docs = manifest.docs.filter((d) => d.kind === 'policy' && d.format === 'rsp/v2').sort((a, b) => b.lines - a.lines);
    if (v2docs[0]) {
      review = changeReviewRun(v2docs[0]);
      console.log(`## change review (rsp-lint diff) of ${review.doc}: ${review.lines.toLocaleString('en')} lines, a second version with ${review.edits} changes`);
      console.log(textTable(['metric', 'rsp-lint diff OLD NEW', 'rsp-lint NEW (check)'], [
        ['CLI wall time, ms', review.diffMs, review.checkMs], ['CPU time (user + system), ms', review.diffCpuMs, review.checkCpuMs],
      ]));
      console.log(`   diff / check: ${review.ratio.toFixed(2)}× (target ≤ 2×; medians of ${review.runs} alternating runs); the diff reported ${review.changes} changes, ${review.weakened} weakened\n`);
    }
  }

  const rat = ratios(results, ws);
  console.log('## Ratios (medians)');
  for (const x of rat) console.log(`- ${x.label}: ${x.text}`);
  const v2rat = v2Ratios(results);
  if (v2rat.length) {
    console.log('\n## rsp/v2 against rsp/v1 — the same generated policy, migrated (issue #12 targets; medians)');
    for (const x of v2rat) console.log(`- ${x.label}: ${x.text}`);
  }
  const totalS = (now() - tStart) / 1000;
  console.log(`\n(total ${totalS.toFixed(0)} s)`);

  if (NO_WRITE) return;
  mach.loadAvgAtEnd = os.loadavg().map((x) => +x.toFixed(2));
  mach.uptimeAtEnd = uptime();
  const json = { machine: mach, quick: QUICK, plan: PLAN, ylsDelayMs: YLS_DELAY, today: TODAY, seed: manifest.seed, totalSeconds: totalS, results, workspace: ws, compliance, ratios: rat, v2Ratios: v2rat, render: rendered, changeReview: review };
  const md = [
    `# rsp-lint benchmark${QUICK ? ' (quick run)' : ''}`, '',
    `${mach.date.slice(0, 10)} — ${mach.cpu}, ${mach.cores} cores, ${mach.ramGiB} GiB RAM, Node ${mach.node}, ${mach.os}; load average ${mach.loadAvgAtStart[0]} at the start, ${mach.loadAvgAtEnd[0]} at the end; rsp-lint ${mach.rspLint} (\`${mach.rspLintBundle}\`, commit ${mach.rspLintCommit}${mach.rspLintSourceModified ? ' plus uncommitted changes' : ''}), yaml-language-server ${mach.yamlLanguageServer}.`,
    `\`uptime\` at the start: ${mach.uptimeAtStart}; at the end: ${mach.uptimeAtEnd}.`,
    `Produced by \`npm run bench\` (bench/run.mjs, documents from bench/generate.mjs, seed ${manifest.seed}). Medians unless p95 is said; ${PLAN.edits} edits per document, half breaking it (enum typo, broken id reference), half repairing it. `
      + `"yls −200 ms": yaml-language-server less its fixed ${YLS_DELAY} ms validation delay. Floor: one in-process \`yaml\` parseDocument + toJS + ajv validation with our schema.`, '',
    ...results.flatMap((r) => [`## ${r.doc.name} — ${r.doc.lines.toLocaleString('en')} lines, ${(r.doc.bytes / 1024).toFixed(0)} KiB${r.doc.v2Of ? ` — ${r.doc.v2Of} migrated to rsp/v2` : ''}`, '', mdTable(['metric', ...COLS], rowsFor(r)), '']),
    ...(ws ? [`## workspace — ${ws.files} files, ${(ws.bytes / 1e6).toFixed(2)} MB`, '', mdTable(['metric', 'rsp-lint', 'floor'], [
      ['CLI wall time, ms', ws.cliMs, ws.floorMs], ['throughput, MB/s', ws.cliMBps, ws.floorMBps],
      ['CPU time (user + system), ms', ws.cliCpuMs, ws.floorCpuMs], ['throughput by CPU time, MB/s', ws.cliCpuMBps, ws.floorCpuMBps], ['node start-up, ms', ws.cliStartupMs, undefined],
      ['LSP: initialize → diagnostics for every file, ms', ws.lsp.scanMs, undefined], ['LSP: peak RSS, MB', ws.lsp.peakRssMB, undefined]]), ''] : []),
    ...(compliance ? [(await import('./compliance.mjs')).complianceLines(compliance).join('\n'), ''] : []),
    ...(rendered ? ['## init and render', '', ...renderLines(rendered), ''] : []),
    ...(review ? [`## change review — rsp-lint diff of ${review.doc} (${review.lines.toLocaleString('en')} lines) and a second version with ${review.edits} changes`, '', mdTable(['metric', 'rsp-lint diff OLD NEW', 'rsp-lint NEW (check)'], [
      ['CLI wall time, ms', review.diffMs, review.checkMs], ['CPU time (user + system), ms', review.diffCpuMs, review.checkCpuMs]]), '',
      `diff / check: ${review.ratio.toFixed(2)}× (target ≤ 2×; medians of ${review.runs} alternating runs); ${review.changes} changes reported, ${review.weakened} weakened.`, ''] : []),
    '## Ratios', '', ...rat.map((x) => `- ${x.label}: ${x.text}`), '',
    ...(v2rat.length ? ['## rsp/v2 against rsp/v1', '', `The same generated policy as v1 and migrated to v2 by the engine's own migration (\`*-v2\` documents: only the v2 names differ). In v2 a threshold's domain is open, so the v2 enum typos go into the commitments' \`track:\`. CLI: \`rsp-lint --today ${TODAY} FILE\`, v1 and v2 runs alternating.`, '',
      ...v2rat.map((x) => `- ${x.label}: ${x.text}`), ''] : []),
  ].join('\n');
  const dir = QUICK ? WORK : path.join(HERE, 'results');
  const base = QUICK ? 'quick' : 'latest';
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${base}.json`), JSON.stringify(json, null, 1) + '\n');
  fs.writeFileSync(path.join(dir, `${base}.md`), md);
  console.log(`wrote ${path.relative(ROOT, path.join(dir, `${base}.json`))} and ${base}.md`);
}

main().catch((e) => { console.error(e?.stack ?? String(e)); process.exit(1); });
