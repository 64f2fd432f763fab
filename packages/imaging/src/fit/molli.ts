import { FitStatus } from './fit-status.js';
import { isotonicSse } from './isotonic.js';
import { buildExpTable, findTablePeak, newTablePeak, type ExpTable, type TablePeak } from './exp-table.js';
import { clearT1PixelFit, newT1PixelFit, type T1FitResult, type T1PixelFit } from './t1-pixel-fit.js';

/**
 * Options of the Look-Locker (MOLLI) T1 fit. Every field has a default; see {@link resolveMolliOptions}.
 */
export interface MolliOptions {
  /** Smallest T1* searched (ms). Default 5. */
  readonly t1StarMin?: number;
  /** Largest T1* searched (ms); an optimum at this edge is flagged `atBound`. Default 20000. */
  readonly t1StarMax?: number;
  /**
   * Ratio between neighbouring points of the T1* table. The optimum is located between table
   * points by a parabola in log T1*; at 1.002 that is within ~1e-3 ms of the continuous optimum.
   * Default 1.002.
   */
  readonly gridRatio?: number;
  /** Ratio between the points of the first, coarse scan of each candidate. Default 2. */
  readonly coarseRatio?: number;
  /** Smallest number of leading samples negated (ShMOLLI's 5-sample fit forces 1). Default 0. */
  readonly minFlip?: number;
  /** The data are already signed (phase-sensitive or real reconstruction): no polarity search. */
  readonly signed?: boolean;
  /**
   * Skip polarity candidates whose isotonic lower bound shows they cannot win (exact; see
   * {@link fitMolliAt}). `false` fits every candidate. Default true.
   */
  readonly prune?: boolean;
  /** T1 above this (ms) is flagged `outOfRange`. Default 10000. */
  readonly t1Max?: number;
}

/** {@link MolliOptions} with every default applied. */
export type ResolvedMolliOptions = Required<MolliOptions>;

/**
 * Applies defaults and validates once at the boundary (style.md §5).
 *
 * @throws RangeError naming the offending option
 */
export function resolveMolliOptions(options: MolliOptions = {}): ResolvedMolliOptions {
  const o: ResolvedMolliOptions = {
    t1StarMin: options.t1StarMin ?? 5,
    t1StarMax: options.t1StarMax ?? 20000,
    gridRatio: options.gridRatio ?? 1.002,
    coarseRatio: options.coarseRatio ?? 2,
    minFlip: options.minFlip ?? 0,
    signed: options.signed ?? false,
    prune: options.prune ?? true,
    t1Max: options.t1Max ?? 10000,
  };
  if (!(o.t1StarMin > 0 && o.t1StarMax > o.t1StarMin)) {
    throw new RangeError('t1StarMin/t1StarMax: need 0 < t1StarMin < t1StarMax');
  }
  if (!(o.gridRatio > 1 && o.gridRatio < 1.5)) throw new RangeError('gridRatio: need 1 < gridRatio < 1.5');
  if (!(o.coarseRatio >= o.gridRatio && o.coarseRatio <= 4)) {
    throw new RangeError('coarseRatio: need gridRatio <= coarseRatio <= 4');
  }
  if (!Number.isInteger(o.minFlip) || o.minFlip < 0) throw new RangeError('minFlip: need an integer >= 0');
  if (!(o.t1Max > 0)) throw new RangeError('t1Max: need a positive number of ms');
  return o;
}

/**
 * Everything about a MOLLI fit that depends only on the sample times: the T1* table of centred
 * exponentials, plus scratch space. Build once per slice (per thread) and reuse for every pixel.
 * Not thread-safe: each worker builds its own.
 */
export interface MolliPlan {
  /** Number of samples. */
  readonly n: number;
  /** Sample times (ms), ascending. */
  readonly times: Float64Array;
  readonly options: ResolvedMolliOptions;
  /** Centred exponentials on the T1* grid. */
  readonly table: ExpTable;
  /** Candidate flip counts are kMin..kMax. */
  readonly kMin: number;
  readonly kMax: number;
  readonly scratch: MolliScratch;
}

interface MolliScratch {
  /** |y| (or y when signed). */
  readonly m: Float64Array;
  /** Signed, centred data of the candidate being fitted. */
  readonly yc: Float64Array;
  /** Signed data, for the isotonic bound. */
  readonly ys: Float64Array;
  readonly blockMean: Float64Array;
  readonly blockWeight: Float64Array;
  /** Per candidate (index k - kMin). */
  readonly lowerBound: Float64Array;
  readonly order: Int32Array;
  readonly cSse: Float64Array;
  readonly cSs: Float64Array;
  readonly cMean: Float64Array;
  readonly cA: Float64Array;
  readonly cB: Float64Array;
  readonly cLogT1Star: Float64Array;
  readonly cStatus: Uint8Array;
  readonly peak: TablePeak;
}

/**
 * Builds a {@link MolliPlan} for one set of sample times.
 *
 * @param times - inversion times (ms), strictly ascending, at least 4 of them
 * @param options - see {@link MolliOptions}
 * @throws RangeError for fewer than 4 samples, non-finite or unsorted times
 */
export function createMolliPlan(times: ArrayLike<number>, options: MolliOptions = {}): MolliPlan {
  const o = resolveMolliOptions(options);
  const n = times.length;
  if (n < 4) throw new RangeError(`times: a 3-parameter fit needs at least 4 samples (got ${n})`);
  const t = Float64Array.from(times);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(t[i]!)) throw new RangeError(`times[${i}]: not a finite number`);
    if (i > 0 && !(t[i]! > t[i - 1]!)) {
      throw new RangeError(`times: must be strictly ascending (times[${i}])`);
    }
  }
  const table = buildExpTable(t, o.t1StarMin, o.t1StarMax, o.gridRatio, o.coarseRatio, true);
  const kMin = o.signed ? 0 : Math.min(o.minFlip, n - 1);
  // k = n (every sample negated) is the polarity of a recovery whose null lies after the last
  // sample (long T1): it mirrors k = 0 in SSE but not in the validity rule.
  const kMax = o.signed ? 0 : n;
  const K = kMax - kMin + 1;
  return {
    n,
    times: t,
    options: o,
    table,
    kMin,
    kMax,
    scratch: {
      m: new Float64Array(n),
      yc: new Float64Array(n),
      ys: new Float64Array(n),
      blockMean: new Float64Array(n),
      blockWeight: new Float64Array(n),
      lowerBound: new Float64Array(K),
      order: new Int32Array(K),
      cSse: new Float64Array(K),
      cSs: new Float64Array(K),
      cMean: new Float64Array(K),
      cA: new Float64Array(K),
      cB: new Float64Array(K),
      cLogT1Star: new Float64Array(K),
      cStatus: new Uint8Array(K),
      peak: newTablePeak(),
    },
  };
}

/**
 * Fits one pixel: reduced-dimension NLS with polarity restoration over every flip position.
 *
 * 1. Polarity (magnitude data): candidate k negates the first k time-sorted magnitudes, for every
 *    k in kMin..N (not only the two around the minimum, which misses MOLLI's interleaved pairs;
 *    k = N, all negated, is the recovery whose null comes after the last sample).
 * 2. For a fixed T1* the model is linear in A and B, so each candidate's residual is
 *    `SS - (ec·y)²/‖ec‖²` (Barral's RD-NLS). The best T1* is found on a precomputed log table: a
 *    coarse scan (ratio `coarseRatio`), a golden-section search between the coarse neighbours of
 *    the coarse peak, and a parabola in log T1* through the best table point and its neighbours.
 *    No exponential is evaluated per pixel except for the final (A, B, SSE) of the winner.
 * 3. Selection rule (the reference fits' rule): the lowest SSE among physically valid candidates
 *    (A > 0, B > A, optimum inside the T1* range); if none is valid, the lowest SSE, flagged.
 * 4. Exact pruning: a valid fit is an increasing curve, so its SSE is at least that of the
 *    isotonic regression of the candidate's signed data ({@link isotonicSse}). Candidates are
 *    visited by increasing bound and the search stops once the bound exceeds the best valid SSE.
 *
 * See: Barral et al., MRM 2010;64:1057 (RD-NLS-PR); Messroghli et al., MRM 2004;52:141 (MOLLI);
 * Deichmann & Haase, JMR 1992;96:608 (Look-Locker correction).
 *
 * @param plan - from {@link createMolliPlan}
 * @param src - signal values; this pixel's N samples are `src[offset .. offset+N-1]`, time-sorted
 * @param offset - index of the first sample
 * @param out - receives the result
 */
export function fitMolliAt(plan: MolliPlan, src: ArrayLike<number>, offset: number, out: T1PixelFit): void {
  const { n, kMin, kMax, scratch, options } = plan;
  const { m, ys, blockMean, blockWeight, lowerBound, order, cSse, cStatus } = scratch;
  const K = kMax - kMin + 1;
  const signed = options.signed;
  let sy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    let v = src[offset + i]!;
    if (!signed && v < 0) v = -v;
    if (!Number.isFinite(v)) {
      clearT1PixelFit(out, FitStatus.notFitted);
      return;
    }
    m[i] = v;
    sy += v;
    syy += v * v;
  }
  const ss0 = syy - (sy * sy) / n;
  if (!(ss0 > 1e-12 * syy)) {
    clearT1PixelFit(out, FitStatus.flat);
    out.nUsed = n;
    return;
  }

  // Isotonic lower bounds and the visiting order.
  for (let i = 0; i < n; i++) ys[i] = i < kMin ? -m[i]! : m[i]!;
  for (let j = 0; j < K; j++) {
    if (j > 0) ys[kMin + j - 1] = -m[kMin + j - 1]!;
    lowerBound[j] = isotonicSse(ys, n, blockMean, blockWeight);
    order[j] = j;
  }
  for (let a = 1; a < K; a++) {
    const v = order[a]!;
    const key = lowerBound[v]!;
    let b = a - 1;
    while (b >= 0 && lowerBound[order[b]!]! > key) {
      order[b + 1] = order[b]!;
      b--;
    }
    order[b + 1] = v;
  }

  const prune = options.prune;
  const slack = 1e-9 * syy;
  let bestValid = -1;
  let bestAny = -1;
  for (let r = 0; r < K; r++) {
    const j = order[r]!;
    if (prune && bestValid >= 0 && lowerBound[j]! > cSse[bestValid]! + slack) break;
    scanCandidate(plan, j);
    if (bestAny < 0 || cSse[j]! < cSse[bestAny]!) bestAny = j;
    if (cStatus[j] === FitStatus.ok && (bestValid < 0 || cSse[j]! < cSse[bestValid]!)) bestValid = j;
  }
  finishCandidate(plan, bestValid >= 0 ? bestValid : bestAny, out);
}

/**
 * Locates candidate j's least-squares T1* on the table and stores approximate SSE, A, B and a
 * validity status (made exact only for the winner, in {@link finishCandidate}).
 */
function scanCandidate(plan: MolliPlan, j: number): void {
  const { n, table, scratch } = plan;
  const { m, yc, cSse, cSs, cMean, cA, cB, cLogT1Star, cStatus, peak } = scratch;
  const k = j + plan.kMin;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = i < k ? -m[i]! : m[i]!;
    yc[i] = v;
    s += v;
  }
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const v = yc[i]! - mean;
    yc[i] = v;
    ss += v * v;
  }
  cSs[j] = ss;
  cMean[j] = mean;
  findTablePeak(table, yc, peak);
  const g = peak.index;
  // Amplitudes at the table point (approximate; exact for the winner later).
  const bCoef = peak.projection * table.invNorm[g]!;
  const a = mean - bCoef * table.eMean[g]!;
  cA[j] = a;
  cB[j] = -bCoef;
  cLogT1Star[j] = Math.log(table.grid[g]!) + peak.offset * table.logStep;
  cSse[j] = ss - peak.peak > 0 ? ss - peak.peak : 0;
  if (peak.atEdge) cStatus[j] = FitStatus.atBound;
  else cStatus[j] = a > 0 && -bCoef > a ? FitStatus.ok : FitStatus.invalidModel;
}

/** Exact A, B and SSE of candidate j at its located T1*, written to `out`. */
function finishCandidate(plan: MolliPlan, j: number, out: T1PixelFit): void {
  const { n, times, scratch, options } = plan;
  const { m, cSse, cSs, cMean, cA, cB, cLogT1Star, cStatus } = scratch;
  const k = j + plan.kMin;
  const t1Star = Math.exp(cLogT1Star[j]!);
  out.nFlip = k;
  out.nUsed = n;
  out.t1Star = t1Star;
  const ss = cSs[j]!;
  if (cStatus[j] === FitStatus.atBound) {
    out.a = cA[j]!;
    out.b = cB[j]!;
    out.sse = cSse[j]!;
    out.r2 = ss > 0 ? 1 - out.sse / ss : Number.NaN;
    out.t1 = t1Star * (out.b / out.a - 1);
    out.status = FitStatus.atBound;
    return;
  }
  // Closed-form linear least squares of y_k on [1, e] at this T1*.
  const r = 1 / t1Star;
  const mean = cMean[j]!;
  let se = 0;
  let see = 0;
  let sey = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(-r * times[i]!);
    const yc = (i < k ? -m[i]! : m[i]!) - mean;
    se += e;
    see += e * e;
    sey += e * yc;
  }
  const den = see - (se * se) / n;
  if (!(den > 0)) {
    out.a = cA[j]!;
    out.b = cB[j]!;
    out.sse = cSse[j]!;
  } else {
    const bCoef = sey / den;
    out.a = mean - (bCoef * se) / n;
    out.b = -bCoef;
    const sse = ss - sey * bCoef;
    out.sse = sse > 0 ? sse : 0;
  }
  out.r2 = ss > 0 ? 1 - out.sse / ss : Number.NaN;
  out.t1 = t1Star * (out.b / out.a - 1);
  if (!(out.a > 0) || !(out.b > out.a) || !Number.isFinite(out.t1)) out.status = FitStatus.invalidModel;
  else if (out.t1 > options.t1Max) out.status = FitStatus.outOfRange;
  else out.status = FitStatus.ok;
}

/**
 * Fits one MOLLI / Look-Locker signal: a pure convenience wrapper around {@link createMolliPlan} and
 * {@link fitMolliAt} that accepts unsorted times (it sorts samples by time first, as polarity
 * restoration requires).
 *
 * @param signal - magnitudes (or signed values with `signed: true`), one per time
 * @param times - inversion times (ms), any order, distinct
 * @param options - see {@link MolliOptions}
 * @returns the fit, frozen
 * @example
 * // Noise-free A = 100, B = 200, T1* = 1000 ms, so T1 = 1000·(200/100 - 1) = 1000 ms:
 * const ti = [100, 200, 400, 800, 1600, 3200];
 * fitT1Molli(ti.map((t) => Math.abs(100 - 200 * Math.exp(-t / 1000))), ti).t1 // returns ~1000
 */
export function fitT1Molli(
  signal: ArrayLike<number>,
  times: ArrayLike<number>,
  options: MolliOptions = {}
): T1FitResult {
  if (signal.length !== times.length) {
    throw new RangeError(`signal: ${signal.length} values for ${times.length} times`);
  }
  const idx = sortedOrder(times);
  const plan = createMolliPlan(
    idx.map((i) => times[i]!),
    options
  );
  const y = Float64Array.from(idx, (i) => signal[i]!);
  const out = newT1PixelFit();
  fitMolliAt(plan, y, 0, out);
  return Object.freeze(out);
}

/** Indices that sort `values` ascending (stable). */
export function sortedOrder(values: ArrayLike<number>): number[] {
  return Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
}
