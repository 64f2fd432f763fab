import { MassCategory } from '@cmr-mass/core';
import type { ReportParticipantRow } from '../../dataset/dataset.js';
import type { AnalysisRecord } from '../../stats-bridge/record.js';
import type { Diagnostic2x2Out, KappaOut } from '../../stats-bridge/r-json.js';
import { runStats } from '../../stats-bridge/run.js';
import { proportion, rSubset, type Proportion, type RowFilter } from '../common.js';

type Row = ReportParticipantRow;

/** One dichotomy of the diagnostic question: which rows, what the test calls positive, what is disease. */
interface Dichotomy {
  readonly id: string;
  readonly title: string;
  readonly filter: RowFilter;
  readonly positive: { readonly r: string; readonly test: (row: Row) => boolean };
  readonly disease: { readonly r: string; readonly test: (row: Row) => boolean };
}

const withReading = (row: Row): boolean => row.cmr_category !== null;

/**
 * The 2x2 tables of Question 1. CMR's call is the first blinded reading (`cmr_*` columns); a reading
 * of "no mass" counts as test-negative (`%in% 1`), so that a missed tumour is a false negative.
 */
export const DICHOTOMIES: readonly Dichotomy[] = [
  {
    id: 'q1.accuracy.neoplastic',
    title: 'Neoplastic vs non-neoplastic mass',
    filter: {
      words: 'participants with a reference mass (neoplastic known) and a blinded CMR reading',
      r: '!is.na(neoplastic) & !is.na(cmr_category)',
      test: (r) => r.neoplastic !== null && withReading(r),
    },
    positive: { r: 's$cmr_neoplastic %in% 1', test: (r) => r.cmr_neoplastic === 1 },
    disease: { r: 's$neoplastic == 1', test: (r) => r.neoplastic === 1 },
  },
  {
    id: 'q1.accuracy.malignant',
    title: 'Malignant vs all other masses',
    filter: {
      words: 'participants with a reference mass (malignant known) and a blinded CMR reading',
      r: '!is.na(malignant) & !is.na(cmr_category)',
      test: (r) => r.malignant !== null && withReading(r),
    },
    positive: { r: 's$cmr_malignant %in% 1', test: (r) => r.cmr_malignant === 1 },
    disease: { r: 's$malignant == 1', test: (r) => r.malignant === 1 },
  },
  {
    id: 'q1.accuracy.malignant_tumours',
    title: 'Malignant vs benign, among reference tumours',
    filter: {
      words: 'participants whose reference diagnosis is a tumour, with a blinded CMR reading',
      r: 'neoplastic %in% 1 & !is.na(cmr_category)',
      test: (r) => r.neoplastic === 1 && withReading(r),
    },
    positive: { r: 's$cmr_malignant %in% 1', test: (r) => r.cmr_malignant === 1 },
    disease: { r: 's$malignant == 1', test: (r) => r.malignant === 1 },
  },
  {
    id: 'q1.accuracy.malignant_histology',
    title: 'Malignant vs all other masses, histopathology as reference only',
    filter: {
      words: 'participants with a histopathological reference diagnosis of a mass and a blinded CMR reading',
      r: 'ref_method %in% "histopathology" & !is.na(malignant) & !is.na(cmr_category)',
      test: (r) => r.ref_method === 'histopathology' && r.malignant !== null && withReading(r),
    },
    positive: { r: 's$cmr_malignant %in% 1', test: (r) => r.cmr_malignant === 1 },
    disease: { r: 's$malignant == 1', test: (r) => r.malignant === 1 },
  },
];

const ACCURACY_METHOD =
  'Sensitivity, specificity, PPV, NPV and accuracy from the 2x2 table, with exact Clopper-Pearson 95% CIs ' +
  '(Wilson intervals also given); likelihood ratios with log-method CIs';

/** The 2x2 table of one dichotomy and its accuracy estimates. */
export function accuracy2x2(rows: readonly Row[], d: Dichotomy): AnalysisRecord<Diagnostic2x2Out> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const row of rows) {
    if (!d.filter.test(row)) continue;
    const pos = d.positive.test(row);
    const dis = d.disease.test(row);
    if (pos && dis) tp++;
    else if (pos) fp++;
    else if (dis) fn++;
    else tn++;
  }
  const r_code = [
    rSubset(d.filter),
    `pos <- ${d.positive.r}; dis <- ${d.disease.r}`,
    'tp <- sum(pos & dis); fp <- sum(pos & !dis); fn <- sum(!pos & dis); tn <- sum(!pos & !dis)',
    'binom.test(tp, tp + fn)$conf.int  # sensitivity; specificity binom.test(tn, tn + fp),',
    '# PPV binom.test(tp, tp + fp), NPV binom.test(tn, tn + fn), accuracy binom.test(tp + tn, nrow(s))',
  ].join('\n');
  return runStats<Diagnostic2x2Out>(
    { id: d.id, title: d.title, method: ACCURACY_METHOD, filter: d.filter.words, r_code },
    { analysis: 'diagnostic_2x2', tp, fp, fn, tn },
    { n: tp + fp + fn + tn, n_missing: 0, events: tp + fn }
  );
}

/** The k x k table of CMR against the reference diagnostic category, with Cohen's kappa. */
export interface CategoryAgreement {
  readonly kappa: AnalysisRecord<KappaOut>;
  /** Overall agreement (the diagonal) with its exact CI. */
  readonly accuracy: Proportion;
}

/** Which call is compared with the reference category. */
export interface CategoryCall {
  readonly id: string;
  readonly title: string;
  /** The column holding the call: CMR's blinded reading, or decision support's top differential. */
  readonly column: 'cmr_category' | 'ds_top_category';
  readonly words: string;
}

/** CMR's blinded reading against the reference (Question 1). */
export const CMR_CALL: CategoryCall = {
  id: 'q1.category_kappa',
  title: 'CMR vs reference diagnostic category (k x k)',
  column: 'cmr_category',
  words: 'participants with a reference diagnosis and a blinded CMR reading (including "no mass")',
};

/**
 * Cross-tabulates the reference category (rows) against a call (columns) over the six categories of
 * the study, empty ones included, and computes unweighted Cohen's kappa.
 */
export function categoryAgreement(rows: readonly Row[], call: CategoryCall = CMR_CALL): CategoryAgreement {
  const filter: RowFilter = {
    words: call.words,
    r: `!is.na(ref_category) & !is.na(${call.column})`,
    test: (r) => r.ref_category !== null && r[call.column] !== null,
  };
  const cats = MassCategory.codes;
  const index = new Map<string, number>(cats.map((c, i) => [c, i]));
  const table = cats.map(() => cats.map(() => 0));
  let n = 0;
  let diagonal = 0;
  for (const row of rows) {
    if (!filter.test(row)) continue;
    const i = index.get(String(row.ref_category));
    const j = index.get(String(row[call.column]));
    if (i === undefined || j === undefined) continue;
    table[i]![j]!++;
    n++;
    if (i === j) diagonal++;
  }
  const levels = `c(${cats.map((c) => `"${c}"`).join(', ')})`;
  const r_code = [
    rSubset(filter),
    `tab <- table(factor(s$ref_category, levels = ${levels}), factor(s$${call.column}, levels = ${levels}))`,
    '# unweighted Cohen kappa with the Fleiss-Cohen-Everitt SE (kappa_fce in the stats fixtures; = psych::cohen.kappa)',
    'p <- tab / sum(tab); po <- sum(diag(p)); pe <- sum(rowSums(p) * colSums(p)); (po - pe) / (1 - pe)',
    'binom.test(sum(diag(tab)), sum(tab))$conf.int  # overall agreement',
  ].join('\n');
  const kappa = runStats<KappaOut>(
    {
      id: call.id,
      title: call.title,
      method: "Cohen's kappa, unweighted, with the Fleiss-Cohen-Everitt large-sample SE and Wald 95% CI",
      filter: filter.words,
      r_code,
    },
    { analysis: 'cohen_kappa', table, categories: [...cats], weights: 'unweighted' },
    { n, n_missing: 0, events: null }
  );
  return { kappa, accuracy: proportion(diagonal, n) };
}
