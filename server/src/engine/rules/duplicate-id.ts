import type { DataPath } from '../types';
import type { Rule, RuleContext } from './rule';
import { policyProfiles } from '../compliance/profiles';
import { profileLoader } from './compliance-gap';

export const rule: Rule = {
  id: 'duplicate-id',
  severity: 'error',
  appliesTo: ['policy', 'roadmap', 'risk-report', 'profile'],
  description: "An id is defined twice in one document's namespace (a profile's requirement ids among them), or a policy lists one compliance profile twice.",
  check(ctx) {
    const m = ctx.model;
    if (m.kind === 'policy') {
      if (m.format === 1) once(ctx, m.standards.map((s) => ({ key: s.level, path: [...s.path, s.idKey] })), (k, l) => `standard ${k} is defined twice (first on line ${l}); merge the two`);
      once(ctx, m.defs.map((d) => ({ key: d.id, path: [...d.path, 'id'], what: d.kind })), (k, l, what) => `id '${k}' is already used by ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} on line ${l}; ids of a policy (safeguards, thresholds, evaluations, commitments) share one namespace`);
      if (m.compliance) {
        const entries = policyProfiles(m, profileLoader(ctx));
        for (const e of entries) {
          if (e.duplicateOf === undefined) continue;
          const first = entries.find((x) => x.index === e.duplicateOf);
          if (first?.ref === e.ref) continue; // the same entry written twice: the schema says so (unique items)
          const id = first?.profile?.id ?? e.ref;
          const line = ctx.parsed.lines.position(ctx.offsets(['compliance', 'profiles', e.duplicateOf], 'value')[0]).line + 1;
          ctx.report({ path: ['compliance', 'profiles', e.index], at: 'value', message: `profile '${id}' is already listed on line ${line} (as '${first?.ref ?? id}'); claims name requirements by profile id, so list each profile once` });
        }
      }
    } else if (m.kind === 'roadmap') {
      once(ctx, m.goals.flatMap((g) => (g.id ? [{ key: g.id, path: [...g.path, 'id'] }] : [])), (k, l) => `goal id '${k}' is already used on line ${l}; give each goal its own id`);
    } else if (m.kind === 'profile') {
      once(ctx, m.requirements.map((r) => ({ key: r.id, path: [...r.path, 'id'] })), (k, l) => `requirement id '${k}' is already used on line ${l}; give each requirement its own id`);
    } else {
      once(ctx, m.assessments.flatMap((a) => (a.threshold ? [{ key: a.threshold, path: [...a.path, 'threshold'] }] : [])), (k, l) => `threshold ${k} is already assessed on line ${l}; one assessment per threshold`);
      once(ctx, m.statuses.flatMap((s) => (s.safeguard ? [{ key: s.safeguard, path: [...s.path, 'safeguard'] }] : [])), (k, l) => `safeguard ${k} already has a status on line ${l}; one status per safeguard`);
    }
  },
};

interface Entry { key: string; path: DataPath; what?: string }

function once(ctx: RuleContext, entries: Entry[], message: (key: string, firstLine: number, what: string) => string): void {
  const seen = new Map<string, Entry>();
  for (const e of entries) {
    const first = seen.get(e.key);
    if (!first) { seen.set(e.key, e); continue; }
    const line = ctx.parsed.lines.position(ctx.offsets(first.path, 'value')[0]).line + 1;
    ctx.report({ path: e.path, at: 'value', message: message(e.key, line, first.what ?? 'definition') });
  }
}
