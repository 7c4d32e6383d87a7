import type { RuleMeta } from './rule';

/** Emitted by the engine itself (see ARCHITECTURE.md); this module holds its metadata. */
export const rule: RuleMeta = {
  id: 'resource-limit',
  severity: 'error',
  appliesTo: ['policy', 'roadmap', 'risk-report'],
  description: 'The document exceeds a safety limit (size, nesting depth, alias expansion, findings per file) and was not fully analysed.',
};
