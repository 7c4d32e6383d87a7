/**
 * "Migrate this document to rsp/v2": the editor's form of `rsp-lint migrate` for one document,
 * as edits of its text (the server returns them; it never writes a file).
 */
import { migrateText, type MigrateResult } from '../migrate/migrate';
import type { ParsedText } from '../syntax/parse';
import type { Edit } from '../types';
import type { LoadedDoc } from '../workspace/workspace';

export const MIGRATE_TITLE = 'Migrate this document to rsp/v2';

export interface DocumentAction {
  title: string;
  edits: Edit[];
  /** Why it cannot be applied now (YAML errors, a v2 name already present): shown, not applied. */
  disabled?: string;
}

const V1_LINE = /^format[ \t]*:[ \t]*(["']?)rsp\/v1\1[ \t]*(#.*)?$/m;
/** Editors ask for actions at every move of the cursor: one migration per text. */
const cache = new WeakMap<ParsedText, MigrateResult>();

/** The migration of a v1 document; undefined for a document that is not rsp/v1. */
export function migrateAction(doc: LoadedDoc): DocumentAction | undefined {
  const parsed = doc.parsed;
  if (!parsed) return undefined;
  const data = parsed.data as { format?: unknown } | undefined;
  const v1 = data && typeof data === 'object' && !Array.isArray(data) ? data.format === 'rsp/v1' : parsed.blocking && V1_LINE.test(parsed.text);
  if (!v1) return undefined;
  let r = cache.get(parsed);
  if (!r) {
    r = migrateText(parsed.text, { limits: doc.config.limits, ...(doc.kind ? { kind: doc.kind } : {}) });
    cache.set(parsed, r);
  }
  if (r.status === 'refused') {
    const p = r.problems![0]!;
    return { title: MIGRATE_TITLE, edits: [], disabled: `line ${p.line + 1}: ${p.message} — fix this first` };
  }
  if (!r.changed) return undefined;
  return { title: MIGRATE_TITLE, edits: r.edits };
}
