// Bundles the CLI + language server into one file that runs with plain `node`
// (no node_modules needed), and the VS Code client into another; for the web extension
// (vscode.dev), the server as a web worker script and the client, with no Node built-ins.
import * as esbuild from 'esbuild';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');

// The built-in compliance profiles (profiles/*.profile.yaml) as a module of the engine.
{
  const { generate, OUT } = await import('./scripts/gen-profiles.mjs');
  const text = generate();
  let old = '';
  try { old = readFileSync(OUT, 'utf8'); } catch { /* first build */ }
  if (old !== text) (await import('node:fs')).writeFileSync(OUT, text);
}

/** Inlines docs/rules/*.md so the CLI and server carry their rule documentation. */
const ruleDocs = {
  name: 'rule-docs',
  setup(build) {
    build.onResolve({ filter: /^virtual:rule-docs$/ }, () => ({ path: 'rule-docs', namespace: 'rule-docs' }));
    build.onLoad({ filter: /.*/, namespace: 'rule-docs' }, () => {
      const pages = {};
      for (const f of readdirSync('docs/rules')) if (f.endsWith('.md') && f !== 'README.md') pages[f.slice(0, -3)] = readFileSync(`docs/rules/${f}`, 'utf8');
      return { contents: `export default ${JSON.stringify(pages)};`, loader: 'js', watchFiles: readdirSync('docs/rules').map((f) => `docs/rules/${f}`) };
    });
  },
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !process.argv.includes('--no-minify'),
  keepNames: true,
  legalComments: 'linked',
  loader: { '.md': 'text' },
  logLevel: 'warning',
  plugins: [ruleDocs],
  define: { SERVER_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

const builds = [
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/rsp-lint.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The web extension: platform 'browser' fails the build on any Node built-in.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['server/src/lsp/browser.ts'], outfile: 'dist/web/server.js', metafile: true },
  { ...common, platform: 'browser', target: 'es2022', format: 'cjs', entryPoints: ['client/src/browser.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], metafile: true },
  // The extension test suite (run inside VS Code) and its desktop runner.
  { ...common, minify: false, entryPoints: ['client/test/index.ts'], outfile: 'out/test/index.js', external: ['vscode', 'mocha'] },
  { ...common, minify: false, entryPoints: ['client/test/runTest.ts'], outfile: 'out/test/runTest.js', external: ['@vscode/test-electron'] },
  // The web extension's suite, run in the web worker extension host (only 'vscode' can be required there).
  { ...common, minify: false, platform: 'browser', target: 'es2022', format: 'cjs', entryPoints: ['client/test/web/index.ts'], outfile: 'out/test/web/index.js', external: ['vscode'] },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  chmodSync('dist/rsp-lint.js', 0o755);
}
