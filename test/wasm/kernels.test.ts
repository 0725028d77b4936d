// Covers src/wasm/kernels.ts and the generated src/wasm/kernels.{wat,wasm} (scripts/wasm-source.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EPS } from '../../src/linalg/cmatrix.ts';
import { QnnInputError } from '../../src/errors.ts';
import { arenaSize, makeArena, MAX_ARENA_DOUBLES } from '../../src/wasm/kernels.ts';
import { assembleWasm } from '../../scripts/wasm-assemble.ts';
import { wasmSource } from '../../scripts/wasm-source.ts';
import { makeRng } from '../linalg/random-matrices.ts';

/** Plain-loop reference: y_k = A x_k (adjoint: y_k = A^dag x_k), m vectors as rows of m x d blocks. */
function reference(are: ArrayLike<number>, aim: ArrayLike<number>, xre: ArrayLike<number>, xim: ArrayLike<number>, d: number, m: number, adj: boolean) {
  const yre = new Float64Array(m * d), yim = new Float64Array(m * d);
  for (let k = 0; k < m; k++) {
    for (let i = 0; i < d; i++) {
      let sr = 0, si = 0;
      for (let j = 0; j < d; j++) {
        const ar = adj ? are[j * d + i] : are[i * d + j], ai = adj ? -aim[j * d + i] : aim[i * d + j];
        const vr = xre[k * d + j], vi = xim[k * d + j];
        sr += ar * vr - ai * vi;
        si += ar * vi + ai * vr;
      }
      yre[k * d + i] = sr;
      yim[k * d + i] = si;
    }
  }
  return { yre, yim };
}

function setup(d: number, m: number, fill: (i: number) => number) {
  const arena = makeArena(2 * d * d + 4 * m * d + 8);
  const are = arena.alloc(d * d), aim = arena.alloc(d * d);
  const xre = arena.alloc(m * d), xim = arena.alloc(m * d), yre = arena.alloc(m * d), yim = arena.alloc(m * d);
  let c = 0;
  for (const a of [are, aim, xre, xim]) for (let i = 0; i < a.length; i++) a[i] = fill(c++);
  return { arena, are, aim, xre, xim, yre, yim };
}

describe('applyBlock / applyBlockAdjoint (WebAssembly f64x2)', () => {
  it('exact known case: 3 x 3 integer matrix on two vectors (odd d, every tail path)', () => {
    // A = [[1+i, 2, 0], [0, 3i, -1], [4, 0, 1-2i]], x_0 = (1, i, 2), x_1 = (0, 1, -i)
    const s = setup(3, 2, () => 0);
    s.are.set([1, 2, 0, 0, 0, -1, 4, 0, 1]);
    s.aim.set([1, 0, 0, 0, 3, 0, 0, 0, -2]);
    s.xre.set([1, 0, 2, 0, 1, 0]);
    s.xim.set([0, 1, 0, 0, 0, -1]);
    s.arena.applyBlock(s.are, s.aim, s.xre, s.xim, s.yre, s.yim, 3, 2);
    // A x_0 = (1+3i, -5, 6-4i); A x_1 = (2, 4i, -2-i)
    expect(Array.from(s.yre)).toEqual([1, -5, 6, 2, 0, -2]);
    expect(Array.from(s.yim)).toEqual([3, 0, -4, 0, 4, -1]);
    s.arena.applyBlockAdjoint(s.are, s.aim, s.xre, s.xim, s.yre, s.yim, 3, 2);
    // A^dag = [[1-i, 0, 4], [2, -3i, 0], [0, -1, 1+2i]]: A^dag x_0 = (9-i, 5, 2+3i); A^dag x_1 = (-4i, -3i, 1-i)
    expect(Array.from(s.yre)).toEqual([9, 5, 2, 0, 0, 1]);
    expect(Array.from(s.yim)).toEqual([-1, 0, 3, -4, -3, -1]);
  });

  it('matches the plain loop for every d mod 4 and m mod 2, to a few d eps', () => {
    const rng = makeRng(17);
    for (const d of [1, 2, 3, 4, 5, 6, 7, 8, 13, 32, 33]) {
      for (const m of [1, 2, 3, 4, 5]) {
        const s = setup(d, m, () => rng.gauss());
        for (const adj of [false, true]) {
          (adj ? s.arena.applyBlockAdjoint : s.arena.applyBlock)(s.are, s.aim, s.xre, s.xim, s.yre, s.yim, d, m);
          const ref = reference(s.are, s.aim, s.xre, s.xim, d, m, adj);
          // scale: sum_j |a_ij| |x_j|, bounded by the max-abs entries times d
          let scale = 0;
          for (let i = 0; i < d * d; i++) scale = Math.max(scale, Math.hypot(s.are[i], s.aim[i]));
          let xs = 0;
          for (let i = 0; i < m * d; i++) xs = Math.max(xs, Math.hypot(s.xre[i], s.xim[i]));
          const tol = 4 * d * EPS * scale * xs * d;
          for (let i = 0; i < m * d; i++) {
            expect(Number.isFinite(s.yre[i]) && Number.isFinite(s.yim[i])).toBe(true);
            expect(Math.abs(s.yre[i] - ref.yre[i])).toBeLessThanOrEqual(tol);
            expect(Math.abs(s.yim[i] - ref.yim[i])).toBeLessThanOrEqual(tol);
          }
        }
      }
    }
  });

  it('writes only y: x and A are unchanged and the memory around y is untouched', () => {
    const rng = makeRng(5);
    const d = 5, m = 3;
    const arena = makeArena(2 * d * d + 4 * m * d + 16);
    const guard0 = arena.alloc(2);
    const s = { are: arena.alloc(d * d), aim: arena.alloc(d * d), xre: arena.alloc(m * d), xim: arena.alloc(m * d), yre: arena.alloc(m * d) };
    const guard1 = arena.alloc(2);
    const yim = arena.alloc(m * d);
    const guard2 = arena.alloc(2);
    for (const a of [s.are, s.aim, s.xre, s.xim]) for (let i = 0; i < a.length; i++) a[i] = rng.gauss();
    for (const g of [guard0, guard1, guard2]) g.fill(7);
    const before = [s.are, s.aim, s.xre, s.xim].map((a) => Array.from(a));
    for (const f of [arena.applyBlock, arena.applyBlockAdjoint]) f(s.are, s.aim, s.xre, s.xim, s.yre, yim, d, m);
    expect([s.are, s.aim, s.xre, s.xim].map((a) => Array.from(a))).toEqual(before);
    for (const g of [guard0, guard1, guard2]) expect(Array.from(g)).toEqual([7, 7]);
  });

  it('refuses arrays outside the arena, overlapping input and output, and sizes beyond memory', () => {
    const s = setup(2, 1, (i) => i);
    const outside = new Float64Array(4);
    expect(() => s.arena.applyBlock(outside, s.aim, s.xre, s.xim, s.yre, s.yim, 2, 1)).toThrow(/applyBlock: are must be a view of this arena/);
    expect(() => s.arena.applyBlockAdjoint(s.are, s.aim, s.xre, s.xim, s.xre, s.yim, 2, 1)).toThrow(/applyBlockAdjoint: y must not overlap x/);
    expect(() => s.arena.applyBlock(s.are, s.aim, s.xre, s.xim, s.yre, s.yim, 3, 1)).toThrow(QnnInputError);
    expect(() => s.arena.alloc(1e6)).toThrow(/Arena.alloc: n exceeds the arena/);
    expect(() => makeArena(2 ** 31)).toThrow(/makeArena: size needs 2147483648 doubles/);
  });

  it('views that only touch are not overlapping: y allocated right before x', () => {
    const d = 2, m = 1, arena = makeArena(2 * d * d + 4 * m * d);
    const are = arena.alloc(d * d), aim = arena.alloc(d * d);
    const yre = arena.alloc(m * d), yim = arena.alloc(m * d), xre = arena.alloc(m * d), xim = arena.alloc(m * d);
    expect(xre.byteOffset).toBe(yim.byteOffset + m * d * 8);
    are.set([1, 0, 0, 1]);
    xre.set([3, 4]);
    arena.applyBlock(are, aim, xre, xim, yre, yim, d, m);
    expect(Array.from(yre)).toEqual([3, 4]);
  });

  it('every argument check names its function, parameter and condition', () => {
    expect(() => makeArena(-1)).toThrow('makeArena: doubles must be a non-negative integer (got -1)');
    // zero is a valid size, for the arena and for an allocation (an empty view)
    const empty = makeArena(0);
    expect(empty.alloc(0).length).toBe(0);
    expect(makeArena(4).alloc(0).length).toBe(0);
    expect(() => makeArena(1.5, 'compile')).toThrow('compile: doubles must be a non-negative integer (got 1.5)');
    expect(() => makeArena(MAX_ARENA_DOUBLES + 2)).toThrow(`makeArena: size needs ${MAX_ARENA_DOUBLES + 2} doubles, more than the ${MAX_ARENA_DOUBLES}`);
    expect(makeArena(0).alloc(0).length).toBe(0); // empty arenas and allocations are allowed
    // the capacity is exactly the doubles asked for, not the whole pages behind them; odd sizes are padded
    const small = makeArena(10);
    expect(small.alloc(5).length).toBe(5); // takes arenaSize(5) = 6
    expect(arenaSize(5)).toBe(6);
    expect(() => small.alloc(-1)).toThrow('Arena.alloc: n must be a non-negative integer (got -1)');
    expect(() => small.alloc(0.5)).toThrow('Arena.alloc: n must be a non-negative integer (got 0.5)');
    expect(() => small.alloc(5)).toThrow('Arena.alloc: n exceeds the arena (6 + 5 > 10 doubles)');
    expect(small.alloc(4).length).toBe(4);
    expect(() => small.alloc(1)).toThrow('Arena.alloc: n exceeds the arena (10 + 1 > 10 doubles)');
    // an arena larger than one page holds all it was asked for
    const big = makeArena(100_000);
    const v = big.alloc(100_000);
    v[99_999] = 3;
    expect(v[99_999]).toBe(3);

    const d = 2, m = 2, a = makeArena(64);
    const A = [a.alloc(4), a.alloc(4)], X = [a.alloc(4), a.alloc(4)], Y = [a.alloc(4), a.alloc(4)];
    const lam = a.alloc(2), outside = new Float64Array(4), short = a.alloc(3), shortD = a.alloc(1);
    const args = (over: Record<number, Float64Array>) => [A[0], A[1], X[0], X[1], Y[0], Y[1]].map((x, i) => over[i] ?? x);
    for (const fn of ['applyBlock', 'applyBlockAdjoint'] as const) {
      const f = a[fn];
      ['are', 'aim', 'xre', 'xim', 'yre', 'yim'].forEach((name, i) => {
        const [p0, p1, p2, p3, p4, p5] = args({ [i]: outside });
        expect(() => f(p0, p1, p2, p3, p4, p5, d, m)).toThrow(`${fn}: ${name} must be a view of this arena`);
      });
      for (const i of [0, 1]) {
        const [p0, p1, p2, p3, p4, p5] = args({ [i]: short });
        expect(() => f(p0, p1, p2, p3, p4, p5, d, m)).toThrow(`${fn}: a must hold d^2 = 4 entries`);
      }
      for (const i of [2, 3, 4, 5]) {
        const [p0, p1, p2, p3, p4, p5] = args({ [i]: short });
        expect(() => f(p0, p1, p2, p3, p4, p5, d, m)).toThrow(`${fn}: x, y must hold m d = 4 entries`);
      }
      // y overlapping x by all but one entry, from either side, for each of the four (x, y) pairs
      const base = a.alloc(6);
      const lo = base.subarray(0, 4), hi = base.subarray(2, 6);
      for (const [xi, yi] of [[2, 4], [2, 5], [3, 4], [3, 5]]) {
        for (const [x, y] of [[lo, hi], [hi, lo]]) {
          const [p0, p1, p2, p3, p4, p5] = args({ [xi]: x, [yi]: y });
          expect(() => f(p0, p1, p2, p3, p4, p5, d, m)).toThrow(`${fn}: y must not overlap x`);
        }
      }
      // adjacent blocks do not overlap
      const [p0, p1, , , , p5] = args({});
      expect(() => f(p0, p1, base.subarray(0, 2), X[1], base.subarray(2, 4), p5, d, 1)).not.toThrow();
    }
    ['c', 's', 'xre', 'xim'].forEach((name, i) => {
      const ps = [lam, lam, X[0], X[1]].map((x, j) => (j === i ? outside : x));
      expect(() => a.phaseTable(ps[0], ps[1], 1, ps[2], ps[3], d, m)).toThrow(`phaseTable: ${name} must be a view of this arena`);
      const qs = [lam, lam, X[0], X[1]].map((x, j) => (j === i ? (i < 2 ? shortD : short) : x));
      expect(() => a.phaseTable(qs[0], qs[1], 1, qs[2], qs[3], d, m)).toThrow('phaseTable: c, s, x must hold d = 2 and m d = 4 entries');
    });
    ['lambda', 'bre', 'bim', 'xre', 'xim'].forEach((name, i) => {
      const ps = [lam, Y[0], Y[1], X[0], X[1]].map((x, j) => (j === i ? outside : x));
      expect(() => a.gradDot(ps[0], ps[1], ps[2], ps[3], ps[4], d, m)).toThrow(`gradDot: ${name} must be a view of this arena`);
      const qs = [lam, Y[0], Y[1], X[0], X[1]].map((x, j) => (j === i ? (i === 0 ? shortD : short) : x));
      expect(() => a.gradDot(qs[0], qs[1], qs[2], qs[3], qs[4], d, m)).toThrow('gradDot: lambda, b, x must hold d = 2 and m d = 4 entries');
    });
  });

  it('phaseTable and gradDot: exact known cases (odd d: the scalar tail)', () => {
    const a = makeArena(64);
    const c = a.alloc(3), sn = a.alloc(3), xre = a.alloc(6), xim = a.alloc(6), bre = a.alloc(6), bim = a.alloc(6), lam = a.alloc(3);
    c.set([0, 1, -1]); sn.set([1, 0, 0]); // phases i, 1, -1
    xre.set([1, 2, 3, 0, 1, 0]); xim.set([0, 0, 1, 2, 0, -1]);
    a.phaseTable(c, sn, 1, xre, xim, 3, 2);
    expect(Array.from(xre)).toEqual([0, 2, -3, -2, 1, 0]);
    expect(Array.from(xim)).toEqual([1, 0, -1, 0, 0, 1]);
    a.phaseTable(c, sn, -1, xre, xim, 3, 2); // conjugate phases undo it
    expect(Array.from(xre)).toEqual([1, 2, 3, 0, 1, 0]);
    expect(Array.from(xim)).toEqual([0, 0, 1, 2, 0, -1]);
    lam.set([1, 2, 3]);
    bre.set([1, 0, 2, 0, 1, 1]); bim.set([0, 1, 0, 1, 0, -1]);
    // sum_k sum_i lam_i (bre xim - bim xre) = [1*(0) + 2*(0 - 2) + 3*(2)] + [1*(0 - 0) + 2*(0) + 3*(-1 - 0)] = 2 - 3
    expect(a.gradDot(lam, bre, bim, xre, xim, 3, 2)).toBe(-1);
  });

  it('src/wasm/kernels.{wat,wasm} are the output of scripts/wasm-source.ts (run npm run build:wasm)', async () => {
    const wat = wasmSource();
    expect(readFileSync(new URL('../../src/wasm/kernels.wat', import.meta.url), 'utf8')).toBe(wat);
    const bytes = await assembleWasm(wat);
    expect(Buffer.from(readFileSync(new URL('../../src/wasm/kernels.wasm', import.meta.url))).equals(Buffer.from(bytes))).toBe(true);
  });
});
