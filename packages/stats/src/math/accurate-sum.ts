/**
 * Summation that rounds only once, to stand in for R's `sum()`, `rowSums()` and `cumsum()`, which
 * accumulate in 80-bit long double on x86. Neumaier's compensated sum (a refinement of Kahan's) gives
 * the correctly rounded result in all but pathological cases, so results that R gets exactly (a
 * probability table that sums to 1, a variance that cancels to 0) come out the same here.
 *
 * See: A. Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
 * ZAMM 54:39-51.
 */

/** Compensated sum of `values[start..end)`. Infinite or NaN terms give the IEEE result. */
export function accurateSum(values: ArrayLike<number>, start = 0, end = values.length): number {
  let s = 0;
  let c = 0;
  for (let i = start; i < end; i++) {
    const x = values[i]!;
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
    else c += x - t + s;
    s = t;
  }
  return Number.isFinite(s) ? s + c : s;
}

/** Compensated running sums: `out[i] = values[0] + ... + values[i]`, each rounded once. */
export function accurateCumsum(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
    else c += x - t + s;
    s = t;
    out[i] = Number.isFinite(s) ? s + c : s;
  }
  return out;
}
