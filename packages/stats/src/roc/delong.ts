import { accurateSum } from '../math/accurate-sum.js';
import { stableOrder } from '../math/order.js';

/** ROC direction: "<" means controls have lower values than cases. */
export type RocDirection = '<' | '>';

/** DeLong placement values of each case (x) and each control (y), and their mean θ = the AUC. */
export interface Placements {
  /** For each case (data order): fraction of controls below it, ties counting ½. */
  readonly x: Float64Array;
  /** For each control (data order): fraction of cases above it, ties counting ½. */
  readonly y: Float64Array;
  readonly theta: number;
}

/**
 * DeLong placements by one sort of the pooled values (O(n log n)) instead of a pass over all
 * case-control pairs: walking the tied groups in increasing order (of −value for direction ">"),
 * each case gets (controls below + ½ controls tied) / n and each control 1 − (cases below + ½ cases
 * tied) / m.
 *
 * See: E. R. DeLong, D. M. DeLong & D. L. Clarke-Pearson (1988), "Comparing the areas under two or more
 * correlated receiver operating characteristic curves: a nonparametric approach", Biometrics
 * 44:837-845; X. Sun & W. Xu (2014), "Fast implementation of DeLong's algorithm", IEEE Signal Process
 * Lett 21:1389-1393.
 */
export function delongPlacements(
  cases: ArrayLike<number>,
  controls: ArrayLike<number>,
  direction: RocDirection
): Placements {
  const m = cases.length;
  const n = controls.length;
  const sign = direction === '>' ? -1 : 1;
  const pooled = new Float64Array(m + n);
  for (let i = 0; i < m; i++) pooled[i] = sign * cases[i]!;
  for (let j = 0; j < n; j++) pooled[m + j] = sign * controls[j]!;
  const ord = stableOrder(pooled);
  const xy = new Float64Array(m + n);
  let below0 = 0; // controls strictly below
  let below1 = 0; // cases strictly below
  for (let i = 0; i < ord.length;) {
    const v = pooled[ord[i]!]!;
    let j = i;
    let mdup = 0;
    let ndup = 0;
    for (; j < ord.length && pooled[ord[j]!] === v; j++) {
      if (ord[j]! < m) mdup++;
      else ndup++;
    }
    for (let k = i; k < j; k++) {
      const id = ord[k]!;
      xy[id] = id < m ? below0 + ndup / 2 : below1 + mdup / 2;
    }
    below0 += ndup;
    below1 += mdup;
    i = j;
  }
  const x = new Float64Array(m);
  const y = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < m; i++) {
    sum += xy[i]!;
    x[i] = xy[i]! / n;
  }
  for (let j = 0; j < n; j++) y[j] = 1 - xy[m + j]! / m;
  return { x, y, theta: sum / m / n };
}

/** Σ (a_i − ca)(b_i − cb) / (len − 1), summed with one rounding (R's long-double `sum`). */
export function centredCrossProduct(a: Float64Array, ca: number, b: Float64Array, cb: number): number {
  const terms = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) terms[i] = (a[i]! - ca) * (b[i]! - cb);
  return accurateSum(terms) / (a.length - 1);
}

/** Sample variance with R's `var()` (mean first, then the centred sum of squares over n − 1). */
export function sampleVariance(a: Float64Array): number {
  if (a.length < 2) return NaN;
  const mean = accurateSum(a) / a.length;
  return centredCrossProduct(a, mean, a, mean);
}
