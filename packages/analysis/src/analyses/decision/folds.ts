/**
 * Seeded, stratified fold assignment for cross-validation, and the calibration table by tenths of
 * predicted risk. Both are bookkeeping (which row goes where); the statistics themselves come from
 * `@cmr-mass/stats`.
 */
import { proportion, type Proportion } from '../common.js';

/**
 * Mulberry32, a small 32-bit pseudo-random generator: the same seed gives the same stream on every
 * platform. See: T. Ettinger, "Mulberry32" (public-domain reference implementation, 2017).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Assigns each row a fold 1..k, stratified by outcome: the cases and the non-cases are each shuffled
 * (Fisher-Yates with {@link mulberry32}) and dealt round-robin, so every fold has about the same
 * number of each. Returns the folds in the rows' order.
 */
export function stratifiedFolds(outcomes: readonly (0 | 1)[], k: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const folds = new Array<number>(outcomes.length).fill(0);
  let offset = 0;
  for (const level of [1, 0] as const) {
    const idx: number[] = [];
    outcomes.forEach((y, i) => {
      if (y === level) idx.push(i);
    });
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((row, pos) => {
      folds[row] = ((pos + offset) % k) + 1;
    });
    offset = (offset + idx.length) % k;
  }
  return folds;
}

/** One tenth of predicted risk. */
export interface CalibrationGroup {
  readonly group: number;
  readonly n: number;
  readonly predicted_min: number;
  readonly predicted_max: number;
  /** Mean predicted risk. */
  readonly predicted_mean: number;
  /** Observed proportion of events with its exact CI. */
  readonly observed: Proportion;
}

/**
 * Groups rows into tenths of predicted risk, R's `g <- ceiling(10 * rank(p, ties.method = "first") /
 * length(p))` (ties in file order), and gives each group's mean prediction and observed proportion.
 */
export function calibrationTable(
  predicted: readonly number[],
  outcomes: readonly (0 | 1)[],
  groups = 10
): CalibrationGroup[] {
  const n = predicted.length;
  const order = predicted.map((_, i) => i).sort((a, b) => predicted[a]! - predicted[b]! || a - b);
  const members: number[][] = Array.from({ length: groups }, () => []);
  order.forEach((row, rank0) => {
    const g = Math.ceil((groups * (rank0 + 1)) / n);
    members[g - 1]!.push(row);
  });
  return members
    .map((rows, i) => {
      if (rows.length === 0) return null;
      const ps = rows.map((r) => predicted[r]!);
      const events = rows.filter((r) => outcomes[r] === 1).length;
      return {
        group: i + 1,
        n: rows.length,
        predicted_min: ps.reduce((a, b) => Math.min(a, b)),
        predicted_max: ps.reduce((a, b) => Math.max(a, b)),
        predicted_mean: ps.reduce((a, b) => a + b, 0) / rows.length,
        observed: proportion(events, rows.length),
      };
    })
    .filter((g): g is CalibrationGroup => g !== null);
}
