import { buildExpTable, findTablePeak, newTablePeak, type ExpTable, type TablePeak } from './exp-table.js';
import { FitStatus } from './fit-status.js';
import { sortedOrder } from './molli.js';

/** Options of the mono-exponential T2 fit. */
export interface T2Options {
  /** Smallest T2 searched (ms). Default 1. */
  readonly t2Min?: number;
  /** Largest T2 searched (ms); an optimum at this edge is flagged `atBound`. Default 5000. */
  readonly t2Max?: number;
  /** Ratio between neighbouring points of the T2 table. Default 1.002. */
  readonly gridRatio?: number;
  /** Ratio between the points of the coarse scan. Default 2. */
  readonly coarseRatio?: number;
  /** T2 above this (ms) is flagged `outOfRange`. Default 2500. */
  readonly t2Valid?: number;
}

/** {@link T2Options} with defaults applied. */
export type ResolvedT2Options = Required<T2Options>;

/**
 * Applies defaults and validates.
 *
 * @throws RangeError naming the offending option
 */
export function resolveT2Options(options: T2Options = {}): ResolvedT2Options {
  const o: ResolvedT2Options = {
    t2Min: options.t2Min ?? 1,
    t2Max: options.t2Max ?? 5000,
    gridRatio: options.gridRatio ?? 1.002,
    coarseRatio: options.coarseRatio ?? 2,
    t2Valid: options.t2Valid ?? 2500,
  };
  if (!(o.t2Min > 0 && o.t2Max > o.t2Min)) throw new RangeError('t2Min/t2Max: need 0 < t2Min < t2Max');
  if (!(o.gridRatio > 1 && o.gridRatio < 1.5)) throw new RangeError('gridRatio: need 1 < gridRatio < 1.5');
  if (!(o.coarseRatio >= o.gridRatio && o.coarseRatio <= 4)) {
    throw new RangeError('coarseRatio: need gridRatio <= coarseRatio <= 4');
  }
  if (!(o.t2Valid > 0)) throw new RangeError('t2Valid: need a positive number of ms');
  return o;
}

/** Per-pixel result of the T2 fit; mutable for allocation-free map loops. */
export interface T2PixelFit {
  /** T2 (ms). Meaningful when `status` is `ok`. */
  t2: number;
  /** Signal at zero preparation time (signal units). */
  m0: number;
  /** 1 - SSE/SS_tot. */
  r2: number;
  sse: number;
  status: FitStatus;
}

/** Immutable copy of a {@link T2PixelFit}. */
export type T2FitResult = Readonly<T2PixelFit>;

/** A fresh {@link T2PixelFit} in the `notFitted` state. */
export function newT2PixelFit(): T2PixelFit {
  return { t2: Number.NaN, m0: Number.NaN, r2: Number.NaN, sse: Number.NaN, status: FitStatus.notFitted };
}

/** Precomputed T2 table and scratch; one per slice and thread. */
export interface T2Plan {
  readonly n: number;
  /** Preparation (or echo) times (ms), ascending. */
  readonly times: Float64Array;
  readonly options: ResolvedT2Options;
  readonly table: ExpTable;
  readonly scratch: { readonly y: Float64Array; readonly peak: TablePeak };
}

/**
 * Builds a {@link T2Plan}.
 *
 * @param times - T2-preparation durations or echo times (ms), strictly ascending, at least 2
 * @param options - see {@link T2Options}
 * @throws RangeError for fewer than 2 samples or unsorted times
 */
export function createT2Plan(times: ArrayLike<number>, options: T2Options = {}): T2Plan {
  const o = resolveT2Options(options);
  const n = times.length;
  if (n < 2) throw new RangeError(`times: a 2-parameter fit needs at least 2 samples (got ${n})`);
  const t = Float64Array.from(times);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(t[i]!)) throw new RangeError(`times[${i}]: not a finite number`);
    if (i > 0 && !(t[i]! > t[i - 1]!)) {
      throw new RangeError(`times: must be strictly ascending (times[${i}])`);
    }
  }
  return {
    n,
    times: t,
    options: o,
    table: buildExpTable(t, o.t2Min, o.t2Max, o.gridRatio, o.coarseRatio, false),
    scratch: { y: new Float64Array(n), peak: newTablePeak() },
  };
}

/**
 * Fits `S(TE) = M0·exp(-TE/T2)` to one pixel by least squares (not the biased log-linear fit):
 * for a fixed T2, M0 is closed-form and the residual is `Σy² - (e·y)²/(e·e)`, so only T2 is searched
 * (reduced-dimension NLS, Barral et al., MRM 2010;64:1057), on a log table with a parabolic final
 * step; M0 and the SSE are then evaluated exactly at that T2. This is the 2-parameter T2-prepared
 * bSSFP model of mapping.md §1.6 (Giri et al., JCMR 2009;11:56).
 *
 * @param plan - from {@link createT2Plan}
 * @param src - signal values; this pixel's samples start at `offset`, time-sorted
 * @param offset - index of the first sample
 * @param out - receives the result
 */
export function fitT2At(plan: T2Plan, src: ArrayLike<number>, offset: number, out: T2PixelFit): void {
  const { n, times, table, scratch, options } = plan;
  const { y, peak } = scratch;
  let sy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const v = src[offset + i]!;
    if (!Number.isFinite(v)) {
      clearT2(out, FitStatus.notFitted);
      return;
    }
    y[i] = v;
    sy += v;
    syy += v * v;
  }
  const ssTot = syy - (sy * sy) / n;
  if (!(ssTot > 1e-12 * syy)) {
    clearT2(out, FitStatus.flat);
    return;
  }
  findTablePeak(table, y, peak);
  const t2 = Math.exp(Math.log(table.grid[peak.index]!) + peak.offset * table.logStep);
  const r = 1 / t2;
  let ey = 0;
  let ee = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(-r * times[i]!);
    ey += e * y[i]!;
    ee += e * e;
  }
  const m0 = ey / ee;
  let sse = syy - ey * m0;
  if (sse < 0) sse = 0;
  out.t2 = t2;
  out.m0 = m0;
  out.sse = sse;
  out.r2 = 1 - sse / ssTot;
  if (!(m0 > 0)) out.status = FitStatus.invalidModel;
  else if (peak.atEdge) out.status = FitStatus.atBound;
  else if (t2 > options.t2Valid) out.status = FitStatus.outOfRange;
  else out.status = FitStatus.ok;
}

function clearT2(out: T2PixelFit, status: FitStatus): void {
  out.t2 = Number.NaN;
  out.m0 = Number.NaN;
  out.r2 = Number.NaN;
  out.sse = Number.NaN;
  out.status = status;
}

/**
 * Fits one T2 signal (any time order): convenience wrapper around {@link createT2Plan} and
 * {@link fitT2At}.
 *
 * @param signal - magnitudes, one per time
 * @param times - T2-preparation durations (ms), any order, distinct
 * @param options - see {@link T2Options}
 * @returns the fit, frozen
 * @example
 * // y = 1000·exp(-TE/50) at TE = 0, 25, 55 ms:
 * fitT2Mono([1000, 606.53, 332.87], [0, 25, 55]).t2 // returns ~50
 */
export function fitT2Mono(
  signal: ArrayLike<number>,
  times: ArrayLike<number>,
  options: T2Options = {}
): T2FitResult {
  if (signal.length !== times.length) {
    throw new RangeError(`signal: ${signal.length} values for ${times.length} times`);
  }
  const idx = sortedOrder(times);
  const plan = createT2Plan(
    idx.map((i) => times[i]!),
    options
  );
  const out = newT2PixelFit();
  fitT2At(
    plan,
    Float64Array.from(idx, (i) => signal[i]!),
    0,
    out
  );
  return Object.freeze(out);
}
