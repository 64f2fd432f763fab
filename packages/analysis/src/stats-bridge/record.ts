/**
 * How every statistical analysis is recorded in results.json: what it was computed on (filter, n,
 * events), how (method, the `@cmr-mass/stats` spec, the R code that reproduces it) and what came out.
 */

/**
 * - `ok`: computed;
 * - `not_computed`: the data do not allow it (too few rows, one group, no events...), with the reason;
 * - `pending_stats`: `@cmr-mass/stats` does not offer this analysis yet (the report still runs);
 * - `not_available`: an input the analysis needs is missing (e.g. decision support not wired).
 */
export type AnalysisStatus = 'ok' | 'not_computed' | 'pending_stats' | 'not_available';

/** One statistical analysis of the report. */
export interface AnalysisRecord<R> {
  /** Stable identifier, e.g. `q1.accuracy.neoplastic` (also the name of its CSV table, if any). */
  readonly id: string;
  readonly title: string;
  /** The method in words, naming the estimator and the interval. */
  readonly method: string;
  readonly status: AnalysisStatus;
  /** Why it was not computed, or the engine's message. */
  readonly message: string | null;
  /** Which rows of the analysis dataset, in words (before removing incomplete rows). */
  readonly filter: string;
  /** Rows used: those meeting the filter and complete in every variable used. */
  readonly n: number;
  /** Rows meeting the filter but left out for a missing value (complete-case analysis). */
  readonly n_missing: number;
  /** Events among the rows used (time-to-event and binary outcomes), else null. */
  readonly events: number | null;
  /** R code that reproduces the result from `d` (see results.json `r_setup`). */
  readonly r_code: string;
  /** The `@cmr-mass/stats` spec that computed it, without its `data`. */
  readonly spec: Readonly<Record<string, unknown>> | null;
  /** Warnings of the engine (those R would print). */
  readonly warnings: readonly string[];
  readonly result: R | null;
}

/** The description of an analysis, before it is run. */
export interface AnalysisHead {
  readonly id: string;
  readonly title: string;
  readonly method: string;
  readonly filter: string;
  readonly r_code: string;
}

/** A record of an analysis that could not run, with the reason. */
export function notRun<R>(
  head: AnalysisHead,
  status: Exclude<AnalysisStatus, 'ok'>,
  message: string,
  counts: { n?: number; n_missing?: number; events?: number | null } = {}
): AnalysisRecord<R> {
  return {
    ...head,
    status,
    message,
    n: counts.n ?? 0,
    n_missing: counts.n_missing ?? 0,
    events: counts.events ?? null,
    spec: null,
    warnings: [],
    result: null,
  };
}
