#!/usr/bin/env node
// Where did rsp-lint's CPU go? Summarises V8 .cpuprofile files written by
// `node bench/run.mjs --profile` (best with an unminified bundle: `node esbuild.mjs --no-minify`,
// whose `// path/to/source.ts` markers attribute each line of dist/rsp-lint.js to a module).
//
//   node bench/profile-summary.mjs bench/work/prof/*.cpuprofile [--top 25]
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const topN = (() => { const i = args.indexOf('--top'); return i >= 0 ? Number(args.splice(i, 2)[1]) : 25; })();
if (!args.length) { console.error('usage: node bench/profile-summary.mjs FILE.cpuprofile... [--top N]'); process.exit(2); }

/** For a bundle: sorted [line, module] from esbuild's `// module` markers. */
const markers = new Map();
function moduleOf(url, line) {
  if (!url) return '(native)';
  if (!url.startsWith('file:')) return url.startsWith('node:') ? 'node internals' : url;
  let m = markers.get(url);
  if (!m) {
    m = [];
    try {
      const lines = fs.readFileSync(fileURLToPath(url), 'utf8').split('\n');
      lines.forEach((l, i) => { const x = /^\/\/ (\S+\.(?:[cm]?js|ts|json))$/.exec(l); if (x) m.push([i, x[1].replace(/^(\.\.\/)+work\/main\//, '')]); });
    } catch { /* unreadable */ }
    markers.set(url, m);
  }
  let lo = 0, hi = m.length - 1, best = url.split('/').pop();
  while (lo <= hi) { const mid = (lo + hi) >> 1; if (m[mid][0] <= line) { best = m[mid][1]; lo = mid + 1; } else hi = mid - 1; }
  return best;
}
const group = (mod) => {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(mod);
  if (nm) return nm[1];
  if (mod.startsWith('server/src/')) return mod.replace(/^server\/src\//, '').replace(/\/[^/]+$/, '/…').replace(/^engine\/[^/…]+\.ts$/, mod.replace(/^server\/src\//, ''));
  return mod;
};

const byFn = new Map();
const byModule = new Map();
const byGroup = new Map();
let total = 0;
for (const file of args) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  for (const [id, us] of self) {
    const n = nodes.get(id);
    const cf = n.callFrame;
    if (cf.functionName === '(idle)' || cf.functionName === '(program)') continue;
    const mod = cf.functionName === '(garbage collector)' ? '(garbage collector)' : moduleOf(cf.url, cf.lineNumber);
    const key = `${cf.functionName || '(anonymous)'}  ${mod}:${cf.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
    byGroup.set(group(mod), (byGroup.get(group(mod)) ?? 0) + us);
    total += us;
  }
}
const show = (title, m, n) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`busy CPU in ${args.length} profile(s): ${(total / 1000).toFixed(0)} ms (idle excluded)`);
show('by package / area', byGroup, 15);
show('by module', byModule, 20);
show('by function (self time)', byFn, topN);
