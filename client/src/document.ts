/**
 * "RSP: Preview Policy Document" (the policy as `rsp-lint render` publishes it, beside the
 * editor, updated as you type) and "RSP: New Policy from Template…" (the starter sets of
 * `rsp-lint init`, written into a folder, never over a file). Shared by the desktop and the web
 * extension: files only through `vscode.workspace`, the templates bundled from the server's
 * `templates/` folder (plain data, no server code).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DEFAULT_FRAMEWORK, FRAMEWORK_INFO, FRAMEWORKS, isFramework, templateFiles, type Framework } from '../../server/src/templates';

const RENDER_DOCUMENT_REQUEST = 'rsp/renderDocument';
interface Rendered { html: string; body: string; title: string; policy: string | null }

function nonce(): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(32)), (b) => abc[b % abc.length]).join('');
}

/** One preview per document it was opened for. */
const previews = new Map<string, vscode.WebviewPanel>();

/**
 * Shows the publishable document of the policy that the active document is (or links to) beside
 * it; the server renders it, this only shows it and asks again after each analysis.
 */
export async function previewDocument(context: vscode.ExtensionContext, client: BaseLanguageClient | undefined, uri?: vscode.Uri): Promise<vscode.WebviewPanel | undefined> {
  if (!client) return undefined;
  const doc = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!doc) {
    void vscode.window.showInformationMessage('Open an RSP policy, roadmap or risk report to preview its policy document.');
    return undefined;
  }
  const key = doc.toString();
  const open = previews.get(key);
  if (open) { open.reveal(vscode.ViewColumn.Beside, true); return open; }
  const panel = vscode.window.createWebviewPanel('rspDocument', 'Policy Document', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
    enableScripts: true, localResourceRoots: [], enableFindWidget: true,
  });
  previews.set(key, panel);
  const n = nonce();
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}'; base-uri 'none'; form-action 'none'">`;
  const params = { uri: client.code2ProtocolConverter.asUri(doc), nonce: n };
  let last = '';
  const render = async (first: boolean) => {
    const r = await client.sendRequest<Rendered>(RENDER_DOCUMENT_REQUEST, params);
    if (previews.get(key) !== panel) return;
    panel.title = `Preview: ${r.title}`;
    if (first) { panel.webview.html = r.html.replace(/<head>/i, `<head>${csp}`); last = r.body; return; }
    if (r.body === last) return;
    last = r.body;
    void panel.webview.postMessage({ command: 'update', html: r.body });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => { clearTimeout(timer); timer = setTimeout(() => void render(false).catch(() => undefined), 300); };
  const subs = [vscode.languages.onDidChangeDiagnostics(later)];
  panel.onDidDispose(() => { subs.forEach((d) => d.dispose()); clearTimeout(timer); if (previews.get(key) === panel) previews.delete(key); }, null, context.subscriptions);
  await render(true);
  return panel;
}

function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * "RSP: New Policy from Template…": a framework (quick pick), then a folder (dialog, starting at
 * the workspace folder); writes the starter policy, roadmap and risk report there and opens the
 * policy. Never overwrites: if any of the files is already there it says which and writes none.
 * Arguments (commands, walkthrough links, tests) may name the framework and the folder.
 */
export async function newFromTemplate(framework?: unknown, folder?: unknown): Promise<vscode.Uri[] | undefined> {
  let fw: Framework | undefined = isFramework(framework) ? framework : undefined;
  if (!fw) {
    const pick = await vscode.window.showQuickPick(FRAMEWORKS.map((f) => ({
      label: FRAMEWORK_INFO[f].title, description: f === DEFAULT_FRAMEWORK ? `${f} (default)` : f, detail: FRAMEWORK_INFO[f].description, id: f,
    })), { placeHolder: 'Which kind of framework? (a policy, a Frontier Safety Roadmap and a first risk report)', matchOnDetail: true });
    fw = pick?.id;
  }
  if (!fw) return undefined;
  let dir = folder instanceof vscode.Uri ? folder : typeof folder === 'string' ? vscode.Uri.parse(folder) : undefined;
  if (!dir) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: 'Write the starter here',
      title: `New ${FRAMEWORK_INFO[fw].title} from template: choose a folder`,
      ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
    });
    dir = picked?.[0];
  }
  if (!dir) return undefined;
  const files = templateFiles(fw, localToday());
  const targets = files.map((f) => vscode.Uri.joinPath(dir!, f.name));
  for (const t of targets) {
    const there = await vscode.workspace.fs.stat(t).then(() => true, () => false);
    if (there) {
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(t)} already exists: nothing was written (a template never overwrites a file). Choose another folder or move it away.`);
      return undefined;
    }
  }
  // One edit: each file created only if it does not exist (checked again by the editor), undoable.
  const edit = new vscode.WorkspaceEdit();
  const encoder = new TextEncoder();
  files.forEach((f, i) => edit.createFile(targets[i]!, { overwrite: false, ignoreIfExists: false, contents: encoder.encode(f.text) }));
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('The starter files could not be created (one may have appeared meanwhile); nothing was overwritten.');
    return undefined;
  }
  await vscode.window.showTextDocument(targets[0]!, { preview: false });
  return targets;
}
