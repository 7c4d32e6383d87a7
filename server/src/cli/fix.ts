/**
 * `--fix` and `--fix-dry-run`: the safe fixes (a misspelled value, key or id with one clear
 * suggestion), computed in memory; `write.ts` writes them.
 */
import { createTwoFilesPatch } from 'diff';
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
  return results.map((r) => createTwoFilesPatch(`a/${r.display}`, `b/${r.display}`, r.before, r.after, '', '', { context: 3 })
    .replace(/^(Index:.*\n)?=+\n/, '').replace(/^(---|\+\+\+) (.*)\t$/gm, '$1 $2')).join('');
}
