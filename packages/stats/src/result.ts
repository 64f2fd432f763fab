/**
 * What every result of this package says about itself (style.md "What to absorb" 8): the method, the
 * R code it reproduces, whether it converged, and the warnings R would have printed.
 *
 * Missing values: where R returns `NA` (a median that is never reached, a confidence limit at
 * S(t) = 0...), results hold `null`. IEEE values R also produces (`NaN`, `Inf`) stay numbers.
 */
export interface MethodInfo {
  /** The method in words, e.g. "Kaplan-Meier estimate, Greenwood variance, log confidence interval". */
  readonly method: string;
  /** The R call whose numbers this result reproduces, e.g. `survfit(Surv(time, status) ~ sex)`. */
  readonly rEquivalent: string;
  /** Closed-form results are always converged; iterative fits say whether the stopping rule was met. */
  readonly converged: boolean;
  /** Warnings R would print for the same input (non-convergence, a perfect ROC curve...). */
  readonly warnings: readonly string[];
}

/** A number or R's `NA` (`null`). */
export type MaybeNumber = number | null;

/** Freezes an object shallowly and returns it typed as read-only. */
export function freeze<T extends object>(value: T): Readonly<T> {
  return Object.freeze(value);
}
