/** Hover contents (Markdown) for ASL levels, ids and keys (spec §8). */
import { isScalar } from 'yaml';
import { ASL_REFERENCE } from '../model/asl-reference';
import { DOMAINS, SCALE_REFERENCES, levelReference } from '../model/references';
import { requiredSafeguards, type Def, type Goal, type PolicyModel, type RoadmapModel, type Standard } from '../model/model';
import { nodeAt } from '../syntax/position';
import { schemaAt } from '../model/schema-nav';
import { occurrenceAt, occurrences, type SymbolOccurrence } from '../workspace/symbols';
import type { LoadedDoc, Workspace } from '../workspace/workspace';
import { obj, str } from '../model/model';
import { Markdown, md, mdCode, mdJoin } from '../../encode';
import { profileEntryAt, requirementAt, requirementMarkdown } from './compliance';

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
  if (!at.isKey && doc.model?.kind === 'policy' && at.path[0] === 'compliance') {
    const req = requirementAt(ws, doc, offset);
    if (req) return { markdown: requirementMarkdown(ws, req), start: req.start, end: req.end };
    const entry = profileEntryAt(ws, doc, offset);
    if (entry) return entry;
  }
  if (!at.isKey) {
    const occ = occurrenceAt(occurrences(doc, ws.host), offset);
    if (occ) {
      const md = idMarkdown(ws, doc, occ);
      if (md) return { markdown: md, start: occ.start, end: occ.end };
    }
  }
  // v2 vocabularies: a domain, a level of a declared or built-in scale, a built-in reference.
  if (!at.isKey && isScalar(at.node) && typeof at.node.value === 'string') {
    const v = at.node.value;
    const last = at.path[at.path.length - 1];
    const vocab = vocabularyMarkdown(ws, doc, String(last), v);
    if (vocab) return { markdown: vocab, start: at.start, end: at.end };
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
    const all = (own?.path === from ? own.model : (ws.load(from).model as PolicyModel)).thresholds.filter((t) => t.requiresAll.some((r) => r.id === level)).map((t) => mdCode(t.id));
    const thresholds = all.length > 25 ? [...all.slice(0, 25), md`… ${all.length - 25} more`] : all;
    return mdJoin([
      md`**${level}${std.name && std.name !== level ? md` — ${std.name}` : ''}** · ${std.status}${std.scale ? md` · scale ${mdCode(std.scale)}` : ''}${std.securityLevel ? md` · security aims at ${mdCode(std.securityLevel)}${levelReference(std.securityLevel) ? md` (${levelReference(std.securityLevel)!.entry.summary})` : ''}` : ''}`,
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
  if (p.model?.kind === 'profile') {
    // A requirement id in its profile: what claims citing it would show.
    const r = p.model.requirements.find((x) => x.id === occ.name);
    return r ? requirementMarkdown(ws, { start: occ.start, end: occ.end, profileId: p.model.id ?? '', requirementId: r.id, requirement: r, entry: { index: -1, ref: '', file: p.path, profile: p.model } }) : undefined;
  }
  if (p.model?.kind !== 'policy') return undefined;
  const d = p.model.byId.get(occ.name);
  if (!d) return md`**${occ.name}** — not defined in ${ws.host.display(scope!)}`;
  if (d.kind === 'standard') return aslMarkdown(ws, doc, d.id);
  return defMarkdown(p.model, d, p, ws.host.display(p.path));
}

/** Hovers over v2 vocabulary values: a threshold's domain, a capability level, a scale's reference, a RAND level. */
function vocabularyMarkdown(ws: Workspace, doc: LoadedDoc, key: string, value: string): Markdown | undefined {
  if (key === 'domain') {
    const d = DOMAINS[value];
    return d ? md`**Domain ${mdCode(value)}**\n\n${d}` : md`**Domain ${mdCode(value)}** — not one of the known domains; allowed, but tools that compare policies will not recognise it.`;
  }
  if (key === 'reference' && SCALE_REFERENCES[value]) {
    const r = SCALE_REFERENCES[value]!;
    return mdJoin([md`**${r.title}** · built-in reference ${mdCode(r.id)}`, md``, list(r.levels.map((l) => md`${mdCode(l.level)} — ${l.summary}`)), ...(r.note ? [md``, md`_${r.note}_`] : []), md``, md`_Source: ${r.source}_`], '\n');
  }
  const own = policyOf(ws, doc);
  const scale = own?.model.scales.find((sc) => sc.levels.includes(value) && (key === 'level' || key === 'security_level' || key === 'levels'));
  if (scale || key === 'level' || key === 'security_level') {
    const ref = levelReference(value);
    const out: Markdown[] = [md`**${value}**${scale ? md` · level ${scale.levels.indexOf(value) + 1} of ${scale.levels.length} on scale ${mdCode(scale.id)}${scale.title ? md` (${scale.title})` : ''}` : ''}`];
    if (scale) out.push(md``, md`Scale, lowest first: ${mdJoin(scale.levels.map((l) => mdCode(l)), ' < ')}`);
    if (ref) out.push(md``, md`${ref.entry.summary}`, md``, md`_Built-in reference ${mdCode(ref.scale.id)}: ${ref.scale.source}_`);
    if (out.length > 1) return mdJoin(out, '\n');
  }
  return undefined;
}

function defMarkdown(p: PolicyModel, d: Def, doc: LoadedDoc, shown: string): Markdown {
  const data = obj(doc.parsed?.data);
  const item = d.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), data);
  const description = str(obj(item)?.description);
  const out: Markdown[] = [];
  if (d.kind === 'role') {
    out.push(md`**Role ${d.id}**${d.title ? md` — ${d.title}` : ''}`);
    const responsibilities = str(obj(item)?.responsibilities);
    if (responsibilities) out.push(md``, md`${responsibilities}`);
    out.push(md``, md`_Defined in ${shown}_`);
    return mdJoin(out, '\n');
  }
  if (d.kind === 'decision') {
    const c = obj(item);
    out.push(md`**Decision ${d.id}**${d.title ? md` — ${mdCode(d.title)}` : ''}`);
    const by = Array.isArray(c?.by) ? (c!.by as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    if (by.length) out.push(md``, md`Taken by: ${mdJoin(by.map((x) => mdCode(x)), ', ')}`);
    if (str(c?.criteria)) out.push(md``, md`${str(c?.criteria)}`);
    out.push(md``, md`_Defined in ${shown}_`);
    return mdJoin(out, '\n');
  }
  if (d.kind === 'threshold') {
    const t = p.thresholds.find((x) => x.id === d.id)!;
    out.push(md`**Threshold ${d.id}**${t.title ? md` — ${t.title}` : ''}`, md``);
    if (t.domain) out.push(md`Domain: ${mdCode(t.domain)}`);
    const reqs = t.requiresAll.map((r) => { const x = p.byLevel.get(r.id); return md`**${r.id}**${x ? md` (${x.status})` : md` (not defined)`}`; });
    out.push(md`Requires: ${reqs.length ? mdJoin(reqs, ', ') : md`_no standard_`}${t.role !== 'threshold' ? md` · role ${mdCode(t.role)}` : ''}${t.level ? md` · level ${mdCode(t.level)}` : ''}${t.warns ? md` · warns of ${mdCode(t.warns.id)}` : ''}`);
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
