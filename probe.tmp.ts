import { targetedSearch } from './src/search/targeted.ts';
import { claimById } from './theorems/index.ts';
const cases: [string, any, number][] = [
  ['lemma-c.1', { seed: 1, d: 8, kind: 'traceless' }, 1500],
  ['lemma-c.1', { seed: 1, d: 8, kind: 'traceless' }, 6000],
  ['lemma-c.2', { seed: 1, d: 8, m: 4, gamma: 2, orthonormal: true, family: 'random' }, 6000],
  ['theorem-3.2/eq-30', { seed: 1, mode: 'random', family: 'random', d: 4, m: 2, p: 2, ansatz: 'line', logTau: 0 }, 3000],
  ['theorem-3.2/eq-32', { seed: 1, mode: 'random', family: 'random', d: 4, m: 2, p: 2, ansatz: 'line', logTau: 0 }, 3000],
];
const out: string[] = [];
for (const [id, start, ev] of cases) {
  const c = claimById(id)!;
  const v = [7, 8, 9].map((seed) => targetedSearch(c, [start], { seed, evaluations: ev }).best?.outcome.tightness?.toFixed(4));
  out.push(`${id} d${start.d} ev${ev}: ${v.join(' ')}`);
}
console.log('frac', process.env.CMA_FRAC, '\n' + out.join('\n'));
