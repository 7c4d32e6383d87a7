/**
 * The structural checks of spec v2 §9.1: each a small pure function of the policy model (and
 * the requirement's `params`) that says whether the policy shows the requirement met, which
 * ids show it (`by`), the element that meets it (`path`) and, when it does not, which field
 * would satisfy it (`need`, in a policy writer's words).
 */
import { arr, obj, str, type PolicyModel, type Threshold } from '../model/model';
import type { DataPath } from '../types';

type Obj = Record<string, unknown>;

export interface CheckResult {
  met: boolean;
  /** Ids of the policy that show it met (thresholds, standards, roles, decisions...). */
  by: string[];
  /** The policy element that meets it (for links), when one does. */
  path?: DataPath;
  /** What would satisfy it: the field to add or change. Set when not met. */
  need?: string;
}

export type CheckFn = (p: PolicyModel, params: Obj) => CheckResult;

const pass = (by: string[], path?: DataPath): CheckResult => ({ met: true, by, ...(path ? { path } : {}) });
const gap = (need: string, by: string[] = []): CheckResult => ({ met: false, by, need });

/** Does the threshold name any safeguard (its own, or through a required standard)? O(required standards). */
const namesSafeguards = (p: PolicyModel, t: Threshold): boolean =>
  t.safeguards.length > 0 || t.requiresAll.some((r) => { const s = p.byLevel.get(r.id); return !!s && s.deployment.length + s.security.length > 0; });
const roleThresholds = (p: PolicyModel): Threshold[] => p.thresholds.filter((t) => t.role === 'threshold');
const posInt = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;
const list = (ids: string[], max = 3): string => (ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`);
const gov = (p: PolicyModel, part: string): Obj | undefined => obj(p.governance?.[part]);

/** Every threshold (role threshold) passes `ok`; none at all is a gap too: nothing shows it. */
function everyThreshold(p: PolicyModel, ok: (t: Threshold) => boolean, field: string, what: string): CheckResult {
  const ths = roleThresholds(p);
  if (!ths.length) return gap(`add a threshold (an entry of 'thresholds' with role 'threshold') with ${field}`);
  const bad = ths.filter((t) => !ok(t)).map((t) => t.id);
  if (bad.length) return gap(`${what} ${list(bad)}: add ${field}`);
  return pass(ths.map((t) => t.id), ths[0]!.path);
}

/** Standards required by some threshold (role threshold) that have safeguards on `side`. */
function standardWith(p: PolicyModel, side: 'deployment' | 'security'): CheckResult {
  const required = new Set(roleThresholds(p).flatMap((t) => t.requiresAll.map((r) => r.id)));
  const ok = p.standards.filter((s) => required.has(s.level) && s[side].length > 0);
  if (ok.length) return pass(ok.map((s) => s.level), [...ok[0]!.path, side]);
  return gap(required.size
    ? `give a standard that a threshold requires (${list([...required])}) a '${side}' list of safeguards`
    : `add a standard with '${side}' safeguards and name it in a threshold's 'requires'`);
}

export const CHECKS: Readonly<Record<string, CheckFn>> = {
  'thresholds-defined': (p) => {
    const ths = roleThresholds(p);
    return ths.length ? pass(ths.map((t) => t.id), ths[0]!.path) : gap("add at least one entry to 'thresholds' (role 'threshold', the default)");
  },
  'safeguards-for-thresholds': (p) => everyThreshold(p, (t) => namesSafeguards(p, t), "'requires' (a standard that lists safeguards) or 'safeguards'", 'no safeguards named for threshold'),
  'evaluations-defined': (p) => everyThreshold(p, (t) => t.evaluations.length > 0, "an entry in 'evaluations'", 'no evaluation for threshold'),
  'evaluation-cadence': (p) => {
    const evals = p.thresholds.flatMap((t) => t.evaluations);
    if (!evals.length) return gap("add evaluations to the thresholds, each with a 'cadence' (when it runs)");
    const bad = evals.filter((e) => !nonEmpty(e.cadence)).map((e) => e.id);
    return bad.length ? gap(`evaluation ${list(bad)} states no 'cadence': say when it runs (e.g. before each frontier deployment)`) : pass(evals.map((e) => e.id), [...evals[0]!.path, 'cadence']);
  },
  'early-warning': (p) => {
    const alerts = p.thresholds.filter((t) => t.role === 'alert');
    return alerts.length ? pass(alerts.map((t) => t.id), alerts[0]!.path) : gap("add a threshold with 'role: alert' and 'warns: <threshold id>' (an early-warning level)");
  },
  'security-standard': (p) => standardWith(p, 'security'),
  'deployment-standard': (p) => standardWith(p, 'deployment'),
  'halting-conditions': (p) => everyThreshold(p, (t) => t.ifUnmet.length > 0, "'if_unmet' (e.g. [pause-deployment, pause-development])", 'no halting conditions for threshold'),
  'accountable-role': (p) => {
    if (!p.roles.length) return gap("add 'governance.roles' (e.g. a Responsible Scaling Officer) and name them in each decision's 'by'");
    const bad = arr(p.governance?.decisions).flatMap((d, i) => { const o = obj(d); return o && !arr(o.by).length && typeof o.by !== 'string' ? [str(o.id) ?? `#${i + 1}`] : []; });
    if (bad.length) return gap(`decision ${list(bad)} names no 'by': say which role takes it`);
    return pass(p.roles.map((r) => r.id), ['governance', 'roles']);
  },
  'deployment-decision': (p) => {
    const i = arr(p.governance?.decisions).findIndex((d) => obj(d)?.decision === 'deploy' && nonEmpty(obj(d)?.criteria));
    if (i < 0) return gap("add a 'governance.decisions' entry with 'decision: deploy', 'by' and 'criteria' (on what the decision rests)");
    const id = str(obj(arr(p.governance?.decisions)[i])?.id);
    return pass(id ? [id] : [], ['governance', 'decisions', i]);
  },
  'framework-review': (p, params) => {
    const max = posInt(params.max_months);
    const have = posInt(gov(p, 'review')?.cadence_months);
    if (max === undefined) return gap("the profile gives this requirement no 'max_months'");
    if (have === undefined) return gap(`add 'governance.review.cadence_months' (at most ${max}) and its 'owner'`);
    if (have > max) return gap(`'governance.review.cadence_months' is ${have}; at most ${max} is required`);
    return pass([], ['governance', 'review', 'cadence_months']);
  },
  'incident-reporting': (p, params) => {
    const maxH = posInt(params.max_hours) ?? (posInt(params.max_days) !== undefined ? posInt(params.max_days)! * 24 : undefined);
    const imminent = posInt(params.imminent_max_hours);
    if (maxH === undefined) return gap("the profile gives this requirement no 'max_days' or 'max_hours'");
    const ir = gov(p, 'incident_response');
    const want = maxH % 24 === 0 && params.max_hours === undefined ? `${maxH / 24} days` : `${maxH} hours`;
    const skeleton = `'governance.incident_response' with 'report_within_days' or 'report_within_hours' (at most ${want})${imminent !== undefined ? ` and 'imminent_danger_within_hours' (at most ${imminent})` : ''}`;
    if (!ir) return gap(`add ${skeleton}`);
    const h = posInt(ir.report_within_hours) ?? (posInt(ir.report_within_days) !== undefined ? posInt(ir.report_within_days)! * 24 : undefined);
    if (h === undefined) return gap(`add to ${skeleton.replace(' with ', ': ')}`);
    if (h > maxH) return gap(`incidents are reported within ${ir.report_within_hours !== undefined ? `${h} hours` : `${h / 24} days`}; at most ${want} is required`);
    if (imminent !== undefined) {
      const ih = posInt(ir.imminent_danger_within_hours);
      if (ih === undefined) return gap(`add 'governance.incident_response.imminent_danger_within_hours' (at most ${imminent}): the deadline when lives are at imminent risk`);
      if (ih > imminent) return gap(`'imminent_danger_within_hours' is ${ih}; at most ${imminent} is required`);
    }
    return pass([], ['governance', 'incident_response']);
  },
  'domains-covered': (p, params) => {
    const domains = arr(params.domains).filter((d): d is string => typeof d === 'string');
    if (!domains.length) return gap("the profile gives this requirement no 'domains'");
    const missing = domains.filter((d) => !p.thresholds.some((t) => t.domain === d));
    if (missing.length) return gap(`add a threshold with 'domain: ${missing[0]}'${missing.length > 1 ? ` (and for ${missing.slice(1).join(', ')})` : ''}`);
    const ths = p.thresholds.filter((t) => t.domain !== undefined && domains.includes(t.domain));
    return pass(ths.map((t) => t.id), ths[0]?.path);
  },
  'change-log': (p) => {
    if (p.version === undefined) return gap("give the policy a 'version' and a 'changes' entry for it with a 'date'");
    const i = p.changes.findIndex((c) => c.version === p.version && c.date !== undefined);
    return i >= 0 ? pass([], p.changes[i]!.path) : gap(`add a 'changes' entry for version ${p.version} with its 'date' and a summary`);
  },
  'noncompliance-reporting': (p) => {
    const n = p.governance?.noncompliance_reporting;
    if (nonEmpty(n) || nonEmpty(obj(n)?.channel)) return pass([], ['governance', 'noncompliance_reporting']);
    return gap("add 'governance.noncompliance_reporting' with its 'channel' (how staff raise concerns) and 'anonymous: true' if it is");
  },
  'external-review': (p) => {
    if (p.governance?.external_review !== undefined && p.governance.external_review !== null) return pass([], ['governance', 'external_review']);
    if (p.riskReportsExternalReview === true) return pass([], ['risk_reports', 'external_review']);
    return gap("add 'governance.external_review' (by whom, what scope) or set 'risk_reports.external_review: true'");
  },
  'risk-reporting': (p, params) => {
    const max = posInt(params.max_months);
    if (max === undefined) return gap("the profile gives this requirement no 'max_months'");
    if (p.cadenceMonths === undefined) return gap(`add 'risk_reports.cadence_months' (at most ${max})`);
    if (p.cadenceMonths > max) return gap(`'risk_reports.cadence_months' is ${p.cadenceMonths}; at most ${max} is required`);
    return pass([], ['risk_reports', 'cadence_months']);
  },
  publication: (p) => (nonEmpty(p.url) ? pass([], ['policy', 'url']) : gap("add 'policy.url': where the published text of the policy can be read")),
  claim: () => gap("add a claim to 'compliance.claims' naming this requirement, with the ids that meet it ('by') or a 'statement'"),
};

export const CHECK_IDS: readonly string[] = Object.keys(CHECKS);

/** Runs a check by id; an unknown id is a gap that says so (the profile has the finding). */
export function runCheck(check: string | undefined, p: PolicyModel, params: Obj | undefined): CheckResult {
  const fn = check !== undefined && Object.prototype.hasOwnProperty.call(CHECKS, check) ? CHECKS[check]! : undefined;
  if (!fn) return gap(`the profile names no known check here${check !== undefined ? ` ('${check}')` : ''}; only a claim can meet it`);
  return fn(p, params ?? {});
}
