import type { CategoryAgreement } from '../analyses/diagnosis/accuracy.js';
import type { ReaderAgreement } from '../analyses/diagnosis/readers.js';
import type { RocAnalyses } from '../analyses/diagnosis/roc.js';
import type { DecisionValidation, CrossValidation } from '../analyses/decision/validation.js';
import type { FlowCounts } from '../analyses/participants/flow.js';
import type { FollowUpCompleteness } from '../analyses/participants/follow-up.js';
import type { Table1 } from '../analyses/participants/table1.js';
import type { CoxModels } from '../analyses/prognosis/cox.js';
import type { Prognosis36 } from '../analyses/prognosis/prognosis36.js';
import type { KmByCohort } from '../analyses/prognosis/survival.js';
import type { TreatmentResults } from '../analyses/treatment.js';
import type { AnalysisRecord, AnalysisStatus } from '../stats-bridge/record.js';
import type { AalenJohansenOut, CumincOut, Diagnostic2x2Out, GlmOut } from '../stats-bridge/r-json.js';

/** The version of the results.json schema (RESULTS.md). */
export const RESULTS_SCHEMA_VERSION = 1;

/** What the results were computed from. */
export interface SnapshotInfo {
  readonly key: string;
  readonly taken_at: string;
  /** The date the follow-up schedule was evaluated on. */
  readonly today: string;
  /** The label of a synthetic cohort, or null for real data. */
  readonly synthetic: string | null;
  readonly sites: number;
  readonly registered: number;
}

/** The analysis dataset the results come from, and how to load it in R. */
export interface DatasetInfo {
  readonly participants: number;
  readonly readings: number;
  readonly visits: number;
  /** The files written beside results.json (relative paths). */
  readonly files: Readonly<Record<'participants' | 'readings' | 'visits' | 'cv_folds', string>>;
  /** R code run before every analysis' `r_code`: packages, `d`, `r`, the cohort factor. */
  readonly r_setup: string;
  /** Which decision support filled the `mass_score` and `ds_*` columns, or null. */
  readonly decision_support: string | null;
  /** True when the participant-level files had their dates shifted (`--deidentify`). */
  readonly deidentified: boolean;
}

/** STARD/STROBE: participants and data. */
export interface ParticipantsResults {
  readonly flow: FlowCounts;
  readonly table1: Table1;
  readonly follow_up: FollowUpCompleteness;
}

/** Question 1: diagnosis. */
export interface DiagnosisResults {
  readonly accuracy: readonly AnalysisRecord<Diagnostic2x2Out>[];
  readonly categories: CategoryAgreement;
  readonly readers: ReaderAgreement;
  readonly roc: RocAnalyses;
  readonly model: AnalysisRecord<GlmOut>;
}

/** Question 3: prognosis. */
export interface PrognosisResults {
  readonly km: readonly KmByCohort[];
  readonly cox: readonly CoxModels[];
  readonly cuminc: readonly AnalysisRecord<CumincOut>[];
  /** Cumulative incidence at 12 and 36 months with CIs (Aalen-Johansen), same order as `cuminc`. */
  readonly incidence_landmarks: readonly AnalysisRecord<AalenJohansenOut>[];
  readonly prognosis36: Prognosis36;
}

/** Decision-support validation as stored (the fold assignment is participant-level and kept out). */
export type DecisionResults = Omit<DecisionValidation, 'cross_validation'> & {
  readonly cross_validation: Omit<CrossValidation, 'assignment'>;
};

/** A one-line index entry of every statistical analysis. */
export interface AnalysisIndexEntry {
  readonly id: string;
  readonly status: AnalysisStatus;
  readonly n: number;
  readonly events: number | null;
  readonly message: string | null;
}

/** Everything the report shows: results.json. */
export interface StudyResults {
  readonly schema_version: typeof RESULTS_SCHEMA_VERSION;
  /** The only time-dependent field besides the snapshot's `taken_at`. */
  readonly generated_at: string;
  readonly snapshot: SnapshotInfo;
  readonly dataset: DatasetInfo;
  readonly participants: ParticipantsResults;
  readonly diagnosis: DiagnosisResults;
  readonly treatment: TreatmentResults;
  readonly prognosis: PrognosisResults;
  readonly decision_support: DecisionResults;
  /** Every analysis by id with its status, sorted by id. */
  readonly index: readonly AnalysisIndexEntry[];
}
