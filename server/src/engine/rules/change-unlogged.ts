import { isRealDate } from '../model/dates';
import { obj } from '../model/model';
import type { Edit } from '../types';
import type { Rule, RuleContext } from './rule';

export const rule: Rule = {
  id: 'change-unlogged',
  severity: 'warning',
  appliesTo: ['policy'],
  description: 'A policy that supersedes an earlier version has no `changes` entry for its own `version`.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'policy' || m.format !== 2 || m.supersedes === undefined || m.version === undefined) return;
    if (m.changes.some((c) => c.version === m.version)) return;
    const edit = logEntry(ctx, m.version, isRealDate(m.effective) ? m.effective : ctx.today);
    ctx.report({
      path: ['policy', 'version'], at: 'value',
      message: `version ${m.version} supersedes ${m.supersedes}, but ${m.changes.length ? `'changes' has no entry for ${m.version}` : `the policy has no change log ('changes'), so no entry for ${m.version}`}; add one (newest first) saying what changed and why, item by item, so reviewers can see what was weakened or strengthened`,
      ...(edit ? { fix: { title: `Add a 'changes' entry for version ${m.version}`, edits: [edit], safe: false } } : {}),
    });
  },
};

/**
 * An edit that adds a change-log entry for `version`: before the first entry of a block
 * `changes:` list, or as a new `changes:` list at the end of the document. Undefined when
 * `changes` is written in another form (flow, empty, not a list).
 */
function logEntry(ctx: RuleContext, version: string, date: string): Edit | undefined {
  const { text, lines } = ctx.parsed;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const q = JSON.stringify(version);
  const changes = ctx.data.changes;
  if (changes === undefined) {
    if (!obj(ctx.data.policy)) return undefined;
    const end = text.length;
    const lead = end === 0 || text.endsWith('\n') ? '' : nl;
    return { start: end, end, newText: `${lead}${nl}changes:${nl}  - version: ${q}${nl}    date: ${date}${nl}    summary: TBD${nl}` };
  }
  const first = Array.isArray(changes) ? obj(changes[0]) : undefined;
  const firstKey = first ? Object.keys(first)[0] : undefined;
  if (firstKey === undefined) return undefined;
  const [itemStart] = ctx.offsets(['changes', 0, firstKey], 'key');
  const line = lines.position(itemStart).line;
  const start = lines.lineStart(line);
  const prefix = text.slice(start, itemStart);
  if (!/^ *- +$/.test(prefix)) return undefined;
  const pad = ' '.repeat(prefix.length);
  return { start, end: start, newText: `${prefix}version: ${q}${nl}${pad}date: ${date}${nl}${pad}summary: TBD${nl}` };
}
