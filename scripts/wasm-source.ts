/**
 * The WebAssembly text of the simulator's hot kernel, generated from one template so every
 * register-blocked variant is the same code. `npm run build:wasm` writes it to
 * src/wasm/kernels.wat and assembles src/wasm/kernels.wasm; a test checks that the committed
 * files are this generator's output.
 *
 * applyBlock(are, aim, xre, xim, yre, yim, d, m): Y_k = A X_k for m vectors (rows of m x d
 * blocks, split re/im, byte addresses in linear memory). Rows of A are taken R at a time and
 * vectors S at a time (R, S in {1, 2}); the inner loop runs over column pairs with f64x2 lanes,
 * so the sum over j is split into its even and odd terms, which are added at the end (then the
 * last column if d is odd). Plain IEEE mul/add (no fused multiply-add): the same bits on
 * every machine.
 */

const v = (name: string) => `(local.get $${name})`;

function kernel(R: number, S: number): string {
  const rows = [...Array(R).keys()], states = [...Array(S).keys()];
  const locals: string[] = [];
  for (const r of rows) for (const s of states) locals.push(`$cr${r}${s}`, `$ci${r}${s}`);
  for (const r of rows) locals.push(`$ar${r}`, `$ai${r}`);
  for (const s of states) locals.push(`$xr${s}`, `$xi${s}`);
  const f64Locals: string[] = [];
  for (const r of rows) for (const s of states) f64Locals.push(`$tr${r}${s}`, `$ti${r}${s}`);
  for (const r of rows) f64Locals.push(`$br${r}`, `$bi${r}`);
  for (const s of states) f64Locals.push(`$yr${s}`, `$yi${s}`);
  const i32Locals = ['$i', '$jb', '$jend', '$rowb', '$row8'];
  for (const r of rows) i32Locals.push(`$pr${r}`, `$pi${r}`);
  for (const s of states) i32Locals.push(`$xrb${s}`, `$xib${s}`);
  const L: string[] = [];
  const e = (s: string) => L.push(s);
  e(`  ;; rows [i0, i1) in steps of ${R}, vectors k0 .. k0+${S - 1}`);
  e(`  (func $mv${R}${S} (param $are i32) (param $aim i32) (param $xre i32) (param $xim i32) (param $yre i32) (param $yim i32) (param $d i32) (param $i0 i32) (param $i1 i32) (param $k0 i32)`);
  e(`    ${locals.map((n) => `(local ${n} v128)`).join(' ')}`);
  e(`    ${f64Locals.map((n) => `(local ${n} f64)`).join(' ')}`);
  e(`    ${i32Locals.map((n) => `(local ${n} i32)`).join(' ')}`);
  e(`    (local.set $row8 (i32.shl ${v('d')} (i32.const 3)))`);
  e(`    (local.set $jend (i32.shl (i32.and ${v('d')} (i32.const -2)) (i32.const 3)))`);
  for (const s of states) {
    e(`    (local.set $xrb${s} (i32.add ${v('xre')} (i32.mul (i32.add ${v('k0')} (i32.const ${s})) ${v('row8')})))`);
    e(`    (local.set $xib${s} (i32.add ${v('xim')} (i32.mul (i32.add ${v('k0')} (i32.const ${s})) ${v('row8')})))`);
  }
  e(`    (local.set $i ${v('i0')})`);
  e(`    (block $rowsdone (loop $rows`);
  e(`      (br_if $rowsdone (i32.ge_u ${v('i')} ${v('i1')}))`);
  e(`      (local.set $rowb (i32.mul ${v('i')} ${v('row8')}))`);
  for (const r of rows) {
    // row i + r of A: r d entries after row i
    const at = (base: string) => (r === 0 ? `(i32.add ${v(base)} ${v('rowb')})` : `(i32.add (i32.add ${v(base)} ${v('rowb')}) ${v('row8')})`);
    e(`      (local.set $pr${r} ${at('are')}) (local.set $pi${r} ${at('aim')})`);
  }
  for (const r of rows) for (const s of states) e(`      (local.set $cr${r}${s} (v128.const f64x2 0 0)) (local.set $ci${r}${s} (v128.const f64x2 0 0))`);
  e(`      (local.set $jb (i32.const 0))`);
  e(`      (block $pairsdone (loop $pairs`);
  e(`        (br_if $pairsdone (i32.ge_u ${v('jb')} ${v('jend')}))`);
  for (const r of rows) {
    e(`        (local.set $ar${r} (v128.load (i32.add ${v(`pr${r}`)} ${v('jb')})))`);
    e(`        (local.set $ai${r} (v128.load (i32.add ${v(`pi${r}`)} ${v('jb')})))`);
  }
  for (const s of states) {
    e(`        (local.set $xr${s} (v128.load (i32.add ${v(`xrb${s}`)} ${v('jb')})))`);
    e(`        (local.set $xi${s} (v128.load (i32.add ${v(`xib${s}`)} ${v('jb')})))`);
  }
  for (const r of rows) for (const s of states) {
    e(`        (local.set $cr${r}${s} (f64x2.add ${v(`cr${r}${s}`)} (f64x2.sub (f64x2.mul ${v(`ar${r}`)} ${v(`xr${s}`)}) (f64x2.mul ${v(`ai${r}`)} ${v(`xi${s}`)}))))`);
    e(`        (local.set $ci${r}${s} (f64x2.add ${v(`ci${r}${s}`)} (f64x2.add (f64x2.mul ${v(`ar${r}`)} ${v(`xi${s}`)}) (f64x2.mul ${v(`ai${r}`)} ${v(`xr${s}`)}))))`);
  }
  e(`        (local.set $jb (i32.add ${v('jb')} (i32.const 16)))`);
  e(`        (br $pairs)))`);
  // lane sums
  for (const r of rows) for (const s of states) {
    e(`      (local.set $tr${r}${s} (f64.add (f64x2.extract_lane 0 ${v(`cr${r}${s}`)}) (f64x2.extract_lane 1 ${v(`cr${r}${s}`)})))`);
    e(`      (local.set $ti${r}${s} (f64.add (f64x2.extract_lane 0 ${v(`ci${r}${s}`)}) (f64x2.extract_lane 1 ${v(`ci${r}${s}`)})))`);
  }
  // odd last column
  e(`      (if (i32.and ${v('d')} (i32.const 1)) (then`);
  for (const r of rows) {
    e(`        (local.set $br${r} (f64.load (i32.add ${v(`pr${r}`)} ${v('jend')})))`);
    e(`        (local.set $bi${r} (f64.load (i32.add ${v(`pi${r}`)} ${v('jend')})))`);
  }
  for (const s of states) {
    e(`        (local.set $yr${s} (f64.load (i32.add ${v(`xrb${s}`)} ${v('jend')})))`);
    e(`        (local.set $yi${s} (f64.load (i32.add ${v(`xib${s}`)} ${v('jend')})))`);
  }
  for (const r of rows) for (const s of states) {
    e(`        (local.set $tr${r}${s} (f64.add ${v(`tr${r}${s}`)} (f64.sub (f64.mul ${v(`br${r}`)} ${v(`yr${s}`)}) (f64.mul ${v(`bi${r}`)} ${v(`yi${s}`)}))))`);
    e(`        (local.set $ti${r}${s} (f64.add ${v(`ti${r}${s}`)} (f64.add (f64.mul ${v(`br${r}`)} ${v(`yi${s}`)}) (f64.mul ${v(`bi${r}`)} ${v(`yr${s}`)}))))`);
  }
  e(`      ))`);
  // stores: y[(k0+s) d + i + r]
  for (const r of rows) for (const s of states) {
    const addr = (base: string) => `(i32.add ${v(base)} (i32.add (i32.mul (i32.add ${v('k0')} (i32.const ${s})) ${v('row8')}) (i32.shl (i32.add ${v('i')} (i32.const ${r})) (i32.const 3))))`;
    e(`      (f64.store ${addr('yre')} ${v(`tr${r}${s}`)})`);
    e(`      (f64.store ${addr('yim')} ${v(`ti${r}${s}`)})`);
  }
  e(`      (local.set $i (i32.add ${v('i')} (i32.const ${R})))`);
  e(`      (br $rows)))`);
  e(`  )`);
  return L.join('\n');
}

/**
 * Y_k = A^dag X_k: y_i = sum_j conj(a_ji) x_j, vectorised over i (I outputs at a time: two f64x2
 * lanes for I = 4, one for I = 2, scalar f64 for I = 1) with x_j broadcast; the sum over j runs
 * in order in each lane, so there is no lane reduction. Reads A row by row: A^dag is never stored.
 */
function adjointKernel(I: number, S: number): string {
  const scalar = I === 1;
  const T = scalar ? 'f64' : 'v128', O = scalar ? 'f64' : 'f64x2';
  const lanes = [...Array(scalar ? 1 : I / 2).keys()], states = [...Array(S).keys()];
  const load = (addr: string, offset = 0) => `(${scalar ? 'f64' : 'v128'}.load${offset ? ` offset=${offset}` : ''} ${addr})`;
  const splat = (x: string) => (scalar ? x : `(f64x2.splat ${x})`);
  const zero = scalar ? '(f64.const 0)' : '(v128.const f64x2 0 0)';
  const L: string[] = [];
  const e = (s: string) => L.push(s);
  const locals: string[] = [];
  for (const u of lanes) for (const s of states) locals.push(`$cr${u}${s}`, `$ci${u}${s}`);
  for (const u of lanes) locals.push(`$ar${u}`, `$ai${u}`);
  for (const s of states) locals.push(`$xr${s}`, `$xi${s}`);
  const i32Locals = ['$i', '$jb', '$ab', '$row8', '$pa', '$pb'];
  for (const s of states) i32Locals.push(`$xrb${s}`, `$xib${s}`, `$yb${s}`);
  e(`  ;; A^dag: outputs [i0, i1) in steps of ${I}, vectors k0 .. k0+${S - 1}`);
  e(`  (func $mh${I}${S} (param $are i32) (param $aim i32) (param $xre i32) (param $xim i32) (param $yre i32) (param $yim i32) (param $d i32) (param $i0 i32) (param $i1 i32) (param $k0 i32)`);
  e(`    ${locals.map((n) => `(local ${n} ${T})`).join(' ')}`);
  e(`    ${i32Locals.map((n) => `(local ${n} i32)`).join(' ')}`);
  e(`    (local.set $row8 (i32.shl ${v('d')} (i32.const 3)))`);
  for (const s of states) {
    e(`    (local.set $xrb${s} (i32.add ${v('xre')} (i32.mul (i32.add ${v('k0')} (i32.const ${s})) ${v('row8')})))`);
    e(`    (local.set $xib${s} (i32.add ${v('xim')} (i32.mul (i32.add ${v('k0')} (i32.const ${s})) ${v('row8')})))`);
  }
  e(`    (local.set $i ${v('i0')})`);
  e(`    (block $rowsdone (loop $rows`);
  e(`      (br_if $rowsdone (i32.ge_u ${v('i')} ${v('i1')}))`);
  for (const u of lanes) for (const s of states) e(`      (local.set $cr${u}${s} ${zero}) (local.set $ci${u}${s} ${zero})`);
  e(`      (local.set $jb (i32.const 0))`);
  e(`      (local.set $ab (i32.shl ${v('i')} (i32.const 3)))`);
  e(`      (block $jdone (loop $cols`);
  e(`        (br_if $jdone (i32.ge_u ${v('jb')} ${v('row8')}))`);
  e(`        (local.set $pa (i32.add ${v('are')} ${v('ab')})) (local.set $pb (i32.add ${v('aim')} ${v('ab')}))`);
  for (const u of lanes) {
    e(`        (local.set $ar${u} ${load(v('pa'), u * 16)})`);
    e(`        (local.set $ai${u} ${load(v('pb'), u * 16)})`);
  }
  for (const s of states) {
    e(`        (local.set $xr${s} ${splat(`(f64.load (i32.add ${v(`xrb${s}`)} ${v('jb')}))`)})`);
    e(`        (local.set $xi${s} ${splat(`(f64.load (i32.add ${v(`xib${s}`)} ${v('jb')}))`)})`);
  }
  for (const u of lanes) for (const s of states) {
    e(`        (local.set $cr${u}${s} (${O}.add ${v(`cr${u}${s}`)} (${O}.add (${O}.mul ${v(`ar${u}`)} ${v(`xr${s}`)}) (${O}.mul ${v(`ai${u}`)} ${v(`xi${s}`)}))))`);
    e(`        (local.set $ci${u}${s} (${O}.add ${v(`ci${u}${s}`)} (${O}.sub (${O}.mul ${v(`ar${u}`)} ${v(`xi${s}`)}) (${O}.mul ${v(`ai${u}`)} ${v(`xr${s}`)}))))`);
  }
  e(`        (local.set $jb (i32.add ${v('jb')} (i32.const 8)))`);
  e(`        (local.set $ab (i32.add ${v('ab')} ${v('row8')}))`);
  e(`        (br $cols)))`);
  for (const s of states) {
    e(`      (local.set $yb${s} (i32.add (i32.mul (i32.add ${v('k0')} (i32.const ${s})) ${v('row8')}) (i32.shl ${v('i')} (i32.const 3))))`);
    for (const u of lanes) {
      const at = (base: string) => `(i32.add ${v(base)} ${u === 0 ? v(`yb${s}`) : `(i32.add ${v(`yb${s}`)} (i32.const ${u * 16}))`})`;
      e(`      (${T}.store ${at('yre')} ${v(`cr${u}${s}`)})`);
      e(`      (${T}.store ${at('yim')} ${v(`ci${u}${s}`)})`);
    }
  }
  e(`      (local.set $i (i32.add ${v('i')} (i32.const ${I})))`);
  e(`      (br $rows)))`);
  e(`  )`);
  return L.join('\n');
}

/**
 * The diagonal gates and the gradient's inner product, f64x2 over i (then the last entry if d is odd):
 *  phaseTable: x_k <- diag(c + i sgn s) x_k in place, for the m vectors x_k;
 *  gradDot:    sum_k sum_i lambda_i (Re b_ki Im x_ki - Im b_ki Re x_ki) (the adjoint method's Im(b^dag lambda x)).
 */
const diagonalKernels = `  (func (export "phaseTable") (param $c i32) (param $s i32) (param $sgn f64) (param $xre i32) (param $xim i32) (param $d i32) (param $m i32)
    (local $k i32) (local $ib i32) (local $row8 i32) (local $pend i32) (local $xr i32) (local $xi i32)
    (local $cv v128) (local $sv v128) (local $r v128) (local $q v128) (local $g v128)
    (local $cs f64) (local $ss f64) (local $rs f64) (local $qs f64)
    (local.set $row8 (i32.shl (local.get $d) (i32.const 3)))
    (local.set $pend (i32.shl (i32.and (local.get $d) (i32.const -2)) (i32.const 3)))
    (local.set $g (f64x2.splat (local.get $sgn)))
    (block $kdone (loop $kloop
      (br_if $kdone (i32.ge_u (local.get $k) (local.get $m)))
      (local.set $xr (i32.add (local.get $xre) (i32.mul (local.get $k) (local.get $row8))))
      (local.set $xi (i32.add (local.get $xim) (i32.mul (local.get $k) (local.get $row8))))
      (local.set $ib (i32.const 0))
      (block $idone (loop $iloop
        (br_if $idone (i32.ge_u (local.get $ib) (local.get $pend)))
        (local.set $cv (v128.load (i32.add (local.get $c) (local.get $ib))))
        (local.set $sv (f64x2.mul (local.get $g) (v128.load (i32.add (local.get $s) (local.get $ib)))))
        (local.set $r (v128.load (i32.add (local.get $xr) (local.get $ib))))
        (local.set $q (v128.load (i32.add (local.get $xi) (local.get $ib))))
        (v128.store (i32.add (local.get $xr) (local.get $ib)) (f64x2.sub (f64x2.mul (local.get $cv) (local.get $r)) (f64x2.mul (local.get $sv) (local.get $q))))
        (v128.store (i32.add (local.get $xi) (local.get $ib)) (f64x2.add (f64x2.mul (local.get $cv) (local.get $q)) (f64x2.mul (local.get $sv) (local.get $r))))
        (local.set $ib (i32.add (local.get $ib) (i32.const 16)))
        (br $iloop)))
      (if (i32.and (local.get $d) (i32.const 1)) (then
        (local.set $cs (f64.load (i32.add (local.get $c) (local.get $pend))))
        (local.set $ss (f64.mul (local.get $sgn) (f64.load (i32.add (local.get $s) (local.get $pend)))))
        (local.set $rs (f64.load (i32.add (local.get $xr) (local.get $pend))))
        (local.set $qs (f64.load (i32.add (local.get $xi) (local.get $pend))))
        (f64.store (i32.add (local.get $xr) (local.get $pend)) (f64.sub (f64.mul (local.get $cs) (local.get $rs)) (f64.mul (local.get $ss) (local.get $qs))))
        (f64.store (i32.add (local.get $xi) (local.get $pend)) (f64.add (f64.mul (local.get $cs) (local.get $qs)) (f64.mul (local.get $ss) (local.get $rs))))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $kloop)))
  )
  (func (export "gradDot") (param $lam i32) (param $bre i32) (param $bim i32) (param $xre i32) (param $xim i32) (param $d i32) (param $m i32) (result f64)
    (local $k i32) (local $ib i32) (local $row8 i32) (local $pend i32) (local $o i32)
    (local $acc v128) (local $tail f64)
    (local.set $row8 (i32.shl (local.get $d) (i32.const 3)))
    (local.set $pend (i32.shl (i32.and (local.get $d) (i32.const -2)) (i32.const 3)))
    (local.set $acc (v128.const f64x2 0 0))
    (block $kdone (loop $kloop
      (br_if $kdone (i32.ge_u (local.get $k) (local.get $m)))
      (local.set $o (i32.mul (local.get $k) (local.get $row8)))
      (local.set $ib (i32.const 0))
      (block $idone (loop $iloop
        (br_if $idone (i32.ge_u (local.get $ib) (local.get $pend)))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (v128.load (i32.add (local.get $lam) (local.get $ib)))
          (f64x2.sub
            (f64x2.mul (v128.load (i32.add (local.get $bre) (i32.add (local.get $o) (local.get $ib)))) (v128.load (i32.add (local.get $xim) (i32.add (local.get $o) (local.get $ib)))))
            (f64x2.mul (v128.load (i32.add (local.get $bim) (i32.add (local.get $o) (local.get $ib)))) (v128.load (i32.add (local.get $xre) (i32.add (local.get $o) (local.get $ib)))))))))
        (local.set $ib (i32.add (local.get $ib) (i32.const 16)))
        (br $iloop)))
      (if (i32.and (local.get $d) (i32.const 1)) (then
        (local.set $tail (f64.add (local.get $tail) (f64.mul (f64.load (i32.add (local.get $lam) (local.get $pend)))
          (f64.sub
            (f64.mul (f64.load (i32.add (local.get $bre) (i32.add (local.get $o) (local.get $pend)))) (f64.load (i32.add (local.get $xim) (i32.add (local.get $o) (local.get $pend)))))
            (f64.mul (f64.load (i32.add (local.get $bim) (i32.add (local.get $o) (local.get $pend)))) (f64.load (i32.add (local.get $xre) (i32.add (local.get $o) (local.get $pend)))))))))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $kloop)))
    (f64.add (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))) (local.get $tail))
  )`;

/** The whole module: memory imported from the host, one exported entry point. */
export function wasmSource(): string {
  const call = (R: number, S: number, i0: string, i1: string, k: string) =>
    `(call $mv${R}${S} ${['are', 'aim', 'xre', 'xim', 'yre', 'yim', 'd'].map(v).join(' ')} ${i0} ${i1} ${k})`;
  const callH = (I: number, S: number, i0: string, i1: string, k: string) =>
    `(call $mh${I}${S} ${['are', 'aim', 'xre', 'xim', 'yre', 'yim', 'd'].map(v).join(' ')} ${i0} ${i1} ${k})`;
  const even = `(i32.and ${v('d')} (i32.const -2))`;
  const four = `(i32.and ${v('d')} (i32.const -4))`;
  return `;; Generated by scripts/wasm-source.ts (npm run build:wasm). Do not edit by hand.
(module
  (import "env" "memory" (memory 1))
${kernel(2, 2)}
${kernel(1, 2)}
${kernel(2, 1)}
${kernel(1, 1)}
  ;; applyBlock: Y_k = A X_k, k = 0 .. m-1 (see compiled.ts)
  (func (export "applyBlock") (param $are i32) (param $aim i32) (param $xre i32) (param $xim i32) (param $yre i32) (param $yim i32) (param $d i32) (param $m i32)
    (local $k i32)
    (block $done (loop $pairs
      (br_if $done (i32.gt_u (i32.add ${v('k')} (i32.const 2)) ${v('m')}))
      ${call(2, 2, '(i32.const 0)', even, v('k'))}
      ${call(1, 2, even, v('d'), v('k'))}
      (local.set $k (i32.add ${v('k')} (i32.const 2)))
      (br $pairs)))
    (if (i32.lt_u ${v('k')} ${v('m')}) (then
      ${call(2, 1, '(i32.const 0)', even, v('k'))}
      ${call(1, 1, even, v('d'), v('k'))}))
  )
${adjointKernel(4, 2)}
${adjointKernel(2, 2)}
${adjointKernel(1, 2)}
${adjointKernel(4, 1)}
${adjointKernel(2, 1)}
${adjointKernel(1, 1)}
${diagonalKernels}
  ;; applyBlockAdjoint: Y_k = A^dag X_k, k = 0 .. m-1
  (func (export "applyBlockAdjoint") (param $are i32) (param $aim i32) (param $xre i32) (param $xim i32) (param $yre i32) (param $yim i32) (param $d i32) (param $m i32)
    (local $k i32)
    (block $done (loop $pairs
      (br_if $done (i32.gt_u (i32.add ${v('k')} (i32.const 2)) ${v('m')}))
      ${callH(4, 2, '(i32.const 0)', four, v('k'))}
      ${callH(2, 2, four, even, v('k'))}
      ${callH(1, 2, even, v('d'), v('k'))}
      (local.set $k (i32.add ${v('k')} (i32.const 2)))
      (br $pairs)))
    (if (i32.lt_u ${v('k')} ${v('m')}) (then
      ${callH(4, 1, '(i32.const 0)', four, v('k'))}
      ${callH(2, 1, four, even, v('k'))}
      ${callH(1, 1, even, v('d'), v('k'))}))
  )
)
`;
}
