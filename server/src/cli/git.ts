/**
 * Git for `rsp-lint diff --base REF` and `--staged`: git runs as a child process with an
 * argument array (never a shell), in the repository that holds the folder asked about. Old
 * versions are read with `git show REF:path` (or `:path` for the index) through a `Host`, so
 * the engine loads them with the same pipeline as files on disk.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { isConfigName } from '../engine/model/kinds';
import type { Host, HostRead } from '../engine/workspace/host';

export class GitError extends Error {}

const MAX_OUTPUT = 256 * 1024 * 1024;
/** The empty tree: what HEAD is in a repository without commits. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/** Runs git in `cwd`; its stdout as bytes, or a GitError with git's first line of stderr. */
export function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env, input?: string): Buffer {
  try {
    // Read-only plumbing; no fsmonitor hook (a program a repository's config may name) runs.
    return execFileSync('git', ['-c', 'core.fsmonitor=false', ...args], {
      cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, maxBuffer: MAX_OUTPUT, windowsHide: true,
      ...(input !== undefined ? { input, stdio: ['pipe', 'pipe', 'pipe'] } : { stdio: ['ignore', 'pipe', 'pipe'] }),
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT') throw new GitError('git is not installed (or not on PATH); --base and --staged need it');
    const first = (err.stderr?.toString('utf8') ?? '').split('\n').map((l) => l.replace(/^(fatal|error): /, '').trim()).find(Boolean);
    throw new GitError(first ?? `git ${args[0]} failed`);
  }
}

export interface Repo {
  /** The repository's top folder (absolute). */
  top: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function openRepo(cwd: string, env: NodeJS.ProcessEnv): Repo {
  let top: string;
  try { top = git(cwd, ['rev-parse', '--show-toplevel'], env).toString('utf8').trim(); } catch (e) {
    if (e instanceof GitError && /not a git repository/i.test(e.message)) throw new GitError('this folder is not inside a git repository; --base and --staged compare with git history (use rsp-lint diff OLD NEW for two folders)');
    throw e;
  }
  return { top: path.resolve(top), cwd, env };
}

/** The commit a ref names, or a one-line error naming the ref. */
export function resolveRef(repo: Repo, ref: string): string {
  if (ref.startsWith('-')) throw new GitError(`'${ref}' is not a git ref`);
  try { return git(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], repo.env).toString('utf8').trim(); } catch {
    throw new GitError(`git does not know the ref '${ref}' (a branch, tag or commit of this repository; fetch it first if it is remote)`);
  }
}

/** HEAD's commit, or the empty tree in a repository without commits. */
export function headOrEmpty(repo: Repo): string {
  try { return git(repo.top, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], repo.env).toString('utf8').trim(); } catch { return EMPTY_TREE; }
}

/** A path relative to the repository's top, with `/` separators; throws for a path outside it. */
export function repoPath(repo: Repo, abs: string): string {
  const rel = path.relative(repo.top, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new GitError(`${abs} is outside the git repository at ${repo.top}`);
  return rel.split(path.sep).join('/');
}

/** Files under `paths` (repository paths; '' the whole repository) in a tree (a commit) or, with tree undefined, in the index. */
export function listFiles(repo: Repo, tree: string | undefined, paths: string[]): string[] {
  const spec = paths.map((p) => (p === '' ? '.' : p));
  const out = tree === undefined
    ? git(repo.top, ['ls-files', '-z', '--cached', '--', ...spec], repo.env)
    : tree === EMPTY_TREE ? Buffer.alloc(0) : git(repo.top, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', tree, '--', ...spec], repo.env);
  return out.toString('utf8').split('\0').filter(Boolean);
}

/** Renames between a tree and the working tree (or, staged, the index): new path → old path. */
export function renames(repo: Repo, tree: string, staged: boolean, paths: string[]): Map<string, string> {
  const spec = paths.map((p) => (p === '' ? '.' : p));
  const args = ['diff', '--name-status', '-z', '-M', ...(staged ? ['--cached'] : []), tree, '--', ...spec];
  const parts = git(repo.top, args, repo.env).toString('utf8').split('\0');
  const out = new Map<string, string>();
  for (let i = 0; i < parts.length;) {
    const status = parts[i++];
    if (!status) continue;
    if (/^[RC]/.test(status)) { const from = parts[i++]!, to = parts[i++]!; if (status[0] === 'R') out.set(to, from); } else i++;
  }
  return out;
}

/**
 * A Host whose files are the blobs of a tree (`REF:path`) or of the index (`:path`): the
 * engine reads old versions through it. Paths are absolute paths of the working tree.
 */
export class GitHost implements Host {
  /** Blobs read so far, by repository path (null: not in the tree). */
  private readonly blobs = new Map<string, Buffer | null>();
  /** `configs` reads configuration files (.rsp-lint.yaml): today's configuration applies to both versions. */
  constructor(private readonly repo: Repo, private readonly tree: string | undefined, private readonly label: string, private readonly configs?: Host) {}
  private spec(rel: string): string { return this.tree === undefined ? `:${rel}` : `${this.tree}:${rel}`; }
  /** Reads many blobs with one `git cat-file --batch` (instead of one git per file). */
  prefetch(rels: readonly string[]): void {
    if (this.tree === EMPTY_TREE) return;
    const todo = rels.filter((r) => !this.blobs.has(r) && !/[\n\r]/.test(r));
    if (!todo.length) return;
    let out: Buffer;
    try { out = git(this.repo.top, ['cat-file', '--batch'], this.repo.env, todo.map((r) => `${this.spec(r)}\n`).join('')); } catch { return; }
    let i = 0;
    for (const r of todo) {
      const nl = out.indexOf(10, i);
      if (nl < 0) break;
      const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(out.subarray(i, nl).toString('utf8'));
      i = nl + 1;
      if (!m) { this.blobs.set(r, null); continue; } // "<name> missing" (or ambiguous)
      const size = Number(m[2]);
      this.blobs.set(r, m[1] === 'blob' ? out.subarray(i, i + size) : null);
      i += size + 1;
    }
  }
  readFile(p: string, maxBytes: number): HostRead {
    if (this.configs && isConfigName(p)) return this.configs.readFile(p, maxBytes);
    let rel: string;
    try { rel = repoPath(this.repo, p); } catch { return { ok: false, reason: 'missing', message: `${p} is outside the repository` }; }
    let bytes = this.blobs.get(rel);
    if (bytes === undefined) {
      if (this.tree === EMPTY_TREE) bytes = null;
      else { try { bytes = git(this.repo.top, ['cat-file', 'blob', this.spec(rel)], this.repo.env); } catch { bytes = null; } }
      this.blobs.set(rel, bytes);
    }
    if (bytes === null) return { ok: false, reason: 'missing', message: `${this.display(p)} does not exist` };
    if (bytes.length > maxBytes) return { ok: false, reason: 'too-large', message: `${this.display(p)} is larger than the limit`, head: bytes.subarray(0, 4096) };
    return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
  }
  resolve(...parts: string[]): string { return path.resolve(...parts); }
  dirname(p: string): string { return path.dirname(p); }
  /** As git names a blob: `REF:path` with the path from the repository's top. */
  display(p: string): string {
    const rel = path.relative(this.repo.top, p);
    return `${this.label}:${rel.split(path.sep).join('/')}`;
  }
}

/**
 * Refs a change review is likely to want: in a branch that is not the default one, the merge
 * base with the default branch (a pull request's base) first; then HEAD, the upstream and the
 * default branch themselves.
 */
export function reviewBases(repo: Repo): Array<{ ref: string; label: string; detail: string }> {
  const q = (args: string[]) => { try { return git(repo.top, args, repo.env).toString('utf8').trim(); } catch { return ''; } };
  const exists = (ref: string) => ref !== '' && q(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) !== '';
  const branch = q(['symbolic-ref', '--short', '-q', 'HEAD']);
  const originHead = q(['symbolic-ref', '--short', '-q', 'refs/remotes/origin/HEAD']);
  const def = [originHead, 'origin/main', 'origin/master', 'main', 'master'].find(exists) ?? '';
  const upstream = q(['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']);
  const out: Array<{ ref: string; label: string; detail: string }> = [];
  const onDefault = def !== '' && (def === branch || def.replace(/^origin\//, '') === branch);
  if (def && !onDefault) {
    const mb = q(['merge-base', def, 'HEAD']);
    if (mb) out.push({ ref: mb, label: `merge base with ${def}`, detail: `what this branch changes since it left ${def} (a pull request's review)` });
  }
  out.push({ ref: 'HEAD', label: 'HEAD', detail: 'the last commit: what is not committed yet' });
  if (upstream && upstream !== def) out.push({ ref: upstream, label: upstream, detail: 'the upstream of this branch' });
  if (def) out.push({ ref: def, label: def, detail: 'the default branch as it is now' });
  return out;
}
