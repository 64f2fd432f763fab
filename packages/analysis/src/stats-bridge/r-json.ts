/**
 * The result schemas of `@cmr-mass/stats` analyses, as its spec runner returns them: the reference
 * fixtures' JSON (shared stats README, "Result schemas per analysis"), field for field R's names.
 * results.json keeps these objects as they are, so that a statistician compares them with R directly.
 */

/** A JSON number or one of R's special values (`NA`, `NaN`, `Inf`, `-Inf`) as a string. */
export type RNum = number | 'NA' | 'NaN' | 'Inf' | '-Inf';

/** An R number as a JavaScript number: `NA` is null, `NaN`/`Inf` the IEEE values. */
export function num(x: RNum | null | undefined): number | null {
  if (x === null || x === undefined || x === 'NA') return null;
  if (x === 'NaN') return Number.NaN;
  if (x === 'Inf') return Number.POSITIVE_INFINITY;
  if (x === '-Inf') return Number.NEGATIVE_INFINITY;
  return x;
}

/** A finite number or null. */
export function finite(x: RNum | null | undefined): number | null {
  const v = num(x);
  return v !== null && Number.isFinite(v) ? v : null;
}

/** `survfit` curve of one stratum. */
export interface KmCurveOut {
  readonly strata: string;
  readonly time: readonly number[];
  readonly n_risk: readonly number[];
  readonly n_event: readonly number[];
  readonly n_censor: readonly number[];
  readonly surv: readonly RNum[];
  readonly std_err: readonly RNum[];
  readonly lower: readonly RNum[];
  readonly upper: readonly RNum[];
}

/** `summary(fit)$table` row. */
export interface KmTableOut {
  readonly strata: string;
  readonly records: number;
  readonly n_start: number;
  readonly events: number;
  readonly median: RNum;
  readonly median_lower95: RNum;
  readonly median_upper95: RNum;
}

/** `kaplan_meier`: `survfit(Surv(time, event) ~ group)`. */
export interface KaplanMeierOut {
  readonly conf_type: string;
  readonly conf_int: number;
  readonly curves: readonly KmCurveOut[];
  readonly table: readonly KmTableOut[];
}

/** `logrank`: `survdiff(Surv(time, event) ~ group)`. */
export interface LogrankOut {
  readonly rho: number;
  readonly groups: readonly {
    readonly group: string;
    readonly n: number;
    readonly observed: number;
    readonly expected: number;
  }[];
  readonly chisq: number;
  readonly df: number;
  readonly p: RNum;
}

/** One row of a `coxph` coefficient table. */
export interface CoxCoefOut {
  readonly term: string;
  readonly coef: RNum;
  readonly exp_coef: RNum;
  readonly se: RNum;
  readonly z: RNum;
  readonly p: RNum;
  readonly hr_lower95: RNum;
  readonly hr_upper95: RNum;
}

/** A chi-square test row. */
export interface ChisqRowOut {
  readonly term: string;
  readonly chisq: RNum;
  readonly df: number;
  readonly p: RNum;
}

/** `coxph`: `coxph(...)`, `summary(fit)`, `cox.zph(fit, transform = "km")`. */
export interface CoxOut {
  readonly ties: string;
  readonly n: number;
  readonly nevent: number;
  readonly coefficients: readonly CoxCoefOut[];
  readonly loglik_null: RNum;
  readonly loglik: RNum;
  readonly concordance: { readonly C: RNum; readonly se: RNum };
  readonly tests: Readonly<
    Record<
      'likelihood_ratio' | 'wald' | 'score',
      { readonly statistic: RNum; readonly df: number; readonly p: RNum }
    >
  >;
  readonly zph?: { readonly transform: string; readonly table: readonly ChisqRowOut[] };
}

/** `competing_risks` with `method: "cuminc"`: cmprsk's `cuminc` and `timepoints`. */
export interface CumincOut {
  readonly curves: readonly {
    readonly name: string;
    readonly group: string;
    readonly cause: string;
    readonly time: readonly number[];
    readonly est: readonly RNum[];
    readonly var: readonly RNum[];
  }[];
  readonly at_times: readonly {
    readonly name: string;
    readonly group: string;
    readonly cause: string;
    readonly time: number;
    readonly est: RNum;
    readonly var: RNum;
  }[];
  readonly gray_test?: readonly {
    readonly cause: string;
    readonly stat: RNum;
    readonly p: RNum;
    readonly df: number;
  }[];
}

/** `competing_risks` with `method: "aalen_johansen"`: survival's `survfit` + `summary(fit, times)`. */
export interface AalenJohansenOut {
  readonly states: readonly string[];
  readonly conf_type: string;
  readonly at_times: readonly {
    readonly strata: string;
    readonly time: readonly number[];
    readonly n_risk: readonly (readonly number[])[];
    readonly pstate: readonly (readonly RNum[])[];
    readonly lower: readonly (readonly RNum[])[];
    readonly upper: readonly (readonly RNum[])[];
  }[];
}

/** A point of an ROC curve. */
export interface RocPointOut {
  readonly threshold: RNum;
  readonly sensitivity: number;
  readonly specificity: number;
}

/** `roc`: pROC's `roc`, `ci.auc(method = "delong")`, `coords(r, "best", best.method = "youden")`. */
export interface RocOut {
  readonly levels: readonly [string, string];
  readonly direction: string;
  readonly n_controls: number;
  readonly n_cases: number;
  readonly auc: number;
  readonly ci_auc_delong: {
    readonly lower: number;
    readonly auc: number;
    readonly upper: number;
    readonly conf_level: number;
  };
  readonly var_auc_delong: RNum;
  readonly best_youden: readonly RocPointOut[];
  readonly curve: readonly RocPointOut[];
}

/** `roc_test`: pROC's `roc.test(method = "delong", paired = TRUE)`. */
export interface RocTestOut {
  readonly method: string;
  readonly statistic: RNum;
  readonly p_value: RNum;
  readonly auc1: number;
  readonly auc2: number;
  readonly conf_int_diff: readonly [RNum, RNum];
  readonly conf_level: number;
}

/** A proportion with its intervals (`diag_2x2`). */
export interface ProportionOut {
  readonly x: number;
  readonly n: number;
  readonly estimate: RNum;
  readonly clopper_pearson: readonly [RNum, RNum];
  readonly wilson: readonly [RNum, RNum];
}

/** `diagnostic_2x2`. */
export interface Diagnostic2x2Out {
  readonly table: {
    readonly tp: number;
    readonly fp: number;
    readonly fn: number;
    readonly tn: number;
    readonly n: number;
  };
  readonly sensitivity: ProportionOut;
  readonly specificity: ProportionOut;
  readonly ppv: ProportionOut;
  readonly npv: ProportionOut;
  readonly accuracy: ProportionOut;
  readonly prevalence: ProportionOut;
  readonly lr_positive: { readonly estimate: RNum; readonly lower: RNum; readonly upper: RNum };
  readonly lr_negative: { readonly estimate: RNum; readonly lower: RNum; readonly upper: RNum };
}

/** `cohen_kappa`. */
export interface KappaOut {
  readonly table: readonly (readonly number[])[];
  readonly categories?: readonly string[];
  readonly weights: string;
  readonly kappa: RNum;
  readonly po: RNum;
  readonly pe: RNum;
  readonly se: RNum;
  readonly lower: RNum;
  readonly upper: RNum;
  readonly z: RNum;
  readonly p: RNum;
}

/** One row of a `logistic_glm` coefficient table. */
export interface GlmCoefOut {
  readonly term: string;
  readonly estimate: RNum;
  readonly se: RNum;
  readonly z: RNum;
  readonly p: RNum;
  readonly odds_ratio: RNum;
  readonly or_lower95: RNum;
  readonly or_upper95: RNum;
}

/** `logistic_glm`: `glm(family = binomial)` with Wald intervals. */
export interface GlmOut {
  readonly coefficients: readonly GlmCoefOut[];
  readonly n: number;
  readonly aic: RNum;
  readonly deviance: RNum;
  readonly null_deviance: RNum;
  readonly converged: boolean;
}
