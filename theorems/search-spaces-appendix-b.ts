/**
 * Search spaces of appendix B's statistical claims (lemma-b.1/haar-mean, lemma-b.2 and its variants) and the
 * common-random-number samplers they rest on. A statistical claim's search varies the fixed part of the experiment
 * (the spectrum of H, delta) and re-estimates the statistic from the SAME Haar sample on every evaluation, so the
 * objective is deterministic in x. Both laws depend on H only through its spectrum (V H V^dag with V Haar: the
 * eigenvectors of H are absorbed by V), so the spectrum is all of H that a search can vary without re-drawing the sample.
 */
import { adjoint, type CMat, matmul, sub, zeros } from '../src/linalg/cmatrix.ts';
import { opNormHermitian } from '../src/linalg/norms.ts';
import { type Diagonalised, diagonalise } from '../src/model/compiled.ts';
import { yStar, zFactor } from '../src/model/kernels.ts';
import { haarSpecialUnitary, orthonormalStates } from '../src/random/ensembles.ts';
import { makeRng } from '../src/random/rng.ts';
import type { Reader } from '../src/search/decode.ts';
import { buildGenerator, type GenKind } from './section-4-b-common.ts';
import { yMatrixFast } from './section-4-b-sweep.ts';

// ---------------------------------------------------------------------------------------------
// Traceless spectra on a sphere, reached from a given one by the exponential map.

/** An orthonormal basis (rows) of the vectors of R^d orthogonal to (1, ..., 1) and to the unit vector u0: d - 2 rows. */
export function tangentBasis(u0: Float64Array): Float64Array[] {
  const d = u0.length, out: Float64Array[] = [];
  const ones = Float64Array.from({ length: d }, () => 1 / Math.sqrt(d));
  const against = [ones, u0];
  for (let i = 0; i < d && out.length < d - 2; i++) {
    const v = new Float64Array(d);
    v[i] = 1;
    for (let pass = 0; pass < 2; pass++) { // Gram-Schmidt twice: orthogonal to rounding
      for (const q of [...against, ...out]) {
        let c = 0;
        for (let k = 0; k < d; k++) c += q[k] * v[k];
        for (let k = 0; k < d; k++) v[k] -= c * q[k];
      }
    }
    let n2 = 0;
    for (let k = 0; k < d; k++) n2 += v[k] * v[k];
    if (n2 > 1e-6) out.push(v.map((x) => x / Math.sqrt(n2)));
  }
  return out;
}

/**
 * A traceless spectrum with the same Euclidean norm as `lam0` (a traceless, non-zero spectrum), d - 2 reals t:
 * ||lam0|| (cos|t| u0 + sin|t| B t/|t|), u0 = lam0/||lam0||, B = tangentBasis(u0): the geodesic of length |t| on the sphere of
 * traceless spectra of that norm, so every t gives a valid spectrum, t = 0 gives lam0 itself (exactly) and |t| = pi its
 * opposite. At d = 2 the sphere is the two points +-lam0 and no real is read.
 */
export function sphereSpectrum(r: Reader, lam0: Float64Array): Float64Array {
  const d = lam0.length;
  const t = Array.from({ length: Math.max(0, d - 2) }, () => r.next());
  const len = Math.hypot(...t);
  if (!(len > 0)) return Float64Array.from(lam0);
  const norm = Math.hypot(...lam0);
  const u0 = lam0.map((x) => x / norm);
  const basis = tangentBasis(u0);
  const out = u0.map((x) => x * Math.cos(len));
  basis.forEach((b, i) => {
    for (let k = 0; k < d; k++) out[k] += (Math.sin(len) * t[i] * b[k]) / len;
  });
  let mean = 0; // remove the rounding-level trace
  for (let k = 0; k < d; k++) mean += out[k] / d;
  return out.map((x) => norm * (x - mean));
}

/**
 * The d - 2 reals t with sphereSpectrum(t, lam0) = lam for a traceless lam of the same norm as lam0 (its inverse; the direction of t
 * is arbitrary at the antipode -lam0, where the first tangent direction is used).
 */
export function sphereCoordinates(lam: Float64Array, lam0: Float64Array): Float64Array {
  const norm0 = Math.hypot(...lam0), norm = Math.hypot(...lam);
  const u0 = lam0.map((x) => x / norm0), u = lam.map((x) => x / norm);
  const basis = tangentBasis(u0);
  let c = 0;
  for (let k = 0; k < u.length; k++) c += u[k] * u0[k];
  const angle = Math.acos(Math.min(1, Math.max(-1, c)));
  const w = basis.map((b) => b.reduce((acc, bk, k) => acc + bk * u[k], 0)); // components of u in the tangent directions
  const len = Math.hypot(...w);
  if (!(len > 0)) return Float64Array.from(basis, (_, i) => (i === 0 && angle > Math.PI / 2 ? Math.PI : 0));
  return Float64Array.from(w, (x) => (angle * x) / len);
}

/** H = V diag(lam) V^dag (diag(lam) when V is undefined, i.e. the run's H was diagonal). */
export function fromEigen(lam: Float64Array, V: CMat | undefined): CMat {
  const d = lam.length, h = zeros(d, d);
  if (!V) {
    for (let i = 0; i < d; i++) h.re[i * d + i] = lam[i];
    return h;
  }
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      let re = 0, im = 0;
      for (let k = 0; k < d; k++) { // V_ik lam_k conj(V_jk)
        const ar = V.re[i * d + k], ai = V.im[i * d + k], br = V.re[j * d + k], bi = -V.im[j * d + k];
        re += lam[k] * (ar * br - ai * bi);
        im += lam[k] * (ar * bi + ai * br);
      }
      h.re[i * d + j] = re; h.re[j * d + i] = re;
      if (i !== j) { h.im[i * d + j] = im; h.im[j * d + i] = -im; }
    }
  }
  return h;
}

/** A generator with its eigen-decomposition as compile() computes it (diagonalise: eigh, or the diagonal itself), Z and ||H||_op^2. */
export interface Generator { h: CMat; eig: Diagonalised; z: number; hOp2: number }

export function generatorOf(h: CMat): Generator {
  return { h, eig: diagonalise(h), z: zFactor(h), hOp2: opNormHermitian(h) ** 2 };
}

/**
 * The generator V diag(lam) V^dag with the run's eigenvectors V and lam = sphereSpectrum(r, the run's spectrum) when `spectral`
 * (else the run's spectrum): at t = 0 (and when not spectral) the run's own H, bit for bit, so the search starts exactly at the run.
 */
export function spectrumGenerator(r: Reader, run: Generator, spectral: boolean): { h: CMat; lam: Float64Array } {
  const lam0 = run.eig.values;
  const lam = spectral ? sphereSpectrum(r, lam0) : lam0;
  const same = lam.every((x, i) => x === lam0[i]);
  return same ? { h: run.h, lam: lam0 } : { h: fromEigen(lam, run.eig.vectors), lam };
}

/** A small least-recently-used cache (a hit moves the entry to the end). */
class Lru<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly size: number) {}
  get(key: string, make: () => T): T {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const v = make();
    if (this.map.size >= this.size) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, v);
    return v;
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
}

// ---------------------------------------------------------------------------------------------
// Lemma B.2: n draws of the periodic ansatz's Haar gates and theta(0), folded into the eigenbasis of the run's H.

export interface B2SampleSpec { seed: number; d: number; p: number; gen: GenKind; theta0: 'zero' | 'random'; n: number }

function specKey({ seed, d, p, gen, theta0, n }: B2SampleSpec): string {
  return JSON.stringify({ seed, d, p, gen, theta0, n });
}

const generators = new Lru<Generator>(16);

/** A run's generator H (one per run, from the stream fork('H') of its seed, as lemma-b.1/haar-mean and lemma-b.2 draw it). */
export function runGenerator(spec: Pick<B2SampleSpec, 'seed' | 'd' | 'gen'>): Generator {
  const { seed, d, gen } = spec;
  return generators.get(JSON.stringify({ seed, d, gen }), () => generatorOf(buildGenerator(makeRng(seed).fork('H'), d, gen)));
}

/** Draw k of a run, folded as compile() folds it (W_0 = V^dag U_0, W_l = V^dag U_l V for 1 <= l < p; W_p is not used by Y). */
interface FoldedDraw { W: CMat[]; theta0: Float64Array }

/**
 * The gates and theta(0) of draw k come from the stream fork(`draw${k}`) of the run's seed in buildPeriodic's order (p + 1 Haar
 * gates, then the state and label of its m = 1 instance, drawn and discarded, then theta(0)), so the samples are those of
 * yMatrixFast on buildPeriodic's QNN with generator V diag(lambda) V^dag, to the last bit (without building the instance: no
 * per-draw eigen-decomposition of H, instance checks or compiled arena).
 */
function foldedDraw(spec: B2SampleSpec, k: number, V: CMat | undefined, Vh: CMat | undefined): FoldedDraw {
  const { seed, d, p, theta0 } = spec;
  const rng = makeRng(seed).fork(`draw${k}`);
  const gates = Array.from({ length: p + 1 }, () => haarSpecialUnitary(rng, d));
  orthonormalStates(rng, 1, d); // the m = 1 state of buildPeriodic
  rng.uniform(); // its label
  const th = Float64Array.from({ length: p }, () => (theta0 === 'random' ? 2 * Math.PI * rng.uniform() : 0));
  return { W: gates.slice(0, p).map((u, l) => (Vh ? matmul(Vh, l === 0 ? u : matmul(u, V!)) : u)), theta0: th };
}

/** The folded draws of the runs a search is working on: each holds n p d x d gates (<= 7 MB at the sizes searched). */
const drawCache = new Lru<FoldedDraw[]>(3);
const sampleCache = new Lru<number[]>(256);

/**
 * n independent draws of ||Y(theta(0)) - Y*||_op for the generator V diag(lam) V^dag (V the eigenvectors of the run's H, lam a
 * spectrum a search may vary) with Z(H, d) = z: the same Haar gates and theta(0) for every spectrum (common random numbers).
 * Cached by spectrum (the three quantile claims of a run and a search's revisits pay once); `retainDraws` keeps the run's draws
 * for the next spectrum (a search), else they are made one at a time and dropped.
 */
export function b2Samples(spec: B2SampleSpec, lam: Float64Array, z: number, retainDraws = false): number[] {
  return sampleCache.get(JSON.stringify([specKey(spec), Array.from(lam), z]), () => {
    const { d, p, n } = spec;
    const V = runGenerator(spec).eig.vectors, Vh = V && adjoint(V);
    const key = specKey(spec);
    const draws = retainDraws || drawCache.has(key) ? drawCache.get(key, () => Array.from({ length: n }, (_, k) => foldedDraw(spec, k, V, Vh))) : undefined;
    const lambdas = Array.from({ length: p }, () => lam);
    const ys = yStar(d);
    return Array.from({ length: n }, (_, k) => {
      const draw = draws ? draws[k] : foldedDraw(spec, k, V, Vh);
      return opNormHermitian(sub(yMatrixFast({ c: { d, p, W: draw.W, lambdas }, z }, draw.theta0), ys)); // ||Y(theta(0)) - Y*||_op
    });
  });
}

// ---------------------------------------------------------------------------------------------
// lemma-b.1/haar-mean: the n Haar unitaries of a run (stream fork('haar') of its seed), kept for a search over the spectrum.

const haarCache = new Lru<CMat[]>(4);

/** The n Haar SU(d) unitaries V_1..V_n of the run with this seed, in the order the run draws them (n d x d matrices: <= 0.8 MB). */
export function haarSample(seed: number, d: number, n: number): CMat[] {
  return haarCache.get(JSON.stringify({ seed, d, n }), () => {
    const rng = makeRng(seed).fork('haar');
    return Array.from({ length: n }, () => haarSpecialUnitary(rng, d));
  });
}
