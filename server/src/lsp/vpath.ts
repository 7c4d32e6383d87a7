/**
 * Paths for documents that are not on a local disk (vscode.dev, github.dev: `vscode-vfs://…`,
 * or any other scheme): `scheme://authority/a/b.yaml` ↔ `/scheme/authority/a/b.yaml`, so the
 * engine can resolve a relative `policy:` link with POSIX path rules. No Node built-ins.
 */
import { URI } from 'vscode-uri';

export function uriToPath(uri: string): string {
  const u = URI.parse(uri);
  return normalize(`/${u.scheme}/${u.authority ? encodeURIComponent(u.authority) : '-'}/${u.path}`);
}

/** The URI of a path made by uriToPath; undefined above a scheme and authority. */
export function pathToUri(path: string): string | undefined {
  const m = /^\/([^/]+)\/([^/]+)(\/.*)$/.exec(normalize(path));
  if (!m) return undefined;
  return URI.from({ scheme: m[1]!, authority: m[2] === '-' ? '' : decodeURIComponent(m[2]!), path: m[3]! }).toString();
}

/** The path inside its scheme and authority, as users see it. */
export function displayPath(path: string): string {
  return /^\/[^/]+\/[^/]+(\/.*)$/.exec(path)?.[1] ?? path;
}

export function normalize(path: string): string {
  const out: string[] = [];
  for (const s of path.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop(); else out.push(s);
  }
  return `/${out.join('/')}`;
}

export function dirname(path: string): string {
  const p = normalize(path);
  return p === '/' ? '/' : p.slice(0, p.lastIndexOf('/')) || '/';
}

export function resolve(...parts: string[]): string {
  let p = '/';
  for (const part of parts) p = part.startsWith('/') ? part : `${p}/${part}`;
  return normalize(p);
}
