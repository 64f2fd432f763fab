import type { SpecReader } from '../reader.js';

/** What running one spec produces: the result object (fixture schema) and R's warnings. */
export interface SpecOutput {
  readonly result: Readonly<Record<string, unknown>>;
  readonly warnings: readonly string[];
}

/** Parses one analysis' keys, runs the engine, formats the result. */
export type AnalysisRunner = (spec: SpecReader) => SpecOutput;

/** Keys every spec may carry (stats-cli.md §2). */
export const COMMON_KEYS = ['analysis', 'data', 'factors'] as const;
