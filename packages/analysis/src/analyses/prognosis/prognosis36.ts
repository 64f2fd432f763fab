import { COHORTS, type ReportParticipantRow } from '../../dataset/dataset.js';
import type { AnalysisRecord } from '../../stats-bridge/record.js';
import type { GlmOut } from '../../stats-bridge/r-json.js';
import { proportion, type Proportion, type RowFilter } from '../common.js';
import { logisticModel } from '../models.js';
import { COX_TERMS, type Term } from '../terms.js';

type Row = ReportParticipantRow;

/** Prognosis at 36 months in one cohort (or overall). */
export interface PrognosisGroup {
  readonly cohort: string;
  readonly favourable: number;
  readonly unfavourable: number;
  readonly unknown: number;
  /** Unfavourable among those whose prognosis is known, with its exact CI. */
  readonly unfavourable_share: Proportion;
}

/** Favourable vs unfavourable prognosis at 36 months (core's `prognosisAt36Months`). */
export interface Prognosis36 {
  readonly by_cohort: readonly PrognosisGroup[];
  /** Univariable logistic models of unfavourable prognosis on each CMR indicator. */
  readonly univariable: readonly AnalysisRecord<GlmOut>[];
}

const KNOWN: RowFilter = {
  words: 'analysed participants whose prognosis at 36 months is known (favourable or unfavourable)',
  r: 'prognosis_36m != "unknown"',
  test: (r) => r.prognosis_36m === 'favourable' || r.prognosis_36m === 'unfavourable',
};

const UNFAVOURABLE = {
  name: 'unfavourable',
  get: (r: Row) => (r.prognosis_36m === 'unfavourable' ? 1 : r.prognosis_36m === 'favourable' ? 0 : null),
  rPrep: 's$unfavourable <- as.integer(s$prognosis_36m == "unfavourable")',
};

function group(rows: readonly Row[], cohort: string): PrognosisGroup {
  let favourable = 0;
  let unfavourable = 0;
  let unknown = 0;
  for (const r of rows) {
    if (r.prognosis_36m === 'favourable') favourable++;
    else if (r.prognosis_36m === 'unfavourable') unfavourable++;
    else unknown++;
  }
  return {
    cohort,
    favourable,
    unfavourable,
    unknown,
    unfavourable_share: proportion(unfavourable, favourable + unfavourable),
  };
}

/** Prognosis at 36 months by cohort, and its association with each CMR indicator. */
export function prognosis36(rows: readonly Row[], terms: readonly Term[] = COX_TERMS): Prognosis36 {
  const by_cohort = [
    group(rows, 'all'),
    ...COHORTS.map((c) =>
      group(
        rows.filter((r) => r.cohort === c),
        c
      )
    ),
  ];
  const univariable = terms.map(
    (t) =>
      logisticModel(rows, {
        id: `q3.prognosis36.uni.${t.column}`,
        title: `Unfavourable prognosis at 36 months: ${t.label.en} (${t.unit.en})`,
        filter: KNOWN,
        terms: [t],
        outcome: UNFAVOURABLE,
      }).record
  );
  return { by_cohort, univariable };
}
