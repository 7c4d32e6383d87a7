/** Human names for places in a document, for messages: "goal SEC-1", "threshold CBRN-3". */
import type { DataPath, DocKind } from '../types';

const DOC_NAMES: Record<DocKind, string> = { policy: 'the policy', roadmap: 'the roadmap', 'risk-report': 'the risk report', profile: 'the profile' };

function field(o: unknown, k: string): string | undefined {
  if (o && typeof o === 'object' && !Array.isArray(o)) {
    const v = (o as Record<string, unknown>)[k];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return undefined;
}

function get(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const seg of path) {
    if (v && typeof v === 'object') v = (v as Record<string | number, unknown>)[seg];
    else return undefined;
  }
  return v;
}

/** Name of the thing at `path` (a mapping), e.g. "standard ASL-3" or "goal SEC-1". */
export function describe(data: unknown, path: DataPath, kind: DocKind | undefined): string {
  if (path.length === 0) return kind ? DOC_NAMES[kind] : 'the document';
  const item = get(data, path);
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const id = field(item, 'id');
  const n = typeof last === 'number' ? last + 1 : 0;
  if (typeof last === 'number') {
    switch (parent) {
      case 'asl_standards': return `standard ${field(item, 'level') ?? `#${n}`}`;
      case 'thresholds': return `threshold ${id ?? `#${n}`}`;
      case 'evaluations': return `evaluation ${id ?? `#${n}`}`;
      case 'deployment': return `deployment safeguard ${id ?? `#${n}`}`;
      case 'security': return `security safeguard ${id ?? `#${n}`}`;
      case 'commitments': return `commitment ${id ?? `#${n}`}`;
      case 'goals': return `goal ${id ?? `#${n}`}`;
      case 'milestones': return `milestone ${field(item, 'title') ? `'${field(item, 'title')}'` : `#${n}`}`;
      case 'assessments': return `assessment ${field(item, 'threshold') ? `of ${field(item, 'threshold')}` : `#${n}`}`;
      case 'safeguards_status': return `status ${field(item, 'safeguard') ? `of ${field(item, 'safeguard')}` : `#${n}`}`;
      default: return `item #${n} of '${String(parent)}'`;
    }
  }
  switch (last) {
    case 'policy': return kind === 'policy' ? "the 'policy' header" : "'policy'";
    case 'roadmap': return "the 'roadmap' header";
    case 'report': return "the 'report' header";
    case 'risk_reports': return "'risk_reports'";
    case 'governance': return "'governance'";
    default: return `'${String(last)}'`;
  }
}
