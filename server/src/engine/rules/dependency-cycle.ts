import type { Goal } from '../model/model';
import type { Rule } from './rule';

export const rule: Rule = {
  id: 'dependency-cycle',
  severity: 'error',
  appliesTo: ['roadmap'],
  description: "Goals' `depends_on` form a cycle, so none of them can be done first.",
  check(ctx) {
    const m = ctx.model;
    if (m.kind !== 'roadmap') return;
    const goals = new Map<string, Goal>();
    for (const g of m.goals) if (g.id && !goals.has(g.id)) goals.set(g.id, g);
    const next = (id: string) => (goals.get(id)?.dependsOn ?? []).map((r) => r.id).filter((d) => goals.has(d));
    for (const scc of stronglyConnected([...goals.keys()], next)) {
      const members = new Set(scc);
      if (scc.length === 1 && !next(scc[0]!).includes(scc[0]!)) continue;
      for (const id of scc) {
        const cycle = shortestCycle(id, (x) => next(x).filter((y) => members.has(y)));
        ctx.report({ path: [...goals.get(id)!.path, 'id'], at: 'value', message: `goal ${id} is on a dependency cycle: ${cycle.join(' → ')}; remove one of these depends_on links` });
      }
    }
  },
};

/** Tarjan's algorithm, iterative (roadmaps may hold thousands of goals). */
export function stronglyConnected(nodes: string[], next: (n: string) => string[]): string[][] {
  const index = new Map<string, number>(), low = new Map<string, number>(), on = new Set<string>();
  const stack: string[] = [], out: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ n: string; it: string[]; i: number }> = [];
    const enter = (n: string) => { index.set(n, counter); low.set(n, counter); counter++; stack.push(n); on.add(n); work.push({ n, it: next(n), i: 0 }); };
    enter(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.i < top.it.length) {
        const w = top.it[top.i++]!;
        if (!index.has(w)) enter(w);
        else if (on.has(w)) low.set(top.n, Math.min(low.get(top.n)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) { const p = work[work.length - 1]!.n; low.set(p, Math.min(low.get(p)!, low.get(top.n)!)); }
      if (low.get(top.n) === index.get(top.n)) {
        const comp: string[] = [];
        let w: string;
        do { w = stack.pop()!; on.delete(w); comp.push(w); } while (w !== top.n);
        out.push(comp.reverse());
      }
    }
  }
  return out;
}

/** The shortest path from `start` back to itself, as a list beginning and ending with it. */
function shortestCycle(start: string, next: (n: string) => string[]): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q]!;
    for (const w of next(n)) {
      if (w === start) {
        const path = [start];
        for (let c: string | undefined = n; c !== undefined && c !== start; c = prev.get(c)) path.push(c);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (!prev.has(w)) { prev.set(w, n); queue.push(w); }
    }
  }
  return [start, start];
}
