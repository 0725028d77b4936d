/**
 * LaTeX to MathML at build time (KaTeX, `output: 'mathml'`): the page carries no font files and
 * no script for the formulas, and every browser with MathML Core (Chromium >= 109, Firefox,
 * Safari) typesets them offline. A formula that fails to parse renders as its source in a
 * <code class="tex-error"> and is reported by the test of theorems/latex.ts, never silently.
 */
import katex from 'katex';
import { LATEX_MACROS } from '../../theorems/latex.ts';

const DOUBLE_STRUCK: Record<string, string> = { C: '\u2102', E: '\u{1D53C}', N: '\u2115', P: '\u2119', Q: '\u211A', R: '\u211D', Z: '\u2124' };

/**
 * MathML Core (Chromium) honours `mathvariant` only as "normal"; bold and sans-serif are set by the
 * page's style sheet, and double-struck letters (no CSS equivalent) become their Unicode characters.
 */
export function doubleStruck(mathml: string): string {
  return mathml.replace(/<mi mathvariant="double-struck">([A-Z])<\/mi>/g, (m, c: string) => (DOUBLE_STRUCK[c] ? `<mi mathvariant="normal">${DOUBLE_STRUCK[c]}</mi>` : m));
}

/**
 * KaTeX's MathML for \tag is an <mlabeledtr>, which MathML Core (Chromium) does not lay out and
 * whose table drops display style; the equation number is set beside the formula instead.
 */
export function renderTex(tex: string, display = true): string {
  const tag = /\\tag\{([^{}]*)\}/.exec(tex);
  const body = tag ? tex.replace(tag[0], '') : tex;
  const math = doubleStruck(katex.renderToString(body, { output: 'mathml', displayMode: display, throwOnError: true, macros: { ...LATEX_MACROS }, strict: 'ignore', trust: false }));
  return tag ? `<span class="eq">${math}<span class="eqtag">(${tag[1].replace(/--/g, '\u2013').replace(/&/g, '&amp;').replace(/</g, '&lt;')})</span></span>` : math;
}

/** As renderTex, but a parse error becomes the escaped source in a marked <code> (the page still builds). */
export function renderTexSafe(tex: string, display = true): string {
  try {
    return renderTex(tex, display);
  } catch (e) {
    const src = tex.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<code class="tex-error" title="${String((e as Error).message).replace(/"/g, '&quot;')}">${src}</code>`;
  }
}

/**
 * A fragment of the paper's text as its extraction prints it (theorems/errata.ts `printed`): text with
 * `$...$` math, or a bare LaTeX fragment, possibly cut inside a \left( ... \right) pair (closed here
 * with an invisible \right.). Inline; a fragment that still does not parse is shown as its source.
 */
export function renderPrinted(fragment: string): string {
  const escText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (fragment.includes('$')) {
    return fragment.split(/(\$[^$]*\$)/).map((part) => (/^\$[^$]*\$$/.test(part) ? renderTexSafe(part.slice(1, -1), false) : escText(part))).join('');
  }
  const open = (fragment.match(/\\left\b/g) ?? []).length - (fragment.match(/\\right\b/g) ?? []).length;
  return renderTexSafe(open > 0 ? `${fragment}${' \\right.'.repeat(open)}` : fragment, false);
}
