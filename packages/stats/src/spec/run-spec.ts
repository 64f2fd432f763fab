import { StatsInputError } from '../errors.js';
import { isJsonObject, jsonType } from './json.js';
import { SpecReader } from './reader.js';
import { runCohenKappa, runDiagnostic2x2 } from './analyses/tables.js';
import { runKaplanMeier, runLogrank } from './analyses/survival.js';
import { runRoc, runRocTest } from './analyses/roc.js';
import { runLogisticGlm } from './analyses/logistic-glm.js';
import { runCoxPh } from './analyses/coxph.js';
import { runCompetingRisks } from './analyses/competing-risks.js';
import type { AnalysisRunner, SpecOutput } from './analyses/types.js';

export type { SpecOutput } from './analyses/types.js';

/** The analyses of the `cmr-mass stats` contract (stats-cli.md §3) and their runners. */
const RUNNERS: Readonly<Record<string, AnalysisRunner>> = {
  kaplan_meier: runKaplanMeier,
  logrank: runLogrank,
  roc: runRoc,
  roc_test: runRocTest,
  logistic_glm: runLogisticGlm,
  coxph: runCoxPh,
  competing_risks: runCompetingRisks,
  diagnostic_2x2: runDiagnostic2x2,
  cohen_kappa: runCohenKappa,
};

/** Names of the analyses a spec may ask for. */
export const ANALYSES: readonly string[] = Object.keys(RUNNERS);

/**
 * Runs one `cmr-mass stats` spec (already parsed from JSON): validates it, computes, and returns the
 * result object in the reference fixtures' schema plus R's warnings.
 * @throws StatsInputError for an invalid spec (its `field` is the offending path).
 * @throws StatsComputationError when the analysis cannot be computed.
 */
export function runStatsSpec(spec: unknown): SpecOutput {
  if (!isJsonObject(spec)) {
    throw new StatsInputError('', `the spec must be a JSON object, not ${jsonType(spec)}`);
  }
  const reader = new SpecReader(spec);
  const analysis = reader.string('analysis');
  const runner = RUNNERS[analysis];
  if (!runner) {
    throw new StatsInputError('analysis', `unknown analysis '${analysis}' (one of: ${ANALYSES.join(', ')})`);
  }
  return runner(reader);
}
