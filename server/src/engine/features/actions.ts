/** Code actions for findings: their fixes, "disable for this line", "open the docs". */
import type { Edit, Finding } from '../types';
import type { LoadedDoc } from '../workspace/workspace';

export interface Action { title: string; kind: 'quickfix'; edits: Edit[]; finding: Finding; preferred?: boolean }

export function actionsFor(doc: LoadedDoc, findings: Finding[]): Action[] {
  const out: Action[] = [];
  for (const f of findings) {
    for (const fix of f.fixes ?? []) out.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, finding: f, ...(fix.safe ? { preferred: true } : {}) });
    const disable = disableEdit(doc, f);
    if (disable) out.push({ title: `Disable ${f.rule} for this line`, kind: 'quickfix', edits: [disable], finding: f });
  }
  return out;
}

/** Adds `# rsp-lint-disable-next-line <rule>` above the finding's line (or extends one). */
export function disableEdit(doc: LoadedDoc, f: Finding): Edit | undefined {
  const parsed = doc.parsed;
  if (!parsed || f.rule === 'unused-suppression') return undefined;
  const { text, lines } = parsed;
  const line = f.range.start.line;
  const start = lines.lineStart(line);
  const lineText = text.slice(start, lines.lineEnd(line));
  const indent = /^[ ]*/.exec(lineText)![0];
  if (line > 0) {
    const prevStart = lines.lineStart(line - 1);
    const prev = text.slice(prevStart, lines.lineEnd(line - 1));
    const m = /^(\s*#\s*rsp-lint-disable-next-line\s+)([^\r\n]*?)(\s+--\s.*)?$/.exec(prev);
    if (m && m[2]!.trim() !== '') {
      const at = prevStart + m[1]!.length + m[2]!.length;
      return { start: at, end: at, newText: `, ${f.rule}` };
    }
  }
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  return { start, end: start, newText: `${indent}# rsp-lint-disable-next-line ${f.rule}${nl}` };
}
