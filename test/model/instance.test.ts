// Covers src/model/instance.ts: every input check of makeInstance, by its message, with the
// boundaries of the state tolerance (1e3 eps d) on both sides.
import { describe, expect, it } from 'vitest';
import { EPS, fromArrays, identity, zeros } from '../../src/linalg/cmatrix.ts';
import { lineAnsatz } from '../../src/model/ansatz.ts';
import { makeInstance, stateTolerance } from '../../src/model/instance.ts';
import { pauliString } from '../../src/model/measurement.ts';

const d = 2;
const ans = lineAnsatz([identity(d), identity(d)], [pauliString('X')]);
const Z = pauliString('Z');
const e0 = fromArrays([[1, 0]]);
const basis = fromArrays([[1, 0], [0, 1]]);

describe('makeInstance input checks', () => {
  it('accepts a valid instance and copies the labels', () => {
    const labels = [1, -1];
    const inst = makeInstance(ans, Z, basis, labels, { orthogonal: true, gamma: 2 });
    labels[0] = 7;
    expect(Array.from(inst.labels)).toEqual([1, -1]);
    expect(inst.gamma).toBe(2);
  });

  it('names the parameter and the condition of each violation', () => {
    expect(() => makeInstance(ans, zeros(3, 3), e0, [1])).toThrow('makeInstance: M0 must be 2x2 (got 3x3)');
    expect(() => makeInstance(ans, zeros(2, 3), e0, [1])).toThrow('makeInstance: M0 must be 2x2 (got 2x3)');
    expect(() => makeInstance(ans, zeros(3, 2), e0, [1])).toThrow('makeInstance: M0 must be 2x2 (got 3x2)');
    expect(() => makeInstance(ans, fromArrays([[0, 1], [0, 0]]), e0, [1])).toThrow(/^makeInstance: M0 /);
    expect(() => makeInstance(ans, Z, fromArrays([[1, 0, 0]]), [1])).toThrow('makeInstance: states must have d = 2 columns (got 3)');
    expect(() => makeInstance(ans, Z, zeros(0, 2), [])).toThrow('makeInstance: states must have at least one row (m >= 1)');
    expect(() => makeInstance(ans, Z, fromArrays([[Number.NaN, 0]]), [1])).toThrow('makeInstance: states.re has a non-finite entry at index 0 (NaN)');
    expect(() => makeInstance(ans, Z, fromArrays([[1, 0]], [[0, Number.POSITIVE_INFINITY]]), [1])).toThrow('makeInstance: states.im has a non-finite entry at index 1 (Infinity)');
    expect(() => makeInstance(ans, Z, e0, [1, 1])).toThrow('makeInstance: labels has length 2, expected m = 1');
    expect(() => makeInstance(ans, Z, e0, [Number.NaN])).toThrow('makeInstance: labels has a non-finite entry at index 0 (NaN)');
  });

  it('unit norm: within 1e3 eps d passes, beyond fails, for every row', () => {
    const tol = stateTolerance(d);
    expect(tol).toBe(1e3 * EPS * 2);
    const s = (x: number) => fromArrays([[1, 0], [0, Math.sqrt(x)]]); // second row has |v|^2 = x
    expect(() => makeInstance(ans, Z, s(1 + tol / 2), [1, 1])).not.toThrow();
    expect(() => makeInstance(ans, Z, s(1 + 4 * tol), [1, 1])).toThrow(/^makeInstance: states\[1\] must have unit norm \(\|v\|\^2 = 1\.0000000000/);
    expect(() => makeInstance(ans, Z, s(1 - 4 * tol), [1, 1])).toThrow(/^makeInstance: states\[1\] must have unit norm/);
  });

  it('orthogonality is checked only when asked, for every pair, with the overlap in the message', () => {
    const c = Math.SQRT1_2;
    // rows 0 and 2 overlap (|<v0, v2>| = 1/sqrt2), rows 0 and 1 are orthogonal
    const states = fromArrays([[1, 0], [0, 1], [c, c]]);
    expect(() => makeInstance(ans, Z, states, [1, 1, 1])).not.toThrow();
    expect(() => makeInstance(ans, Z, states, [1, 1, 1], { orthogonal: true })).toThrow('makeInstance: states[0], states[2] must be orthogonal (|v_i^dag v_j| = 7.071e-1)');
    // an imaginary overlap counts too: rows 1 and 2 have v_1^dag v_2 = i/sqrt2
    const imag = fromArrays([[1, 0], [0, 1], [0, 0]], [[0, 0], [0, 0], [0, 1]]);
    expect(() => makeInstance(ans, Z, imag, [1, 1, 1], { orthogonal: true })).toThrow('makeInstance: states[1], states[2] must be orthogonal (|v_i^dag v_j| = 1.000e+0)');
    // overlaps at the tolerance pass
    const tol = stateTolerance(d);
    const near = fromArrays([[1, 0], [tol / 2, Math.sqrt(1 - tol * tol / 4)]]);
    expect(() => makeInstance(ans, Z, near, [1, 1], { orthogonal: true })).not.toThrow();
  });

  it('exactly at the tolerance passes: |v|^2 - 1 = tol and |v_0^dag v_1| = tol to the last bit (the checks are strict: > tol fails)', () => {
    const tol = stateTolerance(d); // 2000 EPS, a multiple of EPS: 1 + tol is exact
    // (1 + k EPS)^2 rounds to 1 + 2k EPS for small k: k = tol / (2 EPS) gives |v|^2 = 1 + tol exactly.
    const x = 1 + tol / 2;
    expect(x * x - 1).toBe(tol);
    expect(() => makeInstance(ans, Z, fromArrays([[x, 0]]), [1])).not.toThrow();
    const xUp = 1 + tol / 2 + EPS;
    expect(xUp * xUp - 1).toBeGreaterThan(tol);
    expect(() => makeInstance(ans, Z, fromArrays([[xUp, 0]]), [1])).toThrow(/^makeInstance: states\[0\] must have unit norm/);
    // v_1 = (tol, 1): |v_1|^2 = 1 + tol^2 rounds to 1, and v_0^dag v_1 = tol exactly.
    const atTol = fromArrays([[1, 0], [tol, 1]]);
    expect(() => makeInstance(ans, Z, atTol, [1, 1], { orthogonal: true })).not.toThrow();
    const beyond = fromArrays([[1, 0], [tol * (1 + 4 * EPS), 1]]);
    expect(() => makeInstance(ans, Z, beyond, [1, 1], { orthogonal: true })).toThrow(/^makeInstance: states\[0\], states\[1\] must be orthogonal/);
  });
});
