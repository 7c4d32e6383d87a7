/** Hover contents (Markdown) for ASL levels, ids and keys (spec §8). */
import { isScalar } from 'yaml';
import { ASL_REFERENCE } from '../model/asl-reference';
import { requiredSafeguards, type Def, type Goal, type PolicyModel, type RoadmapModel, type Standard } from '../model/model';
import { nodeAt } from '../syntax/position';
import { schemaAt } from '../model/schema-nav';
import { occurrenceAt, occurrences, type SymbolOccurrence } from '../workspace/symbols';
import type { LoadedDoc, Workspace } from '../workspace/workspace';
import { obj, str } from '../model/model';
import { Markdown, md, mdCode, mdJoin } from '../../encode';

/** Hover text: Markdown built only through the encoders (document text is escaped). */
export interface HoverResult { markdown: Markdown; start: number; end: number }

const ASL = /\bASL-[1-9]\b/g;

export function hover(ws: Workspace, path: string, offset: number): HoverResult | undefined {
  const doc = ws.load(path);
  const pdoc = doc.parsed?.doc;
  if (!pdoc || !doc.kind || doc.parsed!.blocking) return undefined;
  const at = nodeAt(pdoc, offset);
  if (!at) return undefined;
  const text = doc.parsed!.text;
  if (!at.isKey && isScalar(at.node) && typeof at.node.value === 'string') {
    for (const m of text.slice(at.start, at.end).matchAll(ASL)) {
      const s = at.start + m.index!;
      if (offset >= s && offset <= s + m[0].length) return { markdown: aslMarkdown(ws, doc, m[0]), start: s, end: s + m[0].length };
    }
  }
  if (!at.isKey) {
    const occ = occurrenceAt(occurrences(doc, ws.host), offset);
    if (occ) {
      const md = idMarkdown(ws, doc, occ);
      if (md) return { markdown: md, start: occ.start, end: occ.end };
    }
  }
  // A key, or a plain value: the field's description from the schema.
  const field = [...at.path];
  while (field.length && typeof field[field.length - 1] === 'number') field.pop();
  const s = schemaAt(doc.kind, field, doc.model?.format ?? 1);
  if (!s?.description || field.length === 0) return undefined;
  const name = String(field[field.length - 1]);
  const parts = [md`**${name}**`, md``, md`${s.description}`];
  if (s.enum) parts.push(md``, md`Allowed: ${mdJoin(s.enum.map((v) => mdCode(v)), ', ')}${s.default !== undefined ? md` (default ${mdCode(s.default)})` : ''}`);
  parts.push(md``, md`_${doc.kind}${doc.model?.format === 2 || doc.kind === 'profile' ? '.v2' : ''}.schema.json_`);
  return { markdown: mdJoin(parts, '\n'), start: at.start, end: at.end };
}

/** The policy that gives meaning to ids in `doc`: itself, its linked policy, or any loaded one. */
function policyOf(ws: Workspace, doc: LoadedDoc): { model: PolicyModel; path: string } | undefined {
  if (doc.model?.kind === 'policy') return { model: doc.model, path: doc.path };
  const link = ws.policyLink(doc);
  if (link.state === 'ok') return { model: link.model, path: ws.host.resolve(ws.host.dirname(doc.path), link.path) };
  return undefined;
}

/** A Markdown list, cut at 25 items: a hover is read at a glance (the outline has the rest). */
function list(items: Markdown[], max = 25): Markdown {
  if (!items.length) return md`- _none_`;
  const shown = items.slice(0, max).map((i) => md`- ${i}`);
  if (items.length > max) shown.push(md`- _… and ${items.length - max} more_`);
  return mdJoin(shown, '\n');
}

function safeguardLine(d: Def): Markdown { return md`${mdCode(d.id)}${d.title ? md` — ${d.title}` : ''}`; }

export function aslMarkdown(ws: Workspace, doc: LoadedDoc, level: string): Markdown {
  const own = policyOf(ws, doc);
  let std: Standard | undefined = own?.model.byLevel.get(level);
  let from = own && std ? own.path : undefined;
  if (!std) {
    for (const d of ws.loadedDocs()) {
      if (d.model?.kind === 'policy' && d.model.byLevel.has(level)) { std = d.model.byLevel.get(level); from = d.path; break; }
    }
  }
  if (std && from) {
    const all = (own?.path === from ? own.model : (ws.load(from).model as PolicyModel)).thresholds.filter((t) => t.requires === level).map((t) => mdCode(t.id));
    const thresholds = all.length > 25 ? [...all.slice(0, 25), md`… ${all.length - 25} more`] : all;
    return mdJoin([
      md`**${level}${std.name && std.name !== level ? md` — ${std.name}` : ''}** · ${std.status}`,
      md``,
      md`${std.summary ?? ''}`,
      md``,
      md`**Deployment safeguards**`,
      list(std.deployment.map(safeguardLine)),
      md``,
      md`**Security safeguards**`,
      list(std.security.map(safeguardLine)),
      ...(thresholds.length ? [md``, md`Required by: ${mdJoin(thresholds, ', ')}`] : []),
      md``,
      md`_Defined in ${ws.host.display(from)}_`,
    ], '\n');
  }
  const ref = ASL_REFERENCE[level];
  if (!ref) return md`**${level}** — not defined in this workspace's policy, and beyond the built-in reference (ASL-1 to ASL-4).`;
  return mdJoin([
    md`**${level} — ${ref.name}** · built-in reference`,
    md``,
    md`${ref.summary}`,
    md``,
    md`**Deployment safeguards**`,
    list(ref.deployment.map((d) => md`${d}`)),
    md``,
    md`**Security safeguards**`,
    list(ref.security.map((d) => md`${d}`)),
    md``,
    md`_Not defined by a policy in this workspace. Read: ${ref.source}._`,
  ], '\n');
}

function idMarkdown(ws: Workspace, doc: LoadedDoc, occ: SymbolOccurrence): Markdown | undefined {
  const [space, scope] = occ.key.split('|');
  if (space === 'level') return aslMarkdown(ws, doc, occ.name);
  if (space === 'goal') {
    const r = scope === doc.path ? doc : ws.load(scope!);
    const m = r.model as RoadmapModel | undefined;
    const g = m?.goals.find((x) => x.id === occ.name);
    return g ? goalMarkdown(g, r) : md`**${occ.name}** — no goal of this roadmap has this id`;
  }
  const p = scope === doc.path ? doc : ws.load(scope!);
  if (p.model?.kind !== 'policy') return undefined;
  const d = p.model.byId.get(occ.name);
  if (!d) return md`**${occ.name}** — not defined in ${ws.host.display(scope!)}`;
  return defMarkdown(p.model, d, p, ws.host.display(p.path));
}

function defMarkdown(p: PolicyModel, d: Def, doc: LoadedDoc, shown: string): Markdown {
  const data = obj(doc.parsed?.data);
  const item = d.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), data);
  const description = str(obj(item)?.description);
  const out: Markdown[] = [];
  if (d.kind === 'threshold') {
    const t = p.thresholds.find((x) => x.id === d.id)!;
    const std = t.requires ? p.byLevel.get(t.requires) : undefined;
    out.push(md`**Threshold ${d.id}**${t.title ? md` — ${t.title}` : ''}`, md``);
    if (t.domain) out.push(md`Domain: ${mdCode(t.domain)}`);
    out.push(md`Requires: ${t.requires ? md`**${t.requires}**${std ? md` (${std.status})` : md` (not defined)`}` : md`_no standard_`}`);
    if (description) out.push(md``, md`${description}`);
    out.push(md``, md`**Required safeguards**`, list(requiredSafeguards(p, t).map((id) => { const s = p.byId.get(id); return s ? safeguardLine(s) : mdCode(id); })));
    out.push(md``, md`**Evaluations**`, list(t.evaluations.map((e) => md`${mdCode(e.id)}${e.title ? md` — ${e.title}` : ''}`)));
  } else if (d.kind === 'safeguard') {
    out.push(md`**Safeguard ${d.id}**${d.title ? md` — ${d.title}` : ''}`, md``, md`${d.level} ${d.side} safeguard`);
    if (description) out.push(md``, md`${description}`);
    const users = p.thresholds.filter((t) => requiredSafeguards(p, t).includes(d.id)).map((t) => mdCode(t.id));
    if (users.length) out.push(md``, md`Required by: ${mdJoin(users, ', ')}`);
  } else if (d.kind === 'evaluation') {
    out.push(md`**Evaluation ${d.id}**${d.title ? md` — ${d.title}` : ''}`, md``, md`Detects threshold ${mdCode(d.threshold ?? '?')}`);
    if (description) out.push(md``, md`${description}`);
  } else {
    const c = obj(item);
    out.push(md`**Commitment ${d.id}**`, md``, md`Track: ${mdCode(str(c?.track) ?? '?')}${str(c?.owner) ? md` · Owner: ${str(c?.owner)}` : ''}`, md``, md`${str(c?.statement) ?? ''}`);
  }
  out.push(md``, md`_Defined in ${shown}_`);
  return mdJoin(out, '\n');
}

function goalMarkdown(g: Goal, doc: LoadedDoc): Markdown {
  const owner = typeof g.owner === 'string' && g.owner.trim() ? md`${g.owner}` : md`_none_`;
  const due = typeof g.due === 'string' ? md`${g.due}` : md`_none_`;
  const out = [
    md`**Goal ${g.id}**${g.title ? md` — ${g.title}` : ''}`,
    md``,
    md`Area: ${mdCode(g.area ?? '?')} · Owner: ${owner} · Due: ${due} · Status: ${mdCode(g.status)}`,
  ];
  if (g.supports.length) out.push(md``, md`Supports: ${mdJoin(g.supports.map((r) => mdCode(r.id)), ', ')}`);
  if (g.dependsOn.length) out.push(md``, md`Depends on: ${mdJoin(g.dependsOn.map((r) => mdCode(r.id)), ', ')}`);
  out.push(md``, md`_Defined in ${doc.path.split(/[\\/]/).pop()}_`);
  return mdJoin(out, '\n');
}
