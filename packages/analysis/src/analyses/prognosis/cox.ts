import type { ReportParticipantRow } from '../../dataset/dataset.js';
import type { AnalysisRecord } from '../../stats-bridge/record.js';
import type { CoxOut } from '../../stats-bridge/r-json.js';
import type { RowFilter } from '../common.js';
import { coxModel, ENDPOINTS, type Endpoint } from '../models.js';
import { COX_TERMS, type Term } from '../terms.js';

type Row = ReportParticipantRow;

/** Univariable and multivariable Cox models of one endpoint. */
export interface CoxModels {
  readonly endpoint: Endpoint['id'];
  /** One model per CMR indicator, each on its own complete cases. */
  readonly univariable: readonly AnalysisRecord<CoxOut>[];
  /** All indicators together, on the participants complete in all of them. */
  readonly multivariable: AnalysisRecord<CoxOut>;
}

const FOLLOWED: RowFilter = {
  words: 'analysed participants with follow-up from the baseline CMR',
  r: 'TRUE',
  test: () => true,
};

/** Cox models of one endpoint for the CMR indicators. */
export function coxModels(rows: readonly Row[], e: Endpoint, terms: readonly Term[] = COX_TERMS): CoxModels {
  const univariable = terms.map(
    (t) =>
      coxModel(rows, {
        id: `q3.cox.${e.id}.uni.${t.column}`,
        title: `${e.label.en}: ${t.label.en} (${t.unit.en}), univariable`,
        filter: FOLLOWED,
        terms: [t],
        endpoint: e,
      }).record
  );
  const multivariable = coxModel(rows, {
    id: `q3.cox.${e.id}.multi`,
    title: `${e.label.en}: multivariable model of the CMR indicators`,
    filter: FOLLOWED,
    terms,
    endpoint: e,
  }).record;
  return { endpoint: e.id, univariable, multivariable };
}

/** Cox models for every endpoint. */
export function coxAnalyses(rows: readonly Row[]): readonly CoxModels[] {
  return ENDPOINTS.map((e) => coxModels(rows, e));
}
