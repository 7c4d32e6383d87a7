/** The Host on a real file system: bounded reads of regular files only. */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Host, HostRead } from './host';
import { formatBytes } from '../syntax/parse';

export class NodeHost implements Host {
  constructor(private readonly cwd = process.cwd()) {}

  readFile(path: string, maxBytes: number): HostRead {
    let fd: number | undefined;
    try {
      let st: fs.Stats;
      try { st = fs.statSync(path); } catch (e) { return failure(e, path); }
      if (st.isDirectory()) return { ok: false, reason: 'directory', message: `${this.display(path)} is a folder, not a file` };
      if (!st.isFile()) return { ok: false, reason: 'special', message: `${this.display(path)} is not a regular file (a device, FIFO or socket); it was not read` };
      if (st.size > maxBytes) return { ok: false, reason: 'too-large', message: `${this.display(path)} is ${formatBytes(st.size)}, over the limit of ${formatBytes(maxBytes)}`, head: readHead(path) };
      // O_NONBLOCK: if the file was swapped for a FIFO after stat, open must not hang.
      fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
      const st2 = fs.fstatSync(fd);
      if (!st2.isFile()) return { ok: false, reason: 'special', message: `${this.display(path)} is not a regular file; it was not read` };
      const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(st2.size, 0) + 1));
      let n = 0;
      for (;;) {
        const r = fs.readSync(fd, buf, n, buf.length - n, null);
        if (r === 0) break;
        n += r;
        if (n >= buf.length) break;
      }
      if (n > maxBytes) return { ok: false, reason: 'too-large', message: `${this.display(path)} is over the limit of ${formatBytes(maxBytes)}` };
      return { ok: true, bytes: buf.subarray(0, n) };
    } catch (e) {
      return failure(e, this.display(path));
    } finally {
      if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already closed */ }
    }
  }

  resolve(...parts: string[]): string { return nodePath.resolve(this.cwd, ...parts); }
  dirname(path: string): string { return nodePath.dirname(path); }
  display(path: string): string {
    const rel = nodePath.relative(this.cwd, path);
    return rel && !rel.startsWith('..') && !nodePath.isAbsolute(rel) ? rel : path;
  }
}

/** The first 4 KiB of a regular file (to place a finding on its first line). */
function readHead(path: string): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const buf = Buffer.alloc(4096);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already closed */ }
  }
}

function failure(e: unknown, shown: string): HostRead {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing', message: `${shown} does not exist` };
  if (code === 'EISDIR') return { ok: false, reason: 'directory', message: `${shown} is a folder, not a file` };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: 'unreadable', message: `${shown} cannot be read (permission denied)` };
  return { ok: false, reason: 'unreadable', message: `${shown} cannot be read (${code ?? (e as Error).message})` };
}
