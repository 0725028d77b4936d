/**
 * Covers src/search/replay.ts (export) and src/search/decode.ts: a searched QNN instance exports as `qnn-verify eval`
 * JSON that parses back to the same predictions; a claim not about a QNN instance refuses --export by message; the
 * decoders give valid objects for any x (unit states, orthonormal rows even for dependent inputs, non-zero traceless
 * generators, values inside the interval) and count their dimension on a dry run.
 */
import { describe, expect, it } from 'vitest';
import { parseInstanceText } from '../../src/io/instance-json.ts';
import { predictions } from '../../src/model/qnn.ts';
import { defineSpace, Reader } from '../../src/search/decode.ts';
import { exportSearched } from '../../src/search/replay.ts';
import { targetedSearch } from '../../src/search/targeted.ts';
import { claimById } from '../../theorems/index.ts';

describe('exportSearched', () => {
  it('theorem-3.2/eq-30: the exported instance has the predictions of the decoded one', () => {
    const claim = claimById('theorem-3.2/eq-30')!;
    const r = targetedSearch(claim, [{ seed: 1, mode: 'random', family: 'random', d: 2, m: 2, p: 2, ansatz: 'line', logTau: 0 }], { seed: 1, evaluations: 20 });
    const inst = r.best!.instance;
    const parsed = parseInstanceText(exportSearched(claim, inst));
    const { inst: q, theta } = claim.search!.qnn!(claim.search!.decode(Float64Array.from(inst.x), inst.params));
    const a = predictions(q, theta), b = predictions(parsed.instance, parsed.theta);
    for (let j = 0; j < a.length; j++) expect(Math.abs(a[j] - b[j])).toBeLessThan(1e-12);
  });

  it('refuses a claim whose space decodes no QNN instance', () => {
    expect(() => exportSearched(claimById('lemma-c.1')!, { params: { seed: 1, d: 2 }, x: new Array(8).fill(0.1) }))
      .toThrow("replay: --export 'lemma-c.1' is not about a QNN instance (its search space decodes no QNN)");
  });
});

describe('decoders', () => {
  it('states have unit norm, orthonormal rows survive dependent inputs, generators are non-zero and traceless', () => {
    const x = Float64Array.from({ length: 200 }, (_, k) => Math.sin(k * 1.7) * 3);
    const r = new Reader(x);
    const v = r.state(3);
    expect(v.re.reduce((s, a, i) => s + a * a + v.im[i] ** 2, 0)).toBeCloseTo(1, 14);
    const dep = new Reader(new Float64Array(100).fill(1)); // every row the same vector
    const q = dep.orthonormalStates(3, 3);
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) {
      let re = 0, im = 0;
      for (let i = 0; i < 3; i++) {
        re += q.re[a * 3 + i] * q.re[b * 3 + i] + q.im[a * 3 + i] * q.im[b * 3 + i];
        im += q.re[a * 3 + i] * q.im[b * 3 + i] - q.im[a * 3 + i] * q.re[b * 3 + i];
      }
      expect(Math.hypot(re - (a === b ? 1 : 0), im)).toBeLessThan(1e-12);
    }
    const g = new Reader(new Float64Array(9)).generator(3);
    expect(g.re[0]).toBe(1);
    expect(g.re[4]).toBe(-1);
    const t = r.interval(-2, 5);
    expect(t).toBeGreaterThanOrEqual(-2);
    expect(t).toBeLessThanOrEqual(5);
    expect(new Reader(Float64Array.of(Math.PI / 2)).interval(0, 1)).toBe(1);
  });

  it('defineSpace counts the dimension on a dry run', () => {
    const s = defineSpace<{ seed: number; d: number }, number>({ decode: (r, { d }) => (r.hermitian(d), r.state(d), r.next()), assess: () => ({ ok: true, slack: 0 }), note: '' });
    expect(s.dimension({ seed: 0, d: 3 })).toBe(9 + 6 + 1);
  });
});

describe('pickStarts', () => {
  it('tightest first (ties: smaller dimension), then the smallest dimension not chosen; one start per discrete choice', async () => {
    const { pickStarts } = await import('../../src/search/targeted.ts');
    const runs = [
      { params: { seed: 1, d: 8 }, tightness: 1 },
      { params: { seed: 2, d: 4 }, tightness: 1 },
      { params: { seed: 3, d: 8 }, tightness: 0.5 },
      { params: { seed: 4, d: 6 }, tightness: 0.9 },
      { params: { seed: 5, d: 2 }, tightness: 0.1 },
    ];
    expect(pickStarts(runs, (p) => p.d * p.d)).toEqual([{ seed: 2, d: 4 }, { seed: 1, d: 8 }, { seed: 5, d: 2 }]);
    expect(pickStarts(runs.slice(0, 1))).toEqual([{ seed: 1, d: 8 }]);
  });
});

describe('encode', () => {
  it('decodes back to the random run of lemma-c.1 (same tightness as its check), and intervalInverse inverts interval', async () => {
    const { intervalInverse } = await import('../../src/search/decode.ts');
    for (const kind of ['traceless', 'pm1', 'tight']) {
      const claim = claimById('lemma-c.1')!;
      const params = { seed: 9, d: 4, kind };
      const x = claim.search!.encode!(params)!;
      const viaSearch = claim.search!.assess(claim.search!.decode(x, params), params);
      expect(viaSearch.tightness).toBe(claim.check(params).tightness);
    }
    expect(new Reader(Float64Array.of(intervalInverse(2.5, 1.05, 8))).interval(1.05, 8)).toBeCloseTo(2.5, 14);
  });
});

describe('encodeQnn', () => {
  it('gates through their generators: a theorem-3.2 point decodes back to its own tightness (random mode, d = 3, p = 3, m = 2)', () => {
    const claim = claimById('theorem-3.2/eq-32')!;
    const params = { seed: 12, mode: 'random', family: 'random', d: 3, m: 2, p: 3, ansatz: 'line', logTau: 0 };
    const x = claim.search!.encode!(params)!;
    expect(x.length).toBe(claim.search!.dimension(params));
    const back = claim.search!.assess(claim.search!.decode(x, params), params).tightness!;
    expect(Math.abs(back - claim.check(params).tightness!)).toBeLessThan(1e-12);
    // a hand-built instance of another shape (the tight mode has p = 1) is not encoded
    expect(claim.search!.encode!({ ...params, mode: 'tight' })).toBeUndefined();
  });
});
