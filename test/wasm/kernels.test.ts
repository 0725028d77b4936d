// Covers src/wasm/kernels.ts and the generated src/wasm/kernels.{wat,wasm} (scripts/wasm-source.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EPS } from '../../src/linalg/cmatrix.ts';
import { QnnInputError } from '../../src/errors.ts';
import { makeArena } from '../../src/wasm/kernels.ts';
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

  it('src/wasm/kernels.{wat,wasm} are the output of scripts/wasm-source.ts (run npm run build:wasm)', async () => {
    const wat = wasmSource();
    expect(readFileSync(new URL('../../src/wasm/kernels.wat', import.meta.url), 'utf8')).toBe(wat);
    const bytes = await assembleWasm(wat);
    expect(Buffer.from(readFileSync(new URL('../../src/wasm/kernels.wasm', import.meta.url))).equals(Buffer.from(bytes))).toBe(true);
  });
});
