/**
 * Seeded pseudo-random numbers, passed around as an explicit `Rng` object (there is no
 * global generator anywhere in the project).
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna, 2018), 128-bit state, period 2^128 - 1,
 * written with 32-bit integer arithmetic only (`Math.imul`, shifts, xors, `>>> 0`), so a
 * given seed produces the same uint32 stream on every machine and every JS engine.
 * The core is checked against the reference C implementation's output for the state
 * {1, 2, 3, 4} in test/random/rng.test.ts.
 *
 * Seeding: the seed material (a safe integer, or a string as UTF-16 code units) is turned
 * into a sequence of uint32 words with a type tag, and absorbed into four 32-bit lanes
 * with the MurmurHash3 finaliser `fmix32` (each lane starts from a different splitmix32
 * constant, so the lanes are pairwise distinct and the state is never all zero); the lanes
 * are then cross-mixed. Number seeds and string seeds live in separate domains
 * (`makeRng(42)` and `makeRng('42')` are different streams).
 *
 * Floating point:
 * - `uniform()` = (a * 2^26 + b) / 2^53 with a, b the top 27 and 26 bits of two uint32
 *   draws: exact dyadic rationals in [0, 1), all arithmetic exact.
 * - `normal()` uses the Marsaglia polar method. Its only transcendental calls are
 *   `Math.log` and `Math.sqrt`. `Math.sqrt` is correctly rounded by IEEE 754; `Math.log`
 *   is not specified to the last bit by ECMAScript, but V8 (Node) implements it with its
 *   own port of fdlibm (src/base/ieee754.cc) on every platform, so normals are bit-for-bit
 *   reproducible across machines running Node. (Other engines may differ in the last ulp.)
 *   Pairs are produced two at a time; the second one is cached inside the Rng.
 *
 * Streams: `fork(label)` returns an independent child stream keyed by (parent seed key,
 * label). It depends only on the parent's *identity* (its seed / fork path), not on how
 * many numbers the parent has drawn, and it does not advance the parent: so
 * `rng.fork(i)` gives the same per-instance / per-worker stream whatever order the
 * instances are processed in. Forking twice with the same label gives the same stream;
 * use distinct labels for independent streams.
 */
import { check, QnnInputError } from '../errors.ts';

export interface Rng {
  /** Next raw 32-bit output, an integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform on [0, 1) with 53 random bits (multiples of 2^-53). */
  uniform(): number;
  /** Standard normal N(0, 1) (Marsaglia polar method). */
  normal(): number;
  /** Deterministic independent child stream; does not advance this stream. */
  fork(label: string | number): Rng;
}

const TAG_NUMBER_SEED = 0x6e756d31; // 'num1'
const TAG_STRING_SEED = 0x73747231; // 'str1'
const TAG_FORK = 0x666f726b; // 'fork'

/** MurmurHash3 32-bit finaliser (a bijection on uint32). */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** splitmix32 output for counter x (used for lane initialisation and cross-mixing). */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** Absorbs uint32 words into a 128-bit key (four uint32 lanes, never all zero). */
function hashWords(words: readonly number[]): [number, number, number, number] {
  const lanes = [splitmix32(1), splitmix32(2), splitmix32(3), splitmix32(4)];
  // Stryker disable next-line EqualityOperator: a fifth lane is computed but never read (the cross-mix reads lanes[(k + j) & 3])
  for (let k = 0; k < 4; k++) {
    let h = lanes[k];
    for (let i = 0; i < words.length; i++) h = fmix32((h ^ words[i]) >>> 0);
    // length so that trailing zero words matter
    lanes[k] = fmix32((h ^ words.length) >>> 0);
  }
  // cross-mix the lanes so that every output word depends on all of them
  // Stryker disable next-line ArrayDeclaration: the four entries are all assigned below
  const out: [number, number, number, number] = [0, 0, 0, 0];
  for (let k = 0; k < 4; k++) {
    let h = lanes[k];
    for (let j = 1; j < 4; j++) h = fmix32((h + splitmix32(lanes[(k + j) & 3])) >>> 0);
    out[k] = h;
  }
  // Stryker disable next-line ConditionalExpression: the hash is all zero with probability 2^-128; the guard cannot be reached by a test
  if ((out[0] | out[1] | out[2] | out[3]) === 0) out[0] = 1; // xoshiro forbids the zero state
  return out;
}

/** Seed / label material as uint32 words with a domain tag (no validation). */
function materialWords(x: number | string): number[] {
  if (typeof x === 'number') {
    // safe integer -> (lo, hi) two's-complement words; x / 2^32 and floor are exact here
    const lo = x >>> 0;
    const hi = Math.floor(x / 4294967296) >>> 0;
    return [TAG_NUMBER_SEED, lo, hi];
  }
  const words = [TAG_STRING_SEED, x.length];
  for (let i = 0; i < x.length; i++) words.push(x.charCodeAt(i));
  return words;
}

function checkSeedLike(x: unknown, fn: string, param: string): asserts x is number | string {
  if (typeof x === 'string') return;
  check(
    // Stryker disable next-line ConditionalExpression: Number.isSafeInteger(x) is false for every non-number
    typeof x === 'number' && Number.isSafeInteger(x),
    fn,
    param,
    `must be a safe integer or a string (got ${typeof x === 'number' ? x : typeof x})`,
  );
}

class Xoshiro128ss implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = 0;
  private hasSpare = false;
  /** 128-bit identity used to derive children (fixed at construction). */
  private readonly key: readonly number[];

  constructor(state: readonly number[], key: readonly number[]) {
    this.s0 = state[0] >>> 0;
    this.s1 = state[1] >>> 0;
    this.s2 = state[2] >>> 0;
    this.s3 = state[3] >>> 0;
    this.key = key;
  }

  nextUint32(): number {
    const s1 = this.s1;
    // result = rotl(s1 * 5, 7) * 9
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    // keep the fields as uint32 (the xors above produce int32)
    this.s0 >>>= 0;
    this.s1 >>>= 0;
    this.s2 >>>= 0;
    this.s3 >>>= 0;
    return result;
  }

  uniform(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * 67108864 + b) / 9007199254740992; // (a 2^26 + b) / 2^53
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (
      // Stryker disable next-line EqualityOperator,ConditionalExpression: s = 1 or s = 0 needs u and v on the grid points +-1 or 0 exactly: probability below 2^-100
      s >= 1 || s === 0
    );
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  fork(label: string | number): Rng {
    checkSeedLike(label, 'Rng.fork', 'label');
    const childKey = hashWords([TAG_FORK, ...this.key, ...materialWords(label)]);
    return new Xoshiro128ss(childKey, childKey);
  }
}

/**
 * A seeded generator. `seed` is a safe integer (negative allowed) or any string; the same
 * seed always yields the same stream.
 */
export function makeRng(seed: number | string): Rng {
  checkSeedLike(seed, 'makeRng', 'seed');
  const key = hashWords(materialWords(seed));
  return new Xoshiro128ss(key, key);
}

/**
 * The bare xoshiro128** core started from an explicit state (four uint32, not all zero),
 * bypassing the seed hashing. For reference-vector tests and for reproducing streams of
 * other xoshiro128** implementations; use `makeRng` otherwise.
 */
export function xoshiro128ssFromState(state: ArrayLike<number>): Rng {
  check(state.length === 4, 'xoshiro128ssFromState', 'state', `must have 4 words (got ${state.length})`);
  for (let i = 0; i < 4; i++) {
    const w = state[i];
    check(Number.isInteger(w) && w >= 0 && w <= 0xffffffff, 'xoshiro128ssFromState', `state[${i}]`, `must be a uint32 (got ${w})`);
  }
  check((state[0] | state[1] | state[2] | state[3]) !== 0, 'xoshiro128ssFromState', 'state', 'must not be all zero');
  const s = [state[0], state[1], state[2], state[3]];
  return new Xoshiro128ss(s, s);
}

/** Uniform integer in [0, n) without modulo bias (rejection on the uint32 stream). */
export function randomInt(rng: Rng, n: number): number {
  if (!(Number.isInteger(n) && n >= 1 && n <= 4294967296)) {
    throw new QnnInputError('randomInt', 'n', `must be an integer in [1, 2^32] (got ${n})`);
  }
  // accept x < limit, the largest multiple of n that is <= 2^32
  const limit = 4294967296 - (4294967296 % n);
  let x: number;
  do x = rng.nextUint32();
  while (x >= limit);
  return x % n;
}
