/** `.rsp-lint.yaml`: rule severities and limits for the documents below its folder. */
import { DEFAULT_LIMITS, LIMIT_CEILINGS, LIMIT_FLOORS, type Limits } from '../syntax/limits';
import { locate } from '../syntax/locate';
import { obj } from '../model/model';
import { parseYaml } from '../syntax/parse';
import { RULES_BY_ID } from '../rules';
import { validate } from '../model/schema';
import { closest, didYouMean } from '../model/suggest';
import type { Finding, SeverityOrOff } from '../types';

export interface ResolvedConfig {
  /** Absolute path of the configuration file, when there is one. */
  path?: string;
  rules: ReadonlyMap<string, SeverityOrOff>;
  limits: Limits;
  /** Problems in the configuration file itself (rule `config`). */
  findings: Finding[];
}

export const EMPTY_CONFIG: ResolvedConfig = Object.freeze({ rules: new Map(), limits: DEFAULT_LIMITS, findings: [] });

const LIMIT_KEYS: Record<string, keyof Limits> = {
  max_file_bytes: 'maxFileBytes', max_depth: 'maxDepth', max_alias_expansion: 'maxAliasExpansion', max_findings_per_file: 'maxFindingsPerFile',
};

export function parseConfig(path: string, text: string): ResolvedConfig {
  const parsed = parseYaml(text, DEFAULT_LIMITS);
  const findings: Finding[] = [];
  const add = (start: number, end: number, message: string) => {
    if (end <= start && start < text.length) end = start + 1;
    findings.push({ rule: 'config', severity: RULES_BY_ID.get('config')!.severity, message, range: parsed.lines.range(start, end), offsets: [start, end] });
  };
  if (parsed.blocking || !parsed.doc) {
    for (const p of parsed.problems) add(p.start, p.end, `invalid configuration: ${p.message}`);
    return { path, rules: new Map(), limits: DEFAULT_LIMITS, findings };
  }
  for (const p of parsed.problems) add(p.start, p.end, p.message); // tag warnings
  const data = parsed.data;
  const rules = new Map<string, SeverityOrOff>();
  const limits: Limits = { ...DEFAULT_LIMITS };
  if (data === null || data === undefined) return { path, rules, limits, findings };
  for (const p of validate('config', data, { label: 'the configuration' })) {
    const [s, e] = locate(parsed.doc, p.path, p.at);
    add(s, e, p.message);
  }
  const o = obj(data);
  const r = obj(o?.rules);
  if (r) {
    for (const [id, sev] of Object.entries(r)) {
      if (!RULES_BY_ID.has(id)) {
        const [s, e] = locate(parsed.doc, ['rules', id], 'key');
        add(s, e, `unknown rule '${id}'${didYouMean(closest(id, RULES_BY_ID.keys())) || `; rules are: ${[...RULES_BY_ID.keys()].join(', ')}`}`);
        continue;
      }
      if (sev === 'off' || sev === 'error' || sev === 'warning' || sev === 'information' || sev === 'hint') rules.set(id, sev);
    }
  }
  const l = obj(o?.limits);
  if (l) {
    for (const [k, field] of Object.entries(LIMIT_KEYS)) {
      const v = l[k];
      // Out-of-range values are reported (schema) and not used: a config cannot disable a limit.
      if (typeof v === 'number' && Number.isInteger(v) && v >= LIMIT_FLOORS[field] && v <= LIMIT_CEILINGS[field]) limits[field] = v;
    }
  }
  // The configuration's own problems obey its severity for `config` (but are never silenced).
  const own = rules.get('config');
  if (own && own !== 'off') for (const f of findings) f.severity = own;
  return { path, rules, limits, findings };
}
