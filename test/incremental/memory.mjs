#!/usr/bin/env node
// Memory of incremental analysis: a 10,000-line policy open in an incremental workspace, edited
// 60 times at random places. Cached pieces must not keep old versions of the text alive (a piece
// cut from a text, or a string yaml cut from that piece, would): the live heap after the edits
// stays close to the live heap after opening. Prints a JSON summary; run with --expose-gc.
//
//   node --expose-gc --import tsx test/incremental/memory.mjs
import { loadEngine } from '../fuzz/engine.mjs';
import { policy } from '../../bench/generate.mjs';

const E = await loadEngine();
const live = () => { global.gc(); global.gc(); return process.memoryUsage().heapUsed; };
const path = '/mem/large.rsp.yaml';
let text = policy(11, 10_000).text;
const ws = new E.Workspace(new E.NodeHost(), { today: '2026-11-23', incremental: true });
ws.setText(path, text);
ws.analyze(path);
const afterOpen = live();
for (let i = 0; i < 60; i++) {
  const at = text.indexOf('\n', Math.floor(((i * 7919) % 997) / 997 * text.length));
  text = `${text.slice(0, at)}${i % 2 ? ' ' : ''}${text.slice(at)}`;
  ws.setText(path, text);
  ws.analyze(path);
}
const afterEdits = live();
process.stdout.write(`${JSON.stringify({ textBytes: text.length, afterOpenMB: +(afterOpen / 2 ** 20).toFixed(1), afterEditsMB: +(afterEdits / 2 ** 20).toFixed(1) })}\n`);
