// The web extension in a real VS Code web workbench: code-server 4.100.3 (VS Code 1.100.3) in
// headless Chromium, with the extension running in the *web worker extension host* from its
// `browser` entry (dist/web/extension.js, server in a worker: dist/web/server.js), as in
// vscode.dev and github.dev. Runs the suite client/test/web (out/test/web/index.js) there, on a
// copy of examples/, and reads the rendered overview webview from the page when the suite asks.
// Exit code = the suite's. Screenshots: .test-artifacts/web-overview.png, web-suite.png.
//
// How the extension gets into the web worker host: it is loaded from its folder (URL payload
// extensionDevelopmentPath) and the user setting `remote.extensionKind` says it is a `web`
// extension. The URL payload `extensionDevelopmentKind` does not work in 1.100's browser
// workbench (it is parsed as `extensionDevelopmentLocationKind`, but the running-location
// tracker reads `extensionDevelopmentKind`, which the browser environment service lacks), and
// with both `main` and `browser` an extension otherwise runs in the remote Node host.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runExtensionTests, saveScreenshot } from './code-server.mjs';

export const OVERVIEW_OPEN = '[web-suite] overview open'; // client/test/web/index.ts

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'rsp-web-ws-'));
fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });

let page;
let looked = Promise.resolve();
const lookAtOverview = async () => {
  // The webview's content is two iframes deep (VS Code's webview host, then the page itself).
  const view = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  let body = '';
  try {
    await view.locator('body', { hasText: 'CBRN-3' }).waitFor({ timeout: 30_000 });
    body = await view.locator('body').innerText();
  } catch (e) {
    console.log(`[web.mjs] the overview webview did not render: ${e?.message ?? e}`);
  }
  await saveScreenshot(page, 'web-overview');
  fs.mkdirSync(path.join(workspace, '.web-suite'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.web-suite', 'overview.json'), JSON.stringify({ body }));
};

const t0 = Date.now();
let code;
try {
  code = await runExtensionTests({
    extensionPath: root,
    testsPath: path.join(root, 'out', 'test', 'web', 'index.js'),
    workspace,
    timeoutMs: 150_000,
    settings: {
      'rspLint.today': '2026-11-23',
      'remote.extensionKind': { 'rsp-tools.rsp-lint': ['web'] },
    },
    screenshot: 'web-suite',
    onPage: (p) => { page = p; },
    onLog: (level, line) => {
      process.stdout.write(level === 'error' || level === 'warn' ? `[${level}] ${line}\n` : `${line}\n`);
      if (line.includes(OVERVIEW_OPEN)) looked = lookAtOverview();
    },
  });
  await looked;
} finally {
  if (!process.env.KEEP_EDITOR_TEMP) fs.rmSync(workspace, { recursive: true, force: true });
}
console.log(`web extension suite in the VS Code web workbench (code-server): exit ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(code);
