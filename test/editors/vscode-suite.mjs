// Runs the extension's mocha suite (client/test) inside real VS Code 1.100 (code-server),
// on a copy of examples/. Exit code = the suite's.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExtensionTests } from './code-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-vscode-ws-'));
fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
const t0 = Date.now();
const code = await runExtensionTests({
  extensionPath: root,
  testsPath: path.join(root, 'out', 'test', 'index.js'),
  workspace,
  timeoutMs: 180_000,
  settings: { 'rspLint.today': '2026-11-23' },
  screenshot: 'vscode-suite',
});
console.log(`extension suite in VS Code (code-server): exit ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(code);
