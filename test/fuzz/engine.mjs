// Loads the engine from its TypeScript sources (through tsx) inside a worker thread, and the
// example documents the fuzzer starts from.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { policy as generatedPolicy } from '../../bench/generate.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

let registered;
/** tsx's `--import` hook does not reach worker threads: register it here. */
function register() {
  registered ??= (async () => {
    (await import('tsx/cjs/api')).register();
    (await import('tsx/esm/api')).register();
  })();
  return registered;
}

async function load(rel) {
  await register();
  const m = await import(new URL(`../../server/src/engine/${rel}`, import.meta.url).href);
  // tsx loads these sources as CommonJS (the package is not "type": "module").
  return m.default && Object.keys(m).length === 1 ? m.default : m;
}

export async function loadEngine() {
  const [workspace, rules, hover, complete, navigate, outline, actions, types, nodeHost, parse, limits, segment, yaml] = await Promise.all([
    load('workspace/workspace.ts'), load('rules/index.ts'), load('features/hover.ts'), load('features/complete.ts'),
    load('features/navigate.ts'), load('features/outline.ts'), load('features/actions.ts'), load('types.ts'), load('workspace/node-host.ts'),
    load('syntax/parse.ts'), load('syntax/limits.ts'), load('syntax/segment.ts'), import('yaml'),
  ]);
  const documented = new Set(fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)));
  return {
    Workspace: workspace.Workspace,
    NodeHost: nodeHost.NodeHost,
    RULES_BY_ID: rules.RULES_BY_ID,
    known: new Set(rules.RULES_BY_ID.keys()),
    documented,
    SEVERITIES: types.SEVERITIES,
    hover: hover.hover, complete: complete.complete,
    definition: navigate.definition, references: navigate.references, prepareRename: navigate.prepareRename,
    rename: navigate.rename, workspaceSymbols: navigate.workspaceSymbols,
    outline: outline.outline, actionsFor: actions.actionsFor,
    segmentedVsWhole: (text) => segmentedVsWhole(text, parse.parseYaml, limits.DEFAULT_LIMITS, segment.segmentText, yaml),
    /** Whether `text` is parsed in pieces at the default size threshold. */
    segmented: (text) => !!segment.segmentText(text),
  };
}

/** A generated policy of ~1,200 lines (48 KB): large enough to be parsed in pieces by default. */
export function largePolicy() {
  return generatedPolicy(20261201, 1200, { org: 'Large Labs', id: 'large-rsp' }).text;
}

/** The example documents: [{ rel, text }] with rel relative to examples/ (posix), and a large generated policy. */
export function loadCorpus() {
  const base = path.join(ROOT, 'examples');
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push({ rel: path.relative(base, p).split(path.sep).join('/'), text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(base);
  out.push({ rel: 'large/large.rsp.yaml', text: largePolicy() });
  return out;
}

function depthOf(v) {
  let max = 0;
  const stack = [[v, 0]];
  while (stack.length) {
    const [x, d] = stack.pop();
    if (x && typeof x === 'object') { if (d + 1 > max) max = d + 1; for (const k of Object.keys(x)) stack.push([x[k], d + 1]); }
  }
  return max;
}

/**
 * Offsets of every node, in document order: where it starts and where its value ends, which is
 * what the rules and features read positions from. (range[2], where yaml ends a node with the
 * comments it attaches, is read by nothing; pieces do not always attach comments the same way.)
 */
function nodeRanges(root, Y) {
  const out = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    if (!n) { out.push('-'); continue; }
    out.push(n.range ? `${n.range[0]},${n.range[1]}` : '?');
    if (Y.isMap(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i].value, n.items[i].key);
    else if (Y.isSeq(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
  return out;
}

/**
 * The oracle for parsing in pieces: where the whole text or its pieces parse, data, node offsets
 * and problems must be those of one parse of the whole text; where neither parses, the problems.
 */
export function segmentedVsWhole(text, parseYaml, limits, segmentText, Y) {
  const segmented = !!segmentText(text, 0);
  if (!segmented) return { segmented };
  const whole = parseYaml(text, limits, { segmentMinBytes: Infinity });
  const pieces = parseYaml(text, limits, { segmentMinBytes: 0 });
  // Where neither parses, the problems must still be those of one parse of the whole text
  // (a syntax mistake gets the same findings at any size). Limits are measured differently
  // (the one-pass nesting estimate of a whole text counts brackets it cannot tell apart from text).
  const limited = (r) => r.problems.some((p) => p.rule === 'resource-limit');
  if (whole.blocking && pieces.blocking) {
    if (limited(whole) || limited(pieces)) return { segmented };
    const pa = JSON.stringify(whole.problems), pb = JSON.stringify(pieces.problems);
    if (pa !== pb) return { segmented, broken: true, problem: `problems of a text that does not parse differ: whole ${pa.slice(0, 400)} / pieces ${pb.slice(0, 400)}` };
    return { segmented, broken: true };
  }
  // The one-pass nesting estimate may refuse a whole text that is not that deep (it counts
  // brackets it cannot tell apart from text); pieces are measured exactly. Not a split error.
  if (whole.blocking && !pieces.blocking && whole.problems.length === 1 && /^nesting deeper/.test(whole.problems[0].message) && depthOf(pieces.data) <= limits.maxDepth) {
    return { segmented, estimateOnly: true };
  }
  if (whole.blocking !== pieces.blocking) {
    return { segmented, problem: `the whole text ${whole.blocking ? 'does not parse' : 'parses'} (${JSON.stringify(whole.problems.slice(0, 2))}), its pieces ${pieces.blocking ? 'do not' : 'do'} (${JSON.stringify(pieces.problems.slice(0, 2))})` };
  }
  const a = JSON.stringify(whole.data), b = JSON.stringify(pieces.data);
  if (a !== b) {
    let i = 0; while (i < a.length && a[i] === b[i]) i++;
    return { segmented, problem: `data differs at character ${i}: whole ${a.slice(Math.max(0, i - 40), i + 60)} / pieces ${b.slice(Math.max(0, i - 40), i + 60)}` };
  }
  const ra = nodeRanges(whole.doc.contents, Y), rb = nodeRanges(pieces.doc.contents, Y);
  let i = 0; while (i < ra.length && ra[i] === rb[i]) i++;
  if (i < ra.length || ra.length !== rb.length) return { segmented, problem: `node offsets differ at node ${i}: whole ${ra[i]} / pieces ${rb[i]}` };
  const pa = JSON.stringify(whole.problems), pb = JSON.stringify(pieces.problems);
  if (pa !== pb) return { segmented, problem: `problems differ: whole ${pa.slice(0, 300)} / pieces ${pb.slice(0, 300)}` };
  return { segmented };
}
