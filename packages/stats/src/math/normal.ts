/**
 * The standard normal distribution to about 1e-15 relative accuracy in both tails: what R's
 * `pnorm`/`qnorm` give, computed by our own route.
 *
 * - Central part (|z| < 0.7): Φ(z) − 1/2 = φ(z) Σ z^(2n+1)/(2n+1)!!, a series of positive terms.
 * - Tails: Laplace's continued fraction for Mills' ratio, Q(z)/φ(z) = 1/(z+ 1/(z+ 2/(z+ 3/(z+ ...)))),
 *   evaluated backwards from a fixed depth.
 * - φ(z) splits z² into an exactly squared head and a small tail (as Cody does), so that exp(−z²/2)
 *   keeps full relative precision far into the tail.
 * - The quantile solves Φ(x) = p by Halley's method from a rough rational start; close to p = 1/2 it
 *   solves Φ(x) − 1/2 = p − 1/2, whose right side is exact, so small quantiles keep full precision.
 *
 * See: W. J. Cody (1969), "Rational Chebyshev approximations for the error function", Math. Comp.
 * 23:631-637 (the exponent split); W. H. Press et al., Numerical Recipes, 3rd ed., §5.2 (continued
 * fractions); M. Abramowitz & I. Stegun (1964), 26.2.23 (starting value of the quantile).
 */

const INV_SQRT_2PI = 0.3989422804014327;

/** Density of the standard normal, φ(z), with exp(−z²/2) evaluated without losing the tail. */
export function dnorm(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const x = Math.abs(z);
  if (x > 40) return 0;
  const head = Math.trunc(x * 16) / 16; // few significant bits: head² is exact
  const del = (x - head) * (x + head);
  return INV_SQRT_2PI * Math.exp(-head * head * 0.5) * Math.exp(-del * 0.5);
}

/** Φ(z) − 1/2 for |z| < ~3 by the series φ(z) Σ z^(2n+1)/(2n+1)!! (no cancellation). */
function centralPart(z: number): number {
  const z2 = z * z;
  let term = z;
  let sum = z;
  for (let n = 1; n < 500; n++) {
    term *= z2 / (2 * n + 1);
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return dnorm(z) * sum;
}

/**
 * Mills' ratio Q(z)/φ(z) for z ≥ 0.7 by Laplace's continued fraction 1/(z+ 1/(z+ 2/(z+ 3/(z+ ...)))),
 * evaluated backwards from a depth that is ample for z (backward evaluation damps rounding errors:
 * about one unit in the last place over the whole range).
 */
function millsRatio(z: number): number {
  const depth = Math.ceil(2000 / (z * z)) + 30;
  let f = z;
  for (let k = depth; k >= 1; k--) f = z + k / f;
  return 1 / f;
}

/** Upper tail Q(z) = P(Z > z) for z ≥ 0. */
function upperTail(z: number): number {
  if (z < 0.7) return 0.5 - centralPart(z);
  if (z > 40) return 0;
  return dnorm(z) * millsRatio(z);
}

/**
 * Cumulative distribution of the standard normal, as R's `pnorm(z, lower.tail = lowerTail)`.
 * @example pnorm(-1.959963984540054) // returns ~0.025
 */
export function pnorm(z: number, lowerTail = true): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return lowerTail ? 1 : 0;
  if (z === -Infinity) return lowerTail ? 0 : 1;
  // lower tail at z = upper tail at −z
  const t = lowerTail ? -z : z;
  return t >= 0 ? upperTail(t) : 1 - upperTail(-t);
}

/** Solves Φ(−t) = p for t ≥ 0 (p ≤ 1/2) by Halley's method. */
function lowerQuantileMagnitude(p: number): number {
  // Abramowitz & Stegun 26.2.23 start (|error| < 4.5e-4)
  const s = Math.sqrt(-2 * Math.log(p));
  let t =
    s - (2.515517 + s * (0.802853 + s * 0.010328)) / (1 + s * (1.432788 + s * (0.189269 + s * 0.001308)));
  if (!(t > 0)) t = 0;
  const nearHalf = p >= 0.25;
  const target = 0.5 - p; // exact for p in [0.25, 0.5]
  for (let it = 0; it < 50; it++) {
    const phi = dnorm(t);
    // g = Q(t) − p, written so that both sides are accurate
    const g = nearHalf ? target - centralPart(t) : upperTail(t) - p;
    if (phi === 0) break;
    const ratio = g / phi;
    const step = ratio / (1 - (ratio * t) / 2);
    const next = t + step;
    if (!Number.isFinite(next)) break;
    if (Math.abs(step) <= 1e-17 * Math.max(1e-300, Math.abs(t)) || next === t) {
      t = next;
      break;
    }
    t = next < 0 ? t / 2 : next;
  }
  return t;
}

/**
 * Quantile of the standard normal, as R's `qnorm(p)`: `qnorm(0.975)` = 1.959963984540054.
 * @returns −Inf for p = 0, Inf for p = 1, NaN outside [0, 1].
 */
export function qnorm(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // for p > 1/2, 1 − p is exact (Sterbenz), so both halves solve the same problem
  return p < 0.5 ? -lowerQuantileMagnitude(p) : lowerQuantileMagnitude(1 - p);
}

/** `2 * pnorm(-abs(z))`: the two-sided normal p-value R reports for a z statistic. */
export function twoSidedNormalP(z: number): number {
  return 2 * pnorm(-Math.abs(z));
}
