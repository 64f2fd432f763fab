import { runStatsSpec } from '@cmr-mass/stats';
import { num, type RNum } from '../../stats-bridge/r-json.js';
import type { Quartiles } from './table1.js';

/**
 * Sample quartiles from `@cmr-mass/stats`, which has no `quantile()` (its v1 scope), through an exact
 * identity: for uncensored data the Kaplan-Meier estimate is 1 − ECDF, and survival's quantile rule
 * (the first x with S(x) ≤ 1 − p; the midpoint where S(x) = 1 − p over an interval) is then the
 * averaged inverse ECDF, R's `quantile(x, type = 2)`. The median equals every type's median; the
 * quartiles may differ slightly from R's default type 7. Values must be ≥ 0 (times), as every
 * continuous characteristic of Table 1 is. R: `quantile(x, c(0.25, 0.5, 0.75), type = 2)`.
 * See: Hyndman & Fan, "Sample quantiles in statistical packages", Am Stat 1996;50:361-365 (type 2).
 */
export const statsQuartiles: Quartiles = (values) => {
  const data = values.map((x) => ({ x, e: 1 }));
  const out = runStatsSpec({
    analysis: 'kaplan_meier',
    data,
    time: 'x',
    event: 'e',
    quantiles: [0.25, 0.5, 0.75],
  });
  const rows = (out.result as { quantiles: readonly { prob: number; quantile: RNum }[] }).quantiles;
  const at = (p: number): number => {
    const q = num(rows.find((r) => r.prob === p)?.quantile);
    if (q === null) throw new Error(`statsQuartiles: no ${p} quantile`);
    return q;
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
};
