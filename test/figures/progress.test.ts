/** Covers src/figures/progress.ts: a redrawn bar on a terminal, periodic plain lines otherwise. */
import { describe, expect, it } from 'vitest';
import { fmtDuration, Progress } from '../../src/figures/progress.ts';

describe('progress', () => {
  it('redraws one line with a bar on a TTY and ends it with a summary', () => {
    let out = '';
    const p = new Progress('figure 1 gd', { isTTY: true, write: (s) => { out += s; }, columns: 100 });
    p.update(5, 10, 1, 4);
    expect(out).toMatch(/^\r\x1b\[2Kfigure 1 gd \[#+\.+\]  50% 1\/4 tasks/);
    p.done('4 tasks in 3s');
    expect(out.endsWith('\r\x1b[2Kfigure 1 gd: 4 tasks in 3s\n')).toBe(true);
  });

  it('writes plain lines at most every lineEveryMs when not a TTY', () => {
    const lines: string[] = [];
    const p = new Progress('figure 3 asym', { isTTY: false, write: (s) => { lines.push(s); } }, 60_000);
    p.update(1, 10, 0, 10);
    p.update(2, 10, 1, 10);
    expect(lines.length).toBe(1);
    expect(lines[0]).toMatch(/^figure 3 asym:  10% 0\/10 tasks, 0s elapsed(, ~0s left)?\n$/);
    p.done('10 tasks in 1s');
    expect(lines[1]).toBe('figure 3 asym: 10 tasks in 1s\n');
    expect(lines.join('')).not.toContain('\r');
  });

  it('formats durations', () => {
    expect(fmtDuration(4_400)).toBe('4s');
    expect(fmtDuration(125_000)).toBe('2m05s');
    expect(fmtDuration(3_725_000)).toBe('1h02m');
  });
});
