/**
 * Prints, for every R fixture case under a folder (default: testdata/r-fixtures), whether it agrees
 * with R under the acceptance rule, and the largest relative difference per analysis.
 * Run: node packages/cli/bin/run-ts.mjs packages/stats/bench/agreement.ts [FOLDER]
 */
import { runStatsSpec } from '../src/index.js';
import { compareWithR, toleranceFor } from '../test/compare-with-r.js';
import { FIXTURE_DIR, loadFixtureCases } from '../test/fixtures.js';

const dir = process.argv[2] ?? FIXTURE_DIR;
const worst = new Map<string, { rel: number; where: string; cases: number; agree: number }>();
for (const c of loadFixtureCases(dir)) {
  const entry = worst.get(c.analysis) ?? { rel: 0, where: '', cases: 0, agree: 0 };
  entry.cases++;
  try {
    const printed: unknown = JSON.parse(JSON.stringify(runStatsSpec(c.spec).result));
    const cmp = compareWithR(c.expected, printed, toleranceFor(c.analysis));
    if (cmp.mismatches.length === 0) entry.agree++;
    else {
      const m = cmp.mismatches[0]!;
      console.log(
        `DISAGREE ${c.id}: ${m.path} expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.actual)} (${m.why})`
      );
    }
    if (cmp.maxRelError > entry.rel) {
      entry.rel = cmp.maxRelError;
      entry.where = `${c.id}: ${cmp.maxRelErrorPath}`;
    }
  } catch (error) {
    console.log(`ERROR ${c.id}: ${error instanceof Error ? error.message : String(error)}`);
  }
  worst.set(c.analysis, entry);
}
console.log('analysis            agree   max relative difference (where)');
for (const [analysis, e] of [...worst.entries()].sort()) {
  console.log(
    `${analysis.padEnd(18)} ${`${e.agree}/${e.cases}`.padStart(6)}   ${e.rel.toExponential(2)}  (${e.where})`
  );
}
