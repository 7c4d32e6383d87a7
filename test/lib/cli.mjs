// Helpers to run the built CLI as a process, as users do.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(ROOT, 'dist', 'rsp-lint.js');

/** Runs `rsp-lint args...`; returns { status, stdout, stderr, ms }. */
export function rspLint(args, opts = {}) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...(opts.env ?? {}) },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

/** Runs with --format json and parses the findings. */
export function lintJson(args, opts) {
  const r = rspLint(['--format', 'json', ...args], opts);
  let findings;
  try { findings = JSON.parse(r.stdout); } catch { throw new Error(`not JSON (exit ${r.status}): ${r.stdout.slice(0, 500)}\n${r.stderr}`); }
  return { ...r, findings };
}
