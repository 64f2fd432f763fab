import { StatsInputError } from '../errors.js';
import { isJsonObject, jsonType } from './json.js';
import { SpecReader } from './reader.js';
import type { AnalysisRunner, SpecOutput } from './analyses/types.js';

export type { SpecOutput } from './analyses/types.js';

/**
 * Each analysis' runner, loaded on demand: a command-line call then loads only the engine it needs,
 * which keeps the start-up of `cmr-mass stats` short.
 */
const LOADERS: Readonly<Record<string, () => Promise<AnalysisRunner>>> = {
  kaplan_meier: async () => (await import('./analyses/survival.js')).runKaplanMeier,
  logrank: async () => (await import('./analyses/survival.js')).runLogrank,
  roc: async () => (await import('./analyses/roc.js')).runRoc,
  roc_test: async () => (await import('./analyses/roc.js')).runRocTest,
  logistic_glm: async () => (await import('./analyses/logistic-glm.js')).runLogisticGlm,
  coxph: async () => (await import('./analyses/coxph.js')).runCoxPh,
  competing_risks: async () => (await import('./analyses/competing-risks.js')).runCompetingRisks,
  diagnostic_2x2: async () => (await import('./analyses/tables.js')).runDiagnostic2x2,
  cohen_kappa: async () => (await import('./analyses/tables.js')).runCohenKappa,
};

/** Names of the analyses a spec may ask for (stats-cli.md §3). */
export const ANALYSES: readonly string[] = Object.keys(LOADERS);

/** Checks the spec is an object naming a known analysis; returns its reader and the analysis. */
export function dispatchSpec(spec: unknown): { reader: SpecReader; analysis: string } {
  if (!isJsonObject(spec)) {
    throw new StatsInputError('', `the spec must be a JSON object, not ${jsonType(spec)}`);
  }
  const reader = new SpecReader(spec);
  const analysis = reader.string('analysis');
  if (!Object.hasOwn(LOADERS, analysis)) {
    throw new StatsInputError('analysis', `unknown analysis '${analysis}' (one of: ${ANALYSES.join(', ')})`);
  }
  return { reader, analysis };
}

/**
 * Runs one `cmr-mass stats` spec like {@link runStatsSpec}, loading only the engine the analysis
 * needs (what the command line uses).
 * @throws StatsInputError for an invalid spec (its `field` is the offending path).
 * @throws StatsComputationError when the analysis cannot be computed.
 */
export async function runStatsSpecLazy(spec: unknown): Promise<SpecOutput> {
  const { reader, analysis } = dispatchSpec(spec);
  const runner = await LOADERS[analysis]!();
  return runner(reader);
}
