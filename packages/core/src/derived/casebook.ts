import type { CmrExam } from '../schemas/cmr-exam.js';
import type { Eligibility } from '../schemas/eligibility.js';
import type { FollowUpVisit, OutcomeEvent } from '../schemas/follow-up.js';
import type { LesionFinding } from '../schemas/lesion-finding.js';
import type { Participant } from '../schemas/participant.js';
import type { Reading } from '../schemas/reading.js';
import type { ReferenceDiagnosis } from '../schemas/reference-diagnosis.js';
import type { Treatment } from '../schemas/treatment.js';
import { maxDate, type IsoDate } from '../util/dates.js';
import { TreatmentType } from '../vocab/care.js';
import { eligibilityDecision } from '../schemas/eligibility.js';
import { deriveParticipantStatus } from './status.js';
import type { ParticipantStatus } from '../vocab/participant.js';

/**
 * Everything recorded about one participant (soft-deleted records already removed): what the derived
 * variables, the analysis dataset and the report are computed from.
 */
export interface Casebook {
  readonly participant: Participant;
  readonly siteCode: string;
  readonly eligibility: Eligibility | null;
  readonly exams: readonly CmrExam[];
  readonly findings: readonly LesionFinding[];
  readonly readings: readonly Reading[];
  readonly references: readonly ReferenceDiagnosis[];
  readonly treatments: readonly Treatment[];
  readonly visits: readonly FollowUpVisit[];
  readonly events: readonly OutcomeEvent[];
}

/** The baseline CMR exam, if recorded. */
export function baselineExam(cb: Casebook): CmrExam | null {
  return cb.exams.find((e) => e.kind === 'baseline') ?? null;
}

/** The date of death, if recorded. */
export function deathDate(cb: Casebook): IsoDate | null {
  const deaths = cb.events.filter((e) => e.type === 'death').map((e) => e.eventDate);
  return deaths.length === 0 ? null : deaths.reduce((a, b) => (a <= b ? a : b));
}

/**
 * The latest date on which the participant is known to have been alive or dead: the last successful
 * contact, CMR exam, outcome event, treatment date or reference diagnosis.
 */
export function lastContactDate(cb: Casebook): IsoDate | null {
  let last: IsoDate | null = null;
  for (const v of cb.visits) if (v.contactOutcome === 'reached') last = maxDate(last, v.contactDate);
  for (const e of cb.exams) last = maxDate(last, e.examDate);
  for (const e of cb.events) last = maxDate(last, e.eventDate);
  for (const t of cb.treatments) last = maxDate(maxDate(last, t.startDate), t.endDate);
  for (const r of cb.references) last = maxDate(last, r.diagnosisDate);
  return last;
}

/**
 * The index lesion of the participant-level analyses: the largest lesion on the baseline CMR (by its
 * largest diameter; ties and unmeasured lesions by label), as analysis-dataset.md specifies.
 */
export function indexFinding(cb: Casebook): LesionFinding | null {
  const base = baselineExam(cb);
  if (!base) return null;
  const onBaseline = cb.findings.filter((f) => f.examId === base.id);
  if (onBaseline.length === 0) return null;
  return [...onBaseline].sort((a, b) => {
    const sa = a.sizeLongMm ?? -1;
    const sb = b.sizeLongMm ?? -1;
    if (sa !== sb) return sb - sa;
    return a.lesionLabel.localeCompare(b.lesionLabel, 'en', { numeric: true });
  })[0]!;
}

/**
 * The reference diagnosis of the participant: the one for the index lesion, else the one without a
 * lesion, else the earliest.
 */
export function referenceOf(cb: Casebook, lesionId: string | null): ReferenceDiagnosis | null {
  if (cb.references.length === 0) return null;
  return (
    cb.references.find((r) => lesionId !== null && r.lesionId === lesionId) ??
    cb.references.find((r) => r.lesionId == null) ??
    [...cb.references].sort((a, b) => a.diagnosisDate.localeCompare(b.diagnosisDate))[0]!
  );
}

/**
 * The first blinded reading of the baseline exam for a lesion (or of the exam, when the reader saw no
 * mass): the index test of the diagnostic-accuracy question. Earliest read date, then earliest entry.
 */
export function firstBlindedReading(cb: Casebook, lesionId: string | null): Reading | null {
  const base = baselineExam(cb);
  if (!base) return null;
  const candidates = cb.readings.filter(
    (r) => r.examId === base.id && r.blinded && (r.lesionId == null || r.lesionId === lesionId)
  );
  if (candidates.length === 0) return null;
  return [...candidates].sort((a, b) =>
    a.readDate !== b.readDate ? a.readDate.localeCompare(b.readDate) : a.createdAt.localeCompare(b.createdAt)
  )[0]!;
}

/**
 * The participant's main treatment: the most definitive one received, in the order of the treatment
 * code list (surgical resection, interventional, chemotherapy, radiotherapy, anticoagulation,
 * anti-inflammatory, other medical, conservative).
 */
export function mainTreatment(cb: Casebook): TreatmentType | null {
  let best: number | null = null;
  for (const t of cb.treatments) {
    const rank = TreatmentType.codes.indexOf(t.type);
    if (best === null || rank < best) best = rank;
  }
  return best === null ? null : TreatmentType.codes[best]!;
}

/** The participant's status derived from the casebook (see {@link deriveParticipantStatus}). */
export function statusOf(cb: Casebook): ParticipantStatus {
  return deriveParticipantStatus({
    eligibility: cb.eligibility ? eligibilityDecision(cb.eligibility).decision : null,
    withdrawnDate: cb.participant.withdrawnDate,
    lostToFollowUpDate: cb.participant.lostToFollowUpDate,
    deathDate: deathDate(cb),
    finalVisitDone: cb.visits.some((v) => v.visitMonth === 36 && v.contactOutcome === 'reached'),
  });
}
