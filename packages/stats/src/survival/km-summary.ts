import { accurateSum } from '../math/accurate-sum.js';
import type { MaybeNumber } from '../result.js';
import type { KmCurve } from './kaplan-meier.js';

/** One row of the Kaplan-Meier summary table (R's `summary(fit)$table`). */
export interface KmSummaryRow {
  readonly group: string | null;
  readonly records: number;
  /** Largest number at risk. */
  readonly nMax: number;
  /** Number at risk at the start. */
  readonly nStart: number;
  readonly events: number;
  /** Restricted mean survival time up to `rmeanEndTime`. */
  readonly rmean: number;
  readonly seRmean: number;
  /** Upper limit of the restricted mean: the largest time of all curves ("common"). */
  readonly rmeanEndTime: number;
  readonly median: MaybeNumber;
  readonly medianLower: MaybeNumber;
  readonly medianUpper: MaybeNumber;
}

const TOL = Math.sqrt(2.220446049250313e-16);

/**
 * First time at which the curve y drops below 1/2, with survival's rules: a value within √ε of 1/2
 * means a flat stretch at exactly 1/2, whose midpoint (with the next drop) is the median; no value at
 * or below 1/2 (missing values ignored) gives NA.
 */
function medianTime(y: readonly MaybeNumber[], x: readonly number[]): MaybeNumber {
  const ys: number[] = [];
  const xs: number[] = [];
  y.forEach((v, i) => {
    if (v !== null && !Number.isNaN(v) && v < 0.5 + TOL) {
      ys.push(v);
      xs.push(x[i]!);
    }
  });
  if (ys.length === 0) return null;
  const y0 = ys[0]!;
  if (Math.abs(y0 - 0.5) < TOL) {
    const k = ys.findIndex((v) => v < y0);
    if (k >= 0) return (xs[0]! + xs[k]!) / 2;
  }
  return xs[0]!;
}

/**
 * The summary table of Kaplan-Meier curves as R's `summary(survfit)$table` with `rmean = "common"`:
 * each curve gets a time-0 row (S = 1) when it does not start at the origin, the restricted mean is
 * the area under the step curve up to the largest time of all curves, and its variance is Miller's
 * (1981) Greenwood-type formula Σ A(t_i)² d_i / (n_i (n_i − d_i)), A(t_i) = area after t_i.
 *
 * See: R. G. Miller (1981), Survival Analysis, Wiley, pp. 195-196.
 */
export function summaryRows(curves: readonly KmCurve[]): KmSummaryRow[] {
  let start = 0;
  for (const c of curves) if (c.time.length > 0 && c.time[0]! < start) start = c.time[0]!;
  let endTime = -Infinity;
  for (const c of curves) if (c.time.length > 0) endTime = Math.max(endTime, c.time[c.time.length - 1]!);
  return curves.map((c) => {
    // survfit0: add the starting point when the curve does not begin there
    const add = c.time.length === 0 || c.time[0] !== start;
    const time = add ? [start, ...c.time] : [...c.time];
    const nRisk = add ? [c.nRisk[0] ?? 0, ...c.nRisk] : [...c.nRisk];
    const nEvent = add ? [0, ...c.nEvent] : [...c.nEvent];
    const surv = add ? [1, ...c.surv] : [...c.surv];
    const lower: MaybeNumber[] = add ? [1, ...c.lower] : [...c.lower];
    const upper: MaybeNumber[] = add ? [1, ...c.upper] : [...c.upper];

    const hh = nRisk.map((n, i) => (n - nEvent[i]! === 0 ? 0 : nEvent[i]! / (n * (n - nEvent[i]!))));
    const keep: number[] = [];
    time.forEach((t, i) => {
      if (t <= endTime) keep.push(i);
    });
    let tempTime: number[];
    let tempSurv: number[];
    let tempHh: number[];
    if (keep.length === 0) {
      tempTime = [endTime];
      tempSurv = [1];
      tempHh = [0];
    } else {
      const last = keep[keep.length - 1]!;
      tempTime = [...keep.map((i) => time[i]!), endTime];
      tempSurv = [...keep.map((i) => surv[i]!), surv[last]!];
      tempHh = [...keep.map((i) => hh[i]!), 0];
    }
    const m = tempTime.length;
    const rect = new Array<number>(m);
    for (let i = 0; i < m; i++) {
      const width = tempTime[i]! - (i === 0 ? start : tempTime[i - 1]!);
      rect[i] = width * (i === 0 ? 1 : tempSurv[i - 1]!);
    }
    // varmean = Σ_k (Σ_{j > i} rect_j)² hh_i over i = m−2 ... 0 (R: cumsum(rev(rect[-1]))² · rev(hh)[-1])
    const terms: number[] = [];
    const tail: number[] = [];
    for (let j = m - 1; j >= 1; j--) tail.push(rect[j]!);
    let acc = 0;
    let comp = 0;
    for (let k = 0; k < tail.length; k++) {
      // running compensated sum, like R's long-double cumsum
      const x = tail[k]!;
      const t = acc + x;
      comp += Math.abs(acc) >= Math.abs(x) ? acc - t + x : x - t + acc;
      acc = t;
      const area = acc + comp;
      terms.push(area * area * tempHh[m - 2 - k]!);
    }
    const varmean = accurateSum(terms);
    const mean = accurateSum(rect) + start;
    return {
      group: c.group,
      records: c.n,
      nMax: nRisk.reduce((a, b) => Math.max(a, b), 0),
      nStart: nRisk[0]!,
      events: nEvent.reduce((a, b) => a + b, 0),
      rmean: mean,
      seRmean: Math.sqrt(varmean),
      rmeanEndTime: endTime,
      median: medianTime(surv, time),
      medianLower: medianTime(lower, time),
      medianUpper: medianTime(upper, time),
    };
  });
}
