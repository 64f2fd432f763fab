/**
 * A small hand-made cohort whose answers can be checked by hand (the derivations are in
 * `small-cohort.test.ts`): 24 registered, 3 not enrolled, 21 enrolled; 18 with a reference mass
 * (6 malignant, 6 benign, 6 non-neoplastic), one "no mass", one CMR without reading, one without CMR.
 */
import type { Casebook, LesionFinding, MassCategory, TreatmentType, VisitMonth } from '@cmr-mass/core';
import type { DecisionSupport } from '../dataset/decision.js';
import { makeSnapshot, type StudySnapshot } from '../snapshot/snapshot.js';
import { makeCasebook, type ParticipantSpec } from './casebooks.js';

const ALL: readonly VisitMonth[] = [1, 3, 6, 12, 24, 36];
const malignantLesion = {
  infiltration: true,
  effusion: 'moderate',
  fpp: 'marked',
  lge: 'heterogeneous',
  attachment: 'sessile',
  shape: 'polylobate',
} as const;

/** The participants of the small cohort. */
export const SMALL_COHORT: readonly ParticipantSpec[] = [
  // Malignant (reference): 1-6.
  {
    n: 1,
    sex: 'male',
    lesion: { size: 60, ...malignantLesion, t1: 1400, t2: 70, ecv: 0.45 },
    readings: [{ type: 'angiosarcoma' }, { type: 'angiosarcoma', reader: 'reader-2' }],
    reference: { method: 'histopathology', type: 'angiosarcoma' },
    treatment: 'surgical_resection',
    events: [{ type: 'death', day: 200 }],
    visitsDone: [1, 3, 6],
  },
  {
    n: 2,
    lesion: { size: 45, ...malignantLesion, t1: 1350, t2: 65, ecv: 0.4 },
    readings: [{ type: 'metastasis_lung' }, { type: 'myxoma', reader: 'reader-0', blinded: false }],
    reference: { method: 'histopathology', type: 'metastasis_lung' },
    treatment: 'chemotherapy',
    events: [{ type: 'death', day: 400 }],
    visitsDone: [1, 3, 6, 12],
  },
  {
    n: 3,
    sex: 'male',
    lesion: { size: 50, ...malignantLesion, t1: 1500, t2: 75, ecv: 0.5 },
    readings: [{ type: 'lymphoma_primary' }],
    reference: { method: 'histopathology', type: 'lymphoma_primary' },
    treatment: 'surgical_resection',
    events: [{ type: 'recurrence', day: 300 }],
    visitsDone: ALL,
  },
  {
    n: 4,
    lesion: {
      size: 35,
      infiltration: true,
      effusion: 'small',
      fpp: 'mild',
      lge: 'heterogeneous',
      t1: 1300,
      t2: 60,
      ecv: 0.38,
    },
    readings: [{ type: 'myxoma' }, { type: 'metastasis_breast', reader: 'reader-2' }],
    reference: { method: 'histopathology', type: 'metastasis_breast' },
    treatment: 'chemotherapy',
    events: [{ type: 'death', day: 800 }],
    visitsDone: [1, 3, 6, 12, 24],
  },
  {
    n: 5,
    sex: 'male',
    lesion: { size: 70, ...malignantLesion, t1: 1450, t2: 72 },
    readings: [{ type: 'sarcoma_other' }],
    reference: { method: 'histopathology', type: 'sarcoma_other' },
    treatment: 'surgical_resection',
    events: [
      { type: 'thromboembolism', day: 100 },
      { type: 'death', day: 500 },
    ],
    visitsDone: [1, 3, 6, 12],
  },
  {
    n: 6,
    lesion: { size: 40, infiltration: true, effusion: 'none', fpp: 'mild', lge: 'peripheral', t1: 1250 },
    readings: [{ type: 'thrombus' }],
    reference: { method: 'follow_up', type: 'angiosarcoma' },
    treatment: 'radiotherapy',
    visitsDone: [1, 3, 6, 12],
    lostDay: 500,
  },
  // Benign (reference): 7-12.
  {
    n: 7,
    lesion: { size: 30, t1: 1200, t2: 80, ecv: 0.35 },
    readings: [{ type: 'myxoma' }, { type: 'myxoma', reader: 'reader-2' }],
    reference: { method: 'histopathology', type: 'myxoma' },
    treatment: 'surgical_resection',
    visitsDone: ALL,
  },
  {
    n: 8,
    sex: 'male',
    lesion: { size: 25, t1: 1150, t2: 78 },
    readings: [{ type: 'myxoma' }],
    reference: { method: 'histopathology', type: 'myxoma' },
    treatment: 'surgical_resection',
    events: [{ type: 'recurrence', day: 700 }],
    visitsDone: ALL,
  },
  {
    n: 9,
    lesion: { size: 20, t1: 300, t2: 60, attachment: 'sessile' },
    readings: [{ type: 'lipoma' }],
    reference: { method: 'follow_up', type: 'lipoma' },
    treatment: 'conservative',
    visitsDone: ALL,
  },
  {
    n: 10,
    lesion: { size: 10, t1: 1100 },
    readings: [{ type: 'papillary_fibroelastoma' }],
    reference: { method: 'histopathology', type: 'papillary_fibroelastoma' },
    treatment: 'surgical_resection',
    visitsDone: ALL,
  },
  {
    n: 11,
    sex: 'male',
    lesion: {
      size: 55,
      infiltration: true,
      fpp: 'mild',
      lge: 'homogeneous',
      attachment: 'sessile',
      t1: 1320,
    },
    readings: [{ type: 'angiosarcoma' }],
    reference: { method: 'histopathology', type: 'fibroma' },
    treatment: 'surgical_resection',
    visitsDone: ALL,
  },
  {
    n: 12,
    lesion: { size: 28, t1: 1180 },
    readings: [{ type: 'thrombus' }],
    reference: { method: 'histopathology', type: 'myxoma' },
    treatment: 'surgical_resection',
    visitsDone: ALL,
  },
  // Non-neoplastic (reference): 13-18.
  {
    n: 13,
    sex: 'male',
    lesion: { size: 15, t1: 900, t2: 50 },
    readings: [{ type: 'thrombus' }, { type: 'thrombus', reader: 'reader-2' }],
    reference: { method: 'anticoagulation_resolution', type: 'thrombus' },
    treatment: 'anticoagulation',
    events: [{ type: 'thromboembolism', day: 50 }],
    visitsDone: ALL,
  },
  {
    n: 14,
    lesion: { size: 12, t1: 950 },
    readings: [{ type: 'thrombus' }],
    reference: { method: 'anticoagulation_resolution', type: 'thrombus' },
    treatment: 'anticoagulation',
    visitsDone: ALL,
  },
  {
    n: 15,
    sex: 'male',
    lesion: { size: 22, t1: 1000 },
    readings: [{ type: 'myxoma' }, { type: 'thrombus', reader: 'reader-2' }],
    reference: { method: 'anticoagulation_resolution', type: 'thrombus' },
    treatment: 'anticoagulation',
    visitsDone: ALL,
  },
  {
    n: 16,
    lesion: { size: 50, t1: 2800, t2: 200 },
    readings: [{ type: 'pericardial_cyst' }],
    reference: { method: 'follow_up', type: 'pericardial_cyst' },
    treatment: 'conservative',
    visitsDone: ALL,
  },
  {
    n: 17,
    sex: 'male',
    lesion: { size: 18, fpp: 'mild', t1: 1050 },
    readings: [{ type: 'metastasis_lung' }],
    reference: { method: 'histopathology', type: 'thrombus' },
    treatment: 'anticoagulation',
    events: [{ type: 'death', day: 600 }],
    visitsDone: [1, 3, 6, 12],
  },
  {
    n: 18,
    lesion: { size: 8 },
    readings: [{ type: 'crista_terminalis' }],
    reference: { method: 'follow_up', type: 'crista_terminalis' },
    treatment: 'conservative',
    visitsDone: ALL,
  },
  // No mass; CMR without a reading; no CMR.
  {
    n: 19,
    lesion: null,
    readings: [{ type: 'no_mass' }],
    reference: { method: 'follow_up', type: 'no_mass' },
    treatment: 'conservative',
    visitsDone: ALL,
  },
  { n: 20, lesion: { size: 30 }, readings: [], reference: null, visitsDone: [1, 3] },
  { n: 21, baseline: null, lesion: null, readings: [], reference: null },
  // Not enrolled.
  { n: 22, excluded: ['mass_undetermined'] },
  { n: 23, excluded: ['consent_declined', 'follow_up_impossible'] },
  { n: 24, excluded: 'screening' },
];

/** The small cohort as a snapshot taken on 2024-01-01 (every 36-month visit window has closed). */
export function smallSnapshot(): StudySnapshot {
  return makeSnapshot({
    sites: [{ code: 'BJ01', name: 'Test hospital', country: 'CN' }],
    casebooks: SMALL_COHORT.map(makeCasebook),
    takenAt: '2024-01-01T00:00:00.000Z',
    key: 'test:small-cohort',
  });
}

const score = (f: LesionFinding): number =>
  (f.infiltration ? 1 : 0) +
  (f.pericardialEffusion && f.pericardialEffusion !== 'none' ? 1 : 0) +
  (f.firstPassPerfusion === 'mild' || f.firstPassPerfusion === 'marked' ? 1 : 0) +
  (f.lgePattern === 'heterogeneous' ? 2 : 0) +
  (f.attachment === 'sessile' ? 1 : 0) +
  (f.shape === 'polylobate' ? 2 : 0);

/**
 * A toy decision support for tests (not the study's): a score of the six items with heterogeneous
 * enhancement and polylobate shape weighing 2, a top category from it, and a suggested treatment.
 */
export const TOY_DECISION: DecisionSupport = {
  label: 'toy decision support (tests only)',
  massScore: (f) => score(f),
  topCategory: (f: LesionFinding, _cb: Casebook): MassCategory =>
    score(f) >= 5 ? 'malignant_tumour' : (f.t1NativeMs ?? 0) < 1100 ? 'thrombus' : 'benign_tumour',
  suggestedTreatment: (f): TreatmentType =>
    score(f) >= 5
      ? 'surgical_resection'
      : (f.t1NativeMs ?? 0) < 1100
        ? 'anticoagulation'
        : 'surgical_resection',
};
