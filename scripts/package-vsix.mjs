// Packs the VS Code extension (.vsix) with vsce: node scripts/package-vsix.mjs [--out FILE]
// package.json's "files" is the npm package's whitelist (the CLI only), and vsce refuses to
// combine "files" with a .vscodeignore; so the .vsix is packed from a staging folder that holds
// what the extension needs, its package.json without "files", and the Marketplace README.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** What the .vsix carries: [folder, file-name pattern]. The bundles carry their dependencies. */
export const VSIX_FILES = [
  ['dist', /^(rsp-lint|extension)\.js$/],
  ['dist/web', /^(server|extension)\.js$/],
  ['schemas', /\.json$/],
  ['syntaxes', /\.json$/],
  ['snippets', /\.code-snippets$/],
  ['docs/rules', /\.md$/],
  ['docs/walkthrough', /\.md$/],
  ['images', /^icon\.png$/],
  ['.', /^(language-configuration\.json|LICENSE|CHANGELOG\.md)$/],
];

const args = process.argv.slice(2);
const out = path.resolve(args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(ROOT, 'rsp-lint.vsix'));
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-vsix-stage-'));
try {
  for (const [dir, re] of VSIX_FILES) {
    for (const f of fs.readdirSync(path.join(ROOT, dir)).filter((n) => re.test(n))) {
      fs.mkdirSync(path.join(stage, dir), { recursive: true });
      fs.copyFileSync(path.join(ROOT, dir, f), path.join(stage, dir, f));
    }
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  delete pkg.files;
  delete pkg.scripts;         // the bundles are built already (npm run build)
  delete pkg.devDependencies;
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  fs.copyFileSync(path.join(ROOT, 'docs', 'marketplace', 'README.md'), path.join(stage, 'README.md'));
  fs.writeFileSync(path.join(stage, '.vscodeignore'), '.vscodeignore\n');
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
