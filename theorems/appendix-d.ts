/**
 * Appendix D.1, the experimental setting as a checkable sentence: the generating Hamiltonian is diagonal with d/2 entries
 * +sqrt(d - 1/d) and d/2 entries -sqrt(d - 1/d), "normalized such that tr(H^2)/(d^2 - 1) = 1".
 */
import fc from 'fast-check';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { trace } from '../src/linalg/cmatrix.ts';
import { zFactor } from '../src/model/kernels.ts';
import { appendixDGenerator } from '../src/model/measurement.ts';
import { allOf, identityOutcome } from './section-4-b-common.ts';

interface Params extends InstanceParams { d: number }

export const appendixDGeneratorClaim: Claim<Params> = {
  id: 'appendix-d/generator',
  title: 'D.1 generator: diag(+-sqrt(d - 1/d)) has trace 0 and Z = tr(H^2)/(d^2 - 1) = 1',
  ref: { label: 'Appendix D.1', section: 'D.1', equations: [] },
  statement:
    'The generating Hamiltonian of the QNN simulations, diagonal with d/2 entries sqrt(d - 1/d) and d/2 entries -sqrt(d - 1/d) (the text prints ' +
    '"d/2 sqrt(d - d^-1) and d/2 - sqrt(d - d^-1)", an extraction of this), has trace 0 and tr(H^2)/(d^2 - 1) = d (d - 1/d)/(d^2 - 1) = 1, as D.1 says; ' +
    'checked on the generator the figure claims use (appendixDGenerator), with its diagonal entries.',
  hypotheses: ['d even'],
  kind: 'identity',
  strength: 'consistency',
  strengthReason: 'the generator is built as diag(+-sqrt(d - 1/d)); trace 0 and Z = 1 follow by arithmetic',
  expectation: 'holds',
  uses: [],
  toleranceRule: 'TOLERANCES.identity(d, d, 2): a sum of d squares of numbers of size sqrt(d)',
  runs: { quick: 5, default: 20, full: 50 },
  arbitrary: () => fc.record({ seed: fc.constant(0), d: fc.integer({ min: 1, max: 64 }).map((k) => 2 * k) }),
  check: ({ d }) => {
    const h = appendixDGenerator(d);
    const s = Math.sqrt(d - 1 / d);
    let entries = 0;
    for (let i = 0; i < d; i++) entries = Math.max(entries, Math.abs(Math.abs(h.re[i * d + i]) - s));
    const tol = TOLERANCES.identity(d, d, 2);
    return allOf([
      identityOutcome(Math.abs(zFactor(h) - 1), tol),
      identityOutcome(Math.abs(trace(h).re), tol),
      identityOutcome(entries, tol),
    ]);
  },
};
