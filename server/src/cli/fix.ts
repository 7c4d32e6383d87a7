/**
 * `--fix` and `--fix-dry-run`: the safe fixes (a misspelled value, key or id with one clear
 * suggestion), computed in memory; `write.ts` writes them.
 */
import { createTwoFilesPatch } from 'diff';
import { patchPath, patchText } from '../encode';
import { applySafeFixes } from '../engine/features/fix';
import type { Workspace } from '../engine/workspace/workspace';

const MAX_PASSES = 5;

export interface FixResult { abs: string; display: string; root?: string; before: string; after: string; applied: number }

/** Fixes in memory (the workspace sees the fixed text); nothing is written here. */
export function computeFixes(ws: Workspace, targets: Array<{ abs: string; display: string; root?: string }>): FixResult[] {
  const out: FixResult[] = [];
  for (const t of targets) {
    const doc = ws.load(t.abs);
    const before = doc.parsed?.text;
    if (before === undefined) continue;
    let text = before;
    let applied = 0;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const r = applySafeFixes(text, ws.analyze(t.abs));
      if (r.applied === 0 || r.text === text) break;
      applied += r.applied;
      text = r.text;
      ws.setText(t.abs, text); // the next pass, and the final report, see the fixed text
    }
    if (text !== before) out.push({ ...t, before, after: text, applied });
  }
  return out;
}

/** A unified diff per file (`a/` and `b/` prefixes, as git prints them). */
export function unifiedDiff(results: ReadonlyArray<{ display: string; before: string; after: string }>): string {
  // The headers are written here, not by the diff library: a file name is data (git-quoted when
  // it holds a special character), and no line of the patch can be split by a lone CR.
  return results.map((r) => {
    const body = createTwoFilesPatch('a', 'b', r.before, r.after, '', '', { context: 3 }).replace(/^(Index:.*\n)?=+\n/, '');
    const hunks = body.slice(body.indexOf('\n@@') + 1);
    if (!body.includes('\n@@')) return '';
    const path = r.display;
    return patchText(`--- ${patchPath(`a/${path}`)}\n+++ ${patchPath(`b/${path}`)}\n${hunks}`);
  }).join('');
}
