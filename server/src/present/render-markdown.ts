/**
 * A policy as GitHub-flavoured Markdown (`rsp-lint render --format markdown`): the same document
 * as render-html.ts, for a repository's README or a wiki. Built only from `Markdown` values: the
 * `md` tag keeps our literal parts and escapes every interpolated document value, so document
 * text never becomes markup, a link, an image, HTML, an autolink or a mention.
 *
 * Only headings get anchors on GitHub, so every heading is one the document outline listed, in
 * its order (its anchors are GitHub's slugs of those headings), item headings carry the id alone,
 * and a reference to an item that is no heading (a safeguard, an evaluation, a role) links to the
 * heading it stands under. No raw HTML is written.
 */
import { Markdown, md, mdCode, mdJoin, mdLink } from '../encode';
import type { GoalItem, Heading, IdRef, PolicyDocument, RenderSet, StandardItem, ThresholdItem } from '../engine/publish/document';
import { GOAL_STATUS_WORDS, GRADE_WORDS, IF_UNMET_WORDS, METHOD_WORDS, OUTCOME_WORDS, ROLE_WORDS, STATUS_WORDS, oneLine, paragraphs, word } from './render-text';

const T = Markdown.trusted;
const join = (parts: Markdown[], sep = '') => mdJoin(parts, sep);

function heading(hd: Heading): Markdown { return md`${T('#'.repeat(hd.level))} ${hd.text}`; }
function ref(r: IdRef): Markdown { return r.near ? mdLink(mdCode(r.id), `#${r.near}`) : md`${mdCode(r.id)} (undefined)`; }
function refs(list: IdRef[]): Markdown { return join(list.map(ref), ', '); }
/** Paragraphs of document prose, each a block of its own. One that would start its line with
 *  `:` starts with `\:` instead (the same text on GitHub): printed in a CI log, no line of the
 *  output can be a workflow command (`::error …`). */
function paras(s: string | undefined): Markdown[] { return paragraphs(s).map((p) => (p.startsWith(':') ? md`${T('\\')}${p}` : md`${p}`)); }
/** `- **label:** value` lines for the values given. */
function fields(rows: Array<[string, Markdown | undefined]>): Markdown {
  return join(rows.filter((r): r is [string, Markdown] => r[1] !== undefined).map(([k, v]) => md`- **${k}:** ${v}\n`));
}
const G = (s: string | number | undefined) => (s === undefined ? undefined : md`${String(s)}`);

function threshold(t: ThresholdItem): Markdown[] {
  const out: Markdown[] = [heading(t.heading)];
  const role = t.role !== 'threshold' ? md` · *${word(ROLE_WORDS, t.role)}*` : T('');
  if (t.title) out.push(md`**${t.title}**${role}`); else if (t.role !== 'threshold') out.push(md`*${word(ROLE_WORDS, t.role)}*`);
  out.push(...paras(t.description));
  const a = t.assessment;
  out.push(fields([
    ['Domain', G(t.domain)],
    ['Capability level', G(t.level)],
    ['Warns of', t.warns ? ref(t.warns) : undefined],
    ['Early warning', t.warnedBy.length ? refs(t.warnedBy) : undefined],
    ['Requires', t.requires.length ? join(t.requires.map((r) => md`${ref(r)}${r.name ? md` ${r.name}` : ''}${r.status && r.status !== 'defined' ? md` (*${word(STATUS_WORDS, r.status)}*)` : ''}`), '; ') : undefined],
    ['Additional safeguards', t.safeguards.length ? refs(t.safeguards) : undefined],
    ['If crossed', G(t.ifCrossed ? oneLine(t.ifCrossed) : undefined)],
    ['While safeguards are not in place', t.ifUnmet.length ? md`${t.ifUnmet.map((x) => word(IF_UNMET_WORDS, x)).join(', ')}` : undefined],
    ['Latest assessment', a ? md`${a.determination ? md`**${a.determination}**` : ''}${a.standardApplied ? md`, standard applied ${mdCode(a.standardApplied)}` : ''}${a.residualRisk ? md`, residual risk ${a.residualRisk}` : ''} (risk report ${a.report})` : undefined],
    ['Evaluations', t.evaluations.length ? join(t.evaluations.map((e) => md`\n  - ${mdCode(e.id)} ${e.name ?? ''}${e.method || e.cadence ? md` — ${[e.method ? word(METHOD_WORDS, e.method) : '', e.cadence ?? ''].filter(Boolean).join(', ')}` : ''}`)) : undefined],
  ]));
  return out;
}

function standard(s: StandardItem): Markdown[] {
  const out: Markdown[] = [heading(s.heading)];
  if (s.name || (s.status && s.status !== 'defined')) out.push(md`${s.name ? md`**${s.name}**` : ''}${s.status && s.status !== 'defined' ? md` · *${word(STATUS_WORDS, s.status)}*` : ''}`);
  out.push(...paras(s.summary));
  const side = (list: StandardItem['deployment']) => list.length ? join(list.map((g) => md`\n  - ${mdCode(g.id)} ${g.title ?? ''}${g.description ? md` — ${oneLine(g.description)}` : ''}`)) : undefined;
  out.push(fields([
    ['Scale', G(s.scale)],
    ['Security level (RAND)', G(s.securityLevel)],
    ['Required by', s.requiredBy.length ? refs(s.requiredBy) : undefined],
    ['Deployment safeguards', side(s.deployment)],
    ['Security safeguards', side(s.security)],
  ]));
  return out;
}

function goal(g: GoalItem): Markdown[] {
  const out: Markdown[] = [heading(g.heading)];
  if (g.title || g.grading) out.push(md`${g.title ? md`**${g.title}**` : ''}${g.grading ? md` · graded **${word(GRADE_WORDS, g.grading.outcome)}**` : ''}`);
  out.push(fields([
    ['Owner', G(g.owner)],
    ['Due', G(g.due)],
    ['Status', G(word(GOAL_STATUS_WORDS, g.status))],
    ['Completed', G(g.completed)],
    ['Reason', G(g.reason ? oneLine(g.reason) : undefined)],
    ['Supports', g.supports.length ? refs(g.supports) : undefined],
    ['Depends on', g.dependsOn.length ? refs(g.dependsOn) : undefined],
    ['Graded', g.grading ? md`${word(GRADE_WORDS, g.grading.outcome)} (risk report ${g.grading.report})${g.grading.note ? md` — ${oneLine(g.grading.note)}` : ''}` : undefined],
    ['Success criteria', g.successCriteria.length ? join(g.successCriteria.map((c) => md`\n  - ${oneLine(c)}`)) : undefined],
  ]));
  return out;
}

function document(d: PolicyDocument): Markdown[] {
  const out: Markdown[] = [];
  if (d.organization) out.push(md`*${d.organization}*`);
  out.push(heading(d.heading));
  const meta = [d.version ? md`Version ${d.version}` : undefined, d.effective ? md`effective ${d.effective}` : undefined, d.supersedes ? md`supersedes version ${d.supersedes}` : undefined, d.id ? md`id ${mdCode(d.id)}` : undefined].filter((x): x is Markdown => !!x);
  if (meta.length) out.push(join(meta, ' · '));
  // A document address stays text (code, which GitHub never links): Markdown links go only to
  // places this page chose.
  if (d.url) out.push(md`Published at ${mdCode(d.url)}`);
  if (d.related.length) out.push(md`Related: ${join(d.related.map((r) => md`${r.title ?? ''}${r.url ? md` ${mdCode(r.url)}` : ''}`), '; ')}`);
  if (d.errors.length) {
    out.push(join([
      md`**⚠ This document has ${String(d.errors.length)} error${d.errors.length === 1 ? '' : 's'}** — it may be incomplete or wrong until they are fixed (run \`rsp-lint\`):\n\n`,
      ...d.errors.slice(0, 50).map((e) => md`- ${mdCode(`${e.file}:${e.line + 1}:${e.character + 1}`)} ${e.message} (${e.rule})\n`),
      ...(d.errors.length > 50 ? [md`- … and ${String(d.errors.length - 50)} more\n`] : []),
    ]));
  }
  out.push(md`**Contents**\n\n${join(d.toc.map((t, i) => md`${String(i + 1)}. ${mdLink(t.text, `#${t.anchor}`)}\n`))}`);

  if (d.scalesHeading) {
    out.push(heading(d.scalesHeading));
    out.push(join([md`| Scale | Applies to | Levels, lowest first |\n| --- | --- | --- |\n`, ...d.scales.map((s) => md`| ${s.id}${s.title ? md` — ${s.title}` : ''} | ${s.appliesTo ?? ''} | ${s.levels.join(' → ')} |\n`)]));
  }
  out.push(heading(d.thresholdsHeading));
  out.push(md`*If a model reaches a threshold, the standards it requires must be in place first.*`);
  for (const t of d.thresholds) out.push(...threshold(t));
  out.push(heading(d.standardsHeading));
  for (const s of d.standards) out.push(...standard(s));
  if (d.commitmentsHeading) {
    out.push(heading(d.commitmentsHeading));
    for (const t of d.commitments) {
      out.push(heading(t.heading));
      out.push(join(t.items.map((c) => md`- ${mdCode(c.id)} ${c.statement ? oneLine(c.statement) : ''}${c.owner ? md` — owner ${ref(c.owner)}` : ''}${c.appliesTo.length ? md` — applies to ${refs(c.appliesTo)}` : ''}\n`)));
    }
  }
  if (d.riskReporting) {
    const r = d.riskReporting;
    out.push(heading(r.heading));
    out.push(fields([
      ['Cadence', r.cadenceMonths !== undefined ? md`a risk report at least every ${String(r.cadenceMonths)} month${r.cadenceMonths === 1 ? '' : 's'}` : undefined],
      ['External review', r.externalReview !== undefined ? md`${r.externalReview ? 'yes' : 'no'}` : undefined],
      ['Redactions', G(r.redaction)],
    ]));
  }
  if (d.governance) {
    const g = d.governance;
    out.push(heading(g.heading));
    if (g.rolesHeading) {
      out.push(heading(g.rolesHeading));
      out.push(join(g.roles.map((r) => md`- ${mdCode(r.id)} ${r.title ? md`**${r.title}**` : ''}${r.responsibilities ? md` — ${oneLine(r.responsibilities)}` : ''}\n`)));
    }
    if (g.decisionsHeading) {
      out.push(heading(g.decisionsHeading));
      out.push(join(g.decisions.map((x) => md`- ${mdCode(x.id)} **${x.decision ?? ''}**${x.by.length ? md` by ${refs(x.by)}` : ''}${x.advisedBy.length ? md`, advised by ${refs(x.advisedBy)}` : ''}${x.criteria ? md` — ${oneLine(x.criteria)}` : ''}\n`)));
    }
    for (const p of g.parts) {
      out.push(heading(p.heading));
      out.push(fields(p.lines.map((l) => [l.label, typeof l.value === 'string' ? md`${l.value}` : refs(l.value)])));
    }
  }
  if (d.changesHeading) {
    out.push(heading(d.changesHeading));
    for (const c of d.changes) {
      out.push(md`**${c.version ? md`Version ${c.version}` : 'Undated change'}**${c.date ? md` · ${c.date}` : ''}`);
      out.push(...paras(c.summary));
      if (c.items.length) out.push(join(c.items.map((i) => md`- ${i.ref ? ref(i.ref) : ''} *${i.change ?? ''}*${i.from ? md` from ${mdCode(i.from)}` : ''}${i.reason ? md` — ${oneLine(i.reason)}` : ''}\n`)));
    }
  }
  if (d.report) {
    const r = d.report;
    out.push(heading(r.heading));
    out.push(fields([
      ['Report', r.id ? mdCode(r.id) : md`${r.file}`],
      ['Published', G(r.published)],
      ['Models', r.models.length ? md`${r.models.join(', ')}` : undefined],
      ['Period', r.period ? md`${r.period.from ?? '…'} to ${r.period.to ?? '…'}` : undefined],
      ['Approved by', r.approvedBy.length ? refs(r.approvedBy) : undefined],
      ['Decision', r.decision ? md`${r.decision.outcome ? md`**${word(OUTCOME_WORDS, r.decision.outcome)}**` : ''}${r.decision.date ? md` on ${r.decision.date}` : ''}${r.decision.by.length ? md` by ${refs(r.decision.by)}` : ''}` : undefined],
    ]));
    if (r.decision?.rationale) out.push(md`*Rationale:* ${paragraphs(r.decision.rationale).join(' ')}`);
  }
  for (const rm of d.roadmaps) {
    out.push(heading(rm.heading));
    out.push(join([rm.title ? md`**${rm.title}**` : undefined, rm.published ? md`published ${rm.published}` : undefined, rm.gradedBy ? md`grades from risk report ${rm.gradedBy}` : md`not yet graded by a risk report`].filter((x): x is Markdown => !!x), ' · '));
    for (const a of rm.areas) {
      out.push(heading(a.heading));
      for (const g of a.goals) out.push(...goal(g));
    }
  }
  return out;
}

export function renderDocumentMarkdown(set: RenderSet): string {
  if (!set.documents.length) return 'No policy to render.\n';
  const blocks = set.documents.flatMap((d, i) => [...(i ? [T('---')] : []), ...document(d)]);
  blocks.push(md`*Rendered by rsp-lint from the policy's YAML.*`);
  // Blocks are separated by one blank line; no block ends in spaces (GitHub would read a line break).
  return `${blocks.map((b) => b.value.replace(/[ \t]+$/gm, '').replace(/\n+$/, '')).filter((b) => b !== '').join('\n\n')}\n`;
}
