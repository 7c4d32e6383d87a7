import type { RuleMeta } from './rule';

/** Emitted by the engine itself (see ARCHITECTURE.md); this module holds its metadata. */
export const rule: RuleMeta = {
  id: 'internal-error',
  severity: 'error',
  appliesTo: ['policy', 'roadmap', 'risk-report'],
  description: 'A rule failed with an internal error on this document; the other rules still ran. Please report it.',
};
