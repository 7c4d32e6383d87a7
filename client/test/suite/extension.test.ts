/**
 * The extension in a real VS Code: language ids, diagnostics from the server, hovers,
 * completion, navigation, symbols and a quick fix, through VS Code's own commands — the
 * same paths the editor UI uses. The workspace is a copy of examples/.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXT = 'rsp-tools.rsp-lint';

function file(rel: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the tests need a workspace folder (a copy of examples/)');
  return vscode.Uri.joinPath(root, rel);
}

async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function at(doc: vscode.TextDocument, needle: string, delta = 1, nth = 0): vscode.Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = doc.getText().indexOf(needle, i + 1);
  assert.ok(i >= 0, `'${needle}' not in ${doc.uri.path}`);
  return doc.positionAt(i + delta);
}

const text = (c: vscode.MarkdownString | vscode.MarkedString): string => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c));

export function register(): void {
  suite('RSP extension', () => {
    let roadmap: vscode.TextDocument;
    suiteSetup(async () => {
      const ext = vscode.extensions.getExtension(EXT);
      assert.ok(ext, `${EXT} is installed`);
      const api = (await ext.activate()) as { activationMs: number };
      assert.ok(api.activationMs > 0);
      console.log(`activation (activate() until the server answered initialize): ${api.activationMs} ms`);
      roadmap = await vscode.workspace.openTextDocument(file('example-labs/frontier-safety.roadmap.yaml'));
      await vscode.window.showTextDocument(roadmap);
    });

    test('file names give the RSP languages', async () => {
      assert.equal(roadmap.languageId, 'rsp-roadmap');
      const policy = await vscode.workspace.openTextDocument(file('example-labs/example-labs.rsp.yaml'));
      assert.equal(policy.languageId, 'rsp-policy');
      const report = await vscode.workspace.openTextDocument(file('example-labs/2026-q3.risk-report.yaml'));
      assert.equal(report.languageId, 'rsp-risk-report');
    });

    test('a plain .yaml file with format: rsp/v1 becomes an RSP document', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'format: rsp/v1\nkind: roadmap\n' });
      await until('language change', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString() && d.languageId === 'rsp-roadmap'));
    });

    test('diagnostics come from the server, with the rule as code and a docs link', async () => {
      const uri = file('with-problems/goals.roadmap.yaml');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const diags = await until('diagnostics', () => { const d = vscode.languages.getDiagnostics(uri); return d.length ? d : undefined; });
      const owner = diags.find((d) => typeof d.code === 'object' && d.code.value === 'goal-without-owner');
      assert.ok(owner, JSON.stringify(diags.map((d) => d.code)));
      assert.equal(owner.source, 'rsp-lint');
      assert.equal(owner.severity, vscode.DiagnosticSeverity.Error);
      assert.match((owner.code as { target: vscode.Uri }).target.toString(), /docs\/rules\/goal-without-owner\.md$/);
    });

    test('files not open are checked too', async () => {
      const uri = file('with-problems/cycle.roadmap.yaml');
      const diags = await until('workspace diagnostics', () => { const d = vscode.languages.getDiagnostics(uri); return d.length ? d : undefined; });
      assert.ok(diags.some((d) => typeof d.code === 'object' && d.code.value === 'dependency-cycle'));
    });

    test('hover over ASL-4 shows the standard and its safeguards', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', roadmap.uri, at(roadmap, 'supports: [ASL-4', 12));
      const md = hovers.flatMap((h) => h.contents.map(text)).join('\n');
      assert.match(md, /ASL-4/);
      assert.match(md, /Security safeguards/);
    });

    test('completion offers the status values', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'rsp-roadmap', content: 'format: rsp/v1\nkind: roadmap\ngoals:\n  - id: A\n    status: \n' });
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(4, 12));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const v of ['planned', 'in-progress', 'done']) assert.ok(labels.includes(v), `${v} in ${labels.join(',')}`);
    });

    test('go to definition, references and rename across files', async () => {
      const pos = at(roadmap, 'supports: [CBRN-3, CBRN-4,', 12);
      const defs = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', roadmap.uri, pos);
      const target = defs[0] && ('uri' in defs[0] ? defs[0].uri : defs[0].targetUri);
      assert.match(target?.path ?? '', /example-labs\.rsp\.yaml$/);
      const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', roadmap.uri, pos);
      assert.ok(new Set(refs.map((r) => r.uri.path.split('/').pop())).size >= 3, JSON.stringify(refs.map((r) => r.uri.path)));
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', roadmap.uri, pos, 'CBRN-3x');
      assert.ok(edit.entries().length >= 3);
    });

    test('outline and workspace symbols', async () => {
      const syms = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', roadmap.uri);
      assert.equal(syms[0]?.name, 'goals');
      assert.ok(syms[0]!.children.some((c) => c.name === 'SEC-1'));
      const ws = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'egress');
      assert.ok(ws.some((s) => s.name === 'asl3-egress-control'));
    });

    test('semantic tokens: the levels and standards an rsp/v2 policy declares', async () => {
      const doc = await vscode.workspace.openTextDocument(file('gdm-fsf-v3/gdm-fsf-v3.rsp.yaml'));
      await vscode.window.showTextDocument(doc);
      const legend = await until('legend', async () => vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri));
      const tokens = await until('tokens', async () => {
        const t = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
        return t && t.data.length ? t : undefined;
      });
      const found: string[] = [];
      let line = 0, ch = 0;
      for (let i = 0; i < tokens.data.length; i += 5) {
        const [dl, dc, len, type] = [tokens.data[i]!, tokens.data[i + 1]!, tokens.data[i + 2]!, tokens.data[i + 3]!];
        line += dl; ch = dl ? dc : ch + dc;
        found.push(`${line}:${ch} ${doc.lineAt(line).text.slice(ch, ch + len)} ${legend.tokenTypes[type]}`);
      }
      const level = at(doc, 'security_level: SL3', 16);
      assert.ok(found.includes(`${level.line}:${level.character} SL3 enumMember`), found.slice(0, 20).join('\n'));
      const warns = at(doc, 'warns: CBRN-uplift-1', 7);
      assert.ok(found.includes(`${warns.line}:${warns.character} CBRN-uplift-1 event`));
    });

    test('a quick fix replaces a misspelled value and the finding goes away', async () => {
      const uri = file('with-problems/schema-errors.roadmap.yaml');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const diag = await until('schema diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => d.message.includes("'in-progres'")));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title === "Replace with 'in-progress'");
      assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
      assert.ok(actions.some((a) => a.title.startsWith('Disable schema for this line')));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await until('the finding to go', () => !vscode.languages.getDiagnostics(uri).some((d) => d.message.includes("'in-progres'")) || undefined);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('status bar item: the server is ready, a click shows its output; the commands exist', async () => {
      const api = vscode.extensions.getExtension(EXT)!.exports as { status(): { state: string; text: string; command?: string; tooltip: string } };
      const st = await until('server ready in the status bar', () => (api.status().state === 'ready' ? api.status() : undefined));
      assert.match(st.text, /RSP/);
      assert.equal(st.command, 'rsp-lint.showOutput');
      assert.match(st.tooltip, /ready/);
      const commands = await vscode.commands.getCommands(true);
      for (const c of ['rsp-lint.showOutput', 'rsp-lint.restartServer', 'rsp-lint.newDocument', 'rsp-lint.openOverview']) assert.ok(commands.includes(c), c);
      await vscode.commands.executeCommand('rsp-lint.showOutput');
    });

    test('contributions: snippets for the three languages, the walkthrough with its four steps and their media, the icon', async () => {
      const ext = vscode.extensions.getExtension(EXT)!;
      const pkg = ext.packageJSON as { icon: string; contributes: { snippets: Array<{ language: string; path: string }>; walkthroughs: Array<{ id: string; steps: Array<{ id: string; media: { markdown: string } ; description: string }> }> } };
      assert.deepEqual(pkg.contributes.snippets.map((x) => x.language).sort(), ['rsp-policy', 'rsp-risk-report', 'rsp-roadmap']);
      for (const sn of pkg.contributes.snippets) {
        const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, sn.path)))) as Record<string, { prefix: string[]; body: string[] }>;
        assert.ok(Object.keys(json).length >= 2, sn.path);
      }
      const [walk] = pkg.contributes.walkthroughs;
      assert.deepEqual(walk!.steps.map((x) => x.id), ['create', 'finding', 'overview', 'preview']);
      for (const step of walk!.steps) {
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, step.media.markdown));
        for (const m of step.description.matchAll(/\(command:([\w.-]+)/g)) assert.ok((await vscode.commands.getCommands(true)).includes(m[1]!), m[1]);
      }
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, pkg.icon));
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXT}#${walk!.id}`, false);
    });

    test('New Document makes a policy from the snippet; the server finds its one open point', async () => {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('rsp-lint.newDocument', 'policy');
      assert.ok(editor);
      const doc = editor.document;
      assert.equal(doc.languageId, 'rsp-policy');
      await until('the template text', () => doc.getText().includes('kind: policy') && doc.getText().includes('asl_standards:'));
      const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
      // The empty document is checked first; then the filled-in template.
      const diags = await until('diagnostics of the filled-in policy', () => { const d = vscode.languages.getDiagnostics(doc.uri); return d.some((x) => code(x) === 'threshold-without-evaluation') ? d : undefined; });
      assert.deepEqual(diags.map((d) => `${code(d)} ${d.message}`), [`threshold-without-evaluation ${diags[0]!.message}`]);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('New Policy from Template (the walkthrough\'s first step) writes a starter that checks clean, and never overwrites', async () => {
      const dir = file(`from-template-${Date.now()}`);
      const made = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('rsp-lint.newFromTemplate', 'fsf', dir);
      assert.ok(made, 'the files were written');
      assert.deepEqual(made.map((u) => u.path.slice(u.path.lastIndexOf('/') + 1)), ['policy.rsp.yaml', 'frontier-safety.roadmap.yaml', 'first.risk-report.yaml']);
      const policy = vscode.window.activeTextEditor?.document;
      assert.equal(policy?.uri.toString(), made[0]!.toString(), 'the policy is opened');
      assert.equal(policy?.languageId, 'rsp-policy');
      assert.match(policy!.getText(), /rsp-lint init --framework fsf/);
      assert.equal(policy!.isDirty, false, 'written to disk, not only to the editor');
      // The server has checked it (a diagnostics event for it) and found nothing.
      await until('the policy analysed', async () => {
        const r = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', policy!.uri);
        return r && r.length > 0 ? true : undefined;
      });
      await new Promise((r) => setTimeout(r, 1500));
      for (const u of made) assert.deepEqual(vscode.languages.getDiagnostics(u).map((d) => d.message), [], u.path);
      // Again into the same folder: refused, the edited policy stays as it is.
      const edited = `${policy!.getText()}# mine\n`;
      await vscode.workspace.fs.writeFile(made[0]!, new TextEncoder().encode(edited));
      const again = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('rsp-lint.newFromTemplate', 'minimal', dir);
      assert.equal(again, undefined);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(made[0]!)), edited);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    test('Preview Policy Document: the roadmap\'s policy rendered beside it', async () => {
      const rm = await vscode.workspace.openTextDocument(file('example-labs/frontier-safety.roadmap.yaml'));
      await vscode.window.showTextDocument(rm);
      const panel = await vscode.commands.executeCommand<vscode.WebviewPanel | undefined>('rsp-lint.previewDocument');
      assert.ok(panel, 'a webview panel');
      assert.equal(panel.viewType, 'rspDocument');
      assert.equal(panel.title, 'Preview: Responsible Scaling Policy 3.0');
      assert.match(panel.webview.html, /<h1 id="responsible-scaling-policy">Responsible Scaling Policy<\/h1>/);
      assert.match(panel.webview.html, /Content-Security-Policy" content="default-src 'none'; style-src 'nonce-/);
      assert.ok(panel.webview.html.includes('id="frontier-safety-roadmap"'), 'with the roadmap');
      panel.dispose();
    });
  });
}
