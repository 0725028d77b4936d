/** Covers summarise in src/report/report.ts: verdict counts, verified claims split by strength, unexpected ids. */
import { describe, expect, it } from 'vitest';
import type { ClaimResult } from '../../src/claims/types.ts';
import { summarise } from '../../src/report/report.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { buildReport } from '../../src/report/report.ts';

function result(id: string, over: Partial<ClaimResult>): ClaimResult {
  return {
    id, title: id, ref: { label: 'toy', section: '0', equations: [] }, statement: 's', kind: 'inequality',
    strength: 'substantive', strengthReason: 'toy reason', expectation: 'holds', toleranceRule: 't', verdict: 'verified',
    runs: 1, seed: 1, worstSlack: 0, largestResidual: null, ranges: {}, timeMs: 0, ...over,
  };
}

describe('summarise', () => {
  const rs = [
    result('lemma-0.1', {}),
    result('lemma-0.2', { strength: 'consistency' }),
    result('lemma-0.3', { strength: 'consistency' }),
    result('figure-0', { expectation: 'not-reproduced', verdict: 'not-reproduced', protocolGap: 'grid not printed' }),
    result('figure-0/x', { expectation: 'not-reproduced', verdict: 'inconclusive' }),
    result('lemma-0.4', { verdict: 'violated' }),
  ];
  it('counts each verdict and splits verified claims into substantive and consistency', () => {
    const s = summarise(rs);
    expect(s).toMatchObject({ total: 6, verified: 3, verifiedSubstantive: 1, verifiedConsistency: 2, 'not-reproduced': 1, inconclusive: 1, violated: 1, expected: 4 });
    expect(s.unexpected).toEqual(['figure-0/x', 'lemma-0.4']);
  });
  it('the Markdown summary line carries the split and the protocol gap', () => {
    const md = renderMarkdown(buildReport(rs, { seed: 1, budget: 'quick', generatedAt: 'now' }));
    expect(md).toContain('3 verified (1 substantive, 2 consistency checks of the simulator)');
    expect(md).toContain('1 not reproduced');
    expect(md).toContain('what would settle it: grid not printed');
  });
  it('escapes pipes in table cells and lists the parts of a composite check', () => {
    const md = renderMarkdown(buildReport([result('lemma-0.5', {
      title: 'a bound on |tr(X)|', parts: [{ name: '|yhat| < 1', ok: true, slack: 0.5 }, { name: '(35)', ok: true, slack: 0.25, tightness: 0.75 }],
    })], { seed: 1, budget: 'quick', generatedAt: 'now' }));
    expect(md).toContain('a bound on \\|tr(X)\\|');
    expect(md).not.toMatch(/\| a bound on \|tr/);
    expect(md).toContain('- parts (of the run whose details are shown): |yhat| < 1: slack 0.5; (35): slack 0.25, tightness 0.75');
  });
});
