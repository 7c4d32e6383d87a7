// Replays one saved repro (repro.json) against the current engine sources and prints one JSON
// line: { status: 'fails' | 'fixed' | 'manual', detail }. Run by replay.mjs in a child process
// (with a timeout), since a repro may hang or overflow the stack.
import * as fs from 'node:fs';
import * as posix from 'node:path/posix';
import { loadCorpus, loadEngine } from './engine.mjs';
import { MemHost, MEM_ROOT } from './memhost.mjs';
import { checkFindings } from './invariants.mjs';
import { signature } from './signature.mjs';
import { threadCpuMs } from './cpu.mjs';
import { fromSpec } from './spec.mjs';

const r = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const hangMs = Number(process.argv[3] ?? 2000);
const out = (status, detail) => { process.stdout.write(JSON.stringify({ status, detail }) + '\n'); process.exit(0); };

if (r.mode !== 'engine' || !r.docPath || r.replay === 'manual') out('manual', `${r.mode} repro: open the documents of this folder in the server (or re-run the fuzzer with --seed ${r.seed})`);
const E = await loadEngine();
const host = new MemHost();
for (const c of loadCorpus()) host.files.set(`${MEM_ROOT}/${c.rel}`, new TextEncoder().encode(c.text));
for (const d of ['example-labs', 'with-problems']) host.special.add(`${MEM_ROOT}/${d}/fifo.rsp.yaml`);
for (const p of r.policy ?? []) host.files.set(p.path, p.base64 !== undefined ? Buffer.from(p.base64, 'base64') : new TextEncoder().encode(p.text));
const ws = new E.Workspace(host, { today: r.today ?? '2026-11-23' });
const text = r.textSpec ? fromSpec(r.textSpec) : r.minimized ?? r.text;
if (r.configSpec) r.config = { path: r.config.path, text: fromSpec(r.configSpec) };
if (r.config) ws.setText(r.config.path, r.config.text);
if (r.docBase64 !== undefined) host.files.set(r.docPath, Buffer.from(r.docBase64, 'base64'));
else ws.setText(r.docPath, text);

let findings;
const c0 = threadCpuMs();
try { findings = ws.analyze(r.docPath); } catch (e) {
  const now = signature({ kind: 'exception', where: 'analyze', detail: `${e?.name}: ${e?.message}` });
  out(r.kind === 'exception' || r.kind === 'worker-crash' || r.kind === 'hang' ? 'fails' : 'fails', `analyze throws: ${now}`);
}
const cpu = threadCpuMs() - c0;
if (r.kind === 'slow' || r.kind === 'hang') out(cpu > hangMs ? 'fails' : 'fixed', `analysis took ${cpu} ms of CPU`);
if (r.kind === 'exception' && r.where === 'analyze') out('fixed', 'analyze returns');
if (r.kind === 'exception' && r.feature) {
  try { ws.analyze(r.docPath); } catch { /* above */ }
  out('manual', `feature ${r.feature} at offset ${r.offset}: re-run the fuzzer with --seed ${r.seed}`);
}
if (r.kind === 'invariant') {
  const doc = ws.load(r.docPath);
  const t = doc.parsed?.text ?? text;
  const probs = r.where === 'config'
    ? ws.configs().filter((c) => c.path === r.config?.path).flatMap((c) => checkFindings(c.findings, r.config.text, { known: E.known, documented: E.documented }))
    : checkFindings(findings, t, { known: E.known, documented: E.documented, blocking: !doc.parsed || doc.parsed.blocking, maxFindings: doc.config.limits.maxFindingsPerFile });
  const hit = probs.find((p) => signature({ kind: 'invariant', where: r.where, ...p }) === r.signature);
  out(hit ? 'fails' : 'fixed', hit ? hit.detail : 'the invariant holds');
}
out('manual', `${r.kind} in ${r.where}: re-run the fuzzer with --seed ${r.seed}`);
