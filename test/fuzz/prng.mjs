// A small seeded PRNG (mulberry32) with the helpers the fuzzer needs. Deterministic for a seed.

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes several integers into one 32-bit seed (so each session has its own stream). */
export function mix(...nums) {
  let h = 0x9e3779b9;
  for (const n of nums) {
    h ^= n >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

export class Rng {
  constructor(seed) { this.next = mulberry32(seed); }
  /** Integer in [0, n). */
  int(n) { return n <= 0 ? 0 : Math.floor(this.next() * n); }
  /** Integer in [lo, hi]. */
  range(lo, hi) { return lo + this.int(hi - lo + 1); }
  chance(p) { return this.next() < p; }
  pick(arr) { return arr[this.int(arr.length)]; }
  /** Picks from [[item, weight], ...]. */
  weighted(list) {
    let total = 0;
    for (const [, w] of list) total += w;
    let r = this.next() * total;
    for (const [item, w] of list) { if ((r -= w) < 0) return item; }
    return list[list.length - 1][0];
  }
  /** Small numbers more often: 1, 2, 3 … up to max. */
  small(max) { let n = 1; while (n < max && this.chance(0.5)) n++; return n; }
  /** A size spread over orders of magnitude: 1 … 10^maxExp. */
  log(maxExp) { return Math.max(1, Math.floor(10 ** (this.next() * maxExp))); }
}
