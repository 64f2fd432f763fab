import { R_COHORT_PREP, type Cohort, type ReportParticipantRow } from '../../dataset/dataset.js';
import type { AnalysisRecord } from '../../stats-bridge/record.js';
import type {
  AalenJohansenOut,
  CumincOut,
  KaplanMeierOut,
  KmCurveOut,
  LogrankOut,
} from '../../stats-bridge/r-json.js';
import { num } from '../../stats-bridge/r-json.js';
import { prepare, runStats, type Prepared } from '../../stats-bridge/run.js';
import type { Endpoint } from '../models.js';

type Row = ReportParticipantRow;

/** Times of the risk table and of the landmark estimates: 0-36 months every 6 months, in days. */
export const RISK_TIMES_MONTHS = [0, 6, 12, 18, 24, 30, 36] as const;

/** Months to days as the analysis dataset counts them (36 months = 1,096 days). */
export function monthsToDays(months: number): number {
  return Math.round((months * 365.25) / 12);
}

/** The risk-table times in days (`summary(fit, times = ...)`). */
export const RISK_TIMES_DAYS: readonly number[] = RISK_TIMES_MONTHS.map((m) =>
  Math.min(1096, monthsToDays(m))
);

/** Landmark times of the survival and cumulative-incidence estimates: 12 and 36 months. */
export const LANDMARK_DAYS: readonly number[] = [365, 1096];

const COHORT_LEVELS: readonly Cohort[] = ['non_neoplastic', 'benign', 'malignant'];

/** Participants with a reference mass (a cohort) and follow-up data. */
const byCohort = (row: Row): boolean => row.cohort !== null;

/** Number at risk of a KM curve at time t: the `n_risk` of the first curve time >= t (0 after the last). */
export function nAtRisk(curve: Pick<KmCurveOut, 'time' | 'n_risk'>, t: number): number {
  for (let i = 0; i < curve.time.length; i++) if (curve.time[i]! >= t) return curve.n_risk[i]!;
  return 0;
}

/** S(t) and its CI from a KM curve: the step function at t; null after the curve's last time. */
export function survivalAt(
  curve: Pick<KmCurveOut, 'time' | 'surv' | 'lower' | 'upper'>,
  t: number
): { readonly surv: number | null; readonly lower: number | null; readonly upper: number | null } {
  const last = curve.time[curve.time.length - 1];
  if (last === undefined || t > last) return { surv: null, lower: null, upper: null };
  let k = -1;
  for (let i = 0; i < curve.time.length; i++) if (curve.time[i]! <= t) k = i;
  if (k < 0) return { surv: 1, lower: 1, upper: 1 };
  return { surv: num(curve.surv[k]), lower: num(curve.lower[k]), upper: num(curve.upper[k]) };
}

/** Kaplan-Meier by cohort with the log-rank test, numbers at risk and landmark estimates. */
export interface KmByCohort {
  readonly endpoint: Endpoint['id'];
  readonly km: AnalysisRecord<KaplanMeierOut>;
  readonly logrank: AnalysisRecord<LogrankOut>;
  /** Numbers at risk at {@link RISK_TIMES_DAYS}, per stratum. */
  readonly risk_table: readonly {
    readonly strata: string;
    readonly times: readonly number[];
    readonly n_risk: readonly number[];
  }[];
  /** S(t) with 95% CI at 12 and 36 months, per stratum (null when follow-up does not reach t). */
  readonly landmarks: readonly {
    readonly strata: string;
    readonly time: number;
    readonly surv: number | null;
    readonly lower: number | null;
    readonly upper: number | null;
  }[];
}

function prepareSurvival(rows: readonly Row[], e: Endpoint, status: string): Prepared {
  return prepare(rows, byCohort, {
    [e.time]: (r) => r[e.time],
    [status]: (r) => r[status as keyof Row],
    cohort: (r) => r.cohort,
  });
}

function presentCohorts(data: Prepared): string[] {
  const seen = new Set(data.rows.map((r) => String(r.cohort)));
  return COHORT_LEVELS.filter((c) => seen.has(c));
}

const FILTER_WORDS = 'participants with a reference mass (cohort known) and follow-up from the baseline CMR';

/** Kaplan-Meier curves and the log-rank test of one endpoint by cohort. */
export function kmByCohort(rows: readonly Row[], e: Endpoint): KmByCohort {
  const data = prepareSurvival(rows, e, e.event);
  const factors = { cohort: presentCohorts(data) };
  const events = data.rows.filter((r) => r[e.event] === 1).length;
  const counts = { n: data.n, n_missing: data.n_missing, events };
  const rSub = `${R_COHORT_PREP}\ns <- subset(d, !is.na(cohort) & !is.na(${e.time}) & !is.na(${e.event}))`;
  const km = runStats<KaplanMeierOut>(
    {
      id: `q3.km.${e.id}`,
      title: `${e.label.en}: Kaplan-Meier by cohort`,
      method:
        'Kaplan-Meier estimator, Greenwood variance, log-transformed 95% CI (survival::survfit default)',
      filter: FILTER_WORDS,
      r_code: `${rSub}\nfit <- survfit(Surv(${e.time}, ${e.event}) ~ cohort, data = s)\nsummary(fit, times = c(${RISK_TIMES_DAYS.join(', ')}), extend = TRUE)`,
    },
    {
      analysis: 'kaplan_meier',
      data: data.rows,
      factors,
      time: e.time,
      event: e.event,
      group: 'cohort',
      conf_int: 0.95,
    },
    counts
  );
  const logrank = runStats<LogrankOut>(
    {
      id: `q3.logrank.${e.id}`,
      title: `${e.label.en}: log-rank test across cohorts`,
      method: 'Log-rank test (survdiff, rho = 0)',
      filter: FILTER_WORDS,
      r_code: `${rSub}\nsurvdiff(Surv(${e.time}, ${e.event}) ~ cohort, data = s)`,
    },
    { analysis: 'logrank', data: data.rows, factors, time: e.time, event: e.event, group: 'cohort', rho: 0 },
    counts
  );
  const curves = km.result?.curves ?? [];
  return {
    endpoint: e.id,
    km,
    logrank,
    risk_table: curves.map((c) => ({
      strata: c.strata,
      times: RISK_TIMES_DAYS,
      n_risk: RISK_TIMES_DAYS.map((t) => nAtRisk(c, t)),
    })),
    landmarks: curves.flatMap((c) =>
      LANDMARK_DAYS.map((t) => ({ strata: c.strata, time: t, ...survivalAt(c, t) }))
    ),
  };
}

/** Cumulative incidence of an endpoint with death as a competing risk, by cohort, with Gray's test. */
export function cumulativeIncidence(
  rows: readonly Row[],
  e: Endpoint & { readonly id: 'recurrence' | 'te' }
): AnalysisRecord<CumincOut> {
  const status = e.id === 'recurrence' ? 'event_recurrence_cr' : 'event_te_cr';
  const data = prepareSurvival(rows, e, status);
  const factors = { cohort: presentCohorts(data) };
  return runStats<CumincOut>(
    {
      id: `q3.cuminc.${e.id}`,
      title: `${e.label.en}: cumulative incidence with death as a competing risk, by cohort`,
      method:
        "Cumulative incidence functions (Aalen-Johansen type, cmprsk::cuminc) with death as a competing risk; Gray's test across cohorts",
      filter: FILTER_WORDS,
      r_code: [
        R_COHORT_PREP,
        `s <- subset(d, !is.na(cohort) & !is.na(${e.time}) & !is.na(${status}))`,
        `ci <- cuminc(s$${e.time}, s$${status}, as.character(s$cohort), cencode = 0)`,
        `ci$Tests; timepoints(ci, c(${LANDMARK_DAYS.join(', ')}))`,
      ].join('\n'),
    },
    {
      analysis: 'competing_risks',
      method: 'cuminc',
      data: data.rows,
      factors,
      time: e.time,
      status,
      group: 'cohort',
      at_times: [...LANDMARK_DAYS],
    },
    {
      n: data.n,
      n_missing: data.n_missing,
      events: data.rows.filter((r) => r[status] === 1).length,
    }
  );
}

/**
 * Cumulative incidence at 12 and 36 months with pointwise 95% CIs: survival's Aalen-Johansen
 * estimator (`survfit` with a multi-state status), whose estimates equal cmprsk's `cuminc` and which
 * gives log-transformed confidence limits.
 */
export function incidenceLandmarks(
  rows: readonly Row[],
  e: Endpoint & { readonly id: 'recurrence' | 'te' }
): AnalysisRecord<AalenJohansenOut> {
  const status = e.id === 'recurrence' ? 'event_recurrence_cr' : 'event_te_cr';
  const data = prepareSurvival(rows, e, status);
  const factors = { cohort: presentCohorts(data), [status]: ['0', '1', '2'] };
  return runStats<AalenJohansenOut>(
    {
      id: `q3.aj.${e.id}`,
      title: `${e.label.en}: cumulative incidence at 12 and 36 months (Aalen-Johansen), by cohort`,
      method:
        'Aalen-Johansen estimator of the cumulative incidence with death as a competing state; infinitesimal-jackknife SE, log-transformed 95% CI',
      filter: FILTER_WORDS,
      r_code: [
        R_COHORT_PREP,
        `s <- subset(d, !is.na(cohort) & !is.na(${e.time}) & !is.na(${status}))`,
        `fit <- survfit(Surv(${e.time}, factor(${status}, levels = 0:2)) ~ cohort, data = s)`,
        `summary(fit, times = c(${LANDMARK_DAYS.join(', ')}))`,
      ].join('\n'),
    },
    {
      analysis: 'competing_risks',
      method: 'aalen_johansen',
      data: data.rows,
      factors,
      time: e.time,
      status,
      group: 'cohort',
      at_times: [...LANDMARK_DAYS],
    },
    { n: data.n, n_missing: data.n_missing, events: data.rows.filter((r) => r[status] === 1).length }
  );
}
