/**
 * Compliance coverage as data, for `rsp-lint coverage`, the overview (webview) and
 * `rsp-lint report`: per policy, each requirement of its profiles met or a gap, with the place of
 * the policy element or claim that meets it and the place of the profile entry.
 */
import { evaluatePolicy, evaluateProfile, type CoverageRow } from '../compliance/evaluate';
import { resolveProfile, type ProfileEntry, type ProfileLoader } from '../compliance/profiles';
import type { ProfileModel } from '../model/model';
import { locate } from '../syntax/locate';
import type { DataPath } from '../types';
import type { LoadedDoc, Workspace } from '../workspace/workspace';

/** A place in a document (0-based), as the overview's `Place`. */
export interface Place { path: string; line: number; character: number }

export interface CoverageProfileView {
  ref: string;
  /** Index of the entry in `compliance.profiles` (-1 when asked for with --profile): rows with this `entry` are its. */
  index: number;
  id?: string;
  title?: string;
  source?: string;
  /** Set when the entry could not be used. */
  error?: string;
  /** The entry in `compliance.profiles` (absent when asked for with --profile). */
  at?: Place;
  met: number;
  gaps: number;
}
export interface CoverageItem extends CoverageRow {
  /** The element that meets it (met), or the profile's entry (gap). */
  at?: Place;
}
export interface CoverageView { path: string; profiles: CoverageProfileView[]; rows: CoverageItem[] }

function place(doc: LoadedDoc, path: DataPath, display: (p: string) => string): Place | undefined {
  const pdoc = doc.parsed?.doc;
  const lines = doc.parsed?.lines;
  if (!pdoc || !lines) return undefined;
  const pos = lines.position(locate(pdoc, path, 'value')[0]);
  return { path: display(doc.path), line: pos.line, character: pos.character };
}

export function profileLoaderFor(ws: Workspace, from: string): ProfileLoader {
  return (ref) => {
    const l = ws.link(from, ref, 'profile');
    return l.state === 'ok' ? { state: 'ok', path: l.path, model: l.model as ProfileModel } : l;
  };
}

/**
 * The coverage of one policy document: against the profiles it lists, or, with `only`, against
 * that one profile (a built-in id, or a path resolved against `only.base`, a folder) whether the
 * policy lists it or not. Undefined for a document that is not a policy.
 */
export function policyCoverage(ws: Workspace, doc: LoadedDoc, display: (p: string) => string = (p) => p, only?: { ref: string; base: string }): CoverageView | undefined {
  const m = doc.model;
  if (!m || m.kind !== 'policy') return undefined;
  let entries: ProfileEntry[];
  let rows: CoverageRow[];
  if (only) {
    const e = resolveProfile(only.ref, -1, profileLoaderFor(ws, ws.host.resolve(only.base, '.rsp-lint-coverage')));
    entries = [e];
    rows = e.profile ? evaluateProfile(m, e.profile, -1, e.file) : [];
  } else {
    ({ entries, rows } = evaluatePolicy(m, profileLoaderFor(ws, doc.path)));
  }
  const items: CoverageItem[] = rows.map((r) => {
    const at = r.status === 'met' && r.path ? place(doc, r.path, display) : r.entry >= 0 ? place(doc, ['compliance', 'profiles', r.entry], display) : undefined;
    return { ...r, ...(at ? { at } : {}) };
  });
  const profiles = entries.map((e): CoverageProfileView => {
    const mine = items.filter((r) => r.profile === e.profile?.id && r.entry === e.index);
    const at = e.index >= 0 ? place(doc, ['compliance', 'profiles', e.index], display) : undefined;
    return {
      ref: e.ref, index: e.index, ...(e.profile?.id ? { id: e.profile.id } : {}), ...(e.profile?.title ? { title: e.profile.title } : {}), ...(e.profile?.source ? { source: e.profile.source } : {}),
      ...(e.error ? { error: e.error } : {}), ...(at ? { at } : {}),
      met: mine.filter((r) => r.status === 'met').length, gaps: mine.filter((r) => r.status === 'gap').length,
    };
  });
  return { path: display(doc.path), profiles, rows: items };
}
