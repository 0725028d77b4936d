import { runClaim } from '../src/claims/runner.ts';
import { claims } from '../theorems/index.ts';
const skip = /^(theorem-4\.2|lemma-b\.2|lemma-b\.4|theorem-4\.4$|lemma-c\.2$|lemma-c\.2\/eq-112|theorem-4\.4\/lemma-c\.1-bound|figure-)/;
for (const c of claims) {
  if (c.kind === 'identity' || skip.test(c.id)) continue;
  if (process.argv[2] && !c.id.startsWith(process.argv[2])) continue;
  const r = runClaim(c, { budget: 'quick', search: process.argv[3] === 'search' });
  console.log(c.id.padEnd(36), r.verdict.padEnd(20), String(r.tightness?.random ?? '-').slice(0, 8).padEnd(9), String(r.tightness?.searched ?? '-').slice(0, 8).padEnd(9), c.tightnessRule ? 'rule' : 'NO-RULE', c.search ? 'search' : 'NO-SEARCH', r.timeMs);
}
