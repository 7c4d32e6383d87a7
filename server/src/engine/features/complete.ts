/**
 * Completion from the text around the cursor (the document is often not valid YAML while
 * being typed): keys from the schema, enum values, ids valid at that place, dates.
 */
import { addMonths, localToday } from '../model/dates';
import { md, mdCode, mdJoin, type Markdown } from '../../encode';
import { suffixKind } from '../model/kinds';
import type { PolicyModel, RoadmapModel } from '../model/model';
import { schemaAt, type SchemaNode } from '../model/schema-nav';
import type { LineIndex } from '../syntax/text';
import { DOC_KINDS, type DataPath, type DocKind } from '../types';
import type { Workspace } from '../workspace/workspace';
import { requirementIds } from './compliance';
import { BUILTIN_IDS, builtinProfile } from '../compliance/profiles';

export type CompletionKind = 'key' | 'enum' | 'id' | 'level' | 'goal' | 'date' | 'value' | 'file';

export interface Completion {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown, built through the encoders. */
  documentation?: Markdown;
  insertText: string;
  sortText?: string;
}

export interface CompletionResult { items: Completion[]; start: number; end: number }

interface Line { indent: number; text: string; dash: boolean; key?: string; rest: string }

function lineAt(text: string, starts: LineIndex, i: number): Line {
  const raw = text.slice(starts.lineStart(i), starts.lineEnd(i));
  const indent = raw.length - raw.trimStart().length;
  let body = raw.slice(indent);
  const dash = /^-(\s|$)/.test(body);
  if (dash) body = body.replace(/^-\s*/, '');
  const m = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(body) ?? /^([A-Za-z_][\w-]*)\s*:$/.exec(body);
  return { indent, text: raw, dash, ...(m ? { key: m[1], rest: (m[2] ?? '').replace(/\s+#.*$/, '') } : { rest: body }) };
}

const BLANK = 0x7fffffff;

/**
 * Indentation of every line of a text, with jump pointers so that walking up or down to the
 * enclosing or sibling lines costs O(depth), not O(lines): completion must not scan thousands of
 * lines of a large document (built once per text, cached with its line index).
 */
class Indents {
  /** Leading white space per line; BLANK for blank and comment-only lines. */
  readonly ind: Int32Array;
  readonly dash: Uint8Array;
  /** Nearest line above with a smaller indentation (-1: none). */
  readonly prevLT: Int32Array;
  /** Nearest line above with a smaller indentation, or the same and no dash (-1: none). */
  readonly prevND: Int32Array;
  /** Nearest line below with a smaller indentation (n: none). */
  readonly nextLT: Int32Array;
  constructor(text: string, lines: LineIndex) {
    const n = lines.lineCount;
    this.ind = new Int32Array(n); this.dash = new Uint8Array(n);
    this.prevLT = new Int32Array(n); this.prevND = new Int32Array(n); this.nextLT = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = lines.lineStart(i), e = lines.lineEnd(i);
      let j = s;
      while (j < e && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      const c = text.charCodeAt(j);
      if (j >= e || c === 35) { this.ind[i] = BLANK; continue; }
      this.ind[i] = j - s;
      this.dash[i] = c === 45 && (j + 1 >= e || /\s/.test(text[j + 1]!)) ? 1 : 0;
    }
    const lt: number[] = [], nd: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = this.ind[i]!;
      while (lt.length && this.ind[lt[lt.length - 1]!]! >= v) lt.pop();
      this.prevLT[i] = lt.length ? lt[lt.length - 1]! : -1;
      lt.push(i);
      while (nd.length && (this.ind[nd[nd.length - 1]!]! > v || (this.ind[nd[nd.length - 1]!] === v && this.dash[nd[nd.length - 1]!]))) nd.pop();
      this.prevND[i] = nd.length ? nd[nd.length - 1]! : -1;
      nd.push(i);
    }
    const down: number[] = [];
    for (let i = n - 1; i >= 0; i--) {
      const v = this.ind[i]!;
      while (down.length && this.ind[down[down.length - 1]!]! >= v) down.pop();
      this.nextLT[i] = down.length ? down[down.length - 1]! : n;
      down.push(i);
    }
  }
}

const indentCache = new WeakMap<LineIndex, Indents>();
function indentsOf(text: string, lines: LineIndex): Indents {
  let x = indentCache.get(lines);
  if (!x) { x = new Indents(text, lines); indentCache.set(lines, x); }
  return x;
}

/**
 * The data path of the mapping that a key written at column `col` on line `row` belongs to,
 * read from the indentation of the lines above (list indices are given as 0: the schema
 * treats every item alike). `inItem`: the key follows a "- " on its own line.
 */
function pathAbove(text: string, starts: LineIndex, row: number, col: number, inItem: boolean): DataPath {
  const ix = indentsOf(text, starts);
  const path: Array<string | number> = [];
  // The node we are inside of: a key at column c, or a list item whose dash is at column c.
  let c = inItem ? col - 2 : col;
  let dash = inItem;
  if (inItem) path.push(0);
  let i = row - 1;
  while (i >= 0 && (c > 0 || dash)) {
    // Skip, by the jump pointers, the lines that cannot be what we look for: deeper ones (and,
    // inside a list item, the other items of the same list).
    const v = ix.ind[i]!;
    if (!dash ? v >= c : v > c || (v === c && ix.dash[i])) { i = !dash || v > c ? ix.prevLT[i]! : ix.prevND[i]!; continue; }
    const l = lineAt(text, starts, i);
    const opens = l.key !== undefined && l.rest === '';
    if (!dash) {
      if (l.dash && l.indent + 2 === c) { path.push(0); c = l.indent; dash = true; }
      else if (l.dash && l.indent + 2 < c && opens) { path.push(l.key!, 0); c = l.indent; dash = true; }
      else if (!l.dash && l.indent < c && opens) { path.push(l.key!); c = l.indent; }
    } else {
      if (!l.dash && l.indent <= c && opens) { path.push(l.key!); c = l.indent; dash = false; }
      else if (l.dash && l.indent < c && opens && l.indent + 2 <= c) { path.push(l.key!, 0); c = l.indent; }
    }
    i--;
  }
  return path.reverse();
}

/** Keys already present in the mapping whose keys stand at column `col` around line `row`. */
function siblingKeys(text: string, starts: LineIndex, row: number, col: number): Set<string> {
  const ix = indentsOf(text, starts);
  const keys = new Set<string>();
  for (let i = row - 1; i >= 0;) {
    if (ix.ind[i]! > col) { i = ix.prevLT[i]!; continue; } // deeper lines (and blank ones)
    const l = lineAt(text, starts, i);
    if (l.dash && l.indent + 2 === col) { if (l.key) keys.add(l.key); break; } // first line of this item
    if ((l.dash ? l.indent + 2 : l.indent) < col) break;
    if (!l.dash && l.indent === col && l.key) keys.add(l.key);
    i--;
  }
  for (let i = row + 1; i < starts.lineCount;) {
    if (ix.ind[i]! > col) { i = ix.nextLT[i]!; continue; }
    const l = lineAt(text, starts, i);
    if (l.indent < col) break; // the next item, or the end of this mapping
    if (!l.dash && l.indent === col && l.key) keys.add(l.key);
    i++;
  }
  return keys;
}

function kindOf(path: string, text: string): DocKind | undefined {
  const m = /^kind:\s*["']?([\w-]+)/m.exec(text);
  return m && (DOC_KINDS as readonly string[]).includes(m[1]!) ? (m[1] as DocKind) : suffixKind(path);
}

/** Works on the text as typed: it never waits for the document to be parsed. */
export function complete(ws: Workspace, path: string, offset: number, today = localToday()): CompletionResult | undefined {
  const cur = ws.textOf(path);
  if (!cur) return undefined;
  const { text, lines } = cur;
  const pos = lines.position(offset);
  const starts = lines; // line lookups in O(1): nothing proportional to the document per request
  const prefix = text.slice(lines.lineStart(pos.line), offset);
  const kind = kindOf(path, text);
  const format: 1 | 2 = kind === 'profile' || /^format[ \t]*:[ \t]*["']?rsp\/v2\b/m.test(text) ? 2 : 1;

  // A key being typed: "  sta", "  - id", or an empty line.
  const keyM = /^(\s*)(- )?([A-Za-z_][\w-]*)?$/.exec(prefix);
  if (keyM && !kind) return rootKeys(offset, keyM[3] ?? '');
  if (keyM && kind && (keyM[3] !== undefined || !keyM[2])) {
    const col = keyM[1]!.length + (keyM[2] ? 2 : 0);
    const r = keys(kind, format, pathAbove(text, starts, pos.line, col, !!keyM[2]), siblingKeys(text, starts, pos.line, col), offset - (keyM[3]?.length ?? 0), offset);
    if (r || !keyM[2]) return r;
  }
  // A list item: "    - " or "    - CB" under "supports:" (or a new item of a list of mappings).
  const itemM = /^(\s*)- ([^\s#:]*)$/.exec(prefix);
  if (itemM && kind) {
    const col = itemM[1]!.length;
    const parentPath = pathAbove(text, starts, pos.line, col + 2, true).slice(0, -1);
    const s = schemaAt(kind, parentPath, format);
    if (s?.items?.properties) return keys(kind, format, [...parentPath, 0], new Set(), offset - itemM[2]!.length, offset);
    const key = parentPath[parentPath.length - 1];
    if (typeof key === 'string') return values(ws, path, kind, format, parentPath, key, true, itemM[2]!, offset, today);
    return undefined;
  }
  // A value: "  status: in-pr", "  supports: [CBRN-3, AS".
  const valM = /^(\s*)(- )?([A-Za-z_][\w-]*):[ \t]+(\[(?:[^\]]*,)?[ \t]*)?(["']?)([^\s,"'\[\]#]*)$/.exec(prefix);
  if (valM && kind) {
    const col = valM[1]!.length + (valM[2] ? 2 : 0);
    const parentPath = pathAbove(text, starts, pos.line, col, !!valM[2]);
    const key = valM[3]!;
    return values(ws, path, kind, format, [...parentPath, key], key, !!valM[4], valM[6]!, offset, today);
  }
  return undefined;
}

function rootKeys(offset: number, typed: string): CompletionResult {
  const items: Completion[] = [
    { label: 'format', kind: 'key', detail: 'rsp/v2', insertText: 'format: rsp/v2', documentation: md`The format version of this document: rsp/v2 (rsp/v1 documents keep working).` },
    ...DOC_KINDS.map((k) => ({ label: `kind: ${k}`, kind: 'key' as const, insertText: `kind: ${k}`, documentation: md`Make this a ${k} document.` })),
  ];
  return { items, start: offset - typed.length, end: offset };
}

function keys(kind: DocKind, format: 1 | 2, dataPath: DataPath, present: Set<string>, start: number, end: number): CompletionResult | undefined {
  const s = schemaAt(kind, dataPath, format);
  if (!s?.properties) return undefined;
  const required = new Set(s.required ?? []);
  const items: Completion[] = [];
  for (const [name, p0] of Object.entries(s.properties)) {
    if (present.has(name)) continue;
    const p = schemaAt(kind, [...dataPath, name], format) ?? p0;
    const collection = p.type === 'object' || p.type === 'array' || !!p.properties || !!p.items;
    items.push({
      label: name,
      kind: 'key',
      detail: required.has(name) ? 'required' : 'optional',
      documentation: describeField(p),
      insertText: collection ? `${name}:` : `${name}: `,
      sortText: `${required.has(name) ? 0 : 1}${name}`,
    });
  }
  return { items, start, end };
}

function describeField(p: SchemaNode): Markdown {
  const out = p.description ? [md`${p.description}`] : [];
  if (p.enum) out.push(md`Allowed: ${mdJoin(p.enum.map((v) => mdCode(v)), ', ')}`);
  return mdJoin(out, '\n\n');
}

function values(ws: Workspace, path: string, kind: DocKind, format: 1 | 2, dataPath: DataPath, key: string, listItem: boolean, typed: string, offset: number, today: string): CompletionResult | undefined {
  let s = schemaAt(kind, dataPath, format);
  if (listItem && s?.items) s = s.items;
  const items: Completion[] = [];
  const add = (c: Completion) => items.push(c);
  if (s?.enum) for (const v of s.enum) add({ label: String(v), kind: 'enum', insertText: String(v), ...(s.description ? { documentation: md`${s.description}` } : {}) });
  if (s?.const !== undefined) add({ label: String(s.const), kind: 'value', insertText: String(s.const) });
  if (s?.type === 'boolean') for (const v of ['true', 'false']) add({ label: v, kind: 'value', insertText: v });
  if (s?.format === 'date') {
    const q = (m: number) => { const end = addMonths(`${today.slice(0, 4)}-${String(Math.floor((+today.slice(5, 7) - 1) / 3) * 3 + 3).padStart(2, '0')}-01`, m); return `${end.slice(0, 8)}${new Date(Date.UTC(+end.slice(0, 4), +end.slice(5, 7), 0)).getUTCDate()}`; };
    add({ label: today, kind: 'date', detail: 'today', insertText: today, sortText: '0' });
    add({ label: q(0), kind: 'date', detail: 'end of this quarter', insertText: q(0), sortText: '1' });
    add({ label: q(3), kind: 'date', detail: 'end of next quarter', insertText: q(3), sortText: '2' });
  }
  const policy = policyFor(ws, path);
  const levels = (p?: PolicyModel) => { for (const st of p?.standards ?? []) add({ label: st.level, kind: 'level', detail: `${st.name ?? st.level} (${st.status})`, insertText: st.level, ...(st.summary ? { documentation: md`${st.summary}` } : {}) }); };
  const ids = (p: PolicyModel | undefined, kinds: string[]) => {
    for (const d of p?.defs ?? []) if (kinds.includes(d.kind)) add({ label: d.id, kind: 'id', detail: `${d.kind}${d.title ? ` — ${d.title}` : ''}`, insertText: d.id, documentation: d.level ? md`${d.level} ${d.side} safeguard` : undefined });
  };
  switch (key) {
    case 'requires':
    case 'standard_applied':
    case 'asl_applied': levels(policy); break;
    case 'warns': ids(policy, ['threshold']); break;
    case 'evaluation': ids(policy, ['evaluation']); break;
    case 'by':
      // A claim's `by`: any id of the policy; elsewhere, governance roles.
      if (dataPath.includes('claims')) ids(policy, ['threshold', 'standard', 'safeguard', 'evaluation', 'commitment', 'role', 'decision']);
      else ids(policy, ['role']);
      break;
    case 'advised_by': case 'approved_by': case 'owner': ids(policy, ['role']); break;
    case 'requirement':
      if (kind === 'policy') {
        for (const r of requirementIds(ws, ws.load(path))) {
          add({ label: r.label, kind: 'id', detail: `${r.requirement.citation ?? ''} — ${r.requirement.title ?? ''}`, insertText: r.label, ...(r.requirement.summary ? { documentation: md`${r.requirement.summary}` } : {}) });
        }
      }
      break;
    case 'profiles':
      if (kind === 'policy') {
        for (const id of BUILTIN_IDS) add({ label: id, kind: 'value', detail: `built-in profile — ${builtinProfile(id)?.title ?? ''}`, insertText: id });
        for (const d of ws.loadedDocs()) if (d.model?.kind === 'profile') { const rel = relative(ws.host.dirname(path), d.path); add({ label: `./${rel}`.replace(/^\.\/\.\./, '..'), kind: 'file', detail: d.model.title ?? 'profile', insertText: `./${rel}`.replace(/^\.\/\.\./, '..') }); }
      }
      break;
    case 'scale': for (const sc of policy?.scales ?? []) add({ label: sc.id, kind: 'value', detail: sc.title ?? `scale (${sc.levels.join(', ')})`, insertText: sc.id }); break;
    case 'level': for (const sc of (policy?.scales ?? []).filter((x) => x.appliesTo === 'capability')) for (const l of sc.levels) add({ label: l, kind: 'level', detail: `level of ${sc.id}`, insertText: l }); break;
    case 'goal': {
      const rm = (ws.lastGoodModel(path) as { kind?: string; roadmapRef?: string } | undefined);
      const target = rm?.kind === 'risk-report' && rm.roadmapRef ? ws.load(ws.host.resolve(ws.host.dirname(path), rm.roadmapRef)).model : undefined;
      for (const g of target?.kind === 'roadmap' ? target.goals : []) if (g.id) add({ label: g.id, kind: 'goal', detail: `${g.area ?? ''} goal${g.title ? ` — ${g.title}` : ''}`, insertText: g.id });
      break;
    }
    case 'safeguards': if (kind === 'policy') ids(policy, ['safeguard']); break;
    case 'safeguard': ids(policy, ['safeguard']); break;
    case 'threshold': ids(policy, ['threshold']); break;
    case 'supports': ids(policy, ['threshold', 'safeguard', 'commitment', 'evaluation']); levels(policy); break;
    case 'depends_on': {
      const m = ws.lastGoodModel(path) as RoadmapModel | undefined;
      for (const g of m?.kind === 'roadmap' ? m.goals : []) if (g.id) add({ label: g.id, kind: 'goal', detail: `${g.area ?? ''} goal${g.title ? ` — ${g.title}` : ''}`, insertText: g.id });
      break;
    }
    case 'policy':
      if (dataPath.length === 2) {
        for (const d of ws.loadedDocs()) {
          if (d.model?.kind !== 'policy' || d.path === path) continue;
          const rel = relative(ws.host.dirname(path), d.path);
          add({ label: rel, kind: 'file', detail: d.model.title ?? 'policy', insertText: rel });
        }
      }
      break;
  }
  if (!items.length) return undefined;
  const seen = new Set<string>();
  return { items: items.filter((i) => !seen.has(i.label) && !!seen.add(i.label)), start: offset - typed.length, end: offset };
}

function policyFor(ws: Workspace, path: string): PolicyModel | undefined {
  const m = ws.lastGoodModel(path);
  if (m?.kind === 'policy') return m;
  if (!m) return undefined;
  const link = ws.policyLink({ path, model: m });
  return link.state === 'ok' ? link.model : undefined;
}

function relative(fromDir: string, to: string): string {
  const a = fromDir.split(/[\\/]/).filter(Boolean);
  const b = to.split(/[\\/]/).filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}
