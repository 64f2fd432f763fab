import { StatsComputationError, StatsInputError } from '../errors.js';
import { accurateSum } from '../math/accurate-sum.js';
import { qnorm, twoSidedNormalP } from '../math/normal.js';
import { freeze, type MethodInfo } from '../result.js';
import { tableMargins } from '../tables/contingency.js';

/** Agreement weights of Cohen's kappa. */
export const KappaWeights = {
  /** w = identity: only exact agreement counts (Cohen 1960). */
  unweighted: 'unweighted',
  /** w_ij = 1 − |i − j|/(k − 1). */
  linear: 'linear',
  /** w_ij = 1 − (i − j)²/(k − 1)² (Cohen 1968; equals the intraclass correlation asymptotically). */
  quadratic: 'quadratic',
} as const;
/** One of the {@link KappaWeights} names. */
export type KappaWeights = (typeof KappaWeights)[keyof typeof KappaWeights];

/** Result of {@link cohenKappa}. */
export interface CohenKappaResult extends MethodInfo {
  /** The k × k table of counts (rows = rater 1, columns = rater 2). */
  readonly table: readonly (readonly number[])[];
  readonly weights: KappaWeights;
  readonly weightMatrix: readonly (readonly number[])[];
  readonly kappa: number;
  /** Observed weighted agreement. */
  readonly po: number;
  /** Weighted agreement expected by chance from the margins. */
  readonly pe: number;
  /** Large-sample standard error (non-null variance). */
  readonly se: number;
  readonly lower: number;
  readonly upper: number;
  /** Standard error under H0: kappa = 0. */
  readonly se0: number;
  /** kappa / se0. */
  readonly z: number;
  /** Two-sided p-value of z. */
  readonly p: number;
  readonly confLevel: number;
}

/** The k × k agreement-weight matrix for the given scheme. */
export function kappaWeightMatrix(k: number, weights: KappaWeights): number[][] {
  const w: number[][] = [];
  for (let i = 0; i < k; i++) {
    const row: number[] = [];
    for (let j = 0; j < k; j++) {
      const d = i - j;
      switch (weights) {
        case 'unweighted':
          row.push(i === j ? 1 : 0);
          break;
        case 'linear':
          row.push(1 - Math.abs(d) / (k - 1));
          break;
        case 'quadratic':
          row.push(1 - (d * d) / ((k - 1) * (k - 1)));
          break;
      }
    }
    w.push(row);
  }
  return w;
}

/**
 * Cohen's kappa for two raters on k ordered categories, unweighted or with linear or quadratic
 * agreement weights, with the large-sample variances of Fleiss, Cohen & Everitt (1969): the standard
 * error and CI use the non-null variance, z and p the null variance. A variance that rounding pushes
 * just below 0 (above −1e-12) is set to 0, as the reference R code does.
 *
 * R equivalent: `kappa_fce(tab, weights)` of the reference fixtures' `fixture_lib.R`.
 * See: J. L. Fleiss, J. Cohen & B. S. Everitt (1969), "Large sample standard errors of kappa and weighted
 * kappa", Psychological Bulletin 72:323-327; J. Cohen (1968), "Weighted kappa", Psychol Bull 70:213-220.
 * @param table - k × k counts, rows = rater 1, columns = rater 2, same category order; k ≥ 2.
 * @throws StatsInputError for a table that is not square k × k with finite counts ≥ 0 (field `table...`).
 * @throws StatsComputationError when the table is empty.
 */
export function cohenKappa(
  table: readonly (readonly number[])[],
  options: { readonly weights?: KappaWeights; readonly confLevel?: number } = {}
): CohenKappaResult {
  const weights = options.weights ?? 'unweighted';
  const confLevel = options.confLevel ?? 0.95;
  const k = table.length;
  tableMargins(table); // a rectangle of finite counts >= 0, at least 2 x 2 (names the bad cell)
  if (table[0]!.length !== k) throw new StatsInputError('table[0]', `row 0 must have ${k} counts (k x k)`);
  const cell = (i: number, j: number): number => table[i]![j]!;
  const all: number[] = [];
  for (let j = 0; j < k; j++) for (let i = 0; i < k; i++) all.push(cell(i, j)); // R's column-major order
  const n = accurateSum(all);
  if (n === 0) throw new StatsComputationError('the table is empty (all counts are 0)');
  const p = (i: number, j: number): number => cell(i, j) / n;
  const pr: number[] = [];
  const pc: number[] = [];
  for (let i = 0; i < k; i++) {
    const row: number[] = [];
    const col: number[] = [];
    for (let j = 0; j < k; j++) {
      row.push(p(i, j));
      col.push(p(j, i));
    }
    pr.push(accurateSum(row));
    pc.push(accurateSum(col));
  }
  const w = kappaWeightMatrix(k, weights);
  const wt = (i: number, j: number): number => w[i]![j]!;
  const overCells = (f: (i: number, j: number) => number): number => {
    const terms: number[] = [];
    for (let j = 0; j < k; j++) for (let i = 0; i < k; i++) terms.push(f(i, j));
    return accurateSum(terms);
  };
  const po = overCells((i, j) => wt(i, j) * p(i, j));
  const pe = overCells((i, j) => wt(i, j) * (pr[i]! * pc[j]!));
  const kappa = (po - pe) / (1 - pe);
  // wbar_i. = Σ_j w_ij p_.j and wbar_.j = Σ_i w_ij p_i. (R's %*%: plain accumulation in index order)
  const wr: number[] = [];
  const wc: number[] = [];
  for (let i = 0; i < k; i++) {
    let a = 0;
    let b = 0;
    for (let j = 0; j < k; j++) {
      a += wt(i, j) * pc[j]!;
      b += wt(j, i) * pr[j]!;
    }
    wr.push(a);
    wc.push(b);
  }
  const s = (i: number, j: number): number => wr[i]! + wc[j]!;
  const denom = n * (1 - pe) ** 2;
  let var1 =
    (overCells((i, j) => p(i, j) * (wt(i, j) - s(i, j) * (1 - kappa)) ** 2) -
      (kappa - pe * (1 - kappa)) ** 2) /
    denom;
  let var0 = (overCells((i, j) => pr[i]! * pc[j]! * (wt(i, j) - s(i, j)) ** 2) - pe * pe) / denom;
  if (var1 < 0 && var1 > -1e-12) var1 = 0;
  if (var0 < 0 && var0 > -1e-12) var0 = 0;
  const zq = qnorm(1 - (1 - confLevel) / 2);
  const se = Math.sqrt(var1);
  const se0 = Math.sqrt(var0);
  const z = kappa / se0;
  return freeze({
    method: `Cohen's kappa (${weights}), Fleiss-Cohen-Everitt large-sample variances`,
    rEquivalent: `kappa_fce(tab, weights = "${weights}")`,
    converged: true,
    warnings: [],
    table: table.map((row) => [...row]),
    weights,
    weightMatrix: w,
    kappa,
    po,
    pe,
    se,
    lower: kappa - zq * se,
    upper: kappa + zq * se,
    se0,
    z,
    p: twoSidedNormalP(z),
    confLevel,
  });
}
