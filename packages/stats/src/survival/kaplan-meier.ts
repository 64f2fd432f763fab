import { stableOrder } from '../math/order.js';
import { qnorm } from '../math/normal.js';
import { freeze, type MaybeNumber, type MethodInfo } from '../result.js';
import { checkSurvivalInput, splitByGroup, type Grouping } from './grouping.js';
import { quantileRows, type KmQuantileRow } from './km-quantiles.js';
import { summaryRows, type KmSummaryRow } from './km-summary.js';
import { mergeNearTies } from './timefix.js';

/** One Kaplan-Meier curve, one entry per distinct time (event or censoring) of its group. */
export interface KmCurve {
  /** Group label, or `null` for the whole sample. */
  readonly group: string | null;
  /** Number of subjects in the group. */
  readonly n: number;
  readonly time: readonly number[];
  readonly nRisk: readonly number[];
  readonly nEvent: readonly number[];
  readonly nCensor: readonly number[];
  /** Kaplan-Meier S(t). */
  readonly surv: readonly number[];
  /** Greenwood SE of −log S(t): √Σ d/(n(n−d)); `Infinity` once S reaches 0. */
  readonly stdErr: readonly number[];
  /** SE of S(t) itself: S(t) · stdErr (NaN where S = 0 and stdErr = ∞, as in R). */
  readonly stdErrSurv: readonly number[];
  /** Log-method limits exp(log S ∓ z · stdErr), upper capped at 1; `null` (NA) where S = 0. */
  readonly lower: readonly MaybeNumber[];
  readonly upper: readonly MaybeNumber[];
  /** Nelson-Aalen cumulative hazard Σ d/n. */
  readonly cumhaz: readonly number[];
  /** √Σ d/n². */
  readonly stdChaz: readonly number[];
}

/** Result of {@link kaplanMeier}. */
export interface KaplanMeierResult extends MethodInfo {
  readonly confType: 'log';
  readonly confInt: number;
  readonly curves: readonly KmCurve[];
  /** One row per curve: records, events, restricted mean (common upper limit), median and its CI. */
  readonly table: readonly KmSummaryRow[];
  /** Ordered by probability, then by curve (R's `quantile(fit, probs)` flattened). */
  readonly quantiles: readonly KmQuantileRow[];
}

/** Input of {@link kaplanMeier}. */
export interface KaplanMeierInput {
  /** Follow-up times. */
  readonly time: ArrayLike<number>;
  /** 1 = event, 0 = censored. */
  readonly status: ArrayLike<number>;
  /** Optional groups: one curve each, in label order. */
  readonly group?: Grouping;
  /** Level of the confidence limits (default 0.95). */
  readonly confInt?: number;
  /** Probabilities of the quantile rows (default [0.25, 0.5, 0.75]). */
  readonly probs?: readonly number[];
}

/** The Kaplan-Meier curve of the subjects `idx` (times already tie-merged). */
function curveOf(
  group: string | null,
  time: Float64Array,
  status: ArrayLike<number>,
  idx: Uint32Array,
  z: number
): KmCurve {
  const t = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; i++) t[i] = time[idx[i]!]!;
  const ord = stableOrder(t);
  const times: number[] = [];
  const nRisk: number[] = [];
  const nEvent: number[] = [];
  const nCensor: number[] = [];
  let before = 0;
  for (let i = 0; i < ord.length;) {
    const ti = t[ord[i]!]!;
    let d = 0;
    let c = 0;
    let j = i;
    for (; j < ord.length && t[ord[j]!] === ti; j++) {
      if (status[idx[ord[j]!]!] === 1) d++;
      else c++;
    }
    times.push(ti);
    nRisk.push(idx.length - before);
    nEvent.push(d);
    nCensor.push(c);
    before += j - i;
    i = j;
  }
  const m = times.length;
  const surv = new Array<number>(m);
  const stdErr = new Array<number>(m);
  const stdErrSurv = new Array<number>(m);
  const lower = new Array<MaybeNumber>(m);
  const upper = new Array<MaybeNumber>(m);
  const cumhaz = new Array<number>(m);
  const stdChaz = new Array<number>(m);
  let km = 1;
  let greenwood = 0;
  let nelson = 0;
  let nelsonVar = 0;
  for (let k = 0; k < m; k++) {
    const n = nRisk[k]!;
    const d = nEvent[k]!;
    if (d > 0) {
      km *= (n - d) / n;
      greenwood += d / (n * (n - d));
      nelson += d / n;
      nelsonVar += d / (n * n);
    }
    const se = Math.sqrt(greenwood);
    surv[k] = km;
    stdErr[k] = se;
    stdErrSurv[k] = se * km;
    cumhaz[k] = nelson;
    stdChaz[k] = Math.sqrt(nelsonVar);
    if (km === 0) {
      lower[k] = null;
      upper[k] = null;
    } else {
      lower[k] = Math.exp(Math.log(km) - z * se);
      upper[k] = Math.min(Math.exp(Math.log(km) + z * se), 1);
    }
  }
  return freeze({
    group,
    n: idx.length,
    time: times,
    nRisk,
    nEvent,
    nCensor,
    surv,
    stdErr,
    stdErrSurv,
    lower,
    upper,
    cumhaz,
    stdChaz,
  });
}

/**
 * Kaplan-Meier survival curves with Greenwood standard errors and log-method confidence limits, the
 * Nelson-Aalen cumulative hazard, a summary table (restricted mean up to the largest time of all
 * curves, median and its CI by survival's rules) and quantiles with CIs. Near-equal times are merged
 * first, as survival's `timefix` does.
 *
 * R equivalent: `survfit(Surv(time, status) ~ group, conf.int = confInt)` (conf.type = "log"),
 * `summary(fit)$table` (rmean = "common") and `quantile(fit, probs)`.
 * See: E. L. Kaplan & P. Meier (1958), JASA 53:457-481; M. Greenwood (1926), "The natural duration of
 * cancer", Reports on Public Health and Medical Subjects 33; W. Nelson (1972), Technometrics 14:945-966;
 * O. Aalen (1978), Ann Stat 6:701-726.
 * @throws StatsInputError for unequal lengths, non-finite times or a status other than 0/1.
 */
export function kaplanMeier(input: KaplanMeierInput): KaplanMeierResult {
  const { status, group } = input;
  checkSurvivalInput(input.time, status, group);
  const confInt = input.confInt ?? 0.95;
  const probs = input.probs ?? [0.25, 0.5, 0.75];
  const time = mergeNearTies(input.time);
  const z = qnorm(1 - (1 - confInt) / 2);
  const parts = splitByGroup(group, time.length);
  const curves = parts.map((idx, g) => curveOf(group ? group.labels[g]! : null, time, status, idx, z));
  return freeze({
    method:
      'Kaplan-Meier estimate, Greenwood variance, log confidence limits; Nelson-Aalen cumulative hazard',
    rEquivalent:
      'survfit(Surv(time, status) ~ group, conf.type = "log"); summary(fit)$table; quantile(fit, probs)',
    converged: true,
    warnings: [],
    confType: 'log',
    confInt,
    curves,
    table: summaryRows(curves),
    quantiles: quantileRows(curves, probs),
  });
}
