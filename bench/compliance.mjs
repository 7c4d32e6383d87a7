// The compliance section of `npm run bench` (issue #13): `rsp-lint coverage` of the 50k-line
// generated rsp/v2 policy listing every built-in profile, against one CLI check of the same
// policy (without profiles: the target is coverage ≤ that), and the check with the profiles
// listed (what compliance-gap adds to a check). Runs interleaved so all three see the same load;
// medians of wall and CPU time.
//
//   node bench/compliance.mjs [--quick] [--runs N]   (alone: generates its own 50k policy)
//   node bench/run.mjs --sizes compliance           (as a section of the benchmark)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { TODAY, loadMigrate, policy } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
export const BUILTIN = ['ca-sb53', 'ny-raise', 'eu-gpai-cop-ss', 'seoul-2024', 'metr-common-elements'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');

/** Writes the policy twice: as generated, and listing every built-in profile. */
function prepare(v2File, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const text = fs.readFileSync(v2File, 'utf8');
  if (/^compliance:/m.test(text)) throw new Error('the generated policy already has a compliance section');
  const plain = path.join(dir, 'plain.rsp.yaml');
  const listed = path.join(dir, 'listed.rsp.yaml');
  fs.writeFileSync(plain, text);
  fs.writeFileSync(listed, `${text.replace(/\n*$/, '\n')}compliance:\n  profiles: [${BUILTIN.join(', ')}]\n`);
  return { plain, listed, lines: text.split('\n').length, bytes: Buffer.byteLength(text) };
}

/**
 * `runCli(args)` → { ms, cpuMs, status } (bench/run.mjs passes its own). Returns the medians of
 * `runs` interleaved rounds after one warm-up round.
 */
export function complianceBench({ runCli, v2File, dir, runs }) {
  const p = prepare(v2File, dir);
  const jobs = {
    check: ['--today', TODAY, p.plain],
    coverage: ['coverage', '--format', 'json', p.listed],
    checkWithProfiles: ['--today', TODAY, p.listed],
  };
  const got = Object.fromEntries(Object.keys(jobs).map((k) => [k, []]));
  for (const [k, a] of Object.entries(jobs)) runCli(a); // warm-up
  for (let i = 0; i < runs; i++) for (const [k, a] of Object.entries(jobs)) got[k].push(runCli(a));
  const sum = (rs) => ({ ms: median(rs.map((r) => r.ms)), cpuMs: median(rs.map((r) => r.cpuMs)), minMs: Math.min(...rs.map((r) => r.ms)), runs: rs.length });
  const out = { lines: p.lines, bytes: p.bytes, profiles: BUILTIN, loadAvg: os.loadavg().map((x) => +x.toFixed(2)) };
  for (const k of Object.keys(jobs)) out[k] = sum(got[k]);
  const rows = JSON.parse(runCli.lastStdout?.(jobs.coverage) ?? 'null') ?? undefined;
  if (rows) out.requirements = rows.length;
  out.ratio = out.coverage.ms / out.check.ms;
  out.cpuRatio = out.coverage.cpuMs / out.check.cpuMs;
  return out;
}

export function complianceLines(c) {
  return [
    `## compliance: rsp-lint coverage of the ${c.lines.toLocaleString('en')}-line rsp/v2 policy with all ${c.profiles.length} built-in profiles`,
    `| run | wall ms (median) | CPU ms (median) | min wall ms |`,
    `|---|---|---|---|`,
    `| rsp-lint --today … FILE (no profiles) | ${f0(c.check.ms)} | ${f0(c.check.cpuMs)} | ${f0(c.check.minMs)} |`,
    `| rsp-lint coverage --format json FILE (${c.profiles.join(', ')}) | ${f0(c.coverage.ms)} | ${f0(c.coverage.cpuMs)} | ${f0(c.coverage.minMs)} |`,
    `| rsp-lint --today … FILE (profiles listed: + compliance-gap) | ${f0(c.checkWithProfiles.ms)} | ${f0(c.checkWithProfiles.cpuMs)} | ${f0(c.checkWithProfiles.minMs)} |`,
    `- coverage / one CLI check: ${c.ratio.toFixed(2)}× wall, ${c.cpuRatio.toFixed(2)}× CPU (target ≤ 1.00×: ${c.ratio <= 1 ? 'met' : 'NOT met'}); ${c.check.runs} interleaved runs each; load average ${c.loadAvg.join(' ')} at the end`,
  ];
}

/** A runner like bench/run.mjs's: wall time around the process, CPU time from bash's `times`. */
export function makeRunCli(cli, work) {
  let last = new Map();
  const run = (args) => {
    fs.mkdirSync(work, { recursive: true });
    const outFile = path.join(work, 'compliance-out.txt');
    const q = (a) => `'${a.replace(/'/g, `'\\''`)}'`;
    const script = `${q(process.execPath)} ${[cli, ...args].map(q).join(' ')} > ${q(outFile)}; st=$?; times; exit $st`;
    const t = performance.now();
    const r = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const ms = performance.now() - t;
    if (r.status !== 0 && r.status !== 1) throw new Error(`rsp-lint ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    const sec = (x) => { const m = /(\d+)m([\d.]+)s/.exec(x); return m ? Number(m[1]) * 60 + Number(m[2]) : NaN; };
    const child = r.stdout.trim().split('\n').pop().trim().split(/\s+/);
    last.set(args.join('\0'), fs.readFileSync(outFile, 'utf8'));
    return { ms, cpuMs: (sec(child[0]) + sec(child[1])) * 1000, status: r.status };
  };
  run.lastStdout = (args) => last.get(args.join('\0'));
  return run;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const runsArg = argv.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(argv[runsArg + 1]) : quick ? 3 : 9;
  const work = path.join(HERE, 'work', 'compliance-alone');
  fs.mkdirSync(work, { recursive: true });
  const migrate = await loadMigrate();
  // The same document as bench/run.mjs's policy-50k-v2 (seed + its index in SIZES_FULL).
  const v1 = policy(20260224 + 3, quick ? 1_000 : 50_000).text;
  const v2File = path.join(work, 'lab.rsp.yaml');
  fs.writeFileSync(v2File, migrate(v1));
  const c = complianceBench({ runCli: makeRunCli(path.join(ROOT, 'dist', 'rsp-lint.js'), work), v2File, dir: path.join(work, 'docs'), runs });
  console.log(`${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, Node ${process.version}; load average at start of reporting ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(complianceLines(c).join('\n'));
  if (c.requirements !== undefined) console.log(`- ${c.requirements} requirements evaluated per coverage run`);
}
