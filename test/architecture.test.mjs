// The code map of ARCHITECTURE.md, checked: no import cycles between modules, the engine's rooms
// import only the rooms before them in the pipeline, the engine and the encoders stay free of
// the faces (LSP, terminal, CLI), and the encoders import nothing of the project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './lib/cli.mjs';

const SRC = path.join(ROOT, 'server', 'src');
const files = [];
(function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) files.push(p); } })(SRC);

/** Relative imports of each file, resolved to files; and bare imports (packages). */
const graph = new Map();
const packages = new Map();
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const local = new Set(), bare = new Set();
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
    const spec = m[1];
    if (!spec.startsWith('.')) { bare.add(spec); continue; }
    const base = path.resolve(path.dirname(f), spec);
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find((c) => fs.existsSync(c));
    if (target) local.add(target);
  }
  graph.set(f, local);
  packages.set(f, bare);
}
const rel = (f) => path.relative(SRC, f).split(path.sep).join('/');
const roomOf = (f) => { const r = rel(f).split('/'); return r[0] === 'engine' && r.length > 2 ? `engine/${r[1]}` : r.length > 1 ? r[0] : rel(f); };

test('no import cycles', () => {
  const state = new Map();
  const cycles = [];
  const stack = [];
  const visit = (f) => {
    state.set(f, 1); stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 1) cycles.push([...stack.slice(stack.indexOf(g)), g].map(rel).join(' → '));
      else if (!state.has(g)) visit(g);
    }
    stack.pop(); state.set(f, 2);
  };
  for (const f of files) if (!state.has(f)) visit(f);
  assert.deepEqual(cycles, []);
});

test('the engine\'s rooms import only the rooms before them: syntax, model, compliance, rules, migrate, workspace, features, publish, diff', () => {
  const ORDER = ['engine/syntax', 'engine/model', 'engine/compliance', 'engine/rules', 'engine/migrate', 'engine/workspace', 'engine/features', 'engine/publish', 'engine/diff'];
  const wrong = [];
  for (const [f, deps] of graph) {
    const a = ORDER.indexOf(roomOf(f));
    if (a < 0) continue;
    for (const g of deps) {
      const b = ORDER.indexOf(roomOf(g));
      if (rel(g) === 'engine/types.ts' || roomOf(g) === 'encode') continue;
      if (b < 0 || b > a) wrong.push(`${rel(f)} → ${rel(g)}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('the engine, the renderers and the encoders know nothing of LSP, terminals or the CLI', () => {
  const wrong = [];
  for (const [f, deps] of graph) {
    const room = roomOf(f);
    if (!/^(engine|present|encode|templates)/.test(room)) continue;
    for (const p of packages.get(f)) if (/^vscode-languageserver|^vscode$|^node:(tty|readline|child_process|net|http|https|dgram)$/.test(p)) wrong.push(`${rel(f)} imports ${p}`);
    for (const g of deps) if (/^(cli|lsp|main\.ts)/.test(roomOf(g))) wrong.push(`${rel(f)} → ${rel(g)}`);
    if (room === 'encode') for (const g of deps) if (roomOf(g) !== 'encode') wrong.push(`encode imports ${rel(g)}`);
  }
  assert.deepEqual(wrong, []);
});

test('the starter templates are data: they import only each other (the VS Code client bundles them)', () => {
  const wrong = [];
  for (const [f, deps] of graph) {
    if (roomOf(f) !== 'templates') continue;
    for (const p of packages.get(f)) wrong.push(`${rel(f)} imports ${p}`);
    for (const g of deps) if (roomOf(g) !== 'templates') wrong.push(`${rel(f)} → ${rel(g)}`);
  }
  assert.deepEqual(wrong, []);
  assert.ok([...graph.keys()].some((f) => roomOf(f) === 'templates'), 'server/src/templates/ exists');
});
