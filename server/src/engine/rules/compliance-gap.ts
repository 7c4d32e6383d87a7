import { evaluatePolicy, type CoverageRow } from '../compliance/evaluate';
import type { ProfileLoader } from '../compliance/profiles';
import { arr, obj, type ProfileModel } from '../model/model';
import type { Edit } from '../types';
import type { Rule, RuleContext } from './rule';

export const rule: Rule = {
  id: 'compliance-gap',
  severity: 'warning',
  appliesTo: ['policy'],
  description: 'A requirement of a profile the policy lists in `compliance.profiles` is met by no check of the policy\'s structure and by no claim.',
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'policy' || m.format !== 2 || !m.compliance) return;
    const { rows } = evaluatePolicy(m, profileLoader(ctx));
    for (const r of rows) {
      if (r.status !== 'gap') continue;
      const edit = claimStub(ctx, `${r.profile}/${r.requirement}`);
      ctx.report({
        path: ['compliance', 'profiles', r.entry], at: 'value',
        message: gapMessage(r),
        ...(r.severity !== 'warning' ? { severity: r.severity } : {}),
        ...(edit && r.weakClaim === undefined ? { fix: { title: `Add a claim stub for ${r.profile}/${r.requirement} (to fill in)`, edits: [edit], safe: false } } : {}),
      });
    }
  },
};

export function gapMessage(r: CoverageRow): string {
  const what = `${r.profile}/${r.requirement} (${r.citation}: ${r.title}) is not met`;
  if (r.weakClaim !== undefined) return `${what}: its claim (item ${r.weakClaim + 1} of compliance.claims) does not meet it yet — write a 'statement' or name ids of this policy in 'by'${r.check !== 'claim' ? `; or ${r.need}` : ''}`;
  return `${what}: ${r.need}${r.check !== 'claim' ? `, or add a claim for it in 'compliance.claims'` : ''}`;
}

/** Loads workspace profiles through the rule context (the workspace's Host; the link is remembered). */
export function profileLoader(ctx: RuleContext): ProfileLoader {
  return (ref) => {
    const l = ctx.link(ref, 'profile');
    if (l.state === 'broken') return l;
    return { state: 'ok', path: l.path, model: l.model as ProfileModel };
  };
}

/**
 * An edit that adds a claim naming `requirement` with an empty statement (which meets nothing
 * until it is filled in): before the first item of a block `claims:` list, or as a new
 * `claims:` key above `profiles:` in a block `compliance:` mapping. Undefined otherwise.
 */
function claimStub(ctx: RuleContext, requirement: string): Edit | undefined {
  const { text, lines } = ctx.parsed;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const c = obj(ctx.data.compliance);
  if (!c) return undefined;
  const item = (pad: string) => `requirement: ${requirement}${nl}${pad}statement: ""${nl}`;
  const claims = arr(c.claims);
  const first = obj(claims[0]);
  if (first) {
    const firstKey = Object.keys(first)[0];
    if (firstKey === undefined) return undefined;
    const [at] = ctx.offsets(['compliance', 'claims', 0, firstKey], 'key');
    const start = lines.lineStart(lines.position(at).line);
    const prefix = text.slice(start, at);
    if (!/^ *- +$/.test(prefix)) return undefined;
    return { start, end: start, newText: `${prefix}${item(' '.repeat(prefix.length))}` };
  }
  if (c.claims !== undefined) return undefined;
  const [at] = ctx.offsets(['compliance', 'profiles'], 'key');
  const start = lines.lineStart(lines.position(at).line);
  const indent = text.slice(start, at);
  if (!/^ +$/.test(indent)) return undefined;
  return { start, end: start, newText: `${indent}claims:${nl}${indent}  - ${item(`${indent}    `)}` };
}
