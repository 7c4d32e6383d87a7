/**
 * What editors ask about compliance: the `<profile>/<requirement>` reference under the cursor
 * (hover, definition), requirement ids to complete, and the claims that cite a requirement of a
 * workspace profile (references). Profiles resolve as the rules resolve them.
 */
import { claimsOf, policyProfiles, type ProfileEntry } from '../compliance/profiles';
import type { PolicyModel, ProfileModel, Requirement } from '../model/model';
import { locate } from '../syntax/locate';
import { md, mdCode, mdJoin, type Markdown } from '../../encode';
import type { LoadedDoc, Workspace } from '../workspace/workspace';
import { profileLoaderFor } from './coverage';

export interface RequirementRef {
  start: number;
  end: number;
  profileId: string;
  requirementId: string;
  entry?: ProfileEntry;
  requirement?: Requirement;
}

/** The profiles a policy document lists, resolved (not cached here: a profile file may change
 *  while the policy does not; the workspace caches the loaded files). */
export function profilesOf(ws: Workspace, doc: LoadedDoc): ProfileEntry[] {
  const m = doc.model;
  if (!m || m.kind !== 'policy') return [];
  return policyProfiles(m, profileLoaderFor(ws, doc.path));
}

/** The claim requirement (`compliance.claims[i].requirement`) at `offset`, resolved. */
export function requirementAt(ws: Workspace, doc: LoadedDoc, offset: number): RequirementRef | undefined {
  const m = doc.model;
  const pdoc = doc.parsed?.doc;
  if (!m || m.kind !== 'policy' || !pdoc || !m.compliance) return undefined;
  for (const c of claimsOf(m)) {
    if (c.profile === undefined || c.id === undefined) continue;
    const [start, end] = locate(pdoc, ['compliance', 'claims', c.index, 'requirement'], 'value');
    if (offset < start || offset > end) continue;
    const entry = profilesOf(ws, doc).find((e) => e.profile?.id === c.profile);
    const requirement = entry?.profile?.requirements.find((r) => r.id === c.id);
    return { start, end, profileId: c.profile, requirementId: c.id, ...(entry ? { entry } : {}), ...(requirement ? { requirement } : {}) };
  }
  return undefined;
}

export function requirementMarkdown(ws: Workspace, ref: RequirementRef): Markdown {
  const r = ref.requirement;
  const p = ref.entry?.profile;
  if (!r || !p) {
    return md`**${ref.profileId}/${ref.requirementId}** — ${p ? md`profile ${mdCode(ref.profileId)} has no such requirement` : md`no profile ${mdCode(ref.profileId)} is listed in ${mdCode('compliance.profiles')}`}`;
  }
  return mdJoin([
    md`**${r.title ?? r.id}** · ${r.citation ?? ''}`,
    md``,
    ...(r.summary ? [md`${r.summary}`, md``] : []),
    md`Check: ${mdCode(r.check ?? 'claim')}${r.severity && r.severity !== 'warning' ? md` · a gap is ${r.severity === 'error' ? 'an error' : `a ${r.severity}`}` : ''}`,
    md``,
    md`_${p.title ?? p.id ?? ''} (${ref.entry?.file ? ws.host.display(ref.entry.file) : 'built-in profile'}). A structural check, not legal advice._`,
  ], '\n');
}

/** Hover over an entry of `compliance.profiles`: the profile and its requirements. */
export function profileEntryAt(ws: Workspace, doc: LoadedDoc, offset: number): { start: number; end: number; markdown: Markdown } | undefined {
  const pdoc = doc.parsed?.doc;
  if (!pdoc || doc.model?.kind !== 'policy') return undefined;
  for (const e of profilesOf(ws, doc)) {
    const [start, end] = locate(pdoc, ['compliance', 'profiles', e.index], 'value');
    if (offset < start || offset > end) continue;
    if (!e.profile) return { start, end, markdown: md`${e.error ?? ''}` };
    return { start, end, markdown: profileMarkdown(ws, e.profile, e.file) };
  }
  return undefined;
}

function profileMarkdown(ws: Workspace, p: ProfileModel, file?: string): Markdown {
  const shown = p.requirements.slice(0, 25).map((r) => md`- ${mdCode(r.id)} ${r.title ?? ''} · ${r.citation ?? ''}`);
  if (p.requirements.length > 25) shown.push(md`- _… and ${p.requirements.length - 25} more_`);
  return mdJoin([
    md`**${p.title ?? p.id ?? ''}** · ${mdCode(p.id ?? '')}${p.version ? md` · version ${p.version}` : ''}`,
    md``,
    mdJoin(shown, '\n'),
    md``,
    md`_${file ? ws.host.display(file) : 'Built-in profile'}${p.source ? md` · source: ${p.source}` : ''}. A structural check, not legal advice._`,
  ], '\n');
}

/** Requirement ids (`<profile>/<requirement>`) of the profiles a policy lists. */
export function requirementIds(ws: Workspace, doc: LoadedDoc): Array<{ label: string; requirement: Requirement; profile: ProfileModel }> {
  return profilesOf(ws, doc).flatMap((e) => (e.profile ? e.profile.requirements.map((r) => ({ label: `${e.profile!.id}/${r.id}`, requirement: r, profile: e.profile! })) : []));
}

/** The definition of the claim's requirement in a workspace profile file. */
export function requirementDefinition(ws: Workspace, ref: RequirementRef): { path: string; start: number; end: number } | undefined {
  const file = ref.entry?.file;
  if (!file || !ref.requirement) return undefined;
  const pdoc = ws.load(file).parsed?.doc;
  if (!pdoc) return undefined;
  const [start, end] = locate(pdoc, [...ref.requirement.path, 'id'], 'value');
  return { path: file, start, end };
}

/** Claims in loaded policies that cite requirement `id` of the profile file `file`. */
export function claimsCiting(ws: Workspace, file: string, id: string): Array<{ path: string; start: number; end: number }> {
  const out: Array<{ path: string; start: number; end: number }> = [];
  for (const d of [...ws.loadedDocs()]) {
    const m = d.model;
    const pdoc = d.parsed?.doc;
    if (!m || m.kind !== 'policy' || !pdoc || !m.compliance) continue;
    const entry = profilesOf(ws, d).find((e) => e.file === file);
    if (!entry?.profile?.id) continue;
    for (const c of claimsOf(m as PolicyModel)) {
      if (c.profile !== entry.profile.id || c.id !== id) continue;
      const [start, end] = locate(pdoc, ['compliance', 'claims', c.index, 'requirement'], 'value');
      out.push({ path: d.path, start, end });
    }
  }
  return out;
}
