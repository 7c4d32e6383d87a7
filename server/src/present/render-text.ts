/**
 * What the HTML and Markdown renderings of a policy document share: the words for enum values
 * and how prose is cut into paragraphs (structure only; the encoders still escape every piece).
 */

/** Document prose as paragraphs: split at blank lines, single line breaks and tabs made spaces. */
export function paragraphs(s: string | undefined): string[] {
  if (s === undefined) return [];
  return s.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/).map((p) => p.replace(/[\n\t]+/g, ' ').trim()).filter((p) => p !== '');
}

/** Prose on one line (for table cells and list items). */
export function oneLine(s: string | undefined): string { return paragraphs(s).join(' '); }

export const ROLE_WORDS: Record<string, string> = { threshold: 'threshold', alert: 'alert threshold', research: 'research category' };
export const IF_UNMET_WORDS: Record<string, string> = {
  'pause-deployment': 'pause deployment', 'pause-development': 'pause development', 'restrict-access': 'restrict access',
  'interim-measures': 'interim measures', 'delete-weights': 'delete the weights', other: 'other measures',
};
export const STATUS_WORDS: Record<string, string> = { defined: 'defined', provisional: 'provisional', planned: 'planned' };
export const GOAL_STATUS_WORDS: Record<string, string> = { planned: 'planned', 'in-progress': 'in progress', 'at-risk': 'at risk', done: 'done', dropped: 'dropped' };
export const GRADE_WORDS: Record<string, string> = { met: 'met', missed: 'missed', slipped: 'slipped', dropped: 'dropped' };
export const OUTCOME_WORDS: Record<string, string> = {
  deploy: 'deploy', 'deploy-with-restrictions': 'deploy with restrictions', 'do-not-deploy': 'do not deploy',
  'pause-development': 'pause development', continue: 'continue',
};
export const METHOD_WORDS: Record<string, string> = { benchmark: 'benchmark', 'red-team': 'red-team', 'uplift-trial': 'uplift trial', 'expert-review': 'expert review', forecast: 'forecast', other: 'other' };

/** A word for an enum value: ours when known, else the document's value (escaped by the caller). */
export function word(table: Record<string, string>, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  return Object.prototype.hasOwnProperty.call(table, v) ? table[v] : v;
}
