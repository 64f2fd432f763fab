/**
 * Hand-made casebooks for tests: a compact description of a participant becomes a {@link Casebook}
 * whose records pass core's record schemas. Not part of the public API (exported under
 * `@cmr-mass/analysis/testing` for the CLI's tests only).
 */
import {
  addDays,
  addMonths,
  categoryOfType,
  cmrExamForm,
  eligibilityForm,
  followUpVisitForm,
  lesionFindingRecord,
  outcomeEventForm,
  participantRecord,
  readingRecord,
  referenceDiagnosisForm,
  treatmentForm,
  type Attachment,
  type Casebook,
  type EffusionGrade,
  type EventType,
  type ExclusionReason,
  type LgePattern,
  type MassCategory,
  type MassType,
  type PerfusionGrade,
  type ReferenceMethod,
  type Shape,
  type TreatmentType,
  type VisitMonth,
} from '@cmr-mass/core';

/** The features of the index lesion. */
export interface LesionSpec {
  readonly size: number;
  readonly infiltration?: boolean;
  readonly effusion?: EffusionGrade;
  readonly fpp?: PerfusionGrade;
  readonly lge?: LgePattern;
  readonly attachment?: Attachment;
  readonly shape?: Shape;
  readonly t1?: number;
  readonly t2?: number;
  readonly ecv?: number;
}

/** A compact participant. Days count from the baseline CMR. */
export interface ParticipantSpec {
  readonly n: number;
  readonly site?: string;
  readonly sex?: 'female' | 'male';
  readonly birthYear?: number;
  /** Exclusion reasons, or 'screening' for an undecided eligibility. */
  readonly excluded?: readonly ExclusionReason[] | 'screening';
  readonly baseline?: string | null;
  readonly lesion?: LesionSpec | null;
  /** Readings of the index lesion (the first is the blinded index test unless `blinded: false`). */
  readonly readings?: readonly {
    readonly type: MassType;
    readonly reader?: string;
    readonly blinded?: boolean;
    readonly category?: MassCategory;
  }[];
  readonly reference?: { readonly method: ReferenceMethod; readonly type: MassType } | null;
  readonly treatment?: TreatmentType | null;
  readonly events?: readonly { readonly type: EventType; readonly day: number }[];
  /** Scheduled visits done (at their target dates). */
  readonly visitsDone?: readonly VisitMonth[];
  readonly lostDay?: number;
  readonly withdrawnDay?: number;
}

const META = {
  version: 1,
  formStatus: 'complete',
  createdAt: '2020-01-01T00:00:00.000Z',
  updatedAt: '2020-01-01T00:00:00.000Z',
  createdBy: 'test',
  updatedBy: 'test',
  deletedAt: null,
} as const;

/** A deterministic UUID (version 4 layout) from a participant number and a record number. */
export function fakeUuid(participant: number, record: number): string {
  const hex = (participant * 1000 + record).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** Builds a casebook from a {@link ParticipantSpec}. */
export function makeCasebook(p: ParticipantSpec): Casebook {
  const site = p.site ?? 'BJ01';
  const studyId = `${site}-${String(p.n).padStart(4, '0')}`;
  const pid = fakeUuid(p.n, 0);
  const baseline = p.baseline === undefined ? '2020-01-01' : p.baseline;
  const day = (d: number): string => addDays(baseline ?? '2020-01-01', d);
  const participant = participantRecord.parse({
    ...META,
    id: pid,
    siteId: fakeUuid(0, 1),
    studyId,
    status: 'enrolled',
    sex: p.sex ?? 'female',
    birthYear: p.birthYear ?? 1960,
    recruitment: 'prospective',
    knownExtracardiacCancer: false,
    atrialFibrillation: false,
    priorMyocardialInfarction: false,
    withdrawnDate: p.withdrawnDay === undefined ? null : day(p.withdrawnDay),
    withdrawalReason: p.withdrawnDay === undefined ? null : 'participant_request',
    lostToFollowUpDate: p.lostDay === undefined ? null : day(p.lostDay),
  });
  const reasons = p.excluded === 'screening' ? [] : (p.excluded ?? []);
  const eligibility = eligibilityForm.record.parse({
    ...META,
    id: fakeUuid(p.n, 1),
    participantId: pid,
    assessedDate: baseline ?? '2020-01-01',
    cmrScheduledOrDone: p.excluded === 'screening' ? null : !reasons.includes('no_cmr'),
    consent:
      p.excluded === 'screening' ? null : reasons.includes('consent_declined') ? 'declined' : 'written',
    exclusionMassUndetermined: reasons.includes('mass_undetermined'),
    exclusionFollowUpImpossible: reasons.includes('follow_up_impossible'),
    exclusionOther: reasons.includes('other'),
  });
  const examId = fakeUuid(p.n, 2);
  const lesionId = fakeUuid(p.n, 3);
  const exams =
    baseline === null
      ? []
      : [
          cmrExamForm.record.parse({
            ...META,
            id: examId,
            participantId: pid,
            kind: 'baseline',
            examDate: baseline,
            fieldStrengthT: 3,
          }),
        ];
  const l = p.lesion;
  const findings =
    baseline === null || !l
      ? []
      : [
          lesionFindingRecord.parse({
            ...META,
            id: fakeUuid(p.n, 4),
            examId,
            lesionId,
            lesionLabel: 'L1',
            participantId: pid,
            sizeLongMm: l.size,
            infiltration: l.infiltration ?? false,
            pericardialEffusion: l.effusion ?? 'none',
            firstPassPerfusion: l.fpp ?? 'none',
            lgePattern: l.lge ?? 'none',
            attachment: l.attachment ?? 'pedunculated',
            shape: l.shape ?? 'round',
            t1NativeMs: l.t1 ?? null,
            t2Ms: l.t2 ?? null,
            ecv: l.ecv ?? null,
          }),
        ];
  const readings = (baseline === null ? [] : (p.readings ?? [])).map((r, i) =>
    readingRecord.parse({
      ...META,
      id: fakeUuid(p.n, 10 + i),
      examId,
      lesionId: r.type === 'no_mass' ? null : lesionId,
      participantId: pid,
      readerId: r.reader ?? `reader-${i + 1}`,
      readDate: day(i),
      category: r.category ?? categoryOfType(r.type),
      specificType: r.type,
      confidence: 4,
      blinded: r.blinded ?? true,
    })
  );
  const references = p.reference
    ? [
        referenceDiagnosisForm.record.parse({
          ...META,
          id: fakeUuid(p.n, 20),
          participantId: pid,
          lesionId: p.reference.type === 'no_mass' || !l ? null : lesionId,
          method: p.reference.method,
          diagnosisDate: day(10),
          category: categoryOfType(p.reference.type),
          specificType: p.reference.type,
        }),
      ]
    : [];
  const treatments = p.treatment
    ? [
        treatmentForm.record.parse({
          ...META,
          id: fakeUuid(p.n, 30),
          participantId: pid,
          type: p.treatment,
          startDate: day(5),
        }),
      ]
    : [];
  const visits = (p.visitsDone ?? []).map((m, i) =>
    followUpVisitForm.record.parse({
      ...META,
      id: fakeUuid(p.n, 40 + i),
      participantId: pid,
      visitMonth: m,
      contactDate: addMonths(baseline ?? '2020-01-01', m),
      mode: 'telephone',
      contactOutcome: 'reached',
    })
  );
  const events = (p.events ?? []).map((e, i) =>
    outcomeEventForm.record.parse({
      ...META,
      id: fakeUuid(p.n, 60 + i),
      participantId: pid,
      type: e.type,
      eventDate: day(e.day),
    })
  );
  return {
    participant,
    siteCode: site,
    eligibility,
    exams,
    findings,
    readings,
    references,
    treatments,
    visits,
    events,
  };
}
