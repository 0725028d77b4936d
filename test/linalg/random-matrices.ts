/**
 * Test-only random matrices for the linalg unit tests, from a tiny generator of their own
 * (mulberry32 + Box-Muller) so that the kernels are tested independently of src/random.
 */
import { type CMat, type CVec, cvec, hermitianPart, zeros } from '../../src/linalg/cmatrix.ts';

export function makeRng(seed: number) {
  let s = seed >>> 0;
  const uniform = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, gauss };
}
export type Rng = ReturnType<typeof makeRng>;

/** rows x cols matrix with i.i.d. standard normal real and imaginary parts. */
export function randomMatrix(rng: Rng, rows: number, cols: number = rows): CMat {
  const a = zeros(rows, cols);
  for (let i = 0; i < rows * cols; i++) {
    a.re[i] = rng.gauss();
    a.im[i] = rng.gauss();
  }
  return a;
}

export function randomVec(rng: Rng, n: number): CVec {
  const v = cvec(n);
  for (let i = 0; i < n; i++) {
    v.re[i] = rng.gauss();
    v.im[i] = rng.gauss();
  }
  return v;
}

/** (A + A^dag)/2 of a random matrix. */
export function randomHermitian(rng: Rng, n: number): CMat {
  return hermitianPart(randomMatrix(rng, n));
}
