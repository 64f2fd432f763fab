import type { MaybeNumber } from '../result.js';
import type { KmCurve } from './kaplan-meier.js';
import { gatherFloat64, gatherInt32 } from '../math/arrays.js';

/** One quantile of one Kaplan-Meier curve with its confidence limits (R's `quantile(fit, probs)`). */
export interface KmQuantileRow {
  readonly group: string | null;
  /** The probability as R labels it: p · 100 rounded to 7 significant digits, divided by 100. */
  readonly prob: number;
  readonly quantile: MaybeNumber;
  readonly lower: MaybeNumber;
  readonly upper: MaybeNumber;
}

const TOL = Math.sqrt(2.220446049250313e-16);

/**
 * A lookup standing for R's `approx(x, y, v, method = "constant", f = 1)$y` with `rule = 1`: the y of
 * the first x ≥ v among the (x, y) pairs sorted by x (stably); `null` outside [min x, max x].
 */
class ConstantRightLookup {
  private readonly xs: Float64Array;
  private readonly ys: Int32Array;
  constructor(x: readonly number[], y: readonly number[]) {
    let sorted = true;
    for (let i = 1; i < x.length && sorted; i++) sorted = x[i - 1]! <= x[i]!;
    if (sorted) {
      this.xs = Float64Array.from(x);
      this.ys = Int32Array.from(y);
      return;
    }
    const order = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
    this.xs = gatherFloat64(x, order);
    this.ys = gatherInt32(y, order);
  }
  at(v: number): number | null {
    const n = this.xs.length;
    if (n === 0 || v < this.xs[0]! || v > this.xs[n - 1]!) return null;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.xs[mid]! >= v) hi = mid;
      else lo = mid + 1;
    }
    return this.ys[lo]!;
  }
}

/**
 * survival's `findq`: where a horizontal line at p meets the step curve y = 1 − S over x. If the curve
 * is flat at p (within √ε), the answer is the midpoint between that stretch's start and the next jump
 * (or the curve's last time when the flat stretch is the end of the curve).
 */
function findQuantiles(
  x: readonly number[],
  y: readonly MaybeNumber[],
  probs: readonly number[]
): MaybeNumber[] {
  let maxY = -Infinity;
  for (const v of y) if (v !== null && v > maxY) maxY = v;
  let minP = Infinity;
  for (const p of probs) minP = Math.min(minP, p);
  if (maxY === -Infinity || maxY < minP) return probs.map(() => null);
  const xmax = x[x.length - 1]!;
  // drop repeated y values (censoring times), keeping the first; NA counts as one value
  const seen = new Set<number | null>();
  const xu: number[] = [];
  const yu: MaybeNumber[] = [];
  y.forEach((v, i) => {
    const key = v === null || Number.isNaN(v) ? null : v;
    if (seen.has(key)) return;
    seen.add(key);
    xu.push(x[i]!);
    yu.push(key);
  });
  const n = yu.length;
  const plus: number[] = [];
  const minus: number[] = [];
  const idx: number[] = [];
  yu.forEach((v, i) => {
    if (v === null) return;
    plus.push(v + TOL);
    minus.push(v - TOL);
    idx.push(i);
  });
  const up = new ConstantRightLookup(plus, idx);
  const down = new ConstantRightLookup(minus, idx);
  const last = yu[n - 1] ?? null;
  return probs.map((p) => {
    const i1 = up.at(p);
    const i2 = down.at(p);
    let q: MaybeNumber = i1 === null || i2 === null ? null : (xu[i1]! + xu[i2]!) / 2;
    if (p === 0) q = xu[0]!;
    if (last !== null && Math.abs(p - last) < TOL) q = i1 === null ? null : (xu[i1]! + xmax) / 2;
    return q;
  });
}

/** R's label of a probability column: `as.numeric(format(p * 100)) / 100`. */
function probLabel(p: number): number {
  return Number((p * 100).toPrecision(7)) / 100;
}

/**
 * Quantiles of Kaplan-Meier curves with confidence limits, as R's `quantile.survfit`: the p-quantile
 * is the first time with S(t) ≤ 1 − p (midpoint rule on flat stretches); its limits apply the same rule
 * to the lower and upper confidence curves. Rows are ordered by probability, then by curve.
 */
export function quantileRows(curves: readonly KmCurve[], probs: readonly number[]): KmQuantileRow[] {
  const perCurve = curves.map((c) => {
    const x = [0, ...c.time];
    const oneMinus = (v: MaybeNumber): MaybeNumber => (v === null ? null : 1 - v);
    return {
      q: findQuantiles(x, [0, ...c.surv.map((s) => 1 - s)], probs),
      lo: findQuantiles(x, [0, ...c.lower.map(oneMinus)], probs),
      hi: findQuantiles(x, [0, ...c.upper.map(oneMinus)], probs),
    };
  });
  const rows: KmQuantileRow[] = [];
  probs.forEach((p, k) => {
    curves.forEach((c, g) => {
      const r = perCurve[g]!;
      rows.push({ group: c.group, prob: probLabel(p), quantile: r.q[k]!, lower: r.lo[k]!, upper: r.hi[k]! });
    });
  });
  return rows;
}
