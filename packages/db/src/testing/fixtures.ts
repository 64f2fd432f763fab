import { randomUUID } from 'node:crypto';
import type { Actor, FormName, Site } from '@cmr-mass/core';
import type { DbHandle } from '../handle/open.js';
import type { RepoContext } from '../repo/context.js';
import { Repository } from '../repo/repository.js';

/** The fixed "now" of the test study: every date in the fixtures is before it. */
export const TEST_NOW = new Date('2025-06-01T10:00:00.000Z');

/** A context for `actor` with the test clock and random UUIDs. */
export function testContext(actor: Actor, now: Date = TEST_NOW): RepoContext {
  return { actor, now: () => now, newId: () => randomUUID() };
}

/** The people of the test study: every role, at site A or B or study-wide. */
export interface TestActors {
  readonly admin: Actor;
  readonly investigatorA: Actor;
  readonly coordinatorA: Actor;
  readonly coordinatorB: Actor;
  readonly readerCentral: Actor;
  readonly readerCentral2: Actor;
  readonly readerA: Actor;
  readonly monitor: Actor;
  readonly statistician: Actor;
}

/** A migrated database with two sites and an actor of every role. */
export interface TestStudy {
  readonly handle: DbHandle;
  readonly siteA: Site;
  readonly siteB: Site;
  readonly actors: TestActors;
  /** A repository acting as `actor`. */
  repo(actor: Actor, now?: Date): Repository;
}

const actor = (id: string, role: Actor['role'], siteId: string | null): Actor => ({
  userId: id,
  role,
  siteId,
  display: `${id}@example.org`,
});

/** Creates two sites (codes made unique per call) and the actors of every role. */
export async function seedStudy(handle: DbHandle): Promise<TestStudy> {
  const admin = actor('u-admin', 'admin', null);
  const repo = (a: Actor, now?: Date): Repository => new Repository(handle, testContext(a, now));
  const tag = randomUUID()
    .replace(/[^0-9]/g, '')
    .slice(0, 4)
    .padEnd(4, '0');
  const siteA = await repo(admin).createSite({
    code: `A${tag}`,
    name: 'Site A hospital',
    country: 'CN',
    timeZone: 'Asia/Shanghai',
  });
  const siteB = await repo(admin).createSite({
    code: `B${tag}`,
    name: 'Site B hospital',
    country: 'DE',
    timeZone: 'Europe/Berlin',
  });
  const actors: TestActors = {
    admin,
    investigatorA: actor('u-inv-a', 'investigator', siteA.id),
    coordinatorA: actor('u-coord-a', 'coordinator', siteA.id),
    coordinatorB: actor('u-coord-b', 'coordinator', siteB.id),
    readerCentral: actor('u-reader-1', 'reader', null),
    readerCentral2: actor('u-reader-2', 'reader', null),
    readerA: actor('u-reader-a', 'reader', siteA.id),
    monitor: actor('u-monitor', 'monitor', null),
    statistician: actor('u-stat', 'statistician', null),
  };
  return { handle, siteA, siteB, actors, repo };
}

/** The ids a full casebook is made of. */
export interface CasebookIds {
  readonly participant: string;
  readonly identifiers: string;
  readonly eligibility: string;
  readonly exam: string;
  readonly lesion: string;
  readonly finding: string;
  readonly reading: string;
  readonly reference: string;
  readonly treatment: string;
  readonly visit: string;
  readonly event: string;
}

/** Parent keys a form's input needs. */
export interface Parents {
  readonly siteId?: string;
  readonly participantId?: string;
  readonly examId?: string;
  readonly lesionId?: string;
  readonly visitId?: string;
}

/**
 * A valid create body of `form` with every field filled in (so that a round trip through the database
 * exercises every column), dated before {@link TEST_NOW} and in casebook order.
 */
export function fullInput(form: FormName, p: Parents): Record<string, unknown> {
  switch (form) {
    case 'participant':
      return {
        siteId: p.siteId,
        recruitment: 'prospective',
        sex: 'female',
        birthYear: 1960,
        symptoms: ['dyspnoea', 'palpitations'],
        knownExtracardiacCancer: true,
        cancerSite: 'lung',
        atrialFibrillation: false,
        priorMyocardialInfarction: false,
        hypertension: true,
        diabetes: false,
        smoking: 'former',
        heightCm: 165,
        weightKg: 60.5,
        haematocrit: 0.41,
        haematocritDate: '2025-05-01',
        formStatus: 'complete',
      };
    case 'identifiers':
      return {
        participantId: p.participantId,
        fullName: 'Li Wei',
        hospitalRecordNumber: 'H-123456',
        dateOfBirth: '1960-03-04',
        phone: '+86 10 1234 5678',
        alternatePhone: '(010) 555-1234',
        email: 'li.wei@example.org',
        address: '1 Example Road, Beijing',
        contactNotes: 'call after 6 pm',
        formStatus: 'complete',
      };
    case 'eligibility':
      return {
        participantId: p.participantId,
        assessedDate: '2025-04-20',
        cmrScheduledOrDone: true,
        consent: 'written',
        exclusionMassUndetermined: false,
        exclusionFollowUpImpossible: false,
        exclusionOther: false,
        exclusionNote: 'none applies',
        formStatus: 'complete',
      };
    case 'cmr_exam':
      return {
        participantId: p.participantId,
        kind: 'baseline',
        visitMonth: null,
        examDate: '2025-05-02',
        fieldStrengthT: 3,
        vendor: 'siemens',
        scannerModel: 'Skyra',
        sequences: ['cine', 't1w', 't2w', 'lge'],
        contrastAgent: 'gadobutrol',
        contrastDoseMmolPerKg: 0.1,
        lvEdvMl: 140,
        lvEsvMl: 60,
        lvEfPercent: 57,
        lvMassG: 110,
        rvEdvMl: 150,
        rvEsvMl: 70,
        rvEfPercent: 53,
        imageQuality: 'good',
        studyInstanceUid: '1.2.840.113619.2.55.3',
        haematocrit: 0.41,
        myocardiumT1NativeMs: 1200,
        myocardiumT2Ms: 50,
        myocardiumEcv: 0.27,
        bloodT1NativeMs: 1900,
        bloodT1PostMs: 400,
        formStatus: 'complete',
      };
    case 'lesion_finding':
      return {
        examId: p.examId,
        ...(p.lesionId ? { lesionId: p.lesionId } : {}),
        location: 'left_atrium',
        tissueLayer: 'intracavitary',
        attachment: 'pedunculated',
        sizeLongMm: 35,
        sizeShortMm: 25.5,
        sizeThirdMm: 20,
        shape: 'oval',
        margins: 'well_defined',
        mobility: 'mobile',
        infiltration: false,
        pericardialEffusion: 'none',
        t1wSignal: 'iso',
        t2wSignal: 'hyper',
        fatSuppressionSignalLoss: 'no',
        homogeneity: 'heterogeneous',
        firstPassPerfusion: 'mild',
        lgePattern: 'heterogeneous',
        nullingLongTi: 'no',
        calcification: false,
        coronaryEncasement: false,
        t1NativeMs: 1500,
        t1NativeSequence: 'molli',
        t1NativeSource: 'computed',
        t1NativeProvenance: {
          mapId: 'map-1',
          model: 'molli-3p-look-locker',
          roi: { kind: 'polygon', nPixels: 120, areaMm2: 95.5, sd: 60.2, median: 1490 },
          meanR2: 0.98,
          computedAt: '2025-05-03T08:00:00.000Z',
          software: 'cmr-mass 0.1.0',
        },
        t2Ms: 70,
        t2Sequence: 't2prep_bssfp',
        t2Source: 'typed',
        t2Provenance: null,
        ecv: 0.45,
        ecvSource: 'typed',
        ecvProvenance: null,
        formStatus: 'complete',
      };
    case 'reading':
      return {
        examId: p.examId,
        lesionId: p.lesionId,
        readDate: '2025-05-10',
        category: 'benign_tumour',
        specificType: 'myxoma',
        confidence: 4,
        blinded: true,
        formStatus: 'complete',
      };
    case 'reference_diagnosis':
      return {
        participantId: p.participantId,
        lesionId: p.lesionId,
        method: 'histopathology',
        diagnosisDate: '2025-05-20',
        category: 'benign_tumour',
        specificType: 'myxoma',
        specimen: 'resection',
        formStatus: 'complete',
      };
    case 'treatment':
      return {
        participantId: p.participantId,
        lesionId: p.lesionId,
        type: 'surgical_resection',
        intent: 'curative',
        startDate: '2025-05-15',
        endDate: '2025-05-15',
        resectionCompleteness: 'r0',
        anticoagulant: null,
        formStatus: 'complete',
      };
    case 'follow_up_visit':
      return {
        participantId: p.participantId,
        visitMonth: 1,
        contactDate: '2025-05-30',
        mode: 'telephone',
        contactOutcome: 'reached',
        vitalStatus: 'alive',
        newEvents: true,
        nyhaClass: 'i',
        lvefPercent: 58,
        lvefMethod: 'echo',
        massCourse: 'resolved',
        onAnticoagulation: false,
        formStatus: 'complete',
      };
    case 'outcome_event':
      return {
        participantId: p.participantId,
        visitId: p.visitId,
        type: 'adverse_event',
        eventDate: '2025-05-25',
        deathCause: null,
        embolismSite: null,
        recurrenceSite: null,
        aeGrade: '2',
        aeCategory: 'arrhythmia',
        source: 'medical_record',
        formStatus: 'complete',
      };
  }
}

/**
 * Records a whole casebook at `siteId`: site staff enter the clinical forms, `reader` reads the lesion.
 * Every form is saved as complete.
 */
export async function seedCasebook(study: TestStudy, site: 'A' | 'B' = 'A'): Promise<CasebookIds> {
  const staff = study.repo(site === 'A' ? study.actors.coordinatorA : study.actors.coordinatorB);
  const reader = study.repo(study.actors.readerCentral);
  const siteId = site === 'A' ? study.siteA.id : study.siteB.id;
  const in_ = (form: FormName, p: Parents): never => fullInput(form, p) as never;
  const participant = (await staff.create('participant', in_('participant', { siteId }))).record.id;
  const identifiers = (await staff.create('identifiers', in_('identifiers', { participantId: participant })))
    .record.id;
  const eligibility = (await staff.create('eligibility', in_('eligibility', { participantId: participant })))
    .record.id;
  const exam = (await staff.create('cmr_exam', in_('cmr_exam', { participantId: participant }))).record.id;
  const f = (await staff.create('lesion_finding', in_('lesion_finding', { examId: exam }))).record;
  const reading = (await reader.create('reading', in_('reading', { examId: exam, lesionId: f.lesionId })))
    .record.id;
  const reference = (
    await staff.create(
      'reference_diagnosis',
      in_('reference_diagnosis', { participantId: participant, lesionId: f.lesionId })
    )
  ).record.id;
  const treatment = (
    await staff.create('treatment', in_('treatment', { participantId: participant, lesionId: f.lesionId }))
  ).record.id;
  const visit = (
    await staff.create('follow_up_visit', in_('follow_up_visit', { participantId: participant }))
  ).record.id;
  const event = (
    await staff.create('outcome_event', in_('outcome_event', { participantId: participant, visitId: visit }))
  ).record.id;
  return {
    participant,
    identifiers,
    eligibility,
    exam,
    lesion: f.lesionId,
    finding: f.id,
    reading,
    reference,
    treatment,
    visit,
    event,
  };
}
