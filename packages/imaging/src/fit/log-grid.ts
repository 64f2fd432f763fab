/**
 * A log-spaced grid `lo, lo·r, lo·r², …` that reaches at least `hi` (the last point is >= hi).
 *
 * Reduced-dimension NLS searches the non-linear time constant on such a grid (Barral et al., MRM
 * 2010;64:1057): equal steps in log T make the criterion's curvature roughly uniform along the grid.
 *
 * @param lo - first grid value, > 0
 * @param hi - last grid value, > lo
 * @param ratio - ratio between neighbours, > 1
 * @returns the grid, ascending
 * @example
 * logGrid(10, 1000, 10) // returns Float64Array [10, 100, 1000]
 */
export function logGrid(lo: number, hi: number, ratio: number): Float64Array {
  if (!(lo > 0) || !(hi > lo) || !(ratio > 1)) {
    throw new RangeError(`logGrid: need 0 < lo < hi and ratio > 1 (got ${lo}, ${hi}, ${ratio})`);
  }
  // 1e-9 guards against log rounding adding a spurious extra point.
  const n = Math.ceil(Math.log(hi / lo) / Math.log(ratio) - 1e-9) + 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = lo * Math.pow(ratio, i);
  return out;
}
