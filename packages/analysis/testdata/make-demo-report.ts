/**
 * Writes the report of the synthetic demo cohort (`cmr-mass demo` defaults: 2,000 participants, seed
 * 1) computed straight from the generator, with core's decision support, to a directory:
 *
 *   node packages/cli/bin/run-ts.mjs packages/analysis/testdata/make-demo-report.ts OUT_DIR [N] [TODAY] [en|zh]
 */
import { generateCohort } from '@cmr-mass/synthetic';
import { coreDecisionSupport, writeReport } from '../src/index.js';
import { snapshotFromSynthetic } from '../src/testing/synthetic.js';

process.env.NODE_ENV = 'production';
const [out, n, today, lang] = process.argv.slice(2);
if (!out) throw new Error('usage: make-demo-report.ts OUT_DIR [N] [TODAY]');
const snapshot = snapshotFromSynthetic(generateCohort({ participants: Number(n ?? 2000), seed: 1, today: today ?? '2026-06-30' }));
await writeReport(snapshot, { outDir: out, lang: lang === 'zh' ? 'zh' : 'en', decision: coreDecisionSupport(), onProgress: (s) => process.stderr.write(`${s}\n`) });
process.stdout.write(`wrote ${out}\n`);
