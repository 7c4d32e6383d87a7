/**
 * `weakening-unexplained` findings for the editor: the unexplained weakenings of a document's
 * review, placed in its new version (a removed item: on the list it was in), each with the edit
 * that explains it in the change log of the policy that explains it (this document or the
 * policy a roadmap links).
 */
import { isRealDate, localToday } from '../model/dates';
import type { PolicyModel } from '../model/model';
import { locate } from '../syntax/locate';
import type { ParsedText } from '../syntax/parse';
import type { Edit, Finding, Severity } from '../types';
import { subjectOf, whatOf } from './describe';
import type { ItemChange } from './diff';
import { explainEdit } from './explain';
import type { DocReview } from './review';

export const WEAKENING_RULE = 'weakening-unexplained';

export interface Explainer { path: string; parsed: ParsedText; model: PolicyModel }

/** The edit that explains `c` in the explainer's change log (undefined where it cannot be made safely). */
export function explainFix(c: ItemChange, explainer: Explainer, today = localToday()): Edit | undefined {
  const version = explainer.model.version;
  if (version === undefined) return undefined;
  const date = isRealDate(explainer.model.effective) ? explainer.model.effective! : today;
  return explainEdit(explainer.parsed, version, c.id, c.change === 'removed' ? 'removed' : 'weakened', date);
}

/** A finding and the fix that explains it, which may edit another document (a roadmap's policy). */
export interface WeakeningFinding { finding: Finding; change: ItemChange; fix?: { path: string; title: string; edit: Edit } }

export function weakeningFindings(review: DocReview, parsed: ParsedText, severity: Severity, base: string, explainer?: Explainer, today?: string): WeakeningFinding[] {
  if (!parsed.doc) return [];
  const out: WeakeningFinding[] = [];
  for (const c of review.changes) {
    if (c.effect !== 'weakened' || c.explained) continue;
    let offsets = c.newOffsets;
    if (!offsets) {
      // Removed: the list (or mapping) it was in, as far as the new version still has it.
      const p = c.oldPath ?? [];
      const list = typeof p[p.length - 1] === 'number' ? p.slice(0, -1) : p.slice(0, -1);
      offsets = locate(parsed.doc, list, 'key');
    }
    const version = explainer?.model.version;
    const log = version !== undefined ? `version ${version}'s change log` : 'the change log';
    const edit = explainer ? explainFix(c, explainer, today) : undefined;
    out.push({
      finding: {
        rule: WEAKENING_RULE, severity,
        message: `${subjectOf(c)}: ${whatOf(c)} — this weakens the policy (compared with ${base}) and ${log} does not explain it; add a 'changes' item with ref '${c.id}' and the reason`,
        range: parsed.lines.range(offsets[0], offsets[1]), offsets,
      },
      change: c,
      ...(edit && explainer ? { fix: { path: explainer.path, title: `Explain '${c.id}' in the change log of version ${version}`, edit } } : {}),
    });
  }
  return out;
}
