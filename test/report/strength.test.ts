/**
 * Covers src/report/strength.ts's searched-tightness cell (the number when the search ran, otherwise the reason it did not;
 * the markdown table and the page show the same words) and the line of a composite outcome's parts.
 */
import { describe, expect, it } from 'vitest';
import { fmt } from '../../src/report/markdown.ts';
import { PARTS_SHOWN, partsText, searchedText } from '../../src/report/strength.ts';

describe('searchedText', () => {
  it('shows the searched value, or why there is none', () => {
    expect(searchedText({ random: 0.5, searched: 0.75 }, fmt)).toBe('0.75');
    expect(searchedText({ random: 1.5, searched: null, searchSkipped: 'refuted' }, fmt)).toBe('refuted');
    expect(searchedText({ random: 0.5, searched: null, searchSkipped: 'no-space' }, fmt)).toBe('no search');
    expect(searchedText({ random: 0.5, searched: null, searchSkipped: 'no-start' }, fmt)).toBe('no start');
    expect(searchedText({ random: 0.5, searched: null, searchSkipped: 'off' }, fmt)).toBe('off');
    expect(searchedText({ random: 0.5, searched: null }, fmt)).toBe(fmt(null));
  });
});

describe('partsText', () => {
  it('lists every part in order with its slack, tightness and failure', () => {
    expect(partsText([{ name: '(35)', ok: true, slack: 0.5, tightness: 0.5 }, { name: '(38)', ok: false, slack: -1 }], fmt))
      .toBe('(35): slack 0.5, tightness 0.5; (38): fails, slack -1');
  });
  it('beyond the cap shows the hardest parts in their order and counts the rest', () => {
    const parts: { name: string; ok: boolean; slack: number; tightness?: number }[] =
      Array.from({ length: PARTS_SHOWN + 3 }, (_, k) => ({ name: `t${k}`, ok: true, slack: 1 - k / 100, tightness: k / 100 }));
    parts[0] = { name: 't0', ok: false, slack: -2 }; // a failing part is always shown
    const text = partsText(parts, fmt);
    expect(text.startsWith('t0: fails, slack -2; t4: ')).toBe(true); // t1..t3 are the easiest
    expect(text).toContain(`t${PARTS_SHOWN + 2}: `);
    expect(text).not.toContain('t3: ');
    expect(text.endsWith(`and 3 more (the hardest ${PARTS_SHOWN} shown; the JSON lists all)`)).toBe(true);
  });
});
