/**
 * The instances of Lemma B.4's proof (appendix B.2, eqs. 91-97), built from a seed (the random runs) or decoded from a
 * real vector x (the targeted search of src/search/). Claim 2 of the proof (the quantile of ||Y(theta) - Y(0)||_op over
 * the Haar draws) has its own sample and search space in ./search-spaces-lemma-b4-claim2.ts.
 *
 * Setting: G_l = V_l H V_l^dag (the text's H_l, i.i.d. with V_l Haar), E_{<l}(theta) := e^{i theta_1 G_1} ... e^{i theta_{l-1} G_{l-1}},
 * Y_l(theta) := (E_{<l} G_l E_{<l}^dag)^(x)2, Y(theta) = (1/(pZ)) sum_l Y_l(theta) (eq. 92); Y^(k) is Y with G_k replaced by G'_k.
 * Everything depends on H only through its spectrum: H = W diag(lambda) W^dag gives G_l = (V_l W) diag(lambda) (V_l W)^dag, so a
 * decoder takes H = diag(lambda) and absorbs W into the V_l.
 */
import type { CheckOutcome, InstanceParams } from '../src/claims/types.ts';
import { adjoint, axpyInPlace, type CMat, diag, kron, matmul, sub, zeros } from '../src/linalg/cmatrix.ts';
import { eigh } from '../src/linalg/eigh.ts';
import { expmHermitian } from '../src/linalg/expm.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { zFactor } from '../src/model/kernels.ts';
import { haarSpecialUnitary } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import { defineSpace, hermitianEntries, type Reader, unitaryGenerator } from '../src/search/decode.ts';
import { buildGenerator, type GenKind } from './section-4-b-common.ts';

/**
 * theta modes: 'normal' (i.i.d. N(0, s^2)), 'equal' (all theta_j = s, the worst case ||theta||_1 = sqrt(p) ||theta||_2),
 * 'zero-k' (theta_k = 0), 'small-k' (theta_k = s/100, the others N(0, s^2)).
 */
export type ThetaMode = 'normal' | 'equal' | 'zero-k' | 'small-k';

export interface ProofParams extends InstanceParams { d: number; p: number; k: number; gen: GenKind; mode: ThetaMode; scale: number }

/** e^{i theta G} = exp(-i (-theta) G). */
export const expI = (g: CMat, theta: number) => expmHermitian(g, -theta);

/** Y_l(theta) for l = 1..p (0-based array) from the G_l of eq. (92). */
export function yTerms(G: readonly CMat[], theta: ArrayLike<number>): CMat[] {
  const d = G[0].rows;
  const out: CMat[] = [];
  let e = zeros(d, d);
  for (let i = 0; i < d; i++) e.re[i * d + i] = 1; // E_{<1} = I
  G.forEach((g, l) => {
    const c = matmul(e, matmul(g, adjoint(e))); // E_{<l} G_l E_{<l}^dag
    out.push(kron(c, c));
    e = matmul(e, expI(g, theta[l]));
  });
  return out;
}

export function sumScaled(terms: readonly CMat[], s: number): CMat {
  const n = terms[0].rows;
  const y = zeros(n, n);
  for (const t of terms) axpyInPlace(y, t, s);
  return y;
}

/** The objects of the proof for given H, G_1..G_p, G'_k (k 1-based) and theta. */
export function proofInstance(H: CMat, G: CMat[], gkPrime: CMat, k: number, theta: Float64Array) {
  const Gk = G.slice();
  Gk[k - 1] = gkPrime;
  const z = zFactor(H), hop = opNormHermitian(H);
  const zero = new Float64Array(G.length);
  return { H, G, Gk, theta, z, hop, Yt: yTerms(G, theta), Y0: yTerms(G, zero), Ykt: yTerms(Gk, theta), Yk0: yTerms(Gk, zero) };
}
export type ProofInstance = ReturnType<typeof proofInstance>;

/** The random draw of the proof (seeded): H of its kind, V_1..V_p and V' Haar on SU(d), theta of the mode. */
function drawProof({ seed, d, p, k, gen, mode, scale }: ProofParams) {
  const rng = makeRng(seed);
  const H = buildGenerator(rng.fork('H'), d, gen);
  const gr = rng.fork('G');
  const V = Array.from({ length: p }, () => haarSpecialUnitary(gr, d));
  const vPrime = haarSpecialUnitary(rng.fork('resample'), d);
  const tr = rng.fork('theta');
  const theta = Float64Array.from({ length: p }, () => (mode === 'equal' ? scale : scale * tr.normal()));
  if (mode === 'zero-k') theta[k - 1] = 0;
  if (mode === 'small-k') theta[k - 1] = scale / 100;
  return { H, V, vPrime, theta };
}

const conj = (v: CMat, h: CMat) => matmul(v, matmul(h, adjoint(v)));

/** The instance of the proof: p i.i.d. G_l = V_l H V_l^dag, an independent copy G'_k = V' H V'^dag, theta of the given mode. */
export function buildProof(params: ProofParams): ProofInstance {
  const { H, V, vPrime, theta } = drawProof(params);
  return proofInstance(H, V.map((v) => conj(v, H)), conj(vPrime, H), params.k, theta);
}

/** The spectrum of H of the kind, ascending (as eigh orders it); undefined for 'gue' (decoded from x). */
function fixedSpectrum(d: number, gen: GenKind): Float64Array | undefined {
  if (gen === 'gue') return undefined;
  const s = Math.sqrt(d - 1 / d); // appendixDGenerator: diag(+s x d/2, -s x d/2)
  const v = Array.from({ length: d }, (_, i) => (gen === 'appendix-d' ? (i < d / 2 ? -s : s) : i === 0 ? -1 : i === d - 1 ? 1 : 0));
  return Float64Array.from(v);
}

/** A traceless non-zero spectrum from d reals (mean removed; (-1, 1, 0, ...) where it vanishes). */
export function tracelessSpectrum(r: Reader, d: number): Float64Array {
  const v = Float64Array.from({ length: d }, () => r.next());
  const mean = v.reduce((a, b) => a + b, 0) / d;
  for (let i = 0; i < d; i++) v[i] -= mean;
  if (!(Math.max(...v.map(Math.abs)) > 1e-12)) {
    v.fill(0); v[0] = -1; v[1] = 1;
  }
  return v;
}

/**
 * theta of the mode from x, in units of the run's scale s (theta_j = s x_j, so a step of the search is relative to the run's angles):
 * 'normal' and 'small-k' p reals, 'equal' one real for all, 'zero-k' p - 1 reals with theta_k = 0.
 */
function thetaFrom(r: Reader, p: number, k: number, mode: ThetaMode, scale: number): Float64Array {
  if (mode === 'equal') {
    const t = scale * r.next();
    return new Float64Array(p).fill(t);
  }
  return Float64Array.from({ length: p }, (_, l) => (mode === 'zero-k' && l === k - 1 ? 0 : scale * r.next()));
}

function thetaEntries(theta: Float64Array, k: number, mode: ThetaMode, scale: number): number[] {
  if (mode === 'equal') return [theta[0] / scale];
  return Array.from(theta).filter((_, l) => !(mode === 'zero-k' && l === k - 1)).map((t) => t / scale);
}

/**
 * Decoder of the proof's instance: H = diag(lambda) (lambda fixed by the kind, free and traceless for 'gue'), G_l = V_l H V_l^dag and
 * G'_k = V' H V'^dag with V_l, V' = exp(-i A) of Hermitian A from x, theta of the run's mode from x (in units of the run's scale).
 */
export function decodeProof(r: Reader, { d, p, k, gen, mode, scale }: ProofParams): ProofInstance {
  const H = diag(fixedSpectrum(d, gen) ?? tracelessSpectrum(r, d));
  const G = Array.from({ length: p }, () => conj(r.unitary(d), H));
  const gkPrime = conj(r.unitary(d), H);
  return proofInstance(H, G, gkPrime, k, thetaFrom(r, p, k, mode, scale));
}

/** The x that decodeProof reads back as the seeded instance of params (up to rounding): V_l W and V' W, H = W diag(lambda) W^dag. */
export function encodeProof(params: ProofParams): Float64Array {
  const { H, V, vPrime, theta } = drawProof(params);
  const { values, vectors: W } = eigh(H);
  const x: number[] = [];
  if (params.gen === 'gue') x.push(...values);
  for (const v of [...V, vPrime]) x.push(...hermitianEntries(unitaryGenerator(matmul(v, W))));
  x.push(...thetaEntries(theta, params.k, params.mode, params.scale));
  return Float64Array.from(x);
}

/** Per-term centred differences D_l = ||(Y_l(theta) - Y_l(0)) - (Y^(k)_l(theta) - Y^(k)_l(0))||_op for l = 1..p (0-based). */
export function termDiffs(q: ProofInstance): number[] {
  return q.Yt.map((yt, l) => opNormHermitian(sub(sub(yt, q.Y0[l]), sub(q.Ykt[l], q.Yk0[l]))));
}

/** A search space over the proof's instance (every H of the kind's spectrum, every V_l, V', theta of the mode). */
export function proofSpace(assess: (q: ProofInstance, params: ProofParams) => CheckOutcome, extra: {
  note: string; evaluations?: { quick: number; default: number; full: number }; knownSupremum?: { value: number; where: string };
}) {
  return defineSpace<ProofParams, ProofInstance>({ decode: decodeProof, encode: encodeProof, assess, ...extra });
}
