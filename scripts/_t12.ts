import { runClaim } from '../src/claims/runner.ts';
import { claimById } from '../theorems/index.ts';
const ids = process.argv.slice(2);
for (const id of ids) {
  const c = claimById(id)!;
  for (const budget of ['quick','default'] as const) {
    const r = runClaim(c, { budget });
    console.log(id, budget, r.verdict, r.runs, JSON.stringify({ ...r.tightness, instance: r.tightness?.instance ? `dim ${r.tightness.instance.x.length} ${JSON.stringify(r.tightness.instance.params)}` : undefined }), r.nonVacuousRuns, r.timeMs, 'ms');
  }
}
