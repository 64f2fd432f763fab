import { StatsComputationError, StatsInputError } from '../errors.js';
import { accurateSum } from '../math/accurate-sum.js';
import { bd0 } from '../math/gamma.js';
import { householderLeastSquares } from '../math/linalg.js';
import { qnorm, twoSidedNormalP } from '../math/normal.js';
import { freeze, type MethodInfo } from '../result.js';
import { toArray } from '../math/arrays.js';

/** One coefficient of a logistic regression. */
export interface GlmCoefficient {
  readonly term: string;
  readonly estimate: number;
  readonly se: number;
  readonly z: number;
  readonly p: number;
  readonly oddsRatio: number;
  /** Wald limits exp(estimate ∓ z · se). */
  readonly orLower: number;
  readonly orUpper: number;
}

/** Result of {@link logisticGlm}. */
export interface LogisticGlmResult extends MethodInfo {
  readonly coefficients: readonly GlmCoefficient[];
  /** p × p covariance of the estimates, row-major rows. */
  readonly vcov: readonly (readonly number[])[];
  readonly n: number;
  readonly aic: number;
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly dfResidual: number;
  readonly dfNull: number;
  readonly loglik: number;
  readonly iterations: number;
}

const DBL_EPSILON = 2.220446049250313e-16;
const THRESH = 30;
const INVEPS = 1 / DBL_EPSILON;

/** R's binomial()$linkinv: the logistic function with its tails clamped at |η| = 30. */
const linkinv = (eta: number): number => {
  const t = eta < -THRESH ? DBL_EPSILON : eta > THRESH ? INVEPS : Math.exp(eta);
  return t / (1 + t);
};
/** R's binomial()$mu.eta: dμ/dη, at least machine epsilon. */
const muEta = (eta: number): number => {
  const opexp = 1 + Math.exp(eta);
  return eta > THRESH || eta < -THRESH ? DBL_EPSILON : Math.exp(eta) / (opexp * opexp);
};
const ylogy = (y: number, mu: number): number => (y !== 0 ? y * Math.log(y / mu) : 0);
/** Binomial deviance residual of one 0/1 observation. */
const devResid = (y: number, mu: number): number => 2 * (ylogy(y, mu) + ylogy(1 - y, 1 - mu));
/** log dbinom(y, 1, mu) as R's dbinom_raw computes it. */
function logDbinom1(y: number, p: number): number {
  const q = 1 - p;
  if (p === 0) return y === 0 ? 0 : -Infinity;
  if (q === 0) return y === 1 ? 0 : -Infinity;
  if (y === 0) return p < 0.1 ? -bd0(1, q) - p : Math.log(q);
  return q < 0.1 ? -bd0(1, p) - q : Math.log(p);
}

/** Options of {@link logisticGlm}. */
export interface LogisticGlmOptions {
  /** Add an intercept column named "(Intercept)" first (default true). */
  readonly intercept?: boolean;
  /** Convergence tolerance on the relative change in deviance (R's default 1e-8). */
  readonly epsilon?: number;
  /** Maximum IRLS iterations (R's default 25). */
  readonly maxIterations?: number;
}

/**
 * Logistic regression by iteratively reweighted least squares, reproducing R's `glm.fit` step for
 * step: the starting values μ = (y + ½)/2, a Householder-QR weighted least-squares solve per
 * iteration, the stopping rule |dev − dev_old|/(|dev| + 0.1) < ε, and the covariance (XᵀWX)⁻¹ with the
 * weights of the last iteration. Wald z tests and Wald odds-ratio intervals, as `summary()` and
 * `confint.default()`.
 *
 * R equivalent: `glm(y ~ x1 + ..., family = binomial)`, `confint.default(fit)`.
 * See: P. McCullagh & J. A. Nelder (1989), Generalized Linear Models, 2nd ed., §2.5 (IRLS).
 * @param x - covariate rows (n × k), without the intercept column.
 * @param y - 0/1 outcomes.
 * @param names - the k covariate names.
 * @throws StatsInputError for mismatched lengths, non-finite values or y not 0/1.
 * @throws StatsComputationError for no rows or a rank-deficient design (a column is a combination of others).
 */
export function logisticGlm(
  x: readonly (readonly number[])[],
  y: ArrayLike<number>,
  names: readonly string[],
  options: LogisticGlmOptions = {}
): LogisticGlmResult {
  const n = y.length;
  const intercept = options.intercept ?? true;
  const epsilon = options.epsilon ?? 1e-8;
  const maxit = options.maxIterations ?? 25;
  if (x.length !== n) throw new StatsInputError('x', 'x must have one row per outcome');
  if (n === 0) throw new StatsComputationError('no observations');
  const k = names.length;
  const p = k + (intercept ? 1 : 0);
  const terms = intercept ? ['(Intercept)', ...names] : [...names];
  const design = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    if (yi !== 0 && yi !== 1) throw new StatsInputError(`y[${i}]`, 'the outcome must be 0 or 1');
    const row = x[i]!;
    if (row.length !== k) throw new StatsInputError(`x[${i}]`, `each row must have ${k} values`);
    if (intercept) design[i * p] = 1;
    for (let j = 0; j < k; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v)) throw new StatsInputError(`x[${i}][${j}]`, 'covariates must be finite');
      design[i * p + j + (intercept ? 1 : 0)] = v;
    }
  }
  if (p === 0) throw new StatsComputationError('the model has no coefficients');

  const mu = new Float64Array(n);
  const eta = new Float64Array(n);
  const dev = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m0 = (y[i]! + 0.5) / 2;
    eta[i] = Math.log(m0 / (1 - m0));
    mu[i] = linkinv(eta[i]!);
    dev[i] = devResid(y[i]!, mu[i]!);
  }
  let devold = accurateSum(dev);
  let deviance = devold;
  let converged = false;
  let iterations = 0;
  let beta: Float64Array = new Float64Array(p);
  let cov: Float64Array = new Float64Array(p * p);
  const wx = new Float64Array(n * p);
  const wz = new Float64Array(n);
  for (let iter = 1; iter <= maxit; iter++) {
    iterations = iter;
    for (let i = 0; i < n; i++) {
      const me = muEta(eta[i]!);
      const z = eta[i]! + (y[i]! - mu[i]!) / me;
      const w = Math.sqrt((me * me) / (mu[i]! * (1 - mu[i]!)));
      for (let j = 0; j < p; j++) wx[i * p + j] = design[i * p + j]! * w;
      wz[i] = z * w;
    }
    const fit = householderLeastSquares(wx, n, p, wz, Math.min(1e-7, epsilon / 1000));
    if (fit.rank < p) {
      throw new StatsComputationError(
        'the design matrix is rank-deficient (a covariate is a combination of others)'
      );
    }
    if (!fit.coefficients.every((b) => Number.isFinite(b))) {
      throw new StatsComputationError(`non-finite coefficients at iteration ${iter}`);
    }
    beta = fit.coefficients;
    cov = fit.unscaledCovariance;
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let j = 0; j < p; j++) e += design[i * p + j]! * beta[j]!;
      eta[i] = e;
      mu[i] = linkinv(e);
      dev[i] = devResid(y[i]!, mu[i]!);
    }
    deviance = accurateSum(dev);
    if (Math.abs(deviance - devold) / (0.1 + Math.abs(deviance)) < epsilon) {
      converged = true;
      break;
    }
    devold = deviance;
  }
  const warnings: string[] = [];
  if (!converged) warnings.push('glm.fit: algorithm did not converge');
  const eps10 = 10 * DBL_EPSILON;
  if (mu.some((m) => m > 1 - eps10 || m < eps10)) {
    warnings.push('glm.fit: fitted probabilities numerically 0 or 1 occurred');
  }
  let ySum = 0;
  for (let i = 0; i < n; i++) ySum += y[i]!;
  const wtdmu = intercept ? ySum / n : 0.5;
  const nullTerms = new Float64Array(n);
  const llTerms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    nullTerms[i] = intercept ? devResid(y[i]!, wtdmu) : devResid(y[i]!, linkinv(0));
    llTerms[i] = logDbinom1(y[i]!, mu[i]!);
  }
  const aic = -2 * accurateSum(llTerms) + 2 * p;
  const zq = [qnorm(0.025), qnorm(0.975)] as const;
  const coefficients = terms.map((term, j) => {
    const est = beta[j]!;
    const se = Math.sqrt(cov[j * p + j]!);
    const z = est / se;
    return freeze({
      term,
      estimate: est,
      se,
      z,
      p: twoSidedNormalP(z),
      oddsRatio: Math.exp(est),
      orLower: Math.exp(est + se * zq[0]),
      orUpper: Math.exp(est + se * zq[1]),
    });
  });
  return freeze({
    method: 'Logistic regression by IRLS (glm.fit), Wald tests and Wald odds-ratio intervals',
    rEquivalent: 'glm(y ~ ..., family = binomial); confint.default(fit)',
    converged,
    warnings,
    coefficients,
    vcov: terms.map((_, i) => toArray(cov, i * p, i * p + p)),
    n,
    aic,
    deviance,
    nullDeviance: accurateSum(nullTerms),
    dfResidual: n - p,
    dfNull: intercept ? n - 1 : n,
    loglik: p - aic / 2,
    iterations,
  });
}
