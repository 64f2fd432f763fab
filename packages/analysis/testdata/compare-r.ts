/**
 * Prints how a report's results.json agrees with R's recomputation (testdata/check-r.R):
 *
 *   node packages/cli/bin/run-ts.mjs packages/analysis/testdata/compare-r.ts REPORT_DIR R_OUT.json
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StudyResults } from '../src/index.js';
import { compareWithR } from '../src/testing/r-compare.js';

const [dir, rFile] = process.argv.slice(2);
if (!dir || !rFile) throw new Error('usage: compare-r.ts REPORT_DIR R_OUT.json');
const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as StudyResults;
const r = JSON.parse(readFileSync(rFile, 'utf8')) as Record<string, Record<string, unknown>>;
const rows = compareWithR(results, r);
const bad = rows.filter((x) => !x.ok);
for (const b of bad) process.stdout.write(`DIFFERS ${b.id} ${b.field}: ours ${b.ours} R ${b.r}\n`);
const errors = Object.entries(r).filter(([, v]) => 'error' in v);
for (const [id, v] of errors) process.stdout.write(`R could not run ${id}: ${String(v.error)}\n`);
process.stdout.write(`${rows.length - bad.length}/${rows.length} numbers agree with R over ${new Set(rows.map((x) => x.id)).size} analyses\n`);
