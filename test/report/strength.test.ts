/**
 * Covers src/report/strength.ts's searched-tightness cell: the number when the search ran, otherwise the reason it did not
 * (the markdown table and the page show the same words).
 */
import { describe, expect, it } from 'vitest';
import { fmt } from '../../src/report/markdown.ts';
import { searchedText } from '../../src/report/strength.ts';

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
