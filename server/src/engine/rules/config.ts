import type { RuleMeta } from './rule';

/** Emitted by the engine itself (see ARCHITECTURE.md); this module holds its metadata. */
export const rule: RuleMeta = {
  id: 'config',
  severity: 'error',
  appliesTo: ['config'],
  description: 'A .rsp-lint.yaml configuration file is invalid: bad YAML, an unknown rule id, a bad severity or an unknown key.',
};
