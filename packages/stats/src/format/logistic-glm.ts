import type { LogisticGlmResult } from '../regression/logistic-glm.js';
import { rnum, rnums } from './r-json.js';

/** The fixtures' `logistic_glm` result object. */
export function formatLogisticGlm(r: LogisticGlmResult): Record<string, unknown> {
  return {
    coefficients: r.coefficients.map((c) => ({
      term: c.term,
      estimate: rnum(c.estimate),
      se: rnum(c.se),
      z: rnum(c.z),
      p: rnum(c.p),
      odds_ratio: rnum(c.oddsRatio),
      or_lower95: rnum(c.orLower),
      or_upper95: rnum(c.orUpper),
    })),
    vcov: r.vcov.map((row) => rnums(row)),
    n: r.n,
    aic: rnum(r.aic),
    deviance: rnum(r.deviance),
    null_deviance: rnum(r.nullDeviance),
    df_residual: r.dfResidual,
    df_null: r.dfNull,
    loglik: rnum(r.loglik),
    iter: r.iterations,
    converged: r.converged,
  };
}
