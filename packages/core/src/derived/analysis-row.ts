import type { LesionFinding } from '../schemas/lesion-finding.js';
import { ageAt } from '../util/dates.js';
import { categoryOfType } from '../vocab/diagnosis.js';
import type { Casebook } from './casebook.js';
import {
  baselineExam,
  firstBlindedReading,
  indexFinding,
  lastContactDate,
  mainTreatment,
  referenceOf,
  statusOf,
} from './casebook.js';
import { cohortFlags, type Flag } from './cohorts.js';
import { followUpSchedule } from './schedule.js';
import { endpoints, prognosisAt36Months } from './time-to-event.js';
import { deathDate } from './casebook.js';

/** A cell of the analysis dataset: a number, a code, or null for `NA`. */
export type Cell = number | string | null;

/**
 * One row of `analysis_participants.csv` (analysis-dataset.md). Column names are the contract; extra
 * columns (`status`, `*_grade`, `follow_up_days`) are additions the contract allows.
 */
export interface AnalysisParticipantRow {
  readonly participant_id: string;
  readonly site: string;
  readonly status: string;
  readonly sex: Cell;
  readonly age: Cell;
  readonly baseline_cmr_date: Cell;
  readonly field_strength_t: Cell;
  readonly n_lesions: number;
  readonly index_lesion_id: Cell;
  readonly ref_method: Cell;
  readonly ref_category: Cell;
  readonly ref_type: Cell;
  readonly neoplastic: Flag;
  readonly malignant: Flag;
  readonly secondary: Flag;
  readonly cmr_category: Cell;
  readonly cmr_neoplastic: Flag;
  readonly cmr_malignant: Flag;
  readonly size_max_mm: Cell;
  readonly infiltration: Flag;
  readonly pericardial_effusion: Flag;
  readonly pericardial_effusion_grade: Cell;
  readonly fpp: Flag;
  readonly fpp_grade: Cell;
  readonly lge_pattern: Cell;
  readonly sessile: Flag;
  readonly polylobate: Flag;
  readonly heterogeneous_enhancement: Flag;
  readonly t1_native_ms: Cell;
  readonly t2_ms: Cell;
  readonly ecv: Cell;
  readonly mass_score: Cell;
  readonly treatment: Cell;
  readonly time_death_days: Cell;
  readonly event_death: Flag;
  readonly time_recurrence_days: Cell;
  readonly event_recurrence: Flag;
  readonly event_recurrence_cr: Cell;
  readonly time_te_days: Cell;
  readonly event_te: Flag;
  readonly event_te_cr: Cell;
  readonly time_composite_days: Cell;
  readonly event_composite: Flag;
  readonly follow_up_days: Cell;
  readonly prognosis_36m: string;
  readonly visits_done: number;
}

/** The column order of `analysis_participants.csv`. */
export const ANALYSIS_PARTICIPANT_COLUMNS: readonly (keyof AnalysisParticipantRow)[] = [
  'participant_id',
  'site',
  'status',
  'sex',
  'age',
  'baseline_cmr_date',
  'field_strength_t',
  'n_lesions',
  'index_lesion_id',
  'ref_method',
  'ref_category',
  'ref_type',
  'neoplastic',
  'malignant',
  'secondary',
  'cmr_category',
  'cmr_neoplastic',
  'cmr_malignant',
  'size_max_mm',
  'infiltration',
  'pericardial_effusion',
  'pericardial_effusion_grade',
  'fpp',
  'fpp_grade',
  'lge_pattern',
  'sessile',
  'polylobate',
  'heterogeneous_enhancement',
  't1_native_ms',
  't2_ms',
  'ecv',
  'mass_score',
  'treatment',
  'time_death_days',
  'event_death',
  'time_recurrence_days',
  'event_recurrence',
  'event_recurrence_cr',
  'time_te_days',
  'event_te',
  'event_te_cr',
  'time_composite_days',
  'event_composite',
  'follow_up_days',
  'prognosis_36m',
  'visits_done',
];

/** Participants who enter the analysis dataset: enrolled at some point (not screening or excluded). */
export function isAnalysed(cb: Casebook): boolean {
  const s = statusOf(cb);
  return s !== 'screening' && s !== 'excluded';
}

const flag = (b: boolean | null | undefined): Flag => (b === null || b === undefined ? null : b ? 1 : 0);

/** The coded CMR features of a lesion as the analysis dataset encodes them. */
export function featureFlags(f: LesionFinding | null): {
  infiltration: Flag;
  pericardial_effusion: Flag;
  fpp: Flag;
  sessile: Flag;
  polylobate: Flag;
  heterogeneous_enhancement: Flag;
} {
  if (!f) {
    return {
      infiltration: null,
      pericardial_effusion: null,
      fpp: null,
      sessile: null,
      polylobate: null,
      heterogeneous_enhancement: null,
    };
  }
  const fppAssessed = f.firstPassPerfusion != null && f.firstPassPerfusion !== 'not_assessed';
  const lgeAssessed = f.lgePattern != null && f.lgePattern !== 'not_assessed';
  return {
    infiltration: flag(f.infiltration),
    pericardial_effusion: f.pericardialEffusion == null ? null : f.pericardialEffusion === 'none' ? 0 : 1,
    fpp: fppAssessed ? (f.firstPassPerfusion === 'none' ? 0 : 1) : null,
    // Sessile = broad-based, i.e. not pedunculated; intramural lesions count as broad-based.
    sessile: f.attachment == null ? null : f.attachment === 'pedunculated' ? 0 : 1,
    polylobate: f.shape == null ? null : f.shape === 'polylobate' ? 1 : 0,
    heterogeneous_enhancement: lgeAssessed ? (f.lgePattern === 'heterogeneous' ? 1 : 0) : null,
  };
}

/** Options of {@link analysisParticipantRow}. */
export interface AnalysisRowOptions {
  /** Today, for the follow-up schedule. */
  readonly today: string;
  /** The CMR mass score of a lesion, from decision support; null where it cannot be computed. */
  readonly massScore?: (finding: LesionFinding, cb: Casebook) => number | null;
}

/**
 * Builds one row of the analysis dataset from a participant's casebook with the same `core`
 * functions the report uses, so that an outside script reproduces the report's numbers.
 */
export function analysisParticipantRow(cb: Casebook, options: AnalysisRowOptions): AnalysisParticipantRow {
  const p = cb.participant;
  const base = baselineExam(cb);
  const index = indexFinding(cb);
  const lesionId = index?.lesionId ?? null;
  const ref = referenceOf(cb, lesionId);
  const reading = firstBlindedReading(cb, lesionId);
  const refFlags = cohortFlags(ref);
  const cmrFlags = cohortFlags(reading);
  const feat = featureFlags(index);
  const nLesions = base ? cb.findings.filter((f) => f.examId === base.id).length : 0;
  const ends = base
    ? endpoints({ baselineDate: base.examDate, events: cb.events, lastContactDate: lastContactDate(cb) })
    : null;
  const schedule = base
    ? followUpSchedule({
        baselineDate: base.examDate,
        today: options.today,
        contacts: cb.visits.map((v) => ({
          id: v.id,
          visitMonth: v.visitMonth ?? null,
          contactDate: v.contactDate,
          contactOutcome: v.contactOutcome,
        })),
        deathDate: deathDate(cb),
        withdrawnDate: p.withdrawnDate,
        lostToFollowUpDate: p.lostToFollowUpDate,
      })
    : [];
  const sizes = index
    ? [index.sizeLongMm, index.sizeShortMm, index.sizeThirdMm].filter(
        (x): x is number => typeof x === 'number'
      )
    : [];
  return {
    participant_id: p.studyId,
    site: cb.siteCode,
    status: statusOf(cb),
    sex: p.sex ?? null,
    age: base && p.birthYear != null ? ageAt(p.birthYear, base.examDate) : null,
    baseline_cmr_date: base?.examDate ?? null,
    field_strength_t: base?.fieldStrengthT ?? null,
    n_lesions: nLesions,
    index_lesion_id: lesionId,
    ref_method: ref?.method ?? null,
    ref_category: ref ? (ref.specificType ? categoryOfType(ref.specificType) : ref.category) : null,
    ref_type: ref?.specificType ?? null,
    neoplastic: refFlags.neoplastic,
    malignant: refFlags.malignant,
    secondary: refFlags.secondary,
    cmr_category: reading?.category ?? null,
    cmr_neoplastic: cmrFlags.neoplastic,
    cmr_malignant: cmrFlags.malignant,
    size_max_mm: sizes.length > 0 ? Math.max(...sizes) : null,
    infiltration: feat.infiltration,
    pericardial_effusion: feat.pericardial_effusion,
    pericardial_effusion_grade: index?.pericardialEffusion ?? null,
    fpp: feat.fpp,
    fpp_grade: index?.firstPassPerfusion ?? null,
    lge_pattern: index?.lgePattern ?? null,
    sessile: feat.sessile,
    polylobate: feat.polylobate,
    heterogeneous_enhancement: feat.heterogeneous_enhancement,
    t1_native_ms: index?.t1NativeMs ?? null,
    t2_ms: index?.t2Ms ?? null,
    ecv: index?.ecv ?? null,
    mass_score: index && options.massScore ? options.massScore(index, cb) : null,
    treatment: mainTreatment(cb),
    time_death_days: ends?.death.time ?? null,
    event_death: ends?.death.event ?? null,
    time_recurrence_days: ends?.recurrence.time ?? null,
    event_recurrence: ends?.recurrence.event ?? null,
    event_recurrence_cr: ends?.recurrenceCr.status ?? null,
    time_te_days: ends?.thromboembolism.time ?? null,
    event_te: ends?.thromboembolism.event ?? null,
    event_te_cr: ends?.thromboembolismCr.status ?? null,
    time_composite_days: ends?.composite.time ?? null,
    event_composite: ends?.composite.event ?? null,
    follow_up_days: ends?.followUpDays ?? null,
    prognosis_36m: ends ? prognosisAt36Months(ends) : 'unknown',
    visits_done: schedule.filter((v) => v.status === 'done' || v.status === 'done_out_of_window').length,
  };
}

/** One row of `analysis_readings.csv`: one per reader per baseline lesion (analysis-dataset.md). */
export interface AnalysisReadingRow {
  readonly lesion_id: Cell;
  readonly participant_id: string;
  readonly reader_id: string;
  readonly blinded: Flag;
  readonly cmr_category: string;
  readonly cmr_type: Cell;
  readonly cmr_neoplastic: Flag;
  readonly cmr_malignant: Flag;
  readonly confidence: Cell;
  readonly ref_category: Cell;
  readonly ref_type: Cell;
}

export const ANALYSIS_READING_COLUMNS: readonly (keyof AnalysisReadingRow)[] = [
  'lesion_id',
  'participant_id',
  'reader_id',
  'blinded',
  'cmr_category',
  'cmr_type',
  'cmr_neoplastic',
  'cmr_malignant',
  'confidence',
  'ref_category',
  'ref_type',
];

/** The reading rows of one participant's baseline exam. */
export function analysisReadingRows(cb: Casebook): AnalysisReadingRow[] {
  const base = baselineExam(cb);
  if (!base) return [];
  return cb.readings
    .filter((r) => r.examId === base.id)
    .map((r) => {
      const ref = referenceOf(cb, r.lesionId ?? null);
      const f = cohortFlags(r);
      return {
        lesion_id: r.lesionId ?? null,
        participant_id: cb.participant.studyId,
        reader_id: r.readerId,
        blinded: r.blinded ? 1 : 0,
        cmr_category: r.category,
        cmr_type: r.specificType ?? null,
        cmr_neoplastic: f.neoplastic,
        cmr_malignant: f.malignant,
        confidence: r.confidence ?? null,
        ref_category: ref ? (ref.specificType ? categoryOfType(ref.specificType) : ref.category) : null,
        ref_type: ref?.specificType ?? null,
      };
    });
}
