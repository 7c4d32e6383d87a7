import type { RuleMeta } from './rule';

/**
 * Emitted by the change review in the editor ("RSP: Review Changes Against Git Ref…",
 * engine/diff): only while a review against a git ref is open; this module holds its metadata.
 */
export const rule: RuleMeta = {
  id: 'weakening-unexplained',
  severity: 'warning',
  appliesTo: ['policy', 'roadmap'],
  description: 'Compared with an earlier version (a git ref), a change weakens the policy — a threshold, safeguard, evaluation, standard, commitment or goal removed, a required standard lowered, a deadline or cadence lengthened — and the policy\'s `changes` entry for its version does not explain it.',
};
