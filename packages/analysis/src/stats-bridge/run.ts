import { ANALYSES, runStatsSpec, StatsComputationError, StatsInputError } from '@cmr-mass/stats';
import type { AnalysisHead, AnalysisRecord } from './record.js';

/** A cell of a prepared row: a number, a code, or null (R's NA). */
export type Cell = number | string | null;

/** A row as the stats engine receives it: column name (R's term text) to value. */
export type SpecRow = Readonly<Record<string, Cell>>;

/**
 * A `@cmr-mass/stats` spec (stats-cli.md §2-3): the analysis, its rows and factors, and its own keys.
 * Every statistic of the report goes through this one door, the contract the engine is checked
 * against R with.
 */
export interface StatsSpec {
  readonly analysis: string;
  readonly data?: readonly SpecRow[];
  readonly factors?: Readonly<Record<string, readonly string[]>>;
  readonly [key: string]: unknown;
}

/** Rows prepared for an analysis: the complete cases, and how many were left out. */
export interface Prepared {
  readonly rows: readonly SpecRow[];
  /** Rows that met the filter. */
  readonly population: number;
  /** Rows used (complete in every column). */
  readonly n: number;
  /** Rows that met the filter but had a missing value. */
  readonly n_missing: number;
}

/**
 * Keeps the rows that meet `filter`, computes the columns an analysis uses (named with R's term text,
 * e.g. `I(size_max_mm/10)`), and drops rows with a missing value in any of them: R's `na.omit`,
 * done here so that `n` is known before the engine runs.
 */
export function prepare<Row>(
  rows: readonly Row[],
  filter: (row: Row) => boolean,
  columns: Readonly<Record<string, (row: Row) => Cell>>
): Prepared {
  const names = Object.keys(columns);
  const getters = names.map((k) => columns[k]!);
  const out: SpecRow[] = [];
  let population = 0;
  for (const row of rows) {
    if (!filter(row)) continue;
    population++;
    const r: Record<string, Cell> = {};
    let complete = true;
    for (let i = 0; i < names.length; i++) {
      const v = getters[i]!(row);
      if (v === null || (typeof v === 'number' && !Number.isFinite(v))) {
        complete = false;
        break;
      }
      r[names[i]!] = v;
    }
    if (complete) out.push(r);
  }
  return { rows: out, population, n: out.length, n_missing: population - out.length };
}

/** True when the installed `@cmr-mass/stats` runs this analysis (its API lands progressively). */
export function statsOffers(analysis: string): boolean {
  return ANALYSES.includes(analysis);
}

/** The spec without its rows, as results.json records it. */
export function specWithoutData(spec: StatsSpec): Readonly<Record<string, unknown>> {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) if (k !== 'data') rest[k] = v;
  return rest;
}

/**
 * Runs one spec through `@cmr-mass/stats` and records it. An analysis the engine does not offer yet
 * becomes `pending_stats`; one the data do not allow (`StatsComputationError`) becomes
 * `not_computed` with the engine's reason. A spec the engine rejects as invalid is a bug of this
 * package and is thrown.
 */
export function runStats<R>(
  head: AnalysisHead,
  spec: StatsSpec,
  counts: { readonly n: number; readonly n_missing: number; readonly events: number | null }
): AnalysisRecord<R> {
  const base = { ...head, ...counts, spec: specWithoutData(spec) };
  if (!statsOffers(spec.analysis)) {
    return {
      ...base,
      status: 'pending_stats',
      message: `@cmr-mass/stats does not offer '${spec.analysis}' yet`,
      warnings: [],
      result: null,
    };
  }
  if (spec.data !== undefined && spec.data.length === 0) {
    return {
      ...base,
      status: 'not_computed',
      message: 'no participant meets the filter with complete data',
      warnings: [],
      result: null,
    };
  }
  try {
    const out = runStatsSpec(spec);
    return {
      ...base,
      status: 'ok',
      message: null,
      warnings: [...out.warnings],
      result: out.result as unknown as R,
    };
  } catch (error) {
    if (error instanceof StatsComputationError) {
      return { ...base, status: 'not_computed', message: error.message, warnings: [], result: null };
    }
    if (error instanceof StatsInputError) {
      throw new Error(
        `analysis ${head.id}: the stats engine rejected its spec at '${error.field}': ${error.message}`
      );
    }
    throw error;
  }
}
