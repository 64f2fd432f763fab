import type { ChiSquareTest, CoxPhResult } from '../cox/cox-ph.js';
import type { CoxZphResult } from '../cox/cox-zph.js';
import { rnum, rnums } from './r-json.js';

const test = (t: ChiSquareTest): Record<string, unknown> => ({
  statistic: rnum(t.statistic),
  df: t.df,
  p: rnum(t.p),
});
const zphTable = (z: CoxZphResult): Record<string, unknown>[] =>
  z.table.map((r) => ({ term: r.term, chisq: rnum(r.chisq), df: r.df, p: rnum(r.p) }));

/** The fixtures' `coxph` result object; `zph` present when both tables are given. */
export function formatCoxPh(
  r: CoxPhResult,
  zph?: { byTerm: CoxZphResult; byCoefficient: CoxZphResult }
): Record<string, unknown> {
  const c = r.concordance;
  return {
    ties: r.ties,
    n: r.n,
    nevent: r.nevent,
    iter: r.iterations,
    coefficients: r.coefficients.map((k) => ({
      term: k.term,
      coef: rnum(k.coef),
      exp_coef: rnum(k.expCoef),
      se: rnum(k.se),
      z: rnum(k.z),
      p: rnum(k.p),
      hr_lower95: rnum(k.hrLower),
      hr_upper95: rnum(k.hrUpper),
    })),
    var: r.variance.map((row) => rnums(row)),
    means: r.means.map((m) => ({ term: m.term, mean: rnum(m.mean) })),
    loglik_null: rnum(r.loglikNull),
    loglik: rnum(r.loglik),
    concordance: {
      C: rnum(c.c),
      se: rnum(c.se),
      concordant: c.concordant,
      discordant: c.discordant,
      tied_x: c.tiedX,
      tied_y: c.tiedY,
      tied_xy: c.tiedXY,
    },
    tests: {
      likelihood_ratio: test(r.tests.likelihoodRatio),
      wald: test(r.tests.wald),
      score: test(r.tests.score),
    },
    ...(zph
      ? {
          zph: {
            transform: zph.byTerm.transform,
            table: zphTable(zph.byTerm),
            table_by_coefficient: zphTable(zph.byCoefficient),
          },
        }
      : {}),
  };
}
