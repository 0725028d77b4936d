/**
 * Shared spec body: runs claims through fast-check with the CI budget.
 * Seed: QNN_SEED (default 20230723); budget: QNN_BUDGET (quick | default | full; default `default`); the targeted
 * search of a claim with a search space runs at its quick evaluation budget.
 * A claim that holds must be verified; a formula known to be false as printed must be
 * violated (its counterexample is the erratum), and its corrected sibling verified.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, runClaim, type BudgetName } from '../../src/claims/runner.ts';
import type { AnyClaim } from '../../src/claims/types.ts';

export const seed = process.env.QNN_SEED ? Number(process.env.QNN_SEED) : DEFAULT_SEED;
export const budget = (process.env.QNN_BUDGET ?? 'default') as BudgetName;

export function runClaimsSpec(name: string, claims: AnyClaim[]): void {
  describe(name, () => {
    it.each(claims.map((c) => [c.id, c] as const))('%s', (_id, claim) => {
      // the targeted search runs at its quick evaluation budget here (npm test stays under 5 minutes); verify uses the full level
      const r = runClaim(claim, { seed, budget, searchBudget: 'quick' });
      const info = r.counterexample
        ? `${JSON.stringify(r.counterexample.params)} ${r.counterexample.error ?? ''} slack ${r.counterexample.outcome.slack}; replay: ${r.counterexample.replay}`
        : `worst slack ${r.worstSlack}`;
      if (claim.expectation === 'holds') expect(r.verdict, `${claim.id} (${claim.ref.label}): ${info}`).toBe('verified');
      else if (claim.expectation === 'not-reproduced') expect(r.verdict, `${claim.id}: expected our reproduction to contradict it; ${info}`).toBe('not-reproduced');
      else expect(r.verdict, `${claim.id}: expected a counterexample to the printed formula; ${info}`).toBe('violated-as-printed');
    });
  });
}
