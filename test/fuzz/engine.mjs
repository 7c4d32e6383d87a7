// Loads the engine from its TypeScript sources (through tsx) inside a worker thread, and the
// example documents the fuzzer starts from.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const [workspace, rules, hover, complete, navigate, outline, actions, types, nodeHost] = await Promise.all([
    load('workspace.ts'), load('rules/index.ts'), load('features/hover.ts'), load('features/complete.ts'),
    load('features/navigate.ts'), load('features/outline.ts'), load('features/actions.ts'), load('types.ts'), load('node-host.ts'),
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
  };
}

/** The example documents: [{ rel, text }] with rel relative to examples/ (posix). */
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
  return out;
}
