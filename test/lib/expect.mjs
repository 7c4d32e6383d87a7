// Caret assertions in fixture files. Under the line it is about, a comment line
//     #     ^^^^^ rule-id: optional message fragment
// says that `rule-id` reports exactly the columns marked with ^. When the range starts
// at column 0, the '#' itself counts as the first column: `#^^^^ rule-id`.
const ASSERT = /^(\s*)#(\s*)(\^+)\s+([a-z][a-z-]*)(?::\s*(.*\S))?\s*$/;

export function parseExpectations(text) {
  const lines = text.split(/\r?\n/);
  const out = [];
  let target = -1;
  lines.forEach((line, i) => {
    const m = ASSERT.exec(line);
    if (!m) { target = i; return; }
    if (target < 0) throw new Error(`assertion on line ${i + 1} has no line above it`);
    const hash = m[1].length;
    let start = hash + 1 + m[2].length;
    let end = start + m[3].length;
    if (m[2].length === 0) start = hash; // '#^^^' : the '#' is column 0 of the range
    out.push({ line: target, start, end, rule: m[4], message: m[5] });
  });
  return out;
}

export function key(f) { return `${f.line + 1}:${f.start + 1}-${f.end + 1} ${f.rule}`; }
