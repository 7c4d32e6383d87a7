/**
 * Every file the CLI writes (`--fix`, `report --out`, later `--out`s and `--write`s) goes
 * through here, so that no write lands anywhere but the file the user named:
 *
 * - atomically: a temporary file created exclusively (never through a link) in the folder of
 *   the file written, flushed, then renamed over it, keeping its mode; an interrupted run
 *   leaves the old file or the new one, and no temporary file;
 * - a symbolic link is written through to its target only where the caller allows it (a
 *   document named or found under a named folder whose target lies inside that folder), the
 *   link itself kept; otherwise the file is refused;
 * - folders, FIFOs, devices, sockets and files with several hard links are refused (writing
 *   would replace a folder, block, or separate the other names from the new content).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A write refused for a reason the user can act on (exit 2 with this message). */
export class WriteRefused extends Error {}

export interface WritePolicy {
  /**
   * Whether a symbolic link may be written through to its target (`real`, resolved): false
   * refuses every link.
   */
  followLink: false | ((real: string) => boolean);
  /** Create a new file only: refuse when anything (a file, a link, even a link to nothing) is
   *  already at the path, and never replace what appears there meanwhile (`rsp-lint init`). */
  createOnly?: boolean;
}

/** Thrown (a WriteRefused) when a create-only write finds something at its path. */
export class AlreadyExists extends WriteRefused {}

/** Where writing `file` would really write, or a WriteRefused saying why not. */
export function writeDestination(file: string, policy: WritePolicy): string {
  let st: fs.Stats;
  try { st = fs.lstatSync(file); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') throw new WriteRefused('the path it would go in is not a folder');
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const dir = path.dirname(file);
    let d: fs.Stats;
    try { d = fs.statSync(dir); } catch { throw new WriteRefused('the folder it would go in does not exist'); }
    if (!d.isDirectory()) throw new WriteRefused('the path it would go in is not a folder');
    return file; // a new file
  }
  if (policy.createOnly) throw new AlreadyExists(st.isSymbolicLink() ? 'a symbolic link is already there; nothing was written' : 'it already exists; nothing was written');
  if (st.isSymbolicLink()) {
    let real: string;
    try { real = fs.realpathSync(file); } catch { throw new WriteRefused('it is a symbolic link to nothing; not written'); }
    if (!policy.followLink || !policy.followLink(real)) {
      throw new WriteRefused(`it is a symbolic link to ${real}${policy.followLink ? ', outside the folders named' : ''}; not written (name the target itself to write it)`);
    }
    st = fs.statSync(real);
    file = real;
  }
  if (st.isDirectory()) throw new WriteRefused('it is a folder; not written');
  if (!st.isFile()) throw new WriteRefused('it is not a regular file (a FIFO, device or socket); not written');
  if (st.nlink > 1) throw new WriteRefused(`it has ${st.nlink} hard links, which a safe replacement would separate; not written`);
  return file;
}

let pendingTemp: string | undefined;
let guarded = false;
function guardSignals(): void {
  if (guarded) return;
  guarded = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      if (pendingTemp) try { fs.unlinkSync(pendingTemp); } catch { /* already gone */ }
      process.exit(130);
    });
  }
}

/**
 * Writes `text` to `file` (after `writeDestination`) atomically, keeping the mode of the file
 * it replaces. Returns the path really written.
 */
export function writeAtomic(file: string, text: string, policy: WritePolicy = { followLink: false }): string {
  const dest = writeDestination(file, policy);
  guardSignals();
  const dir = path.dirname(dest);
  const tmp = path.join(dir, `.${path.basename(dest)}.rsp-lint-${process.pid}.tmp`);
  let mode = 0o666; // a new file: the usual mode, less the umask
  try { mode = fs.statSync(dest).mode & 0o7777; } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; }
  pendingTemp = tmp;
  try {
    const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), mode);
    try {
      fs.writeFileSync(fd, text, 'utf8');
      fs.fsyncSync(fd);
    } finally { fs.closeSync(fd); }
    if (policy.createOnly) {
      // A hard link fails if anything has appeared at dest since the check: never replaces it.
      try { fs.linkSync(tmp, dest); } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new AlreadyExists('it already exists; nothing was written');
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw e;
        // A file system without hard links: an exclusive copy (also never replaces).
        try { fs.copyFileSync(tmp, dest, fs.constants.COPYFILE_EXCL); } catch (e2) {
          if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') throw new AlreadyExists('it already exists; nothing was written');
          throw e2;
        }
      }
      fs.unlinkSync(tmp);
    } else {
      fs.renameSync(tmp, dest);
    }
    pendingTemp = undefined;
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch { /* never created */ }
    pendingTemp = undefined;
    throw e;
  }
  return dest;
}

/** Whether `inner` is `outer` or lies below it (both resolved paths). */
export function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The write policy for a document the CLI checked: named itself, or found under `root`. */
export function documentWritePolicy(root: string | undefined): WritePolicy {
  if (root === undefined) return { followLink: () => true };
  let realRoot: string;
  try { realRoot = fs.realpathSync(root); } catch { return { followLink: false }; }
  return { followLink: (real) => isInside(realRoot, real) };
}
