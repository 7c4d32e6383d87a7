// TextMate grammars in syntaxes/: tokenizes real lines the way VS Code does (vscode-textmate + vscode-oniguruma)
// and checks the RSP scopes land where they should while YAML's (and Markdown's) own tokens stay intact.
//
// source.yaml and text.html.markdown come from the pinned `tm-grammars` package: its yaml.json is the
// textmate/yaml.tmbundle grammar VS Code shipped as its built-in YAML grammar, its markdown.json is VS Code's own.
// Assertions use only scopes both YAML grammars VS Code has shipped agree on (tmbundle and RedCMD's YAML 1.2),
// so the suite also passes with the newer one swapped in for source.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SYNTAXES = path.join(ROOT, 'syntaxes');

const ASL = 'constant.language.asl-level.rsp';
const ID = 'variable.other.constant.rsp-id';
const KEYWORD = 'keyword.other.rsp';
const KEY = 'entity.name.tag.yaml';
const RSP_SCOPES = [ASL, ID, KEYWORD];

await oniguruma.loadWASM(fs.readFileSync(path.join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer);

const GRAMMAR_FILES = {
  'source.rsp': path.join(SYNTAXES, 'rsp.tmLanguage.json'),
  'markdown.rsp-asl.injection': path.join(SYNTAXES, 'markdown-asl.tmLanguage.json'),
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
};

// What package.json's contributes.grammars tells VS Code, as documented in syntaxes/README.md: the Markdown
// injection is injected into text.html.markdown; source.rsp carries its own injections inside the grammar.
const INJECT_TO = { 'text.html.markdown': ['markdown.rsp-asl.injection'] };

const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  // Grammars Markdown embeds for fenced code (css, python, …) are not needed here: unknown scopes load as nothing.
  loadGrammar: async (scopeName) => {
    const file = GRAMMAR_FILES[scopeName];
    return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
  },
  getInjections: (scopeName) => INJECT_TO[scopeName],
});

const grammars = {};
async function grammar(scopeName) {
  grammars[scopeName] ??= await registry.loadGrammar(scopeName);
  assert.ok(grammars[scopeName], `grammar ${scopeName} loads`);
  return grammars[scopeName];
}

/** Tokenizes a document line by line, carrying the rule stack like the editor does. */
async function tokenize(scopeName, text) {
  const g = await grammar(scopeName);
  let stack = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = g.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return { line, tokens: r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, end: t.endIndex, scopes: t.scopes })) };
  });
}

/** The tokens covering the `nth` occurrence of `needle` in the line containing `lineHas` (the needle must not be split). */
function tokenOf(lines, lineHas, needle, nth = 0) {
  const l = lines.find((x) => x.line.includes(lineHas));
  assert.ok(l, `a line contains ${JSON.stringify(lineHas)}`);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = l.line.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${JSON.stringify(needle)} in ${JSON.stringify(l.line)}`);
  const covering = l.tokens.filter((t) => t.start < at + needle.length && t.end > at);
  const dump = () => covering.map((t) => `${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join('\n');
  assert.equal(covering.length, 1, `${JSON.stringify(needle)} is one token in ${JSON.stringify(l.line)}:\n${dump()}`);
  assert.equal(covering[0].text, needle, `${JSON.stringify(needle)} is exactly one token in ${JSON.stringify(l.line)}:\n${dump()}`);
  return covering[0];
}

/** Asserts the key `key` in the line containing `lineHas` is YAML's key (it may span several tokens) and not RSP-scoped. */
function assertKey(lines, lineHas, key) {
  const l = lines.find((x) => x.line.includes(lineHas));
  assert.ok(l, `a line contains ${JSON.stringify(lineHas)}`);
  const at = l.line.search(new RegExp(`(?<![\\w-])${key}:`));
  assert.ok(at >= 0, `key ${key} in ${JSON.stringify(l.line)}`);
  const covering = l.tokens.filter((t) => t.start < at + key.length && t.end > at);
  assert.equal(covering.map((t) => t.text).join(''), key, `key ${key} is its own tokens in ${JSON.stringify(l.line)}`);
  for (const t of covering) {
    assert.ok(has(t, KEY), `${key}: ${show(t)}`);
    assert.ok(!RSP_SCOPES.some((s) => has(t, s)), `${key}: ${show(t)}`);
  }
}

/** Asserts no token covering `needle` (in the line containing `lineHas`) has `scope`; returns those tokens. */
function assertNone(lines, lineHas, needle, scope) {
  const l = lines.find((x) => x.line.includes(lineHas));
  assert.ok(l, `a line contains ${JSON.stringify(lineHas)}`);
  const at = l.line.indexOf(needle);
  assert.ok(at >= 0, `${JSON.stringify(needle)} in ${JSON.stringify(l.line)}`);
  const covering = l.tokens.filter((t) => t.start < at + needle.length && t.end > at);
  for (const t of covering) assert.ok(!has(t, scope), `${JSON.stringify(l.line)}: ${show(t)} should not be ${scope}`);
  return covering;
}

const has = (tok, scope) => tok.scopes.some((s) => s === scope || s.startsWith(`${scope}.`));
const show = (tok) => `${JSON.stringify(tok.text)}: ${tok.scopes.join(' ')}`;

const POLICY = `format: rsp/v1
kind: policy
policy:
  id: example-rsp
  title: Responsible Scaling Policy  # the title
asl_standards:
  - level: ASL-3
    name: ASL-3 Standard
    summary: Deployment and security safeguards required at ASL-3.
    deployment:
      - id: asl3-red-teaming
        title: Red-teaming
        description: "Quoted: red-teaming # with a hash, before ASL-3 deployment"
thresholds:
  # ASL-4 only applies to CBRN-4 (comment)
  - id: CBRN-3            # an id with a trailing ASL-2 comment
    domain: cbrn
    title: 'Meaningful uplift at ASL-3'
    requires: ASL-3
    safeguards: [asl3-red-teaming, "asl3-egress-control"]
    description: |
      Crossing this needs ASL-3 safeguards.
      id: not-a-key   # block scalar text, not YAML
    evaluations:
      - id: cbrn-uplift-trial
        name: Expert uplift trial
governance:
  responsible_scaling_officer: Jane Doe
  nested:
    deeper:
      value: 42
`;

const ROADMAP = `format: "rsp/v1"
kind: roadmap
goals:
  - id: SEC-1
    supports: [CBRN-3, asl3-egress-control]
    depends_on: [SEC-0]
    due: 2026-09-30
`;

const REPORT = `format: rsp/v1
kind: risk-report
assessments:
  - threshold: CBRN-3
    determination: below
    asl_applied: ASL-3
safeguards_status:
  - safeguard: asl3-red-teaming
    status: implemented
`;

test('grammar files: valid JSON with the scope names and injection selectors the README documents', () => {
  const rsp = JSON.parse(fs.readFileSync(GRAMMAR_FILES['source.rsp'], 'utf8'));
  assert.equal(rsp.scopeName, 'source.rsp');
  assert.deepEqual(rsp.patterns, [{ include: 'source.yaml' }], 'source.rsp is YAML underneath');
  const selectors = Object.keys(rsp.injections);
  for (const selector of selectors) {
    assert.match(selector, /^[LR]:source\.rsp /, 'injections apply to source.rsp');
    assert.match(selector, / -comment\b/, 'never inside comments');
  }
  assert.ok(selectors[0].startsWith('L:'), 'the priority (L:) injections come first: they win ties with the R: fallback');
  const md = JSON.parse(fs.readFileSync(GRAMMAR_FILES['markdown.rsp-asl.injection'], 'utf8'));
  assert.equal(md.scopeName, 'markdown.rsp-asl.injection');
  assert.match(md.injectionSelector, /^L:text\.html\.markdown /);
  const readme = fs.readFileSync(path.join(SYNTAXES, 'README.md'), 'utf8');
  for (const s of ['source.rsp', 'markdown.rsp-asl.injection', 'text.html.markdown', 'rsp-policy', 'rsp-roadmap', 'rsp-risk-report',
    './syntaxes/rsp.tmLanguage.json', './syntaxes/markdown-asl.tmLanguage.json']) assert.ok(readme.includes(s), `README names ${s}`);
});

test('every regex in the grammars compiles with Oniguruma (variable-length look-behinds included)', () => {
  const bad = [];
  for (const file of [GRAMMAR_FILES['source.rsp'], GRAMMAR_FILES['markdown.rsp-asl.injection']]) {
    (function walk(node) {
      if (!node || typeof node !== 'object') return;
      for (const k of ['match', 'begin', 'end', 'while']) {
        if (typeof node[k] !== 'string') continue;
        try { new oniguruma.OnigScanner([node[k]]).dispose(); } catch (e) { bad.push(`${path.basename(file)}: ${node[k]}: ${e.message}`); }
      }
      Object.values(node).forEach(walk);
    })(JSON.parse(fs.readFileSync(file, 'utf8')));
  }
  assert.deepEqual(bad, []);
});

test('ASL levels: a value (requires/level/asl_applied) gets the ASL scope, not the id scope', async () => {
  const policy = await tokenize('source.rsp', POLICY);
  for (const [line, needle] of [['requires: ASL-3', 'ASL-3'], ['level: ASL-3', 'ASL-3']]) {
    const t = tokenOf(policy, line, needle);
    assert.ok(has(t, ASL), show(t));
    assert.ok(!has(t, ID), show(t));
  }
  const report = await tokenize('source.rsp', REPORT);
  const t = tokenOf(report, 'asl_applied: ASL-3', 'ASL-3');
  assert.ok(has(t, ASL) && !has(t, ID), show(t));
});

test('ASL levels inside plain, quoted and block-scalar strings keep the string scope and gain the ASL scope', async () => {
  const lines = await tokenize('source.rsp', POLICY);
  for (const [line, stringScope] of [
    ['summary: Deployment', 'string.unquoted.plain.out.yaml'],
    ['name: ASL-3 Standard', null],
    ['"Quoted: red-teaming', 'string.quoted.double.yaml'],
    ["title: 'Meaningful uplift at ASL-3'", 'string.quoted.single.yaml'],
    ['Crossing this needs ASL-3 safeguards.', 'string.unquoted.block.yaml'],
  ]) {
    const t = tokenOf(lines, line, 'ASL-3');
    assert.ok(has(t, ASL), show(t));
    if (stringScope) assert.ok(has(t, stringScope), `${line}: ${show(t)}`);
  }
});

test('ASL levels inside comments are left alone (whole-line and trailing comments)', async () => {
  const lines = await tokenize('source.rsp', POLICY);
  for (const [line, needle] of [['# ASL-4 only applies', 'ASL-4'], ['trailing ASL-2 comment', 'ASL-2']]) {
    const covering = assertNone(lines, line, needle, ASL);
    assert.ok(covering.length >= 1 && covering.every((t) => has(t, 'comment.line.number-sign.yaml')), covering.map(show).join('\n'));
  }
});

test('ASL-N needs word boundaries and N in 1..9', async () => {
  const lines = await tokenize('source.rsp', 'summary: ASL-10 and XASL-3 and ASL-0 and ASL-3b, but (ASL-2).\n');
  const asl = lines[0].tokens.filter((t) => has(t, ASL)).map((t) => t.text);
  assert.deepEqual(asl, ['ASL-2']);
});

test('id values get the id scope while the key keeps YAML\'s entity.name.tag.yaml', async () => {
  const policy = await tokenize('source.rsp', POLICY);
  for (const [line, value] of [['id: CBRN-3', 'CBRN-3'], ['id: example-rsp', 'example-rsp'], ['id: asl3-red-teaming', 'asl3-red-teaming'], ['id: cbrn-uplift-trial', 'cbrn-uplift-trial']]) {
    const v = tokenOf(policy, line, value);
    assert.ok(has(v, ID), show(v));
    assertKey(policy, line, 'id');
  }
  const sep = tokenOf(policy, 'id: CBRN-3', ':');
  assert.ok(has(sep, 'punctuation.separator') && !RSP_SCOPES.some((x) => has(sep, x)), show(sep));
  const comment = tokenOf(policy, 'id: CBRN-3', '#');
  assert.ok(has(comment, 'comment.line.number-sign.yaml'), 'the trailing comment after an id is still a comment');

  const report = await tokenize('source.rsp', REPORT);
  for (const [line, value] of [['threshold: CBRN-3', 'CBRN-3'], ['safeguard: asl3-red-teaming', 'asl3-red-teaming']]) {
    const v = tokenOf(report, line, value);
    assert.ok(has(v, ID), show(v));
  }
  // not an id: other keys, and the "id:" look-alike inside a block scalar
  assertNone(report, 'determination: below', 'below', ID);
  assertNone(policy, 'name: Expert uplift trial', 'Expert uplift trial', ID);
  const inBlock = policy.find((x) => x.line.includes('id: not-a-key'));
  assert.ok(inBlock.tokens.every((t) => !has(t, ID)), 'block-scalar text is never an id');
});

test('items of supports / depends_on / safeguards flow lists are ids, punctuation stays YAML', async () => {
  const roadmap = await tokenize('source.rsp', ROADMAP);
  for (const [line, item] of [['supports:', 'CBRN-3'], ['supports:', 'asl3-egress-control'], ['depends_on:', 'SEC-0']]) {
    const t = tokenOf(roadmap, line, item);
    assert.ok(has(t, ID), show(t));
    assert.ok(has(t, 'meta.flow.sequence.yaml') && has(t, 'meta.id-list.rsp'), `inside a flow sequence: ${show(t)}`);
  }
  assert.ok(has(tokenOf(roadmap, 'supports:', ','), 'punctuation.separator.sequence.yaml'));
  assert.ok(has(tokenOf(roadmap, 'supports:', '['), 'punctuation.definition.sequence.begin.yaml'));
  assert.ok(has(tokenOf(roadmap, 'supports:', ']'), 'punctuation.definition.sequence.end.yaml'));
  const policy = await tokenize('source.rsp', POLICY);
  const quoted = tokenOf(policy, 'safeguards: [', 'asl3-egress-control');
  assert.ok(has(quoted, ID) && has(quoted, 'string.quoted.double.yaml'), show(quoted));
  assert.ok(has(tokenOf(policy, 'safeguards: [', 'asl3-red-teaming'), ID));
  for (const scope of RSP_SCOPES) assertNone(roadmap, 'due: 2026-09-30', '2026-09-30', scope); // other values are YAML's

  // many items, an ASL level among them, a list continued on the next line with a comment, YAML after it
  const long = await tokenize('source.rsp', `goals:
  - id: G-1
    supports: [ASL-4, CBRN-4, AI-RND-5, 'sq-id', odd value]
    depends_on: [G-0,   # first
                 G-00]
    status: done
`);
  assert.ok(has(tokenOf(long, 'supports:', 'ASL-4'), ASL));
  for (const id of ['CBRN-4', 'AI-RND-5', 'G-0', 'G-00']) assert.ok(has(tokenOf(long, id === 'G-00' ? 'G-00]' : id, id), ID), id);
  assert.ok(has(tokenOf(long, 'supports:', 'sq-id'), ID) && has(tokenOf(long, 'supports:', 'sq-id'), 'string.quoted.single.yaml'));
  assertNone(long, 'supports:', 'odd value', ID);
  for (const l of long) for (const t of l.tokens) assert.ok(!has(t, 'invalid'), `${JSON.stringify(l.line)}: ${show(t)}`);
  const sep = long.find((x) => x.line.includes('supports:')).tokens.filter((t) => t.text === ',');
  assert.equal(sep.length, 4);
  for (const t of sep) assert.ok(has(t, 'punctuation.separator.sequence.yaml'), show(t));
  assert.ok(has(tokenOf(long, '# first', '#'), 'punctuation.definition.comment.yaml'));
  assertKey(long, 'status: done', 'status');
});

test('ASL levels after a comma (prose, generic flow lists) are still ASL levels and break nothing', async () => {
  const lines = await tokenize('source.rsp', `summary: Needs ASL-2, ASL-3 and,ASL-4 safeguards.
evidence: [ASL-2 is met, "ASL-3 too"]
next: true
`);
  for (const n of ['ASL-2', 'ASL-3', 'ASL-4']) {
    const t = tokenOf(lines, 'summary:', n);
    assert.ok(has(t, ASL) && has(t, 'string.unquoted.plain.out.yaml'), show(t));
  }
  assert.ok(has(tokenOf(lines, 'evidence:', 'ASL-3'), ASL));
  for (const l of lines) for (const t of l.tokens) assert.ok(!has(t, 'invalid'), `${JSON.stringify(l.line)}: ${show(t)}`);
  assertKey(lines, 'next: true', 'next');
});

test('format: rsp/v1 and the kind value are keywords (quoted too); the keys stay keys', async () => {
  for (const [doc, kind] of [[POLICY, 'policy'], [ROADMAP, 'roadmap'], [REPORT, 'risk-report']]) {
    const lines = await tokenize('source.rsp', doc);
    const k = tokenOf(lines, `kind: ${kind}`, kind);
    assert.ok(has(k, KEYWORD), show(k));
    const f = tokenOf(lines, 'format:', 'rsp/v1');
    assert.ok(has(f, KEYWORD), show(f));
    assertKey(lines, 'kind:', 'kind');
    assertKey(lines, 'format:', 'format');
  }
  const roadmap = await tokenize('source.rsp', ROADMAP);
  assert.ok(has(tokenOf(roadmap, 'format:', 'rsp/v1'), 'string.quoted.double.yaml'), 'a quoted format keeps its string scope');
  // only the top-level keys: an indented `kind:` is ordinary YAML
  const nested = await tokenize('source.rsp', 'policy:\n  kind: roadmap\n');
  assertNone(nested, '  kind:', 'roadmap', KEYWORD);
});

test('ordinary YAML still tokenizes: nested mappings, block scalars, a quoted string with # inside', async () => {
  const lines = await tokenize('source.rsp', POLICY);
  for (const key of ['governance', 'responsible_scaling_officer', 'nested', 'deeper', 'value', 'evaluations', 'deployment', 'requires', 'safeguards']) {
    assertKey(lines, `${key}:`, key);
  }
  assert.ok(has(tokenOf(lines, 'value: 42', '42'), 'constant.numeric'));
  // block scalar: indicator, content lines, and the key after it is a key again
  assert.ok(has(tokenOf(lines, 'description: |', '|'), 'keyword.control.flow.block-scalar.literal.yaml'));
  const blockLine = lines.find((x) => x.line.includes('# block scalar text'));
  assert.ok(blockLine.tokens.filter((t) => t.text.trim()).every((t) => has(t, 'string.unquoted.block.yaml')), 'a # inside a block scalar is text');
  assertKey(lines, '    evaluations:', 'evaluations'); // the block scalar ends at the dedent
  // a double-quoted string with '#' inside: all string, no comment, and YAML resumes after it
  const q = lines.find((x) => x.line.includes('"Quoted: red-teaming'));
  const inQuotes = q.tokens.filter((t) => t.start >= q.line.indexOf('"'));
  assert.ok(inQuotes.every((t) => has(t, 'string.quoted.double.yaml')), inQuotes.map(show).join('\n'));
  assert.ok(inQuotes.every((t) => !has(t, 'comment')));
  assertKey(lines, 'thresholds:', 'thresholds');
  // a whole-line comment is a comment
  assert.ok(has(tokenOf(lines, '# ASL-4 only applies', '#'), 'punctuation.definition.comment.yaml'));
});

test('on the example workspaces, source.rsp tokenizes exactly like plain YAML outside the RSP tokens', async () => {
  const files = [];
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(rsp|roadmap|risk-report)\.ya?ml$/.test(e.name)) files.push(p);
    }
  })(path.join(ROOT, 'examples'));
  assert.ok(files.length >= 3, 'example documents found');
  const counts = { [ASL]: 0, [ID]: 0, [KEYWORD]: 0 };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const rsp = await tokenize('source.rsp', text);
    const yaml = await tokenize('source.yaml', text);
    rsp.forEach(({ line, tokens }, i) => {
      const plainAt = (pos) => yaml[i].tokens.find((t) => t.start <= pos && pos < t.end).scopes.slice(1).join(' ');
      for (const t of tokens) {
        const own = RSP_SCOPES.filter((s) => has(t, s));
        own.forEach((s) => counts[s]++);
        if (own.length || has(t, 'meta.id-list.rsp')) continue; // an RSP token, or inside an id list RSP tokenizes itself
        // Where no RSP scope was added, every visible character has exactly YAML's scopes.
        for (let pos = t.start; pos < Math.min(t.end, line.length); pos++) {
          if (/\s/.test(line[pos])) continue;
          assert.equal(t.scopes.slice(1).join(' '), plainAt(pos), `${path.relative(ROOT, file)}:${i + 1}:${pos + 1} ${JSON.stringify(line)}`);
        }
      }
    });
  }
  for (const s of RSP_SCOPES) assert.ok(counts[s] > 0, `the examples produce ${s} tokens`);
});

test('Markdown: ASL-4 in prose (paragraphs, headings, lists) is highlighted; code and comments are not', async () => {
  const md = `# The ASL-3 standard

A paragraph: models that cross CBRN-4 need ASL-4 safeguards.

- a list item about ASL-2
- inline code \`ASL-5\` stays code

\`\`\`yaml
requires: ASL-3
\`\`\`

    indented code ASL-6

<!-- ASL-7 in an HTML comment -->
See [the ASL-3 page](docs/ASL-3.md).
`;
  const lines = await tokenize('text.html.markdown', md);
  const p = tokenOf(lines, 'A paragraph', 'ASL-4');
  assert.ok(has(p, ASL) && has(p, 'meta.paragraph.markdown'), show(p));
  assert.ok(has(tokenOf(lines, '# The ASL-3', 'ASL-3'), ASL), 'heading');
  assert.ok(has(tokenOf(lines, 'a list item', 'ASL-2'), ASL), 'list item');
  assert.ok(has(tokenOf(lines, 'See [the', 'ASL-3'), ASL), 'link text');
  for (const [line, needle] of [['inline code', 'ASL-5'], ['requires: ASL-3', 'ASL-3'], ['indented code', 'ASL-6'], ['<!--', 'ASL-7']]) {
    assertNone(lines, line, needle, ASL);
  }
  const url = lines.find((x) => x.line.startsWith('See ['));
  assert.ok(url.tokens.filter((t) => has(t, 'markup.underline.link')).every((t) => !has(t, ASL)), 'link targets stay links');
  // other Markdown is untouched: the heading is still a heading, inline code still code
  assert.ok(has(tokenOf(lines, '# The ASL-3', '#'), 'punctuation.definition.heading.markdown'));
  assert.ok(has(tokenOf(lines, 'inline code', 'ASL-5'), 'markup.inline.raw.string.markdown'));
});
