// Covers src/model/measurement.ts's Pauli table, an exact known case per letter. The module is imported
// inside the test: a table entry that fails to build throws while the module loads, and only a test that
// loads it can fail on that (an import at the top of the file would fail the file before any test runs).
import { describe, expect, it } from 'vitest';
import { toArrays } from '../../src/linalg/cmatrix.ts';

describe('Pauli table', () => {
  it('I, X, Y, Z are the Pauli matrices, entry by entry', async () => {
    const { pauliString } = await import('../../src/model/measurement.ts');
    expect(toArrays(pauliString('I'))).toEqual({ re: [[1, 0], [0, 1]], im: [[0, 0], [0, 0]] });
    expect(toArrays(pauliString('X'))).toEqual({ re: [[0, 1], [1, 0]], im: [[0, 0], [0, 0]] });
    expect(toArrays(pauliString('Y'))).toEqual({ re: [[0, 0], [0, 0]], im: [[0, -1], [1, 0]] });
    expect(toArrays(pauliString('Z'))).toEqual({ re: [[1, 0], [0, -1]], im: [[0, 0], [0, 0]] });
  });
});
