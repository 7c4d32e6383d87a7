/**
 * How the language server names documents, and where it may read them from.
 *
 * A `file:` URI is a path on this machine. Any other URI (untitled buffers, `git:`, virtual
 * file systems such as `vscode-vfs:`) becomes a path in a namespace of its own,
 * `scheme://authority/path`, that never touches the local disk: a `policy:` link or a
 * configuration file looked up from such a document resolves inside that namespace and is
 * found only among the documents open in the editor.
 */
import * as nodePath from 'node:path';
import { URI } from 'vscode-uri';
import type { Host, HostRead } from '../engine/workspace/host';
import { CONFIG_FILE } from '../engine/model/kinds';
import { NodeHost } from '../engine/workspace/node-host';

const VIRTUAL = /^([a-zA-Z][a-zA-Z0-9+.-]+):\/\/([^/]*)(\/.*)?$/;

/** The engine's path for a document URI. */
export function uriToPath(uri: string): string {
  const u = URI.parse(uri);
  if (u.scheme === 'file') return u.fsPath;
  return `${u.scheme}://${u.authority}${nodePath.posix.resolve('/', u.path || '/')}`;
}

/** Whether a path names a document that is not on the local disk. */
export function isVirtualPath(p: string): boolean {
  return VIRTUAL.test(p) && !/^[a-zA-Z]:[\\/]/.test(p);
}

/** NodeHost for local paths; virtual paths resolve among themselves and are never read from disk. */
export class EditorHost implements Host {
  private readonly disk: NodeHost;
  constructor(cwd?: string) { this.disk = new NodeHost(cwd); }

  readFile(path: string, maxBytes: number): HostRead {
    if (isVirtualPath(path)) {
      // No configuration applies there (as if none existed); anything else is named as unreachable.
      if (nodePath.posix.basename(path) === CONFIG_FILE) return { ok: false, reason: 'missing', message: `${path} does not exist` };
      return { ok: false, reason: 'unreadable', message: `${path} is not open in the editor (a document that is not saved on this machine links only to documents open beside it)` };
    }
    return this.disk.readFile(path, maxBytes);
  }

  resolve(...parts: string[]): string {
    // The last virtual part and what follows it: joined like URL paths, never leaving its namespace.
    let last = -1;
    parts.forEach((p, i) => { if (isVirtualPath(p)) last = i; });
    if (last < 0) return this.disk.resolve(...parts);
    const m = VIRTUAL.exec(parts[last]!)!;
    const rest = parts.slice(last + 1).map((p) => p.replace(/\\/g, '/'));
    return `${m[1]}://${m[2]}${nodePath.posix.resolve(m[3] || '/', ...rest)}`;
  }

  dirname(path: string): string {
    const m = VIRTUAL.exec(path);
    return m ? `${m[1]}://${m[2]}${nodePath.posix.dirname(m[3] || '/')}` : this.disk.dirname(path);
  }

  display(path: string): string { return isVirtualPath(path) ? path : this.disk.display(path); }
}
