import type { MassType } from '../vocab/diagnosis.js';
import { makeDecisionInput, type DecisionInput } from './input.js';

/**
 * Hand-built typical cases, one per row of clinical.md §3's signal table, for the tests (not
 * exported from the package). Each lists its findings as the table describes the mass type, a
 * plausible context, the leading diagnosis it must produce, and reason codes that must be among the
 * reasons for it.
 */
export interface TypicalCase {
  readonly name: string;
  readonly expected: MassType;
  /** Reason codes that must be among the leading entry's reasons for. */
  readonly keyReasons: readonly string[];
  readonly input: DecisionInput;
}

const ALL_SEQUENCES = { fpp: true, lge: true, longTi: true, fatSuppression: true } as const;

/** Myxoma: LA on the septum, pedunculated, lobular, prolapsing; T1 iso, T2 hyper, heterogeneous; heterogeneous LGE. */
export const MYXOMA: TypicalCase = {
  name: 'myxoma',
  expected: 'myxoma',
  keyReasons: ['myxoma.location', 'myxoma.t2', 'myxoma.lge', 'myxoma.attachment'],
  input: makeDecisionInput({
    lesion: {
      location: 'left_atrium',
      tissueLayer: 'intracavitary',
      attachment: 'pedunculated',
      sizeLongMm: 45,
      shape: 'polylobate',
      margins: 'lobulated',
      mobility: 'prolapsing',
      infiltration: false,
      pericardialEffusion: 'none',
      t1wSignal: 'iso',
      t2wSignal: 'hyper',
      fatSuppressionSignalLoss: 'no',
      homogeneity: 'heterogeneous',
      firstPassPerfusion: 'mild',
      lgePattern: 'heterogeneous',
      nullingLongTi: 'no',
    },
    context: {
      ageYears: 55,
      sex: 'female',
      knownExtracardiacCancer: false,
      atrialFibrillation: false,
      priorMyocardialInfarction: false,
      lvEfPercent: 62,
      symptoms: ['dyspnoea'],
      lesionsOnExam: 1,
      acquired: ALL_SEQUENCES,
    },
  }),
};

/** Lipoma: epicardial, broad-based, homogeneous; T1 and T2 hyper, signal loss on fat suppression; no perfusion or LGE. */
export const LIPOMA: TypicalCase = {
  name: 'lipoma',
  expected: 'lipoma',
  keyReasons: ['lipoma.fat_signal_loss', 'lipoma.t1'],
  input: makeDecisionInput({
    lesion: {
      location: 'left_ventricle',
      tissueLayer: 'epicardial',
      attachment: 'sessile',
      sizeLongMm: 32,
      shape: 'oval',
      margins: 'well_defined',
      mobility: 'immobile',
      infiltration: false,
      pericardialEffusion: 'none',
      t1wSignal: 'hyper',
      t2wSignal: 'hyper',
      fatSuppressionSignalLoss: 'yes',
      homogeneity: 'homogeneous',
      firstPassPerfusion: 'none',
      lgePattern: 'none',
      nullingLongTi: 'no',
    },
    context: {
      ageYears: 48,
      sex: 'male',
      knownExtracardiacCancer: false,
      symptoms: ['incidental'],
      lesionsOnExam: 1,
      acquired: ALL_SEQUENCES,
    },
  }),
};

/** Thrombus: LV apex after infarction, small, homogeneous, immobile; iso T2; nulled at long TI; no FPP, no LGE. */
export const THROMBUS: TypicalCase = {
  name: 'thrombus',
  expected: 'thrombus',
  keyReasons: ['thrombus.nulling_long_ti', 'thrombus.no_perfusion', 'thrombus.no_lge', 'thrombus.setting'],
  input: makeDecisionInput({
    lesion: {
      location: 'left_ventricle',
      tissueLayer: 'intracavitary',
      attachment: 'sessile',
      sizeLongMm: 16,
      shape: 'oval',
      margins: 'well_defined',
      mobility: 'immobile',
      infiltration: false,
      pericardialEffusion: 'none',
      t1wSignal: 'iso',
      t2wSignal: 'iso',
      fatSuppressionSignalLoss: 'no',
      homogeneity: 'homogeneous',
      firstPassPerfusion: 'none',
      lgePattern: 'none',
      nullingLongTi: 'yes',
    },
    context: {
      ageYears: 67,
      sex: 'male',
      knownExtracardiacCancer: false,
      atrialFibrillation: false,
      priorMyocardialInfarction: true,
      lvEfPercent: 32,
      symptoms: ['heart_failure'],
      lesionsOnExam: 1,
      acquired: ALL_SEQUENCES,
    },
  }),
};

/** Pericardial cyst: right cardiophrenic angle, round, thin-walled; T1 hypo, T2 hyper; no perfusion, no LGE. */
export const CYST: TypicalCase = {
  name: 'pericardial cyst',
  expected: 'pericardial_cyst',
  keyReasons: ['pericardial_cyst.pericardium', 'pericardial_cyst.t2', 'pericardial_cyst.perfusion'],
  input: makeDecisionInput({
    lesion: {
      location: 'pericardium',
      tissueLayer: 'pericardial',
      attachment: 'sessile',
      sizeLongMm: 52,
      shape: 'round',
      margins: 'well_defined',
      mobility: 'immobile',
      infiltration: false,
      pericardialEffusion: 'none',
      t1wSignal: 'hypo',
      t2wSignal: 'hyper',
      fatSuppressionSignalLoss: 'no',
      homogeneity: 'homogeneous',
      firstPassPerfusion: 'none',
      lgePattern: 'none',
    },
    context: {
      ageYears: 51,
      sex: 'female',
      knownExtracardiacCancer: false,
      symptoms: ['incidental'],
      lesionsOnExam: 1,
      acquired: ALL_SEQUENCES,
    },
  }),
};

/**
 * Angiosarcoma: right atrial free wall, sessile, polylobate, infiltrative, moderate effusion;
 * heterogeneous T1 with hyperintense foci, T2 hyper; marked FPP; heterogeneous LGE.
 */
export const ANGIOSARCOMA: TypicalCase = {
  name: 'angiosarcoma',
  expected: 'angiosarcoma',
  keyReasons: ['angiosarcoma.location', 'angiosarcoma.invasion', 'angiosarcoma.perfusion'],
  input: makeDecisionInput({
    lesion: {
      location: 'right_atrium',
      tissueLayer: 'intramural',
      attachment: 'sessile',
      sizeLongMm: 62,
      shape: 'polylobate',
      margins: 'infiltrative',
      mobility: 'immobile',
      infiltration: true,
      pericardialEffusion: 'moderate',
      t1wSignal: 'mixed',
      t2wSignal: 'hyper',
      fatSuppressionSignalLoss: 'no',
      homogeneity: 'heterogeneous',
      firstPassPerfusion: 'marked',
      lgePattern: 'heterogeneous',
      nullingLongTi: 'no',
    },
    context: {
      ageYears: 44,
      sex: 'male',
      knownExtracardiacCancer: false,
      symptoms: ['dyspnoea', 'chest_pain'],
      lesionsOnExam: 1,
      acquired: ALL_SEQUENCES,
    },
  }),
};

/**
 * Metastasis: known lung cancer; epicardial right-ventricular mass, sessile, infiltrative, moderate
 * effusion; T1 hypo, T2 hyper; perfusion; heterogeneous LGE; a second lesion.
 */
export const METASTASIS: TypicalCase = {
  name: 'metastasis',
  expected: 'metastasis_lung',
  keyReasons: ['metastasis.known_cancer', 'metastasis.layer', 'metastasis.invasion'],
  input: makeDecisionInput({
    lesion: {
      location: 'right_ventricle',
      tissueLayer: 'epicardial',
      attachment: 'sessile',
      sizeLongMm: 35,
      shape: 'irregular',
      margins: 'infiltrative',
      mobility: 'immobile',
      infiltration: true,
      pericardialEffusion: 'moderate',
      t1wSignal: 'hypo',
      t2wSignal: 'hyper',
      fatSuppressionSignalLoss: 'no',
      homogeneity: 'heterogeneous',
      firstPassPerfusion: 'mild',
      lgePattern: 'heterogeneous',
      nullingLongTi: 'no',
    },
    context: {
      ageYears: 66,
      sex: 'male',
      knownExtracardiacCancer: true,
      cancerSite: 'lung',
      symptoms: ['dyspnoea'],
      lesionsOnExam: 2,
      acquired: ALL_SEQUENCES,
    },
  }),
};

/** Fibroma: a child; intramural in the septum, well defined, calcified; T1 iso, T2 hypo; intense homogeneous LGE. */
export const FIBROMA: TypicalCase = {
  name: 'fibroma',
  expected: 'fibroma',
  keyReasons: ['fibroma.intramural', 'fibroma.t2', 'fibroma.lge'],
  input: makeDecisionInput({
    lesion: {
      location: 'interventricular_septum',
      tissueLayer: 'intramural',
      attachment: 'not_applicable',
      sizeLongMm: 48,
      shape: 'round',
      margins: 'well_defined',
      mobility: 'immobile',
      infiltration: false,
      pericardialEffusion: 'none',
      t1wSignal: 'iso',
      t2wSignal: 'hypo',
      fatSuppressionSignalLoss: 'no',
      homogeneity: 'homogeneous',
      firstPassPerfusion: 'none',
      lgePattern: 'homogeneous',
      nullingLongTi: 'no',
      calcification: true,
    },
    context: {
      ageYears: 6,
      sex: 'female',
      knownExtracardiacCancer: false,
      symptoms: ['palpitations'],
      lesionsOnExam: 1,
      acquired: ALL_SEQUENCES,
    },
  }),
};

/** The seven cases the issue names. */
export const TYPICAL_CASES: readonly TypicalCase[] = [
  MYXOMA,
  LIPOMA,
  THROMBUS,
  CYST,
  ANGIOSARCOMA,
  METASTASIS,
  FIBROMA,
];
