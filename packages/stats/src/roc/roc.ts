import { StatsComputationError, StatsInputError } from '../errors.js';
import { accurateSum } from '../math/accurate-sum.js';
import { qnorm } from '../math/normal.js';
import { freeze, type MaybeNumber, type MethodInfo } from '../result.js';
import {
  centredCrossProduct,
  placementsOf,
  poolAndSort,
  sampleVariance,
  type PooledSort,
  type RocDirection,
} from './delong.js';
import { toFloat64 } from '../math/arrays.js';

export type { RocDirection } from './delong.js';

/** One point of a ROC curve. */
export interface RocPoint {
  readonly threshold: number;
  readonly sensitivity: number;
  readonly specificity: number;
}

/** The whole ROC curve as parallel arrays (one entry per threshold, specificity increasing). */
export interface RocCurve {
  readonly thresholds: readonly number[];
  readonly sensitivities: readonly number[];
  readonly specificities: readonly number[];
}

/** Result of {@link roc}. */
export interface RocResult extends MethodInfo {
  /** [control level, case level]. */
  readonly levels: readonly [string, string];
  /** The direction used ("auto" resolved). */
  readonly direction: RocDirection;
  /** Marker values of the controls and of the cases, in data order. */
  readonly controls: readonly number[];
  readonly cases: readonly number[];
  /** Trapezoidal area under the empirical curve (= the Mann-Whitney statistic). */
  readonly auc: number;
  /** DeLong variance of the AUC; `null` (NA) with a single case or control. */
  readonly varAuc: MaybeNumber;
  /** θ ∓ z √S truncated to [0, 1]; `null` limits with a single case or control. */
  readonly ciAuc: {
    readonly lower: MaybeNumber;
    readonly auc: MaybeNumber;
    readonly upper: MaybeNumber;
    readonly confLevel: number;
  };
  /** Points maximizing sensitivity + specificity (several when tied), in curve order. */
  readonly bestYouden: readonly RocPoint[];
  /** Every threshold: −∞, the midpoints between consecutive distinct values, +∞ (specificity increasing). */
  readonly curve: RocCurve;
}

/** Options of {@link roc}. */
export interface RocOptions {
  /** [control, case]; default: the two distinct response values (numbers ascending, strings by code unit). */
  readonly levels?: readonly [string, string];
  /** "<": controls lower; "auto" (default): "<" when median(controls) ≤ median(cases) (pROC's rule). */
  readonly direction?: RocDirection | 'auto';
  readonly confLevel?: number;
}

function median(values: readonly number[]): number {
  const s = toFloat64(values).sort();
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** pROC's automatic direction: "<" when median(controls) ≤ median(cases), else ">". */
export function autoDirection(controls: readonly number[], cases: readonly number[]): RocDirection {
  return median(controls) <= median(cases) ? '<' : '>';
}

/** The two levels when none are given: the response's distinct values, sorted. */
export function defaultLevels(response: readonly (string | number)[]): [string, string] {
  const numeric = response.every((v) => typeof v === 'number');
  const distinct = numeric
    ? [...new Set(response as number[])].sort((a, b) => a - b).map(String)
    : [...new Set(response.map(String))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (distinct.length !== 2) {
    throw new StatsInputError('levels', `the response has ${distinct.length} levels, not 2: give levels`);
  }
  return [distinct[0]!, distinct[1]!];
}

/**
 * pROC's threshold between two consecutive distinct values a < b: their midpoint (halves first past
 * 1e100); a midpoint that rounds onto a or b (values one ulp apart) goes to the side the direction needs.
 */
function threshold(a: number, b: number, direction: RocDirection): number {
  const t1 = (a + b) / 2;
  let t = Math.abs(t1) > 1e100 ? a / 2 + b / 2 : t1;
  if (Number.isFinite(a) && Number.isFinite(b)) {
    if (direction === '<' && t === a) t = b;
    if (direction === '>' && t === b) t = a;
  }
  return t;
}

/** Sensitivities and specificities at every threshold, from the pooled sort (pROC's fast algorithm). */
function curveOf(pool: PooledSort, direction: RocDirection): RocCurve {
  const { nControls, nCases, values, order, groupStart } = pool;
  const m = groupStart.length - 1; // distinct values
  const thresholds = new Array<number>(m + 1);
  const se = new Array<number>(m + 1);
  const sp = new Array<number>(m + 1);
  const valueOf = (g: number): number =>
    g < 0 ? -Infinity : g >= m ? Infinity : values[order[groupStart[g]!]!]!;
  let tp = 0;
  let fp = 0;
  if (direction === '<') {
    // positives are above the threshold: walk the values from the top; thresholds ascending
    se[m] = 0;
    sp[m] = 1;
    thresholds[m] = threshold(valueOf(m - 1), valueOf(m), direction);
    for (let g = m - 1; g >= 0; g--) {
      for (let k = groupStart[g]!; k < groupStart[g + 1]!; k++) {
        if (order[k]! >= nControls) tp++;
        else fp++;
      }
      se[g] = tp / nCases;
      sp[g] = (nControls - fp) / nControls;
      thresholds[g] = threshold(valueOf(g - 1), valueOf(g), direction);
    }
    return { thresholds, sensitivities: se, specificities: sp };
  }
  // ">": positives are below the threshold; walk from the bottom, listing thresholds descending
  se[m] = 0;
  sp[m] = 1;
  thresholds[m] = threshold(valueOf(-1), valueOf(0), direction);
  for (let g = 0; g < m; g++) {
    for (let k = groupStart[g]!; k < groupStart[g + 1]!; k++) {
      if (order[k]! >= nControls) tp++;
      else fp++;
    }
    se[m - 1 - g] = tp / nCases;
    sp[m - 1 - g] = (nControls - fp) / nControls;
    thresholds[m - 1 - g] = threshold(valueOf(g), valueOf(g + 1), direction);
  }
  return { thresholds, sensitivities: se, specificities: sp };
}

/** Trapezoidal AUC of a curve listed with specificity increasing. */
export function trapezoidAuc(curve: RocCurve): number {
  const se = curve.sensitivities;
  const sp = curve.specificities;
  const terms = new Float64Array(Math.max(0, se.length - 1));
  for (let i = 1; i < se.length; i++) terms[i - 1] = ((se[i]! + se[i - 1]!) / 2) * (sp[i]! - sp[i - 1]!);
  return accurateSum(terms);
}

/**
 * Empirical ROC curve of a numeric marker for a two-level response, with pROC's rules: controls and
 * cases from `levels` (other responses ignored), the direction from the medians when "auto", thresholds
 * at the midpoints between distinct values; the AUC with DeLong's variance and CI, and the Youden-
 * optimal threshold(s).
 *
 * R equivalent: `roc(response, marker, levels, direction)`, `ci.auc(r, method = "delong")`,
 * `var(r, method = "delong")`, `coords(r, "best", best.method = "youden")` (pROC 1.18).
 * See: DeLong, DeLong & Clarke-Pearson (1988), Biometrics 44:837-845; W. J. Youden (1950), "Index for
 * rating diagnostic tests", Cancer 3:32-35; X. Robin et al. (2011), "pROC", BMC Bioinformatics 12:77.
 * @throws StatsInputError for a non-finite marker value (field `marker[i]`) or without two levels.
 * @throws StatsComputationError without controls or without cases.
 */
export function roc(
  marker: ArrayLike<number>,
  response: readonly (string | number)[],
  options: RocOptions = {}
): RocResult {
  if (marker.length !== response.length) {
    throw new StatsInputError('marker', 'marker and response must have the same length');
  }
  const levels = options.levels ?? defaultLevels(response);
  const controls: number[] = [];
  const cases: number[] = [];
  // classify each distinct response value once: 0 control, 1 case, −1 neither
  const classOf = new Map<string | number, number>();
  for (let i = 0; i < response.length; i++) {
    const value = response[i]!;
    let cls = classOf.get(value);
    if (cls === undefined) {
      const r = String(value);
      cls = r === levels[0] ? 0 : r === levels[1] ? 1 : -1;
      classOf.set(value, cls);
    }
    if (cls < 0) continue;
    const v = marker[i]!;
    if (!Number.isFinite(v)) {
      throw new StatsInputError(`marker[${i}]`, 'marker values must be finite numbers');
    }
    (cls === 0 ? controls : cases).push(v);
  }
  if (controls.length === 0) throw new StatsComputationError('no control observation');
  if (cases.length === 0) throw new StatsComputationError('no case observation');
  const direction =
    options.direction === undefined || options.direction === 'auto'
      ? autoDirection(controls, cases)
      : options.direction;
  return rocFromGroups(controls, cases, direction, [levels[0], levels[1]], options.confLevel ?? 0.95);
}

/** {@link roc} from the controls' and the cases' values directly. */
export function rocFromGroups(
  controls: readonly number[],
  cases: readonly number[],
  direction: RocDirection,
  levels: readonly [string, string],
  confLevel = 0.95
): RocResult {
  const pool = poolAndSort(controls, cases);
  const curve = curveOf(pool, direction);
  const auc = trapezoidAuc(curve);
  const n = controls.length;
  const m = cases.length;
  const warnings: string[] = [];
  let best = -Infinity;
  const { thresholds, sensitivities: se, specificities: sp } = curve;
  for (let i = 0; i < se.length; i++) best = Math.max(best, se[i]! + sp[i]!);
  const bestYouden: RocPoint[] = [];
  for (let i = 0; i < se.length; i++) {
    if (se[i]! + sp[i]! === best) {
      bestYouden.push({ threshold: thresholds[i]!, sensitivity: se[i]!, specificity: sp[i]! });
    }
  }
  if (Math.abs(best - 2) < Math.sqrt(2.220446049250313e-16)) {
    warnings.push('var() of a ROC curve with AUC == 1 is always 0 and can be misleading.');
  }
  let varAuc: MaybeNumber = null;
  let ciAuc: RocResult['ciAuc'] = { lower: null, auc: null, upper: null, confLevel };
  if (m > 1 && n > 1) {
    const pl = placementsOf(pool, direction);
    varAuc = sampleVariance(pl.y) / n + sampleVariance(pl.x) / m;
    const s =
      centredCrossProduct(pl.x, pl.theta, pl.x, pl.theta) / m +
      centredCrossProduct(pl.y, pl.theta, pl.y, pl.theta) / n;
    const sd = Math.sqrt(s);
    const clamp = (v: number): number => Math.min(1, Math.max(0, v));
    ciAuc = {
      lower: clamp(pl.theta + sd * qnorm((1 - confLevel) / 2)),
      auc: clamp(pl.theta + sd * qnorm(0.5)),
      upper: clamp(pl.theta + sd * qnorm(1 - (1 - confLevel) / 2)),
      confLevel,
    };
  }
  return freeze({
    method: 'Empirical ROC curve; DeLong variance and CI of the AUC; Youden-optimal threshold',
    rEquivalent:
      'pROC::roc(response, marker, levels, direction); ci.auc(r, method = "delong"); coords(r, "best")',
    converged: true,
    warnings,
    levels: [levels[0], levels[1]] as const,
    direction,
    controls: controls.slice(),
    cases: cases.slice(),
    auc,
    varAuc,
    ciAuc,
    bestYouden,
    curve,
  });
}
