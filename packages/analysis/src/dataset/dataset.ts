import {
  analysisParticipantRow,
  analysisReadingRows,
  baselineExam,
  deathDate,
  eligibilityDecision,
  followUpSchedule,
  indexFinding,
  statusOf,
  type AnalysisParticipantRow,
  type AnalysisReadingRow,
  type Casebook,
  type ExclusionReason,
  type ScheduledVisit,
  type VisitMonth,
  type VisitStatus,
} from '@cmr-mass/core';
import { snapshotToday, type StudySnapshot } from '../snapshot/snapshot.js';
import { NO_DECISION_SUPPORT, type DecisionSupport } from './decision.js';

/** The study cohort a participant belongs to by the reference diagnosis (architecture.md, "Cohorts"). */
export type Cohort = 'non_neoplastic' | 'benign' | 'malignant';

/** The cohorts in display order (the first is the reference level of the `cohort` factor). */
export const COHORTS: readonly Cohort[] = ['non_neoplastic', 'benign', 'malignant'];

/**
 * R code that derives the `cohort` column from the exported analysis dataset, as {@link cohortOf}
 * does; every analysis by cohort assumes it has been run.
 */
export const R_COHORT_PREP =
  'd$cohort <- factor(ifelse(d$malignant %in% 1, "malignant", ifelse(d$neoplastic %in% 1, "benign", ' +
  'ifelse(d$neoplastic %in% 0, "non_neoplastic", NA))), levels = c("non_neoplastic", "benign", "malignant"))';

/**
 * Columns the report adds to the analysis dataset (analysis-dataset.md allows extra columns). They
 * come after the contract's columns in `data/analysis_participants.csv`.
 */
export interface ReportExtraColumns {
  /** Derived from `neoplastic` and `malignant` ({@link R_COHORT_PREP}); `NA` without a reference mass. */
  readonly cohort: Cohort | null;
  readonly recruitment: string | null;
  readonly known_extracardiac_cancer: 0 | 1 | null;
  readonly atrial_fibrillation: 0 | 1 | null;
  readonly prior_mi: 0 | 1 | null;
  readonly hypertension: 0 | 1 | null;
  readonly diabetes: 0 | 1 | null;
  readonly smoking: string | null;
  /** Decision support: the top category of the differential for the index lesion. */
  readonly ds_top_category: string | null;
  /** Decision support: the main treatment the CMR-based suggested management recommends. */
  readonly ds_suggested_treatment: string | null;
}

/** The column order of the report's extra columns. */
export const REPORT_EXTRA_COLUMNS: readonly (keyof ReportExtraColumns)[] = [
  'cohort',
  'recruitment',
  'known_extracardiac_cancer',
  'atrial_fibrillation',
  'prior_mi',
  'hypertension',
  'diabetes',
  'smoking',
  'ds_top_category',
  'ds_suggested_treatment',
];

/** One participant of the analysis dataset: the contract's row plus the report's extra columns. */
export type ReportParticipantRow = AnalysisParticipantRow & ReportExtraColumns;

/** One scheduled visit of one analysed participant (`data/analysis_visits.csv`). */
export interface VisitRow {
  readonly participant_id: string;
  readonly visit_month: VisitMonth;
  readonly status: VisitStatus;
}

/** What the single pass over the casebooks counts of those who did not enter the dataset. */
export interface Screening {
  /** Every casebook of the snapshot. */
  readonly registered: number;
  /** Eligibility not yet decided. */
  readonly screening: number;
  readonly excluded: number;
  /** Exclusion reasons (core's `eligibilityDecision`); a participant may have several. */
  readonly reasons: Readonly<Partial<Record<ExclusionReason, number>>>;
}

/** The analysis dataset the whole report is computed from. */
export interface AnalysisDataset {
  /** Counts of the participants who are not in the dataset, for the flow diagram. */
  readonly screening: Screening;
  /** "Today" for the follow-up schedule: the snapshot's date. */
  readonly today: string;
  /** One row per analysed participant (core's `isAnalysed`), sorted by study ID. */
  readonly participants: readonly ReportParticipantRow[];
  /** One row per reader per baseline lesion of the analysed participants. */
  readonly readings: readonly AnalysisReadingRow[];
  /** Six rows per analysed participant with a baseline CMR: the follow-up schedule's status. */
  readonly visits: readonly VisitRow[];
}

/** The cohort of a row from its reference flags. */
export function cohortOf(row: Pick<AnalysisParticipantRow, 'neoplastic' | 'malignant'>): Cohort | null {
  if (row.malignant === 1) return 'malignant';
  if (row.neoplastic === 1) return 'benign';
  if (row.neoplastic === 0) return 'non_neoplastic';
  return null;
}

const flag = (b: boolean | null | undefined): 0 | 1 | null => (b == null ? null : b ? 1 : 0);

/** The follow-up schedule of a casebook as of `today`, with core's `followUpSchedule`. */
export function scheduleOf(cb: Casebook, today: string): ScheduledVisit[] {
  const base = baselineExam(cb);
  if (!base) return [];
  return followUpSchedule({
    baselineDate: base.examDate,
    today,
    contacts: cb.visits.map((v) => ({
      id: v.id,
      visitMonth: v.visitMonth ?? null,
      contactDate: v.contactDate,
      contactOutcome: v.contactOutcome,
    })),
    deathDate: deathDate(cb),
    withdrawnDate: cb.participant.withdrawnDate,
    lostToFollowUpDate: cb.participant.lostToFollowUpDate,
  });
}

/**
 * Derives the analysis dataset from a snapshot with core's builders (`analysisParticipantRow`,
 * `analysisReadingRows`, `followUpSchedule`): the same rows that `cmr-mass export` writes, so that
 * R run on the export reproduces the report. Participants enter when core's `isAnalysed` says so
 * (status neither screening nor excluded). One pass over the casebooks, which may be streamed.
 */
export function buildDataset(
  snapshot: StudySnapshot,
  decision: DecisionSupport = NO_DECISION_SUPPORT
): AnalysisDataset {
  const today = snapshotToday(snapshot);
  const participants: ReportParticipantRow[] = [];
  const readings: AnalysisReadingRow[] = [];
  const visits: VisitRow[] = [];
  let registered = 0;
  let screening = 0;
  let excluded = 0;
  const reasons: Partial<Record<ExclusionReason, number>> = {};
  for (const cb of snapshot.casebooks) {
    registered++;
    // core's `isAnalysed`: everyone but those still screened or excluded.
    const status = statusOf(cb);
    if (status === 'screening') screening++;
    if (status === 'excluded') {
      excluded++;
      for (const r of cb.eligibility ? eligibilityDecision(cb.eligibility).reasons : []) {
        reasons[r] = (reasons[r] ?? 0) + 1;
      }
    }
    if (status === 'screening' || status === 'excluded') continue;
    const row = analysisParticipantRow(
      cb,
      decision.massScore ? { today, massScore: decision.massScore } : { today }
    );
    const index = indexFinding(cb);
    const p = cb.participant;
    const full: ReportParticipantRow = {
      ...row,
      cohort: cohortOf(row),
      recruitment: p.recruitment ?? null,
      known_extracardiac_cancer: flag(p.knownExtracardiacCancer),
      atrial_fibrillation: flag(p.atrialFibrillation),
      prior_mi: flag(p.priorMyocardialInfarction),
      hypertension: flag(p.hypertension),
      diabetes: flag(p.diabetes),
      smoking: p.smoking ?? null,
      ds_top_category: index && decision.topCategory ? decision.topCategory(index, cb) : null,
      ds_suggested_treatment:
        index && decision.suggestedTreatment ? decision.suggestedTreatment(index, cb) : null,
    };
    // A plain copy: the literal above leaves V8 with a slow (dictionary) object, on which every
    // analysis' keyed reads (row[column]) cost ~1 µs; the copy has fast properties (10x faster).
    participants.push({ ...full });
    for (const r of analysisReadingRows(cb)) readings.push(r);
    for (const v of scheduleOf(cb, today)) {
      visits.push({ participant_id: p.studyId, visit_month: v.month, status: v.status });
    }
  }
  const byId = (a: { participant_id: string }, b: { participant_id: string }): number =>
    a.participant_id < b.participant_id ? -1 : a.participant_id > b.participant_id ? 1 : 0;
  participants.sort(byId);
  readings.sort(
    (a, b) => byId(a, b) || cmpCell(a.lesion_id, b.lesion_id) || cmpCell(a.reader_id, b.reader_id)
  );
  visits.sort((a, b) => byId(a, b) || a.visit_month - b.visit_month);
  return { today, screening: { registered, screening, excluded, reasons }, participants, readings, visits };
}

function cmpCell(a: string | number | null, b: string | number | null): number {
  const x = a === null ? '' : String(a);
  const y = b === null ? '' : String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
