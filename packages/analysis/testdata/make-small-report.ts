/**
 * Writes the report of the small hand-made cohort (src/testing/small-cohort.ts, toy decision support)
 * to a directory, for testdata/check-r.R:
 *
 *   node packages/cli/bin/run-ts.mjs packages/analysis/testdata/make-small-report.ts /tmp/small-report
 */
import { writeReport } from '../src/index.js';
import { smallSnapshot, TOY_DECISION } from '../src/testing/small-cohort.js';

const out = process.argv[2];
if (!out) throw new Error('usage: make-small-report.ts OUT_DIR');
await writeReport(smallSnapshot(), { outDir: out, decision: TOY_DECISION, now: () => '2024-01-01T00:00:00.000Z' });
process.stdout.write(`wrote ${out}\n`);
