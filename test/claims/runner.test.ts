/**
 * Covers src/claims/runner.ts: verdicts, worst slack, counterexample shrinking and replay,
 * refusal of instances outside a claim's hypotheses (never counted as verified).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnnInputError } from '../../src/errors.ts';
import { isExpected, runClaim } from '../../src/claims/runner.ts';
import type { Claim, InstanceParams } from '../../src/claims/types.ts';

interface P extends InstanceParams { d: number }

function toyClaim(over: Partial<Claim<P>>): Claim<P> {
  return {
    id: 'lemma-0.0',
    title: 'toy',
    ref: { label: 'toy', section: '0', equations: ['0'] },
    statement: 'd^2 >= d',
    hypotheses: [],
    kind: 'inequality',
    strength: 'substantive',
    strengthReason: 'toy',
    expectation: 'holds',
    toleranceRule: 'exact integers',
    runs: { quick: 5, default: 20, full: 50 },
    arbitrary: () => fc.record({ seed: fc.integer({ min: 0, max: 1000 }), d: fc.integer({ min: 1, max: 50 }) }),
    check: ({ d }) => ({ ok: d * d >= d, slack: d * d - d }),
    ...over,
  };
}

describe('runClaim', () => {
  it('verifies a true claim and reports the worst slack and the ranges', () => {
    const r = runClaim(toyClaim({}), { seed: 1 });
    expect(r.verdict).toBe('verified');
    expect(r.runs).toBe(20);
    expect(r.worstSlack).toBe(0); // d = 1 is generated (bias towards small values)
    expect(r.ranges.d[0]).toBeGreaterThanOrEqual(1);
    expect(isExpected(r)).toBe(true);
  });

  it('finds, shrinks and replays a counterexample', () => {
    const claim = toyClaim({ statement: 'd < 10', check: ({ d }) => ({ ok: d < 10, slack: 10 - d - 1 }) });
    const r = runClaim(claim, { seed: 3 });
    expect(r.verdict).toBe('violated');
    expect(r.counterexample?.params.d).toBe(10); // shrunk to the boundary
    expect(r.counterexample?.replay).toMatch(/^npx qnn-verify replay --claim lemma-0\.0 --seed -?\d+ --path \S+$/);
    const again = runClaim(claim, { seed: r.seed, path: r.counterexample!.path });
    expect(again.counterexample?.params).toEqual(r.counterexample?.params);
    expect(isExpected(r)).toBe(false);
  });

  it('a printed formula that fails is violated-as-printed; one that never fails is inconclusive', () => {
    const bad = runClaim(toyClaim({ expectation: 'fails-as-printed', check: ({ d }) => ({ ok: d < 5, slack: 4 - d }) }), { seed: 2 });
    expect(bad.verdict).toBe('violated-as-printed');
    expect(isExpected(bad)).toBe(true);
    const good = runClaim(toyClaim({ expectation: 'fails-as-printed' }), { seed: 2 });
    expect(good.verdict).toBe('inconclusive');
    expect(isExpected(good)).toBe(false);
  });

  it('an experiment our protocol contradicts is not-reproduced; one that reproduces is inconclusive; a refusal stays violated', () => {
    const gap = { expectation: 'not-reproduced' as const, protocolGap: 'the paper does not print its grid' };
    const bad = runClaim(toyClaim({ ...gap, check: ({ d }) => ({ ok: d < 5, slack: 4 - d }) }), { seed: 2 });
    expect(bad.verdict).toBe('not-reproduced');
    expect(bad.protocolGap).toBe(gap.protocolGap);
    expect(isExpected(bad)).toBe(true);
    const good = runClaim(toyClaim(gap), { seed: 2 });
    expect(good.verdict).toBe('inconclusive');
    expect(isExpected(good)).toBe(false);
    const refused = runClaim(toyClaim({ ...gap, check: () => { throw new QnnInputError('toy', 'd', 'must be <= 0'); } }), { seed: 2 });
    expect(refused.verdict).toBe('violated');
    expect(isExpected(refused)).toBe(false);
  });

  it('copies the strength and its reason into the result', () => {
    const r = runClaim(toyClaim({ strength: 'consistency', strengthReason: 'holds by construction of the toy' }), { seed: 1 });
    expect(r.strength).toBe('consistency');
    expect(r.strengthReason).toBe('holds by construction of the toy');
  });

  it('an instance refused as outside the hypotheses is a failure, never verified', () => {
    const claim = toyClaim({
      check: ({ d }) => {
        if (d > 3) throw new QnnInputError('toy', 'd', 'must be <= 3');
        return { ok: true, slack: 1 };
      },
    });
    const r = runClaim(claim, { seed: 5 });
    expect(r.verdict).toBe('violated');
    expect(r.counterexample?.error).toMatch(/^refused: toy: d must be <= 3/);
  });

  it('a non-finite slack on a passing outcome is a failure', () => {
    const r = runClaim(toyClaim({ check: () => ({ ok: true, slack: NaN }) }), { seed: 5 });
    expect(r.verdict).toBe('violated');
  });

  it('same seed, same result (timings aside)', () => {
    const a = runClaim(toyClaim({}), { seed: 9 });
    const b = runClaim(toyClaim({}), { seed: 9 });
    expect({ ...a, timeMs: 0 }).toEqual({ ...b, timeMs: 0 });
  });
});
