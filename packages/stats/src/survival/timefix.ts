import { accurateSum } from '../math/accurate-sum.js';
import { stableOrder } from '../math/order.js';
import { toFloat64 } from '../math/arrays.js';

/** Tolerance under which two times are the same time: √(machine epsilon), as R's `all.equal`. */
export const TIME_TIE_TOLERANCE = Math.sqrt(2.220446049250313e-16);

/** Times after merging near-ties, with their stable ascending order. */
export interface MergedTimes {
  readonly time: Float64Array;
  /** Stable ascending order of `time` (R's `order(time)`). */
  readonly order: Uint32Array;
}

/**
 * Merges times that differ only by floating-point noise, as R survival's `aeqSurv` (the `timefix`
 * option of `survfit`, `survdiff` and `coxph`): among the sorted distinct times, a gap of at most
 * √ε absolutely, or relative to the mean absolute distinct time, ties a time to the one before it, and
 * every time is replaced by the first time of its chain. Also returns the sorted order, which callers
 * need anyway (one sort serves both).
 *
 * See: T. Therneau, "Roundoff error and tied times", vignette of the R survival package.
 */
export function mergeNearTiesSorted(input: ArrayLike<number>): MergedTimes {
  const time = toFloat64(input);
  const order = stableOrder(time);
  const n = time.length;
  // distinct finite values in ascending order
  const unique = new Float64Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const v = time[order[k]!]!;
    if (!Number.isFinite(v)) continue;
    if (m === 0 || unique[m - 1] !== v) unique[m++] = v;
  }
  if (m < 2) return { time, order };
  const abs = new Float64Array(m);
  for (let i = 0; i < m; i++) abs[i] = Math.abs(unique[i]!);
  const meanAbs = accurateSum(abs) / m;
  const tiedGap = (i: number): boolean => {
    const dy = unique[i]! - unique[i - 1]!;
    return dy <= TIME_TIE_TOLERANCE || dy / meanAbs <= TIME_TIE_TOLERANCE;
  };
  let anyTied = false;
  for (let i = 1; i < m && !anyTied; i++) anyTied = tiedGap(i);
  if (!anyTied) return { time, order };
  // replace every time by the first value of its chain of near-ties
  const cutOf = new Float64Array(m);
  cutOf[0] = unique[0]!;
  for (let i = 1; i < m; i++) cutOf[i] = tiedGap(i) ? cutOf[i - 1]! : unique[i]!;
  const merged = toFloat64(time);
  let u = -1;
  let prev = NaN;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const v = time[i]!;
    if (!Number.isFinite(v)) continue;
    if (v !== prev) {
      u++;
      prev = v;
    }
    merged[i] = cutOf[u]!;
  }
  // ties created by merging are ordered by index, as R's order() would
  return { time: merged, order: stableOrder(merged) };
}

/** {@link mergeNearTiesSorted} without the order. */
export function mergeNearTies(time: ArrayLike<number>): Float64Array {
  return mergeNearTiesSorted(time).time;
}
