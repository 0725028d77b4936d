/**
 * Every claim's statement as LaTeX, kept as data beside the claims (the claim modules keep their
 * plain `statement`, which the Markdown report prints). `printed` is the formula as the paper
 * prints it (equation numbers of the paper in \tag); `checked` is the form the suite checks where
 * it differs (a correction, a re-derived constant, the measurable form of a figure's sentence);
 * `difference` says in words how a printed formula that fails differs from its correction.
 * The HTML report renders these with KaTeX at build time (src/report/math.ts), with the macros
 * below; test/report/latex.test.ts checks that every claim has an entry, that every entry names a
 * claim, and that every formula parses.
 */
const L = String.raw;

export interface ClaimLatex {
  printed: string;
  checked?: string;
  difference?: string;
}

/** Short names for the paper's bold symbols (KaTeX `macros`). */
export const LATEX_MACROS: Record<string, string> = {
  '\\bM': '\\mathbf{M}',
  '\\bU': '\\mathbf{U}',
  '\\bH': '\\mathbf{H}',
  '\\bK': '\\mathbf{K}',
  '\\Ka': '\\mathbf{K}_{\\mathsf{asym}}',
  '\\Kp': '\\mathbf{K}_{\\mathsf{pert}}',
  '\\br': '\\mathbf{r}',
  '\\brho': '\\boldsymbol{\\rho}',
  '\\bth': '\\boldsymbol{\\theta}',
  '\\bY': '\\mathbf{Y}',
  '\\bI': '\\mathbf{I}',
  '\\bu': '\\mathbf{u}',
  '\\bw': '\\mathbf{w}',
  '\\bv': '\\mathbf{v}',
  '\\bz': '\\mathbf{z}',
  '\\bP': '\\mathbf{P}',
  '\\bN': '\\mathbf{N}',
  '\\bG': '\\mathbf{G}',
  '\\bR': '\\mathbf{R}',
  '\\bW': '\\mathbf{W}',
  '\\bX': '\\mathbf{X}',
  '\\bA': '\\mathbf{A}',
  '\\bB': '\\mathbf{B}',
  '\\bV': '\\mathbf{V}',
  '\\bc': '\\mathbf{c}',
  '\\be': '\\mathbf{e}',
  '\\ba': '\\mathbf{a}',
  '\\Pip': '\\boldsymbol{\\Pi}_{+}',
  '\\Pim': '\\boldsymbol{\\Pi}_{-}',
  '\\Piz': '\\boldsymbol{\\Pi}_{0}',
  '\\yh': '\\hat{y}',
  '\\uh': '\\hat{\\mathbf{u}}',
  '\\tr': '\\operatorname{tr}',
  '\\lmin': '\\lambda_{\\min}',
  '\\lmax': '\\lambda_{\\max}',
  '\\nop': '\\lVert #1 \\rVert_{\\mathsf{op}}',
  '\\nrm': '\\lVert #1 \\rVert',
  '\\Ys': '\\mathbf{Y}^{\\star}',
  '\\dg': '^{\\dagger}',
};

const e = (printed: string, checked?: string, difference?: string): ClaimLatex => ({ printed, ...(checked ? { checked } : {}), ...(difference ? { difference } : {}) });

const ETA = L`\eta = \frac{m}{p}\frac{d^2-1}{\tr(\bH^2)}`;
const KASYM_IJ = (a: string, b: string) => L`(\Ka)_{ij} = \tr\big(i[\bM, \brho_${a}]\, i[\bM, \brho_${b}]\big)`;
const KPERT_IJ = (a: string, b: string) => L`(\Kp)_{ij} = \tr\big(i[\bM, \brho_${a}] \otimes i[\bM, \brho_${b}]\, \Delta\big)`;
const RESID = L`\frac{d\br}{dt} = -(\Ka + \Kp)\,\br`;
const EQ55 = L`\frac{d\bM}{dt} = \sum_{j} r_j [\bM, [\bM, \brho_j]] + \sum_j r_j \big[\bM, \tr_1\big(([\bM, \brho_j]\otimes \bI)(\bY(\bth) - \Ys)\big)\big]`;
const EQ113 = L`\Ka = 2\gamma^2(1 - 1/\gamma^2)\,\bI - 8\gamma^2\, \bR \circ (\bG - \bI) \circ (\bG^T - \bI) \tag{113}`;
const R_PRINTED = L`R_{ij} = \begin{cases} \tfrac12(1 + 1/\gamma) & y_i = y_j = +1 \\ \tfrac12(1 - 1/\gamma) & y_i = y_j = -1 \\ \tfrac12\sqrt{1 - 1/\gamma^2} & y_i \ne y_j \end{cases}`;
const R_CORRECTED = L`R_{ij} = c_i c_j,\quad c_j = \tfrac12(1 + y_j/\gamma)`;
const CB3 = (c: string) => L`\nrm{\bth(t_2) - \bth(t_1)}_\infty \le \frac{1}{p}\, C\, |t_1 - t_2|,\quad \nrm{\bth(t_2) - \bth(t_1)}_2 \le \frac{1}{\sqrt p}\, C\, |t_1 - t_2|,\quad C = \frac{${c}\, \nrm{\bH}_F \nrm{\bM}_F \sqrt{L(\bth(0))}}{Z}`;
const EQ101_PRINTED = L`(\Ka)_{ij} = 8\gamma^2 \operatorname{Re}(\bu_i\dg \bu_i\, \bw_i\dg \bw_j) \tag{101}`;
const EQ110 = L`(\Ka)_{ij} = 8\gamma^2 \operatorname{Re}(\bu_j\dg \bu_i\, \bw_i\dg \bw_j) = 8\gamma^2 \operatorname{Re}(\overline{P_{ij}}\, N_{ij})`;
const HADAMARD = L`\Ka = 4\gamma^2\, \bP \circ \bN^T + 4\gamma^2\, \bP^T \circ \bN,\quad P_{ij} = \bu_i\dg \bu_j,\; N_{ij} = \bw_i\dg \bw_j \tag{111}`;
const UW_NORMS = L`\nrm{\bu_j}^2 \nrm{\bw_j}^2 = \Big(1 - \frac{|r_j|}{2}\Big)\frac{|r_j|}{2},\quad \nrm{\bw_j}^2 = \frac{|r_j|}{2}\ (y_j = +1),\quad \nrm{\bu_j}^2 = \frac{|r_j|}{2}\ (y_j = -1)`;
const COMM30 = L`[\bM, \brho_j] = 2(\bu_j \bw_j\dg - \bw_j \bu_j\dg),\quad \bu_j = \Pip \bv_j,\ \bw_j = \Pim \bv_j`;
const TRACE_POWERS = L`\tr\big(\bM(\bth(t))^k\big) = \tr(\bM_0^k),\quad k = 1, \dots, 4`;
const EQ116_PRINTED = L`\bR = \frac{m}{2}\Big(c_+ \be_1\be_1\dg + c_- \be_2\be_2\dg + \sqrt{c_+ c_-}(\be_1\be_2\dg + \be_2\be_1\dg)\Big),\ c_\pm = \tfrac12(1 \pm 1/\gamma),\quad \operatorname{spec}(\bR) = \big(\tfrac{m}{2}, 0, \dots, 0\big) \tag{116}`;
const EQ116_CORRECTED = L`\bR = \bc\bc^T,\ c_j = \tfrac12(1 + y_j/\gamma):\quad \operatorname{spec}(\bR) = \Big(\frac{m}{4}\big(1 + \frac{1}{\gamma^2}\big), 0, \dots, 0\Big)`;

export const CLAIM_LATEX: Record<string, ClaimLatex> = {
  // Section 2.
  'definition-2.1': e(
    L`\bU_p e^{-i\theta_p \bH}\cdots \bU_1 e^{-i\theta_1 \bH}\bU_0 = \bU'_p e^{-i\theta_p \bH^{(p)}}\cdots \bU'_1 e^{-i\theta_1 \bH^{(1)}}\bU'_0,\quad \bH^{(l)} = \bV_l \bH \bV_l\dg,\ \bV_l = (\bU_{l-1}\cdots\bU_0)\dg \tag{1, 2}`,
  ),

  // Section 3 and appendix A.
  'lemma-3.1': e(
    L`\frac{d\br(\bth(t))}{dt} = -\frac{\eta}{m}\bK(\bM(\bth(t)))\,\br(\bth(t)) \tag{3}`,
    L`K_{ij} = \sum_{l=1}^p \tr\big(i[\bM, \brho_i]\bH_l\big)\tr\big(i[\bM, \brho_j]\bH_l\big) \tag{4}`,
  ),
  'lemma-3.1/psd': e(
    L`K_{ij} = \sum_{l=1}^p \tr\big(i[\bM, \brho_i]\bH_l\big)\tr\big(i[\bM, \brho_j]\bH_l\big) \tag{4}`,
    L`\bK = \bK^T \in \mathbb{R}^{m\times m},\quad \lmin(\bK) \ge 0`,
  ),
  'section-3/free-kernel-as-printed': e(
    L`\frac{d\br}{dt} = -\frac{\eta}{m}\bK\br,\quad K_{ij} = \tr(\brho_i \brho_i)`,
    undefined,
    'The kernel entry repeats the index i: tr(ρ_i ρ_i) is 1 for every pure state, so the printed K is the all-ones matrix; the kernel of the free-M regression is tr(ρ_i ρ_j).',
  ),
  'section-3/kernel-regression': e(L`\frac{d\br}{dt} = -\frac{\eta}{m}\bK\br,\quad K_{ij} = \tr(\brho_i \brho_j),\quad \br(t) = e^{-\frac{\eta}{m}\bK t}\,\br(0)`),
  'section-3/spectrum-preserved': e(TRACE_POWERS, L`\operatorname{spec}\big(\bM(\bth(t))\big) = \operatorname{spec}(\bM_0)`),
  'section-3/trace-powers-derivative': e(
    L`\frac{d\,\tr(\bM^k)}{dt} = k\,\tr\Big(\bM^{k-1}\frac{d\bM}{dt}\Big) = k\,\tr\big(\bM^{k-1} i[\bA, \bM]\big) = 0`,
  ),
  'section-3/kernel-regression-spectrum': e(
    L`\text{“the eigenvalues are in general not preserved for } \bM \text{ evolving under the kernel regression”}`,
    L`\max_i |\lambda_i(\bM(T)) - \lambda_i(\bM_0)| \ge \max\Big(\frac{|\Delta_1|}{d}, \frac{|\Delta_2|}{2Rd}\Big),\quad \Delta_k = \tr\bM(T)^k - \tr\bM_0^k;\ \text{the lower bound} > 10^{-6} \text{ on generic (random) instances}`,
  ),
  'section-3/prediction-range': e(L`\lmin(\bM_0) \le \yh_j(\bth) = \tr\big(\brho_j \bU\dg(\bth)\bM_0\bU(\bth)\big) \le \lmax(\bM_0)`),
  'section-3/labels-outside-range': e(
    L`L(\bth(t)) \ge F := \frac{1}{2m}\sum_j \operatorname{dist}\big(y_j, [\lmin(\bM_0), \lmax(\bM_0)]\big)^2`,
    L`L_{\text{kernel}}(T) = L(0)\, e^{-2\eta T/m} < F`,
  ),
  'section-3/kernel-linear-rate': e(
    L`L(t) \le L(0)\exp(-ct)`,
    L`L(T) \le L(0)\exp\Big(-\frac{2\eta}{m}\lmin(\bK)\,T\Big)`,
  ),
  'theorem-3.2': e(
    L`L(\bth(t)) \ge \frac{1}{(c_0 + c_1 t)^2},\quad c_0 = \frac{1}{\sqrt{L(\bth(0))}},\ c_1 = 12\eta\sum_{l=1}^p \nop{\bH^{(l)}}^2 \tag{5}`,
  ),
  'lemma-3.1/eq-13': e(L`\frac{\partial \bU_{r:p}}{\partial\theta_l} = \bU_{l:p}(-i\bH^{(l)})\bU_{r:l-1} = -i\bU_{l:p}\bH^{(l)}\bU_{l:p}\dg \bU_{r:p} \tag{13}`),
  'lemma-3.1/eq-15': e(
    L`\frac{\partial\bM}{\partial\theta_l} = i\big(\bU_0\dg\bU_{1:p}\dg \bU_{l:p}^{\dagger} \bH^{(l)} \bU_{l:p}\dg \bM_0 \bU_{1:p}\bU_0\big) - i\big(\bU_0\dg\bU_{1:p}\dg\bM_0\bU_{l:p}\bH^{(l)}\bU_{l:p}\dg\bU_{1:p}\bU_0\big) \tag{15}`,
    undefined,
    'The first term has a dagger too many: it prints U_{l:p}^† H^(l) U_{l:p}^†, while the conjugate of eq. (13) gives U_{l:p} H^(l) U_{l:p}^†.',
  ),
  'lemma-3.1/eq-15-corrected': e(
    L`\frac{\partial\bM}{\partial\theta_l} = i\big(\bU_0\dg\bU_{1:p}\dg \bU_{l:p} \bH^{(l)} \bU_{l:p}\dg \bM_0 \bU_{1:p}\bU_0\big) - i\big(\bU_0\dg\bU_{1:p}\dg\bM_0\bU_{l:p}\bH^{(l)}\bU_{l:p}\dg\bU_{1:p}\bU_0\big)`,
  ),
  'lemma-3.1/eq-16': e(L`\frac{\partial\bM(\bth)}{\partial\theta_l} = i[\bH_l, \bM(\bth)],\quad \bH_l = \bU_0\dg\bU_{1:l-1}\dg\bH^{(l)}\bU_{1:l-1}\bU_0 \tag{16}`),
  'lemma-3.1/eq-17': e(L`\frac{\partial L}{\partial\theta_l} = \tr\Big(\nabla_{\bM}L\,\frac{\partial\bM}{\partial\theta_l}\Big) = i\,\tr\big(\nabla_{\bM}L\,[\bH_l, \bM(\bth)]\big) \tag{17}`),
  'lemma-3.1/eq-20': e(L`\frac{d\bM}{dt} = \frac{\eta}{m}\sum_{l=1}^p \tr\Big(\sum_{j=1}^m r_j\brho_j\, i[\bH_l, \bM]\Big)\, i[\bH_l, \bM] \tag{20}`),
  'theorem-3.2/eq-28': e(L`\frac{1}{L}\frac{dL}{dt} = -\frac{2\eta}{m}\cdot\frac{\br^T\bK\br}{\br^T\br} \tag{28}`),
  'theorem-3.2/eq-29': e(L`\frac{1}{L}\frac{dL}{dt} \ge -\frac{2\eta}{m}\lmax(\bK(\bth(t))) \tag{29}`),
  'theorem-3.2/eq-30-commutator': e(COMM30),
  'theorem-3.2/eq-30': e(
    L`|\tr(i[\bM, \brho_i]\bH_l)| \le 4\nop{\bH_l}\nrm{\bu_j}\nrm{\bw_j} \tag{30}`,
    L`|\tr(i[\bM, \brho_j]\bH_l)| \le 4\nop{\bH_l}\nrm{\bu_j}\nrm{\bw_j}`,
  ),
  'theorem-3.2/norms-uw': e(UW_NORMS),
  'theorem-3.2/eq-32': e(L`K_{jj} = \sum_{l=1}^p \tr^2(i[\bM, \brho_j]\bH_l) \le 16\sum_{l=1}^p\nop{\bH_l}^2\frac{|r_j|}{2}\Big(1 - \frac{|r_j|}{2}\Big) \tag{31, 32}`),
  'theorem-3.2/eq-33': e(L`16\sum_{l}\nop{\bH_l}^2\frac{|r_j|}{2}\Big(1 - \frac{|r_j|}{2}\Big) \le 16\sum_{l}\nop{\bH_l}^2\frac{|r_j|}{2} \tag{33}`),
  'theorem-3.2/eq-37': e(
    L`\frac{1}{L}\frac{dL}{dt} \ge -\frac{2\eta}{m}\sum_i K_{ii} \ge -\frac{16\eta}{m}\sum_l\nop{\bH_l}^2\sum_j|r_j| \ge -16\sqrt2\,\eta\sum_l\nop{\bH^{(l)}}^2\sqrt{L} \tag{35--38}`,
  ),
  'theorem-3.2/eq-39': e(
    L`L^{-3/2}\,dL \ge -24\eta\sum_{l=1}^p\nop{\bH^{(l)}}^2 dt \tag{39}`,
    L`L(T)^{-1/2} - L(0)^{-1/2} \le 8\sqrt2\,\eta\sum_{l=1}^p\nop{\bH^{(l)}}^2\, T`,
  ),
  'theorem-3.2/eq-41': e(L`L(\bth(T))^{-1/2} - L(\bth(0))^{-1/2} \le 12\eta\sum_{l=1}^p\nop{\bH^{(l)}}^2\, T \tag{41}`),
  'theorem-3.2/pi0-commutator': e(
    L`\Piz \ne 0:\quad ${COMM30}`,
    undefined,
    'With a kernel Π_0 ≠ 0 the component z_j = Π_0 v_j adds two terms to the commutator; the printed "the proof still holds" keeps the ±1 form without them.',
  ),
  'theorem-3.2/pi0-commutator-corrected': e(
    L`[\bM, \brho_j] = 2(\bu_j\bw_j\dg - \bw_j\bu_j\dg) + (\bu_j - \bw_j)\bz_j\dg - \bz_j(\bu_j - \bw_j)\dg,\quad \bz_j = \Piz\bv_j`,
  ),
  'theorem-3.2/pi0-eq-30': e(
    L`\Piz \ne 0:\quad |\tr(i[\bM, \brho_j]\bH_l)| \le 4\nop{\bH_l}\nrm{\bu_j}\nrm{\bw_j} \tag{30}`,
    undefined,
    'Eq. (30) is reused although the commutator now has z_j terms: with w_j = 0 its right side is 0 while the left side is not. The correction bounds |tr(X_j H_l)| by ‖H_l‖_op ‖X_j‖_tr instead, which still gives eq. (33).',
  ),
  'theorem-3.2/pi0-algebra': e(
    L`1 - (y_j - r_j)^2 = (1 - y_j)^2 + 2y_jr_j - r_j^2`,
    undefined,
    'The fourth line of the chain writes (1 − y_j)² where the expansion gives 1 − y_j²; for y_j = −1 the printed right side is off by 4.',
  ),
  'theorem-3.2/pi0-algebra-corrected': e(
    L`\nrm{\bu_j}^2\nrm{\bw_j}^2 = \frac{s_j^2 - (y_j - r_j)^2}{4} \le \frac{1 - (y_j - r_j)^2}{4} = \frac{(1 - y_j^2) + 2y_jr_j - r_j^2}{4} = \frac{y_jr_j}{2} - \frac{r_j^2}{4} \le \frac{|r_j|}{2}`,
  ),
  'theorem-3.2/pi0-eq-33': e(
    L`|\tr(\bX_j\bH_l)| \le \nop{\bH_l}\nrm{\bX_j}_{\mathrm{tr}},\quad \nrm{\bX_j}_{\mathrm{tr}} = 2\sqrt{2|r_j| - r_j^2 - \nrm{\bz_j}^2},\quad K_{jj} \le 8\sum_l\nop{\bH_l}^2|r_j| \tag{33}`,
  ),
  'theorem-3.2/pi0': e(
    L`\bM_0 = \Pip - \Pim,\ \Pip + \Pim + \Piz = \bI,\ \Piz \ne 0:\quad L(\bth(t)) \ge \frac{1}{(c_0 + c_1t)^2} \tag{5}`,
  ),

  // Section 4 and appendix B.
  'lemma-4.1': e(
    L`${RESID},\quad ${KASYM_IJ('i', 'j')} \tag{6, 7}`,
    L`\begin{gathered}\frac{\eta}{m}\bK = \Ka + \Kp,\quad ${KASYM_IJ('i', 'j')}, \\ ${KPERT_IJ('i', 'j')},\quad \Delta = \bY(\bth) - \Ys\end{gathered} \tag{7, 67}`,
  ),
  'lemma-4.1/eq-8': e(
    L`${KPERT_IJ('i', 'i')} \tag{8}`,
    undefined,
    'The second factor repeats ρ_i: the printed entry does not depend on j. Eq. (67) of the proof has ρ_j.',
  ),
  'lemma-b.1/eq-7': e(
    L`${KASYM_IJ('i', 'i')} \tag{7, B.1}`,
    undefined,
    'The restatement in B.1 (and eq. 121) repeats ρ_i: the printed entry does not depend on j. The main-text eq. (7) has ρ_j.',
  ),
  'lemma-b.1/haar-mean': e(
    L`\mathbb{E}_{\bV}\big[(\bV\bH\bV\dg)\otimes(\bV\bH\bV\dg)\big] = Z\,(\bW - \bI/d) = Z\,\Ys,\quad Z = \frac{\tr(\bH^2)}{d^2 - 1}`,
  ),
  'lemma-b.1/eq-51': e(L`\tr_1\big((\bA\otimes\bI)(\bW - \bI/d)\big) = \bA - \frac{\tr(\bA)}{d}\bI \tag{49--51}`),
  'lemma-b.1/eq-55': e(EQ55 + L`,\quad r_j = y_j - \yh_j \tag{55, 56}`),
  'lemma-b.1/eq-55-sign': e(
    EQ55 + L`,\quad r_j := \tr(\bM\brho_j) - y_j \tag{55, 56}`,
    undefined,
    'The text after (54) defines r_i := y_i − ŷ_i = tr(M(θ)ρ_i) − y_i: the two halves have opposite signs. With the second half the right side of (55)-(56) changes sign.',
  ),
  'theorem-4.2': e(
    L`p \to \infty:\quad \Kp \to 0,\qquad \frac{d\bM}{dt} = \sum_{j=1}^m r_j[\bM, [\bM, \brho_j]] \tag{10}`,
    L`\sup_{t\le T}\frac{\nrm{\br_{\mathrm{QNN}}(t) - \br_{\mathrm{asym}}(t)}_2}{\nrm{\br(0)}_2} \sim C p^{s},\quad -\tfrac12 \in \mathrm{CI}_{99.9\%}(s)`,
  ),
  'theorem-4.2/eq-9': e(
    L`\lmin(\Ka(t)) \ge C_0 \implies L(t) \le L(0)\exp\Big(-\frac{C_0t}{2}\Big) \tag{9}`,
    L`\nop{\Kp(t)} \le C_0/10:\quad L(t) \le L(0)\exp(-C_0t/2),\quad C_0 = \min_t \lmin(\Ka(t))`,
  ),
  'lemma-b.2': e(
    L`\nop{\bY(\bth(0)) - \Ys} \le \frac{1}{\sqrt p}\cdot\frac{2\nop{\bH}^2}{Z}\sqrt{2\log\frac{d^2}{\delta}}\quad\text{w.p. } \ge 1 - \delta \tag{68}`,
  ),
  'lemma-b.2/eq-70': e(L`\nop{\bX_l} \le \frac{\nop{\bH}^2}{Z} + \frac{d+1}{d} \le \frac{2\nop{\bH}^2}{Z} \tag{70}`),
  'lemma-b.2/eq-71': e(L`\nop{\bY(\bth(0)) - \Ys} \le \frac{1}{\sqrt p}\cdot\frac{2\nop{\bH}^2}{Z}\sqrt{\log\frac{2d^2}{\delta}} \tag{71}`),
  'lemma-b.3': e(
    CB3(L`\sqrt{2m}`) + L` \tag{72, 73}`,
    undefined,
    'The printed constant is √(2m) (and "1/n" in (72) stands for 1/p); the proof (84)-(89) derives √2·m, and with the factor of eq. (74) corrected 2√2·m. At m = 2 the printed bound is exceeded by a factor up to 1.40.',
  ),
  'lemma-b.3/eq-74': e(
    L`\Big|\frac{d\theta_l}{dt}\Big| = \eta\Big|\frac{\partial L}{\partial\theta_l}\Big| = \frac{\eta}{2m}\Big|\sum_{i=1}^m r_i\tr(i[\bM, \bH_l]\brho_i)\Big| \tag{74}`,
    undefined,
    'The derivative of L = (1/2m) Σ r_i² brings down a factor 2: the prefactor is η/m, not η/(2m) (and 1/(pZ), not 1/(2pZ), in (75)).',
  ),
  'lemma-b.3/eq-74-corrected': e(L`\Big|\frac{d\theta_l}{dt}\Big| = \eta\Big|\frac{\partial L}{\partial\theta_l}\Big| = \frac{\eta}{m}\Big|\sum_{i=1}^m r_i\tr(i[\bM, \bH_l]\brho_i)\Big| = \frac{1}{pZ}|\langle\br, \ba\rangle|`),
  'lemma-b.3/eq-84': e(
    L`\Big|\frac{d\theta_l}{dt}\Big| \le \frac{1}{p}\frac{\sqrt2\, m\nrm{\bM}_F\nrm{\bH}_F}{Z}\sqrt{L(\bth(t))} \tag{84}`,
    L`\Big|\frac{d\theta_l}{dt}\Big| \le \frac{2}{p}\frac{\sqrt2\, m\nrm{\bM}_F\nrm{\bH}_F}{Z}\sqrt{L(\bth(t))}`,
  ),
  'lemma-b.3/corrected': e(CB3(L`2\sqrt2\, m`)),
  'lemma-b.4': e(
    L`\sup_{t\in[0,T]}\nop{\bY(\bth(t)) - \bY(\bth(0))} \le C_3\frac{T}{\sqrt p} \tag{98}`,
    L`\text{mean and } (1 - \delta)\text{-quantile of } \sup_t \nop{\bY(\bth(t)) - \bY(\bth(0))}/\sqrt{L(0)} \sim C p^{s}:\quad \mathrm{CI}_{99.9\%}(s) \not> -\tfrac12`,
  ),
  'appendix-d/eq-119': e(
    L`\frac{d\bM}{dt} = -\eta\sum_{j=1}^m \tilde r_j[\bM, [\bM, \brho_j]],\quad \tilde r_j := \tr(\bM\brho_j) - y_j \tag{119}`,
    L`-\eta\sum_j \tilde r_j[\bM, [\bM, \brho_j]] = \eta\sum_j r_j[\bM, [\bM, \brho_j]],\quad r_j = y_j - \yh_j`,
  ),
  'corollary-4.3/k': e(L`k(t) = -\tr\big([\gamma\bM(t), \brho]^2\big) = 2(\gamma^2 - \yh(t)^2)`),
  'corollary-4.3/k-text': e(
    L`\bK = 2(\gamma^2 - \yh(t))`,
    undefined,
    'The sentence after Figure 2 drops the square on ŷ(t); the corollary\'s proof has 2(γ² − ŷ²).',
  ),
  'corollary-4.3': e(
    L`\gamma > 1,\ |\yh(0)| < 1:\quad L(t) \le L(0)\exp(-C_1t),\ C_1 \ge \gamma^2 - 1 \tag{11}`,
  ),
  'corollary-4.3/sharp-rate': e(L`L(t) \le L(0)\exp\big(-4(\gamma^2 - 1)\,t\big)`),
  'corollary-4.3/hypothesis': e(
    L`\gamma > 1,\ \yh(0) < 1:\quad L(t) \le L(0)\exp(-C_1t),\ C_1 \ge \gamma^2 - 1 \tag{11}`,
    undefined,
    'The statement assumes only ŷ(0) < 1; the proof needs |ŷ(0)| < 1. With ŷ(0) close to −γ the kernel k(0) is close to 0 and the loss barely moves at first.',
  ),
  'section-4/u-norm': e(
    L`\bu_j = \tfrac12\big(1 \pm 1/\gamma\big)\uh_j,\quad \nrm{\uh_j} = 1`,
    undefined,
    'The printed ½(1 ± 1/γ) is the squared norm u_j†u_j, not the norm: u_j = √(½(1 ± 1/γ)) û_j (as the proof of Theorem 4.4 writes it).',
  ),
  'section-4/u-norm-corrected': e(L`\bu_j\dg\bu_j = \tfrac12(1 \pm 1/\gamma),\quad \bw_j\dg\bw_j = \tfrac12(1 \mp 1/\gamma),\quad \bu_j = \sqrt{\tfrac12(1 \pm 1/\gamma)}\,\uh_j`),
  'theorem-4.4/global-minimum': e(
    L`\bu_j = \sqrt{\tfrac12(1 + y_j/\gamma)}\,\uh_j,\ \bw_i\dg\bw_j = \delta_{ij} - \bu_i\dg\bu_j \implies \bv_j = \bu_j + \bw_j \text{ orthonormal},\ \yh_j = y_j,\ L = 0`,
  ),
  'theorem-4.4': e(
    L`\lambda_g \ge 2\gamma^2\Big(1 - \frac{1}{\gamma^2} - C_2\max\Big\{\frac{m^2}{d}, \frac{m}{d}\log\frac{2}{\delta}\Big\}\Big)\quad\text{w.p. } \ge 1 - \delta \tag{12}`,
    L`D = 1 - \frac{1}{\gamma^2} - \frac{\lambda_g}{2\gamma^2}:\quad \bar D,\ D_{1-\delta} \sim C d^{s},\ -1 \in \mathrm{CI}(s);\quad \bar D \sim C' m^{s'},\ s' \not> 2`,
  ),

  // Appendix C.
  'lemma-c.1': e(L`\nop{\bA\circ\bB} \le \nop{\bA}\nop{\bB} \tag{99}`),
  'lemma-c.2/eq-101': e(
    EQ101_PRINTED,
    undefined,
    'Eq. (101) pairs u_i†u_i with w_i†w_j (the typeset paper: u_i†u_j w_i†w_j); its own proof (108)-(110) gives u_j†u_i w_i†w_j. They agree only when the Gram entries are real; the difference is −16γ² Im(P_ij) Im(N_ij).',
  ),
  'lemma-c.2/eq-110': e(EQ110 + L` \tag{110}`),
  'lemma-c.2/eq-109': e(
    L`\begin{aligned}\tr\big(i[\bM, \brho_i]\, i[\bM, \brho_j]\big) &= 2\gamma^2\big(\tr(\brho_i\brho_j) - \tr((\Pip - \Pim)\brho_i(\Pip - \Pim)\brho_j)\big) \\ &= 2\gamma^2\big(|\bu_i\dg\bu_j + \bw_i\dg\bw_j|^2 - |\bu_i\dg\bu_j - \bw_i\dg\bw_j|^2\big) = 8\gamma^2\operatorname{Re}(\bu_j\dg\bu_i\,\bw_i\dg\bw_j)\end{aligned} \tag{103--110}`,
  ),
  'lemma-c.2/hadamard': e(HADAMARD),
  'lemma-c.2': e(L`\lmin(\Ka) \ge 8\gamma^2\lmin(\bP)\min_i N_{ii} \ge 8\gamma^2\lmin(\bP)\lmin(\bN) \tag{102}`),
  'lemma-c.2/eq-112': e(L`\lmin(\Ka) \ge 8\gamma^2\max\Big(\min_i N_{ii}\,\lmin(\bP),\ \min_i P_{ii}\,\lmin(\bN)\Big) \tag{112}`),
  'theorem-4.4/diagonal': e(L`(\Ka)_{jj} = 8\gamma^2\,\bu_j\dg\bu_j\,\bw_j\dg\bw_j = 8\gamma^2\cdot\tfrac12(1 \pm 1/\gamma)\cdot\tfrac12(1 \mp 1/\gamma) = 2\gamma^2(1 - 1/\gamma^2)`),
  'theorem-4.4/off-diagonal': e(L`(\Ka)_{ij} = 8\gamma^2\operatorname{Re}(\bu_i\dg\bu_j\,\bw_j\dg\bw_i) = -8\gamma^2|\bu_i\dg\bu_j|^2\quad (i \ne j)`),
  'theorem-4.4/eq-113': e(
    `${EQ113},\quad ${R_PRINTED}`,
    undefined,
    'The off-diagonal entries are −8γ² c_i c_j |G_ij|² with c_j = u_j†u_j; the printed R_ij = √(c_i c_j) is the square root of the right factor (entries ½(1 ± 1/γ) where c_i c_j = ¼(1 ± 1/γ)²).',
  ),
  'theorem-4.4/eq-113-corrected': e(`${EQ113},\\quad ${R_CORRECTED}`),
  'theorem-4.4/eq-116': e(EQ116_PRINTED),
  'theorem-4.4/eq-116-corrected': e(EQ116_CORRECTED),
  'theorem-4.4/lemma-c.1-bound': e(
    L`\lmin(\Ka) \ge 2\gamma^2(1 - 1/\gamma^2) - 8\gamma^2\nop{\bR}\nop{\bG - \bI}^2 \tag{113, 117, 118}`,
    L`\nop{\bR} = \frac{m}{4}\Big(1 + \frac{1}{\gamma^2}\Big)\ \text{(corrected } R_{ij} = c_ic_j)`,
  ),

  // Appendix D: figures 5 and 6.
  'figure-5': e(
    L`\text{“}\Ka(t)\text{ changes significantly } (\ge 5\%)\text{ for each of the hyperparameters”}`,
    L`\mathbb{E}\Big[\frac{\nrm{\Ka(T) - \Ka(0)}_F}{\nrm{\Ka(0)}_F}\Big] \ge 5\%,\quad d \in \{16, 32\},\ m \in \{2, 4\},\ \gamma \in \{1.5, 2, 3\}`,
  ),
  'figure-5/large-gamma': e(
    L`\mathbb{E}\Big[\frac{\nrm{\Ka(T) - \Ka(0)}_F}{\nrm{\Ka(0)}_F}\Big] \ge 5\%\ \text{ for every } (d, m, \gamma)`,
    undefined,
    'The figure\'s sentence is for every hyperparameter; the relative change shrinks with γ, and at (d, m, γ) = (64, 2, 4) its 99% upper confidence bound is below 5%. The verified form restricts γ to 1.5, 2, 3.',
  ),
  'figure-6': e(L`\mathbb{E}\Big[\max_t\frac{|\lmin(\Ka(t)) - \lmin(\Ka(0))|}{\lmin(\Ka(0))}\Big] \ge 5\%,\quad m = 4,\ \gamma = 2,\ d \in \{16, 32, 64\}`),

  // Figures of sections 3 and 4.
  'figure-1': e(
    L`L(\bth(t)) \ge \frac{1}{(c_0 + c_1t)^2},\quad c_1 = 12\eta\sum_l\nop{\bH^{(l)}}^2 \tag{5}`,
    L`L(c_0 + c_1t)^2 \ge 1 \text{ and } \Delta\big(L^{-1/2}\big) \le c_1\,\Delta t \text{ at every recorded time}`,
  ),
  'figure-1/loss-floor': e(
    L`L(\bth_{10000}) > 10^{-1}\quad\text{for } p = 10, 20, 40, 80`,
    undefined,
    'Figure 4\'s caption says the loss of Figure 1 stays above 0.1 after 10000 iterations; in this reproduction it falls below 0.1 at p = 20 and 40 (rate −d ln L/dt vanishing is reproduced, the floor is not).',
  ),
  'figure-2/linear': e(
    L`-\frac{d\ln L}{dt}\Big|_{t=T} \;\propto\; 2(\gamma^2 - \yh^2(T))`,
    L`\text{slope} = \frac{2\,\mathrm{lr}\,p}{m}\ \text{(Lemma 4.1)}:\quad 1 \in \mathrm{CI}_{99.9\%}\Big(\frac{\text{slope}}{2\,\mathrm{lr}\,p/m}\Big)\ \text{for each } \gamma`,
  ),
  'figure-2/min-rate-increases': e(L`\min_t\Big(-\frac{d\ln L}{dt}\Big) \text{ increasing in } \gamma \in \{1.2, 1.4, 2, 4, 8\}`),
  'figure-3': e(
    L`\lmin(\Ka) = f(m/d) \text{ for sufficiently large } d`,
    L`\big|\Delta_{(128, 8)\to(256, 16)}\,\overline{\lambda/\gamma^2}\big| \le 0.5\,\big|\Delta_{(128, 8)\to(256, 8)}\,\overline{\lambda/\gamma^2}\big|`,
  ),
  'figure-3/gamma-squared': e(
    L`\lmin(\Ka) \propto \gamma^2`,
    undefined,
    'Proportionality to γ² would make λ/γ² independent of γ; it grows with γ (1.10 at γ = 1.5, 1.82 at γ = 4), towards the one-sample limit 2(1 − 1/γ²).',
  ),
  'figure-3/one-sample-limit': e(L`\frac{m}{d} \to 0:\quad \frac{\lmin(\Ka(T))}{\gamma^2} \to 2\Big(1 - \frac{1}{\gamma^2}\Big)`),
  'figure-4/under-1000': e(L`\#\{\text{instances with } L < 10^{-2} \text{ before iteration } 1000\} > \tfrac12\,\#\{\text{instances}\}`),
  'figure-4/rate-persists': e(
    L`-\frac{d\ln L}{dt} \not\to 0 \text{ as } L \to 0\quad (\gamma = 4)`,
    L`\overline{\text{rate}}_{\text{last tenth}} \ge 0.1\,\overline{\text{rate}}_{\text{first tenth}}`,
  ),

  // Exact-arithmetic twins (src/exact).
  'section-3/spectrum-preserved-exact': e(TRACE_POWERS, L`\tr\big((\bU\dg\bM_0\bU)^k\big) = \tr(\bM_0^k) \text{ in } \mathbb{Q}(i),\ \bU = C(\bA_p)\cdots C(\bA_1),\ C(\bA) = (\bI - \bA)(\bI + \bA)^{-1}`),
  'theorem-3.2/eq-30-commutator-exact': e(COMM30, L`${COMM30}\ \text{ in } \mathbb{Q}(i)`),
  'theorem-3.2/norms-uw-exact': e(UW_NORMS, L`\nrm{\bu_j}^2\nrm{\bw_j}^2 = \Big(1 - \frac{|r_j|}{2}\Big)\frac{|r_j|}{2}\ \text{ in } \mathbb{Q}(i)`),
  'lemma-4.1/exact': e(
    L`\frac{\eta}{m}\bK = \Ka + \Kp,\quad ${KASYM_IJ('i', 'j')},\quad ${KPERT_IJ('i', 'j')} \tag{4, 7, 67}`,
    L`\frac{\eta}{m}\bK = \Ka + \Kp\ \text{ in } \mathbb{Q}(i),\quad ${ETA}`,
  ),
  'lemma-b.1/eq-51-exact': e(L`\tr_1\big((\bA\otimes\bI)(\bW - \bI/d)\big) = \bA - \frac{\tr(\bA)}{d}\bI \tag{49--51}`, L`\tr_1\big((\bA\otimes\bI)(\bW - \bI/d)\big) = \bA - \frac{\tr(\bA)}{d}\bI\ \text{ in } \mathbb{Q}(i)`),
  'lemma-c.2/eq-101-exact': e(
    EQ101_PRINTED,
    L`(\Ka)_{ij} = 8\gamma^2\operatorname{Re}(P_{ij}N_{ij})\ \text{ in } \mathbb{Q}(i)`,
    'As for eq. (101) in floating point: the exact residual 16γ² Im(P_ij) Im(N_ij) is non-zero at generic complex instances, so the printed formula is false, not merely inaccurate.',
  ),
  'lemma-c.2/eq-110-exact': e(EQ110 + L` \tag{110}`, L`${EQ110}\ \text{ in } \mathbb{Q}(i)`),
  'lemma-c.2/hadamard-exact': e(HADAMARD, L`\Ka = 4\gamma^2(\bP\circ\bN^T + \bP^T\circ\bN)\ \text{ in } \mathbb{Q}(i)`),
  'theorem-4.4/diagonal-exact': e(L`(\Ka)_{jj} = 8\gamma^2 c_j(1 - c_j) = 2\gamma^2(1 - 1/\gamma^2),\quad \bu_j\dg\bu_j = c_j`),
  'theorem-4.4/eq-113-exact': e(
    `${EQ113},\\quad ${R_PRINTED}`,
    undefined,
    'The same printed R_ij = √(c_i c_j) as in floating point; with γ from a Pythagorean triple every entry is rational and the exact residual on the cross-label entries is non-zero.',
  ),
  'theorem-4.4/eq-113-corrected-exact': e(`${EQ113},\\quad ${R_CORRECTED}`, L`\text{the same, in } \mathbb{Q}(i)\text{, at rational global minima}`),
  'theorem-4.4/eq-116-corrected-exact': e(EQ116_CORRECTED, L`\operatorname{rank}(\bc\bc^T) = 1,\ \tr(\bc\bc^T) = \frac{m}{4}\Big(1 + \frac{1}{\gamma^2}\Big);\quad \operatorname{rank}(\mathbf{s}\mathbf{s}^T) = 1,\ \tr(\mathbf{s}\mathbf{s}^T) = \frac{m}{2}`),
  // Added with the coverage of every numbered equation.
  'theorem-3.2/loss-printed': e(
    L`L(\theta) = \frac{1}{2m}\sum_{j=1}^m \tr(\brho_j\bM(\theta) - y_j)^2`,
    undefined,
    'The parenthesis closes after y_j: read with y_j I inside the trace this is (tr(ρ_j M) − d·y_j)², not the objective (tr(ρ_j M) − y_j)² of Lemma 3.1 with which the theorem is proved.',
  ),
  'lemma-3.1/eq-22': e(
    L`\frac{dr_i}{dt} = -\tr\Big(\brho_i\frac{d\bM}{dt}\Big) = -\frac{\eta}{m}\sum_{l=1}^p\tr\Big(\sum_j r_j\brho_j\, i[\bH_l, \bM]\Big)\tr(\brho_i\, i[\bH_l, \bM]) \tag{21, 22}`,
    L`\frac{dr_i}{dt} = -\frac{\eta}{m}\sum_{l=1}^p\sum_{j} r_j\tr\big(i[\bM, \brho_i]\bH_l\big)\tr\big(i[\bM, \brho_j]\bH_l\big)`,
  ),
  'lemma-3.1/eq-23': e(
    L`\frac{dr_i}{dt} = -\frac{\eta}{m}\sum_{j=1}^m r_j\Big(\tr\big(\brho_i\, i[\bH_l, \bM]\big)\tr\big(\brho_j\, i[\bH_l, \bM]\big)\Big) \tag{23}`,
    undefined,
    'The sum over l of (22) is dropped: l is left free on the right side, so no single layer gives the flow once p ≥ 2.',
  ),
  'lemma-3.1/k-identification': e(
    L`K_{ij}(\bM) = \tr\big(i[\bM, \brho_i]\bH_l\big)\tr\big(i[\bM, \brho_i]\bH_l\big)`,
    undefined,
    'The line after (24) repeats ρ_i in the second factor (and drops the sum over l): the entry does not depend on j. Eq. (4) has ρ_j.',
  ),
  'theorem-3.2/eq-30-printed': e(
    L`|\tr(i[\bM, \brho_i]\bH_l)| \le 4\nop{\bH_l}\nrm{\bu_j}\nrm{\bw_j} \tag{30}`,
    undefined,
    'The left side carries the state i, the right side the state j; the surrounding sentences use j. Possibly an extraction artefact (a single subscript).',
  ),
  'lemma-b.1/eq-47': e(L`\frac{d\bM}{dt} = \sum_{l=1}^p \eta\, i\Big[\tr_1\big((i[\nabla_{\bM}L, \bM]\otimes\bI)(\bH_l\otimes\bH_l)\big), \bM\Big] \tag{43--47}`),
  'lemma-b.1/eq-54': e(
    L`(\eta pZ)\, i\big[\tr_1((i[\nabla_{\bM}L, \bM]\otimes\bI)\bY), \bM\big] = -(\eta pZ)[\bM, [\bM, \nabla_{\bM}L]] - (\eta pZ)\big[\bM, \tr_1(([\bM, \nabla_{\bM}L]\otimes\bI)(\bY - \Ys))\big] \tag{48--54}`,
  ),
  'lemma-b.1/eq-57': e(
    L`\frac{dr_i}{dt} = -\sum_j r_j\tr\big(\brho_i[\bM, [\bM, \brho_j]]\big) - \sum_j r_j\tr\Big(\brho_i\big[\bM, \tr_1(([\bM, \brho_j]\otimes\bI)(\bY - \Ys))\big]\Big) \tag{57, 58}`,
  ),
  'lemma-b.1/eq-61': e(L`\tr\big(\brho_i[\bM, [\bM, \brho_j]]\big) = \tr\big([\brho_i, \bM][\bM, \brho_j]\big) = \tr\big(i[\bM, \brho_i]\, i[\bM, \brho_j]\big) \tag{59--61}`),
  'lemma-b.1/eq-66': e(
    L`\tr\Big(\brho_i\big[\bM, \tr_1(([\bM, \brho_j]\otimes\bI)\Delta)\big]\Big) = \tr\big((i[\bM, \brho_j]\otimes i[\bM, \brho_i])\Delta\big) = \tr\big((i[\bM, \brho_i]\otimes i[\bM, \brho_j])\Delta\big) \tag{62--66}`,
  ),
  'lemma-b.2/eq-69': e(
    L`\bX_l := \frac{1}{Z}\big(\bU_{0:l-1}\dg\bH\bU_{0:l-1}^{\dagger}\big)^{\otimes 2} - \Ys,\qquad \mathbb{E}[\bX_l] = 0 \tag{69}`,
    undefined,
    'The conjugation has a dagger too many, as in (15): U†HU† instead of U†HU. With it X_l is not centred (its mean is not Y*), and it is not even Hermitian.',
  ),
  'lemma-b.3/eq-81': e(
    L`\nrm{\ba}^2 = \tr\Big((i[\bM, \bH_l])^{\otimes 2}\sum_j\brho_j^{\otimes 2}\Big) \le \big(2\nrm{\bM}_F\nrm{\bH}_F\sqrt m\big)^2,\quad \Big|\frac{d\theta_l}{dt}\Big| \le \frac{1}{pZ}\sqrt{2mL}\, 2\nrm{\bM}_F\nrm{\bH}_F\sqrt m \tag{76--83}`,
  ),
  'lemma-b.4/eq-92': e(L`\bY(\bth) = \frac{1}{pZ}\sum_{l=1}^p\big(e^{i\theta_1\bH_1}\cdots e^{i\theta_{l-1}\bH_{l-1}}\bH_l e^{-i\theta_{l-1}\bH_{l-1}}\cdots e^{-i\theta_1\bH_1}\big)^{\otimes 2} \tag{92}`),
  'lemma-b.4/eq-94': e(
    L`\Pr\big[|\phi(X_1, \dots, X_k) - \mathbb{E}\phi| \ge t\big] \le \exp\Big(\frac{-2t^2}{\sum_i c_i^2}\Big) \tag{94}`,
    undefined,
    'McDiarmid\'s inequality bounds each one-sided tail by exp(−2t²/Σc_i²); the two-sided tail |φ − Eφ| ≥ t needs the factor 2.',
  ),
  'lemma-b.4/eq-94-corrected': e(L`\Pr\big[|\phi - \mathbb{E}\phi| \ge t\big] \le 2\exp\Big(\frac{-2t^2}{\sum_i c_i^2}\Big)`),
  'lemma-b.4/eq-95': e(
    L`\Delta^{(k)}\bY = \nop{(\bY(\bth) - \bY(0)) - (\bY^{(k)}(\bth) - \bY^{(k)}(0))} = \nop{\bY(\bth) - \bY^{(k)}(\bth)} \tag{95}`,
    undefined,
    'The second equality takes Y(0) = Y^(k)(0), but resampling the k-th gate changes the k-th term of Y(0): the right side is of order ‖H‖²/(pZ) even at θ = 0, the left side of order |θ|.',
  ),
  'lemma-b.4/eq-97': e(
    L`\Delta^{(k)}\bY \le \frac{1}{pZ}\sum_{l\ge k}\nrm{\bY_l(\bth) - \bY_l^{(k)}(\bth)},\quad \nrm{\cdot} \le 8|\theta_k|\nrm{\bH}^3 \tag{96, 97}`,
    undefined,
    'The per-term bound 8|θ_k|‖H‖³ is derived for l > k; the sum in (97) runs over l ≥ k, and the l = k term does not involve θ_k at all: it is of order Σ_{j<k}|θ_j|.',
  ),
  'lemma-b.4/eq-97-corrected': e(
    L`\Delta^{(k)}\bY \le \frac{8\nrm{\bH}^3}{pZ}\Big((p - k)|\theta_k| + \sum_{j<k}|\theta_j|\Big),\qquad \sum_k c_k^2 \le \frac{128\nrm{\bH}^6\nrm{\bth}_2^2}{Z^2}`,
  ),
  'lemma-b.4/claim-2': e(
    L`\Pr\big[\nop{\bY(\bth_2) - \bY(\bth_1)} > t\big] \le 2\exp\Big(-\frac{-t^2Z(\bH, d)^2}{2C_1\nrm{\bth_2 - \bth_1}_2^2}\Big) \tag{91}`,
    L`\Pr\big[\nop{\bY(\bth) - \bY(0)} > t\big] \le 2\exp\Big(-\frac{t^2Z^2}{2C_1\nrm{\bth}_2^2}\Big),\quad C_1 = 16\nop{\bH}^6`,
  ),
  'section-4/kasym-scaling': e(
    L`\frac{\Ka(0)}{\gamma^2} \text{ is independent of } \gamma,\quad \bM(0) = \gamma\bU\operatorname{diag}(+1, \dots, -1)\bU\dg \tag{7, 120}`,
  ),
  'lemma-c.1/eq-100': e(L`\lambda_1(\bA\otimes\bB) \le \lambda_i(\bA\circ\bB) \le \lambda_{d^2}(\bA\otimes\bB) \tag{100}`),
  'lemma-c.2/eq-103': e(
    L`(\Ka(\bM(t)))_{ij} = \tr\big(i[\bM, \brho_i]\ i[\bM, \brho_i]\big) \tag{103}`,
    undefined,
    'The second factor repeats ρ_i, so the entry does not depend on j; the next line (104) has ρ_j. A typo, possibly an extraction artefact (a single subscript).',
  ),
  'theorem-4.4/norms': e(L`\bu_i\dg\bu_j + \bw_i\dg\bw_j = \delta_{ij},\quad \bu_j\dg\bu_j = \tfrac12(1 \pm 1/\gamma),\quad \bw_j\dg\bw_j = \tfrac12(1 \mp 1/\gamma)\quad (y_j = \pm 1)`),
  'theorem-4.4/norms-printed': e(
    L`\bu_j\dg\bu_j = \tfrac12(1 \pm 1/\gamma),\quad \bv_j\dg\bv_j = \tfrac12(1 \mp 1/\gamma)`,
    undefined,
    'v_j is the unit state vector, so v_j†v_j = 1; the negative-subspace component w_j is meant: w_j†w_j = ½(1 ∓ 1/γ).',
  ),
  'theorem-4.4/orthogonality-printed': e(
    L`\bu_j\dg(t)\bu_j(t) + \bw_j\dg(t)\bw_j(t) = \delta_{ij}`,
    undefined,
    'The left side has no index i: it is 1 for every i, so the equation fails for i ≠ j; u_i†u_j + w_i†w_j = δ_ij is meant. Possibly an extraction artefact (a single subscript).',
  ),
  'theorem-4.4/eq-117': e(
    L`\nop{\bG - \bI} \le c_m\frac{\max\{\sqrt m, t\}}{\sqrt d}\quad\text{w.p. } \ge 1 - 2\exp(-c_pt^2) \tag{117}`,
    L`\mathbb{E}\nop{\bG - \bI} \sim C d^{s},\quad s \le -\tfrac12 + 4\,\mathrm{se}(s),\quad m \in \{2, 4, 8\}`,
  ),
  'appendix-d/generator': e(L`\bH = \operatorname{diag}\big(\underbrace{\sqrt{d - d^{-1}}}_{d/2}, \underbrace{-\sqrt{d - d^{-1}}}_{d/2}\big):\quad \tr\bH = 0,\quad \frac{\tr(\bH^2)}{d^2 - 1} = 1`),
  'theorem-4.2/gronwall': e(
    L`-\frac{d\ln L}{dt} = \frac{2\br^T(\Ka + \Kp)\br}{\nrm{\br}^2} \ge 2\big(\lmin(\Ka) - \nop{\Kp}\big),\quad L(t) \le L(0)\exp\big(-2(C_0 - \max_s\nop{\Kp(s)})t\big) \tag{6, 9}`,
  ),
  'lemma-b.2/hoeffding-constant': e(
    L`\nop{\bY(\bth(0)) - \Ys} \le \frac{1}{\sqrt p}\cdot\frac{2\nop{\bH}^2}{Z}\sqrt{\log\frac{2d^2}{\delta}} \tag{71}`,
    L`t_{(71)} = t_{\mathrm{Tropp}} = \frac{a}{\sqrt p}\sqrt{8\log\frac{2d^2}{\delta}},\quad \Pr\big(\lmax(\textstyle\sum_k \bX_k) \ge t\big) \le D\,e^{-t^2/(8\sigma^2)}`,
    'Hoeffding\'s inequality as cited (Tropp 2012, Thm 1.3) has exp(−t²/(8σ²)): the radius it gives carries a factor √8 that (71) drops. At the printed radius the cited theorem certifies nothing (failure probability ≥ 1).',
  ),
  'lemma-b.2/hoeffding-corrected': e(L`\nop{\bY(\bth(0)) - \Ys} \le \frac{1}{\sqrt p}\cdot\frac{2\nop{\bH}^2}{Z}\sqrt{8\log\frac{2d^2}{\delta}}\quad\text{w.p. } \ge 1 - \delta`),
  'figure-5/d-trend': e(
    L`\text{“rules out the existing belief that } d \to \infty \text{ alone can lead to a NTK-like behavior”}`,
    L`\mathbb{E}\Big[\frac{\nrm{\Ka(T) - \Ka(0)}_F}{\nrm{\Ka(0)}_F}\Big] \sim C d^{s}:\quad s \ge 0 \text{ unless the 99.9\% interval of } s \text{ lies below } 0`,
  ),
  'figure-6/smallest-near-minima': e(
    L`\text{“the smallest convergence rates for training QNNs are obtained near the global minima”}`,
    L`\Pr\Big[\lmin(\Ka(T)) \le (1 + 10^{-3})\min_t \lmin(\Ka(t))\Big] > \tfrac12\quad (99\%\text{ lower bound})`,
  ),
  'figure-1/rate-band': e(
    L`L(t) \approx \frac{1}{(c_0 + ct)^2} \implies q = \frac{-d\ln L/dt}{\sqrt L} = 2c`,
    L`\frac{\max q}{\min q} \le 10 \text{ over the tenths } 2..10 \text{ of the } 10^4 \text{ iterations, on every curve}`,
    'q falls by a median 10× at p = 20 (100–1000× at p = 10, where L stalls), so the rate vanishes faster than √L: the flattening is at least partly a slow-down beyond the sublinear law, consistent with theorem 3.2 as an upper bound but not evidence of its 1/t² form.',
  ),
  // Routes: the fast implementations behind the figures and claims, against their dense definitions.
  'appendix-d/protocol': e(
    L`\mathrm{lr} = \frac{10^{-3}}{p},\ 10^4 \text{ epochs},\ \eta_{\text{flow}} = \mathrm{lr}`,
    L`-\ln\frac{L(1)}{L(0)} = \mathrm{lr}\,\frac{\nrm{\nabla L(0)}^2}{L(0)} + O(\mathrm{lr}^2),\quad \text{slope (figure 2)} = \frac{2\,\mathrm{lr}\,p}{m}`,
  ),
  'section-4/route-k-asym': e(L`(\Ka)_{ij} = \tr\big(i[\bM, \brho_i]\, i[\bM, \brho_j]\big)\ \text{(fast route} = \text{dense products)} \tag{7}`),
  'section-4/route-asymptotic-rhs': e(L`\frac{d\bM}{dt} = \sum_j r_j[\bM, [\bM, \brho_j]],\ r_j = y_j - \tr(\brho_j\bM)\ \text{(fast route} = \text{dense double commutator)} \tag{10}`),
  'lemma-3.1/route-compiled-gradient': e(L`L(\bth) = \frac{1}{2m}\sum_j\big(\tr(\brho_j\bU\dg(\bth)\bM_0\bU(\bth)) - y_j\big)^2,\quad \nabla L \text{ (compiled)} = \text{central differences of the dense } L`),
  'section-4/route-low-rank-exp': e(L`\exp(\bX\bV\dg - \bV\bX\dg)\ \text{(low rank)} = \exp(F) \text{ by the dense eigendecomposition},\quad E\bM E\dg \text{ likewise}`),
  'lemma-4.1/route-k-pert': e(L`(\Kp)_{ij} = \frac{1}{pZ}\sum_l\tr(\bA_i\bH_l)\tr(\bA_j\bH_l) - \tr(\bA_i\bA_j) + \frac{\tr\bA_i\tr\bA_j}{d} = \tr\big((\bA_i\otimes\bA_j)(\bY - \Ys)\big) \tag{8, 67}`),
  'appendix-d/dopri5-order': e(L`\nrm{y_n(T) - e^{AT}y(0)} \sim C h^{q},\ h = T/n:\quad q \in [4.6, 5.4]`),
  'appendix-d/dopri5-error-control': e(L`\frac{\nrm{y(T) - e^{AT}y(0)}}{\nrm{e^{AT}y(0)}} \le \text{tolerance rule},\ \text{at least one step rejected from } h_0 = T`),
  'section-4/cf4-order': e(L`\nrm{\bM_n(T) - \bM_{512}(T)} \sim C h^{q},\ h = T/n:\quad q \in [3.6, 4.6] \tag{10}`),
};
