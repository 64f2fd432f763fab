/**
 * @cmr-mass/analysis: turns a registry snapshot into the study's results (results.json), tables, SVG
 * figures and the HTML report. See README.md for the scope and RESULTS.md for the results schema.
 */
export { makeSnapshot, snapshotKey, snapshotToday } from './snapshot/snapshot.js';
export type { MakeSnapshotOptions, SnapshotSite, StudySnapshot } from './snapshot/snapshot.js';
export { buildDataset, cohortOf, COHORTS, R_COHORT_PREP, REPORT_EXTRA_COLUMNS } from './dataset/dataset.js';
export type {
  AnalysisDataset,
  Cohort,
  ReportExtraColumns,
  ReportParticipantRow,
  VisitRow,
} from './dataset/dataset.js';
export { NO_DECISION_SUPPORT } from './dataset/decision.js';
export type { DecisionSupport } from './dataset/decision.js';
export { analysisIndex, computeAnalysis, computeResults, DATA_FILES, R_SETUP } from './results/compute.js';
export type { ComputedAnalysis, ComputeOptions } from './results/compute.js';
export type * from './results/types.js';
export type { AnalysisRecord, AnalysisStatus } from './stats-bridge/record.js';
export { writeReport, renderReportHtml } from './report/write-report.js';
export type { WriteReportOptions, WrittenReport } from './report/write-report.js';
export { canonicalJson, withoutTimestamps } from './results/json.js';
export { AGE_TOP_CODE, deidentifyRows, hmacShiftDays, randomShiftDays } from './snapshot/deidentify.js';
export type { ShiftDays } from './snapshot/deidentify.js';
export { csvTables } from './report/csv-tables.js';
export { coreDecisionSupport } from './dataset/core-decision.js';
export { snapshotFromDb, dbSnapshotKey } from './snapshot/from-db.js';
export type { SnapshotFromDbOptions } from './snapshot/from-db.js';
export { cachedResults, createResultsCache, resultsKey } from './api/results-cache.js';
export type { CachedResultsOptions, ResultsCache } from './api/results-cache.js';
