import { targetedSearch } from '../src/search/targeted.ts';
import { claimById } from '../theorems/index.ts';
const base = { seed: 1, family: 'random', d: 2, m: 1, p: 1, ansatz: 'line', states: 'haar', logEta: 0 };
for (const [n, ev, seed] of [[3, 450, 7], [4, 400, 7], [3, 450, 8], [3,450,9]] as const) {
  const t0 = performance.now();
  const r = targetedSearch(claimById('theorem-3.2')!, Array.from({ length: n }, () => base), { seed, evaluations: ev });
  console.log(n, ev, seed, r.best?.outcome.tightness, Math.round(performance.now() - t0), 'ms');
}
