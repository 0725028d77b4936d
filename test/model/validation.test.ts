// Covers the input checks of src/model/ansatz.ts and src/model/measurement.ts, each by its message,
// and the exact diagonal layouts of the +-1 measurement and the appendix-D generator.
import { describe, expect, it } from 'vitest';
import { EPS, fromArrays, identity, scale, zeros } from '../../src/linalg/cmatrix.ts';
import { layerGenerators, lineAnsatz, periodicAnsatz, periodicAsLine, unitaryTolerance } from '../../src/model/ansatz.ts';
import { appendixDGenerator, checkGenerator, pauliString, pmOneMeasurement } from '../../src/model/measurement.ts';

const I2 = identity(2), X = pauliString('X'), Z = pauliString('Z');
const diagOf = (a: { rows: number; re: Float64Array }) => Array.from({ length: a.rows }, (_, i) => a.re[i * a.rows + i]);

describe('measurements and generators', () => {
  it('pmOneMeasurement and appendixDGenerator: +s on the first half of the diagonal, -s on the second', () => {
    expect(diagOf(pmOneMeasurement(4, 2))).toEqual([2, 2, -2, -2]);
    expect(diagOf(pmOneMeasurement(2))).toEqual([1, -1]);
    const s = Math.sqrt(4 - 1 / 4);
    expect(diagOf(appendixDGenerator(4))).toEqual([s, s, -s, -s]);
  });

  it('names the parameter and the condition of each violation', () => {
    expect(() => pauliString('')).toThrow('pauliString: word must have at least one letter');
    expect(() => pauliString('XQ')).toThrow("pauliString: word has letter 'Q', expected one of I, X, Y, Z");
    expect(() => pmOneMeasurement(1)).toThrow(/^pmOneMeasurement: d must be an integer >= 2 \(got 1\)/);
    expect(() => pmOneMeasurement(3)).toThrow('pmOneMeasurement: d must be even for a trace-0 +-1 measurement (got 3)');
    expect(() => pmOneMeasurement(2, Number.NaN)).toThrow(/^pmOneMeasurement: gamma /);
    expect(() => pmOneMeasurement(2, 0)).toThrow('pmOneMeasurement: gamma must be > 0 (got 0)');
    expect(() => pmOneMeasurement(2, -1)).toThrow('pmOneMeasurement: gamma must be > 0 (got -1)');
    expect(() => appendixDGenerator(0)).toThrow(/^appendixDGenerator: d must be an integer >= 2 \(got 0\)/);
    expect(() => appendixDGenerator(5)).toThrow('appendixDGenerator: d must be even (got 5)');
    expect(() => checkGenerator(zeros(2, 2), 'f', 'h')).toThrow('f: h must be non-zero');
    expect(() => checkGenerator(fromArrays([[1, 0], [0, 0]]), 'f', 'h')).toThrow('f: h must be trace-0 (tr = 1.000e+0)');
    // trace within the tolerance passes (hermitianTolerance(h) h.rows is a few hundred ulps here)
    expect(() => checkGenerator(fromArrays([[1 + 4 * EPS, 0], [0, -1]]), 'f', 'h')).not.toThrow();
    // the trace tolerance is hermitianTolerance(h) * h.rows = 1e3 eps * 2 * 2 here: a trace of 2e3 eps passes, 5e3 eps fails
    expect(() => checkGenerator(fromArrays([[1 + 2e3 * EPS, 0], [0, -1]]), 'f', 'h')).not.toThrow();
    expect(() => checkGenerator(fromArrays([[1 + 5e3 * EPS, 0], [0, -1]]), 'f', 'h')).toThrow(/^f: h must be trace-0/);
  });
});

describe('ansatz input checks', () => {
  it('lineAnsatz names the parameter and the condition of each violation', () => {
    expect(() => lineAnsatz([I2], [])).toThrow(/^lineAnsatz: generators.length \(p\) must be an integer >= 1 \(got 0\)/);
    expect(() => lineAnsatz([I2], [X])).toThrow('lineAnsatz: unitaries.length (1) != p + 1 (2)');
    expect(() => lineAnsatz([I2, I2, I2], [X])).toThrow('lineAnsatz: unitaries.length (3) != p + 1 (2)');
    expect(() => lineAnsatz([zeros(0, 0), zeros(0, 0)], [X])).toThrow(/^lineAnsatz: d must be an integer >= 1 \(got 0\)/);
    expect(() => lineAnsatz([I2, zeros(2, 3)], [X])).toThrow('lineAnsatz: unitaries[1] must be 2x2 (got 2x3)');
    expect(() => lineAnsatz([I2, zeros(3, 2)], [X])).toThrow('lineAnsatz: unitaries[1] must be 2x2 (got 3x2)');
    expect(() => lineAnsatz([I2, fromArrays([[Number.NaN, 0], [0, 1]])], [X])).toThrow('lineAnsatz: unitaries[1].re has a non-finite entry at index 0 (NaN)');
    expect(() => lineAnsatz([I2, fromArrays([[1, 0], [0, 1]], [[0, 0], [0, Number.NaN]])], [X])).toThrow('lineAnsatz: unitaries[1].im has a non-finite entry at index 3 (NaN)');
    expect(() => lineAnsatz([I2, scale(I2, 1.01)], [X])).toThrow('lineAnsatz: unitaries[1] must be unitary (max |U^dag U - I| = 2.010e-2)');
    expect(() => lineAnsatz([I2, I2], [pauliString('XX')])).toThrow('lineAnsatz: generators[0] must be 2x2 (got 4x4)');
    expect(() => lineAnsatz([I2, I2], [zeros(2, 4)])).toThrow('lineAnsatz: generators[0] must be 2x2 (got 2x4)');
    // a Hermitian generator of the wrong (square) size
    expect(() => lineAnsatz([pauliString('XX'), pauliString('XX')], [X])).toThrow('lineAnsatz: generators[0] must be 4x4 (got 2x2)');
    expect(() => lineAnsatz([I2, I2], [zeros(4, 2)])).toThrow('lineAnsatz: generators[0] must be 2x2 (got 4x2)');
    expect(() => lineAnsatz([I2, I2], [fromArrays([[0, 1], [0, 0]])])).toThrow(/^lineAnsatz: generators\[0\] /);
  });

  it('unitarity: a deviation within 1e3 eps d passes, beyond it fails', () => {
    const tol = unitaryTolerance(2);
    expect(tol).toBe(1e3 * EPS * 2);
    // U = (1 + e) I has max |U^dag U - I| = 2e + e^2
    expect(() => lineAnsatz([I2, scale(I2, 1 + tol / 4)], [X])).not.toThrow();
    expect(() => lineAnsatz([I2, scale(I2, 1 + tol)], [X])).toThrow(/^lineAnsatz: unitaries\[1\] must be unitary/);
  });

  it('periodicAnsatz, layerGenerators and periodicAsLine name themselves', () => {
    expect(() => periodicAnsatz([I2], X)).toThrow(/^periodicAnsatz: unitaries.length - 1 \(p\) must be an integer >= 1 \(got 0\)/);
    expect(() => periodicAnsatz([I2, scale(I2, 1.01)], X)).toThrow('periodicAnsatz: unitaries[1] must be unitary (max |U^dag U - I| = 2.010e-2)');
    expect(() => periodicAnsatz([I2, I2], fromArrays([[1, 0], [0, 0]]))).toThrow('periodicAnsatz: H must be trace-0 (tr = 1.000e+0)');
    const line = lineAnsatz([I2, I2], [X]);
    expect(() => layerGenerators(line, [0, 0])).toThrow('layerGenerators: theta has length 2, expected p = 1');
    expect(() => periodicAsLine(line)).toThrow('periodicAsLine: ansatz must be periodic (Definition 2.1)');
    expect(periodicAsLine(periodicAnsatz([I2, I2], Z)).p).toBe(1);
  });
});
