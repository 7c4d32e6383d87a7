/**
 * The web extension in a real VS Code web workbench (the `extensionTestsPath` module, run by
 * test/editors/web.mjs in code-server): this suite runs in the web worker extension host beside
 * the extension, so it is bundled for the browser with no Node built-ins and no mocha (that
 * host's `require` knows only 'vscode'). The workspace is a copy of examples/.
 *
 * The overview step hands over to the scenario script: once the panel is open the suite logs
 * OVERVIEW_OPEN, the script reads the rendered webview in the page and writes what it saw to
 * `<workspace>/.web-suite/overview.json`, which the suite then checks.
 */
import * as vscode from 'vscode';

const EXT = 'rsp-tools.rsp-lint';
export const OVERVIEW_OPEN = '[web-suite] overview open';

class AssertionError extends Error {}
function ok(value: unknown, message: string): asserts value {
  if (!value) throw new AssertionError(message);
}
function match(s: string, re: RegExp, what = 'text'): void {
  ok(re.test(s), `${what} does not match ${re}: ${JSON.stringify(s.slice(0, 600))}`);
}
function equal<T>(actual: T, expected: T, what: string): void {
  ok(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function until<T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function file(rel: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  ok(root, 'the suite needs a workspace folder (a copy of examples/)');
  return vscode.Uri.joinPath(root, rel);
}

function at(doc: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const i = doc.getText().indexOf(needle);
  ok(i >= 0, `'${needle}' not in ${doc.uri.path}`);
  return doc.positionAt(i + delta);
}

const code = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const text = (c: vscode.MarkdownString | vscode.MarkedString): string => (typeof c === 'string' ? c : c.value);

interface WebApi {
  runtime: string;
  serverWorker: string;
  activationMs: number;
  status(): { state: string; text: string };
}

type Test = [name: string, fn: () => Promise<void>];

function tests(): Test[] {
  let api: WebApi;
  let roadmap: vscode.TextDocument;
  return [
    ['the extension activates in the web worker extension host, from its browser entry', async () => {
      const ext = vscode.extensions.getExtension<WebApi>(EXT);
      ok(ext, `${EXT} is loaded`);
      equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind (Web)');
      // This suite runs in the extension's host: a worker has importScripts and no process.
      const g = globalThis as { importScripts?: unknown; process?: unknown };
      equal(typeof g.importScripts, 'function', 'typeof importScripts in the extension host');
      equal(typeof g.process, 'undefined', 'typeof process in the extension host');
      api = await ext.activate();
      equal(api.runtime, 'browser', 'runtime of the activated entry point');
      ok(['url', 'blob'].includes(api.serverWorker), `server worker made from ${api.serverWorker}`);
      console.log(`activation in the web worker extension host: ${api.activationMs} ms; server worker started from ${api.serverWorker === 'url' ? 'its URL' : 'a Blob URL'}`);
      equal(api.status().state, 'ready', 'status bar state');
    }],

    ['diagnostics of an open roadmap come from the server in the worker', async () => {
      const uri = file('with-problems/goals.roadmap.yaml');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const diags = await until('diagnostics', () => { const d = vscode.languages.getDiagnostics(uri); return d.length ? d : undefined; });
      const owner = diags.find((d) => code(d) === 'goal-without-owner');
      ok(owner, `goal-without-owner in ${JSON.stringify(diags.map(code))}`);
      equal(owner.source, 'rsp-lint', 'source');
      match(String((owner.code as { target: vscode.Uri }).target), /docs\/rules\/goal-without-owner\.md$/, 'docs link');
    }],

    ['files not open are checked too (workspace scan through vscode.workspace.findFiles)', async () => {
      const uri = file('with-problems/cycle.roadmap.yaml');
      const diags = await until('diagnostics of a file never opened', () => { const d = vscode.languages.getDiagnostics(uri); return d.length ? d : undefined; });
      ok(diags.some((d) => code(d) === 'dependency-cycle'), JSON.stringify(diags.map(code)));
    }],

    ['a finding that needs the linked policy, read through vscode.workspace.fs', async () => {
      roadmap = await vscode.workspace.openTextDocument(file('example-labs/frontier-safety.roadmap.yaml'));
      await vscode.window.showTextDocument(roadmap);
      // A goal now supports a safeguard id the policy (example-labs.rsp.yaml, not open) lacks.
      const edit = new vscode.WorkspaceEdit();
      const start = at(roadmap, 'supports: [asl3-two-party-access]', 'supports: ['.length);
      edit.replace(roadmap.uri, new vscode.Range(start, start.translate(0, 'asl3-two-party-access'.length)), 'asl3-two-party-acces');
      ok(await vscode.workspace.applyEdit(edit), 'edit applied');
      const d = await until('unknown-reference', () => vscode.languages.getDiagnostics(roadmap.uri).find((x) => code(x) === 'unknown-reference'));
      match(d.message, /asl3-two-party-acces\b/, 'message');
      match(d.message, /did you mean 'asl3-two-party-access'/, 'message (the suggestion comes from the policy)');
      ok(!vscode.workspace.textDocuments.some((t) => t.uri.path.endsWith('/example-labs.rsp.yaml')), 'the policy was not opened as a document');
      const defs = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', roadmap.uri, at(roadmap, 'supports: [asl3-egress-control]', 13));
      const target = defs[0] && ('uri' in defs[0] ? defs[0].uri : defs[0].targetUri);
      ok(target, 'a definition');
      equal(target.toString(), file('example-labs/example-labs.rsp.yaml').toString(), 'definition target');
    }],

    ['hover over ASL-4 shows the standard and its safeguards', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', roadmap.uri, at(roadmap, 'supports: [ASL-4', 12));
      const md = hovers.flatMap((h) => h.contents.map(text)).join('\n');
      match(md, /ASL-4/, 'hover');
      match(md, /Security safeguards/, 'hover');
    }],

    ['completion offers the policy\'s safeguard ids', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', roadmap.uri, at(roadmap, 'asl3-two-party-acces', 4));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      ok(labels.includes('asl3-two-party-access'), `asl3-two-party-access in ${labels.join(',')}`);
    }],

    ['a settings change reaches the server in the worker (rspLint.rules)', async () => {
      const cfg = vscode.workspace.getConfiguration('rspLint');
      const has = () => vscode.languages.getDiagnostics(roadmap.uri).some((x) => code(x) === 'unknown-reference');
      await cfg.update('rules', { 'unknown-reference': 'off' }, vscode.ConfigurationTarget.Global);
      try {
        await until('unknown-reference to be switched off', () => !has());
      } finally {
        await cfg.update('rules', undefined, vscode.ConfigurationTarget.Global);
      }
      await until('unknown-reference to come back', () => has());
    }],

    ['RSP: Review Changes Against Git Ref… says the web extension cannot run git', async () => {
      const r = await vscode.commands.executeCommand<{ error?: string } | undefined>('rsp-lint.reviewChanges', 'HEAD');
      ok(r && typeof r.error === 'string', `an explanation, not a review: ${JSON.stringify(r)}`);
      match(r.error!, /needs git, which the web extension cannot run/, 'the message');
      ok(!vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => /RSP Change Review/.test(t.label)), 'no review view was opened');
    }],

    ['RSP: Open Policy Overview renders the matrix and the timeline', async () => {
      await vscode.commands.executeCommand('rsp-lint.openOverview');
      const tab = await until('the overview tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'RSP Policy Overview'));
      ok(tab.input instanceof vscode.TabInputWebview, 'the tab is a webview');
      match((tab.input as vscode.TabInputWebview).viewType, /rspOverview/, 'viewType');
      // The scenario script looks at the page and reports what the webview shows.
      const seen = file('.web-suite/overview.json');
      console.log(OVERVIEW_OPEN);
      await until('the scenario script to read the rendered overview', async () => {
        try { await vscode.workspace.fs.stat(seen); return true; } catch { return undefined; }
      }, 60_000);
      const r = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(seen))) as { body: string };
      for (const t of ['Thresholds × safeguards', 'CBRN-3', 'CBRN-4', 'AI-RND-4', 'asl3-egress-control', 'SEC-1']) ok(r.body.includes(t), `${t} in the rendered overview`);
      match(r.body, /As of 2026-11-23/, 'the overview (the setting rspLint.today reached the server)');
    }],
  ];
}

export async function run(): Promise<void> {
  const failures: string[] = [];
  const all = tests();
  console.log('RSP web extension');
  for (const [name, fn] of all) {
    const t = Date.now();
    try {
      await fn();
      console.log(`  ✔ ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      failures.push(name);
      console.log(`  ✖ ${name}\n      ${e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e)}`);
    }
  }
  console.log(`${all.length - failures.length} passing, ${failures.length} failing`);
  if (failures.length) throw new Error(`${failures.length} test(s) failed: ${failures.join('; ')}`);
}
