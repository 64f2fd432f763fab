import { pgammaTails } from './gamma.js';

/**
 * Chi-square distribution function, as R's `pchisq(q, df, lower.tail = lowerTail)`: the regularized
 * incomplete gamma P(df/2, q/2), with the requested tail computed directly (not as 1 − the other),
 * so that tiny p-values keep their relative precision.
 *
 * See: M. Abramowitz & I. Stegun (1964), 26.4.19.
 * @example pchisq(3.841458820694124, 1, false) // returns ~0.05
 */
export function pchisq(q: number, df: number, lowerTail = true): number {
  if (Number.isNaN(q) || Number.isNaN(df) || df < 0) return NaN;
  const tails = pgammaTails(q / 2, df / 2);
  return lowerTail ? tails.lower : tails.upper;
}
