// Real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven from Node, for editor tests.
//
//   startCodeServer({ workspace, extensionDevelopmentPath?, settings? }) -> { url, port, stop(), ... }
//   openBrowser()                                                      -> playwright Browser (Debian chromium)
//   runExtensionTests({ extensionPath, testsPath, workspace, timeoutMs }) -> exit code of the suite
//   saveScreenshot(page, name)                                         -> .test-artifacts/<name>.png
//
// Install the tools first: `bash .ci/install-tools.sh`. Only loopback is used. Every process
// started here is killed by stop()/close(), and also when the Node process exits.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CODE_SERVER_ENTRY =
  process.env.CODE_SERVER_ENTRY ||
  path.join(REPO_ROOT, '.tools/code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.join(REPO_ROOT, '.test-artifacts');
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-breakpad',
];

// Quiet, deterministic VS Code defaults; callers' `settings` are merged over them.
const DEFAULT_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.autoDetect': 'off',
};

// The workbench's own chatter that arrives through codeAutomationLog along with the suite's output.
const WORKBENCH_NOISE = new RegExp([
  '^Resolv(ing|ed) connection token', '^Creating a socket', '^Ignoring fetching additional builtin',
  '^Updating additional builtin', '^\\[Service Worker\\]', '^ChatSessionStore:',
  "^Creation of workbench contribution '.*' took",
].join('|'));

const live = new Set(); // stop functions of everything still running

function killAllSync() {
  for (const s of live) {
    try { s.killSync(); } catch { /* already gone */ }
  }
}
let exitHooked = false;
function hookExit() {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', killAllSync);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => { killAllSync(); process.exit(128 + os.constants.signals[sig]); });
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => { res.resume(); resolve(res.statusCode); });
    req.on('error', () => resolve(0));
    req.on('timeout', () => { req.destroy(); resolve(0); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** PIDs of all descendants of `pid` (read from /proc), deepest last. */
function descendants(pid) {
  const children = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch { /* raced with exit */ }
  }
  const out = [];
  const walk = (p) => { for (const c of children.get(p) || []) { out.push(c); walk(c); } };
  walk(pid);
  return out;
}

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** Kill a detached child, its process group and every descendant (even ones that setsid'd). */
async function killTree(child, graceMs = 5000) {
  const pid = child.pid;
  if (!pid) return;
  const pids = () => [pid, ...descendants(pid)].filter(alive);
  let known = pids();
  const signal = (sig) => {
    try { process.kill(-pid, sig); } catch { /* group gone */ }
    for (const p of known) { try { process.kill(p, sig); } catch { /* gone */ } }
  };
  if (child.exitCode === null && child.signalCode === null) signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    known = [...new Set([...known, ...pids()])].filter(alive);
    if (known.length === 0) break;
    await sleep(100);
  }
  known = [...new Set([...known, ...pids()])].filter(alive);
  if (known.length) signal('SIGKILL');
  try { process.kill(-pid, 'SIGKILL'); } catch { /* group gone */ }
  for (let i = 0; i < 50 && known.some(alive); i++) await sleep(50);
}

async function writeJson(file, value) {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await fsp.writeFile(file, JSON.stringify(value, null, 2));
}

/**
 * Start code-server on 127.0.0.1:<free port> with scratch folders under a temp dir.
 * @param {object} o
 * @param {string} o.workspace  folder to open
 * @param {string} [o.extensionDevelopmentPath]  extension folder to load (from its folder, no install) when
 *   the page opens the returned `url`
 * @returns {Promise<{url: string, baseUrl: string, port: number, pid: number, stop: () => Promise<void>,
 *   folderUrl: Function, remoteUri: Function, log: () => string, logFile: string, dirs: object}>}
 *   `url` opens `workspace` (with the extension loaded, if given); `baseUrl` is http://127.0.0.1:PORT/
 * @param {object} [o.settings]  user settings.json entries (merged over quiet defaults)
 * @param {string[]} [o.args]  extra code-server arguments
 * @param {boolean} [o.workspaceTrust]  keep workspace trust on (the folder opens in Restricted Mode,
 *   no startup prompt); by default trust is disabled, as in every other scenario
 * @param {Record<string, string>} [o.env]  extra environment for code-server (and so the extension host)
 * @param {boolean} [o.verbose]  echo code-server's output to stderr (also env CODE_SERVER_VERBOSE=1)
 * @param {number} [o.startTimeoutMs=60000]
 */
export async function startCodeServer({
  workspace,
  extensionDevelopmentPath,
  settings = {},
  args = [],
  workspaceTrust = false,
  env: extraEnv = {},
  verbose = !!process.env.CODE_SERVER_VERBOSE,
  startTimeoutMs = 60_000,
} = {}) {
  if (!workspace) throw new Error('startCodeServer: workspace is required');
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server not installed at ${CODE_SERVER_ENTRY}; run: bash .ci/install-tools.sh`);
  }
  workspace = path.resolve(workspace);
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'rsp-code-server-'));
  const dirs = {
    tmp,
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    xdgConfig: path.join(tmp, 'xdg-config'),
    xdgData: path.join(tmp, 'xdg-data'),
    xdgCache: path.join(tmp, 'xdg-cache'),
    tmpdir: path.join(tmp, 'tmp'),
  };
  for (const d of Object.values(dirs)) await fsp.mkdir(d, { recursive: true });
  const trust = workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' } : {};
  await writeJson(path.join(dirs.userData, 'User', 'settings.json'), { ...DEFAULT_SETTINGS, ...trust, ...settings });
  const config = path.join(tmp, 'config.yaml');
  await fsp.writeFile(config, 'auth: none\ncert: false\n');

  const port = await freePort();
  const logFile = path.join(tmp, 'code-server.log');
  const logStream = fs.createWriteStream(logFile);
  const child = spawn(process.execPath, [
    CODE_SERVER_ENTRY,
    '--config', config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    ...args,
    workspace,
  ], {
    detached: true, // own process group, so stop() can kill the whole tree
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...extraEnv,
      XDG_CONFIG_HOME: dirs.xdgConfig,
      XDG_DATA_HOME: dirs.xdgData,
      XDG_CACHE_HOME: dirs.xdgCache,
      TMPDIR: dirs.tmpdir,
      VSCODE_CLI_DATA_DIR: path.join(tmp, 'cli-data'),
      // no extension gallery: otherwise it looks up open-vsx.org (unreachable, noisy ENOTFOUND errors)
      EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY || '{}',
    },
  });
  let output = '';
  for (const s of [child.stdout, child.stderr]) {
    s.on('data', (b) => {
      output += b;
      logStream.write(b);
      if (verbose) process.stderr.write(`[code-server] ${b}`);
    });
  }

  let stopped = null;
  const entry = {
    killSync() {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      for (const p of descendants(child.pid)) { try { process.kill(p, 'SIGKILL'); } catch { /* gone */ } }
      if (!process.env.KEEP_EDITOR_TEMP) {
        try { fs.rmSync(tmp, { recursive: true, force: true }); } catch { /* best effort */ }
      }
    },
  };
  live.add(entry);
  hookExit();

  const stop = ({ keepTemp = !!process.env.KEEP_EDITOR_TEMP } = {}) => {
    stopped ??= (async () => {
      await killTree(child);
      live.delete(entry);
      logStream.end();
      if (!keepTemp) await fsp.rm(tmp, { recursive: true, force: true, maxRetries: 3 });
    })();
    return stopped;
  };

  const baseUrl = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop({ keepTemp: true });
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode}); log ${logFile}:\n${output}`);
    }
    if ((await httpStatus(`${baseUrl}healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop({ keepTemp: true });
      throw new Error(`code-server did not answer on ${baseUrl} within ${startTimeoutMs} ms; log ${logFile}:\n${output}`);
    }
    await sleep(150);
  }

  const remote = (abs) =>
    `vscode-remote://127.0.0.1:${port}${path.resolve(abs).split('/').map(encodeURIComponent).join('/')}`;
  const folderUrl = ({ extensionDevelopmentPath: dev = extensionDevelopmentPath, extensionTestsPath, payload: extra = [] } = {}) => {
    const payload = [...extra];
    if (dev) payload.push(['extensionDevelopmentPath', remote(dev)]);
    if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
    let u = `${baseUrl}?folder=${encodeURIComponent(workspace)}`;
    if (payload.length) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return u;
  };
  return {
    url: folderUrl(),
    baseUrl,
    port,
    pid: child.pid,
    workspace,
    dirs,
    logFile,
    log: () => output,
    /** vscode-remote URI of an absolute path on this server. */
    remoteUri: remote,
    /**
     * URL that opens `workspace`; with extensionDevelopmentPath (arg or start option) and
     * extensionTestsPath it loads that extension / runs that suite (URL payload; the CLI flags are refused).
     */
    folderUrl,
    stop,
  };
}

/**
 * Launch headless Debian chromium through playwright-core (never downloads a browser).
 * @param {import('playwright-core').LaunchOptions} [options]
 */
export async function openBrowser(options = {}) {
  const { chromium } = await import('playwright-core');
  // chromium writes crash reports / dconf under $XDG_CONFIG_HOME and $XDG_CACHE_HOME: keep them out of $HOME
  const home = await fsp.mkdtemp(path.join(os.tmpdir(), 'rsp-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    ...options,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache'), ...options.env },
    args: [...CHROMIUM_ARGS, ...(options.args || [])],
  });
  const entry = {
    // playwright kills the browsers it launched when this process exits; only tidy up here
    killSync() {
      try { fs.rmSync(home, { recursive: true, force: true }); } catch { /* best effort */ }
    },
  };
  live.add(entry);
  hookExit();
  browser.on('disconnected', () => {
    live.delete(entry);
    fs.rmSync(home, { recursive: true, force: true });
  });
  return browser;
}

/** Save a PNG of `page` to .test-artifacts/<name>.png; returns the path. */
export async function saveScreenshot(page, name, options = {}) {
  await fsp.mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
}

/**
 * Run a @vscode/test-electron style suite (module with `exports.run(): Promise<void>`) inside
 * real VS Code's Node extension host, with the extension at `extensionPath` loaded from its folder.
 * Streams the suite's output to stdout. Resolves with the exit code (0 = passed); rejects on timeout.
 * @param {object} o
 * @param {string} o.extensionPath   folder with the extension's package.json
 * @param {string} o.testsPath       the suite's entry module (absolute or relative to cwd)
 * @param {string} o.workspace       folder to open
 * @param {number} [o.timeoutMs=120000]
 * @param {object} [o.settings]      extra user settings
 * @param {string} [o.screenshot]    name for a screenshot taken when the run ends (always on failure: 'extension-tests-failure')
 * @param {(level: string, line: string) => void} [o.onLog]  replaces the default stdout printer
 * @param {boolean} [o.verbose]  also print the workbench's own log lines and phase timings (env EDITOR_TEST_VERBOSE=1)
 * @param {[string, string][]} [o.payload]  extra workbench URL payload entries, e.g. [['disableExtensions', 'true']]
 * @param {(page: import('playwright-core').Page) => void} [o.onPage]  gets the workbench page before it loads (to look at it while the suite runs)
 */
export async function runExtensionTests({
  extensionPath,
  testsPath,
  workspace,
  timeoutMs = 120_000,
  settings = {},
  screenshot,
  onLog,
  verbose = !!process.env.EDITOR_TEST_VERBOSE,
  payload = [],
  onPage,
} = {}) {
  for (const [k, v] of Object.entries({ extensionPath, testsPath, workspace })) {
    if (!v) throw new Error(`runExtensionTests: ${k} is required`);
  }
  const started = Date.now();
  const t = (label) => verbose && process.stderr.write(`[code-server] ${label} at ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const server = await startCodeServer({ workspace, settings });
  t(`server up on ${server.url}`);
  let browser;
  let page;
  let timer;
  try {
    browser = await openBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    onPage?.(page);
    t('browser up');
    const print = onLog || ((level, line) => {
      process.stdout.write(level === 'error' || level === 'warn' ? `[${level}] ${line}\n` : `${line}\n`);
    });
    let resolveExit;
    let rejectExit;
    const exited = new Promise((resolve, reject) => { resolveExit = resolve; rejectExit = reject; });
    timer = setTimeout(() => rejectExit(new Error(`extension tests did not finish within ${timeoutMs} ms`)), timeoutMs);
    page.on('crash', () => rejectExit(new Error('browser page crashed')));
    // Both must be registered before goto: the workbench looks them up on window.
    await page.exposeFunction('codeAutomationLog', (level, msg) => {
      // msg is the console call's argument list (printf-style, as mocha's reporters use)
      const text = Array.isArray(msg) ? format(...msg) : typeof msg === 'string' ? msg : format(msg);
      if (!verbose && level !== 'error' && WORKBENCH_NOISE.test(text)) return;
      for (const line of text.replace(/\n$/, '').split('\n')) print(String(level), line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => { t(`codeAutomationExit(${code})`); resolveExit(Number(code)); });
    const url = server.folderUrl({
      extensionDevelopmentPath: path.resolve(extensionPath),
      extensionTestsPath: path.resolve(testsPath),
      payload,
    });
    await page.goto(url, { timeout: timeoutMs });
    t('page loaded');
    let code;
    try {
      code = await exited;
    } catch (err) {
      await saveScreenshot(page, 'extension-tests-timeout').catch(() => {});
      throw err;
    }
    if (code !== 0) await saveScreenshot(page, 'extension-tests-failure').catch(() => {});
    else if (screenshot) await saveScreenshot(page, screenshot).catch(() => {});
    if (process.env.EDITOR_TEST_TIMINGS !== '0') {
      process.stderr.write(`[code-server] extension tests exited ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
    return code;
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
    await server.stop();
  }
}

/** Ctrl+G to `spec` ("12" or "12:5"), waiting for the box to open before typing and to close
 *  after (no keys lost to a race under load). */
export async function goToLine(page, spec) {
  const box = page.locator('.quick-input-widget');
  await page.keyboard.press('Control+G');
  await box.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(String(spec));
  await page.keyboard.press('Enter');
  await box.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Runs `title` (e.g. "RSP: Open Policy Overview") from the command palette. A command that
 *  shows only once the extension is ready (a `when` clause) may not be listed yet: the palette
 *  is asked again, a few times. */
export async function runCommand(page, title, { attempts = 6, timeout = 15_000 } = {}) {
  const label = title.replace(/^[^:]*:\s*/, '');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  for (let i = 1; ; i++) {
    await page.keyboard.press('F1');
    await page.keyboard.type(title);
    try { await row.waitFor({ timeout }); break; } catch (e) {
      if (i >= attempts) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(2000);
    }
  }
  await page.keyboard.press('Enter');
}
