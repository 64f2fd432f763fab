import type { AalenJohansenResult, AjBlock } from '../competing/aalen-johansen.js';
import type { CumincResult } from '../competing/cuminc.js';
import { strataName } from './kaplan-meier.js';
import { rnum, rnums } from './r-json.js';

/** The fixtures' `competing_risks` result of the `cuminc_*` cases. */
export function formatCuminc(r: CumincResult): Record<string, unknown> {
  return {
    curves: r.curves.map((c) => ({
      name: c.name,
      group: c.group,
      cause: c.cause,
      time: rnums(c.time),
      est: rnums(c.est),
      var: rnums(c.var),
    })),
    at_times: r.atTimes.map((a) => ({
      name: a.name,
      group: a.group,
      cause: a.cause,
      time: rnum(a.time),
      est: rnum(a.est),
      var: rnum(a.var),
    })),
    ...(r.grayTest
      ? { gray_test: r.grayTest.map((g) => ({ cause: g.cause, stat: rnum(g.stat), p: rnum(g.p), df: g.df })) }
      : {}),
  };
}

const block = (b: AjBlock, groupColumn: string | undefined): Record<string, unknown> => ({
  strata: strataName(groupColumn, b.group),
  time: rnums(b.time),
  n_risk: b.nRisk.map((r) => rnums(r)),
  n_event: b.nEvent.map((r) => rnums(r)),
  n_censor: rnums(b.nCensor),
  pstate: b.pstate.map((r) => rnums(r)),
  std_err: b.stdErr.map((r) => rnums(r)),
  lower: b.lower.map((r) => rnums(r)),
  upper: b.upper.map((r) => rnums(r)),
});

/** The fixtures' `competing_risks` result of the `aj_*` cases. */
export function formatAalenJohansen(r: AalenJohansenResult, groupColumn?: string): Record<string, unknown> {
  return {
    states: [...r.states],
    conf_type: r.confType,
    at_times: r.atTimes.map((b) => block(b, groupColumn)),
    curves: r.curves.map((b) => block(b, groupColumn)),
  };
}
