/**
 * `@cmr-mass/stats/spec`: the narrow entry point of the `cmr-mass stats` command (the spec runner and
 * the two error types), so the command loads only the engine one spec needs.
 */
export { StatsComputationError, StatsInputError } from '../errors.js';
export { ANALYSES, runStatsSpecLazy } from './run-spec-lazy.js';
export type { SpecOutput } from './run-spec-lazy.js';
