/**
 * The WebAssembly kernels of the simulator (src/wasm/kernels.wasm, generated from
 * scripts/wasm-source.ts) and the arena its arguments live in.
 *
 * An arena is one WebAssembly memory of fixed size (it never grows, so the Float64Array views
 * handed out stay valid) with a bump allocator; a compiled QNN owns one arena for its gate
 * matrices and work buffers. f64x2 SIMD with plain IEEE multiply and add, no fused operations:
 * the same bits on every machine.
 */
import { readFileSync } from 'node:fs';
import { check, QnnInputError } from '../errors.ts';

type KernelFn = (are: number, aim: number, xre: number, xim: number, yre: number, yim: number, d: number, m: number) => void;

let wasmModule: WebAssembly.Module | undefined;

function kernelModule(): WebAssembly.Module {
  wasmModule ??= new WebAssembly.Module(readFileSync(new URL('./kernels.wasm', import.meta.url)));
  return wasmModule;
}

function overlaps(a: Float64Array, b: Float64Array, n: number): boolean {
  return a.byteOffset < b.byteOffset + n * 8 && b.byteOffset < a.byteOffset + n * 8;
}

const PAGE_BYTES = 65536;
/** The largest arena: 4 GiB of wasm32 linear memory, less one page. */
export const MAX_ARENA_DOUBLES = ((65535 * PAGE_BYTES) / 8) | 0;

export interface Arena {
  readonly memory: WebAssembly.Memory;
  /** A zeroed view of n doubles inside the arena. */
  alloc(n: number): Float64Array;
  /** Y_k = A X_k for m vectors of length d (rows of m x d blocks); every array must be in this arena. */
  applyBlock: BlockProduct;
  /** Y_k = A^dag X_k, likewise. */
  applyBlockAdjoint: BlockProduct;
  /** x_k <- diag(c + i sgn s) x_k in place (c, s of length d), for the m vectors x_k. */
  phaseTable(c: Float64Array, s: Float64Array, sgn: number, xre: Float64Array, xim: Float64Array, d: number, m: number): void;
  /** sum_k sum_i lambda_i (Re b_ki Im x_ki - Im b_ki Re x_ki). */
  gradDot(lambda: Float64Array, bre: Float64Array, bim: Float64Array, xre: Float64Array, xim: Float64Array, d: number, m: number): number;
}

export type BlockProduct = (are: Float64Array, aim: Float64Array, xre: Float64Array, xim: Float64Array, yre: Float64Array, yim: Float64Array, d: number, m: number) => void;

/** Doubles an allocation of n takes (allocations are kept 16-byte aligned). */
export function arenaSize(n: number): number {
  return n + (n & 1);
}

/** An arena with room for `doubles` Float64 values; an allocation of n takes arenaSize(n) of them. */
export function makeArena(doubles: number, fn = 'makeArena'): Arena {
  check(Number.isInteger(doubles) && doubles >= 0, fn, 'doubles', `must be a non-negative integer (got ${doubles})`);
  // Stryker disable next-line EqualityOperator: doubles = MAX_ARENA_DOUBLES exactly would allocate 4 GiB in a test
  check(doubles <= MAX_ARENA_DOUBLES, fn, 'size', `needs ${doubles} doubles, more than the ${MAX_ARENA_DOUBLES} a WebAssembly memory holds`);
  const pages = Math.max(1, Math.ceil((doubles * 8) / PAGE_BYTES));
  let memory: WebAssembly.Memory;
  // Stryker disable all: the catch is reached only when the engine cannot allocate the memory (a 4 GiB request on a machine without it)
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  } catch {
    throw new QnnInputError(fn, 'size', `could not allocate ${pages * PAGE_BYTES} bytes of WebAssembly memory (${doubles} doubles)`);
  }
  // Stryker restore all
  const instance = new WebAssembly.Instance(kernelModule(), { env: { memory } });
  const buffer = memory.buffer;
  let top = 0; // doubles handed out, kept even; the capacity is `doubles` (the memory is rounded up to whole pages)
  const inside = (a: Float64Array, fn: string, name: string) => check(a.buffer === buffer, fn, name, 'must be a view of this arena');
  const phaseKernel = instance.exports.phaseTable as (c: number, s: number, sgn: number, xre: number, xim: number, d: number, m: number) => void;
  const dotKernel = instance.exports.gradDot as (lam: number, bre: number, bim: number, xre: number, xim: number, d: number, m: number) => number;
  const product = (fn: 'applyBlock' | 'applyBlockAdjoint'): BlockProduct => {
    const kernel = instance.exports[fn] as KernelFn;
    return (are, aim, xre, xim, yre, yim, d, m) => {
      inside(are, fn, 'are'); inside(aim, fn, 'aim'); inside(xre, fn, 'xre'); inside(xim, fn, 'xim'); inside(yre, fn, 'yre'); inside(yim, fn, 'yim');
      const md = m * d;
      if (are.length < d * d || aim.length < d * d) check(false, fn, 'a', `must hold d^2 = ${d * d} entries`);
      if (xre.length < md || xim.length < md || yre.length < md || yim.length < md) check(false, fn, 'x, y', `must hold m d = ${md} entries`);
      if (overlaps(xre, yre, md) || overlaps(xre, yim, md) || overlaps(xim, yre, md) || overlaps(xim, yim, md)) check(false, fn, 'y', 'must not overlap x');
      kernel(are.byteOffset, aim.byteOffset, xre.byteOffset, xim.byteOffset, yre.byteOffset, yim.byteOffset, d, m);
    };
  };
  return {
    memory,
    alloc(n: number): Float64Array {
      check(Number.isInteger(n) && n >= 0, 'Arena.alloc', 'n', `must be a non-negative integer (got ${n})`);
      if (top + n > doubles) check(false, 'Arena.alloc', 'n', `exceeds the arena (${top} + ${n} > ${doubles} doubles)`);
      const view = new Float64Array(buffer, top * 8, n);
      top += arenaSize(n);
      return view;
    },
    phaseTable(c, sn, sgn, xre, xim, d, m): void {
      inside(c, 'phaseTable', 'c'); inside(sn, 'phaseTable', 's'); inside(xre, 'phaseTable', 'xre'); inside(xim, 'phaseTable', 'xim');
      if (c.length < d || sn.length < d || xre.length < m * d || xim.length < m * d) check(false, 'phaseTable', 'c, s, x', `must hold d = ${d} and m d = ${m * d} entries`);
      phaseKernel(c.byteOffset, sn.byteOffset, sgn, xre.byteOffset, xim.byteOffset, d, m);
    },
    gradDot(lambda, bre, bim, xre, xim, d, m): number {
      inside(lambda, 'gradDot', 'lambda'); inside(bre, 'gradDot', 'bre'); inside(bim, 'gradDot', 'bim'); inside(xre, 'gradDot', 'xre'); inside(xim, 'gradDot', 'xim');
      if (lambda.length < d || bre.length < m * d || bim.length < m * d || xre.length < m * d || xim.length < m * d) check(false, 'gradDot', 'lambda, b, x', `must hold d = ${d} and m d = ${m * d} entries`);
      return dotKernel(lambda.byteOffset, bre.byteOffset, bim.byteOffset, xre.byteOffset, xim.byteOffset, d, m);
    },
    applyBlock: product('applyBlock'),
    applyBlockAdjoint: product('applyBlockAdjoint'),
  };
}
