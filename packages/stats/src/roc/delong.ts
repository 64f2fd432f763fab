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
 * Controls then cases pooled, with one stable ascending sort and the tied groups of that sort:
 * everything the ROC curve and the DeLong placements need, computed once.
 */
export interface PooledSort {
  readonly nControls: number;
  readonly nCases: number;
  /** Values: controls first (indices 0..nControls−1), then cases. */
  readonly values: Float64Array;
  readonly order: Uint32Array;
  /** Start of each group of equal values in `order`, plus a final `length` sentinel. */
  readonly groupStart: Uint32Array;
}

/** Pools and sorts controls and cases (O(n log n), or linear for large n). */
export function poolAndSort(controls: ArrayLike<number>, cases: ArrayLike<number>): PooledSort {
  const n0 = controls.length;
  const n1 = cases.length;
  const values = new Float64Array(n0 + n1);
  for (let i = 0; i < n0; i++) values[i] = controls[i]!;
  for (let i = 0; i < n1; i++) values[n0 + i] = cases[i]!;
  const order = stableOrder(values);
  const starts = new Uint32Array(order.length + 1);
  let g = 0;
  for (let k = 0; k < order.length; k++) {
    if (k === 0 || values[order[k]!] !== values[order[k - 1]!]) starts[g++] = k;
  }
  starts[g++] = order.length;
  return { nControls: n0, nCases: n1, values, order, groupStart: starts.subarray(0, g) };
}

/**
 * DeLong placements from one sort of the pooled values (O(n log n)) instead of a pass over all
 * case-control pairs: walking the tied groups in increasing order (decreasing for direction ">"),
 * each case gets (controls below + ½ controls tied) / n and each control 1 − (cases below + ½ cases
 * tied) / m.
 *
 * See: E. R. DeLong, D. M. DeLong & D. L. Clarke-Pearson (1988), "Comparing the areas under two or more
 * correlated receiver operating characteristic curves: a nonparametric approach", Biometrics
 * 44:837-845; X. Sun & W. Xu (2014), "Fast implementation of DeLong's algorithm", IEEE Signal Process
 * Lett 21:1389-1393.
 */
export function placementsOf(pool: PooledSort, direction: RocDirection): Placements {
  const { nControls: n, nCases: m, order, groupStart } = pool;
  const xy = new Float64Array(m + n); // indexed like pool.values
  let below0 = 0; // controls strictly below (in the direction's order)
  let below1 = 0; // cases strictly below
  const groups = groupStart.length - 1;
  for (let gi = 0; gi < groups; gi++) {
    const g = direction === '>' ? groups - 1 - gi : gi;
    const a = groupStart[g]!;
    const b = groupStart[g + 1]!;
    let ndup = 0;
    let mdup = 0;
    for (let k = a; k < b; k++) {
      if (order[k]! < n) ndup++;
      else mdup++;
    }
    for (let k = a; k < b; k++) {
      const id = order[k]!;
      xy[id] = id >= n ? below0 + ndup / 2 : below1 + mdup / 2;
    }
    below0 += ndup;
    below1 += mdup;
  }
  const x = new Float64Array(m);
  const y = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < m; i++) {
    sum += xy[n + i]!;
    x[i] = xy[n + i]! / n;
  }
  for (let j = 0; j < n; j++) y[j] = 1 - xy[j]! / m;
  return { x, y, theta: sum / m / n };
}

/** DeLong placements of cases and controls (pools and sorts them first). */
export function delongPlacements(
  cases: ArrayLike<number>,
  controls: ArrayLike<number>,
  direction: RocDirection
): Placements {
  return placementsOf(poolAndSort(controls, cases), direction);
}

/** Σ (a_i − ca)(b_i − cb) / (len − 1), summed with one rounding (R's long-double `sum`). */
export function centredCrossProduct(a: Float64Array, ca: number, b: Float64Array, cb: number): number {
  // Neumaier's compensated sum, inline (no temporary array)
  let s = 0;
  let c = 0;
  for (let i = 0; i < a.length; i++) {
    const x = (a[i]! - ca) * (b[i]! - cb);
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return (Number.isFinite(s) ? s + c : s) / (a.length - 1);
}

/** Sample variance with R's `var()` (mean first, then the centred sum of squares over n − 1). */
export function sampleVariance(a: Float64Array): number {
  if (a.length < 2) return NaN;
  const mean = accurateSum(a) / a.length;
  return centredCrossProduct(a, mean, a, mean);
}
