#!/usr/bin/env node
// The analysis of a text must not depend on how much stack is left when it runs (the CLI checks
// on worker threads, the server from deep in its message handling). Analyses the repro of
// crashes/L3-* from several stack depths and prints the first finding of each (JSON lines).
//
//   node --import tsx test/fuzz/stack-depth.mjs
import * as fs from 'node:fs';
import { loadEngine } from './engine.mjs';

const E = await loadEngine();
const r = JSON.parse(fs.readFileSync(new URL('./crashes/L3-message-depends-on-stack/repro.json', import.meta.url), 'utf8'));
const analyse = () => {
  const ws = new E.Workspace(new E.NodeHost(), { today: r.today });
  ws.setText(r.docPath, r.text);
  const f = ws.analyze(r.docPath)[0];
  return f ? { rule: f.rule, message: f.message, range: f.range } : null;
};
const at = (depth) => (depth === 0 ? analyse() : at(depth - 1));
for (const depth of [0, 1000, 3000, 5000, 7000]) {
  let out;
  try { out = at(depth); } catch (e) { out = { threw: String(e?.message ?? e) }; }
  process.stdout.write(`${JSON.stringify({ depth, ...out })}\n`);
}
