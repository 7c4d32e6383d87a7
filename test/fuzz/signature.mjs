// One short signature per distinct bug, so that repeats are counted, not saved again.

const norm = (s) => String(s ?? '').split('\n')[0]
  .replace(/'[^']*'/g, "'…'").replace(/"[^"]*"/g, '"…"').replace(/\d+/g, 'N').slice(0, 160);

/** Invariants where the rule does not tell causes apart (one cause, many rules). */
const RULE_BLIND = new Set(['lone-cr-not-a-line-break', 'rules-ran-on-unusable-document']);

export function signature(f) {
  switch (f.kind) {
    case 'invariant': {
      if (f.invariant === 'internal-error') {
        const m = /rule '([^']+)' failed on this document \((.*)\); the other rules/s.exec(f.detail ?? '');
        return m ? `internal-error: rule ${m[1]} threw ${norm(m[2])}` : `internal-error: ${norm(f.detail)}`;
      }
      return `invariant ${f.invariant}${f.rule && !RULE_BLIND.has(f.invariant) ? ` (${f.rule})` : ''} in ${f.where}`;
    }
    case 'exception': return `exception in ${f.where}: ${norm(f.detail)}`;
    case 'slow': return `slow ${f.where}`;
    case 'hang': return `hang in ${f.where}`;
    default: return `${f.kind} in ${f.where}${f.invariant ? `: ${f.invariant}` : ''}`;
  }
}

/** A file-name-safe slug of a signature. */
export function slug(sig) {
  return sig.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}
