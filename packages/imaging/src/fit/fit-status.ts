/**
 * Why a pixel's fit is or is not usable. Stored per pixel as a `Uint8Array` code; `ok` is the only
 * valid state. Kernels never throw on bad pixels; they return one of these codes (style.md §5).
 */
export const FitStatus = {
  /** A valid fit: the model's physical constraints hold and the optimum is inside the search range. */
  ok: 0,
  /** Not fitted: outside the mask, or non-finite input. */
  notFitted: 1,
  /** The signal is constant (zero variance): no information about the time constant. */
  flat: 2,
  /** The best fit violates the model: A <= 0 or B/A <= 1 (MOLLI), M0 <= 0 (T2), or T1 <= 0. */
  invalidModel: 3,
  /** The time constant ran into the edge of the search range (e.g. T1* beyond 20 s for flat data). */
  atBound: 4,
  /** A fitted value lies outside the plausible range given in the options (e.g. T1 above `t1Max`). */
  outOfRange: 5,
  /** ShMOLLI: none of the 5-, 6- or 7-sample fits converged. */
  noConvergence: 6,
} as const;
export type FitStatus = (typeof FitStatus)[keyof typeof FitStatus];

/** Human-readable names of {@link FitStatus} codes, for sidecars and messages. */
export const fitStatusName: Readonly<Record<FitStatus, string>> = {
  0: 'ok',
  1: 'not-fitted',
  2: 'flat',
  3: 'invalid-model',
  4: 'at-bound',
  5: 'out-of-range',
  6: 'no-convergence',
};
