/**
 * A policy against its profiles (spec v2 §9): per requirement, met (by a check or a claim) or a
 * gap, with the ids that meet it, the policy element to link to, and what would satisfy it.
 */
import type { PolicyModel, ProfileModel, Requirement } from '../model/model';
import type { DataPath, Severity } from '../types';
import { runCheck } from './checks';
import { claimsOf, policyProfiles, type Claim, type ProfileEntry, type ProfileLoader } from './profiles';

export interface CoverageRow {
  profile: string;
  /** Index of the profile's entry in `compliance.profiles` (-1 when asked for from outside). */
  entry: number;
  /** Absolute path of a workspace profile; undefined for a built-in one. */
  profileFile?: string;
  requirement: string;
  citation: string;
  title: string;
  summary?: string;
  check: string;
  severity: Severity;
  status: 'met' | 'gap';
  via: 'check' | 'claim' | null;
  by: string[];
  /** The policy element that meets it (a check's element or the claim), when met. */
  path?: DataPath;
  /** What would satisfy it, when it is a gap. */
  need?: string;
  /** Where the published text says it (a claim's `section`), when met by a claim that gives one. */
  section?: string;
  /** A claim that names the requirement but does not yet meet it (empty, or naming unknown ids). */
  weakClaim?: number;
}

/** Does the claim meet its requirement: ids that all exist in the policy, or a statement with words. */
export function claimMeets(p: PolicyModel, c: Claim): boolean {
  if (c.by.length) return c.by.every((id) => p.byId.has(id) || p.byLevel.has(id));
  return c.statement !== undefined && c.statement.trim().length > 0;
}

export function evaluateProfile(p: PolicyModel, profile: ProfileModel, entry: number, profileFile?: string): CoverageRow[] {
  // Claims of this profile by requirement id: one pass, whatever the numbers of claims and requirements.
  const claims = new Map<string, Claim[]>();
  for (const c of claimsOf(p)) {
    if (c.profile !== profile.id || c.id === undefined) continue;
    const list = claims.get(c.id);
    if (list) list.push(c); else claims.set(c.id, [c]);
  }
  const rows: CoverageRow[] = [];
  const seen = new Set<string>();
  for (const r of profile.requirements) {
    if (seen.has(r.id)) continue; // a duplicate requirement id is the profile's finding
    seen.add(r.id);
    rows.push(evaluateRequirement(p, profile, r, claims, entry, profileFile));
  }
  return rows;
}

function evaluateRequirement(p: PolicyModel, profile: ProfileModel, r: Requirement, claims: Map<string, Claim[]>, entry: number, profileFile?: string): CoverageRow {
  const base = {
    profile: profile.id ?? '', entry, ...(profileFile ? { profileFile } : {}), requirement: r.id, citation: r.citation ?? '', title: r.title ?? r.id,
    ...(r.summary !== undefined ? { summary: r.summary } : {}), check: r.check ?? 'claim', severity: r.severity ?? 'warning',
  };
  const result = r.check === 'claim' ? undefined : runCheck(r.check, p, r.params);
  if (result?.met) return { ...base, status: 'met', via: 'check', by: result.by, ...(result.path ? { path: result.path } : {}) };
  const mine = claims.get(r.id) ?? [];
  const good = mine.find((c) => claimMeets(p, c));
  if (good) return { ...base, status: 'met', via: 'claim', by: good.by, path: ['compliance', 'claims', good.index], ...(good.section !== undefined ? { section: good.section } : {}) };
  const need = result?.need ?? "add a claim to 'compliance.claims' naming this requirement, with the ids that meet it ('by') or a 'statement'";
  return { ...base, status: 'gap', via: null, by: [], need, ...(mine.length ? { weakClaim: mine[0]!.index } : {}) };
}

export interface PolicyCoverage {
  entries: ProfileEntry[];
  rows: CoverageRow[];
}

/** Every listed profile that resolves, evaluated; unresolved entries are kept with their error. */
export function evaluatePolicy(p: PolicyModel, load: ProfileLoader): PolicyCoverage {
  const entries = policyProfiles(p, load);
  const rows: CoverageRow[] = [];
  const done = new Set<string>();
  for (const e of entries) {
    if (!e.profile || done.has(e.profile.id ?? '')) continue;
    done.add(e.profile.id ?? '');
    rows.push(...evaluateProfile(p, e.profile, e.index, e.file));
  }
  return { entries, rows };
}
