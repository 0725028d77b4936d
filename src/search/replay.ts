/**
 * Replay of a searched instance: read it from a report (`tightness.instance` or a search counterexample's
 * `instance` of the named claim) or from an instance file `{ claim?, params, x }`, and re-evaluate the
 * claim's invariant on exactly that decoded instance.
 */
import { readFileSync } from 'node:fs';
import type { AnyClaim, CheckOutcome, SearchedInstance } from '../claims/types.ts';
import { QnnInputError } from '../errors.ts';
import { evaluateSearched } from './targeted.ts';
import { serialiseInstance } from '../io/instance-json.ts';

function isInstance(v: unknown): v is SearchedInstance {
  const o = v as SearchedInstance;
  return !!o && typeof o === 'object' && !!o.params && typeof o.params === 'object' && Array.isArray(o.x) && o.x.every((e) => typeof e === 'number' && Number.isFinite(e));
}

/** The searched instance of claim `id` in a report or instance file (JSON text). */
export function parseSearchedInstance(text: string, id: string, file = 'FILE'): SearchedInstance {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new QnnInputError('replay', '--instance', `must be a JSON file (${file}: ${(e as Error).message})`);
  }
  const j = json as { results?: { id: string; counterexample?: { instance?: unknown }; tightness?: { instance?: unknown } }[]; claim?: string };
  if (Array.isArray(j.results)) {
    const r = j.results.find((x) => x.id === id);
    if (!r) throw new QnnInputError('replay', '--instance', `report ${file} has no result for '${id}'`);
    const inst = r.counterexample?.instance ?? r.tightness?.instance;
    if (!isInstance(inst)) throw new QnnInputError('replay', '--instance', `report ${file} holds no searched instance of '${id}'`);
    return inst;
  }
  if (!isInstance(json)) throw new QnnInputError('replay', '--instance', `must hold { params, x } with finite x, or a report (${file})`);
  if (j.claim !== undefined && j.claim !== id) throw new QnnInputError('replay', '--instance', `is an instance of '${j.claim}', not '${id}'`);
  return json;
}

export function loadSearchedInstance(file: string, id: string): SearchedInstance {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new QnnInputError('replay', '--instance', `cannot be read (${(e as Error).message})`);
  }
  return parseSearchedInstance(text, id, file);
}

export interface SearchedReplay { id: string; ok: boolean; tightness: number | null; outcome: CheckOutcome; error?: string; instance: SearchedInstance }

export function replaySearched(claim: AnyClaim, inst: SearchedInstance): SearchedReplay {
  if (!claim.search) throw new QnnInputError('replay', '--claim', `'${claim.id}' has no search space (use --seed/--path)`);
  const { outcome, error } = evaluateSearched(claim, inst);
  return { id: claim.id, ok: outcome.ok && !error, tightness: outcome.tightness ?? null, outcome, error, instance: inst };
}

/** The decoded QNN instance and theta of a searched instance as `qnn-verify eval` JSON (claims about a QNN instance only). */
export function exportSearched(claim: AnyClaim, inst: SearchedInstance): string {
  const space = claim.search;
  if (!space?.qnn) throw new QnnInputError('replay', '--export', `'${claim.id}' is not about a QNN instance (its search space decodes no QNN)`);
  const { inst: q, theta } = space.qnn(space.decode(Float64Array.from(inst.x), inst.params));
  return serialiseInstance(q, theta);
}
