import type {
  Diagnostic2x2Result,
  LikelihoodRatio,
  ProportionWithIntervals,
} from '../diagnostic/diagnostic-2x2.js';
import { rnum, rnums } from './r-json.js';

const proportion = (p: ProportionWithIntervals): Record<string, unknown> => ({
  x: p.x,
  n: p.n,
  estimate: rnum(p.estimate),
  clopper_pearson: rnums(p.clopperPearson),
  wilson: rnums(p.wilson),
});

const ratio = (r: LikelihoodRatio): Record<string, unknown> => ({
  estimate: rnum(r.estimate),
  se_log: rnum(r.seLog),
  lower: rnum(r.lower),
  upper: rnum(r.upper),
});

/** The fixtures' `diagnostic_2x2` result object. */
export function formatDiagnostic2x2(r: Diagnostic2x2Result): Record<string, unknown> {
  return {
    table: { ...r.table },
    sensitivity: proportion(r.sensitivity),
    specificity: proportion(r.specificity),
    ppv: proportion(r.ppv),
    npv: proportion(r.npv),
    accuracy: proportion(r.accuracy),
    prevalence: proportion(r.prevalence),
    lr_positive: ratio(r.lrPositive),
    lr_negative: ratio(r.lrNegative),
  };
}
