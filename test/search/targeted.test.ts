/** Covers src/search/targeted.ts's choice of optimiser (searchMethod): exact cases at the boundaries. */
import { describe, expect, it } from 'vitest';
import { CMA_MIN_GENERATIONS, CMA_SHARE, searchMethod, SIMPLEX_MAX_DIMENSION } from '../../src/search/targeted.ts';
import { sepCmaPopulation } from '../../src/search/sep-cma-es.ts';

describe('searchMethod', () => {
  it('Nelder-Mead in small dimension with >= 10 (n + 1) evaluations', () => {
    expect(searchMethod(2, 30)).toBe('nelder-mead');
    expect(searchMethod(2, 29)).toBe('one-plus-one');
    expect(searchMethod(SIMPLEX_MAX_DIMENSION, 10 * (SIMPLEX_MAX_DIMENSION + 1))).toBe('nelder-mead');
  });
  it('above the simplex dimension: sep-CMA-ES then the ES when its share buys enough generations, else the ES alone', () => {
    const n = 128, need = CMA_MIN_GENERATIONS * sepCmaPopulation(n); // 40 x 18 = 720
    expect(need).toBe(720);
    expect(searchMethod(n, Math.ceil(need / CMA_SHARE))).toBe('cma-then-es');
    expect(searchMethod(n, Math.ceil(need / CMA_SHARE) - 1)).toBe('one-plus-one');
    expect(searchMethod(SIMPLEX_MAX_DIMENSION + 1, 100000)).toBe('cma-then-es');
    expect(searchMethod(SIMPLEX_MAX_DIMENSION + 1, 300)).toBe('one-plus-one');
  });
});
