import type { RuleMeta } from './rule';

/** Emitted by the engine itself (see ARCHITECTURE.md); this module holds its metadata. */
export const rule: RuleMeta = {
  id: 'unused-suppression',
  severity: 'warning',
  appliesTo: ['policy', 'roadmap', 'risk-report'],
  description: 'A suppression comment silences nothing, or names a rule that does not exist.',
};
