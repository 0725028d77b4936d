/** Added for a mutant of src/model/qnn.ts with no coverage: residuals(inst, theta) = y - yhat(theta). */
import { describe, expect, it } from 'vitest';
import { predictions, residuals } from '../../src/model/qnn.ts';
import { lineInstance } from '../../src/model/scenarios.ts';
import { makeRng } from '../../src/random/rng.ts';

describe('qnn: residuals of an instance', () => {
  it('residuals(inst, theta)_j = y_j - yhat_j(theta), exactly, with length m', () => {
    const { instance, theta0 } = lineInstance(makeRng(21), { d: 4, m: 3, p: 2 });
    const r = residuals(instance, theta0);
    const yhat = predictions(instance, theta0);
    expect(r).toHaveLength(3);
    for (let j = 0; j < 3; j++) expect(r[j]).toBe(instance.labels[j] - yhat[j]);
  });
});
