import type { LogrankResult } from '../survival/logrank.js';
import { strataName } from './kaplan-meier.js';
import { rnum, rnums } from './r-json.js';

/** The fixtures' `logrank` result object. */
export function formatLogrank(r: LogrankResult, groupColumn: string): Record<string, unknown> {
  return {
    rho: r.rho,
    groups: r.groups.map((g) => ({
      group: strataName(groupColumn, g.group),
      n: g.n,
      observed: rnum(g.observed),
      expected: rnum(g.expected),
      o_minus_e_sq_over_e: rnum(g.oMinusESqOverE),
      o_minus_e_sq_over_v: rnum(g.oMinusESqOverV),
    })),
    var: r.variance.map((row) => rnums(row)),
    chisq: rnum(r.chisq),
    df: r.df,
    p: rnum(r.p),
  };
}
