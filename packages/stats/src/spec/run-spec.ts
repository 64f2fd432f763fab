import { dispatchSpec } from './run-spec-lazy.js';
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

export { ANALYSES } from './run-spec-lazy.js';

/**
 * Runs one `cmr-mass stats` spec (already parsed from JSON): validates it, computes, and returns the
 * result object in the reference fixtures' schema plus R's warnings.
 * @throws StatsInputError for an invalid spec (its `field` is the offending path).
 * @throws StatsComputationError when the analysis cannot be computed.
 */
export function runStatsSpec(spec: unknown): SpecOutput {
  const { reader, analysis } = dispatchSpec(spec);
  return RUNNERS[analysis]!(reader);
}
