import { MassCategory, type AnalysisReadingRow } from '@cmr-mass/core';
import type { AnalysisRecord } from '../../stats-bridge/record.js';
import type { KappaOut } from '../../stats-bridge/r-json.js';
import { runStats } from '../../stats-bridge/run.js';

/** Agreement between two blinded readers of the same lesion. */
export interface ReaderAgreement {
  /** Lesions read (blinded) by at least two readers. */
  readonly lesions: number;
  readonly category: AnalysisRecord<KappaOut>;
  readonly malignant: AnalysisRecord<KappaOut>;
}

const FILTER_WORDS =
  'baseline lesions with blinded readings by at least two readers; the first two readers in reader-ID order ' +
  '(first reading of each reader in file order)';

const R_PAIRS = [
  'b <- subset(r, blinded == 1 & !is.na(lesion_id))',
  'b <- b[order(b$lesion_id, b$reader_id, method = "radix"), ]',
  'b <- b[!duplicated(b[, c("lesion_id", "reader_id")]), ]',
  'b$k <- ave(seq_len(nrow(b)), b$lesion_id, FUN = seq_along)',
  'w <- merge(b[b$k == 1, ], b[b$k == 2, ], by = "lesion_id")',
].join('\n');

/**
 * Pairs the blinded readings of each lesion read by two or more readers: the two smallest reader IDs
 * (code-unit order, R's `method = "radix"`), each reader's first reading in the sorted file.
 */
export function readerPairs(
  readings: readonly AnalysisReadingRow[]
): [AnalysisReadingRow, AnalysisReadingRow][] {
  const byLesion = new Map<string, AnalysisReadingRow[]>();
  for (const r of readings) {
    if (r.blinded !== 1 || r.lesion_id === null) continue;
    const key = String(r.lesion_id);
    const list = byLesion.get(key);
    if (list) list.push(r);
    else byLesion.set(key, [r]);
  }
  const pairs: [AnalysisReadingRow, AnalysisReadingRow][] = [];
  const keys = [...byLesion.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const list = byLesion.get(key)!;
    const firstOfReader = new Map<string, AnalysisReadingRow>();
    // A stable sort by reader keeps each reader's readings in file order.
    for (const r of [...list].sort((a, b) =>
      a.reader_id < b.reader_id ? -1 : a.reader_id > b.reader_id ? 1 : 0
    )) {
      if (!firstOfReader.has(r.reader_id)) firstOfReader.set(r.reader_id, r);
    }
    const [a, b] = [...firstOfReader.values()];
    if (a && b) pairs.push([a, b]);
  }
  return pairs;
}

/** Cohen's kappa between two readers: diagnostic category (k x k) and malignant vs not (2 x 2). */
export function readerAgreement(readings: readonly AnalysisReadingRow[]): ReaderAgreement {
  const pairs = readerPairs(readings);
  const cats = MassCategory.codes;
  const index = new Map<string, number>(cats.map((c, i) => [c, i]));
  const table = cats.map(() => cats.map(() => 0));
  const mal = [
    [0, 0],
    [0, 0],
  ];
  for (const [a, b] of pairs) {
    const i = index.get(a.cmr_category);
    const j = index.get(b.cmr_category);
    if (i !== undefined && j !== undefined) table[i]![j]!++;
    mal[a.cmr_malignant === 1 ? 1 : 0]![b.cmr_malignant === 1 ? 1 : 0]!++;
  }
  const levels = `c(${cats.map((c) => `"${c}"`).join(', ')})`;
  const method = "Cohen's kappa, unweighted, Fleiss-Cohen-Everitt SE, Wald 95% CI";
  const category = runStats<KappaOut>(
    {
      id: 'q1.readers.category',
      title: 'Agreement between two blinded readers: diagnostic category',
      method,
      filter: FILTER_WORDS,
      r_code: `${R_PAIRS}\ntable(factor(w$cmr_category.x, levels = ${levels}), factor(w$cmr_category.y, levels = ${levels}))`,
    },
    { analysis: 'cohen_kappa', table, categories: [...cats], weights: 'unweighted' },
    { n: pairs.length, n_missing: 0, events: null }
  );
  const malignant = runStats<KappaOut>(
    {
      id: 'q1.readers.malignant',
      title: 'Agreement between two blinded readers: malignant vs not',
      method,
      filter: FILTER_WORDS,
      r_code: `${R_PAIRS}\ntable(factor(w$cmr_malignant.x %in% 1, c(FALSE, TRUE)), factor(w$cmr_malignant.y %in% 1, c(FALSE, TRUE)))`,
    },
    {
      analysis: 'cohen_kappa',
      table: mal,
      categories: ['not_malignant', 'malignant'],
      weights: 'unweighted',
    },
    { n: pairs.length, n_missing: 0, events: null }
  );
  return { lesions: pairs.length, category, malignant };
}
