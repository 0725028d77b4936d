/**
 * Definition 2.1 (section 2, Line (2)): the periodic ansatz U_p e^{-i theta_p H} ... U_1 e^{-i theta_1 H} U_0
 * is a Line (1) ansatz with H^(l) = V_l H V_l^dag.
 */
import fc from 'fast-check';
import { smallDimensionArb } from '../properties/index.ts';
import type { Claim, InstanceParams } from '../src/claims/types.ts';
import { TOLERANCES } from '../src/claims/tolerances.ts';
import { adjoint, CMat, identity, matmul, maxAbsDiff, trace } from '../src/linalg/cmatrix.ts';
import { eigvalsh } from '../src/linalg/eigh.ts';
import { lineAnsatz, periodicAnsatz, periodicAsLine, unitaryOf } from '../src/model/ansatz.ts';
import { haarSpecialUnitary, randomTracelessHermitian } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { identityOutcome, seedArb } from './section-2-3-common.ts';

interface Params extends InstanceParams { d: number; p: number }

export const definition21: Claim<Params> = {
  id: 'definition-2.1',
  title: 'The periodic ansatz is a Line (1) ansatz with generators V_l H V_l^dag',
  ref: { label: 'Definition 2.1', section: '2', equations: ['1', '2'] },
  statement:
    'U_p e^{-i theta_p H} ... U_1 e^{-i theta_1 H} U_0 (Line 2) = U\'_p e^{-i theta_p H^(p)} ... U\'_1 e^{-i theta_1 H^(1)} U\'_0 (Line 1) ' +
    'for every theta, with U\'_0 = ... = U\'_{p-1} = I, U\'_p = U_p ... U_0, H^(l) = V_l H V_l^dag, V_l = (U_{l-1} ... U_0)^dag ' +
    '(so V_l is Haar when the U_l are i.i.d. Haar); each H^(l) is trace-0 with the spectrum of H.',
  hypotheses: ['U_l Haar in SU(d), i.i.d.', 'H non-zero trace-0 Hermitian', 'theta arbitrary'],
  kind: 'identity',
  strength: 'consistency',
  strengthReason: 'V e^{-i theta H} V^dag = e^{-i theta V H V^dag} for any unitary V; guards the two ansatz builders',
  expectation: 'holds',
  uses: [],
  toleranceRule:
    'both sides are chains of 2p + 1 dense products of unitaries (and p eigen-decompositions for the exponentials): ' +
    'TOLERANCES.identity(1, d, 2p + 2) on max |entry|; spectra and traces of the generators: p TOLERANCES.spectral(||H||, d) ' +
    '(V_l is a product of up to p unitaries); the worst ratio residual/tolerance is reported in units of the first',
  runs: { quick: 15, default: 60, full: 600 },
  arbitrary: () => fc.record({ seed: seedArb(), d: smallDimensionArb(), p: fc.integer({ min: 1, max: 8 }) }),
  check: ({ seed, d, p }) => {
    const rng = makeRng(seed);
    const us = Array.from({ length: p + 1 }, () => haarSpecialUnitary(rng, d));
    const h = randomTracelessHermitian(rng, d);
    const theta = Float64Array.from({ length: p }, () => 4 * Math.PI * (rng.uniform() - 0.5));
    const periodic = periodicAnsatz(us, h);
    // Line (1) form built here from the definition: V_l = (U_{l-1} ... U_0)^dag, H^(l) = V_l H V_l^dag.
    const gens: CMat[] = [];
    let q = us[0];
    for (let l = 1; l <= p; l++) {
      const v = adjoint(q);
      gens.push(matmul(v, matmul(h, adjoint(v))));
      q = matmul(us[l], q);
    }
    const line = lineAnsatz([...Array.from({ length: p }, () => identity(d)), q], gens);
    const uPeriodic = unitaryOf(periodic, theta);
    const resU = maxAbsDiff(uPeriodic, unitaryOf(line, theta));
    // The library's construction (periodicAsLine) agrees with the one above.
    const lib = periodicAsLine(periodic);
    const resLib = Math.max(maxAbsDiff(uPeriodic, unitaryOf(lib, theta)), ...lib.generators.map((g, l) => maxAbsDiff(g, gens[l])));
    // Each H^(l) is trace-0 with the spectrum of H (unitary conjugation).
    const specH = eigvalsh(h);
    let resSpec = 0;
    for (const g of gens) {
      const s = eigvalsh(g);
      for (let i = 0; i < d; i++) resSpec = Math.max(resSpec, Math.abs(s[i] - specH[i]));
      resSpec = Math.max(resSpec, Math.abs(trace(g).re));
    }
    const hNorm = Math.max(Math.abs(specH[0]), Math.abs(specH[d - 1]));
    const tolU = TOLERANCES.identity(1, d, 2 * p + 2);
    const tolSpec = TOLERANCES.spectral(hNorm, d) * p;
    const ratio = Math.max(resU / tolU, resLib / tolU, resSpec / tolSpec);
    return identityOutcome(ratio * tolU, tolU, { resU, resLib, resSpec, tolSpec });
  },
};
