/**
 * Residual sum of squares of the least-squares non-decreasing (isotonic) fit to `y`, by the
 * pool-adjacent-violators algorithm (Ayer et al., Ann. Math. Stat. 1955;26:641), in O(n).
 *
 * Any non-decreasing model curve, in particular a valid inversion-recovery fit `A - B·exp(-t/T1*)`
 * with B > 0, has an SSE at least this large, so the value is an exact lower bound used to skip
 * polarity candidates that cannot win.
 *
 * @param y - the data, in time order
 * @param len - number of samples used
 * @param blockMean - scratch, length >= len
 * @param blockWeight - scratch, length >= len
 * @returns `Σ y² - Σ_blocks w·mean²`, clamped at 0
 * @example
 * // [1, 3, 2]: the violators 3, 2 pool to 2.5, so the SSE is 0.5² + 0.5² = 0.5
 * isotonicSse(Float64Array.of(1, 3, 2), 3, new Float64Array(3), new Float64Array(3)) // returns 0.5
 */
export function isotonicSse(
  y: Float64Array,
  len: number,
  blockMean: Float64Array,
  blockWeight: Float64Array
): number {
  let nb = 0;
  let syy = 0;
  for (let i = 0; i < len; i++) {
    const v = y[i]!;
    syy += v * v;
    let mean = v;
    let w = 1;
    while (nb > 0 && blockMean[nb - 1]! > mean) {
      const w0 = blockWeight[nb - 1]!;
      mean = (blockMean[nb - 1]! * w0 + mean * w) / (w0 + w);
      w += w0;
      nb--;
    }
    blockMean[nb] = mean;
    blockWeight[nb] = w;
    nb++;
  }
  let fitted = 0;
  for (let b = 0; b < nb; b++) fitted += blockWeight[b]! * blockMean[b]! * blockMean[b]!;
  const sse = syy - fitted;
  return sse > 0 ? sse : 0;
}
