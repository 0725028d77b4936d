/**
 * Targeted search for the worst case of a claim (the Hypothesis target() / PropEr ?MAXIMIZE idea): after
 * the random phase, the discrete choices of the runs with the largest tightness are kept and a real vector
 * x, decoded into an instance by the claim's search space, is moved by Nelder-Mead (with restarts) to
 * maximise the tightness. Deterministic for a seed. A failing outcome (or a throw) on a decoded instance
 * stops the search and is returned as a counterexample.
 */
import type { AnyClaim, Budget, CheckOutcome, InstanceParams, SearchedInstance } from '../claims/types.ts';
import { QnnInputError } from '../errors.ts';
import { makeRng } from '../random/rng.ts';
import { nelderMead } from './nelder-mead.ts';
import { onePlusOne } from './one-plus-one.ts';
import { sepCmaEs, sepCmaPopulation } from './sep-cma-es.ts';

/** Default evaluations of the search per budget level (a claim's space can set its own). */
export const SEARCH_EVALUATIONS: Budget = { quick: 60, default: 300, full: 1500 };

/** A vacuous instance scores its tightness minus this, so the search prefers informative ones. */
const VACUOUS_PENALTY = 1;

/** Distinct discrete choices the search starts from (the best random runs). */
export const MAX_STARTS = 3;

export interface Evaluated {
  instance: SearchedInstance;
  outcome: CheckOutcome;
  error?: string;
}

export interface SearchResult {
  /** The non-vacuous decoded instance of largest tightness (undefined if none had a tightness). */
  best?: Evaluated;
  /** The first failing (or throwing) decoded instance: a counterexample. */
  failure?: Evaluated;
  evaluations: number;
}

function describeError(e: unknown): string {
  if (e instanceof QnnInputError) return `refused: ${e.message}`;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** The claim's invariant on the instance decoded from x (exactly what replay re-evaluates). */
export function evaluateSearched(claim: AnyClaim, inst: SearchedInstance): { outcome: CheckOutcome; error?: string } {
  const space = claim.search;
  if (!space) throw new QnnInputError('evaluateSearched', 'claim', `'${claim.id}' has no search space`);
  const n = space.dimension(inst.params);
  if (inst.x.length !== n) throw new QnnInputError('evaluateSearched', 'x', `must have length ${n} for ${JSON.stringify(inst.params)} (got ${inst.x.length})`);
  try {
    const outcome = space.assess(space.decode(Float64Array.from(inst.x), inst.params), inst.params);
    if (!Number.isFinite(outcome.slack) && outcome.ok) return { outcome: { ...outcome, ok: false }, error: `non-finite slack (${outcome.slack})` };
    return { outcome };
  } catch (e) {
    return { outcome: { ok: false, slack: Number.NEGATIVE_INFINITY }, error: describeError(e) };
  }
}

function discreteKey(p: InstanceParams): string {
  const { seed: _seed, ...rest } = p;
  return JSON.stringify(rest);
}

/**
 * Up to MAX_STARTS runs of distinct discrete choices: the tightest first (tightness equal to 1e-9 relative: the smaller
 * search dimension first, where a simplex can do more with the same budget), and the last start is the run of smallest
 * dimension not yet chosen (the search is most effective there; the tightest runs often come from hand-built families
 * in large dimension that the search cannot improve). A run whose family has dimension 0 (nothing continuous to vary, e.g. the
 * spectrum of a traceless qubit H up to scale) is no start: its share of the evaluations would be lost.
 */
export function pickStarts<I extends InstanceParams>(runs: { params: I; tightness: number }[], dimension: (p: I) => number = () => 1): I[] {
  const seen = new Set<string>();
  const distinct: { params: I; tightness: number; k: number; n: number }[] = [];
  runs.forEach((r, k) => {
    if (dimension(r.params) < 1) return;
    const key = discreteKey(r.params);
    if (seen.has(key)) {
      const prev = distinct.find((x) => discreteKey(x.params) === key)!;
      if (r.tightness > prev.tightness) Object.assign(prev, { params: r.params, tightness: r.tightness });
      return;
    }
    seen.add(key);
    distinct.push({ params: r.params, tightness: r.tightness, k, n: dimension(r.params) });
  });
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  const byTightness = [...distinct].sort((a, b) => (same(a.tightness, b.tightness) ? a.n - b.n || a.k - b.k : b.tightness - a.tightness));
  const out = byTightness.slice(0, Math.max(1, MAX_STARTS - 1));
  const rest = byTightness.slice(out.length).sort((a, b) => a.n - b.n || a.k - b.k);
  if (rest.length && out.length < MAX_STARTS) out.push(rest[0]);
  return out.map((x) => x.params);
}

/** Largest dimension where the simplex is used (it degrades beyond: at n = 72-128 it reached 0.38-0.65 of lemma C.1's supremum in 1500 evaluations, sep-CMA-ES 0.93-0.99). */
export const SIMPLEX_MAX_DIMENSION = 20;

/**
 * Share of the budget sep-CMA-ES gets before the (1+1)-ES refines its best point (measured, 3 seeds each, from Gaussian
 * starts at n = 117-128: shares 0.5 / 0.75 / 0.9 reached 0.985 / 0.992-0.997 / 0.993-0.997 of lemma C.2's supremum in 6000
 * evaluations, lemma C.1 at 1500 evaluations 0.89-1.0 / 0.97-0.998 / 0.985-0.998).
 */
export const CMA_SHARE = 0.9;

/** Generations sep-CMA-ES needs before its covariance and step size have adapted enough to beat the (1+1)-ES (measured). */
export const CMA_MIN_GENERATIONS = 40;

/**
 * The optimiser for a start of dimension n with `evaluations` left: Nelder-Mead in small dimension when the budget allows
 * a few simplex moves (>= 10 (n + 1) evaluations); else sep-CMA-ES followed by a (1+1)-ES when its share of the budget buys
 * CMA_MIN_GENERATIONS generations; else the (1+1)-ES alone. Measured from Gaussian starts (3 seeds each): at n = 72-128
 * and 1500 evaluations, CMA then ES reached 0.82-0.99 of the supremum of lemma C.1, C.2, (30), (32), the simplex 0.38-0.96,
 * the ES alone 0.59-0.998; at 300 evaluations the ES alone was best.
 */
export function searchMethod(n: number, evaluations: number): 'nelder-mead' | 'cma-then-es' | 'one-plus-one' {
  if (n <= SIMPLEX_MAX_DIMENSION && evaluations >= 10 * (n + 1)) return 'nelder-mead';
  if (Math.floor(evaluations * CMA_SHARE) >= CMA_MIN_GENERATIONS * sepCmaPopulation(n)) return 'cma-then-es';
  return 'one-plus-one';
}

/**
 * Maximises the tightness over the claim's search space from the given discrete choices, within
 * `evaluations` evaluations in total (split evenly over the starts). For each start: the run's own instance when the
 * space can encode it, else a few Gaussian probes x ~ N(0, I) (each a random instance of the same discrete family), then Nelder-Mead
 * from the best probe, initial simplex edge 1, in small dimension; above it sep-CMA-ES then a (1+1)-ES, or the (1+1)-ES alone
 * when the budget is too small for CMA to adapt (searchMethod).
 */
export function targetedSearch<I extends InstanceParams>(claim: AnyClaim, starts: I[], opts: { seed: number; evaluations: number }): SearchResult {
  const space = claim.search;
  if (!space) throw new QnnInputError('targetedSearch', 'claim', `'${claim.id}' has no search space`);
  let evaluations = 0;
  let best: Evaluated | undefined;
  let failure: Evaluated | undefined;
  const total = Math.max(0, Math.floor(opts.evaluations));
  starts.forEach((params, k) => {
    if (failure) return;
    const share = Math.floor(total / starts.length) + (k < total % starts.length ? 1 : 0);
    if (share < 1) return;
    const n = space.dimension(params);
    if (n < 1) return;
    const rng = makeRng(`${opts.seed}:${claim.id}:search:${k}`);
    const score = (x: Float64Array): number => {
      if (failure) return Number.NEGATIVE_INFINITY;
      evaluations++;
      const instance: SearchedInstance = { params, x: Array.from(x) };
      const { outcome, error } = evaluateSearched(claim, instance);
      if (error || !outcome.ok) {
        failure = { instance, outcome, error };
        return Number.NEGATIVE_INFINITY;
      }
      const t = outcome.tightness;
      if (t === undefined || !Number.isFinite(t)) return Number.POSITIVE_INFINITY;
      if (!outcome.vacuous && (!best || t > best.outcome.tightness!)) best = { instance, outcome };
      return -(outcome.vacuous ? t - VACUOUS_PENALTY : t);
    };
    // the random run's own instance when the space can encode it, else a few Gaussian probes of the same family
    const encoded = space.encode?.(params);
    const probes = encoded ? 1 : Math.min(share, Math.max(2, Math.min(20, Math.floor(share / 5))));
    let x0 = new Float64Array(n), f0 = Number.POSITIVE_INFINITY;
    if (encoded) {
      if (encoded.length !== n) throw new QnnInputError('targetedSearch', 'encode', `returned ${encoded.length} reals for a space of dimension ${n} (${claim.id})`);
      x0 = Float64Array.from(encoded);
      f0 = score(x0);
    }
    for (let q = encoded ? probes : 0; q < probes && !failure; q++) {
      const x = Float64Array.from({ length: n }, () => rng.normal());
      const f = score(x);
      if (f < f0 || q === 0) { f0 = f; x0 = x; }
    }
    const rest = share - probes;
    if (rest > 0 && !failure) {
      const method = searchMethod(n, rest);
      const target = -Number.MAX_VALUE;
      if (method === 'nelder-mead') nelderMead(score, x0, { maxEvaluations: rest, step: 1, target });
      else if (method === 'one-plus-one') onePlusOne(score, x0, rng, { maxEvaluations: rest, step: 0.3, target }, f0);
      else {
        // sep-CMA-ES on 90% of the budget, then the (1+1)-ES refines its best point with the rest
        const cma = sepCmaEs(score, x0, rng, { maxEvaluations: Math.floor(rest * CMA_SHARE), step: 0.1, target }, f0);
        if (!failure) onePlusOne(score, cma.x, rng, { maxEvaluations: rest - cma.evaluations, step: 0.1, target }, cma.f);
      }
    }
  });
  return { best, failure, evaluations };
}
