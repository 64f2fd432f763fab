import type { RocPoint, RocResult } from '../roc/roc.js';
import type { RocTestResult } from '../roc/roc-test.js';
import { rnum, rnums } from './r-json.js';

const point = (p: RocPoint): Record<string, unknown> => ({
  threshold: rnum(p.threshold),
  sensitivity: rnum(p.sensitivity),
  specificity: rnum(p.specificity),
});

/** The fixtures' `roc` result object. */
export function formatRoc(r: RocResult): Record<string, unknown> {
  return {
    levels: [...r.levels],
    direction: r.direction,
    n_controls: r.controls.length,
    n_cases: r.cases.length,
    auc: rnum(r.auc),
    ci_auc_delong: {
      lower: rnum(r.ciAuc.lower),
      auc: rnum(r.ciAuc.auc),
      upper: rnum(r.ciAuc.upper),
      conf_level: r.ciAuc.confLevel,
    },
    var_auc_delong: rnum(r.varAuc),
    best_youden: r.bestYouden.map(point),
    curve: r.curve.thresholds.map((t, i) => ({
      threshold: rnum(t),
      sensitivity: rnum(r.curve.sensitivities[i]!),
      specificity: rnum(r.curve.specificities[i]!),
    })),
  };
}

/** The fixtures' `roc` result object of the `test_*` cases (paired DeLong test). */
export function formatRocTest(r: RocTestResult): Record<string, unknown> {
  return {
    method: r.method,
    alternative: r.alternative,
    statistic: rnum(r.statistic),
    statistic_name: r.statisticName,
    p_value: rnum(r.pValue),
    auc1: rnum(r.auc1),
    auc2: rnum(r.auc2),
    conf_int_diff: rnums(r.confIntDiff),
    conf_level: r.confLevel,
  };
}
