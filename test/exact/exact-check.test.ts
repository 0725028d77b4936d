/** The exact checker refuses false identities (no tolerance) and reports the Schwartz-Zippel numbers. */
import { describe, expect, it } from 'vitest';
import * as q from '../../src/exact/gaussian-rational.ts';
import * as mx from '../../src/exact/qmatrix.ts';
import * as t from '../../src/exact/tracked.ts';
import { randomAntiHermitian, randomHermitian } from '../../src/exact/instances.ts';
import { exactCheck } from '../../theorems/exact/common.ts';

const S = { N: 1 << 16 };

describe('exactCheck', () => {
  it('passes a true identity and reports degree, |S| and the bound', () => {
    const o = exactCheck(1, 3, S, (rng) => {
      const H = randomHermitian(rng, 3, S);
      return { diffs: [t.sub(t.matmul(H, H), t.matmul(t.adjoint(H), H))] };
    });
    expect(o.ok).toBe(true);
    expect(o.slack).toBe(0);
    expect(o.details).toMatchObject({ exactInstances: 3, degreeBound: 2, setSize: 2 * S.N + 1 });
    expect(o.details!.log10FalsePassProbability).toBeCloseTo(3 * Math.log10(2 / (2 * S.N + 1)), 10);
  });
  it('fails an identity that is only approximately true (1e-15 off)', () => {
    const o = exactCheck(2, 1, S, () => ({ diffs: [t.constSc(q.frac(1, 10 ** 15))] }));
    expect(o.ok).toBe(false);
    expect(o.slack).toBeLessThan(0);
    expect(o.details!.exactVerdict).toMatch(/fails/);
    expect(o.details!.log10FalsePassProbability).toMatch(/proof/);
  });
  it('detects a non-unitary conjugation: tr((X^dag M X)^2) != tr(M^2) for X = I + A (X^dag X = I - A^2)', () => {
    const o = exactCheck(3, 2, S, (rng) => {
      const M = randomHermitian(rng, 3, S);
      const X = t.tm(mx.add(mx.identity(3), randomAntiHermitian(rng, 3, S)), t.LINEAR);
      const MX = t.chain(t.adjoint(X), M, X);
      return { diffs: [t.sSub(t.trace(t.matmul(MX, MX)), t.trace(t.matmul(M, M)))] };
    });
    expect(o.ok).toBe(false);
  });
});
