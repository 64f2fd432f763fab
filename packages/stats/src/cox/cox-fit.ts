import { ldlFactor, ldlInverse, ldlSolve } from '../math/linalg.js';

/** Tie handling of the Cox partial likelihood. */
export type CoxTies = 'efron' | 'breslow';

/**
 * Right-censored data sorted by ascending time, covariates column-major (`x[j * n + i]`), as the fit
 * loop wants them. Built once by {@link sortedCoxData}.
 */
export interface SortedCoxData {
  readonly n: number;
  readonly p: number;
  readonly time: Float64Array;
  readonly status: Uint8Array;
  readonly x: Float64Array;
}

/** What a Newton-Raphson fit returns (coefficients on the original scale). */
export interface CoxFitCore {
  readonly beta: Float64Array;
  /** Inverse information at the estimate, p × p row-major. */
  readonly variance: Float64Array;
  /** Column means used for centring (0 for columns whose values are all in {−1, 0, 1}). */
  readonly means: Float64Array;
  readonly loglikNull: number;
  readonly loglik: number;
  /** Score test statistic at β = 0. */
  readonly scoreTest: number;
  /** Score vector at the last evaluation, on the original scale. */
  readonly score: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Rank of the information matrix at the last step (below p: a redundant covariate). */
  readonly rank: number;
}

/** Control of the iteration, as survival's `coxph.control()`. */
export interface CoxControl {
  /** Relative change in log-likelihood that ends the iteration (default 1e-9). */
  readonly eps?: number;
  /** Singularity tolerance of the Cholesky (default ε^0.75). */
  readonly tolerChol?: number;
  /** Maximum Newton-Raphson iterations (default 20). */
  readonly iterMax?: number;
}

/** Sorts the data by `order` into the layout of {@link SortedCoxData}; `columns` is column-major (p × n). */
export function sortedCoxData(
  time: Float64Array,
  status: ArrayLike<number>,
  columns: Float64Array,
  p: number,
  order: Uint32Array
): SortedCoxData {
  const n = time.length;
  const t = new Float64Array(n);
  const s = new Uint8Array(n);
  const x = new Float64Array(n * p);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    t[k] = time[i]!;
    s[k] = status[i]!;
  }
  for (let j = 0; j < p; j++) {
    const off = j * n;
    for (let k = 0; k < n; k++) x[off + k] = columns[off + order[k]!]!;
  }
  return { n, p, time: t, status: s, x };
}

/** Scratch space of one likelihood evaluation. */
interface Work {
  readonly u: Float64Array;
  readonly imat: Float64Array;
  readonly a: Float64Array;
  readonly a2: Float64Array;
  readonly cmat: Float64Array;
  readonly cmat2: Float64Array;
  readonly zbeta: Float64Array;
  /** The current subject's covariates. */
  readonly xrow: Float64Array;
}

/**
 * One evaluation of the partial log-likelihood, its score u and information imat (upper triangle,
 * row-major) at beta, walking the risk sets from the last time backwards with running sums, with
 * Breslow's or Efron's (1977) handling of tied deaths. O(n p²), no allocation.
 */
function evaluate(d: SortedCoxData, beta: Float64Array, efron: boolean, w: Work): number {
  const { n, p, time, status, x } = d;
  const { u, imat, a, a2, cmat, cmat2, zbeta } = w;
  u.fill(0);
  imat.fill(0);
  a.fill(0);
  a2.fill(0);
  cmat.fill(0);
  cmat2.fill(0);
  zbeta.fill(0);
  for (let j = 0; j < p; j++) {
    const bj = beta[j]!;
    const col = j * n;
    for (let i = 0; i < n; i++) zbeta[i] = zbeta[i]! + bj * x[col + i]!;
  }
  let loglik = 0;
  let denom = 0;
  const xr = w.xrow;
  for (let person = n - 1; person >= 0;) {
    const dtime = time[person]!;
    let ndead = 0;
    let deadwt = 0;
    let denom2 = 0;
    for (; person >= 0 && time[person] === dtime; person--) {
      const zb = zbeta[person]!;
      const risk = Math.exp(zb);
      for (let i = 0; i < p; i++) xr[i] = x[i * n + person]!;
      if (status[person] === 0) {
        denom += risk;
        for (let i = 0; i < p; i++) {
          const rxi = risk * xr[i]!;
          a[i] = a[i]! + rxi;
          const row = i * p;
          for (let j = 0; j <= i; j++) cmat[row + j] = cmat[row + j]! + rxi * xr[j]!;
        }
      } else {
        ndead++;
        deadwt += 1;
        denom2 += risk;
        loglik += zb;
        for (let i = 0; i < p; i++) {
          const rxi = risk * xr[i]!;
          u[i] = u[i]! + xr[i]!;
          a2[i] = a2[i]! + rxi;
          const row = i * p;
          for (let j = 0; j <= i; j++) cmat2[row + j] = cmat2[row + j]! + rxi * xr[j]!;
        }
      }
    }
    if (ndead === 0) continue;
    if (!efron || ndead === 1) {
      denom += denom2;
      loglik -= deadwt * Math.log(denom);
      for (let i = 0; i < p; i++) {
        a[i] = a[i]! + a2[i]!;
        const mean = a[i]! / denom;
        u[i] = u[i]! - deadwt * mean;
        for (let j = 0; j <= i; j++) {
          cmat[i * p + j] = cmat[i * p + j]! + cmat2[i * p + j]!;
          imat[j * p + i] = imat[j * p + i]! + (deadwt * (cmat[i * p + j]! - mean * a[j]!)) / denom;
        }
      }
    } else {
      // Efron: the k-th of the tied deaths sees (ndead − k)/ndead of the tied risk
      const wtave = deadwt / ndead;
      for (let k = 0; k < ndead; k++) {
        denom += denom2 / ndead;
        loglik -= wtave * Math.log(denom);
        for (let i = 0; i < p; i++) {
          a[i] = a[i]! + a2[i]! / ndead;
          const mean = a[i]! / denom;
          u[i] = u[i]! - wtave * mean;
          for (let j = 0; j <= i; j++) {
            cmat[i * p + j] = cmat[i * p + j]! + cmat2[i * p + j]! / ndead;
            imat[j * p + i] = imat[j * p + i]! + (wtave * (cmat[i * p + j]! - mean * a[j]!)) / denom;
          }
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  return loglik;
}

/** Scales a variance computed on scaled covariates back to the original scale (symmetric fill). */
function unscale(v: Float64Array, scale: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) out[i * p + j] = v[i * p + j]! * scale[i]! * scale[j]!;
  }
  return out;
}

/**
 * Newton-Raphson maximisation of the Cox partial likelihood exactly as survival's `coxfit6`: columns
 * centred and scaled (those with values only in {−1, 0, 1} left alone), start at β = 0, step-halving
 * when the log-likelihood drops, stop when |1 − ℓ_old/ℓ_new| ≤ eps. The data layout is modified in
 * place (centred, scaled).
 *
 * See: D. R. Cox (1972), "Regression models and life-tables", JRSS B 34:187-220; B. Efron (1977), "The
 * efficiency of Cox's likelihood function for censored data", JASA 72:557-565; N. E. Breslow (1974),
 * Biometrics 30:89-99; Therneau & Grambsch (2000), Modeling Survival Data, §3.
 */
export function coxNewtonRaphson(d: SortedCoxData, ties: CoxTies, control: CoxControl = {}): CoxFitCore {
  const { n, p, x } = d;
  const eps = control.eps ?? 1e-9;
  const toler = control.tolerChol ?? 2.220446049250313e-16 ** 0.75;
  const maxiter = control.iterMax ?? 20;
  const efron = ties === 'efron';
  const means = new Float64Array(p);
  const scale = new Float64Array(p).fill(1);
  for (let j = 0; j < p; j++) {
    const col = j * n;
    let zeroOne = true;
    for (let i = 0; i < n && zeroOne; i++) {
      const v = x[col + i]!;
      if (v !== 0 && v !== 1 && v !== -1) zeroOne = false;
    }
    if (zeroOne) continue;
    let s = 0;
    for (let i = 0; i < n; i++) s += x[col + i]!;
    const mean = s / n;
    means[j] = mean;
    let abs = 0;
    for (let i = 0; i < n; i++) {
      x[col + i] = x[col + i]! - mean;
      abs += Math.abs(x[col + i]!);
    }
    const sc = abs > 0 ? n / abs : 1;
    scale[j] = sc;
    for (let i = 0; i < n; i++) x[col + i] = x[col + i]! * sc;
  }
  const work: Work = {
    u: new Float64Array(p),
    imat: new Float64Array(p * p),
    a: new Float64Array(p),
    a2: new Float64Array(p),
    cmat: new Float64Array(p * p),
    cmat2: new Float64Array(p * p),
    zbeta: new Float64Array(n),
    xrow: new Float64Array(p),
  };
  const beta = new Float64Array(p);
  const loglikNull = evaluate(d, beta, efron, work);
  const step = Float64Array.from(work.u);
  let rank = ldlFactor(work.imat, p, toler);
  ldlSolve(work.imat, p, step);
  let scoreTest = 0;
  for (let i = 0; i < p; i++) scoreTest += work.u[i]! * step[i]!;

  let best = loglikNull;
  const newbeta = new Float64Array(p);
  for (let i = 0; i < p; i++) newbeta[i] = beta[i]! + step[i]!;
  let halving = 0;
  for (let iter = 1; iter <= maxiter; iter++) {
    const newlk = evaluate(d, newbeta, efron, work);
    rank = ldlFactor(work.imat, p, toler);
    let finite = Number.isFinite(newlk);
    for (let i = 0; i < p && finite; i++) {
      if (!Number.isFinite(work.u[i])) finite = false;
      for (let j = 0; j < p; j++) if (!Number.isFinite(work.imat[i * p + j])) finite = false;
    }
    if (finite && Math.abs(1 - best / newlk) <= eps) {
      const inv = ldlInverse(work.imat, p);
      const out = Float64Array.from(newbeta, (b, i) => b * scale[i]!);
      return {
        beta: out,
        variance: unscale(inv, scale, p),
        means,
        loglikNull,
        loglik: newlk,
        scoreTest,
        score: Float64Array.from(work.u, (v, i) => v / scale[i]!),
        iterations: iter,
        converged: true,
        rank,
      };
    }
    if (!finite || newlk < best) {
      halving++;
      for (let i = 0; i < p; i++) newbeta[i] = (newbeta[i]! + halving * beta[i]!) / (halving + 1);
    } else {
      halving = 0;
      best = newlk;
      const u = Float64Array.from(work.u);
      ldlSolve(work.imat, p, u);
      for (let i = 0; i < p; i++) {
        beta[i] = newbeta[i]!;
        newbeta[i] = newbeta[i]! + u[i]!;
      }
    }
  }
  // out of iterations: as survival, re-evaluate at the last accepted β; its variance is then the
  // inverse of the information's diagonal (coxfit6 inverts the unfactored matrix)
  const loglik = maxiter > 1 ? evaluate(d, beta, efron, work) : best;
  const inv = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    const dii = work.imat[i * p + i]!;
    inv[i * p + i] = dii > 0 ? 1 / dii : 0;
  }
  return {
    beta: Float64Array.from(beta, (b, i) => b * scale[i]!),
    variance: unscale(inv, scale, p),
    means,
    loglikNull,
    loglik,
    scoreTest,
    score: Float64Array.from(work.u, (v, i) => v / scale[i]!),
    iterations: maxiter + 1, // coxfit6's loop counter after the last pass
    converged: false,
    rank,
  };
}

/** Partial log-likelihood, score and information (full symmetric p × p) at `beta`. */
export interface CoxLikelihood {
  readonly loglik: number;
  readonly score: Float64Array;
  readonly information: Float64Array;
}

/**
 * The Cox partial log-likelihood with its first and second derivatives at any β (Breslow or Efron
 * ties), on sorted data that is not centred or scaled. Used to check a fit (the score is 0 at the
 * estimate) and for profile or test computations.
 */
export function coxLikelihoodAt(d: SortedCoxData, beta: ArrayLike<number>, ties: CoxTies): CoxLikelihood {
  const p = d.p;
  const work: Work = {
    u: new Float64Array(p),
    imat: new Float64Array(p * p),
    a: new Float64Array(p),
    a2: new Float64Array(p),
    cmat: new Float64Array(p * p),
    cmat2: new Float64Array(p * p),
    zbeta: new Float64Array(d.n),
    xrow: new Float64Array(p),
  };
  const loglik = evaluate(d, Float64Array.from(beta), ties === 'efron', work);
  const info = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      info[i * p + j] = work.imat[i * p + j]!;
      info[j * p + i] = work.imat[i * p + j]!;
    }
  }
  return { loglik, score: Float64Array.from(work.u), information: info };
}
