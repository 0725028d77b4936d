/**
 * The paper's text for the coverage tests: read from ../shared/paper/ beside the repository root (resolved from this
 * file's location), and the extraction's equation numbers and statement labels. A missing file throws: the tests that
 * need it fail, they never skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PAPER_PATH = join(ROOT, '..', 'shared', 'paper', '000_931aee55e4a0bc1b.txt');

/** The paper's text; throws (failing every test that needs it) when the file is absent. */
export function paperText(): string {
  if (!existsSync(PAPER_PATH)) {
    throw new Error(`coverage: the paper's text is missing at ${PAPER_PATH} (expected ../shared/paper/000_931aee55e4a0bc1b.txt from the repository root)`);
  }
  return readFileSync(PAPER_PATH, 'utf8');
}

/** Equation numbers as the extraction prints them: \tag{N}, "$$ (N)", "\quad (N)$$", or "(N)" alone on a line. */
export function equationNumbers(text: string): Set<number> {
  const found = new Set<number>();
  for (const re of [/\\tag\{(\d+)\}/g, /\$\$\s*\((\d+)\)/g, /^\s*\((\d+)\)\s*$/gm, /\\quad\s*\((\d+)\)\s*\$\$/g]) {
    for (const m of text.matchAll(re)) found.add(Number(m[1]));
  }
  return found;
}

/** Labelled statements: **Definition/Lemma/Theorem/Corollary X.Y**, "Claim N (" and figure captions "Figure N.". */
export function statementLabels(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/\*\*(Definition|Lemma|Theorem|Corollary) ([A-Z0-9]+\.[0-9]+)\.?\*\*/g)) found.add(`${m[1]} ${m[2]}`);
  for (const m of text.matchAll(/(?:^|\s)Claim (\d+) \(/gm)) found.add(`Claim ${m[1]}`);
  for (const m of text.matchAll(/^Figure (\d+)\. /gm)) found.add(`Figure ${m[1]}`);
  return found;
}

