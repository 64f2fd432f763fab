import { accurateSum } from '../math/accurate-sum.js';

/** Tolerance under which two times are the same time: √(machine epsilon), as R's `all.equal`. */
export const TIME_TIE_TOLERANCE = Math.sqrt(2.220446049250313e-16);

/**
 * Merges times that differ only by floating-point noise, as R survival's `aeqSurv` (the `timefix`
 * option of `survfit`, `survdiff` and `coxph`): among the sorted distinct times, a gap of at most
 * √ε absolutely, or relative to the mean absolute time, ties a time to the one before it, and every
 * time is replaced by the first time of its chain. Returns the input itself when nothing is tied.
 *
 * See: T. Therneau, "Roundoff error and tied times", vignette of the R survival package.
 */
export function mergeNearTies(time: Float64Array): Float64Array {
  const sorted = Float64Array.from(time).sort();
  const unique: number[] = [];
  for (const t of sorted) {
    if (!Number.isFinite(t)) continue;
    if (unique.length === 0 || unique[unique.length - 1] !== t) unique.push(t);
  }
  if (unique.length < 2) return time;
  const meanAbs = accurateSum(unique.map((t) => Math.abs(t))) / unique.length;
  const map = new Map<number, number>();
  let cut = unique[0]!;
  let anyTied = false;
  map.set(cut, cut);
  for (let i = 1; i < unique.length; i++) {
    const dy = unique[i]! - unique[i - 1]!;
    const tied = dy <= TIME_TIE_TOLERANCE || dy / meanAbs <= TIME_TIE_TOLERANCE;
    if (tied) anyTied = true;
    else cut = unique[i]!;
    map.set(unique[i]!, cut);
  }
  if (!anyTied) return time;
  return time.map((t) => map.get(t) ?? t);
}
