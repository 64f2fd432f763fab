import { StatsComputationError } from '../errors.js';
import { qbeta } from '../math/beta.js';
import { qnorm } from '../math/normal.js';

/**
 * Clopper-Pearson "exact" interval for a binomial proportion x/n, as R's `binom.test(x, n)$conf.int`:
 * the limits are Beta quantiles, `qbeta(α/2, x, n − x + 1)` and `qbeta(1 − α/2, x + 1, n − x)`,
 * with 0 and 1 at the boundaries.
 *
 * See: C. J. Clopper & E. S. Pearson (1934), "The use of confidence or fiducial limits illustrated in
 * the case of the binomial", Biometrika 26:404-413.
 * @example clopperPearson(26, 41) // returns ~[0.4694, 0.7788]
 */
export function clopperPearson(x: number, n: number, confLevel = 0.95): readonly [number, number] {
  checkProportion(x, n);
  const alpha = (1 - confLevel) / 2;
  const lower = x === 0 ? 0 : qbeta(alpha, x, n - x + 1);
  const upper = x === n ? 1 : qbeta(1 - alpha, x + 1, n - x);
  return [lower, upper];
}

/**
 * Wilson score interval without continuity correction, written exactly as R's
 * `prop.test(x, n, correct = FALSE)$conf.int` computes it.
 *
 * See: E. B. Wilson (1927), "Probable inference, the law of succession, and statistical inference",
 * JASA 22:209-212.
 * @example wilsonScore(26, 41) // returns ~[0.4822, 0.7631]
 */
export function wilsonScore(x: number, n: number, confLevel = 0.95): readonly [number, number] {
  checkProportion(x, n);
  const z = qnorm((1 + confLevel) / 2);
  const estimate = x / n;
  const z22n = (z * z) / (2 * n);
  const upper =
    estimate >= 1
      ? 1
      : (estimate + z22n + z * Math.sqrt((estimate * (1 - estimate)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  const lower =
    estimate <= 0
      ? 0
      : (estimate + z22n - z * Math.sqrt((estimate * (1 - estimate)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  return [Math.max(lower, 0), Math.min(upper, 1)];
}

function checkProportion(x: number, n: number): void {
  if (!(n > 0)) {
    throw new StatsComputationError(`a proportion needs a positive denominator (got ${x}/${n})`);
  }
  if (!(x >= 0 && x <= n)) {
    throw new StatsComputationError(`a proportion needs 0 <= x <= n (got ${x}/${n})`);
  }
}
