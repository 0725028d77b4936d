/** Covers src/linalg/lanczos.ts: extreme eigenvalues of a Hermitian operator given as a matrix-vector product. */
import { describe, expect, it } from 'vitest';
import {
  type CMat, type CVec, EPS, adjoint, cvec, hermitianPart, inner, matmul, matvec, scale, vecNorm, zeros,
} from '../../src/linalg/cmatrix.ts';
import { eigvalsh } from '../../src/linalg/eigh.ts';
import {
  type HermitianOperator, LANCZOS_MAX_STORAGE, lanczosExtremes, ritzExtremes,
} from '../../src/linalg/lanczos.ts';
import { makeRng, randomHermitian, randomVec, type Rng } from './random-matrices.ts';

/** Rounding allowance of a finished Lanczos run on C^n, as the eigensolver's tests: 20 EPS n ||A||. */
const rounding = (n: number, norm: number): number => 20 * EPS * n * norm;

/** The operator x -> A x of a dense matrix. */
function denseOperator(a: CMat): HermitianOperator {
  return (xre, xim, yre, yim) => {
    const v = cvec(a.cols);
    v.re.set(xre);
    v.im.set(xim);
    const y = matvec(a, v);
    yre.set(y.re);
    yim.set(y.im);
  };
}

/** x -> diag(values) x. */
function diagonalOperator(values: readonly number[]): HermitianOperator {
  return (xre, xim, yre, yim) => {
    for (let i = 0; i < values.length; i++) {
      yre[i] = values[i] * xre[i];
      yim[i] = values[i] * xim[i];
    }
  };
}

/** Wraps an operator and records the vectors it is applied to: the Lanczos basis q_0, q_1, ... */
function recording(op: HermitianOperator): { op: HermitianOperator; basis: CVec[] } {
  const basis: CVec[] = [];
  return {
    basis,
    op: (xre, xim, yre, yim) => {
      basis.push({ re: xre.slice(), im: xim.slice() });
      op(xre, xim, yre, yim);
    },
  };
}

/** max over i, j of |q_i^dag q_j - delta_ij|. */
function orthonormalityError(basis: readonly CVec[]): number {
  let worst = 0;
  for (let i = 0; i < basis.length; i++) {
    for (let j = 0; j <= i; j++) {
      const c = inner(basis[i], basis[j]);
      worst = Math.max(worst, Math.hypot(c.re - (i === j ? 1 : 0), c.im));
    }
  }
  return worst;
}

/** The start vector of lanczosExtremes for a seed: the first vector it applies an operator to (here the identity). */
function startVector(n: number, seed: number): CVec {
  const rec = recording(diagonalOperator(new Array<number>(n).fill(1)));
  lanczosExtremes(n, rec.op, { seed });
  return rec.basis[0];
}

/**
 * A Hermitian matrix on which Lanczos from q0 produces prescribed coefficients: A = Q T Q^dag with T the
 * Jacobi matrix of alpha (diagonal) and beta > 0 (off-diagonal) and Q unitary with first column q0, so that
 * A q_k = beta_{k-1} q_{k-1} + alpha_k q_k + beta_k q_{k+1} with q_k = Q e_k.
 */
function withCoefficients(q0: CVec, alpha: readonly number[], beta: readonly number[], rng: Rng): CMat {
  const n = alpha.length;
  const cols: CVec[] = [q0];
  while (cols.length < n) {
    const v = randomVec(rng, n);
    for (let pass = 0; pass < 2; pass++) {
      for (const u of cols) {
        const c = inner(u, v);
        for (let i = 0; i < n; i++) {
          v.re[i] -= c.re * u.re[i] - c.im * u.im[i];
          v.im[i] -= c.re * u.im[i] + c.im * u.re[i];
        }
      }
    }
    const s = vecNorm(v);
    for (let i = 0; i < n; i++) { v.re[i] /= s; v.im[i] /= s; }
    cols.push(v);
  }
  const q = zeros(n), t = zeros(n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) { q.re[i * n + j] = cols[j].re[i]; q.im[i * n + j] = cols[j].im[i]; }
    t.re[j * n + j] = alpha[j];
    if (j + 1 < n) { t.re[j * n + j + 1] = beta[j]; t.re[(j + 1) * n + j] = beta[j]; }
  }
  return hermitianPart(matmul(matmul(q, t), adjoint(q)));
}

/** The designed convergence-check schedule: steps 1, 5, 9, ..., each max(4, floor(k / 8)) steps after the previous one. */
const CHECK_SCHEDULE = [1, 5, 9, 13, 17, 21, 25, 29, 33, 37, 41, 46, 51, 57, 64, 72, 81, 91, 102, 114, 128, 144];

describe('lanczosExtremes', () => {
  it('exact case: diag(-3, 1, 2, 5) gives min -3, max 5, norm 5 within n = 4 steps', () => {
    const r = lanczosExtremes(4, diagonalOperator([-3, 1, 2, 5]));
    expect(Math.abs(r.min + 3)).toBeLessThan(1e-13);
    expect(Math.abs(r.max - 5)).toBeLessThan(1e-13);
    expect(r.norm).toBeCloseTo(5, 13);
    expect(r.iterations).toBeLessThanOrEqual(4);
  });

  it('an invariant Krylov space ends the iteration: 2 I + e_0 e_0^T has two distinct eigenvalues, found in 2 steps', () => {
    const values = Array.from({ length: 50 }, (_, i) => (i === 0 ? 3 : 2));
    const r = lanczosExtremes(50, diagonalOperator(values));
    expect(r.iterations).toBe(2);
    expect(Math.abs(r.min - 2)).toBeLessThan(1e-13);
    expect(Math.abs(r.max - 3)).toBeLessThan(1e-13);
    expect(r.residualMin).toBe(0);
  });

  it('agrees with the dense eigenvalues of random Hermitian matrices (n = 10, 40, 90) to 1e-10 relative', () => {
    const rng = makeRng(17);
    for (const n of [10, 40, 90]) {
      const a = randomHermitian(rng, n);
      const ev = eigvalsh(a);
      const r = lanczosExtremes(n, denseOperator(a));
      const scale = Math.max(Math.abs(ev[0]), Math.abs(ev[n - 1]));
      expect(Math.abs(r.min - ev[0]) / scale, `n=${n}`).toBeLessThan(1e-10);
      expect(Math.abs(r.max - ev[n - 1]) / scale, `n=${n}`).toBeLessThan(1e-10);
      expect(r.norm).toBe(Math.max(Math.abs(r.min), Math.abs(r.max)));
      expect(r.iterations).toBeLessThanOrEqual(n);
    }
  });

  it('the same seed gives the same numbers; another start vector the same extremes', () => {
    const a = randomHermitian(makeRng(5), 30);
    const op = denseOperator(a);
    expect(lanczosExtremes(30, op, { seed: 9 })).toEqual(lanczosExtremes(30, op, { seed: 9 }));
    expect(lanczosExtremes(30, op, { seed: 10 }).max).toBeCloseTo(lanczosExtremes(30, op, { seed: 9 }).max, 9);
  });

  it('throws when the iteration cap is reached before convergence', () => {
    const a = randomHermitian(makeRng(3), 40);
    expect(() => lanczosExtremes(40, denseOperator(a), { maxIter: 3 })).toThrow(/Lanczos did not converge in 3 iterations/);
  });

  it('the basis is orthonormal to 20 EPS n (full reorthogonalisation, against q_k too), one mat-vec per step, on a log-normal spectrum (|lambda| = e^(2.3 g), random signs) where plain Lanczos loses orthogonality', () => {
    const rng = makeRng(4);
    for (const n of [40, 80]) {
      const values = Array.from({ length: n }, () => Math.exp(2.3 * rng.gauss()) * (rng.uniform() < 0.5 ? -1 : 1));
      const rec = recording(diagonalOperator(values));
      const r = lanczosExtremes(n, rec.op, { tol: -1 }); // no tolerance is met: the run goes to k = n
      expect(r.iterations, `n=${n}`).toBe(n);
      expect(rec.basis.length, `n=${n}`).toBe(n);
      expect(orthonormalityError(rec.basis), `n=${n}`).toBeLessThan(20 * EPS * n);
      const norm = Math.max(...values.map(Math.abs));
      expect(Math.abs(r.min - Math.min(...values)), `n=${n}`).toBeLessThanOrEqual(rounding(n, norm));
      expect(Math.abs(r.max - Math.max(...values)), `n=${n}`).toBeLessThanOrEqual(rounding(n, norm));
    }
  });

  it('stops when both extreme residual bounds meet tol * max|theta|: diag(-5, 98 values in [-1, 1], 5) converges long before n = 100, and a looser tol sooner', () => {
    const rng = makeRng(8);
    const values = [-5, 5, ...Array.from({ length: 98 }, () => 2 * rng.uniform() - 1)];
    const tight = lanczosExtremes(100, diagonalOperator(values)); // default tol 1e-12
    expect(tight.iterations).toBeLessThan(40);
    expect(tight.residualMin).toBeLessThanOrEqual(1e-12 * tight.norm); // the stopping rule itself
    expect(tight.residualMax).toBeLessThanOrEqual(1e-12 * tight.norm);
    // a Ritz value lies within its residual bound of an eigenvalue; +-5 are 4 away from the rest
    expect(Math.abs(tight.min + 5)).toBeLessThanOrEqual(tight.residualMin + rounding(100, 5));
    expect(Math.abs(tight.max - 5)).toBeLessThanOrEqual(tight.residualMax + rounding(100, 5));
    expect(lanczosExtremes(100, diagonalOperator(values), { tol: 1e-12 })).toEqual(tight);
    const loose = lanczosExtremes(100, diagonalOperator(values), { tol: 1e-4 });
    expect(loose.iterations).toBeLessThan(tight.iterations);
    expect(Math.max(loose.residualMin, loose.residualMax)).toBeLessThanOrEqual(1e-4 * loose.norm);
    expect(Math.abs(loose.max - 5)).toBeLessThanOrEqual(loose.residualMax + rounding(100, 5));
  });

  it('both extremes must meet the tolerance: an isolated top over a clustered bottom (and its negative) still returns the slow extreme exactly (to rounding)', () => {
    const rng = makeRng(12);
    const n = 120;
    // The bottom 20 eigenvalues lie within 1e-3 of -1: its Ritz value converges long after the top one (10).
    const values = [10, ...Array.from({ length: 20 }, () => -1 + 1e-3 * rng.uniform()), ...Array.from({ length: n - 21 }, () => 2 * rng.uniform() - 1)];
    const lo = Math.min(...values);
    const r = lanczosExtremes(n, diagonalOperator(values));
    expect(r.iterations).toBe(n); // the clustered end converges only when the Krylov space is the whole space: exact to rounding
    expect(Math.abs(r.max - 10)).toBeLessThanOrEqual(rounding(n, 10));
    expect(Math.abs(r.min - lo)).toBeLessThanOrEqual(rounding(n, 10));
    const neg = lanczosExtremes(n, diagonalOperator(values.map((v) => -v)));
    expect(Math.abs(neg.min + 10)).toBeLessThanOrEqual(rounding(n, 10));
    expect(Math.abs(neg.max + lo)).toBeLessThanOrEqual(rounding(n, 10));
  });

  it('the convergence check runs on a designed schedule (steps 1, 5, 9, ..., each max(4, floor(k / 8)) steps after the last): the run returns at the first scheduled check that meets tol', () => {
    const seen: number[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      const rng = makeRng(100 + seed);
      const n = 150;
      const gap = [0.02, 0.1, 0.5, 2][seed % 4] * (1 + rng.uniform());
      const values = [-1 - gap, 1 + gap * rng.uniform(), ...Array.from({ length: n - 2 }, () => 2 * rng.uniform() - 1)];
      const op = diagonalOperator(values);
      const r = lanczosExtremes(n, op, { tol: 1e-10, seed });
      seen.push(r.iterations);
      expect(CHECK_SCHEDULE, `seed ${seed}: ${r.iterations} steps`).toContain(r.iterations);
      expect(r.iterations).toBeLessThan(n);
      const previous = CHECK_SCHEDULE[CHECK_SCHEDULE.indexOf(r.iterations) - 1];
      // Capped at the previous scheduled check (a check is also made at the cap), the run has not converged yet.
      expect(() => lanczosExtremes(n, op, { tol: 1e-10, seed, maxIter: previous }), `seed ${seed}`).toThrow(`did not converge in ${previous} iterations`);
    }
    expect(new Set(seen).size).toBeGreaterThan(3);
  });

  it('a tolerance is met inclusively (residual <= tol * max|theta|): a run whose larger final residual bound is exactly tol * max|theta| stops at the same step', () => {
    const rng = makeRng(21);
    const a = randomHermitian(rng, 60);
    const neg = scale(a, -1);
    // A and -A: the larger residual bound is once that of the smallest, once that of the largest Ritz value.
    const larger = new Set<string>();
    for (const m of [a, neg]) {
      const op = denseOperator(m);
      const r = lanczosExtremes(60, op, { tol: 1e-9 });
      expect(r.iterations).toBeLessThan(60);
      const scale = r.norm;
      const bound = Math.max(r.residualMin, r.residualMax);
      larger.add(r.residualMin > r.residualMax ? 'min' : 'max');
      // A tolerance whose product with max|theta| is exactly the larger bound: bound / scale or a neighbour of it.
      const tol = [1, 1 + 2 ** -52, 1 - 2 ** -53, 1 + 2 ** -51, 1 - 2 ** -52]
        .map((f) => (bound / scale) * f).find((t) => t * scale === bound);
      expect(tol).toBeDefined();
      expect(lanczosExtremes(60, op, { tol })).toEqual(r);
    }
    expect([...larger].sort()).toEqual(['max', 'min']);
  });

  it('an invariant Krylov space of dimension m ends the run at step m whatever the tolerance: 12 distinct eigenvalues in C^96, tol < 0 (never met)', () => {
    const values = Array.from({ length: 96 }, (_, i) => -1 + (2 * (i % 12)) / 11);
    const r = lanczosExtremes(96, diagonalOperator(values), { tol: -1 });
    expect(r.iterations).toBe(12);
    expect(r.residualMin).toBe(0);
    expect(r.residualMax).toBe(0);
    expect(Math.abs(r.min + 1)).toBeLessThanOrEqual(rounding(96, 1));
    expect(Math.abs(r.max - 1)).toBeLessThanOrEqual(rounding(96, 1));
  });

  it('the zero operator is invariant at once (beta_0 = 0 <= 1e-13 ||T||): one step, min = max = 0, whatever the tolerance', () => {
    const zero: HermitianOperator = (_xre, _xim, yre, yim) => { yre.fill(0); yim.fill(0); };
    for (const tol of [undefined, -1]) {
      expect(lanczosExtremes(7, zero, { tol })).toEqual({ min: 0, max: 0, norm: 0, iterations: 1, residualMin: 0, residualMax: 0 });
    }
  });

  it('breakdown is judged against ||T_k||_inf (largest row sum of the tridiagonal): alpha = 0, beta = (1, 1, delta, 1, ...) stops at step 3 for delta = 1.5e-13 <= 1e-13 * 2, not for delta = 2.5e-13', () => {
    const n = 8, seed = 31;
    const q0 = startVector(n, seed);
    const alpha = new Array<number>(n).fill(0);
    for (const delta of [1.5e-13, 2.5e-13]) {
      const beta = [1, 1, delta, 1, 1, 1, 1];
      const a = withCoefficients(q0, alpha, beta, makeRng(32));
      const r = lanczosExtremes(n, denseOperator(a), { seed, tol: -1 }); // no tolerance is met: breakdown or k = n
      if (delta < 2e-13) {
        // T_3 = tridiag(1, 0, 1): eigenvalues -sqrt 2, 0, sqrt 2; the Krylov space is invariant.
        expect(r.iterations).toBe(3);
        expect(r.residualMin).toBe(0);
        expect(r.residualMax).toBe(0);
        expect(r.min).toBeCloseTo(-Math.SQRT2, 14);
        expect(r.max).toBeCloseTo(Math.SQRT2, 14);
      } else {
        const ev = eigvalsh(a);
        expect(r.iterations).toBe(n);
        expect(Math.abs(r.min - ev[0])).toBeLessThanOrEqual(rounding(n, Math.max(-ev[0], ev[n - 1])));
        expect(Math.abs(r.max - ev[n - 1])).toBeLessThanOrEqual(rounding(n, Math.max(-ev[0], ev[n - 1])));
      }
    }
  });

  it('scaling the operator by a power of two scales every result exactly (the breakdown test and the tolerance are relative): 2^-30 A, A, 2^30 A', () => {
    const rng = makeRng(41);
    const values = [-3, 4, ...Array.from({ length: 58 }, () => 2 * rng.uniform() - 1)];
    const twoLevel = Array.from({ length: 30 }, (_, i) => (i === 0 ? 3 : 2)); // invariant after 2 steps
    for (const v of [values, twoLevel]) {
      const base = lanczosExtremes(v.length, diagonalOperator(v));
      expect(base.iterations).toBeLessThan(v.length);
      for (const c of [2 ** -30, 2 ** 30]) {
        const r = lanczosExtremes(v.length, diagonalOperator(v.map((x) => c * x)));
        expect(r).toEqual({
          min: c * base.min, max: c * base.max, norm: c * base.norm, iterations: base.iterations,
          residualMin: c * base.residualMin, residualMax: c * base.residualMax,
        });
      }
    }
  });

  it('a cap below n ends with a check at the cap: the error names the cap and the residual bounds |beta_k s_k| of its last step (T_3 = tridiag(1; 1, 2, 3; 1): sqrt((2 -+ sqrt 3) / 6))', () => {
    const n = 8, seed = 51;
    const alpha = [1, 2, 3, 4, 5, 6, 7, 8];
    const a = withCoefficients(startVector(n, seed), alpha, new Array<number>(n - 1).fill(1), makeRng(52));
    const op = denseOperator(a);
    // Step 3 is not a scheduled check (1, 5, ...): only the cap makes it one.
    const rMin = Math.sqrt((2 - Math.sqrt(3)) / 6), rMax = Math.sqrt((2 + Math.sqrt(3)) / 6);
    expect(() => lanczosExtremes(n, op, { seed, maxIter: 3 })).toThrow(
      `Lanczos did not converge in 3 iterations (residuals ${rMin.toExponential(2)}, ${rMax.toExponential(2)})`,
    );
    // maxIter = n - 1: the run stops there, it does not take step n (which would end it exactly).
    expect(() => lanczosExtremes(n, op, { seed, maxIter: n - 1 })).toThrow(`did not converge in ${n - 1} iterations`);
    expect(lanczosExtremes(n, op, { seed, maxIter: n }).iterations).toBe(n);
    // maxIter = 0: no step, no residuals to report.
    expect(() => lanczosExtremes(n, op, { seed, maxIter: 0 })).toThrow('Lanczos did not converge in 0 iterations');
  });

  it('the default iteration cap keeps the basis within LANCZOS_MAX_STORAGE = 2^24 complex entries: n = 2^22 + 1 allows floor(2^24 / n) = 3 steps', () => {
    expect(LANCZOS_MAX_STORAGE).toBe(2 ** 24);
    const n = 2 ** 22 + 1;
    let calls = 0;
    // Four distinct eigenvalues: 3 steps neither converge nor reach the invariant Krylov space (4 steps).
    const op: HermitianOperator = (xre, xim, yre, yim) => {
      calls++;
      for (let i = 0; i < n; i++) { const v = i % 4; yre[i] = v * xre[i]; yim[i] = v * xim[i]; }
    };
    expect(() => lanczosExtremes(n, op)).toThrow('Lanczos did not converge in 3 iterations');
    expect(calls).toBe(3);
  });
});

describe('ritzExtremes', () => {
  it('tridiagonal [[2, 1], [1, 2]]: Ritz values 1 and 3, residual bounds |b| / sqrt(2)', () => {
    const r = ritzExtremes([2, 2], [1], 0.5, 2);
    expect(r.min).toBeCloseTo(1, 14);
    expect(r.max).toBeCloseTo(3, 14);
    expect(r.norm).toBeCloseTo(3, 14);
    expect(r.iterations).toBe(2);
    expect(r.residualMin).toBeCloseTo(0.5 / Math.SQRT2, 14);
    expect(r.residualMax).toBeCloseTo(0.5 / Math.SQRT2, 14);
    expect(ritzExtremes([2, 2], [1], 0, 2).residualMax).toBe(0);
  });

  it('exact k = 3 cases: tridiag(1; 1, 2, 3; 1) has Ritz values 2 -+ sqrt 3 with bounds |b| sqrt((2 -+ sqrt 3) / 6); tridiag(1; 0, 0, 0; 1) has -+sqrt 2 with bounds |b| / 2', () => {
    const s3 = Math.sqrt(3);
    const r = ritzExtremes([1, 2, 3], [1, 1], -0.5, 3);
    expect(r.min).toBeCloseTo(2 - s3, 14);
    expect(r.max).toBeCloseTo(2 + s3, 14);
    expect(r.norm).toBeCloseTo(2 + s3, 14);
    expect(r.iterations).toBe(3);
    expect(r.residualMin).toBeCloseTo(0.5 * Math.sqrt((2 - s3) / 6), 14);
    expect(r.residualMax).toBeCloseTo(0.5 * Math.sqrt((2 + s3) / 6), 14);
    const t = ritzExtremes([0, 0, 0], [1, 1], 3, 3);
    expect(t.min).toBeCloseTo(-Math.SQRT2, 14);
    expect(t.max).toBeCloseTo(Math.SQRT2, 14);
    expect(t.residualMin).toBeCloseTo(1.5, 14);
    expect(t.residualMax).toBeCloseTo(1.5, 14);
  });

  it('uses the leading k x k block of longer coefficient arrays: its Ritz values interlace (min falls, max rises with k) towards the extremes of the 8 x 8 tridiagonal', () => {
    const rng = makeRng(61);
    const alpha = Array.from({ length: 8 }, () => rng.gauss());
    const beta = Array.from({ length: 8 }, () => 0.1 + rng.uniform());
    const t = zeros(8);
    for (let i = 0; i < 8; i++) {
      t.re[i * 8 + i] = alpha[i];
      if (i < 7) { t.re[i * 8 + i + 1] = beta[i]; t.re[(i + 1) * 8 + i] = beta[i]; }
    }
    const ev = eigvalsh(t);
    let prev = ritzExtremes(alpha, beta, beta[0], 1);
    expect(prev.min).toBe(alpha[0]);
    expect(prev.max).toBe(alpha[0]);
    expect(prev.residualMin).toBe(beta[0]);
    for (let k = 2; k <= 8; k++) {
      const r = ritzExtremes(alpha, beta, beta[k - 1], k);
      expect(r).toEqual(ritzExtremes(alpha.slice(0, k), beta.slice(0, k - 1), beta[k - 1], k));
      expect(r.min).toBeLessThanOrEqual(prev.min + 1e-14);
      expect(r.max).toBeGreaterThanOrEqual(prev.max - 1e-14);
      prev = r;
    }
    expect(prev.min).toBeCloseTo(ev[0], 13);
    expect(prev.max).toBeCloseTo(ev[7], 13);
  });
});
