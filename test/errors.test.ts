// Covers src/errors.ts: the typed error of bad input and its checks.
import { describe, expect, it } from 'vitest';
import { check, checkFinite, checkFiniteArray, checkInt, QnnInputError } from '../src/errors.ts';

describe('QnnInputError', () => {
  it('is an Error named QnnInputError whose message is "fn: param condition"', () => {
    const e = new QnnInputError('matmul', 'a.cols', '(3) != b.rows (4)');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('QnnInputError');
    expect(e.message).toBe('matmul: a.cols (3) != b.rows (4)');
    expect(String(e)).toBe('QnnInputError: matmul: a.cols (3) != b.rows (4)');
  });
  it('the checks throw it only when their condition fails', () => {
    expect(() => check(true, 'f', 'x', 'must hold')).not.toThrow();
    expect(() => check(false, 'f', 'x', 'must hold')).toThrow(QnnInputError);
    expect(() => checkFinite(1, 'f', 'x')).not.toThrow();
    expect(() => checkFinite(Number.NaN, 'f', 'x')).toThrow('f: x must be finite (got NaN)');
    expect(() => checkFiniteArray(Float64Array.from([0, 1e308, -2]), 'f', 'a')).not.toThrow();
    expect(() => checkFiniteArray(Float64Array.from([0, Infinity]), 'f', 'a')).toThrow('f: a has a non-finite entry at index 1 (Infinity)');
    expect(() => checkInt(2, 2, 'f', 'n')).not.toThrow();
    expect(() => checkInt(1, 2, 'f', 'n')).toThrow(/^f: n must be an integer >= 2 \(got 1\)/);
  });
});
