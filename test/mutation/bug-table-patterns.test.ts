/**
 * The hand-made bugs of scripts/bug-table.ts are text edits of the simulator: each edit's pattern must occur
 * exactly once in the current tree, or the bug table would silently test a bug that no longer exists (a
 * refactor of phases() in compiled.ts once left the fast-route phase-sign bug pointing at removed lines).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bugs } from '../../scripts/bug-table.ts';

describe('bug table edits', () => {
  for (const bug of bugs) {
    it(`${bug.id}: every pattern occurs exactly once`, () => {
      for (const e of bug.edits) {
        const src = readFileSync(new URL(`../../${e.file}`, import.meta.url), 'utf8');
        expect(src.split(e.from).length - 1, `${e.file}: ${e.from}`).toBe(1);
      }
    });
  }
});
