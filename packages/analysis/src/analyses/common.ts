import { clopperPearson } from '@cmr-mass/stats';
import type { ReportParticipantRow } from '../dataset/dataset.js';

/** A subset of the analysis dataset, in words, in R, and as a predicate. */
export interface RowFilter<Row = ReportParticipantRow> {
  /** For a reader of the report, e.g. "participants with a reference mass and a blinded CMR reading". */
  readonly words: string;
  /** The same subset as an R logical expression over the columns of `d`. */
  readonly r: string;
  readonly test: (row: Row) => boolean;
}

/** A proportion x/n with its exact (Clopper-Pearson) 95 % interval, R's `binom.test(x, n)$conf.int`. */
export interface Proportion {
  readonly x: number;
  readonly n: number;
  /** x/n, or null when n = 0. */
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** x/n with the Clopper-Pearson interval of `@cmr-mass/stats` (null limits when n = 0). */
export function proportion(x: number, n: number): Proportion {
  if (n === 0) return { x, n, estimate: null, lower: null, upper: null };
  const [lower, upper] = clopperPearson(x, n, 0.95);
  return { x, n, estimate: x / n, lower, upper };
}

/** Counts rows by a key, in the order the keys are given (keys not listed are ignored). */
export function countBy<Row>(
  rows: readonly Row[],
  key: (row: Row) => string | null,
  keys: readonly string[]
): number[] {
  const index = new Map(keys.map((k, i) => [k, i]));
  const counts = keys.map(() => 0);
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const i = index.get(k);
    if (i !== undefined) counts[i]!++;
  }
  return counts;
}

/** The rows meeting a filter. */
export function subset<Row>(rows: readonly Row[], filter: RowFilter<Row>): Row[] {
  return rows.filter(filter.test);
}

/** R's `subset(d, <filter>)` as a line of R code. */
export function rSubset(filter: RowFilter<never>, name = 's', from = 'd'): string {
  return `${name} <- subset(${from}, ${filter.r})`;
}

/** `!is.na(a) & !is.na(b)`: the R test that every column is present. */
export function rComplete(columns: readonly string[]): string {
  return columns.map((c) => `!is.na(${c})`).join(' & ');
}
