import { suffixKind } from '../model/kinds';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'kind-mismatch',
  severity: 'error',
  appliesTo: ['policy', 'roadmap', 'risk-report'],
  description: "The file name's suffix and the document's `kind` disagree.",
  check(ctx) {
    const expected = suffixKind(ctx.path);
    const declared = ctx.data.kind;
    if (!expected || typeof declared !== 'string' || declared === expected) return;
    if (!['policy', 'roadmap', 'risk-report'].includes(declared)) return; // the schema rule reports it
    const name = ctx.path.split(/[\\/]/).pop()!;
    ctx.report({
      path: ['kind'], at: 'value',
      message: `'${name}' is named like a ${expected === 'risk-report' ? 'risk report' : expected} but says kind: ${declared}; fix the kind or rename the file`,
      fix: { title: `Change kind to '${expected}'`, edits: [{ ...span(ctx.offsets(['kind'], 'value')), newText: expected }], safe: false },
    });
  },
};

function span([start, end]: [number, number]) { return { start, end }; }
