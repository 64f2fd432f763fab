import { FitStatus } from './fit-status.js';

/**
 * Per-pixel result of a Look-Locker T1 fit (MOLLI, ShMOLLI, other Look-Locker), model
 * `S(TI) = A - B·exp(-TI/T1*)` with the Look-Locker correction `T1 = T1*·(B/A - 1)`
 * (Deichmann & Haase, JMR 1992;96:608; Messroghli et al., MRM 2004;52:141).
 *
 * Mutable on purpose: map loops reuse one instance per thread so that fitting allocates nothing.
 * Public single-pixel functions return a frozen copy ({@link T1FitResult}).
 */
export interface T1PixelFit {
  /** Look-Locker-corrected T1 (ms). Meaningful when `status` is `ok`. */
  t1: number;
  /** Apparent relaxation time T1* (ms). */
  t1Star: number;
  /** Recovered signal A (signal units). */
  a: number;
  /** Inversion amplitude B (signal units); B/A = 2 for a perfect inversion without readout effects. */
  b: number;
  /** Coefficient of determination of the sign-restored data: 1 - SSE/SS_tot. */
  r2: number;
  /** Residual sum of squares. */
  sse: number;
  /** How many of the earliest (time-sorted) samples were negated by polarity restoration. */
  nFlip: number;
  /** ShMOLLI: samples used by the conditional rule (5, 6 or 7); otherwise all samples. */
  nUsed: number;
  /** {@link FitStatus} code; only `ok` is a valid fit. */
  status: FitStatus;
}

/** Immutable copy of a {@link T1PixelFit}, returned by the single-pixel functions. */
export type T1FitResult = Readonly<T1PixelFit>;

/** A fresh {@link T1PixelFit} in the `notFitted` state. */
export function newT1PixelFit(): T1PixelFit {
  return {
    t1: Number.NaN,
    t1Star: Number.NaN,
    a: Number.NaN,
    b: Number.NaN,
    r2: Number.NaN,
    sse: Number.NaN,
    nFlip: 0,
    nUsed: 0,
    status: FitStatus.notFitted,
  };
}

/** Copies `src` into `dst`. */
export function copyT1PixelFit(src: Readonly<T1PixelFit>, dst: T1PixelFit): void {
  dst.t1 = src.t1;
  dst.t1Star = src.t1Star;
  dst.a = src.a;
  dst.b = src.b;
  dst.r2 = src.r2;
  dst.sse = src.sse;
  dst.nFlip = src.nFlip;
  dst.nUsed = src.nUsed;
  dst.status = src.status;
}

/** Resets `out` to the given non-fitted status with every number NaN. */
export function clearT1PixelFit(out: T1PixelFit, status: FitStatus): void {
  out.t1 = Number.NaN;
  out.t1Star = Number.NaN;
  out.a = Number.NaN;
  out.b = Number.NaN;
  out.r2 = Number.NaN;
  out.sse = Number.NaN;
  out.nFlip = 0;
  out.nUsed = 0;
  out.status = status;
}
