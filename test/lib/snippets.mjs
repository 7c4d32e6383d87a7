// Expands a VS Code snippet body as the editor does when every placeholder keeps its default
// (the first choice; a mirrored $N repeats it; variables are given values).
export function expandSnippet(lines, vars = {}) {
  const values = new Map();
  let text = lines.join('\n');
  const variable = (name) => vars[name] ?? { CURRENT_YEAR: '2026', CURRENT_MONTH: '11', CURRENT_DATE: '23' }[name] ?? '';
  text = text.replace(/\$([A-Z_]+)\b/g, (_m, n) => variable(n));
  // Innermost placeholders first, until none is left.
  for (let guard = 0; guard < 50; guard++) {
    const before = text;
    text = text.replace(/\$\{(\d+)\|([^|}]*)\|\}/g, (_m, n, choices) => { const v = choices.split(',')[0]; values.set(n, v); return v; });
    text = text.replace(/\$(\d+)(?![\d{])/g, (m, n) => (values.has(n) ? values.get(n) : m));
    text = text.replace(/\$\{(\d+):([^${}]*)\}/g, (_m, n, d) => { values.set(n, d); return d; });
    if (text === before) break;
  }
  return text.replace(/\$\{?(\d+)\}?/g, (_m, n) => values.get(n) ?? '');
}
