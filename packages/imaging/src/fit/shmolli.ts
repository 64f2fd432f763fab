import { FitStatus } from './fit-status.js';
import { createMolliPlan, fitMolliAt, sortedOrder, type MolliOptions, type MolliPlan } from './molli.js';
import {
  clearT1PixelFit,
  copyT1PixelFit,
  newT1PixelFit,
  type T1FitResult,
  type T1PixelFit,
} from './t1-pixel-fit.js';

/** Time-sorted sample indices of the three ShMOLLI sub-fits (IR1 only; IR1 + IR2; all three). */
const SUBSETS = [
  [0, 3, 4, 5, 6],
  [0, 1, 3, 4, 5, 6],
  [0, 1, 2, 3, 4, 5, 6],
] as const;

/**
 * Precomputed tables for a ShMOLLI fit: one {@link MolliPlan} per sub-fit, plus the mean heartbeat
 * interval. Not thread-safe (it holds scratch space).
 */
export interface ShmolliPlan {
  /** The 7 inversion times (ms), ascending. */
  readonly times: Float64Array;
  /** Mean R-R interval (ms), from the spacing of the IR1 samples. */
  readonly rr: number;
  readonly plans: readonly [MolliPlan, MolliPlan, MolliPlan];
  readonly scratch: {
    readonly y: readonly [Float64Array, Float64Array, Float64Array];
    readonly fits: readonly [T1PixelFit, T1PixelFit, T1PixelFit];
  };
}

/**
 * Builds a {@link ShmolliPlan}.
 *
 * ShMOLLI samples 5 images after the first inversion (IR1, one per heartbeat), then one image after
 * each of two further inversions (IR2, IR3) with slightly longer TIs. Sorted by time, positions 1
 * and 2 are IR2 and IR3 and positions 0, 3, 4, 5, 6 are IR1 (e.g. 100, 180, 260, 1100, 2100, 3100,
 * 4100 ms).
 *
 * @param times - the 7 inversion times (ms), strictly ascending
 * @param options - options passed to each MOLLI sub-fit (the IR1-only fit forces `minFlip` >= 1)
 * @throws RangeError unless there are exactly 7 ascending times
 */
export function createShmolliPlan(times: ArrayLike<number>, options: MolliOptions = {}): ShmolliPlan {
  if (times.length !== 7) {
    throw new RangeError(`times: ShMOLLI needs exactly 7 samples (got ${times.length})`);
  }
  const t = Float64Array.from(times);
  for (let i = 1; i < 7; i++) {
    if (!(t[i]! > t[i - 1]!)) throw new RangeError(`times: must be strictly ascending (times[${i}])`);
  }
  // Mean heartbeat from the IR1 samples: (t3-t0, t4-t3, t5-t4, t6-t5) average to (t6-t0)/4.
  const rr = (t[6]! - t[0]!) / 4;
  const sub = (s: readonly number[]): number[] => s.map((i) => t[i]!);
  const plans = [
    createMolliPlan(sub(SUBSETS[0]), { ...options, minFlip: Math.max(1, options.minFlip ?? 0) }),
    createMolliPlan(sub(SUBSETS[1]), options),
    createMolliPlan(sub(SUBSETS[2]), options),
  ] as const;
  return {
    times: t,
    rr,
    plans,
    scratch: {
      y: [new Float64Array(5), new Float64Array(6), new Float64Array(7)],
      fits: [newT1PixelFit(), newT1PixelFit(), newT1PixelFit()],
    },
  };
}

/** A sub-fit "converged" in Tomato's sense: here, a physically valid fit. */
function converged(f: T1PixelFit): boolean {
  return f.status === FitStatus.ok || f.status === FitStatus.outOfRange;
}

/** χ = sqrt(SSE/(n-1)), the residual SD used by the ShMOLLI rule. */
function chi(f: T1PixelFit): number {
  return Math.sqrt(f.sse / (f.nUsed - 1));
}

/**
 * Fits one ShMOLLI pixel with the conditional 5/6/7-sample rule (Piechnik et al., JCMR 2010;12:69),
 * as implemented in the open-source Tomato library (`OxCalculatorT1Shmolli.hxx`, MIT):
 *
 * 1. Fit the 5 IR1 samples (first sample forced negative): T1₅, χ₅. If it converged, T1temp = T1₅,
 *    χtemp = χ₅ and 5 samples are used; otherwise T1temp = 0.
 * 2. Fit 6 samples (IR1 + IR2). If T1temp <= RR, or the 6-sample fit did not converge, or
 *    T1₆ <= 0.4·RR (short T1s, where IR1 alone undersamples the recovery):
 *    - use 6 samples when it converged and χ₆·T1₆ < χtemp·RR (then T1temp = T1₆);
 *    - fit all 7 and use them when that converged, χ₇·T1₇ < χ₆·RR·0.4 and T1temp < RR.
 *
 * Each sub-fit is the MOLLI fit of {@link fitMolliAt} (every polarity candidate). "Converged" is a
 * physically valid fit here (Tomato tests A > 1 and lets negative T1s through the comparisons).
 *
 * @param plan - from {@link createShmolliPlan}
 * @param src - signal values; the pixel's 7 time-sorted samples start at `offset`
 * @param offset - index of the first sample
 * @param out - receives the chosen sub-fit; `nUsed` says which
 */
export function fitShmolliAt(
  plan: ShmolliPlan,
  src: ArrayLike<number>,
  offset: number,
  out: T1PixelFit
): void {
  const [y5, y6, y7] = plan.scratch.y;
  const [f5, f6, f7] = plan.scratch.fits;
  const [p5, p6, p7] = plan.plans;
  for (let i = 0; i < 7; i++) {
    const v = src[offset + i]!;
    if (!Number.isFinite(v)) {
      clearT1PixelFit(out, FitStatus.notFitted);
      return;
    }
    y7[i] = v;
  }
  for (let i = 0; i < 6; i++) y6[i] = y7[SUBSETS[1][i]!]!;
  for (let i = 0; i < 5; i++) y5[i] = y7[SUBSETS[0][i]!]!;
  const rr = plan.rr;

  fitMolliAt(p5, y5, 0, f5);
  let used = 0;
  let t1Temp = 0;
  let chiTemp = Number.POSITIVE_INFINITY;
  if (converged(f5)) {
    used = 5;
    t1Temp = f5.t1;
    chiTemp = chi(f5);
  }
  fitMolliAt(p6, y6, 0, f6);
  if (t1Temp <= rr || !converged(f6) || f6.t1 <= 0.4 * rr) {
    if (converged(f6) && chi(f6) * f6.t1 < chiTemp * rr) {
      used = 6;
      t1Temp = f6.t1;
    }
    fitMolliAt(p7, y7, 0, f7);
    if (converged(f7) && chi(f7) * f7.t1 < chi(f6) * rr * 0.4 && t1Temp < rr) used = 7;
  }
  if (used === 5) copyT1PixelFit(f5, out);
  else if (used === 6) copyT1PixelFit(f6, out);
  else if (used === 7) copyT1PixelFit(f7, out);
  else {
    // Nothing converged (used = 0 implies the 7-sample fit ran): report its numbers with a
    // failure status. The flat case keeps its own code.
    copyT1PixelFit(f7, out);
    if (out.status !== FitStatus.flat) out.status = FitStatus.noConvergence;
  }
}

/**
 * Fits one ShMOLLI signal (7 samples, any order): convenience wrapper around
 * {@link createShmolliPlan} and {@link fitShmolliAt}.
 *
 * @param signal - the 7 magnitudes
 * @param times - their inversion times (ms), any order
 * @param options - MOLLI sub-fit options
 * @returns the fit, frozen; `nUsed` is 5, 6 or 7
 */
export function fitT1Shmolli(
  signal: ArrayLike<number>,
  times: ArrayLike<number>,
  options: MolliOptions = {}
): T1FitResult {
  if (signal.length !== times.length) {
    throw new RangeError(`signal: ${signal.length} values for ${times.length} times`);
  }
  const idx = sortedOrder(times);
  const plan = createShmolliPlan(
    idx.map((i) => times[i]!),
    options
  );
  const out = newT1PixelFit();
  fitShmolliAt(
    plan,
    Float64Array.from(idx, (i) => signal[i]!),
    0,
    out
  );
  return Object.freeze(out);
}
