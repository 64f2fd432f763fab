import { StatsComputationError, StatsInputError } from '../errors.js';
import { qnorm } from '../math/normal.js';
import { freeze, type MethodInfo } from '../result.js';
import { clopperPearson, wilsonScore } from './binomial-ci.js';

/** The four cells of a diagnostic 2x2 table. */
export interface TwoByTwo {
  /** Test positive, disease present. */
  readonly tp: number;
  /** Test positive, disease absent. */
  readonly fp: number;
  /** Test negative, disease present. */
  readonly fn: number;
  /** Test negative, disease absent. */
  readonly tn: number;
}

/** A proportion x/n with its Clopper-Pearson and Wilson intervals. */
export interface ProportionWithIntervals {
  readonly x: number;
  readonly n: number;
  readonly estimate: number;
  /** Exact interval, R's `binom.test(x, n)$conf.int`. */
  readonly clopperPearson: readonly [number, number];
  /** Score interval, R's `prop.test(x, n, correct = FALSE)$conf.int`. */
  readonly wilson: readonly [number, number];
}

/** A likelihood ratio with its log-method interval: exp(log LR ∓ z · seLog). */
export interface LikelihoodRatio {
  readonly estimate: number;
  /** Standard error of log(LR). */
  readonly seLog: number;
  readonly lower: number;
  readonly upper: number;
}

/** Result of {@link diagnostic2x2}. */
export interface Diagnostic2x2Result extends MethodInfo {
  readonly table: TwoByTwo & { readonly n: number };
  readonly confLevel: number;
  readonly sensitivity: ProportionWithIntervals;
  readonly specificity: ProportionWithIntervals;
  readonly ppv: ProportionWithIntervals;
  readonly npv: ProportionWithIntervals;
  readonly accuracy: ProportionWithIntervals;
  readonly prevalence: ProportionWithIntervals;
  readonly lrPositive: LikelihoodRatio;
  readonly lrNegative: LikelihoodRatio;
}

function proportion(x: number, n: number, confLevel: number, what: string): ProportionWithIntervals {
  if (n === 0) throw new StatsComputationError(`${what} is undefined: its denominator is 0`);
  return freeze({
    x,
    n,
    estimate: x / n,
    clopperPearson: clopperPearson(x, n, confLevel),
    wilson: wilsonScore(x, n, confLevel),
  });
}

function likelihoodRatio(estimate: number, seLog: number, z: number): LikelihoodRatio {
  return freeze({
    estimate,
    seLog,
    lower: Math.exp(Math.log(estimate) - z * seLog),
    upper: Math.exp(Math.log(estimate) + z * seLog),
  });
}

/**
 * Diagnostic accuracy from a 2x2 table: sensitivity, specificity, PPV, NPV, accuracy and prevalence,
 * each with Clopper-Pearson (1934) and Wilson (1927) intervals, and the positive and negative
 * likelihood ratios with log-method intervals (Simel, Samsa & Matchar 1991). Zero cells are not
 * corrected: the ratios then take their IEEE values (`Infinity`, `NaN`), as R's arithmetic does.
 *
 * R equivalent: `diag_2x2(tp, fp, fn, tn)` of the reference fixtures' `fixture_lib.R`.
 * See: D. L. Simel, G. P. Samsa & D. B. Matchar (1991), "Likelihood ratios with confidence: sample size
 * estimation for diagnostic test studies", J Clin Epidemiol 44:763-770.
 * @throws StatsInputError when a cell is not a non-negative integer (field = the cell's name).
 * @throws StatsComputationError when a margin is 0 (a proportion with denominator 0).
 * @example diagnostic2x2({ tp: 26, fp: 14, fn: 15, tn: 58 }).sensitivity.estimate // returns 26/41
 */
export function diagnostic2x2(
  cells: TwoByTwo,
  options: { readonly confLevel?: number } = {}
): Diagnostic2x2Result {
  for (const key of ['tp', 'fp', 'fn', 'tn'] as const) {
    const v = cells[key];
    if (!Number.isInteger(v) || v < 0) throw new StatsInputError(key, `${key} must be an integer >= 0`);
  }
  const confLevel = options.confLevel ?? 0.95;
  const { tp, fp, fn, tn } = cells;
  const n = tp + fp + fn + tn;
  const z = qnorm(1 - (1 - confLevel) / 2);
  const sens = tp / (tp + fn);
  const spec = tn / (tn + fp);
  return freeze({
    method:
      'Diagnostic accuracy from a 2x2 table; Clopper-Pearson and Wilson intervals; log-method LR intervals',
    rEquivalent:
      'binom.test(x, n)$conf.int; prop.test(x, n, correct = FALSE)$conf.int; exp(log(LR) -/+ qnorm(0.975) * se_log)',
    converged: true,
    warnings: [],
    table: freeze({ tp, fp, fn, tn, n }),
    confLevel,
    sensitivity: proportion(tp, tp + fn, confLevel, 'sensitivity'),
    specificity: proportion(tn, tn + fp, confLevel, 'specificity'),
    ppv: proportion(tp, tp + fp, confLevel, 'PPV'),
    npv: proportion(tn, tn + fn, confLevel, 'NPV'),
    accuracy: proportion(tp + tn, n, confLevel, 'accuracy'),
    prevalence: proportion(tp + fn, n, confLevel, 'prevalence'),
    lrPositive: likelihoodRatio(
      sens / (1 - spec),
      Math.sqrt(1 / tp - 1 / (tp + fn) + 1 / fp - 1 / (fp + tn)),
      z
    ),
    lrNegative: likelihoodRatio(
      (1 - sens) / spec,
      Math.sqrt(1 / fn - 1 / (tp + fn) + 1 / tn - 1 / (fp + tn)),
      z
    ),
  });
}
