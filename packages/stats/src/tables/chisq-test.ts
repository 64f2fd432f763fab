import { StatsComputationError } from '../errors.js';
import { pchisq } from '../math/chisq.js';
import { freeze, type MethodInfo } from '../result.js';
import { tableMargins } from './contingency.js';

/** Result of {@link chisqTest}. */
export interface ChisqTestResult extends MethodInfo {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** Expected counts under independence, r_i c_j / n. */
  readonly expected: readonly (readonly number[])[];
  /** True when Yates' continuity correction was applied (2 × 2 tables, `correct`). */
  readonly corrected: boolean;
  /** The smallest expected count (R warns below 5). */
  readonly minExpected: number;
}

/**
 * Pearson's chi-squared test of independence in an r × c table of counts, as R's
 * `chisq.test(table, correct = TRUE)`: expected counts from the margins, X² = Σ (|O − E| − Y)²/E with
 * Yates' correction Y = min(0.5, |O − E|) for 2 × 2 tables (Y = 0 otherwise), df = (r − 1)(c − 1),
 * p from the upper tail of χ²(df). Warns, as R does, when an expected count is below 5.
 *
 * R equivalent: `chisq.test(tab)`.
 * See: K. Pearson (1900), Phil Mag 50:157-175; F. Yates (1934), J R Stat Soc Suppl 1:217-235.
 * @param table - counts, rows × columns (at least 2 × 2)
 * @param correct - Yates' continuity correction for 2 × 2 tables (R's default, true)
 * @throws StatsInputError for a table that is not a rectangle of finite counts ≥ 0
 * @throws StatsComputationError when a row or column is empty (an expected count is 0)
 */
export function chisqTest(table: readonly (readonly number[])[], correct = true): ChisqTestResult {
  const { rows, cols, n } = tableMargins(table);
  if (rows.some((s) => s === 0) || cols.some((s) => s === 0)) {
    throw new StatsComputationError('a row or column of the table is empty: drop it before testing');
  }
  const corrected = correct && rows.length === 2 && cols.length === 2;
  const expected = rows.map((r) => cols.map((c) => (r * c) / n));
  let statistic = 0;
  let minExpected = Infinity;
  table.forEach((row, i) => {
    row.forEach((o, j) => {
      const e = expected[i]![j]!;
      const d = Math.abs(o - e);
      const y = corrected ? Math.min(0.5, d) : 0;
      statistic += ((d - y) * (d - y)) / e;
      minExpected = Math.min(minExpected, e);
    });
  });
  const df = (rows.length - 1) * (cols.length - 1);
  return freeze({
    method: corrected
      ? "Pearson's chi-squared test with Yates' continuity correction"
      : "Pearson's chi-squared test",
    rEquivalent:
      corrected || rows.length !== 2 || cols.length !== 2
        ? 'chisq.test(tab)'
        : 'chisq.test(tab, correct = FALSE)',
    converged: true,
    warnings: minExpected < 5 ? ['Chi-squared approximation may be incorrect'] : [],
    statistic,
    df,
    p: pchisq(statistic, df, false),
    expected,
    corrected,
    minExpected,
  });
}
