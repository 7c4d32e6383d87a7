/**
 * Runs the extension suite in desktop VS Code downloaded by @vscode/test-electron (needs
 * internet). Where VS Code cannot be downloaded, test/editors runs the same suite in
 * code-server.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-vscode-'));
  fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e) => { console.error(e); process.exit(1); });
