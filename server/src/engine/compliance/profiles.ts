/**
 * Profiles a policy is checked against: the built-in ones (profiles/*.profile.yaml, shipped as
 * strings in builtin-texts.ts and parsed once, on first use) and workspace profile files, which
 * the caller loads (the workspace, through its Host, so editor buffers and the web worker work).
 */
import { DEFAULT_LIMITS } from '../syntax/limits';
import { parseYaml } from '../syntax/parse';
import { arr, obj, profileModel, str, type PolicyModel, type ProfileModel } from '../model/model';
import { BUILTIN_TEXTS } from './builtin-texts';

export const BUILTIN_IDS: readonly string[] = Object.keys(BUILTIN_TEXTS);

const parsed = new Map<string, ProfileModel>();

/** A built-in profile by id, or undefined. */
export function builtinProfile(id: string): ProfileModel | undefined {
  if (!Object.prototype.hasOwnProperty.call(BUILTIN_TEXTS, id)) return undefined;
  let m = parsed.get(id);
  if (!m) {
    const data = obj(parseYaml(BUILTIN_TEXTS[id]!, DEFAULT_LIMITS).data) ?? {};
    m = profileModel(data);
    parsed.set(id, m);
  }
  return m;
}

/** The built-in profile's text (for hovers that show where it comes from, and docs). */
export function builtinText(id: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTIN_TEXTS, id) ? BUILTIN_TEXTS[id] : undefined;
}

/** An entry of `compliance.profiles` is a path when it names a file, else a built-in id. */
export function isProfilePath(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
}

/** How a caller loads a workspace profile file named by a relative path. */
export type ProfileLoader = (ref: string) => { state: 'ok'; path: string; model: ProfileModel } | { state: 'broken'; message: string };

export interface ProfileEntry {
  /** Index in `compliance.profiles`. */
  index: number;
  ref: string;
  /** Absolute path of a workspace profile; undefined for a built-in one. */
  file?: string;
  profile?: ProfileModel;
  /** Why the entry could not be used (unknown id, missing or broken file). */
  error?: string;
  /** The index of an earlier entry that already lists a profile with this id: this entry is
   *  left out (claims name requirements by profile id, so two would be ambiguous). */
  duplicateOf?: number;
}

/** The profiles a policy lists, resolved. */
export function policyProfiles(p: PolicyModel, load: ProfileLoader): ProfileEntry[] {
  const out: ProfileEntry[] = [];
  const seen = new Map<string, number>();
  arr(p.compliance?.profiles).forEach((v, index) => {
    const ref = str(v);
    if (ref === undefined) return;
    const e = resolveProfile(ref, index, load);
    const id = e.profile?.id;
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) { out.push({ index, ref, ...(e.file ? { file: e.file } : {}), duplicateOf: first }); return; }
      seen.set(id, index);
    }
    out.push(e);
  });
  return out;
}

export function resolveProfile(ref: string, index: number, load: ProfileLoader): ProfileEntry {
  if (!isProfilePath(ref)) {
    const profile = builtinProfile(ref);
    return profile ? { index, ref, profile } : { index, ref, error: `'${ref}' is not a built-in profile (they are ${BUILTIN_IDS.join(', ')}); a profile of your own is named by its relative path, e.g. ./${ref}.profile.yaml` };
  }
  const l = load(ref);
  if (l.state === 'broken') return { index, ref, error: l.message };
  if (!l.model.id) return { index, ref, file: l.path, error: `profile '${ref}' has no 'profile.id'; claims name its requirements as <profile id>/<requirement id>` };
  return { index, ref, file: l.path, profile: l.model };
}

export interface Claim {
  index: number;
  requirement?: string;
  profile?: string;
  id?: string;
  by: string[];
  statement?: string;
  section?: string;
}

/** The claims of a policy, read defensively. */
export function claimsOf(p: PolicyModel): Claim[] {
  return arr(p.compliance?.claims).flatMap((v, index) => {
    const c = obj(v);
    if (!c) return [];
    const requirement = str(c.requirement);
    const slash = requirement?.indexOf('/') ?? -1;
    return [{
      index, requirement,
      ...(requirement !== undefined && slash > 0 ? { profile: requirement.slice(0, slash), id: requirement.slice(slash + 1) } : {}),
      by: arr(c.by).filter((x): x is string => typeof x === 'string'),
      statement: str(c.statement), section: str(c.section),
    }];
  });
}
