import { StatsComputationError } from '../errors.js';
import { accurateSum } from '../math/accurate-sum.js';
import { pchisq } from '../math/chisq.js';
import { quadraticFormInverse } from '../math/linalg.js';
import { stableOrder } from '../math/order.js';
import type { CoxTies } from './cox-fit.js';

/** One row of the proportional-hazards test table. */
export interface ZphRow {
  /** Term name, a coefficient name, or "GLOBAL". */
  readonly term: string;
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
}

/** Result of the proportional-hazards test. */
export interface CoxZphResult {
  readonly transform: 'km';
  readonly table: readonly ZphRow[];
}

/** Input of the test: the data the model was fitted on and the fitted linear predictor. */
export interface ZphInput {
  /** Tie-merged times (as the fit used them). */
  readonly time: Float64Array;
  readonly status: ArrayLike<number>;
  /** Covariates, column-major (p × n, data order), uncentred. */
  readonly columns: Float64Array;
  /** Linear predictor of the fit. */
  readonly eta: ArrayLike<number>;
  readonly ties: CoxTies;
  /** Groups of coefficients to test jointly (a factor is one group), with their names. */
  readonly terms: readonly { readonly term: string; readonly columns: readonly number[] }[];
}

/**
 * 1 − S(t−) of the pooled Kaplan-Meier at each subject's time: the "km" time transform of cox.zph.
 */
function kmTransform(time: Float64Array, status: ArrayLike<number>, order: Uint32Array): Float64Array {
  const n = time.length;
  const out = new Float64Array(n);
  let km = 1;
  for (let a = 0; a < n;) {
    const t = time[order[a]!]!;
    let b = a;
    let d = 0;
    while (b < n && time[order[b]!] === t) {
      d += status[order[b]!]!;
      b++;
    }
    for (let c = a; c < b; c++) out[order[c]!] = 1 - km;
    const nrisk = n - a;
    if (d > 0) km *= (nrisk - d) / nrisk;
    a = b;
  }
  return out;
}

/**
 * The score test of proportional hazards of survival 3.x's `cox.zph` (transform "km"): for
 * β(t) = β + θ g(t), with g the centred Kaplan-Meier transform of time, the score U(θ) at θ = 0 and the
 * full 2p × 2p information give, per term and jointly, the statistic U_θᵀ I⁻¹ U_θ with the β-block of
 * the score set to zero (one step from the fit). Not the older regression on scaled Schoenfeld
 * residuals of survival 2.x.
 *
 * R equivalent: `cox.zph(fit, transform = "km")` (and `terms = FALSE` for one row per coefficient).
 * See: P. M. Grambsch & T. M. Therneau (1994), "Proportional hazards tests and diagnostics based on
 * weighted residuals", Biometrika 81:515-526; Therneau & Grambsch (2000), §6.
 */
export function coxZphTable(input: ZphInput): CoxZphResult {
  const { time, status, columns, eta, ties, terms } = input;
  const n = time.length;
  const p = n === 0 ? 0 : columns.length / n;
  const order = stableOrder(time);
  const ttimes = kmTransform(time, status, order);
  const evTimes: number[] = [];
  for (let i = 0; i < n; i++) if (status[i] === 1) evTimes.push(ttimes[i]!);
  const gmean = accurateSum(evTimes) / evTimes.length;
  const x = new Float64Array(p * n);
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += columns[j * n + i]!;
    const mean = s / n;
    for (let i = 0; i < n; i++) x[j * n + i] = columns[j * n + i]! - mean;
  }
  const p2 = 2 * p;
  const u = new Float64Array(p2);
  const imat = new Float64Array(p2 * p2);
  const a = new Float64Array(p);
  const a2 = new Float64Array(p);
  const cmat = new Float64Array(p * p);
  const cmat2 = new Float64Array(p * p);
  let denom = 0;
  const efron = ties === 'efron';
  for (let ip = n - 1; ip >= 0;) {
    const dtime = time[order[ip]!]!;
    const g = ttimes[order[ip]!]! - gmean;
    let ndead = 0;
    let denom2 = 0;
    for (; ip >= 0 && time[order[ip]!] === dtime; ip--) {
      const person = order[ip]!;
      const risk = Math.exp(eta[person]!);
      if (status[person] === 0) {
        denom += risk;
        for (let i = 0; i < p; i++) {
          const xi = x[i * n + person]!;
          a[i] = a[i]! + risk * xi;
          for (let j = 0; j <= i; j++) cmat[i * p + j] = cmat[i * p + j]! + risk * xi * x[j * n + person]!;
        }
      } else {
        ndead++;
        denom2 += risk;
        for (let i = 0; i < p; i++) {
          const xi = x[i * n + person]!;
          u[i] = u[i]! + xi;
          u[i + p] = u[i + p]! + g * xi;
          a2[i] = a2[i]! + risk * xi;
          for (let j = 0; j <= i; j++) cmat2[i * p + j] = cmat2[i * p + j]! + risk * xi * x[j * n + person]!;
        }
      }
    }
    if (ndead === 0) continue;
    const steps = efron ? ndead : 1;
    const wtave = efron ? 1 : ndead;
    for (let k = 0; k < steps; k++) {
      denom += efron ? denom2 / ndead : denom2;
      for (let i = 0; i < p; i++) {
        a[i] = a[i]! + (efron ? a2[i]! / ndead : a2[i]!);
        const mean = a[i]! / denom;
        u[i] = u[i]! - wtave * mean;
        u[i + p] = u[i + p]! - g * wtave * mean;
        for (let j = 0; j <= i; j++) {
          cmat[i * p + j] = cmat[i * p + j]! + (efron ? cmat2[i * p + j]! / ndead : cmat2[i * p + j]!);
          const tmp = (wtave * (cmat[i * p + j]! - mean * a[j]!)) / denom;
          imat[j * p2 + i] = imat[j * p2 + i]! + tmp;
          imat[j * p2 + i + p] = imat[j * p2 + i + p]! + g * tmp;
          imat[(j + p) * p2 + i + p] = imat[(j + p) * p2 + i + p]! + (efron ? g * g * tmp : tmp * g * g);
        }
      }
    }
    a2.fill(0);
    cmat2.fill(0);
  }
  // symmetric fill, as zph1
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < i; j++) {
      imat[i * p2 + j] = imat[j * p2 + i]!;
      imat[i * p2 + j + p] = imat[j * p2 + i + p]!;
      imat[(i + p) * p2 + j + p] = imat[(j + p) * p2 + i + p]!;
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) imat[(i + p) * p2 + j] = imat[j * p2 + i + p]!;

  const test = (cols: readonly number[]): number => {
    const kk = [...Array.from({ length: p }, (_, i) => i), ...cols.map((c) => c + p)];
    const m = kk.length;
    const sub = new Float64Array(m * m);
    const rhs = new Float64Array(m);
    kk.forEach((r, a1) => {
      rhs[a1] = r < p ? 0 : u[r]!;
      kk.forEach((c, b1) => (sub[a1 * m + b1] = imat[r * p2 + c]!));
    });
    const stat = quadraticFormInverse(sub, m, rhs);
    if (Number.isNaN(stat)) {
      throw new StatsComputationError('the information matrix of the proportional-hazards test is singular');
    }
    return stat;
  };
  const table: ZphRow[] = terms.map((t) => {
    const chisq = test(t.columns);
    return { term: t.term, chisq, df: t.columns.length, p: pchisq(chisq, t.columns.length, false) };
  });
  const all = Array.from({ length: p }, (_, i) => i);
  const global = test(all);
  table.push({ term: 'GLOBAL', chisq: global, df: p, p: pchisq(global, p, false) });
  return { transform: 'km', table };
}
