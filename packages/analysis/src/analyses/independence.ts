import {
  chisqTest,
  dropEmptyMargins,
  fisherExact2x2,
  StatsComputationError,
  StatsInputError,
} from '@cmr-mass/stats';
import { notRun, type AnalysisHead, type AnalysisRecord } from '../stats-bridge/record.js';

/** A test of independence in a contingency table. */
export interface IndependenceTest {
  readonly test: 'chisq' | 'fisher';
  /** χ²; null for Fisher's exact test. */
  readonly statistic: number | null;
  readonly df: number | null;
  readonly p: number;
}

/** The method of {@link independenceTest} in words. */
export const INDEPENDENCE_METHOD =
  "Pearson's chi-squared test (empty rows and columns left out; Yates' correction for 2 × 2); Fisher's exact test for a 2 × 2 table with an expected count below 5";

/** R code of {@link independenceTest} on the table `tab` (R's `table(row, column)`). */
export const INDEPENDENCE_R =
  'tab <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]; ' +
  'if (all(dim(tab) == 2) && min(suppressWarnings(chisq.test(tab))$expected) < 5) fisher.test(tab) else chisq.test(tab)';

/** A record of a test that could not be computed, from the engine's error (other errors are rethrown). */
export function failedTest<R>(head: AnalysisHead, e: unknown, n: number, missing: number): AnalysisRecord<R> {
  if (e instanceof StatsComputationError || e instanceof StatsInputError) {
    return notRun<R>(head, 'not_computed', e.message, { n, n_missing: missing });
  }
  throw e;
}

/**
 * The test of independence of a table's rows and columns: Pearson's chi-squared test (R's
 * `chisq.test`) on the table without its empty rows and columns, or Fisher's exact test (R's
 * `fisher.test`) when that leaves a 2 × 2 table with an expected count below 5. An r × c table with
 * small expected counts keeps the chi-squared test, with R's warning that the approximation may be
 * incorrect.
 *
 * @param counts - rows × columns of counts
 * @param missing - rows of the dataset left out for a missing value (reported with the record)
 */
export function independenceTest(
  head: AnalysisHead,
  counts: readonly (readonly number[])[],
  missing: number
): AnalysisRecord<IndependenceTest> {
  const kept = dropEmptyMargins(counts).table;
  const n = kept.reduce((a, row) => a + row.reduce((b, x) => b + x, 0), 0);
  const ok = (result: IndependenceTest, warnings: readonly string[]): AnalysisRecord<IndependenceTest> => ({
    ...head,
    status: 'ok',
    message: null,
    n,
    n_missing: missing,
    events: null,
    spec: null,
    warnings,
    result,
  });
  try {
    if (kept.length < 2 || (kept[0]?.length ?? 0) < 2) {
      throw new StatsComputationError('fewer than two rows or two columns of the table have participants');
    }
    const chi = chisqTest(kept);
    if (kept.length === 2 && kept[0]!.length === 2 && chi.minExpected < 5) {
      return ok({ test: 'fisher', statistic: null, df: null, p: fisherExact2x2(kept).p }, []);
    }
    return ok({ test: 'chisq', statistic: chi.statistic, df: chi.df, p: chi.p }, chi.warnings);
  } catch (e) {
    return failedTest(head, e, n, missing);
  }
}
