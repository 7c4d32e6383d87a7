// Mutations of RSP YAML documents: random characters and YAML-aware edits.
import { MISTAKES } from '../fixtures/syntax/mistakes.mjs';
// Every mutation is one splice `{ start, end, text }` in UTF-16 offsets of the current text,
// so the engine mode applies it to a string and the server mode sends it as one incremental
// `textDocument/didChange` (range computed on the current text).

const LOW = [0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127];
const YAML_BITS = [': ', '- ', '? ', '[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '\\', '\n', '\r', '\r\n', '\t', ' ', ' ', '  ', ':', '-', '---', '...', '<<', '~'];
const WEIRD = ['\uFEFF', '\u2028', '\u2029', '\u200B', '\u202E', '\u0085', '\u00A0', '\uFFFD', '\u{1F600}', '\u{10FFFF}', 'é', 'ß', '中', '\u0301'];

/** One "byte": controls, NUL, lone surrogates, YAML indicators, letters, any BMP unit. */
export function randomChar(rng) {
  switch (rng.int(9)) {
    case 0: return rng.chance(0.3) ? '\0' : String.fromCharCode(rng.pick(LOW));
    case 1: return rng.chance(0.5) ? rng.pick(['\uFFFE', '\uFFFF']) : String.fromCharCode(rng.range(0x80, 0x9f));
    case 2: return String.fromCharCode(rng.chance(0.5) ? rng.range(0xd800, 0xdbff) : rng.range(0xdc00, 0xdfff)); // lone surrogate
    case 3: case 4: return rng.pick(YAML_BITS);
    case 5: return rng.pick(WEIRD);
    case 6: return String.fromCharCode(rng.range(0, 0xffff));
    default: return String.fromCharCode(rng.chance(0.7) ? rng.range(0x61, 0x7a) : rng.range(0x30, 0x39));
  }
}

export function randomChars(rng, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += randomChar(rng);
  return s;
}

// ---- line helpers
function lines(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
const lineEnd = (text, starts, i) => (i + 1 < starts.length ? starts[i + 1] - 1 : text.length);
const lineText = (text, starts, i) => text.slice(starts[i], lineEnd(text, starts, i));
const indentOf = (s) => /^[ ]*/.exec(s)[0].length;
/** End offset (after the newline) of line i and the following lines indented deeper than it. */
function blockEnd(text, starts, i) {
  const ind = indentOf(lineText(text, starts, i)) + (/^\s*- /.test(lineText(text, starts, i)) ? 0 : 0);
  let j = i + 1;
  while (j < starts.length) {
    const t = lineText(text, starts, j);
    if (t.trim() !== '' && indentOf(t) <= ind) break;
    j++;
  }
  return j < starts.length ? starts[j] : text.length;
}
/** Lines matching `re`, as indices. */
function matching(text, starts, re, limit = 5000) {
  const out = [];
  const step = Math.max(1, Math.floor(starts.length / limit));
  for (let i = 0; i < starts.length; i += step) if (re.test(lineText(text, starts, i))) out.push(i);
  return out;
}
const KEY_VALUE = /^(\s*(?:- )?[A-Za-z_][\w-]*:[ \t]+)(\S.*)$/;
const KEY_LINE = /^(\s*)(- )?([A-Za-z_][\w-]*):/;

/** Ids and references in a text: values of `id:` and items of `[...]` lists, ASL levels. */
export function tokensOf(text) {
  const out = new Set();
  for (const m of text.matchAll(/\bid:[ \t]*["']?([A-Za-z][\w.-]*)/g)) out.add(m[1]);
  for (const m of text.matchAll(/\[([^[\]\n]{0,400})\]/g)) for (const t of m[1].split(',')) { const v = t.trim(); if (/^[A-Za-z][\w.-]*$/.test(v)) out.add(v); }
  for (const m of text.matchAll(/\bASL-\d\b/g)) out.add(m[0]);
  return [...out];
}

// ---- the mutators: (rng, text, ctx) → splice or undefined when it does not apply

const at = (rng, text) => rng.int(text.length + 1);
function lineStartAt(rng, text, starts) { return starts[rng.int(starts.length)]; }

const M = {
  // A YAML mistake a policy writer makes (test/fixtures/syntax/mistakes.mjs), on a line it fits, else on any line.
  mistake(rng, text, starts) {
    const m = rng.pick(MISTAKES);
    const fits = matching(text, starts, m.at, 200);
    const i = fits.length && rng.chance(0.7) ? rng.pick(fits) : rng.int(starts.length);
    const line = lineText(text, starts, i);
    return { start: starts[i], end: starts[i] + line.length, text: m.edit(line).join('\n') };
  },
  'insert-chars'(rng, text) { return { start: at(rng, text), end: undefined, text: randomChars(rng, rng.small(16)) }; },
  'replace-chars'(rng, text) { const s = at(rng, text); return { start: s, end: Math.min(text.length, s + rng.small(8)), text: randomChars(rng, rng.small(8)) }; },
  'delete-range'(rng, text) { const s = at(rng, text); return { start: s, end: Math.min(text.length, s + rng.log(3)), text: '' }; },
  'delete-lines'(rng, text, starts) {
    const i = rng.int(starts.length);
    const j = Math.min(starts.length, i + rng.small(8));
    return { start: starts[i], end: j < starts.length ? starts[j] : text.length, text: '' };
  },
  'swap-lines'(rng, text, starts) {
    if (starts.length < 3) return undefined;
    let a = rng.int(starts.length - 1), b = rng.int(starts.length - 1);
    if (a === b) return undefined;
    if (a > b) [a, b] = [b, a];
    const A = lineText(text, starts, a), B = lineText(text, starts, b);
    const mid = text.slice(starts[a] + A.length, starts[b]);
    return { start: starts[a], end: starts[b] + B.length, text: B + mid + A };
  },
  'duplicate-item'(rng, text, starts) {
    const items = matching(text, starts, /^\s*- /);
    if (!items.length) return undefined;
    const i = rng.pick(items);
    const end = blockEnd(text, starts, i);
    let block = text.slice(starts[i], end);
    if (!block.endsWith('\n')) block = '\n' + block;
    return { start: end, end, text: block };
  },
  'indent-line'(rng, text, starts) {
    const i = rng.int(starts.length);
    const t = lineText(text, starts, i);
    const n = rng.small(4);
    if (rng.chance(0.5) && indentOf(t) > 0) return { start: starts[i], end: starts[i] + Math.min(n, indentOf(t)), text: '' };
    return { start: starts[i], end: starts[i], text: ' '.repeat(n) };
  },
  'indent-block'(rng, text, starts) {
    const i = rng.int(starts.length);
    const end = blockEnd(text, starts, i);
    const block = text.slice(starts[i], end);
    const n = rng.chance(0.5) ? 2 : rng.small(4);
    const out = rng.chance(0.5)
      ? block.replace(/^(?=.)/gm, ' '.repeat(n))
      : block.replace(new RegExp(`^ {1,${n}}`, 'gm'), '');
    return { start: starts[i], end, text: out };
  },
  'swap-values'(rng, text, starts) {
    const kv = matching(text, starts, KEY_VALUE);
    if (kv.length < 2) return undefined;
    let a = rng.pick(kv), b = rng.pick(kv);
    if (a === b) return undefined;
    if (a > b) [a, b] = [b, a];
    const A = KEY_VALUE.exec(lineText(text, starts, a)), B = KEY_VALUE.exec(lineText(text, starts, b));
    const aStart = starts[a] + A[1].length, bStart = starts[b] + B[1].length;
    return { start: aStart, end: bStart + B[2].length, text: B[2] + text.slice(aStart + A[2].length, bStart) + A[2] };
  },
  'anchor'(rng, text, starts) {
    const kv = matching(text, starts, KEY_VALUE);
    const keys = matching(text, starts, /^\s*(- )?[A-Za-z_][\w-]*:\s*$/);
    const name = rng.chance(0.7) ? rng.pick(['a', 'b', 'x', 'id']) : randomName(rng);
    const pool = [...kv, ...keys];
    if (!pool.length) return undefined;
    const i = rng.pick(pool);
    const t = lineText(text, starts, i);
    const colon = t.indexOf(':');
    return { start: starts[i] + colon + 1, end: starts[i] + colon + 1, text: ` &${name}` };
  },
  'alias'(rng, text, starts) {
    const kv = matching(text, starts, KEY_VALUE);
    if (!kv.length) return undefined;
    const anchors = [...text.matchAll(/&([^\s,\[\]{}]+)/g)].map((m) => m[1]);
    const name = anchors.length && rng.chance(0.8) ? rng.pick(anchors) : rng.pick(['a', 'nope', 'x']);
    const i = rng.pick(kv);
    const m = KEY_VALUE.exec(lineText(text, starts, i));
    const s = starts[i] + m[1].length;
    const v = rng.pick([`*${name}`, `[*${name}, *${name}]`, `{ k: *${name} }`, `*${name} `, `&${name} *${name}`, `[&${name} [*${name}]]`]);
    return { start: s, end: s + m[2].length, text: v };
  },
  'alias-bomb'(rng, text, starts) {
    const levels = rng.range(2, 10), width = rng.range(2, 10);
    const p = `b${rng.int(100)}`;
    let block = `${p}0: &${p}0 [${Array(width).fill('"lol"').join(', ')}]\n`;
    for (let l = 1; l < levels; l++) block += `${p}${l}: &${p}${l} [${Array(width).fill(`*${p}${l - 1}`).join(', ')}]\n`;
    if (rng.chance(0.5)) block += `${p}x: { <<: *${p}${levels - 1} }\n`;
    const tops = matching(text, starts, /^[A-Za-z_]/);
    const i = tops.length ? rng.pick(tops) : 0;
    const s = starts[i] ?? 0;
    if (rng.chance(0.3)) {
      // use it where an id list is expected
      const refs = matching(text, starts, /^\s*(supports|depends_on|requires|safeguards|evaluations):/);
      if (refs.length) {
        const r = rng.pick(refs);
        const t = lineText(text, starts, r);
        const c = t.indexOf(':') + 1;
        return { start: starts[r] + c, end: starts[r] + t.length, text: ` *${p}${levels - 1}` };
      }
    }
    return { start: s, end: s, text: block };
  },
  'self-alias'(rng, text, starts) {
    const i = lineStartAt(rng, text, starts);
    return { start: i, end: i, text: rng.pick(['x: &s [*s]\n', 'y: &m { k: *m }\n', 'z: &z\n  - *z\n', '<<: *nothing\n', 'm: &m1 {a: 1}\nn: {<<: [*m1, *m1, *m1]}\n']) };
  },
  'flow-nesting'(rng, text) {
    const n = rng.pick([3, 10, 63, 64, 65, 100, 257, 1000, 10000, 100000]);
    const open = rng.pick(['[', '{a: ', '[{', '{']);
    const close = { '[': ']', '{a: ': '}', '[{': '}]', '{': '}' }[open];
    const balanced = rng.chance(0.6);
    return { start: at(rng, text), end: undefined, text: open.repeat(n) + (balanced ? close.repeat(n) : '') };
  },
  'block-nesting'(rng, text, starts) {
    const n = rng.pick([10, 63, 64, 65, 100, 300]);
    const s = lineStartAt(rng, text, starts);
    let block;
    if (rng.chance(0.5)) block = '- '.repeat(rng.pick([n, 1000, 50000])) + 'x\n';
    else { block = ''; for (let k = 0; k < n; k++) block += ' '.repeat(k) + 'k:\n'; block += ' '.repeat(n) + 'v\n'; }
    return { start: s, end: s, text: block };
  },
  'tag'(rng, text, starts) {
    const tag = rng.pick(['!foo ', '!!binary ', '!!str ', '!!map ', '!!seq ', '!<tag:yaml.org,2002:str> ', '! ', '!!js/function ', '!!python/object/apply:os.system ', '!e!x ', '!!timestamp ', '!!int ', '!!float ', '!!set ', '!!omap ', '!!merge ', '!ruby/object:Gem::Installer ', '!<!> ', '!!null ']);
    if (rng.chance(0.1)) return { start: 0, end: 0, text: '%TAG !e! tag:example.com,2000:app/\n---\n' };
    const kv = matching(text, starts, KEY_VALUE);
    if (!kv.length || rng.chance(0.2)) return { start: at(rng, text), end: undefined, text: tag };
    const i = rng.pick(kv);
    const m = KEY_VALUE.exec(lineText(text, starts, i));
    return { start: starts[i] + m[1].length, end: undefined, text: tag };
  },
  'duplicate-key'(rng, text, starts) {
    const keys = matching(text, starts, KEY_LINE);
    if (!keys.length) return undefined;
    const i = rng.pick(keys);
    const t = lineText(text, starts, i);
    const m = KEY_LINE.exec(t);
    const copy = (m[2] ? m[1] + '  ' + t.slice(m[1].length + 2) : t) + '\n';
    const s = rng.chance(0.5) ? starts[i] + t.length + 1 : blockEnd(text, starts, i);
    const pos = Math.min(s, text.length);
    return { start: pos, end: pos, text: pos === text.length && !text.endsWith('\n') ? '\n' + copy : copy };
  },
  'special-key'(rng, text, starts) {
    const keys = matching(text, starts, KEY_LINE);
    if (!keys.length) return undefined;
    const i = rng.pick(keys);
    const m = KEY_LINE.exec(lineText(text, starts, i));
    const ind = ' '.repeat(m[1].length + (m[2] ? 2 : 0));
    const key = rng.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '<<', '"__proto__"', '? complex\n' + ind + ':', '[a, b]', '{a: b}', '~', 'null', '1', 'true', '""', "''", 'id', 'kind', 'format', '? [x]\n' + ind + ':', '0x10', '"a\\u0000b"']);
    const val = rng.pick(['x', '{}', '[]', '{ polluted: true }', '1', '', '*a', 'null', '[ASL-3]']);
    const line = ind + key + ': ' + val + '\n';
    const s = rng.chance(0.5) ? starts[i] : Math.min(text.length, starts[i] + lineText(text, starts, i).length + 1);
    return { start: s, end: s, text: s === text.length && !text.endsWith('\n') ? '\n' + line : line };
  },
  'long-line'(rng, text, starts) {
    const n = rng.log(5.5);
    const s = lineStartAt(rng, text, starts);
    const kind = rng.int(4);
    const line = kind === 0 ? `long: ${'x'.repeat(n)}\n`
      : kind === 1 ? `long: [${Array(Math.max(1, Math.floor(n / 3))).fill('a').join(', ')}]\n`
        : kind === 2 ? `# ${'c'.repeat(n)}\n`
          : `long: "${'\\u00e9'.repeat(Math.max(1, Math.floor(n / 6)))}"\n`;
    return { start: s, end: s, text: line };
  },
  'repeat-line'(rng, text, starts) {
    // Many copies of one line (or a small block): duplicate keys, tab indents, list items by the thousand.
    const i = rng.int(starts.length);
    const j = Math.min(starts.length, i + rng.small(3));
    let block = text.slice(starts[i], j < starts.length ? starts[j] : text.length);
    if (!block.endsWith('\n')) block += '\n';
    const n = Math.min(rng.log(4.7), Math.floor(400_000 / Math.max(1, block.length)));
    const s = j < starts.length ? starts[j] : text.length;
    return { start: s, end: s, text: (s === text.length && !text.endsWith('\n') ? '\n' : '') + block.repeat(Math.max(1, n)) };
  },
  'truncate'(rng, text) { const s = at(rng, text); return { start: s, end: text.length, text: '' }; },
  'doc-marker'(rng, text, starts) {
    const s = lineStartAt(rng, text, starts);
    return { start: s, end: s, text: rng.pick(['---\n', '...\n', '--- \n', '%YAML 1.2\n---\n', '%YAML 1.1\n', '--- |\n', '---\n---\n', '--- # c\n', '...\n---\n', '%FOO bar\n']) };
  },
  'tabs'(rng, text, starts) {
    const i = rng.int(starts.length);
    const t = lineText(text, starts, i);
    const ind = indentOf(t);
    switch (rng.int(3)) {
      case 0: return { start: starts[i], end: starts[i], text: '\t' };
      case 1: return ind ? { start: starts[i], end: starts[i] + ind, text: '\t'.repeat(Math.max(1, ind >> 1)) } : undefined;
      default: { const c = t.indexOf(': '); return c >= 0 ? { start: starts[i] + c + 1, end: starts[i] + c + 2, text: '\t' } : undefined; }
    }
  },
  'change-kind'(rng, text) {
    const v = rng.pick(['policy', 'roadmap', 'risk-report', 'Policy', 'roadmp', '', '~', '[policy]', '{a: b}', '123', 'risk_report', '"policy"', "'roadmap'", 'risk-report # c', '!!str policy', '*a', '&a policy']);
    if (rng.chance(0.2)) {
      const f = /^format:.*$/m.exec(text);
      const fv = rng.pick(['rsp/v2', 'rsp/v1 ', '"rsp/v1"', 'rsp', '', 'rsp/v1 # c']);
      return f ? { start: f.index, end: f.index + f[0].length, text: `format: ${fv}` } : { start: 0, end: 0, text: `format: ${fv}\n` };
    }
    const m = /^kind:.*$/m.exec(text);
    if (!m) return { start: 0, end: 0, text: `kind: ${v}\n` };
    return { start: m.index, end: m.index + m[0].length, text: rng.chance(0.1) ? '' : `kind: ${v}` };
  },
  'id-to-ref'(rng, text, starts, ctx) {
    const local = tokensOf(text);
    const pool = [...local, ...(ctx.tokens ?? [])];
    if (!local.length || !pool.length) return undefined;
    const from = rng.pick(local);
    const hits = [];
    for (let i = text.indexOf(from); i !== -1 && hits.length < 50; i = text.indexOf(from, i + 1)) hits.push(i);
    if (!hits.length) return undefined;
    const s = rng.pick(hits);
    let to = rng.pick(pool);
    if (rng.chance(0.1)) to = rng.pick(['', 'ASL-0', 'ASL-9', 'ASL-10', 'asl-3', to + to, to.toLowerCase(), to + ' ', `"${to}"`, `[${to}]`]);
    return { start: s, end: s + from.length, text: to };
  },
  'policy-path'(rng, text, starts, ctx) {
    const m = /^(\s*policy:[ \t]*)(.*)$/m.exec(text);
    const v = rng.pick([...(ctx.policyPaths ?? []), '', '.', '..', '/', '/dev/null', '/dev/zero', '/proc/version', 'missing.rsp.yaml', 'sub/', 'x'.repeat(300), '../'.repeat(40) + 'nowhere.rsp.yaml', 'C:\\x.rsp.yaml', 'file:///dev/zero', '~/p.rsp.yaml', '"a\\0b"', 'fifo.rsp.yaml', '[a]', '{a: b}', '*a']);
    if (!m) {
      const r = /^roadmap:\s*$|^report:\s*$/m.exec(text);
      if (!r) return undefined;
      const s = r.index + r[0].length;
      return { start: s, end: s, text: `\n  policy: ${v}` };
    }
    return { start: m.index + m[1].length, end: m.index + m[0].length, text: v };
  },
  'weird-scalar'(rng, text, starts) {
    const kv = matching(text, starts, KEY_VALUE);
    if (!kv.length) return undefined;
    const i = rng.pick(kv);
    const m = KEY_VALUE.exec(lineText(text, starts, i));
    const ind = ' '.repeat(indentOf(m[1]) + 2);
    const v = rng.pick([
      '2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-1-1', '2026-01-01T00:00:00Z', '20260101', '2026-01-01 # c', '1969-12-31', '275760-09-13', '2026-01-01t25:61:61',
      '1e309', '-0', '.nan', '.inf', '-.inf', '0x1F', '0o17', '1_000', '99999999999999999999999', '3.0', '3', '-1', '0', '1.5', '6', '12', '-2147483649',
      'yes', 'no', 'on', 'off', 'true', 'false', 'Y', 'null', '~', '',
      '""', "''", '"unterminated', "'x''y'", '"\\u0000"', '"\\ud800"', '"\\uDC00x"', '"\\x00"', '"\\N\\_\\L\\P"', '"\\e\\a"', '"\\U0010FFFF"',
      `|\n${ind}a\n${ind}b`, `>-\n${ind}folded\n${ind}text`, '|+', '>', '|9', '|-1',
      '[]', '{}', '[a, b]', '{a: 1}', '[ASL-3, ASL-3]', '[[ASL-3]]', '[{id: x}]', '? a', '*x', '&x', 'a: b', '- a', '#', '"a" # c', 'x'.repeat(1000), '[,]', '{,}', '[a,,b]', ': x', '- - -', '@x', '`x`', '%x',
      'ASL-0', 'ASL-9', 'ASL-10', 'ASL-3.5', 'asl-3', 'ASL3', 'ASL-\u0663', 'TBD', 'n/a', 'none', 'TODO', 'done', 'in-progress', 'crossed', 'near', 'below', 'partial', 'planned',
    ]);
    return { start: starts[i] + m[1].length, end: starts[i] + m[1].length + m[2].length, text: v };
  },
  'suppression'(rng, text, starts, ctx) {
    const i = rng.int(starts.length);
    const t = lineText(text, starts, i);
    const rule = rng.chance(0.8) ? rng.pick(ctx.ruleIds ?? ['schema']) : rng.pick(['', 'nope', 'schema,goal-unlinked', 'schema goal-unlinked', '*', 'all', 'schema -- because', '-- only a reason', 'yaml-syntax', 'internal-error']);
    const d = rng.pick(['rsp-lint-disable-next-line', 'rsp-lint-disable', 'rsp-lint-disable-line', 'rsp-lint-enable', 'rsp-lint-disable-next-line  ', 'RSP-LINT-DISABLE']);
    if (rng.chance(0.3)) return { start: starts[i] + t.length, end: undefined, text: `  # ${d} ${rule}` };
    return { start: starts[i], end: starts[i], text: `${' '.repeat(indentOf(t))}# ${d} ${rule}\n` };
  },
  'crossover'(rng, text, starts, ctx) {
    if (!ctx.corpus?.length) return undefined;
    const other = rng.pick(ctx.corpus);
    const os = lines(other);
    const a = rng.int(os.length);
    const b = Math.min(os.length, a + rng.small(12));
    let chunk = other.slice(os[a], b < os.length ? os[b] : other.length);
    if (!chunk.endsWith('\n')) chunk += '\n';
    const s = lineStartAt(rng, text, starts);
    return { start: s, end: s, text: chunk };
  },
  'line-endings'(rng, text) {
    switch (rng.int(4)) {
      case 0: return { start: 0, end: text.length, text: text.replace(/\r?\n/g, '\r\n') };
      case 1: return { start: 0, end: text.length, text: text.replace(/\r?\n/g, '\r') };
      case 2: return { start: 0, end: 0, text: '\uFEFF' };
      default: { const s = at(rng, text); return { start: s, end: s, text: '\r' }; }
    }
  },
  'huge'(rng, text) {
    const n = 4 * 1024 * 1024 + rng.range(-8, 64);
    const s = rng.chance(0.5) ? text.length : 0;
    return { start: s, end: s, text: rng.chance(0.5) ? `# ${'h'.repeat(n)}\n` : `\nbig: ${'h'.repeat(n)}\n` };
  },
};

function randomName(rng) {
  const n = rng.small(6);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(rng.range(0x61, 0x7a));
  return s;
}

/** Mutation names and weights. `huge` is rare (it makes a > 4 MiB document). */
export const WEIGHTS = [
  ['insert-chars', 10], ['replace-chars', 6], ['delete-range', 4], ['delete-lines', 6], ['swap-lines', 2],
  ['duplicate-item', 5], ['indent-line', 5], ['indent-block', 4], ['swap-values', 4], ['anchor', 3], ['alias', 3],
  ['alias-bomb', 1.5], ['self-alias', 1], ['flow-nesting', 2], ['block-nesting', 1], ['tag', 3], ['duplicate-key', 3],
  ['special-key', 2], ['long-line', 1], ['repeat-line', 1], ['truncate', 1], ['doc-marker', 2], ['tabs', 3], ['change-kind', 2],
  ['id-to-ref', 7], ['policy-path', 2], ['weird-scalar', 6], ['suppression', 2], ['crossover', 2], ['line-endings', 0.5],
  ['huge', 0.05], ['mistake', 6],
];
export const MUTATIONS = Object.keys(M);

/** Largest document the fuzzer keeps editing; beyond it the next edit truncates. */
export const MAX_WORKING_SIZE = 1 << 20;

/**
 * One mutation of `text`: `{ name, start, end, text }` (end ≥ start, both within the text).
 * ctx: { tokens, corpus, policyPaths, ruleIds, noHuge }.
 */
export function mutate(rng, text, ctx = {}) {
  if (text.length > MAX_WORKING_SIZE) {
    return { name: 'truncate', start: rng.int(64 * 1024), end: text.length, text: '' };
  }
  const starts = lines(text);
  for (let attempt = 0; attempt < 8; attempt++) {
    const name = rng.weighted(ctx.noHuge ? WEIGHTS.filter(([n]) => n !== 'huge') : WEIGHTS);
    const e = M[name](rng, text, starts, ctx);
    if (!e) continue;
    const start = Math.max(0, Math.min(e.start, text.length));
    const end = Math.max(start, Math.min(e.end ?? start, text.length));
    return { name, start, end, text: e.text };
  }
  const s = at(rng, text);
  return { name: 'insert-chars', start: s, end: s, text: randomChars(rng, 1) };
}

export function apply(text, e) { return text.slice(0, e.start) + e.text + text.slice(e.end); }

/** Byte-level corruption of UTF-8 (for files read through the Host): invalid sequences, BOMs, NULs. */
export function corruptBytes(rng, bytes) {
  const b = Array.from(bytes);
  const n = rng.small(4);
  for (let k = 0; k < n; k++) {
    const i = rng.int(b.length + 1);
    const ins = rng.pick([[0xff], [0xfe], [0xc0, 0xaf], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0x00], [0x80], [0xef, 0xbb, 0xbf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc1, 0xbf]]);
    if (rng.chance(0.5)) b.splice(i, 0, ...ins); else b.splice(i, ins.length, ...ins);
  }
  if (rng.chance(0.1)) b.splice(0, 0, ...rng.pick([[0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]]));
  if (rng.chance(0.1)) b.length = rng.int(b.length + 1);
  return Uint8Array.from(b);
}

/** The document encoded as UTF-16 with a BOM (a valid but unusual encoding). */
export function utf16(text, be = false) {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = be ? 0xfe : 0xff; out[1] = be ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (be ? 1 : 0)] = c & 0xff;
    out[2 + 2 * i + (be ? 0 : 1)] = c >> 8;
  }
  return out;
}
