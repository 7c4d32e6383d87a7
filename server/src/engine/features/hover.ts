/** Hover contents (Markdown) for ASL levels, ids and keys (spec §8). */
import { isScalar } from 'yaml';
import { ASL_REFERENCE } from '../asl-reference';
import { requiredSafeguards, type Def, type Goal, type PolicyModel, type RoadmapModel, type Standard } from '../model';
import { nodeAt } from '../position';
import { schemaAt } from '../schema-nav';
import { occurrenceAt, occurrences, type SymbolOccurrence } from '../symbols';
import type { LoadedDoc, Workspace } from '../workspace';
import { obj, str } from '../model';

export interface HoverResult { markdown: string; start: number; end: number }

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
  const s = schemaAt(doc.kind, field);
  if (!s?.description || field.length === 0) return undefined;
  const name = String(field[field.length - 1]);
  const parts = [`**${name}**`, '', s.description];
  if (s.enum) parts.push('', `Allowed: ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}${s.default !== undefined ? ` (default \`${String(s.default)}\`)` : ''}`);
  parts.push('', `_${doc.kind === 'risk-report' ? 'risk-report' : doc.kind}.schema.json_`);
  return { markdown: parts.join('\n'), start: at.start, end: at.end };
}

/** The policy that gives meaning to ids in `doc`: itself, its linked policy, or any loaded one. */
function policyOf(ws: Workspace, doc: LoadedDoc): { model: PolicyModel; path: string } | undefined {
  if (doc.model?.kind === 'policy') return { model: doc.model, path: doc.path };
  const link = ws.policyLink(doc);
  if (link.state === 'ok') return { model: link.model, path: ws.host.resolve(ws.host.dirname(doc.path), link.path) };
  return undefined;
}

/** A Markdown list, cut at 25 items: a hover is read at a glance (the outline has the rest). */
function list(items: string[], max = 25): string {
  if (!items.length) return '- _none_';
  const shown = items.slice(0, max).map((i) => `- ${i}`);
  if (items.length > max) shown.push(`- _… and ${items.length - max} more_`);
  return shown.join('\n');
}

function safeguardLine(d: Def): string { return `\`${d.id}\`${d.title ? ` — ${d.title}` : ''}`; }

export function aslMarkdown(ws: Workspace, doc: LoadedDoc, level: string): string {
  const own = policyOf(ws, doc);
  let std: Standard | undefined = own?.model.byLevel.get(level);
  let from = own && std ? own.path : undefined;
  if (!std) {
    for (const d of ws.loadedDocs()) {
      if (d.model?.kind === 'policy' && d.model.byLevel.has(level)) { std = d.model.byLevel.get(level); from = d.path; break; }
    }
  }
  if (std && from) {
    const all = (own?.path === from ? own.model : (ws.load(from).model as PolicyModel)).thresholds.filter((t) => t.requires === level).map((t) => `\`${t.id}\``);
    const thresholds = all.length > 25 ? [...all.slice(0, 25), `… ${all.length - 25} more`] : all;
    return [
      `**${level}${std.name && std.name !== level ? ` — ${std.name}` : ''}** · ${std.status}`,
      '',
      std.summary ?? '',
      '',
      '**Deployment safeguards**',
      list(std.deployment.map(safeguardLine)),
      '',
      '**Security safeguards**',
      list(std.security.map(safeguardLine)),
      ...(thresholds.length ? ['', `Required by: ${thresholds.join(', ')}`] : []),
      '',
      `_Defined in ${ws.host.display(from)}_`,
    ].join('\n');
  }
  const ref = ASL_REFERENCE[level];
  if (!ref) return `**${level}** — not defined in this workspace's policy, and beyond the built-in reference (ASL-1 to ASL-4).`;
  return [
    `**${level} — ${ref.name}** · built-in reference`,
    '',
    ref.summary,
    '',
    '**Deployment safeguards**',
    list(ref.deployment),
    '',
    '**Security safeguards**',
    list(ref.security),
    '',
    `_Not defined by a policy in this workspace. Read: ${ref.source}._`,
  ].join('\n');
}

function idMarkdown(ws: Workspace, doc: LoadedDoc, occ: SymbolOccurrence): string | undefined {
  const [space, scope] = occ.key.split('|');
  if (space === 'level') return aslMarkdown(ws, doc, occ.name);
  if (space === 'goal') {
    const r = scope === doc.path ? doc : ws.load(scope!);
    const m = r.model as RoadmapModel | undefined;
    const g = m?.goals.find((x) => x.id === occ.name);
    return g ? goalMarkdown(g, r) : `**${occ.name}** — no goal of this roadmap has this id`;
  }
  const p = scope === doc.path ? doc : ws.load(scope!);
  if (p.model?.kind !== 'policy') return undefined;
  const d = p.model.byId.get(occ.name);
  if (!d) return `**${occ.name}** — not defined in ${ws.host.display(scope!)}`;
  return defMarkdown(p.model, d, p, ws.host.display(p.path));
}

function defMarkdown(p: PolicyModel, d: Def, doc: LoadedDoc, shown: string): string {
  const data = obj(doc.parsed?.data);
  const item = d.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), data);
  const description = str(obj(item)?.description);
  const out: string[] = [];
  if (d.kind === 'threshold') {
    const t = p.thresholds.find((x) => x.id === d.id)!;
    const std = t.requires ? p.byLevel.get(t.requires) : undefined;
    out.push(`**Threshold ${d.id}**${t.title ? ` — ${t.title}` : ''}`, '');
    if (t.domain) out.push(`Domain: \`${t.domain}\``);
    out.push(`Requires: ${t.requires ? `**${t.requires}**${std ? ` (${std.status})` : ' (not defined)'}` : '_no standard_'}`);
    if (description) out.push('', description);
    out.push('', '**Required safeguards**', list(requiredSafeguards(p, t).map((id) => { const s = p.byId.get(id); return s ? safeguardLine(s) : `\`${id}\``; })));
    out.push('', '**Evaluations**', list(t.evaluations.map((e) => `\`${e.id}\`${e.title ? ` — ${e.title}` : ''}`)));
  } else if (d.kind === 'safeguard') {
    out.push(`**Safeguard ${d.id}**${d.title ? ` — ${d.title}` : ''}`, '', `${d.level} ${d.side} safeguard`);
    if (description) out.push('', description);
    const users = p.thresholds.filter((t) => requiredSafeguards(p, t).includes(d.id)).map((t) => `\`${t.id}\``);
    if (users.length) out.push('', `Required by: ${users.join(', ')}`);
  } else if (d.kind === 'evaluation') {
    out.push(`**Evaluation ${d.id}**${d.title ? ` — ${d.title}` : ''}`, '', `Detects threshold \`${d.threshold ?? '?'}\``);
    if (description) out.push('', description);
  } else {
    const c = obj(item);
    out.push(`**Commitment ${d.id}**`, '', `Track: \`${str(c?.track) ?? '?'}\`${str(c?.owner) ? ` · Owner: ${str(c?.owner)}` : ''}`, '', str(c?.statement) ?? '');
  }
  out.push('', `_Defined in ${shown}_`);
  return out.join('\n');
}

function goalMarkdown(g: Goal, doc: LoadedDoc): string {
  const owner = typeof g.owner === 'string' && g.owner.trim() ? g.owner : '_none_';
  const due = typeof g.due === 'string' ? g.due : '_none_';
  const out = [
    `**Goal ${g.id}**${g.title ? ` — ${g.title}` : ''}`,
    '',
    `Area: \`${g.area ?? '?'}\` · Owner: ${owner} · Due: ${due} · Status: \`${g.status}\``,
  ];
  if (g.supports.length) out.push('', `Supports: ${g.supports.map((r) => `\`${r.id}\``).join(', ')}`);
  if (g.dependsOn.length) out.push('', `Depends on: ${g.dependsOn.map((r) => `\`${r.id}\``).join(', ')}`);
  out.push('', `_Defined in ${doc.path.split(/[\\/]/).pop()}_`);
  return out.join('\n');
}
