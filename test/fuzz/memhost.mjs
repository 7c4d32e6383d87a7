// An in-memory Host (server/src/engine/workspace/host.ts) for the engine mode: the workspace reads the
// linked policy (and configuration files) from here, so cross-file rules run on mutated input.
import * as posix from 'node:path/posix';

export const MEM_ROOT = '/ws';

export class MemHost {
  constructor() {
    /** path → bytes */
    this.files = new Map();
    /** Paths that behave like devices or FIFOs. */
    this.special = new Set(['/dev/null', '/dev/zero', '/dev/stdin']);
    this.reads = 0;
  }

  readFile(path, maxBytes) {
    this.reads++;
    if (this.special.has(path)) return { ok: false, reason: 'special', message: `${this.display(path)} is not a regular file (a device, FIFO or socket); it was not read` };
    const b = this.files.get(path);
    if (!b) {
      if (this.isDir(path)) return { ok: false, reason: 'directory', message: `${this.display(path)} is a folder, not a file` };
      return { ok: false, reason: 'missing', message: `${this.display(path)} does not exist` };
    }
    if (b.length > maxBytes) return { ok: false, reason: 'too-large', message: `${this.display(path)} is over the limit of ${maxBytes} bytes`, head: b.subarray(0, 4096) };
    return { ok: true, bytes: b };
  }

  isDir(path) {
    if (path === '/' || path === MEM_ROOT) return true;
    const prefix = path.endsWith('/') ? path : path + '/';
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }

  resolve(...parts) { return posix.resolve(MEM_ROOT, ...parts); }
  dirname(path) { return posix.dirname(path); }
  display(path) {
    const rel = posix.relative(MEM_ROOT, path);
    return rel && !rel.startsWith('..') && !posix.isAbsolute(rel) ? rel : path;
  }
}
