/**
 * Checking a list of files: in this thread, or spread over worker threads (one per core) for
 * large runs. Each worker takes a contiguous slice of the list, so documents that share a
 * folder, and the policy they link to, are parsed by the same worker.
 */
import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { NodeHost } from '../engine/workspace/node-host';
import type { Finding } from '../engine/types';
import { Workspace } from '../engine/workspace/workspace';
import type { Target } from './discover';

export interface Checked {
  /** Findings per target, in the order of the targets. */
  findings: Finding[][];
  ioError?: string;
  /** Configuration files met, by absolute path, with their own findings. */
  configs: Array<{ path: string; findings: Finding[] }>;
}

interface Job { rspLintWorker: true; targets: Target[]; configs: string[]; today?: string; cwd: string }

/** Below this many files a single thread is faster than starting workers. */
const PARALLEL_FROM = 48;

export function checkHere(ws: Workspace, targets: Target[], configs: string[]): Checked {
  const findings: Finding[][] = [];
  let ioError: string | undefined;
  for (const t of targets) {
    const doc = ws.load(t.abs);
    if (doc.readError && doc.readError.reason !== 'too-large') {
      ioError ??= `cannot check ${t.display}: ${doc.readError.message.replace(`${ws.host.display(t.abs)} `, '')}`;
      findings.push([]);
      continue;
    }
    findings.push(ws.analyze(t.abs));
    ws.release(t.abs); // keep linked policies, drop the rest: memory stays flat over large runs
  }
  for (const c of configs) ws.configFor(c); // configuration files with no document below them
  return { findings, ...(ioError ? { ioError } : {}), configs: ws.configs().map((c) => ({ path: c.path!, findings: c.findings })) };
}

function jobs(env: NodeJS.ProcessEnv, files: number): number {
  const asked = Number(env.RSP_LINT_JOBS);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const n = Number.isInteger(asked) && asked > 0 ? asked : files >= PARALLEL_FROM ? cores : 1;
  return Math.max(1, Math.min(n, 16, Math.ceil(files / 8)));
}

export async function check(targets: Target[], configs: string[], opts: { today?: string; cwd: string; env: NodeJS.ProcessEnv }): Promise<Checked> {
  const n = jobs(opts.env, targets.length);
  if (n <= 1) return checkHere(new Workspace(new NodeHost(opts.cwd), opts.today ? { today: opts.today } : {}), targets, configs);
  const size = Math.ceil(targets.length / n);
  const slices = Array.from({ length: n }, (_, i) => targets.slice(i * size, (i + 1) * size)).filter((s) => s.length);
  const results = await Promise.all(slices.map((slice, i) => new Promise<Checked>((resolve, reject) => {
    const job: Job = { rspLintWorker: true, targets: slice, configs: i === 0 ? configs : [], cwd: opts.cwd, ...(opts.today ? { today: opts.today } : {}) };
    const w = new Worker(__filename, { workerData: job });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => { if (code !== 0) reject(new Error(`worker exited with ${code}`)); });
  })));
  const seen = new Set<string>();
  const out: Checked = { findings: [], configs: [] };
  for (const r of results) {
    out.findings.push(...r.findings);
    out.ioError ??= r.ioError;
    for (const c of r.configs) if (!seen.has(c.path)) { seen.add(c.path); out.configs.push(c); }
  }
  return out;
}

/** The worker side: true when this thread is a checking worker (it then does its job). */
export function runWorkerIfAny(): boolean {
  if (isMainThread || !(workerData as Job | undefined)?.rspLintWorker) return false;
  const job = workerData as Job;
  const r = checkHere(new Workspace(new NodeHost(job.cwd), job.today ? { today: job.today } : {}), job.targets, job.configs);
  for (const list of r.findings) for (const f of list) delete f.fixes; // not needed by the printer
  parentPort!.postMessage(r);
  return true;
}
