/**
 * JSON-Schema validation with ajv, and the mapping of each ajv error to one finding on
 * the smallest node that shows it, with a message that names the allowed values and the
 * closest match.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import policySchema from '../../../../schemas/policy.schema.json';
import roadmapSchema from '../../../../schemas/roadmap.schema.json';
import reportSchema from '../../../../schemas/risk-report.schema.json';
import configSchema from '../../../../schemas/rsp-lint-config.schema.json';
import policyV2Schema from '../../../../schemas/policy.v2.schema.json';
import roadmapV2Schema from '../../../../schemas/roadmap.v2.schema.json';
import reportV2Schema from '../../../../schemas/risk-report.v2.schema.json';
import profileSchema from '../../../../schemas/profile.v2.schema.json';
import type { Anchor } from '../syntax/locate';
import { describe as describeAt } from './label';
import { closest, didYouMean, quoteList } from './suggest';
import type { DataPath, DocKind } from '../types';

export interface SchemaProblem {
  path: DataPath;
  at: Anchor;
  message: string;
  /** A replacement for the node at `path`/`at` (a misspelled key or value). */
  replacement?: string;
}

/** A document kind's schema in a format (`policy` is v1, `policy@2` v2; profiles exist only in v2). */
export type SchemaName = DocKind | 'config' | 'policy@2' | 'roadmap@2' | 'risk-report@2';
const SCHEMAS: Record<SchemaName, object> = {
  policy: policySchema, roadmap: roadmapSchema, 'risk-report': reportSchema, config: configSchema,
  'policy@2': policyV2Schema, 'roadmap@2': roadmapV2Schema, 'risk-report@2': reportV2Schema, profile: profileSchema,
};

/** The schema of a kind in a format version. */
export function schemaName(kind: DocKind | 'config', format: 1 | 2): SchemaName {
  return format === 2 && kind !== 'config' && kind !== 'profile' ? `${kind}@2` : kind;
}
/** The document kind a schema checks. */
function kindOf(name: SchemaName): DocKind | undefined { return name === 'config' ? undefined : name.replace('@2', '') as DocKind; }
const validators = new Map<SchemaName, ValidateFunction>();

let ajv: Ajv | undefined;
function validatorFor(name: SchemaName): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    if (!ajv) {
      ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, allowUnionTypes: true });
      ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
      addFormats(ajv, ['date']);
    }
    v = ajv.compile(SCHEMAS[name]);
    validators.set(name, v);
  }
  return v;
}

export function schemaFor(name: SchemaName): Record<string, unknown> { return SCHEMAS[name] as Record<string, unknown>; }

/** Keys of `item` that are not allowed there but look like a misspelling of `key`. */
export function hasMisspelledKey(item: unknown, allowed: readonly string[], key: string): boolean {
  if (!item || typeof item !== 'object') return false;
  return Object.keys(item).some((k) => !allowed.includes(k) && closest(k, allowed) === key);
}

export const GOAL_KEYS: readonly string[] = Object.keys(
  ((roadmapSchema as { properties: { goals: { items: { properties: object } } } }).properties.goals.items.properties),
);

function toPath(pointer: string): DataPath {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => {
    const u = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9]\d*)$/.test(u) ? Number(u) : u;
  });
}

const TYPE_NAMES: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', integer: 'a whole number', number: 'a number', boolean: 'true or false', null: 'empty' };
function typeOf(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  if (typeof v === 'boolean') return `the boolean ${v}`;
  return `a ${typeof v}`;
}

/** Lower is more specific: we keep one error per value, the most telling one. */
const MAX_PROBLEMS = 200;

const VALUE_KEYWORDS = ['type', 'const', 'enum', 'pattern', 'format', 'minLength', 'minimum', 'maximum', 'minItems', 'uniqueItems'];

export interface ValidateOptions {
  /** Paths (as JSON pointers matched by these patterns) that dedicated rules cover. */
  coveredByRules?: RegExp[];
  sourceOf?: (path: DataPath) => string | undefined;
  /** How to name the root in messages (default: by document kind). */
  label?: string;
}

export function validate(name: SchemaName, data: unknown, opts: ValidateOptions = {}): SchemaProblem[] {
  const kind = kindOf(name);
  if (data === null || data === undefined) {
    return [{ path: [], at: 'item', message: name === 'config'
      ? 'the configuration is empty; add `rules:` or delete the file'
      : `the document is empty; an RSP ${kind === 'risk-report' ? 'risk report' : kind} starts with 'format: rsp/${name.endsWith('@2') || kind === 'profile' ? 'v2' : 'v1'}' and 'kind: ${kind}'` }];
  }
  const v = validatorFor(name);
  if (v(data)) return [];
  const all = (v.errors ?? []).filter((e) => !(opts.coveredByRules ?? []).some((re) => re.test(pointerOf(e))));
  // Locating each problem costs a walk of the tree: a hostile document with 100,000 unknown
  // keys gets the first MAX_PROBLEMS and one summary.
  const errors = all.slice(0, MAX_PROBLEMS);
  const byValue = new Map<string, ErrorObject>();
  const out: SchemaProblem[] = [];
  // A misspelled key ('ownr') is one problem: report the unknown key, not also the missing one.
  const misspelt = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    const best = closest(extra, Object.keys(((e.parentSchema as Record<string, unknown>)?.properties ?? {}) as object));
    if (best) misspelt.add(`${e.instancePath}/${best}`);
  }
  for (const e of errors) {
    if (e.keyword === 'required' && misspelt.has(pointerOf(e))) continue;
    if (VALUE_KEYWORDS.includes(e.keyword)) {
      const prev = byValue.get(e.instancePath);
      if (!prev || VALUE_KEYWORDS.indexOf(e.keyword) < VALUE_KEYWORDS.indexOf(prev.keyword)) byValue.set(e.instancePath, e);
      continue;
    }
    const p = mapError(e, data, kind, opts);
    if (p) out.push(p);
  }
  for (const e of byValue.values()) {
    const p = mapError(e, data, kind, opts);
    if (p) out.push(p);
  }
  if (all.length > MAX_PROBLEMS) out.push({ path: [], at: 'item', message: `${all.length - MAX_PROBLEMS} more schema problems not shown; fix the ones above first` });
  // The same problem found by two branches of a schema (a key unknown to both a field and the
  // check-specific rule for it) is one finding.
  const seen = new Set<string>();
  return out.filter((p) => { const k = `${p.path.join('\u0000')}\u0001${p.at}\u0001${p.message}`; return !seen.has(k) && !!seen.add(k); });
}

/** The pointer a finding is about: for `required`, the missing property's own path. */
function pointerOf(e: ErrorObject): string {
  if (e.keyword === 'required') return `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`;
  return e.instancePath;
}

function fieldName(path: DataPath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return 'value';
}

function mapError(e: ErrorObject, data: unknown, kind: DocKind | undefined, opts: ValidateOptions): SchemaProblem | undefined {
  const path = toPath(e.instancePath);
  const describe = (d: unknown, p: DataPath, k: DocKind | undefined) => (p.length === 0 && opts.label ? opts.label : describeAt(d, p, k));
  const ps = (e.parentSchema ?? {}) as Record<string, unknown>;
  const value = e.data;
  const name = fieldName(path);
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const where = describe(data, path, kind);
      return { path, at: path.length === 0 ? 'item' : 'key', message: `${where} lacks the required field '${missing}'${hint(ps, missing)}` };
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((ps.properties ?? {}) as object);
      const best = closest(extra, allowed);
      const where = describe(data, path, kind);
      return {
        path: [...path, extra], at: 'key',
        message: best ? `unknown key '${extra}' in ${where}${didYouMean(best)}` : `unknown key '${extra}' in ${where}; allowed keys: ${quoteList(allowed, 20)}`,
        ...(best ? { replacement: best } : {}),
      };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      const best = typeof value === 'string' ? closest(value, allowed.map(String)) : undefined;
      const what = path[0] === 'rules' && path.length === 2 ? `severity for rule '${name}'` : name;
      return {
        path, at: 'value',
        message: `${show(value)} is not a valid ${what}; expected one of ${quoteList(allowed)}${didYouMean(best)}`,
        ...(best ? { replacement: best } : {}),
      };
    }
    case 'const': {
      const want = String((e.params as { allowedValue: unknown }).allowedValue);
      const close = typeof value === 'string' && closest(value, [want]) ? { replacement: want } : {};
      if (name === 'format') {
        const best = typeof value === 'string' ? closest(value, ['rsp/v1', 'rsp/v2']) : undefined;
        return { path, at: 'value', message: `unsupported format ${show(value)}; this tool reads 'rsp/v1' and 'rsp/v2'${didYouMean(best)}`, ...(best ? { replacement: best } : {}) };
      }
      return { path, at: 'value', message: `${name} must be '${want}', not ${show(value)}`, ...close };
    }
    case 'type': {
      const want = ([] as string[]).concat((e.params as { type: string | string[] }).type).map((t) => TYPE_NAMES[t] ?? t).join(' or ');
      if (path.length === 0) return { path, at: 'item', message: `an RSP document is a mapping with 'format: rsp/v1' and 'kind: …' at the top, not ${typeOf(value)}` };
      const src = opts.sourceOf?.(path);
      const quotable = want === 'a string' && (typeof value === 'number' || typeof value === 'boolean') && src && !src.includes('"');
      return {
        path, at: 'value', message: `'${name}' must be ${want}, not ${typeOf(value)}${quotable ? `; quote it: "${src}"` : ''}`,
        ...(quotable ? { replacement: `"${src}"` } : {}),
      };
    }
    case 'pattern': {
      const why = typeof ps.patternErrorMessage === 'string' ? ps.patternErrorMessage : `it must match ${String((e.params as { pattern: string }).pattern)}`;
      const fix = typeof value === 'string' ? repairPattern(value, String((e.params as { pattern: string }).pattern)) : undefined;
      return { path, at: 'value', message: `${show(value)} is not a valid ${name === 'value' ? 'value' : name}: ${why}${didYouMean(fix)}`, ...(fix ? { replacement: fix } : {}) };
    }
    case 'format':
      return { path, at: 'value', message: `${show(value)} is not a real date; write YYYY-MM-DD with a valid month and day` };
    case 'minLength':
      return { path, at: 'value', message: `'${name}' must not be empty` };
    case 'minimum':
    case 'maximum': {
      const lim = (e.params as { limit: number }).limit;
      return { path, at: 'value', message: `'${name}' must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${lim}, not ${show(value)}` };
    }
    case 'minItems':
      return { path, at: 'key', message: `'${name}' must list at least ${(e.params as { limit: number }).limit} item` };
    case 'uniqueItems': {
      const { i } = e.params as { i: number; j: number };
      return { path: [...path, i], at: 'value', message: `'${name}' lists ${show((value as unknown[])[i])} twice; remove one` };
    }
    case 'if': // the failed 'then' has its own errors (the field it requires): one problem, one finding
      return undefined;
    case 'maxProperties':
      if ((e.params as { limit: number }).limit === 0) return { path, at: 'key', message: `'${name}' must be empty here${ps.description ? `: ${String(ps.description).replace(/\.$/, '').toLowerCase()}` : ''}; remove it` };
      return { path, at: 'value', message: `${name}: ${e.message ?? 'too many entries'}` };
    default:
      return { path, at: 'value', message: `${name}: ${e.message ?? 'invalid'}` };
  }
}

function hint(ps: Record<string, unknown>, prop: string): string {
  const props = ps.properties as Record<string, { description?: string }> | undefined;
  const d = props?.[prop]?.description;
  if (!d) return '';
  // The first sentence: a full stop and a space end it, but not the one in 'e.g.' or 'i.e.'.
  const first = d.split(/(?<!\b(?:e\.g|i\.e)\.)(?<=\.)\s/)[0]!.replace(/\.$/, '');
  return ` (${first.charAt(0).toLowerCase()}${first.slice(1)})`;
}

function show(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 60 ? v.slice(0, 57) + '…' : v}'`;
  if (v === null || v === undefined) return 'an empty value';
  if (typeof v === 'object') return Array.isArray(v) ? 'a list' : 'a mapping';
  return String(v);
}

/** A plausible intended value for a common slip: "asl 3" → "ASL-3", "CBRN 3" → "CBRN-3". */
function repairPattern(value: string, pattern: string): string | undefined {
  if (pattern.startsWith('^ASL')) {
    const m = /^\s*asl[\s_.-]*([1-9])\s*$/i.exec(value);
    return m ? `ASL-${m[1]}` : undefined;
  }
  const fixed = value.trim().replace(/\s+/g, '-').replace(/[^A-Za-z0-9._-]/g, '');
  return fixed && fixed !== value && new RegExp(pattern).test(fixed) ? fixed : undefined;
}
