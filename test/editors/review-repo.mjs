// The git repository the change-review scenarios open: version 2.0 of examples/change-review on
// `main`, version 2.1 on the branch `policy-2.1` (checked out), so the merge base with main is the
// pull request's base.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Makes the repository in `workspace` (an empty folder); git's HOME is `home`. */
export function makeReviewRepo(workspace, home = workspace) {
  const env = { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
  const git = (...args) => { const r = spawnSync('git', args, { cwd: workspace, env, encoding: 'utf8' }); if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`); return r.stdout.trim(); };
  const ex = (v) => path.join(root, 'examples', 'change-review', v);
  git('init', '-q', '-b', 'main');
  fs.cpSync(ex('v1'), workspace, { recursive: true });
  git('add', '-A'); git('commit', '-q', '-m', 'version 2.0');
  git('checkout', '-q', '-b', 'policy-2.1');
  fs.cpSync(ex('v2'), workspace, { recursive: true });
  git('commit', '-q', '-am', 'version 2.1');
}
