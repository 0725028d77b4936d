import { describe, expect, it } from 'vitest';
import { QnnInputError } from '../../src/errors.ts';
import {
  adjoint, type CMat, clone, EPS, gramRows, hermitianDeviation, identity, matmul, maxAbs, maxAbsDiff, trace, traceProduct,
  unitaryDeviation, vecNorm,
} from '../../src/linalg/cmatrix.ts';
import {
  balancedLabels, ginibre, gue, haarSpecialUnitary, haarState, haarUnitary, orthonormalStates,
  randomHermitianWithSpectrum, randomTracelessHermitian,
} from '../../src/random/ensembles.ts';
import { det, qr } from '../../src/linalg/qr.ts';
import { makeRng, randomInt, type Rng } from '../../src/random/rng.ts';

/** Statistical tolerance: every sample-mean check allows Z_MAX standard errors (sample sd / sqrt(n)). */
const Z_MAX = 5;
/** Rounding tolerance for d x d unitary / orthonormal results: C_ROUND * d * EPS (observed worst ~1.5 d EPS). */
const C_ROUND = 8;

/**
 * z-score of the sample mean of xs against `expected` (standard error = sample sd / sqrt(n)).
 * A difference within `roundoff` counts as 0 (for statistics that are deterministic up to
 * rounding, e.g. |tr U|^2 = 1 at d = 1, where sd = 0).
 */
function zScore(xs: Float64Array, expected: number, roundoff = 0): number {
  const n = xs.length;
  let s = 0, ss = 0;
  for (let i = 0; i < n; i++) {
    s += xs[i];
    ss += xs[i] * xs[i];
  }
  const m = s / n;
  const sd = Math.sqrt(Math.max(0, ss / n - m * m) * (n / (n - 1)));
  const diff = m - expected;
  if (Math.abs(diff) <= roundoff) return 0;
  return diff / (sd / Math.sqrt(n));
}

/**
 * Classical Haar moments (Diaconis-Shahshahani; Collins-Sniady): for U Haar in U(d),
 * E tr U^k = 0 (k >= 1, uniform eigenphases), E|tr U^k|^2 = min(k, d),
 * E|U_11|^2 = 1/d, E|U_11|^4 = 2/(d(d+1)). Returns the z-score of every moment.
 */
function haarMomentZ(sample: (rng: Rng) => CMat, d: number, n: number, seed: number): Record<string, number> {
  const rng = makeRng(seed);
  const names = ['Re E tr U = 0', 'Im E tr U = 0', 'E|tr U|^2 = 1', 'Re E tr U^2 = 0', 'Im E tr U^2 = 0',
    'E|tr U^2|^2 = min(2,d)', 'E|U11|^2 = 1/d', 'E|U11|^4 = 2/(d(d+1))'] as const;
  const expected = [0, 0, 1, 0, 0, Math.min(2, d), 1 / d, 2 / (d * (d + 1))];
  const xs = names.map(() => new Float64Array(n));
  for (let s = 0; s < n; s++) {
    const u = sample(rng);
    const t = trace(u);
    const t2 = traceProduct(u, u);
    const a = u.re[0] ** 2 + u.im[0] ** 2;
    const vals = [t.re, t.im, t.re ** 2 + t.im ** 2, t2.re, t2.im, t2.re ** 2 + t2.im ** 2, a, a * a];
    for (let k = 0; k < vals.length; k++) xs[k][s] = vals[k];
  }
  const out: Record<string, number> = {};
  // statistics are at most 4th order in the entries of U: rounding allowance 4 C_ROUND d EPS
  names.forEach((name, k) => (out[name] = zScore(xs[k], expected[k], 4 * C_ROUND * d * EPS * Math.max(1, expected[k]))));
  return out;
}

function maxAbsZ(z: Record<string, number>): number {
  return Math.max(...Object.values(z).map(Math.abs));
}

/**
 * Q of a Householder QR in the LAPACK zgeqrf/zlarfg convention (beta = -sign(Re alpha) ||x||,
 * R with a REAL diagonal of data-dependent sign): what a library QR returns WITHOUT
 * Mezzadri's phase fix. Returns q and the final reduced matrix r (z = q r).
 */
function householderQR(z: CMat): { q: CMat; r: CMat } {
  const n = z.rows;
  const a = clone(z);
  const q = identity(n);
  const vr = new Float64Array(n), vi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const ar = a.re[k * n + k], ai = a.im[k * n + k];
    let xn2 = 0;
    for (let i = k + 1; i < n; i++) xn2 += a.re[i * n + k] ** 2 + a.im[i * n + k] ** 2;
    if (xn2 === 0 && ai === 0) continue; // tau = 0, H = I
    const beta = -(ar >= 0 ? 1 : -1) * Math.sqrt(ar * ar + ai * ai + xn2);
    const tr = (beta - ar) / beta, ti = -ai / beta;
    // v = [1; x / (alpha - beta)]
    const dr = ar - beta, di = ai, dd = dr * dr + di * di;
    vr.fill(0); vi.fill(0);
    vr[k] = 1;
    for (let i = k + 1; i < n; i++) {
      const xr = a.re[i * n + k], xi = a.im[i * n + k];
      vr[i] = (xr * dr + xi * di) / dd;
      vi[i] = (xi * dr - xr * di) / dd;
    }
    // a <- (I - conj(tau) v v^H) a
    for (let j = k; j < n; j++) {
      let wr = 0, wi = 0;
      for (let i = k; i < n; i++) {
        wr += vr[i] * a.re[i * n + j] + vi[i] * a.im[i * n + j];
        wi += vr[i] * a.im[i * n + j] - vi[i] * a.re[i * n + j];
      }
      const cr = tr * wr + ti * wi, ci = tr * wi - ti * wr; // conj(tau) w
      for (let i = k; i < n; i++) {
        a.re[i * n + j] -= vr[i] * cr - vi[i] * ci;
        a.im[i * n + j] -= vr[i] * ci + vi[i] * cr;
      }
    }
    // q <- q (I - tau v v^H)
    for (let row = 0; row < n; row++) {
      let sr = 0, si = 0;
      for (let i = k; i < n; i++) {
        sr += q.re[row * n + i] * vr[i] - q.im[row * n + i] * vi[i];
        si += q.re[row * n + i] * vi[i] + q.im[row * n + i] * vr[i];
      }
      const cr = sr * tr - si * ti, ci = sr * ti + si * tr; // s tau
      for (let i = k; i < n; i++) {
        // -= c conj(v_i)
        q.re[row * n + i] -= cr * vr[i] + ci * vi[i];
        q.im[row * n + i] -= ci * vr[i] - cr * vi[i];
      }
    }
  }
  return { q, r: a };
}

describe('Haar unitaries', () => {
  it(`are unitary to ${C_ROUND} d EPS, d = 1..64`, () => {
    const rng = makeRng(10);
    for (const d of [1, 2, 3, 4, 7, 16, 32, 64]) {
      for (let k = 0; k < 3; k++) expect(unitaryDeviation(haarUnitary(rng, d))).toBeLessThanOrEqual(C_ROUND * d * EPS);
    }
  });

  it('SU(d): unitary and det = 1 to C_ROUND d EPS', () => {
    const rng = makeRng(11);
    for (const d of [1, 2, 3, 4, 5, 8, 16, 33]) {
      for (let k = 0; k < 3; k++) {
        const v = haarSpecialUnitary(rng, d);
        expect(unitaryDeviation(v)).toBeLessThanOrEqual(C_ROUND * d * EPS);
        const dt = det(v);
        expect(Math.hypot(dt.re - 1, dt.im)).toBeLessThanOrEqual(C_ROUND * d * EPS);
      }
    }
  });

  it('same seed, same matrix; consumes exactly d^2 complex normals', () => {
    expect(haarUnitary(makeRng(5), 4)).toEqual(haarUnitary(makeRng(5), 4));
    const a = makeRng(5), b = makeRng(5);
    haarUnitary(a, 4);
    ginibre(b, 4, 4);
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  // n samples per d, Z_MAX standard errors per moment (8 moments x 4 dimensions)
  const N_HAAR = 20_000;
  for (const d of [1, 2, 3, 5]) {
    it(`moments / uniform eigenphases: d = ${d}, n = ${N_HAAR}, |z| <= ${Z_MAX}`, () => {
      const z = haarMomentZ((rng) => haarUnitary(rng, d), d, N_HAAR, 1000 + d);
      for (const [name, v] of Object.entries(z)) expect(Math.abs(v), name).toBeLessThanOrEqual(Z_MAX);
    });
  }

  it('SU(d) moments for d >= 3: E tr V = 0, E|tr V|^2 = 1 (d = 3, n = 20000)', () => {
    // For d >= 3 the first two trace moments of Haar SU(d) equal those of U(d) (tr V^k only
    // feels det for k >= d); E|V11|^2 = 1/d etc. hold for any d.
    const d = 3;
    const z = haarMomentZ((rng) => haarSpecialUnitary(rng, d), d, N_HAAR, 77);
    for (const name of ['Re E tr U = 0', 'Im E tr U = 0', 'E|tr U|^2 = 1', 'E|U11|^2 = 1/d', 'E|U11|^4 = 2/(d(d+1))']) {
      expect(Math.abs(z[name]), name).toBeLessThanOrEqual(Z_MAX);
    }
  });

  describe('power check: the same moment test WITHOUT the phase fix must fail', () => {
    it('Householder (LAPACK convention) Q equals the phase-fixed Q up to column signs', () => {
      const rng = makeRng(20);
      for (const d of [1, 2, 5, 9]) {
        const g = ginibre(rng, d, d);
        const { q: qn, r } = householderQR(g);
        const { q } = qr(g);
        expect(maxAbsDiff(matmul(qn, r), g)).toBeLessThanOrEqual(C_ROUND * d * EPS * Math.max(1, maxAbs(g)));
        expect(unitaryDeviation(qn)).toBeLessThanOrEqual(C_ROUND * d * EPS);
        // qn^dag q = diag(+-1)
        const s = matmul(adjoint(qn), q);
        for (let i = 0; i < d; i++) {
          const sign = Math.sign(s.re[i * d + i]);
          s.re[i * d + i] -= sign;
        }
        expect(Math.max(...Array.from(s.re).map(Math.abs), ...Array.from(s.im).map(Math.abs))).toBeLessThanOrEqual(C_ROUND * d * EPS);
      }
    });

    for (const d of [1, 2, 3, 5]) {
      it(`unfixed QR fails the moment test: d = ${d}, n = ${N_HAAR}, some |z| > ${Z_MAX}`, () => {
        const z = haarMomentZ((rng) => householderQR(ginibre(rng, d, d)).q, d, N_HAAR, 1000 + d);
        expect(maxAbsZ(z)).toBeGreaterThan(Z_MAX);
        // in particular the eigenphases are not uniform: E tr U != 0
        expect(Math.abs(z['Re E tr U = 0'])).toBeGreaterThan(Z_MAX);
        // and for d >= 2 the second moment E|tr U|^2 = 1 fails too (observed z ~ 45..105 at d = 2..5);
        // at d = 1, |tr U|^2 = 1 identically for any phase convention
        if (d >= 2) expect(Math.abs(z['E|tr U|^2 = 1'])).toBeGreaterThan(Z_MAX);
      });
    }
  });
});

describe('states, labels, Hermitians', () => {
  it('haarState has norm 1 to d EPS', () => {
    const rng = makeRng(30);
    for (const d of [1, 2, 8, 64]) expect(Math.abs(vecNorm(haarState(rng, d)) - 1)).toBeLessThanOrEqual(C_ROUND * d * EPS);
  });

  it('orthonormalStates: rows orthonormal (Gram = I to C_ROUND d EPS), shape m x d, m = d allowed', () => {
    const rng = makeRng(31);
    for (const [m, d] of [[1, 1], [1, 8], [4, 8], [4, 4], [6, 32], [16, 16]]) {
      const v = orthonormalStates(rng, m, d);
      expect([v.rows, v.cols]).toEqual([m, d]);
      expect(maxAbsDiff(gramRows(v), identity(m))).toBeLessThanOrEqual(C_ROUND * d * EPS);
    }
  });

  it('orthonormalStates: |<e_1, v_1>|^2 has mean 1/d (d = 4, n = 20000, Z_MAX se)', () => {
    const rng = makeRng(32);
    const n = 20_000, d = 4;
    const xs = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      const v = orthonormalStates(rng, 2, d);
      xs[s] = v.re[d + 0] ** 2 + v.im[d + 0] ** 2; // row 1 (second state), component 0
    }
    expect(Math.abs(zScore(xs, 1 / d))).toBeLessThanOrEqual(Z_MAX);
  });

  it('balancedLabels: +-1 entries, sum 0, each position +1 with probability 1/2 (m = 6, n = 20000, binomial se)', () => {
    const rng = makeRng(33);
    for (const m of [2, 4, 10, 100]) {
      const y = balancedLabels(rng, m);
      expect(y.length).toBe(m);
      expect(y.every((v) => v === 1 || v === -1)).toBe(true);
      expect(y.reduce((a, b) => a + b, 0)).toBe(0);
    }
    const n = 20_000, m = 6;
    const plus = new Array<number>(m).fill(0);
    for (let s = 0; s < n; s++) {
      const y = balancedLabels(rng, m);
      for (let i = 0; i < m; i++) if (y[i] === 1) plus[i]++;
    }
    for (const c of plus) expect(Math.abs(c / n - 0.5)).toBeLessThanOrEqual(Z_MAX * Math.sqrt(0.25 / n));
  });

  it('balancedLabels: exactly m/2 labels +1 and m/2 labels -1 (m = 2: one of each; a shifted half, i <= m/2, gives m/2 + 1)', () => {
    const rng = makeRng(35);
    for (const m of [2, 4, 6, 50]) {
      for (let s = 0; s < 5; s++) {
        const y = balancedLabels(rng, m);
        expect(y.filter((v) => v === 1).length).toBe(m / 2);
        expect(y.filter((v) => v === -1).length).toBe(m / 2);
      }
    }
  });

  it('randomHermitianWithSpectrum: exactly Hermitian, tr H^k = sum lambda^k (k = 1,2,3) to C_ROUND d EPS scale', () => {
    const rng = makeRng(34);
    for (const spec of [[2.5], [1, -1], [1, 1, -1, -1], [3, 0, -0.5, 1e-3, 7, -2, 2, 0]]) {
      const d = spec.length;
      const h = randomHermitianWithSpectrum(rng, spec);
      expect(hermitianDeviation(h)).toBe(0);
      const h2 = matmul(h, h);
      const traces = [trace(h), trace(h2), traceProduct(h2, h)];
      for (let k = 1; k <= 3; k++) {
        const want = spec.reduce((a, l) => a + l ** k, 0);
        const scale = spec.reduce((a, l) => a + Math.abs(l) ** k, 0);
        const tol = C_ROUND * d * k * EPS * scale;
        expect(Math.abs(traces[k - 1].re - want)).toBeLessThanOrEqual(tol);
        expect(Math.abs(traces[k - 1].im)).toBeLessThanOrEqual(tol);
      }
    }
  });

  it('gue / randomTracelessHermitian: Hermitian, traceless, E tr H^2 = d^2 - 1 (d = 4, n = 20000, Z_MAX se)', () => {
    const rng = makeRng(35);
    const d = 4, n = 20_000;
    const xs = new Float64Array(n), ys = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      const h = randomTracelessHermitian(rng, d);
      const g = gue(rng, d);
      if (s < 50) {
        expect(hermitianDeviation(h)).toBe(0);
        expect(Math.abs(trace(h).re)).toBeLessThanOrEqual(C_ROUND * d * EPS * Math.max(1, ...Array.from(h.re).map(Math.abs)));
      }
      xs[s] = traceProduct(h, h).re;
      ys[s] = traceProduct(g, g).re;
    }
    expect(Math.abs(zScore(xs, d * d - 1))).toBeLessThanOrEqual(Z_MAX);
    expect(Math.abs(zScore(ys, d * d))).toBeLessThanOrEqual(Z_MAX);
  });

  it('ginibre: E|z_ij|^2 = 1, E z_ij^2 = 0 (circular), n = 40000 entries, Z_MAX se', () => {
    const z = ginibre(makeRng(36), 200, 200);
    const n = z.re.length;
    const abs2 = new Float64Array(n), re2 = new Float64Array(n), cross = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      abs2[i] = z.re[i] ** 2 + z.im[i] ** 2;
      re2[i] = z.re[i] ** 2 - z.im[i] ** 2;
      cross[i] = z.re[i] * z.im[i];
    }
    expect(Math.abs(zScore(abs2, 1))).toBeLessThanOrEqual(Z_MAX);
    expect(Math.abs(zScore(re2, 0))).toBeLessThanOrEqual(Z_MAX);
    expect(Math.abs(zScore(cross, 0))).toBeLessThanOrEqual(Z_MAX);
  });
});

describe('input validation (QnnInputError naming function and parameter)', () => {
  const rng = makeRng(0);
  const cases: [() => unknown, RegExp][] = [
    [() => ginibre(rng, 0, 2), /^ginibre: rows must be an integer >= 1/],
    [() => ginibre(rng, 2, 1.5), /^ginibre: cols must be an integer >= 1/],
    [() => haarUnitary(rng, 0), /^haarUnitary: d /],
    [() => haarUnitary(rng, NaN), /^haarUnitary: d /],
    [() => haarSpecialUnitary(rng, 2.5), /^haarSpecialUnitary: d /],
    [() => haarState(rng, -1), /^haarState: d /],
    [() => orthonormalStates(rng, 0, 4), /^orthonormalStates: m /],
    [() => orthonormalStates(rng, 2, 0), /^orthonormalStates: d /],
    [() => orthonormalStates(rng, 5, 4), /^orthonormalStates: m must be <= d/],
    [() => balancedLabels(rng, 3), /^balancedLabels: m must be even/],
    [() => balancedLabels(rng, 0), /^balancedLabels: m must be an integer >= 2/],
    [() => randomHermitianWithSpectrum(rng, []), /^randomHermitianWithSpectrum: spectrum must be non-empty/],
    [() => randomHermitianWithSpectrum(rng, [1, NaN]), /^randomHermitianWithSpectrum: spectrum has a non-finite entry at index 1/],
    [() => randomHermitianWithSpectrum(rng, [Infinity]), /^randomHermitianWithSpectrum: spectrum /],
    [() => gue(rng, 0), /^gue: d /],
    [() => randomTracelessHermitian(rng, 1), /^randomTracelessHermitian: d must be an integer >= 2/],
  ];
  for (const [f, re] of cases) {
    it(`throws ${re.source}`, () => {
      expect(f).toThrow(QnnInputError);
      expect(f).toThrow(re);
    });
  }
});

describe('documented constructions, entry by entry (same seed, same numbers)', () => {
  it('gue: H_ii = z, H_ij = (z1 + i z2) / sqrt 2 drawn row by row over the upper triangle, H_ji = conj(H_ij)', () => {
    const d = 3, h = gue(makeRng(21), d), r = makeRng(21);
    for (let i = 0; i < d; i++) {
      expect(h.re[i * d + i]).toBe(r.normal());
      expect(h.im[i * d + i]).toBe(0);
      for (let j = i + 1; j < d; j++) {
        const re = Math.SQRT1_2 * r.normal(), im = Math.SQRT1_2 * r.normal();
        expect([h.re[i * d + j], h.im[i * d + j], h.re[j * d + i], h.im[j * d + i]]).toEqual([re, im, re, -im]);
      }
    }
  });

  it('randomHermitianWithSpectrum is U diag(spectrum) U^dag with U = haarUnitary from the same stream', () => {
    const spectrum = [2, -0.5, 1, 0.25];
    const h = randomHermitianWithSpectrum(makeRng(8), spectrum);
    const u = haarUnitary(makeRng(8), 4);
    const lam: CMat = { rows: 4, cols: 4, re: new Float64Array(16), im: new Float64Array(16) };
    spectrum.forEach((l, k) => { lam.re[k * 4 + k] = l; });
    expect(maxAbsDiff(h, matmul(matmul(u, lam), adjoint(u)))).toBeLessThan(C_ROUND * 4 * EPS * 2);
    expect(hermitianDeviation(h)).toBe(0);
  });

  it('balancedLabels draws randomInt(i + 1) for i = m - 1 down to 1 (Fisher-Yates), nothing more', () => {
    const a = makeRng(13), b = makeRng(13);
    balancedLabels(a, 6);
    for (let i = 5; i > 0; i--) randomInt(b, i + 1);
    expect(a.nextUint32()).toBe(b.nextUint32());
  });
});

describe('draw counts', () => {
  const advanced = (seed: number, normals: number): Rng => {
    const r = makeRng(seed);
    for (let i = 0; i < normals; i++) r.normal();
    return r;
  };
  it('ginibre(rows, cols) draws exactly 2 rows cols normals', () => {
    const a = makeRng(17);
    ginibre(a, 2, 3);
    expect(a.normal()).toBe(advanced(17, 12).normal());
  });
  it('gue(d) draws exactly d^2 normals', () => {
    const a = makeRng(19);
    gue(a, 3);
    expect(a.normal()).toBe(advanced(19, 9).normal());
  });
});
