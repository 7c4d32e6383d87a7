// `fuzz.mjs --replay DIR|FILE`: re-runs saved repros against the current engine sources, each in
// a child process with a time limit, and says which still fail. Exit 1 if any still fails.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ONE = fileURLToPath(new URL('./replay-one.mjs', import.meta.url));

export async function replay(target, hangMs = 2000) {
  const files = [];
  const walk = (p) => {
    if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    else if (path.basename(p) === 'repro.json') files.push(p);
  };
  walk(target);
  let failing = 0;
  for (const f of files) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--stack-size=984', ONE, f, String(hangMs)], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    let res;
    try { res = JSON.parse(r.stdout.trim().split('\n').pop()); } catch {
      res = { status: 'fails', detail: r.error?.code === 'ETIMEDOUT' ? 'no answer within 120 s' : `replay crashed: ${(r.stderr || '').split('\n').slice(0, 3).join(' ')}` };
    }
    if (res.status === 'fails') failing++;
    const sig = JSON.parse(fs.readFileSync(f, 'utf8')).signature;
    process.stdout.write(`${res.status.padEnd(6)} ${path.relative(process.cwd(), path.dirname(f))} — ${sig}\n         ${String(res.detail).slice(0, 240)}\n`);
  }
  process.stdout.write(`${files.length} repro(s), ${failing} still failing\n`);
  return failing ? 1 : 0;
}
