// CPU time of the calling thread (Linux: /proc/thread-self/stat), so that "slower than the
// budget" means work done, not time lost to other processes on a busy machine.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';

let available = true;
try { fs.readFileSync('/proc/thread-self/stat', 'utf8'); } catch { available = false; }

/** Milliseconds of CPU (user + system) used by this thread; 10 ms resolution. Wall time where /proc is missing. */
export function threadCpuMs() {
  if (!available) return performance.now();
  const s = fs.readFileSync('/proc/thread-self/stat', 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10; // utime, stime in clock ticks (USER_HZ = 100)
}

export const cpuClock = available ? 'thread CPU time' : 'wall time';
