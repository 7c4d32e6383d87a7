import type { DocKind } from '../types';

const SUFFIXES: Array<[RegExp, DocKind]> = [
  [/\.rsp\.ya?ml$/i, 'policy'],
  [/\.roadmap\.ya?ml$/i, 'roadmap'],
  [/\.risk-report\.ya?ml$/i, 'risk-report'],
  [/\.profile\.ya?ml$/i, 'profile'],
];

/** The kind a file name promises (spec §1), if any. */
export function suffixKind(path: string): DocKind | undefined {
  for (const [re, k] of SUFFIXES) if (re.test(path)) return k;
  return undefined;
}

export const CONFIG_FILE = '.rsp-lint.yaml';
/** The configuration may also be named `.rsp-lint.yml`; where both exist, `.rsp-lint.yaml` wins. */
export const CONFIG_FILE_YML = '.rsp-lint.yml';

/** Whether a path names a configuration file (`.rsp-lint.yaml` or `.rsp-lint.yml`). */
export function isConfigName(path: string): boolean {
  const base = path.split(/[\\/]/).pop();
  return base === CONFIG_FILE || base === CONFIG_FILE_YML;
}

/** A top-level `format: rsp/v1` or `format: rsp/v2` line marks any YAML file as an RSP document. */
const FORMAT_LINE = /^format[ \t]*:[ \t]*(["']?)rsp\/v[12]\1[ \t]*(#.*)?$/m;

export function isYamlName(path: string): boolean { return /\.ya?ml$/i.test(path); }

/** Whether a file is an RSP document: by its suffix, or by carrying `format: rsp/v1`. */
export function isRspDocument(path: string, text: () => string | undefined): boolean {
  if (suffixKind(path)) return true;
  if (!isYamlName(path) || isConfigName(path)) return false;
  const t = text();
  return t !== undefined && FORMAT_LINE.test(t);
}
