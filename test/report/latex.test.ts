/**
 * theorems/latex.ts against the registry: every claim's statement has its LaTeX (as printed, and
 * the checked form where it differs), every entry names a claim, every formula typesets with KaTeX,
 * and each printed formula that fails says in words how it differs from its correction.
 */
import { describe, expect, it } from 'vitest';
import { claims } from '../../theorems/index.ts';
import { CLAIM_LATEX } from '../../theorems/latex.ts';
import { renderTex, renderTexSafe } from '../../src/report/math.ts';

const ids = new Set(claims.map((c) => c.id));

describe('theorems/latex.ts', () => {
  it('has an entry for every claim of the registry', () => {
    expect(claims.filter((c) => !CLAIM_LATEX[c.id]).map((c) => c.id)).toEqual([]);
  });
  it('names only claims of the registry', () => {
    expect(Object.keys(CLAIM_LATEX).filter((id) => !ids.has(id))).toEqual([]);
  });
  it('typesets every formula to MathML with no parse error', () => {
    const bad: string[] = [];
    for (const [id, e] of Object.entries(CLAIM_LATEX)) {
      for (const [k, tex] of [['printed', e.printed], ['checked', e.checked]] as const) {
        if (tex === undefined) continue;
        try {
          const html = renderTex(tex);
          if (!html.includes('<math') || html.includes('katex-error')) bad.push(`${id}.${k}: no MathML`);
        } catch (err) {
          bad.push(`${id}.${k}: ${(err as Error).message}`);
        }
      }
      if (e.checked !== undefined) expect(e.checked, `${id}: checked equals printed`).not.toBe(e.printed);
    }
    expect(bad).toEqual([]);
  });
  it('explains, for each printed formula that fails, how it differs from its correction (and only for those)', () => {
    for (const c of claims) {
      const e = CLAIM_LATEX[c.id];
      if ((c.expectation as string) === 'not-reproduced') continue; // an experiment's disagreement may be described, or not
      if (c.expectation === 'fails-as-printed') {
        expect(e?.difference, c.id).toBeTruthy();
        expect(e!.difference!.length, c.id).toBeGreaterThan(40);
      } else expect(e?.difference, `${c.id} holds: a 'difference' belongs to a printed formula that fails`).toBeUndefined();
    }
  });
  it('writes the printed formula of each failing pair differently from the corrected one', () => {
    for (const c of claims.filter((x) => x.expectation === 'fails-as-printed' && x.correctedBy)) {
      const fix = CLAIM_LATEX[c.correctedBy!];
      expect(fix, c.correctedBy).toBeDefined();
      expect(CLAIM_LATEX[c.id].printed, c.id).not.toBe(fix.checked ?? fix.printed);
    }
  });
  it('renders a formula that does not parse as its escaped source, marked, instead of failing the page', () => {
    const html = renderTexSafe('\\frac{a}{');
    expect(html).toMatch(/^<code class="tex-error"/);
    expect(renderTexSafe('a < b')).toContain('<math');
    expect(() => renderTex('\\frac{a}{')).toThrow();
  });
});
