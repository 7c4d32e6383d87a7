import type { RuleMeta } from './rule';

/** Emitted by the engine itself (see ARCHITECTURE.md); this module holds its metadata. */
export const rule: RuleMeta = {
  id: 'yaml-syntax',
  severity: 'error',
  appliesTo: ['policy', 'roadmap', 'risk-report'],
  description: 'The file is not valid YAML: a syntax error, tab indentation, a duplicate key, more than one document, a YAML tag, binary data or invalid UTF-8.',
};
