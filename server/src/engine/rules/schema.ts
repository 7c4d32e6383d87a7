import { sourceOf } from '../syntax/locate';
import { validate } from '../model/schema';
import type { Rule } from './rule';

/** A goal's owner and due date have dedicated rules: one problem, one finding. */
const COVERED = [/^\/goals\/\d+\/(owner|due)$/];

export const rule: Rule = {
  id: 'schema',
  severity: 'error',
  appliesTo: ['policy', 'roadmap', 'risk-report'],
  description: 'The document does not match the JSON schema of its kind: a missing required field, a wrong type, a value not in an enum, a bad id or date, or an unknown key.',
  check(ctx) {
    const doc = ctx.parsed.doc!;
    const problems = validate(ctx.kind, ctx.data, {
      coveredByRules: COVERED,
      sourceOf: (p) => sourceOf(doc, ctx.parsed.text, p),
    });
    for (const p of problems) ctx.report({ path: p.path, at: p.at, message: p.message, ...(p.replacement ? { replacement: p.replacement } : {}) });
  },
};
