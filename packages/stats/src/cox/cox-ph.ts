import { StatsComputationError, StatsInputError } from '../errors.js';
import { accurateSum } from '../math/accurate-sum.js';
import { pchisq } from '../math/chisq.js';
import { ldlFactor, ldlSolve } from '../math/linalg.js';
import { qnorm } from '../math/normal.js';
import { freeze, type MethodInfo } from '../result.js';
import { mergeNearTies, mergeNearTiesSorted } from '../survival/timefix.js';
import { concordance, type ConcordanceResult } from './concordance.js';
import {
  coxLikelihoodAt,
  coxNewtonRaphson,
  sortedCoxData,
  type CoxControl,
  type CoxLikelihood,
  type CoxTies,
} from './cox-fit.js';
import { coxZphTable, type CoxZphResult } from './cox-zph.js';
import { toArray } from '../math/arrays.js';

export type { CoxControl, CoxLikelihood, CoxTies } from './cox-fit.js';

/** One coefficient of a Cox model. */
export interface CoxCoefficient {
  readonly term: string;
  readonly coef: number;
  /** Hazard ratio exp(coef). */
  readonly expCoef: number;
  readonly se: number;
  readonly z: number;
  readonly p: number;
  /** Wald limits of the hazard ratio, exp(coef ∓ z · se). */
  readonly hrLower: number;
  readonly hrUpper: number;
}

/** A chi-square test: statistic, degrees of freedom, upper-tail p-value. */
export interface ChiSquareTest {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
}

/** Result of {@link coxPh}. */
export interface CoxPhResult extends MethodInfo {
  readonly ties: CoxTies;
  readonly n: number;
  readonly nevent: number;
  readonly iterations: number;
  readonly coefficients: readonly CoxCoefficient[];
  /** Inverse information at the estimate (p × p rows). */
  readonly variance: readonly (readonly number[])[];
  /** Centring means (0 for covariates whose values are all in {−1, 0, 1}, such as factor dummies). */
  readonly means: readonly { readonly term: string; readonly mean: number }[];
  readonly loglikNull: number;
  readonly loglik: number;
  readonly concordance: ConcordanceResult;
  readonly tests: {
    readonly likelihoodRatio: ChiSquareTest;
    readonly wald: ChiSquareTest;
    readonly score: ChiSquareTest;
  };
  /** Linear predictor Xβ − Σ β·mean, in data order. */
  readonly linearPredictors: readonly number[];
}

/** Input of {@link coxPh}. */
export interface CoxPhInput {
  readonly time: ArrayLike<number>;
  /** 1 = event, 0 = censored. */
  readonly status: ArrayLike<number>;
  /** Covariate rows (n × p); a factor enters as 0/1 dummy columns. Give this or `columns`. */
  readonly x?: readonly (readonly number[])[];
  /** Alternatively one array per covariate (p arrays of n): the fast path for large data. */
  readonly columns?: readonly ArrayLike<number>[];
  /** The p coefficient names. */
  readonly names: readonly string[];
  /** Tie handling (default "efron", as R). */
  readonly ties?: CoxTies;
  readonly control?: CoxControl;
}

/** Validates the input and returns the covariates column-major (p × n, data order). */
function checkInput(input: CoxPhInput): Float64Array {
  const n = input.time.length;
  const p = input.names.length;
  if (p === 0) throw new StatsInputError('names', 'a Cox model needs at least one covariate');
  if (input.status.length !== n) {
    throw new StatsInputError('status', 'time and status must have one entry per subject');
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(input.time[i])) throw new StatsInputError(`time[${i}]`, 'times must be finite');
    const s = input.status[i];
    if (s !== 0 && s !== 1) throw new StatsInputError(`status[${i}]`, 'status must be 0 or 1');
  }
  const cols = new Float64Array(p * n);
  if (input.columns) {
    if (input.columns.length !== p) throw new StatsInputError('columns', `give ${p} covariate columns`);
    input.columns.forEach((col, j) => {
      if (col.length !== n) {
        throw new StatsInputError(`columns[${j}]`, 'each column must have one value per subject');
      }
      for (let i = 0; i < n; i++) {
        const v = col[i]!;
        if (!Number.isFinite(v)) {
          throw new StatsInputError(`columns[${j}][${i}]`, 'covariates must be finite');
        }
        cols[j * n + i] = v;
      }
    });
    return cols;
  }
  const x = input.x;
  if (!x || x.length !== n) throw new StatsInputError('x', 'give x (one row per subject) or columns');
  for (let i = 0; i < n; i++) {
    const row = x[i]!;
    if (row.length !== p) throw new StatsInputError(`x[${i}]`, `each row must have ${p} covariates`);
    for (let j = 0; j < p; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v)) throw new StatsInputError(`x[${i}][${j}]`, 'covariates must be finite');
      cols[j * n + i] = v;
    }
  }
  return cols;
}

/**
 * Cox proportional-hazards regression as survival's `coxph`: near-equal times merged, Newton-Raphson
 * from β = 0 with survival's centring, step-halving and stopping rule (so the iterates are R's), Efron
 * or Breslow ties; hazard ratios with Wald CIs; likelihood-ratio, Wald and score tests; Harrell's
 * concordance of the linear predictor with its standard error.
 *
 * R equivalent: `coxph(Surv(time, status) ~ x1 + ..., ties = ties)` and `summary(fit)`.
 * See: D. R. Cox (1972), JRSS B 34:187-220; B. Efron (1977), JASA 72:557-565; N. E. Breslow (1974),
 * Biometrics 30:89-99; T. Therneau & P. Grambsch (2000), Modeling Survival Data, ch. 3.
 * @throws StatsInputError for malformed input (field names the element).
 * @throws StatsComputationError without events, or when a covariate is redundant (singular information).
 */
export function coxPh(input: CoxPhInput): CoxPhResult {
  const cols = checkInput(input);
  const ties = input.ties ?? 'efron';
  const { status, names } = input;
  const n = input.time.length;
  const p = names.length;
  let nevent = 0;
  for (let i = 0; i < n; i++) nevent += status[i]!;
  if (nevent === 0) throw new StatsComputationError('there are no events: the Cox model cannot be fitted');
  const { time, order } = mergeNearTiesSorted(input.time);
  const sorted = sortedCoxData(time, status, cols, p, order);
  const fit = coxNewtonRaphson(sorted, ties, input.control);
  if (fit.rank < p) {
    throw new StatsComputationError(
      'the information matrix is singular: a covariate is redundant or constant'
    );
  }
  const eps = input.control?.eps ?? 1e-9;
  const warnings: string[] = [];
  const beta = fit.beta;
  const v = fit.variance;
  const shift = accurateSum(Array.from(beta, (b, j) => b * fit.means[j]!));
  const lpSum = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const b = beta[j]!;
    for (let i = 0; i < n; i++) lpSum[i] = lpSum[i]! + cols[j * n + i]! * b;
  }
  const lp = new Array<number>(n);
  for (let i = 0; i < n; i++) lp[i] = lpSum[i]! - shift;
  if (!fit.converged) {
    warnings.push('Ran out of iterations and did not converge');
    if (lp.some((v) => v > 500)) warnings.push('one or more coefficients may be infinite');
  } else {
    const flagged: number[] = [];
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let i = 0; i < p; i++) s += fit.score[i]! * v[i * p + j]!;
      const inf = Math.abs(s);
      if (!Number.isFinite(fit.score[j]) || (inf > eps && inf > Math.sqrt(eps) * Math.abs(beta[j]!))) {
        flagged.push(j + 1);
      }
    }
    if (flagged.length > 0) {
      warnings.push(`Loglik converged before variable  ${flagged.join(',')} ; coefficient may be infinite. `);
    }
  }
  // Wald test: βᵀ V⁻¹ β through the same LDLᵀ as survival's coxph.wtest
  const vf = Float64Array.from(v);
  ldlFactor(vf, p, 2.220446049250313e-16 ** 0.75);
  const sol = Float64Array.from(beta);
  ldlSolve(vf, p, sol);
  let wald = 0;
  for (let j = 0; j < p; j++) wald += beta[j]! * sol[j]!;
  const zq = qnorm((1 + 0.95) / 2);
  const coefficients = names.map((term, j) => {
    const b = beta[j]!;
    const se = Math.sqrt(v[j * p + j]!);
    const z = b / se;
    return freeze({
      term,
      coef: b,
      expCoef: Math.exp(b),
      se,
      z,
      p: pchisq(z * z, 1, false),
      hrLower: Math.exp(b - zq * se),
      hrUpper: Math.exp(b + zq * se),
    });
  });
  const lr = -2 * (fit.loglikNull - fit.loglik);
  return freeze({
    method: `Cox proportional hazards, ${ties === 'efron' ? 'Efron' : 'Breslow'} ties, Newton-Raphson (coxph.fit)`,
    rEquivalent: `coxph(Surv(time, status) ~ ..., ties = "${ties}"); summary(fit)`,
    converged: fit.converged,
    warnings,
    ties,
    n,
    nevent,
    iterations: fit.iterations,
    coefficients,
    variance: names.map((_, i) => toArray(v, i * p, i * p + p)),
    means: names.map((term, j) => ({ term, mean: fit.means[j]! })),
    loglikNull: fit.loglikNull,
    loglik: fit.loglik,
    concordance: concordance(time, status, lp, { reverse: true, timeOrder: order }),
    tests: {
      likelihoodRatio: { statistic: lr, df: p, p: pchisq(lr, p, false) },
      wald: { statistic: wald, df: p, p: pchisq(wald, p, false) },
      score: { statistic: fit.scoreTest, df: p, p: pchisq(fit.scoreTest, p, false) },
    },
    linearPredictors: lp,
  });
}

/**
 * The proportional-hazards test of a fitted Cox model (survival 3.x `cox.zph`, transform "km"), one
 * row per term (a factor's dummies tested jointly) plus "GLOBAL". Without `terms`, one row per
 * coefficient (`cox.zph(fit, terms = FALSE)`).
 */
export function coxZph(
  input: CoxPhInput,
  fit: CoxPhResult,
  terms?: readonly { readonly term: string; readonly columns: readonly number[] }[]
): CoxZphResult {
  return coxZphTable({
    time: mergeNearTies(input.time),
    status: input.status,
    columns: checkInput(input),
    eta: fit.linearPredictors,
    ties: fit.ties,
    terms: terms ?? input.names.map((term, j) => ({ term, columns: [j] })),
  });
}

/**
 * The partial log-likelihood, score vector and information matrix of the model at any β (for
 * example, the score is 0 at the estimate of {@link coxPh}). Near-equal times are merged as in the fit.
 */
export function coxLikelihood(input: CoxPhInput, beta: ArrayLike<number>): CoxLikelihood {
  const cols = checkInput(input);
  const { time, order } = mergeNearTiesSorted(input.time);
  const sorted = sortedCoxData(time, input.status, cols, input.names.length, order);
  return coxLikelihoodAt(sorted, beta, input.ties ?? 'efron');
}
