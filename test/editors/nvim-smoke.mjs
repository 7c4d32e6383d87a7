#!/usr/bin/env node
// Neovim 0.7 (Debian `neovim`) as a real LSP client, headless.
//
//   import { runNeovimLsp } from './nvim-smoke.mjs';
//   const r = await runNeovimLsp({ serverCmd: ['node', 'dist/rsp-lint.js', '--stdio'], file, hoverAt: { line, character } });
//   r.diagnostics  // LSP Diagnostic[] from the server's last publishDiagnostics for `file` (0-based ranges)
//   r.hover        // LSP Hover result (or null)
//
// CLI:
//   node test/editors/nvim-smoke.mjs                     proof with yaml-language-server@1.x (temp install)
//   node test/editors/nvim-smoke.mjs --server 'node dist/rsp-lint.js --stdio' --file F [--hover L:C]
//                                                        prints the JSON result for any server
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const NVIM = process.env.NVIM_PATH || 'nvim';

// Runs inside nvim. Config comes from a JSON file named by $NVIM_LSP_TEST_CONFIG.
const TEST_LUA = String.raw`
local cfg_file = assert(io.open(os.getenv('NVIM_LSP_TEST_CONFIG')))
local cfg = vim.json.decode(cfg_file:read('*a'))
cfg_file:close()
-- JSON null arrives as vim.NIL: make it nil
for k, v in pairs(cfg) do if v == vim.NIL then cfg[k] = nil end end

local result = { messages = {} }
local function write_result()
  local out = assert(io.open(cfg.result_file, 'w'))
  out:write(vim.json.encode(result))
  out:close()
end

local ok, err = pcall(function()
  local t0 = vim.loop.hrtime()
  local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
  result.timings = {}

  -- remember every raw publishDiagnostics (by uri), then let nvim handle it as usual
  local published = {}
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, res, ctx, conf)
    if res and res.uri then published[res.uri] = res end
    return default_publish(e, res, ctx, conf)
  end
  local function keep_message(kind)
    return function(_, res) table.insert(result.messages, { kind = kind, type = res.type, message = res.message }) end
  end
  vim.lsp.handlers['window/logMessage'] = keep_message('log')
  vim.lsp.handlers['window/showMessage'] = keep_message('show')

  local exited
  local client_id = vim.lsp.start_client({
    name = cfg.name,
    cmd = cfg.cmd,
    cmd_cwd = cfg.cwd,
    root_dir = cfg.root_dir,
    settings = cfg.settings,
    init_options = cfg.init_options,
    on_init = function(client)
      if cfg.settings then
        client.notify('workspace/didChangeConfiguration', { settings = cfg.settings })
      end
    end,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
  })
  assert(client_id, 'vim.lsp.start_client returned nil (bad cmd?)')

  vim.cmd('edit ' .. vim.fn.fnameescape(cfg.file))
  local bufnr = vim.api.nvim_get_current_buf()
  if cfg.filetype then vim.bo[bufnr].filetype = cfg.filetype end
  result.filetype = vim.bo[bufnr].filetype
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  local uri = vim.uri_from_bufnr(bufnr)
  result.uri = uri

  local inited = vim.wait(cfg.timeout_ms, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return exited ~= nil or (c ~= nil and c.initialized == true)
  end, 10)
  if exited then error('server exited during start: ' .. vim.inspect(exited)) end
  if not inited then error('server did not finish initialize within ' .. cfg.timeout_ms .. ' ms') end
  result.timings.initialized_ms = ms()
  result.server_capabilities = vim.lsp.get_client_by_id(client_id).server_capabilities

  -- diagnostics: wait for the first publishDiagnostics for this file (may be an empty list)
  local got = vim.wait(cfg.diagnostics_timeout_ms, function() return published[uri] ~= nil end, 10)
  result.timings.diagnostics_ms = ms()
  result.diagnostics_published = got
  result.diagnostics = published[uri] and published[uri].diagnostics or {}
  local nd = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(nd, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = d.code })
  end
  result.nvim_diagnostics = nd

  local function request(method, params)
    local responses, why = vim.lsp.buf_request_sync(bufnr, method, params, cfg.timeout_ms)
    if not responses then return { error = 'no response: ' .. tostring(why) } end
    local r = responses[client_id]
    if not r then return { error = 'no response from the client under test' } end
    if r.err then return { error = r.err } end
    return { result = r.result == nil and vim.NIL or r.result }
  end

  if cfg.hover_at then
    local r = request('textDocument/hover', { textDocument = { uri = uri }, position = cfg.hover_at })
    if r.error then result.hover_error = r.error end
    result.hover = r.result
    result.timings.hover_ms = ms()
  end
  result.requests = {}
  for i, q in ipairs(cfg.requests or {}) do
    local params = vim.tbl_extend('force', { textDocument = { uri = uri } }, q.params or {})
    result.requests[i] = request(q.method, params)
  end
end)

if not ok then result.error = tostring(err) end
write_result()
if ok then vim.cmd('qall!') else vim.cmd('cquit 1') end
`;

function killGroup(child, sig) {
  try { process.kill(-child.pid, sig); } catch { /* gone */ }
}

/**
 * Open `file` in headless Neovim 0.7 with the LSP server `serverCmd` attached; collect the
 * diagnostics it publishes for the file and the hover at `hoverAt`.
 * @param {object} o
 * @param {string[]|string} o.serverCmd  e.g. ['node', '/abs/dist/rsp-lint.js', '--stdio'] (a string is split on spaces)
 * @param {string} o.file              file to open (absolute or relative to cwd)
 * @param {{line:number, character:number}} [o.hoverAt]  0-based LSP position
 * @param {number} [o.timeoutMs=30000]  whole run; also the per-request limit inside nvim
 * @param {number} [o.diagnosticsTimeoutMs=10000]  how long to wait for the first publishDiagnostics
 * @param {string} [o.rootDir]         workspace root (default: the file's folder)
 * @param {object} [o.settings]        returned to workspace/configuration and sent in didChangeConfiguration
 * @param {object} [o.initOptions]     initializationOptions
 * @param {string} [o.filetype]        force the buffer's filetype (= didOpen languageId); default: nvim's detection
 * @param {{method:string, params?:object}[]} [o.requests]  extra requests; textDocument is filled in
 * @returns {Promise<{diagnostics: object[], hover: object|null, nvim_diagnostics: object[], requests: object[],
 *   server_capabilities: object, messages: object[], timings: object, filetype: string, uri: string}>}
 */
export async function runNeovimLsp({
  serverCmd,
  file,
  hoverAt,
  timeoutMs = 30_000,
  diagnosticsTimeoutMs = 10_000,
  rootDir,
  settings,
  initOptions,
  filetype,
  requests = [],
  name = 'server-under-test',
} = {}) {
  if (!serverCmd || !file) throw new Error('runNeovimLsp: serverCmd and file are required');
  const cmd = Array.isArray(serverCmd) ? serverCmd : serverCmd.trim().split(/\s+/);
  file = path.resolve(file);
  if (!fs.existsSync(file)) throw new Error(`runNeovimLsp: no such file ${file}`);
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'rsp-nvim-'));
  try {
    const xdg = {};
    for (const k of ['CONFIG', 'DATA', 'STATE', 'CACHE', 'RUNTIME']) {
      xdg[`XDG_${k}_HOME`] = path.join(tmp, k.toLowerCase());
      await fsp.mkdir(xdg[`XDG_${k}_HOME`], { recursive: true, mode: 0o700 });
    }
    xdg.XDG_RUNTIME_DIR = xdg.XDG_RUNTIME_HOME;
    delete xdg.XDG_RUNTIME_HOME;
    const initLua = path.join(tmp, 'init.lua');
    const testLua = path.join(tmp, 'test.lua');
    const configFile = path.join(tmp, 'config.json');
    const resultFile = path.join(tmp, 'result.json');
    await fsp.writeFile(initLua, "vim.o.swapfile = false\nvim.o.shadafile = 'NONE'\nvim.lsp.set_log_level('warn')\n");
    await fsp.writeFile(testLua, TEST_LUA);
    await fsp.writeFile(configFile, JSON.stringify({
      name,
      cmd,
      cwd: rootDir ? path.resolve(rootDir) : path.dirname(file),
      root_dir: rootDir ? path.resolve(rootDir) : path.dirname(file),
      file,
      hover_at: hoverAt ?? null,
      settings: settings ?? null,
      init_options: initOptions ?? null,
      filetype: filetype ?? null,
      requests,
      timeout_ms: timeoutMs,
      diagnostics_timeout_ms: Math.min(diagnosticsTimeoutMs, timeoutMs),
      result_file: resultFile,
    }));

    const child = spawn(NVIM, ['--headless', '--clean', '-u', initLua, '-c', `luafile ${testLua}`], {
      cwd: rootDir ? path.resolve(rootDir) : path.dirname(file),
      detached: true, // own process group: the server it starts is killed with it
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...xdg, NVIM_LSP_TEST_CONFIG: configFile },
    });
    let output = '';
    child.stdout.on('data', (b) => { output += b; });
    child.stderr.on('data', (b) => { output += b; });
    const onExit = () => killGroup(child, 'SIGKILL');
    process.on('exit', onExit);
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; killGroup(child, 'SIGKILL'); }, timeoutMs + 5_000);
    const code = await new Promise((resolve) => child.on('close', (c, s) => resolve(c ?? s)));
    clearTimeout(timer);
    killGroup(child, 'SIGKILL'); // a server that ignored shutdown/exit
    process.off('exit', onExit);

    const lspLog = path.join(xdg.XDG_CACHE_HOME, 'nvim', 'lsp.log');
    const tail = () => {
      const log = fs.existsSync(lspLog) ? fs.readFileSync(lspLog, 'utf8').slice(-4000) : '';
      return `\n--- nvim output ---\n${output.slice(-4000)}\n--- lsp.log ---\n${log}`;
    };
    if (timedOut) throw new Error(`runNeovimLsp: nvim did not finish within ${timeoutMs} ms${tail()}`);
    if (!fs.existsSync(resultFile)) throw new Error(`runNeovimLsp: nvim exited ${code} without a result${tail()}`);
    const result = JSON.parse(await fsp.readFile(resultFile, 'utf8'));
    if (result.error) throw new Error(`runNeovimLsp: ${result.error}${tail()}`);
    if (Array.isArray(result.messages) === false) result.messages = [];
    // vim.json encodes empty Lua tables as {}: normalise the list fields
    for (const k of ['diagnostics', 'nvim_diagnostics', 'requests', 'messages']) {
      if (result[k] && !Array.isArray(result[k])) result[k] = Object.values(result[k]);
    }
    result.hover ??= null;
    return result;
  } finally {
    if (!process.env.KEEP_EDITOR_TEMP) await fsp.rm(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Proof with a real third-party server, installed into a temp folder (not a project dependency).
const YAML_LS_VERSION = '1.19.2';

async function yamlLanguageServer() {
  const dir = path.join(os.tmpdir(), `rsp-lint-yaml-language-server-${YAML_LS_VERSION}`);
  const bin = path.join(dir, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  if (!fs.existsSync(path.join(dir, '.installed'))) {
    await fsp.mkdir(dir, { recursive: true });
    await fsp.writeFile(path.join(dir, 'package.json'), '{"private":true}\n');
    const code = await new Promise((resolve) => {
      const p = spawn('npm', ['install', '--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund',
        `yaml-language-server@${YAML_LS_VERSION}`], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
      p.on('close', resolve);
    });
    if (code !== 0) throw new Error(`npm install yaml-language-server@${YAML_LS_VERSION} failed (${code})`);
    await fsp.writeFile(path.join(dir, '.installed'), '');
  }
  return ['node', bin, '--stdio'];
}

async function proof() {
  const t0 = Date.now();
  const serverCmd = await yamlLanguageServer();
  const tInstalled = Date.now();
  const ws = await fsp.mkdtemp(path.join(os.tmpdir(), 'rsp-nvim-proof-'));
  try {
    await fsp.writeFile(path.join(ws, 'schema.json'), JSON.stringify({
      type: 'object',
      properties: {
        name: { type: 'string', description: 'Display name of the policy.' },
        level: { type: 'integer', description: 'AI Safety Level (ASL) number.' },
      },
      required: ['name'],
    }));
    const file = path.join(ws, 'demo.yaml');
    await fsp.writeFile(file, '# yaml-language-server: $schema=./schema.json\nname: demo\nlevel: high\n');
    const r = await runNeovimLsp({
      serverCmd,
      file,
      hoverAt: { line: 2, character: 2 },
      settings: { yaml: { validate: true, hover: true, completion: true } },
      requests: [{ method: 'textDocument/completion', params: { position: { line: 1, character: 0 } } }],
    });
    const summary = {
      server: `yaml-language-server@${YAML_LS_VERSION}`,
      diagnostics: r.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`),
      hover: r.hover?.contents,
      completionItems: (r.requests[0]?.result?.items ?? r.requests[0]?.result ?? []).map?.((i) => i.label),
      timings: { installMs: tInstalled - t0, runMs: Date.now() - tInstalled, ...r.timings },
    };
    console.log(JSON.stringify(summary, null, 2));
    const fail = (m) => { console.error(`nvim smoke FAILED: ${m}`); process.exitCode = 1; };
    if (!r.diagnostics.some((d) => d.range.start.line === 2 && /integer/i.test(d.message))) fail('no "integer" diagnostic on line 3');
    if (!/AI Safety Level/.test(JSON.stringify(r.hover))) fail('hover lacks the schema description');
    if (r.nvim_diagnostics.length !== r.diagnostics.length) fail('nvim did not take the diagnostics');
    if (!process.exitCode) console.log(`nvim smoke: ok in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await fsp.rm(ws, { recursive: true, force: true });
  }
}

async function cli(argv) {
  const arg = (n) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : undefined; };
  const hover = arg('--hover');
  const [line, character] = hover ? hover.split(':').map(Number) : [];
  const r = await runNeovimLsp({
    serverCmd: arg('--server'),
    file: arg('--file'),
    hoverAt: hover ? { line, character } : undefined,
    timeoutMs: Number(arg('--timeout') ?? 30_000),
  });
  delete r.server_capabilities;
  console.log(JSON.stringify(r, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  (argv.includes('--server') ? cli(argv) : proof()).catch((e) => { console.error(e); process.exit(1); });
}
