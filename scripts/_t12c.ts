import { targetedSearch } from '../src/search/targeted.ts';
import { claimById } from '../theorems/index.ts';
const cases: [string, any, number][] = [
  ['lemma-c.1', { seed: 1, d: 3, kind: 'traceless' }, 400],
  ['theorem-3.2/eq-30', { seed: 1, mode: 'random', family: 'random', d: 2, m: 1, p: 1, ansatz: 'line', logTau: 0 }, 400],
  ['theorem-3.2/eq-32', { seed: 1, mode: 'random', family: 'random', d: 2, m: 1, p: 1, ansatz: 'line', logTau: 0 }, 400],
  ['corollary-4.3/sharp-rate', { seed: 1, d: 2, gamma: 2, yhat0: 0, y: 1 }, 100],
  ['corollary-4.3', { seed: 1, d: 2, gamma: 2, yhat0: 0, y: 1 }, 100],
  ['theorem-3.2', { seed: 1, family: 'random', d: 2, m: 1, p: 1, ansatz: 'line', states: 'haar', logEta: 0 }, Number(process.env.EV ?? 300)],
];
for (const [id, params, ev] of cases) {
  if (process.argv[2] && id !== process.argv[2]) continue;
  const t0 = performance.now();
  const r = targetedSearch(claimById(id)!, [params], { seed: 7, evaluations: ev });
  console.log(id, r.best?.outcome.tightness, r.evaluations, r.failure ? 'FAIL ' + JSON.stringify(r.failure.outcome).slice(0, 200) + r.failure.error : '', Math.round(performance.now() - t0), 'ms');
}
