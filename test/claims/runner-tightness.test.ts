/**
 * Covers the tightness part of src/claims/runner.ts and src/claims/outcomes.ts: the largest tightness and the details of
 * that run (not the last), vacuous runs (a claim with only vacuous runs is inconclusive, never verified), the targeted
 * search (searched >= random, the arg-max replays exactly, a searched violation is a counterexample with a replay
 * command), determinism, and the replay file formats of src/search/replay.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allOf, identityOutcome, inequalityOutcome, tightnessOf } from '../../src/claims/outcomes.ts';
import { runClaim } from '../../src/claims/runner.ts';
import type { Claim, InstanceParams } from '../../src/claims/types.ts';
import { defineSpace } from '../../src/search/decode.ts';
import { parseSearchedInstance, replaySearched } from '../../src/search/replay.ts';

interface P extends InstanceParams { a: number }

/** a / 10 <= 1 on random a in [0, 5] (tightness <= 0.5); the search space reaches a = 10 sin-saturated (tightness 1). */
function toy(over: Partial<Claim<P>> = {}, limit = 10): Claim<P> {
  const outcome = (a: number) => inequalityOutcome(a, limit, 0, 1, { a });
  return {
    id: 'lemma-0.1',
    title: 'toy',
    ref: { label: 'toy', section: '0', equations: [] },
    statement: 'a <= limit',
    hypotheses: [],
    kind: 'inequality',
    strength: 'substantive',
    strengthReason: 'toy',
    expectation: 'holds',
    toleranceRule: 'exact',
    tightnessRule: 'a / limit',
    runs: { quick: 5, default: 30, full: 50 },
    arbitrary: () => fc.record({ seed: fc.integer({ min: 0, max: 1000 }), a: fc.double({ min: 0, max: 5, noNaN: true }) }),
    check: ({ a }) => outcome(a),
    search: defineSpace<P, number>({ decode: (r) => r.interval(0, 9.9), assess: (a) => outcome(a), note: 'a in [0, 9.9]', knownSupremum: { value: 0.99, where: 'a = 9.9' } }),
    ...over,
  };
}

describe('tightness in outcomes', () => {
  it('inequalityOutcome: lhs / rhs by default, 1 + (lhs - rhs)/scale with a scale, none when rhs <= 0 without one', () => {
    expect(inequalityOutcome(1, 4, 0).tightness).toBe(0.25);
    expect(inequalityOutcome(-0.5, 0, 0, 1, undefined, { scale: 2 }).tightness).toBe(0.75);
    expect(inequalityOutcome(-1, -2, 0).tightness).toBeUndefined();
    expect(tightnessOf(3, 2)).toBe(1.5);
    expect(inequalityOutcome(1, 4, 0, 1, undefined, { vacuous: true }).vacuous).toBe(true);
  });

  it('allOf keeps every part by name with its slack and tightness, the largest tightness overall', () => {
    const o = allOf({ small: inequalityOutcome(1, 10, 0), tight: inequalityOutcome(9, 10, 0) });
    expect(o.parts).toEqual([
      { name: 'small', ok: true, slack: 9, tightness: 0.1 },
      { name: 'tight', ok: true, slack: 1, tightness: 0.9 },
    ]);
    expect(o.tightness).toBe(0.9);
    expect(o.slack).toBe(1);
    expect(allOf([inequalityOutcome(1, 2, 0)]).parts?.[0].name).toBe('part 1');
  });
});

describe('runClaim: tightness', () => {
  it('reports the largest random tightness and the details of that run, not of the last', () => {
    const r = runClaim(toy(), { seed: 4, search: false });
    expect(r.tightness?.random).toBeGreaterThan(0.4);
    expect(r.tightness?.random).toBeLessThanOrEqual(0.5);
    expect(r.details?.a).toBe(r.tightness!.random! * 10);
    expect(r.tightness?.searched).toBeNull();
    expect(r.nonVacuousRuns).toBe(30);
  });

  it('a composite outcome shows every part of the run whose details are shown, not only its smallest slack', () => {
    const claim = toy({
      check: ({ a }) => allOf({ trivial: identityOutcome(0, 1e-12), bound: inequalityOutcome(a, 10, 0, 1, { a }) }),
    });
    const r = runClaim(claim, { seed: 4, search: false });
    expect(r.parts?.map((p) => p.name)).toEqual(['trivial', 'bound']);
    expect(r.parts?.[1].tightness).toBe(r.tightness!.random);
    expect(r.worstSlack).toBeCloseTo(1e-12, 20); // the trivial part's slack: the parts say more
    expect(runClaim(toy(), { seed: 4, search: false }).parts).toBeUndefined();
  });

  it('the search beats the random runs, and its arg-max replays exactly', () => {
    const claim = toy();
    const r = runClaim(claim, { seed: 4 });
    expect(r.verdict).toBe('verified');
    expect(r.tightness!.searched!).toBeGreaterThan(0.98);
    expect(r.tightness!.searched!).toBeLessThanOrEqual(0.99);
    expect(r.tightness!.evaluations).toBe(300);
    expect(r.details?.source).toBe('search');
    const again = replaySearched(claim, JSON.parse(JSON.stringify(r.tightness!.instance)));
    expect(again.tightness).toBe(r.tightness!.searched);
    expect(r.tightness!.replay).toBe('npx qnn-verify replay --claim lemma-0.1 --instance report/verification-report.json');
  });

  it('same seed, same result with the search (timings aside)', () => {
    const a = runClaim(toy(), { seed: 11, budget: 'quick' });
    const b = runClaim(toy(), { seed: 11, budget: 'quick' });
    expect({ ...a, timeMs: 0 }).toEqual({ ...b, timeMs: 0 });
  });

  it('a violation found by the search is a counterexample with the decoded instance and a replay command', () => {
    const claim = toy({}, 8); // random a <= 5 never fails; the search reaches a > 8
    const r = runClaim(claim, { seed: 4 });
    expect(r.verdict).toBe('violated');
    expect(r.counterexample?.instance?.x.length).toBe(1);
    expect(r.counterexample?.replay).toBe('npx qnn-verify replay --claim lemma-0.1 --instance report/verification-report.json');
    const report = JSON.stringify({ results: [{ id: 'lemma-0.1', counterexample: r.counterexample, tightness: r.tightness }] });
    const back = replaySearched(claim, parseSearchedInstance(report, 'lemma-0.1'));
    expect(back.ok).toBe(false);
    expect(back.outcome.slack).toBe(r.counterexample!.outcome.slack);
  });

  it('a claim whose every run is vacuous is inconclusive; one non-vacuous run is enough evidence', () => {
    const vac = toy({ vacuousRule: 'always', check: ({ a }) => inequalityOutcome(a, 10, 0, 1, undefined, { vacuous: true }), search: undefined });
    const r = runClaim(vac, { seed: 2 });
    expect(r.verdict).toBe('inconclusive');
    expect(r.nonVacuousRuns).toBe(0);
    expect(r.tightness).toBeUndefined();
    const some = toy({ vacuousRule: 'a > 1', check: ({ a }) => inequalityOutcome(a, 10, 0, 1, undefined, { vacuous: a > 1 }), search: undefined });
    const s = runClaim(some, { seed: 2 });
    expect(s.verdict).toBe('verified');
    expect(s.nonVacuousRuns).toBeGreaterThan(0);
    expect(s.nonVacuousRuns).toBeLessThan(30);
  });

  it('says why there is no searched tightness: refuted, no space (with the claim\'s reason), search off', () => {
    const refuted = runClaim(toy({ expectation: 'fails-as-printed' }, 4), { seed: 4 }); // random a in [0, 5] breaks a <= 4
    expect(refuted.verdict).toBe('violated-as-printed');
    expect(refuted.tightness).toMatchObject({ searched: null, evaluations: 0, searchSkipped: 'refuted' });
    const none = runClaim(toy({ search: undefined, noSearch: 'a toy without a space' }), { seed: 4 });
    expect(none.tightness).toMatchObject({ searched: null, searchSkipped: 'no-space' });
    expect(none.noSearch).toBe('a toy without a space');
    const off = runClaim(toy(), { seed: 4, search: false });
    expect(off.tightness).toMatchObject({ searched: null, searchSkipped: 'off' });
    const ran = runClaim(toy(), { seed: 4, budget: 'quick' });
    expect(ran.tightness?.searchSkipped).toBeUndefined();
    expect(ran.noSearch).toBeUndefined();
  });

  it('identities report the largest residual over its tolerance', () => {
    const c = toy({ kind: 'identity', check: ({ a }) => identityOutcome(a / 20, 1), search: undefined });
    const r = runClaim(c, { seed: 3 });
    expect(r.relativeResidual).toBeCloseTo(r.largestResidual!, 15);
    expect(r.relativeResidual).toBeLessThanOrEqual(1);
    expect(runClaim(toy({ search: undefined }), { seed: 3 }).relativeResidual).toBeUndefined();
  });

  it('the worst slack is taken over non-vacuous runs only (a vacuous run carries a placeholder slack)', () => {
    const c = toy({
      vacuousRule: 'a > 1',
      check: ({ a }) => (a > 1 ? { ok: true, slack: 0, vacuous: true } : inequalityOutcome(a, 10, 0)),
      search: undefined,
    });
    const r = runClaim(c, { seed: 2 });
    expect(r.verdict).toBe('verified');
    expect(r.nonVacuousRuns).toBeGreaterThan(0);
    expect(r.worstSlack).toBeGreaterThanOrEqual(9);
  });
});

describe('replay files', () => {
  it('accepts an instance file and refuses bad ones by message', () => {
    expect(parseSearchedInstance('{"params":{"seed":1},"x":[0.5]}', 'lemma-0.1')).toEqual({ params: { seed: 1 }, x: [0.5] });
    expect(() => parseSearchedInstance('nope', 'x')).toThrow(/--instance must be a JSON file/);
    expect(() => parseSearchedInstance('{"params":{},"x":["a"]}', 'x')).toThrow(/must hold \{ params, x \}/);
    expect(() => parseSearchedInstance('{"claim":"y","params":{},"x":[1]}', 'x')).toThrow(/is an instance of 'y', not 'x'/);
    expect(() => parseSearchedInstance('{"results":[]}', 'x')).toThrow(/has no result for 'x'/);
    expect(() => parseSearchedInstance('{"results":[{"id":"x"}]}', 'x')).toThrow(/holds no searched instance of 'x'/);
    expect(() => replaySearched(toy({ search: undefined }), { params: { seed: 1 }, x: [1] })).toThrow(/has no search space/);
    expect(() => replaySearched(toy(), { params: { seed: 1 }, x: [1, 2] })).toThrow('evaluateSearched: x must have length 1 for {"seed":1} (got 2)');
  });
});

describe('runClaim: shrinking steps', () => {
  it('count neither as runs nor as non-vacuous evidence', () => {
    const claim = toy({ check: ({ a }) => inequalityOutcome(a, 2, 0, 1, { a }), search: undefined }); // fails for a > 2, shrinks
    const r = runClaim(claim, { seed: 4 });
    expect(r.verdict).toBe('violated');
    expect(r.nonVacuousRuns).toBe(r.runs);
    expect(r.tightness!.random!).toBeGreaterThan(1); // the first failing run counts
  });
});
