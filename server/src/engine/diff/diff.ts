/**
 * Change review (spec v2 §10): what a new version of a document changes, item by item, and
 * whether each change weakens or strengthens the policy. A pure function of the two loaded
 * versions (their plain data and models, parsed by the same pipeline as a check): items are
 * matched by id, parts without ids by their key path; renamed ids are followed; a weakening is
 * explained when the new policy's change log for its version names it.
 */
import { arr, obj, rankOf, str, type Model, type PolicyModel, type Standard } from '../model/model';
import type { DataPath } from '../types';

export type ItemKind = 'threshold' | 'safeguard' | 'evaluation' | 'standard' | 'commitment' | 'goal' | 'scale' | 'governance' | 'policy';
export type ChangeType = 'added' | 'removed' | 'changed' | 'renamed';
export type Effect = 'weakened' | 'strengthened' | 'neutral';

/** One change, as the JSON output has it (plus where it is in each version). */
export interface ItemChange {
  kind: ItemKind;
  id: string;
  change: ChangeType;
  field: string | null;
  old: unknown;
  new: unknown;
  effect: Effect;
  explained: boolean;
  /** For an explained weakening: the reason its change-log item gives (not in the §10 JSON). */
  reason?: string;
  /** Data paths of the item (or field) in the old and the new version, where it exists there. */
  oldPath?: DataPath;
  newPath?: DataPath;
}

/** One version of a document: what the workspace loaded (absent: the document is not on that side). */
export interface Version { data: Record<string, unknown>; model: Model }

export interface DiffOptions {
  /** The new policy whose `changes` explain weakenings: the document itself, or the policy a
   *  roadmap or report links to (in its new version). */
  explainer?: PolicyModel;
}

/** An item with an id: where it is, its raw mapping, and the fields compared. */
interface Item {
  kind: ItemKind;
  id: string;
  path: DataPath;
  value: Record<string, unknown>;
  /** Keys that hold child items (compared as items of their own). */
  children: string[];
  /** The id of the item that contains it (a safeguard's standard, an evaluation's threshold). */
  parent?: string;
}

type Obj = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Items of a document
// ---------------------------------------------------------------------------------------------

function policyItems(data: Obj, m: PolicyModel): Item[] {
  const out: Item[] = [];
  const at = (path: DataPath): Obj | undefined => {
    let v: unknown = data;
    for (const s of path) v = Array.isArray(v) ? v[s as number] : obj(v)?.[s as string];
    return obj(v);
  };
  for (const sc of m.scales) { const v = at(sc.path); if (v) out.push({ kind: 'scale', id: sc.id, path: sc.path, value: v, children: [] }); }
  for (const s of m.standards) {
    const v = at(s.path);
    if (!v) continue;
    out.push({ kind: 'standard', id: s.level, path: s.path, value: v, children: ['deployment', 'security'] });
    for (const d of [...s.deployment, ...s.security]) { const g = at(d.path); if (g) out.push({ kind: 'safeguard', id: d.id, path: d.path, value: g, children: [], parent: s.level }); }
  }
  for (const t of m.thresholds) {
    const v = at(t.path);
    if (!v) continue;
    out.push({ kind: 'threshold', id: t.id, path: t.path, value: v, children: ['evaluations'] });
    for (const e of t.evaluations) { const g = at(e.path); if (g) out.push({ kind: 'evaluation', id: e.id, path: e.path, value: g, children: [], parent: t.id }); }
  }
  for (const c of m.commitments) { const v = at(c.path); if (v) out.push({ kind: 'commitment', id: c.id, path: c.path, value: v, children: [] }); }
  // Roles and decisions are read by the model for v2 only; v1 has no governance.
  for (const d of [...m.roles, ...m.decisions]) { const v = at(d.path); if (v) out.push({ kind: 'governance', id: d.id, path: d.path, value: v, children: [] }); }
  return out;
}

function roadmapItems(data: Obj): Item[] {
  const out: Item[] = [];
  arr(data.goals).forEach((g, i) => { const v = obj(g); const id = str(v?.id); if (v && id) out.push({ kind: 'goal', id, path: ['goals', i], value: v, children: [] }); });
  return out;
}

/** Parts without ids, compared by key path: [key path, kind, data path]. */
function parts(data: Obj, kind: Model['kind']): Array<{ key: string; kind: ItemKind; path: DataPath; value: unknown }> {
  const out: Array<{ key: string; kind: ItemKind; path: DataPath; value: unknown }> = [];
  if (kind === 'policy') {
    out.push({ key: 'policy', kind: 'policy', path: ['policy'], value: data.policy });
    out.push({ key: 'risk_reports', kind: 'policy', path: ['risk_reports'], value: data.risk_reports });
    out.push({ key: 'compliance', kind: 'policy', path: ['compliance'], value: data.compliance });
    const gov = obj(data.governance);
    for (const k of gov ? Object.keys(gov) : []) if (k !== 'roles' && k !== 'decisions') out.push({ key: `governance.${k}`, kind: 'governance', path: ['governance', k], value: gov![k] });
  } else if (kind === 'roadmap') {
    out.push({ key: 'roadmap', kind: 'policy', path: ['roadmap'], value: data.roadmap });
  } else {
    // Risk reports and profiles: each top-level part by its key (neutral unless a rule above says otherwise).
    for (const k of Object.keys(data)) if (k !== 'format' && k !== 'kind') out.push({ key: k, kind: 'policy', path: [k], value: data[k] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  const oa = obj(a), ob = obj(b);
  if (!oa || !ob) return false;
  const ka = Object.keys(oa), kb = Object.keys(ob);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(ob, k) && equal(oa[k], ob[k]));
}

/** A value with every string that is a renamed old id replaced by its new id. */
function renamed(v: unknown, map: ReadonlyMap<string, string>): unknown {
  if (map.size === 0) return v;
  if (typeof v === 'string') return map.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => renamed(x, map));
  const o = obj(v);
  if (!o) return v;
  const out: Obj = {};
  for (const k of Object.keys(o)) out[k] = renamed(o[k], map);
  return out;
}

function without(o: Obj, keys: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of Object.keys(o)) if (!keys.includes(k)) out[k] = o[k];
  return out;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return arr(v).filter((x): x is string => typeof x === 'string');
}

function num(v: unknown): number | undefined { return typeof v === 'number' && Number.isFinite(v) ? v : undefined; }

/** Bigger is weaker (a longer cadence or deadline): the effect of old → new. */
function longer(a: unknown, b: unknown): Effect {
  const x = num(a), y = num(b);
  if (x === undefined && y === undefined) return 'neutral';
  if (x === undefined) return 'strengthened'; // a deadline where there was none
  if (y === undefined) return 'weakened'; // a deadline dropped
  return y > x ? 'weakened' : y < x ? 'strengthened' : 'neutral';
}

function listLoss(a: unknown, b: unknown, renames: ReadonlyMap<string, string>): Effect {
  const x = strings(a).map((s) => renames.get(s) ?? s), y = strings(b);
  const lost = x.some((s) => !y.includes(s)), gained = y.some((s) => !x.includes(s));
  return lost ? 'weakened' : gained ? 'strengthened' : 'neutral';
}

function dueOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------

interface Ctx {
  oldPolicy?: PolicyModel;
  newPolicy?: PolicyModel;
  /** Old id → new id, for items that were renamed. */
  renames: Map<string, string>;
}

/** The effect of a required-standards change on a threshold: judged on the declared scale. */
function requiresEffect(ctx: Ctx, a: unknown, b: unknown): Effect {
  const oldIds = strings(a), newIds = strings(b);
  const mapped = (s: string) => ctx.renames.get(s) ?? s;
  const removed = oldIds.filter((s) => !newIds.includes(mapped(s)));
  const added = newIds.filter((s) => !oldIds.some((x) => mapped(x) === s));
  if (!removed.length && !added.length) return 'neutral';
  const rank = (p: PolicyModel | undefined, id: string): { scale: string; index: number } | undefined => {
    const std: Standard | undefined = p?.byLevel.get(id);
    const r = p && std ? rankOf(p, std) : p ? rankOf(p, { level: id } as Standard) : undefined;
    return r ? { scale: r.scale.id, index: r.index } : undefined;
  };
  let weaker = false, stronger = false;
  const used = new Set<string>();
  for (const r of removed) {
    const ro = rank(ctx.oldPolicy, r);
    const match = ro ? added.find((x) => !used.has(x) && rank(ctx.newPolicy, x)?.scale === ro.scale) : undefined;
    if (!match || !ro) { weaker = true; continue; } // a required standard removed from the list
    used.add(match);
    const rn = rank(ctx.newPolicy, match)!;
    if (rn.index < ro.index) weaker = true; else if (rn.index > ro.index) stronger = true;
  }
  if (added.some((x) => !used.has(x))) stronger = true;
  return weaker ? 'weakened' : stronger ? 'strengthened' : 'neutral';
}

const ROLE_RANK: Record<string, number> = { threshold: 2, alert: 1, research: 0 };
const STATUS_RANK: Record<string, number> = { defined: 2, provisional: 1, planned: 0 };
/** A move down an ordered vocabulary weakens, up strengthens; unknown values are neutral. */
function ranked(order: Record<string, number>, a: unknown, b: unknown): Effect {
  const x = typeof a === 'string' && Object.hasOwn(order, a) ? order[a] : undefined;
  const y = typeof b === 'string' && Object.hasOwn(order, b) ? order[b] : undefined;
  if (x === undefined || y === undefined) return 'neutral';
  return y < x ? 'weakened' : y > x ? 'strengthened' : 'neutral';
}

/** How one changed field of an item weighs. */
function fieldEffect(ctx: Ctx, kind: ItemKind, key: string, field: string, a: unknown, b: unknown): Effect {
  if (kind === 'threshold') {
    if (field === 'requires') return requiresEffect(ctx, a, b);
    if (field === 'if_unmet' || field === 'safeguards') return listLoss(a, b, ctx.renames);
    // A threshold requires safeguards; an alert only warns; a research category is only watched.
    if (field === 'role') return ranked(ROLE_RANK, a ?? 'threshold', b ?? 'threshold');
  }
  // A standard that is `defined` can be held to; `provisional` and `planned` ones not yet.
  if (kind === 'standard' && field === 'status') return ranked(STATUS_RANK, a ?? 'defined', b ?? 'defined');
  if (kind === 'commitment' && field === 'track') {
    if (a === 'unilateral' && b === 'recommendation') return 'weakened';
    if (a === 'recommendation' && b === 'unilateral') return 'strengthened';
  }
  if (kind === 'goal') {
    if (field === 'status') return b === 'dropped' && a !== 'dropped' ? 'weakened' : a === 'dropped' && b !== 'dropped' ? 'strengthened' : 'neutral';
    if (field === 'due') {
      const x = dueOf(a), y = dueOf(b);
      if (x && y) return y > x ? 'weakened' : y < x ? 'strengthened' : 'neutral';
      return x && !y ? 'weakened' : !x && y ? 'strengthened' : 'neutral';
    }
  }
  if (key === 'risk_reports') {
    if (field === 'cadence_months') return longer(a, b);
    if (field === 'external_review') return a === true && b !== true ? 'weakened' : a !== true && b === true ? 'strengthened' : 'neutral';
  }
  if (key === 'governance.review' && field === 'cadence_months') return longer(a, b);
  if (key === 'governance.external_review' && field === 'cadence_months') return longer(a, b);
  if (key === 'governance.incident_response' && /^(report_within_(days|hours)|imminent_danger_within_hours)$/.test(field)) return longer(a, b);
  if (key === 'governance.noncompliance_reporting' && field === 'anonymous') return a === true && b !== true ? 'weakened' : a !== true && b === true ? 'strengthened' : 'neutral';
  return 'neutral';
}

/** Kinds whose removal weakens the policy (and whose addition strengthens it). */
const GUARDING = new Set<ItemKind>(['threshold', 'safeguard', 'evaluation', 'standard', 'commitment', 'goal']);
/** Parts without ids whose removal weakens (their addition strengthens). */
const GUARDING_PARTS = new Set(['risk_reports', 'governance.review', 'governance.incident_response', 'governance.noncompliance_reporting', 'governance.external_review']);

/** The `changes` entry of the explainer for its own version: the refs it names, each with the first reason given for it. */
function explainedRefs(p: PolicyModel | undefined): { refs: Map<string, string | undefined>; renames: Array<{ from: string; to: string }> } {
  const refs = new Map<string, string | undefined>();
  const renames: Array<{ from: string; to: string }> = [];
  if (!p || p.version === undefined) return { refs, renames };
  for (const c of p.changes) {
    if (c.version !== p.version) continue;
    for (const it of c.items) {
      if (it.ref !== undefined && !refs.get(it.ref)) refs.set(it.ref, it.reason?.trim() || undefined);
      if (it.change === 'renamed' && it.ref !== undefined && it.from !== undefined) renames.push({ from: it.from, to: it.ref });
    }
  }
  return { refs, renames };
}

/** The changes from `before` to `after` (either may be absent: the document was added or removed). */
export function diffVersions(before: Version | undefined, after: Version | undefined, opts: DiffOptions = {}): ItemChange[] {
  const kind = (after ?? before)?.model.kind;
  if (!kind) return [];
  const oldData = before && before.model.kind === kind ? before.data : undefined;
  const newData = after?.data;
  const oldModel = oldData ? before!.model : undefined;
  const newModel = after?.model;
  const explainer = opts.explainer ?? (newModel?.kind === 'policy' ? newModel : undefined);
  const log = explainedRefs(explainer);
  const ctx: Ctx = {
    oldPolicy: oldModel?.kind === 'policy' ? oldModel : undefined,
    newPolicy: newModel?.kind === 'policy' ? newModel : undefined,
    renames: new Map(),
  };
  const itemsOf = (d: Obj | undefined, m: Model | undefined): Item[] =>
    !d || !m ? [] : m.kind === 'policy' ? policyItems(d, m) : m.kind === 'roadmap' ? roadmapItems(d) : [];
  const oldItems = itemsOf(oldData, oldModel), newItems = itemsOf(newData, newModel);
  const oldById = new Map<string, Item>(), newById = new Map<string, Item>();
  for (const it of oldItems) if (!oldById.has(`${it.kind}\0${it.id}`)) oldById.set(`${it.kind}\0${it.id}`, it);
  for (const it of newItems) if (!newById.has(`${it.kind}\0${it.id}`)) newById.set(`${it.kind}\0${it.id}`, it);
  const k = (it: Item) => `${it.kind}\0${it.id}`;

  // Renamed ids: from the change log first, then one removed + one added item identical but for the id.
  const pairs = new Map<string, Item>(); // new item key → old item
  const paired = new Set<Item>();
  const removedItems = () => oldItems.filter((o) => !newById.has(k(o)) && !paired.has(o));
  const addedItems = () => newItems.filter((n) => !oldById.has(k(n)) && !pairs.has(k(n)));
  for (const r of log.renames) {
    const o = removedItems().find((x) => x.id === r.from);
    const n = o && addedItems().find((x) => x.id === r.to && x.kind === o.kind);
    if (o && n) { pairs.set(k(n), o); paired.add(o); ctx.renames.set(o.id, n.id); }
  }
  const kinds: ItemKind[] = ['scale', 'standard', 'threshold', 'commitment', 'governance', 'goal', 'safeguard', 'evaluation'];
  for (const kd of kinds) {
    // Items inside a parent that is itself only on one side (an evaluation of a new threshold) are not candidates.
    const oldIds = new Set(oldItems.map((x) => x.id)), newIds = new Set(newItems.map((x) => x.id));
    const gone = removedItems().filter((x) => x.kind === kd && (x.parent === undefined || newIds.has(ctx.renames.get(x.parent) ?? x.parent)));
    const come = addedItems().filter((x) => x.kind === kd && (x.parent === undefined || oldIds.has(x.parent) || [...ctx.renames.values()].includes(x.parent)));
    if (gone.length !== 1 || come.length !== 1) continue;
    const o = gone[0]!, n = come[0]!;
    const map = new Map([[o.id, n.id]]);
    const idKey = (v: Obj) => ('id' in v ? 'id' : 'level');
    if (equal(renamed(without(o.value, [idKey(o.value)]), map), without(n.value, [idKey(n.value)]))) { pairs.set(k(n), o); paired.add(o); ctx.renames.set(o.id, n.id); }
  }

  const out: ItemChange[] = [];
  const push = (c: Omit<ItemChange, 'explained'>, ...refs: string[]) => {
    const hit = c.effect === 'weakened' ? refs.filter((r) => log.refs.has(r)) : [];
    const reason = hit.map((r) => log.refs.get(r)).find((x) => x !== undefined);
    out.push({ ...c, explained: hit.length > 0, ...(reason !== undefined ? { reason } : {}) });
  };

  const compareFields = (kind: ItemKind, key: string, id: string, a: Obj, b: Obj, aPath: DataPath, bPath: DataPath, skip: readonly string[], refs: string[]) => {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((x) => !(x in a))];
    for (const f of keys) {
      if (skip.includes(f)) continue;
      const av = renamed(a[f], ctx.renames), bv = b[f];
      if (equal(av, bv)) continue;
      const effect = fieldEffect(ctx, kind, key, f, f in a ? a[f] : undefined, f in b ? bv : undefined);
      push({
        kind, id, change: 'changed', field: f, old: f in a ? a[f] ?? null : null, new: f in b ? bv ?? null : null, effect,
        ...(f in a ? { oldPath: [...aPath, f] } : { oldPath: aPath }), ...(f in b ? { newPath: [...bPath, f] } : { newPath: bPath }),
      }, id, `${id}.${f}`, ...refs);
    }
  };

  // Items present on both sides (by id, or renamed).
  for (const n of newItems) {
    const o = oldById.get(k(n)) ?? pairs.get(k(n));
    if (!o) continue;
    if (o.id !== n.id) push({ kind: n.kind, id: n.id, change: 'renamed', field: null, old: o.id, new: n.id, effect: 'neutral', oldPath: o.path, newPath: n.path }, n.id, o.id);
    const idKey = n.kind === 'standard' ? ['id', 'level'] : ['id'];
    compareFields(n.kind, n.id, n.id, o.value, n.value, o.path, n.path, [...idKey, ...n.children], [o.id]);
    const op = o.parent !== undefined ? ctx.renames.get(o.parent) ?? o.parent : undefined;
    if (op !== n.parent && (o.parent !== undefined || n.parent !== undefined)) {
      push({ kind: n.kind, id: n.id, change: 'changed', field: n.kind === 'safeguard' ? 'standard' : 'threshold', old: o.parent ?? null, new: n.parent ?? null, effect: 'neutral', oldPath: o.path, newPath: n.path }, n.id);
    }
  }
  const removedIds = new Set(oldItems.filter((o) => !newById.has(k(o)) && !paired.has(o)).map((o) => o.id));
  const addedIds = new Set(newItems.filter((n) => !oldById.has(k(n)) && !pairs.has(k(n))).map((n) => n.id));
  for (const o of oldItems) {
    if (!removedIds.has(o.id) || newById.has(k(o)) || paired.has(o)) continue;
    if (o.parent !== undefined && removedIds.has(o.parent)) continue; // gone with its standard or threshold
    const effect: Effect = GUARDING.has(o.kind) ? 'weakened' : 'neutral';
    push({ kind: o.kind, id: o.id, change: 'removed', field: null, old: o.id, new: null, effect, oldPath: o.path }, o.id);
  }
  for (const n of newItems) {
    if (!addedIds.has(n.id) || oldById.has(k(n)) || pairs.has(k(n))) continue;
    if (n.parent !== undefined && addedIds.has(n.parent)) continue; // comes with its standard or threshold
    // A goal added is new work (strengthened); a whole new document adds everything, also strengthened.
    const effect: Effect = GUARDING.has(n.kind) ? 'strengthened' : 'neutral';
    push({ kind: n.kind, id: n.id, change: 'added', field: null, old: null, new: n.id, effect, newPath: n.path }, n.id);
  }

  // A document only on one side that has no items (a risk report, a profile): one row for it.
  if ((!oldData || !newData) && kind !== 'policy' && kind !== 'roadmap') {
    const head = kind === 'risk-report' ? 'report' : kind;
    const id = (after ?? before)!.model.id ?? head;
    push({ kind: 'policy', id, change: oldData ? 'removed' : 'added', field: null, old: oldData ? id : null, new: newData ? id : null, effect: 'neutral', ...(oldData ? { oldPath: [head] } : { newPath: [head] }) }, id);
    return out;
  }

  // Parts without ids, by key path.
  const oldParts = new Map(oldData ? parts(oldData, kind).map((p) => [p.key, p]) : []);
  const newParts = new Map(newData ? parts(newData, kind).map((p) => [p.key, p]) : []);
  for (const key of new Set([...oldParts.keys(), ...newParts.keys()])) {
    const o = oldParts.get(key), n = newParts.get(key);
    const ov = o?.value, nv = n?.value;
    const pk = (n ?? o)!.kind;
    if (ov === undefined && nv === undefined) continue;
    if (ov === undefined || nv === undefined) {
      if ((!oldData || !newData) && key !== 'risk_reports' && !key.startsWith('governance.')) continue; // a whole document: its items say it
      const effect: Effect = GUARDING_PARTS.has(key) ? (ov === undefined ? 'strengthened' : 'weakened') : 'neutral';
      push({ kind: pk, id: key, change: ov === undefined ? 'added' : 'removed', field: null, old: ov === undefined ? null : key, new: nv === undefined ? null : key, effect, ...(o ? { oldPath: o.path } : {}), ...(n ? { newPath: n.path } : {}) }, key);
      continue;
    }
    const oo = obj(ov), no = obj(nv);
    if (oo && no) compareFields(pk, key, key, oo, no, o!.path, n!.path, [], []);
    else if (!equal(renamed(ov, ctx.renames), nv)) push({ kind: pk, id: key, change: 'changed', field: null, old: ov, new: nv, effect: 'neutral', oldPath: o!.path, newPath: n!.path }, key);
  }
  return out;
}

/** Weakenings first, then strengthenings, then the rest; each group in document order. */
export const EFFECT_ORDER: readonly Effect[] = ['weakened', 'strengthened', 'neutral'];

export function summarize(changes: readonly ItemChange[]): { weakened: number; unexplained: number; strengthened: number; neutral: number } {
  let weakened = 0, unexplained = 0, strengthened = 0, neutral = 0;
  for (const c of changes) {
    if (c.effect === 'weakened') { weakened++; if (!c.explained) unexplained++; } else if (c.effect === 'strengthened') strengthened++; else neutral++;
  }
  return { weakened, unexplained, strengthened, neutral };
}
