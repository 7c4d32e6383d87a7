/**
 * "RSP: Review Changes Against Git Ref…": asks which ref (HEAD by default; in a branch that is
 * not the default one, the merge base with it first), has the server run the review (git runs
 * in the language server's Node process, never in an untrusted workspace), and shows it in a
 * webview beside the document, in the overview's look. While the view is open, the server marks
 * each unexplained weakening as a `weakening-unexplained` diagnostic with a quick fix.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

interface Page { html: string; body: string; summary: string; unexplained: number; base: string }
interface Base { ref: string; label: string; detail: string }

let panel: vscode.WebviewPanel | undefined;

function nonce(): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(32)), (b) => abc[b % abc.length]).join('');
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/** Which ref to compare with: asked, unless given (tests, keybindings with arguments). */
async function pickBase(c: BaseLanguageClient, uri: string | undefined): Promise<{ ref: string; label: string } | undefined> {
  let bases: Base[] = [];
  try {
    bases = (await c.sendRequest<{ bases: Base[] }>('rsp/reviewBases', { uri })).bases;
  } catch (e) {
    void vscode.window.showWarningMessage(`RSP change review is unavailable: ${message(e)}`);
    return undefined;
  }
  const other = '$(edit) Another ref…';
  if (bases.length > 1 && bases[0]!.ref !== 'HEAD') {
    const pick = await vscode.window.showQuickPick([...bases.map((b) => ({ label: b.label, description: b.ref === b.label ? '' : b.ref.slice(0, 12), detail: b.detail, ref: b.ref })), { label: other, ref: '' }], {
      placeHolder: 'Review the changes against…', matchOnDetail: true,
    });
    if (!pick) return undefined;
    if (pick.label !== other) return { ref: pick.ref, label: pick.label };
  }
  const ref = await vscode.window.showInputBox({
    title: 'RSP: Review Changes Against Git Ref', prompt: 'A branch, tag or commit to compare the RSP documents with', value: 'HEAD',
    validateInput: (v) => (v.trim() === '' ? 'Name a git ref, e.g. HEAD, main or v2.0' : /^-/.test(v.trim()) ? 'A ref does not start with -' : undefined),
  });
  return ref === undefined ? undefined : { ref: ref.trim(), label: ref.trim() };
}

/** The review shown, or why there is none (also said in a message); undefined when the choice was cancelled. */
export async function reviewChanges(context: vscode.ExtensionContext, c: BaseLanguageClient | undefined, uriOf: (path: string) => vscode.Uri, given?: unknown): Promise<Page | { error: string } | undefined> {
  if (!c) return undefined;
  if (!vscode.workspace.isTrusted) {
    const error = 'RSP change review runs git, which rsp-lint does not run in an untrusted workspace. Trust this folder to review its changes (or run rsp-lint diff in a terminal).';
    void vscode.window.showWarningMessage(error);
    return { error };
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const uri = active ? c.code2ProtocolConverter.asUri(active) : undefined;
  const base = typeof given === 'string' && given.trim() ? { ref: given.trim(), label: given.trim() } : await pickBase(c, uri);
  if (!base) return undefined;
  const n = nonce();
  let page: Page;
  try {
    page = await c.sendRequest<Page>('rsp/changeReview', { uri, base: base.ref, label: base.label, nonce: n });
  } catch (e) {
    const error = `RSP change review: ${message(e)}`;
    void vscode.window.showErrorMessage(error);
    return { error };
  }
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}'; base-uri 'none'; form-action 'none'">`;
  const title = `RSP Change Review (${base.label})`;
  if (panel) { panel.title = title; panel.webview.html = page.html.replace(/<head>/i, `<head>${csp}`); panel.reveal(vscode.ViewColumn.Beside, true); return page; }
  const p = vscode.window.createWebviewPanel('rspChangeReview', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
    enableScripts: true, localResourceRoots: [], enableFindWidget: true,
  });
  panel = p;
  p.webview.html = page.html.replace(/<head>/i, `<head>${csp}`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void c.sendRequest<Page>('rsp/changeReview', { refresh: true }).then((r) => { if (panel === p) void p.webview.postMessage({ command: 'update', html: r.body }); }, () => undefined);
    }, 300);
  };
  const subs = [
    vscode.languages.onDidChangeDiagnostics(refresh),
    p.webview.onDidReceiveMessage(async (m: { command?: string; path?: string; line?: number; character?: number }) => {
      // The page only ever asks to open a document it lists: an RSP YAML file, by absolute path.
      if (m?.command !== 'open' || typeof m.path !== 'string' || !/\.ya?ml$/i.test(m.path) || !/^(\/|[A-Za-z]:[\\/])/.test(m.path)) return;
      const pos = new vscode.Position(Math.max(0, Number(m.line) || 0), Math.max(0, Number(m.character) || 0));
      const doc = await vscode.workspace.openTextDocument(uriOf(m.path));
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos) });
    }),
  ];
  p.onDidDispose(() => {
    subs.forEach((d) => d.dispose());
    clearTimeout(timer);
    if (panel === p) { panel = undefined; void c.sendNotification('rsp/changeReviewClosed').catch(() => undefined); }
  }, null, context.subscriptions);
  return page;
}
