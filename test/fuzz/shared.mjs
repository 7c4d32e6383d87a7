// State a worker shares with the coordinator so that a hang (a synchronous loop the worker
// never returns from) can be detected and its input saved: the time the current step started,
// what it is, and the document text it works on.

export const DOC_CAP = 6 * 1024 * 1024; // UTF-16 units
export const PHASES = ['idle', 'analyze', 'feature', 'differential', 'minimize', 'shadow-engine', 'server-request'];

export function makeShared() { return new SharedArrayBuffer(64 + 16 + DOC_CAP * 2); }

export function views(sab) {
  return { head: new Float64Array(sab, 0, 8), ints: new Int32Array(sab, 64, 4), units: new Uint16Array(sab, 80, DOC_CAP) };
}

/** Marks the start of a step (phase name) on `text`; `null` text keeps the last one. */
export function busy(v, phase, text) {
  if (text != null) {
    const n = Math.min(text.length, DOC_CAP);
    const u = v.units;
    for (let i = 0; i < n; i++) u[i] = text.charCodeAt(i);
    v.ints[0] = n;
    v.ints[1] = text.length > n ? 1 : 0;
  }
  v.head[1] = PHASES.indexOf(phase);
  v.head[0] = Date.now();
}

export function idle(v) { v.head[0] = 0; v.head[1] = 0; }

export function snapshot(v) {
  const n = v.ints[0];
  let s = '';
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode.apply(null, v.units.subarray(i, Math.min(n, i + 8192)));
  return { since: v.head[0], phase: PHASES[v.head[1]] ?? 'unknown', text: s, truncated: v.ints[1] === 1 };
}
