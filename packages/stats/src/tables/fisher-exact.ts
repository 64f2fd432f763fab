import { StatsComputationError, StatsInputError } from '../errors.js';
import { lgamma } from '../math/gamma.js';
import { freeze, type MethodInfo } from '../result.js';
import { tableMargins } from './contingency.js';

/** Result of {@link fisherExact2x2}. */
export interface FisherExactResult extends MethodInfo {
  /** Two-sided p-value. */
  readonly p: number;
  /** The sample odds ratio (a·d)/(b·c) (Infinity or NaN at zero cells). */
  readonly sampleOddsRatio: number;
}

const lchoose = (n: number, k: number): number => lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);

/**
 * Fisher's exact test of independence in a 2 × 2 table, two-sided as R's `fisher.test`: the
 * hypergeometric probabilities of every table with the observed margins, and the p-value as the sum
 * of those no more probable than the observed one (with R's relative tolerance 1 + 10⁻⁷).
 *
 * R equivalent: `fisher.test(tab)$p.value`.
 * See: R. A. Fisher (1935), J R Stat Soc 98:39-82; A. Agresti (2002), Categorical Data Analysis, §3.5.
 * @param table - [[a, b], [c, d]] of whole counts
 * @throws StatsInputError for a table that is not 2 × 2 whole counts ≥ 0
 * @throws StatsComputationError when the table is empty
 */
export function fisherExact2x2(table: readonly (readonly number[])[]): FisherExactResult {
  const { rows, cols, n } = tableMargins(table);
  if (rows.length !== 2 || cols.length !== 2) {
    throw new StatsInputError('table', 'Fisher’s test here takes a 2 × 2 table');
  }
  table.forEach((row, i) => {
    row.forEach((x, j) => {
      if (!Number.isInteger(x)) {
        throw new StatsInputError(`table[${i}][${j}]`, `a count must be a whole number, not ${x}`);
      }
    });
  });
  if (n === 0) throw new StatsComputationError('the table is empty');
  const [[a, b], [c, d]] = table as [[number, number], [number, number]];
  const m = a + c; // first column
  const nn = b + d; // second column
  const k = a + b; // first row
  const lo = Math.max(0, k - nn);
  const hi = Math.min(k, m);
  const logd: number[] = [];
  for (let x = lo; x <= hi; x++) logd.push(lchoose(m, x) + lchoose(nn, k - x) - lchoose(m + nn, k));
  const top = Math.max(...logd);
  const dens = logd.map((v) => Math.exp(v - top));
  const total = dens.reduce((s, v) => s + v, 0);
  const observed = dens[a - lo]!;
  let p = 0;
  for (const v of dens) if (v <= observed * (1 + 1e-7)) p += v;
  return freeze({
    method: "Fisher's exact test for a 2 × 2 table (two-sided)",
    rEquivalent: 'fisher.test(tab)$p.value',
    converged: true,
    warnings: [],
    p: Math.min(1, p / total),
    sampleOddsRatio: (a * d) / (b * c),
  });
}
