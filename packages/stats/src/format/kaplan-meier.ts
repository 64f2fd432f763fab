import type { KaplanMeierResult } from '../survival/kaplan-meier.js';
import { rnum, rnums } from './r-json.js';

/** survfit's stratum name: `"<column>=<label>"`, or `"all"` without groups. */
export const strataName = (column: string | undefined, label: string | null): string =>
  label === null || column === undefined ? 'all' : `${column}=${label}`;

/** The fixtures' `kaplan_meier` result object. */
export function formatKaplanMeier(r: KaplanMeierResult, groupColumn?: string): Record<string, unknown> {
  return {
    conf_type: r.confType,
    conf_int: r.confInt,
    curves: r.curves.map((c) => ({
      strata: strataName(groupColumn, c.group),
      time: rnums(c.time),
      n_risk: rnums(c.nRisk),
      n_event: rnums(c.nEvent),
      n_censor: rnums(c.nCensor),
      surv: rnums(c.surv),
      std_err: rnums(c.stdErr),
      std_err_surv: rnums(c.stdErrSurv),
      lower: rnums(c.lower),
      upper: rnums(c.upper),
      cumhaz: rnums(c.cumhaz),
      std_chaz: rnums(c.stdChaz),
    })),
    table: r.table.map((t) => ({
      strata: strataName(groupColumn, t.group),
      records: t.records,
      n_max: t.nMax,
      n_start: t.nStart,
      events: t.events,
      rmean: rnum(t.rmean),
      se_rmean: rnum(t.seRmean),
      rmean_endtime: rnum(t.rmeanEndTime),
      median: rnum(t.median),
      median_lower95: rnum(t.medianLower),
      median_upper95: rnum(t.medianUpper),
    })),
    quantiles: r.quantiles.map((q) => ({
      strata: strataName(groupColumn, q.group),
      prob: q.prob,
      quantile: rnum(q.quantile),
      lower: rnum(q.lower),
      upper: rnum(q.upper),
    })),
  };
}
