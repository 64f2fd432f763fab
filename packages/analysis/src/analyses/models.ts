import type { ReportParticipantRow } from '../dataset/dataset.js';
import type { AnalysisRecord } from '../stats-bridge/record.js';
import type { CoxOut, GlmOut } from '../stats-bridge/r-json.js';
import { prepare, runStats, type Cell, type Prepared } from '../stats-bridge/run.js';
import { presentFactors, rFactorPrep, rPresent, termColumns, type Term } from './terms.js';
import type { RowFilter } from './common.js';

type Row = ReportParticipantRow;

/** A binary outcome column of the analysis dataset (0/1). */
export interface BinaryOutcome {
  readonly name: string;
  readonly get: (row: Row) => Cell;
  /** R expression for the 0/1 outcome computed from `s`, when it is not a column (else the column). */
  readonly rPrep?: string;
}

/** A time-to-event endpoint of the analysis dataset. */
export interface Endpoint {
  readonly id: 'death' | 'recurrence' | 'te' | 'composite';
  readonly time: 'time_death_days' | 'time_recurrence_days' | 'time_te_days' | 'time_composite_days';
  readonly event: 'event_death' | 'event_recurrence' | 'event_te' | 'event_composite';
  readonly label: { readonly en: string; readonly zh: string };
}

/** The study's endpoints (analysis-dataset.md). */
export const ENDPOINTS: readonly Endpoint[] = [
  {
    id: 'death',
    time: 'time_death_days',
    event: 'event_death',
    label: { en: 'All-cause death', zh: '全因死亡' },
  },
  {
    id: 'recurrence',
    time: 'time_recurrence_days',
    event: 'event_recurrence',
    label: { en: 'Recurrence', zh: '复发' },
  },
  { id: 'te', time: 'time_te_days', event: 'event_te', label: { en: 'Thromboembolism', zh: '血栓栓塞' } },
  {
    id: 'composite',
    time: 'time_composite_days',
    event: 'event_composite',
    label: { en: 'Composite endpoint', zh: '复合终点' },
  },
];

/** A fitted model and the complete-case rows it was fitted on. */
export interface Fitted<R> {
  readonly record: AnalysisRecord<R>;
  readonly data: Prepared;
  readonly factors: Readonly<Record<string, readonly string[]>>;
}

/** Options common to the model builders. */
interface ModelOptions {
  readonly id: string;
  readonly title: string;
  readonly filter: RowFilter;
  readonly terms: readonly Term[];
  /** Columns carried along in the prepared rows but not used by the model (e.g. `participant_id`). */
  readonly carry?: Readonly<Record<string, (row: Row) => Cell>>;
}

/** Logistic regression `glm(outcome ~ terms, family = binomial)` on the complete cases. */
export function logisticModel(
  rows: readonly Row[],
  o: ModelOptions & { readonly outcome: BinaryOutcome }
): Fitted<GlmOut> {
  const data = prepare(rows, o.filter.test, {
    ...o.carry,
    [o.outcome.name]: o.outcome.get,
    ...termColumns(o.terms),
  });
  const factors = presentFactors(data.rows, o.terms);
  const formula = `${o.outcome.name} ~ ${o.terms.map((t) => t.name).join(' + ')}`;
  const r_code = [
    `s <- subset(d, ${[o.filter.r, ...(o.outcome.rPrep ? [] : [`!is.na(${o.outcome.name})`]), ...o.terms.map(rPresent)].join(' & ')})`,
    ...(o.outcome.rPrep ? [o.outcome.rPrep] : []),
    ...rFactorPrep(factors),
    `fit <- glm(${formula}, family = binomial, data = s)`,
    'summary(fit); exp(cbind(OR = coef(fit), confint.default(fit)))',
  ].join('\n');
  const record = runStats<GlmOut>(
    {
      id: o.id,
      title: o.title,
      method:
        'Logistic regression (maximum likelihood, IRLS), Wald 95% CIs of the odds ratios, complete cases',
      filter: o.filter.words,
      r_code,
    },
    {
      analysis: 'logistic_glm',
      data: data.rows,
      factors,
      outcome: o.outcome.name,
      terms: o.terms.map((t) => t.name),
    },
    { n: data.n, n_missing: data.n_missing, events: data.rows.filter((r) => r[o.outcome.name] === 1).length }
  );
  return { record, data, factors };
}

/**
 * Cox proportional-hazards model `coxph(Surv(time, event) ~ terms)` (Efron ties) on the complete
 * cases, with the proportional-hazards test `cox.zph(fit, transform = "km")` and Harrell's C.
 */
export function coxModel(
  rows: readonly Row[],
  o: ModelOptions & { readonly endpoint: Endpoint }
): Fitted<CoxOut> {
  const e = o.endpoint;
  const data = prepare(rows, o.filter.test, {
    [e.time]: (r) => r[e.time],
    [e.event]: (r) => r[e.event],
    ...termColumns(o.terms),
  });
  const factors = presentFactors(data.rows, o.terms);
  const r_code = [
    `s <- subset(d, ${[o.filter.r, `!is.na(${e.time})`, `!is.na(${e.event})`, ...o.terms.map(rPresent)].join(' & ')})`,
    ...rFactorPrep(factors),
    `fit <- coxph(Surv(${e.time}, ${e.event}) ~ ${o.terms.map((t) => t.name).join(' + ')}, data = s, ties = "efron")`,
    'summary(fit); try(cox.zph(fit, transform = "km")); fit$concordance',
  ].join('\n');
  const head = {
    id: o.id,
    title: o.title,
    method:
      'Cox proportional-hazards regression (Efron ties), Wald 95% CIs of the hazard ratios; proportional hazards ' +
      "checked with the cox.zph score test (Kaplan-Meier time transform); Harrell's C-index; complete cases",
    filter: o.filter.words,
    r_code,
  };
  const spec = {
    analysis: 'coxph',
    data: data.rows,
    factors,
    time: e.time,
    event: e.event,
    terms: o.terms.map((t) => t.name),
    ties: 'efron',
    zph: true,
  };
  const counts = {
    n: data.n,
    n_missing: data.n_missing,
    events: data.rows.filter((r) => r[e.event] === 1).length,
  };
  let record = runStats<CoxOut>(head, spec, counts);
  if (record.status === 'not_computed' && /proportional-hazards test/.test(record.message ?? '')) {
    // The model can be fitted even where the PH test cannot: report it without the test, and say why.
    const again = runStats<CoxOut>(head, { ...spec, zph: false }, counts);
    record = {
      ...again,
      warnings: [...again.warnings, `proportional-hazards test not computed: ${record.message ?? ''}`],
    };
  }
  return { record, data, factors };
}

/**
 * The linear predictor of a fitted logistic model for one prepared row: the intercept plus each
 * coefficient times its term (a factor level's coefficient applies when the row has that level).
 * This applies the engine's coefficients; it estimates nothing. R: `predict(fit, newdata, type = "link")`.
 */
export function linearPredictor(
  fit: GlmOut,
  row: Readonly<Record<string, Cell>>,
  terms: readonly Term[]
): number | null {
  let eta = 0;
  for (const c of fit.coefficients) {
    const b = typeof c.estimate === 'number' ? c.estimate : null;
    if (b === null) return null;
    if (c.term === '(Intercept)') {
      eta += b;
      continue;
    }
    const numeric = row[c.term];
    if (typeof numeric === 'number') {
      eta += b * numeric;
      continue;
    }
    const factor = terms.find(
      (t) => t.levels && c.term.startsWith(t.name) && t.levels.includes(c.term.slice(t.name.length))
    );
    if (!factor) return null;
    if (row[factor.name] === c.term.slice(factor.name.length)) eta += b;
  }
  return eta;
}

/** The logistic function. */
export function expit(eta: number): number {
  return 1 / (1 + Math.exp(-eta));
}
