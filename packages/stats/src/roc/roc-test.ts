import { StatsInputError } from '../errors.js';
import { pnorm, qnorm } from '../math/normal.js';
import { freeze, type MethodInfo } from '../result.js';
import { centredCrossProduct, delongPlacements } from './delong.js';
import type { RocResult } from './roc.js';

/** Result of {@link rocTest}. */
export interface RocTestResult extends MethodInfo {
  readonly alternative: 'two.sided';
  /** Z = (AUC1 − AUC2) / SE. */
  readonly statistic: number;
  readonly statisticName: 'Z';
  readonly pValue: number;
  readonly auc1: number;
  readonly auc2: number;
  /** CI of AUC1 − AUC2. */
  readonly confIntDiff: readonly [number, number];
  readonly confLevel: number;
}

/**
 * DeLong's test for two correlated ROC curves (two markers on the same subjects): the covariance of
 * the two AUCs from the placement values, Z = (θ1 − θ2)/√Var(θ1 − θ2), a two-sided normal p-value and
 * the normal CI of the difference. Both curves must come from the same subjects in the same order
 * (same controls, same cases). Curves with different directions are allowed, with pROC's warning.
 *
 * R equivalent: `pROC::roc.test(roc1, roc2, method = "delong", paired = TRUE)`.
 * See: E. R. DeLong, D. M. DeLong & D. L. Clarke-Pearson (1988), Biometrics 44:837-845.
 * @throws StatsInputError when the curves do not have the same numbers of controls and cases.
 */
export function rocTest(
  roc1: RocResult,
  roc2: RocResult,
  options: { readonly confLevel?: number } = {}
): RocTestResult {
  const n = roc1.controls.length;
  const m = roc1.cases.length;
  if (roc2.controls.length !== n || roc2.cases.length !== m) {
    throw new StatsInputError('roc2', 'paired curves need the same controls and cases');
  }
  const confLevel = options.confLevel ?? 0.95;
  const warnings: string[] = [];
  if (roc1.direction !== roc2.direction) {
    warnings.push("DeLong's test should not be applied to ROC curves with a different direction.");
  }
  const perfect = (r: RocResult): boolean => r.warnings.some((w) => w.includes('AUC == 1'));
  if (perfect(roc1) && perfect(roc2)) {
    warnings.push('roc.test() of two ROC curves with AUC == 1 has always p.value = 1 and can be misleading.');
  }
  const vr = delongPlacements(roc1.cases, roc1.controls, roc1.direction);
  const vs = delongPlacements(roc2.cases, roc2.controls, roc2.direction);
  const sx = (a: Float64Array, ta: number, b: Float64Array, tb: number): number =>
    centredCrossProduct(a, ta, b, tb);
  const s11 = sx(vr.x, vr.theta, vr.x, vr.theta) / m + sx(vr.y, vr.theta, vr.y, vr.theta) / n;
  const s12 = sx(vr.x, vr.theta, vs.x, vs.theta) / m + sx(vr.y, vr.theta, vs.y, vs.theta) / n;
  const s21 = sx(vs.x, vs.theta, vr.x, vr.theta) / m + sx(vs.y, vs.theta, vr.y, vr.theta) / n;
  const s22 = sx(vs.x, vs.theta, vs.x, vs.theta) / m + sx(vs.y, vs.theta, vs.y, vs.theta) / n;
  // L S Lᵀ with L = (1, −1), in the order R's matrix products take
  const sig = Math.sqrt(s11 - s21 - (s12 - s22));
  const d = vr.theta - vs.theta;
  let z = d / sig;
  if (Number.isNaN(z) && d === 0 && sig === 0) z = 0;
  const crit = qnorm(1 - (1 - confLevel) / 2);
  return freeze({
    method: "DeLong's test for two correlated ROC curves",
    rEquivalent: 'pROC::roc.test(roc1, roc2, method = "delong", paired = TRUE)',
    converged: true,
    warnings,
    alternative: 'two.sided',
    statistic: z,
    statisticName: 'Z',
    pValue: 2 * pnorm(-Math.abs(z)),
    auc1: roc1.auc,
    auc2: roc2.auc,
    confIntDiff: [d - crit * sig, d + crit * sig] as const,
    confLevel,
  });
}
