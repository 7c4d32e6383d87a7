/**
 * `rsp-lint diff OLD NEW` and `rsp-lint diff --base REF [paths]` / `--staged` (spec v2 §10): the
 * change review of `engine/diff` over two files, two folders (documents matched by relative
 * path), or the documents under paths against their content at a git ref (or the index against
 * HEAD). Old versions from git are read through `GitHost`, so both versions go through the same
 * pipeline as a check.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { jsonText, shorten, terminalText } from '../encode';
import { EFFECT_ORDER, summarize } from '../engine/diff/diff';
import { reasonOf, subjectOf, whatOf } from '../engine/diff/describe';
import { changeJson, reviewDocuments, type DocPair, type DocReview } from '../engine/diff/review';
import { isConfigName, isRspDocument, isYamlName } from '../engine/model/kinds';
import { NodeHost } from '../engine/workspace/node-host';
import { Workspace } from '../engine/workspace/workspace';
import { diffSummary, lineOf, ordered, REASON_MAX, renderDiffMarkdown } from '../present/diff-markdown';
import { renderDiffHtml } from '../present/diff-html';
import { discover, NOTHING_FOUND, UsageError } from './discover';
import { GitError, GitHost, headOrEmpty, listFiles, openRepo, renames, repoPath, resolveRef, type Repo } from './git';
import type { CliIO } from './io';

export const DIFF_HELP = `Usage: rsp-lint diff [options] OLD NEW
       rsp-lint diff [options] --base GITREF [paths...]
       rsp-lint diff [options] --staged [paths...]

Reviews what a new version of RSP documents changes, item by item (matched by id, not by
line): every threshold, safeguard, evaluation, standard, commitment, goal, role, decision and
scale added, removed, renamed or changed, and each governance and risk-report part by its key.
Each change is weakened, strengthened or neutral; a weakening is explained when the new
policy's 'changes' entry for its version has an item whose 'ref' names it.

  OLD NEW              two files, or two folders (documents matched by relative path)
  --base GITREF        each RSP document under the paths (default: the current folder)
                       against its content at GITREF (a branch, tag or commit)
  --staged             the staged versions (the index) against HEAD, or against --base
                       (for a pre-commit hook)

Options:
  --format <name>      stylish (default), json, markdown (a pull-request comment) or html
  --allow-empty        exit 0 when no RSP document is found (default: exit 2)
  --help               print this help

Exit status: 0 no unexplained weakening, 1 a weakening is unexplained, 2 usage or I/O error
(a git ref or path git does not know, a version with YAML errors).
`;

const FORMATS = ['stylish', 'json', 'markdown', 'html'] as const;

class Refused extends Error {}

export interface Plan { pairs: DocPair[]; oldWs: Workspace; newWs: Workspace; base?: string; abs: Map<DocPair, { new?: string; old?: string }> }

function folderPlan(io: CliIO, a: string, b: string): Plan {
  const absA = path.resolve(io.cwd, a), absB = path.resolve(io.cwd, b);
  const stat = (p: string, shown: string) => { try { return fs.statSync(p); } catch { throw new Refused(`no such file or folder: ${shown}`); } };
  const sa = stat(absA, a), sb = stat(absB, b);
  const oldWs = new Workspace(new NodeHost(io.cwd)), newWs = new Workspace(new NodeHost(io.cwd));
  const abs = new Map<DocPair, { new?: string; old?: string }>();
  if (sa.isDirectory() !== sb.isDirectory()) throw new Refused(`compare two files or two folders: ${sa.isDirectory() ? a : b} is a folder, ${sa.isDirectory() ? b : a} is not`);
  if (!sa.isDirectory()) {
    const p: DocPair = { display: b, oldDisplay: a, oldPath: absA, newPath: absB };
    abs.set(p, { old: absA, new: absB });
    return { pairs: [p], oldWs, newWs, abs };
  }
  const rel = (root: string, t: { abs: string }) => path.relative(root, t.abs).split(path.sep).join('/');
  let oldT, newT;
  try { oldT = discover([a], io.cwd).targets; newT = discover([b], io.cwd).targets; } catch (e) { if (e instanceof UsageError) throw new Refused(e.message); throw e; }
  const olds = new Map(oldT.map((t) => [rel(absA, t), t]));
  const pairs: DocPair[] = [];
  for (const t of newT) {
    const r = rel(absB, t);
    const o = olds.get(r);
    olds.delete(r);
    const p: DocPair = { display: t.display, newPath: t.abs, ...(o ? { oldPath: o.abs, oldDisplay: o.display } : {}) };
    abs.set(p, { new: t.abs, ...(o ? { old: o.abs } : {}) });
    pairs.push(p);
  }
  for (const [, o] of olds) { const p: DocPair = { display: o.display, oldPath: o.abs }; abs.set(p, { old: o.abs }); pairs.push(p); }
  return { pairs, oldWs, newWs, abs };
}

/**
 * What to compare against git: the documents under `args` (relative to `io.cwd`) at `ref` (HEAD
 * when undefined) and in the working tree, or with `staged` in the index. Throws GitError with a
 * one-line message for a ref or path git does not know. Also used by the language server.
 */
export function gitPlan(io: Pick<CliIO, 'cwd' | 'env'>, ref: string | undefined, staged: boolean, args: string[], shownAs?: string): Plan {
  const repo: Repo = openRepo(io.cwd, io.env);
  const base = ref !== undefined ? resolveRef(repo, ref) : headOrEmpty(repo);
  const label = shownAs ?? ref ?? 'HEAD';
  const disk = new NodeHost(io.cwd);
  const oldHost = new GitHost(repo, base, label, disk);
  const newHost = staged ? new GitHost(repo, undefined, 'index', disk) : disk;
  const oldWs = new Workspace(oldHost), newWs = new Workspace(newHost);
  const given = args.length ? args : ['.'];
  const specs: string[] = [];
  for (const a of given) {
    const absA = path.resolve(io.cwd, a);
    let rel: string;
    try { rel = repoPath(repo, absA); } catch { throw new GitError(`${a} is not in the git repository at ${repo.top}`); }
    specs.push(rel);
  }
  const display = (rel: string) => { const d = path.relative(io.cwd, path.join(repo.top, rel)); return d.split(path.sep).join('/'); };
  const absOf = (rel: string) => path.join(repo.top, ...rel.split('/'));
  const isDoc = (host: GitHost | NodeHost, rel: string) => isRspDocument(rel, () => {
    const r = host.readFile(absOf(rel), 64 * 1024 * 1024);
    return r.ok ? new TextDecoder().decode(r.bytes.subarray(0, 64 * 1024)) : undefined;
  });
  // Old side: the documents at the ref under the paths.
  const atBase = listFiles(repo, base, specs);
  oldHost.prefetch(atBase.filter((f) => isYamlName(f) && !isConfigName(f)));
  const oldFiles = atBase.filter((f) => isDoc(oldHost, f));
  // New side: the index, or the working tree (as a check finds it).
  let newRels: string[];
  if (staged) {
    const inIndex = listFiles(repo, undefined, specs);
    (newHost as GitHost).prefetch(inIndex.filter((f) => isYamlName(f) && !isConfigName(f)));
    newRels = inIndex.filter((f) => isDoc(newHost as GitHost, f));
  }
  else {
    const existing = given.filter((a) => fs.existsSync(path.resolve(io.cwd, a)));
    for (const [i, a] of given.entries()) {
      if (existing.includes(a)) continue;
      // Gone from the working tree: fine if git knows it at the ref (then it was removed).
      if (!listFiles(repo, base, [specs[i]!]).length) throw new GitError(`no such file or folder, and git does not know it at ${label}: ${a}`);
    }
    try { newRels = existing.length ? discover(existing, io.cwd).targets.map((t) => repoPath(repo, t.abs)) : []; } catch (e) { if (e instanceof UsageError) throw new Refused(e.message); throw e; }
  }
  if (staged) {
    for (const [i, a] of given.entries()) {
      if (!listFiles(repo, undefined, [specs[i]!]).length && !listFiles(repo, base, [specs[i]!]).length && !fs.existsSync(path.resolve(io.cwd, a))) {
        throw new GitError(`git does not know ${a} (not in the index, nor at ${label})`);
      }
    }
  }
  const moved = renames(repo, base, staged, specs);
  const oldSet = new Set(oldFiles);
  const pairs: DocPair[] = [];
  const abs = new Map<DocPair, { new?: string; old?: string }>();
  for (const r of newRels) {
    const from = moved.get(r) ?? r;
    const known = oldSet.has(from) || (moved.has(r) && isDoc(oldHost, from));
    oldSet.delete(from);
    const p: DocPair = { display: display(r), newPath: absOf(r), ...(known ? { oldPath: absOf(from), oldDisplay: `${label}:${from}` } : {}) };
    abs.set(p, { new: absOf(r) });
    pairs.push(p);
  }
  for (const f of oldSet) { const p: DocPair = { display: display(f), oldDisplay: `${label}:${f}`, oldPath: absOf(f) }; abs.set(p, {}); pairs.push(p); }
  pairs.sort((x, y) => (x.display < y.display ? -1 : x.display > y.display ? 1 : 0));
  return { pairs, oldWs, newWs, base: label, abs };
}

export function runDiff(argv: string[], io: CliIO): number {
  let values: Record<string, string | boolean | undefined>, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { base: { type: 'string' }, staged: { type: 'boolean' }, format: { type: 'string' }, 'allow-empty': { type: 'boolean' }, help: { type: 'boolean' } },
    }));
  } catch (e) {
    io.stderr(`rsp-lint diff: ${(e as Error).message.split('\n')[0]} (see rsp-lint diff --help)\n`);
    return 2;
  }
  if (values.help) { io.stdout(DIFF_HELP); return 0; }
  const format = (values.format ?? 'stylish') as string;
  if (!(FORMATS as readonly string[]).includes(format)) { io.stderr(`rsp-lint diff: unknown format '${format}'; use one of ${FORMATS.join(', ')}\n`); return 2; }
  const git = values.base !== undefined || !!values.staged;
  if (values.base === '') { io.stderr('rsp-lint diff: --base needs a git ref (a branch, tag or commit)\n'); return 2; }
  if (!git && positionals.length !== 2) {
    io.stderr(`rsp-lint diff: ${positionals.length < 2 ? 'name the old and the new version (two files or two folders)' : 'give two paths, OLD and NEW'}, or use --base GITREF (see rsp-lint diff --help)\n`);
    return 2;
  }
  let plan: Plan;
  try {
    plan = git ? gitPlan(io, values.base as string | undefined, !!values.staged, positionals) : folderPlan(io, positionals[0]!, positionals[1]!);
  } catch (e) {
    if (e instanceof GitError || e instanceof Refused) { io.stderr(`rsp-lint diff: ${e.message}\n`); return 2; }
    throw e;
  }
  const reviews = reviewDocuments(plan.oldWs, plan.newWs, plan.pairs);
  if (reviews.length === 0) {
    if (!values['allow-empty']) { io.stderr(`rsp-lint diff: ${NOTHING_FOUND.replace('nothing was checked', 'nothing was compared')}\n`); return 2; }
    io.stderr('rsp-lint diff: no RSP documents found; nothing was compared\n');
  }
  if (format === 'json') {
    io.stdout(`${jsonText(reviews.flatMap((r) => r.changes.map((c) => changeJson(r.display, c))), 2)}\n`);
  } else if (format === 'markdown') {
    io.stdout(renderDiffMarkdown(reviews));
  } else if (format === 'html') {
    io.stdout(renderDiffHtml(reviews, { mode: 'file', ...(plan.base ? { base: plan.base } : {}), paths: (r) => plan.abs.get(plan.pairs.find((p) => p.display === r.display)!) ?? {} }));
  } else {
    io.stdout(stylish(reviews, io.isTTY && !io.env.NO_COLOR || !!io.env.FORCE_COLOR));
  }
  let failed = false;
  for (const r of reviews) {
    if (!r.error) continue;
    const e = r.error;
    io.stderr(`rsp-lint diff: ${e.line !== undefined ? `${e.where}:${e.line + 1}:${(e.character ?? 0) + 1}` : e.where}: ${e.io ? '' : e.side === 'old' ? 'the old version cannot be read as YAML: ' : 'cannot be read as YAML: '}${e.message}; not compared\n`);
    failed = true;
  }
  if (failed) return 2;
  return summarize(reviews.flatMap((r) => r.changes)).unexplained ? 1 : 0;
}

function stylish(reviews: readonly DocReview[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const lines: string[] = [];
  for (const r of reviews) {
    if (!r.changes.length) continue;
    const head = `${terminalText(r.display)}${r.oldDisplay ? `  (was ${terminalText(r.oldDisplay)})` : ''}${r.status === 'added' ? '  (new)' : r.status === 'removed' ? '  (removed)' : ''}`;
    lines.push(paint('4', head));
    const rows = ordered([r]).flatMap(({ change: c }) => {
      const l = lineOf(c);
      const at = l ? `${l.old ? 'was ' : ''}${l.line}` : '';
      const effect = c.effect === 'weakened' ? paint('31', 'weakened    ') : c.effect === 'strengthened' ? paint('32', 'strengthened') : paint('2', 'neutral     ');
      const expl = c.effect !== 'weakened' ? '           ' : c.explained ? 'explained  ' : paint('1;31', 'UNEXPLAINED');
      const row = `  ${at.padStart(8)}  ${effect}  ${expl}  ${terminalText(subjectOf(c))}: ${terminalText(whatOf(c))}`;
      // The change log's reason under an explained weakening, in the column of the item.
      return c.explained && c.reason ? [row, `${' '.repeat(39)}${paint('2', `reason: ${terminalText(shorten(reasonOf(c)!, REASON_MAX))}`)}`] : [row];
    });
    lines.push(...rows, '');
  }
  const s = summarize(reviews.flatMap((r) => r.changes));
  const mark = s.unexplained ? paint('31', '✖ ') : s.weakened ? paint('33', '⚠ ') : paint('32', '✔ ');
  lines.push(`${mark}${diffSummary(reviews)}`);
  void EFFECT_ORDER;
  return `${lines.join('\n')}\n`;
}
