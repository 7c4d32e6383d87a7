// Delta debugging (ddmin) of a failing text: first whole lines, then characters.

/**
 * Smallest text (by ddmin over lines, then characters) for which `fails(text)` stays true.
 * `budget`: { ms, calls, chars (false: lines only) }.
 */
export function minimize(text, fails, budget = { ms: 20_000, calls: 4000 }) {
  const deadline = Date.now() + budget.ms;
  let calls = 0;
  const test = (t) => { calls++; try { return fails(t); } catch { return false; } };
  const out = (units, sep) => units.join(sep);
  const within = () => Date.now() < deadline && calls < budget.calls;

  function ddmin(units, join) {
    let n = 2;
    while (units.length >= 2 && within()) {
      const chunk = Math.ceil(units.length / n);
      let reduced = false;
      for (let i = 0; i < units.length && within(); i += chunk) {
        const candidate = units.slice(0, i).concat(units.slice(i + chunk));
        if (test(join(candidate))) { units = candidate; n = Math.max(n - 1, 2); reduced = true; break; }
      }
      if (!reduced) {
        if (n >= units.length) break;
        n = Math.min(n * 2, units.length);
      }
    }
    return units;
  }

  let lines = text.split(/(?<=\n)/);
  lines = ddmin(lines, (u) => out(u, ''));
  let best = lines.join('');
  if (budget.chars !== false && best.length <= 1_000_000) {
    const chars = ddmin([...best], (u) => out(u, ''));
    best = chars.join('');
  }
  return { text: best, calls };
}
