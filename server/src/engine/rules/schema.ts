import { sourceOf } from '../syntax/locate';
import { formatOf, obj } from '../model/model';
import { schemaName, validate } from '../model/schema';
import type { DataPath } from '../types';
import type { Rule, RuleContext } from './rule';

/** A goal's owner and due date have dedicated rules: one problem, one finding. */
const COVERED = [
  /^\/goals\/\d+\/(owner|due)$/,
  // A profile entry that is no built-in id: unknown-reference names it (with "did you mean").
  /^\/compliance\/profiles\/\d+$/,
  // A claim's empty statement (the quick fix's stub): compliance-gap says it meets nothing yet.
  /^\/compliance\/claims\/\d+\/statement$/,
];

/**
 * The v1 names that rsp/v2 renamed (spec v2 §0): in a v2 document each is one finding on its key
 * that names the new name, with the rename as its fix — not also an unknown key and a missing
 * field. The patterns are the JSON pointers of ajv's errors that the finding replaces.
 */
interface Renamed { path: DataPath; from: string; to: string; covers: RegExp[] }

function renamedKeys(data: Record<string, unknown>): Renamed[] {
  const out: Renamed[] = [];
  const has = (o: Record<string, unknown> | undefined, k: string) => !!o && Object.prototype.hasOwnProperty.call(o, k);
  if (has(data, 'asl_standards')) out.push({ path: ['asl_standards'], from: 'asl_standards', to: 'standards', covers: [/^\/asl_standards$/, /^\/standards$/] });
  for (const list of ['standards', 'asl_standards']) {
    const items = data[list];
    if (!Array.isArray(items)) continue;
    items.forEach((it, i) => {
      const o = obj(it);
      if (has(o, 'level') && !has(o, 'id')) {
        out.push({ path: [list, i, 'level'], from: 'level', to: 'id', covers: [new RegExp(`^/${list}/${i}/(level|id)$`)] });
      }
    });
  }
  const assessments = data.assessments;
  if (Array.isArray(assessments)) {
    assessments.forEach((it, i) => {
      if (has(obj(it), 'asl_applied')) out.push({ path: ['assessments', i, 'asl_applied'], from: 'asl_applied', to: 'standard_applied', covers: [new RegExp(`^/assessments/${i}/asl_applied$`)] });
    });
  }
  const report = obj(data.report);
  if (has(report, 'model') && !has(report, 'models')) out.push({ path: ['report', 'model'], from: 'model', to: 'models', covers: [/^\/report\/models?$/] });
  return out;
}

export const rule: Rule = {
  id: 'schema',
  severity: 'error',
  appliesTo: ['policy', 'roadmap', 'risk-report', 'profile'],
  description: 'The document does not match the JSON schema of its kind and format: a missing required field, a wrong type, a value not in an enum, a bad id or date, an unknown key, or a v1 name in an rsp/v2 document.',
  check(ctx: RuleContext) {
    const doc = ctx.parsed.doc!;
    const format = formatOf(ctx.data);
    const renamed = format === 2 ? renamedKeys(ctx.data) : [];
    for (const r of renamed) {
      ctx.report({ path: r.path, at: 'key', message: `'${r.from}' is the rsp/v1 name; in an rsp/v2 document it is '${r.to}'`, replacement: r.to });
    }
    const problems = validate(schemaName(ctx.kind, format), ctx.data, {
      coveredByRules: [...COVERED, ...renamed.flatMap((r) => r.covers)],
      sourceOf: (p) => sourceOf(doc, ctx.parsed.text, p),
    });
    for (const p of problems) ctx.report({ path: p.path, at: p.at, message: p.message, ...(p.replacement ? { replacement: p.replacement } : {}) });
  },
};
