import { coded, numeric } from '../criteria.js';
import type { Candidate } from './candidate.js';
import { BENIGN_EFFUSION, BENIGN_NO_INVASION, NOT_FAT, NOT_NULLED } from './common.js';

/**
 * Benign tumours, from the signal table of clinical.md §3 (Gatti et al., World J Cardiol 2021, Table 1;
 * Diagnostics 2022;12:2543, Table 1) and the demographics of §5b. Points are engineering choices [U].
 */

/** Myxoma: left atrium on the interatrial septum, pedunculated, mobile/prolapsing, T2 hyper, heterogeneous LGE. */
export const myxoma: Candidate = {
  key: 'myxoma',
  category: 'benign_tumour',
  type: 'myxoma',
  criteria: [
    coded(
      'location',
      'location',
      {
        left_atrium: 3,
        interatrial_septum: 3,
        right_atrium: 1,
        left_ventricle: -2,
        right_ventricle: -2,
        interventricular_septum: -2,
        mitral_valve: -2,
        aortic_valve: -2,
        tricuspid_valve: -2,
        pulmonary_valve: -2,
        pericardium: -3,
        av_groove: -2,
        aorta: -2,
        pulmonary_artery: -2,
        vena_cava: -2,
        pulmonary_vein: -2,
      },
      {
        source: 'gatti2021',
        evidence: 'C',
        why: {
          en: 'left atrium in 60-88 %, on the interatrial septum',
          zh: '60-88%位于左心房，附着于房间隔',
        },
      }
    ),
    coded(
      'attachment',
      'attachment',
      { pedunculated: 2, sessile: -1 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded(
      'endocardial',
      'tissueLayer',
      { intracavitary: 1, intramural: -2, epicardial: -2, pericardial: -3 },
      {
        source: 'gatti2021',
        evidence: 'C',
        why: { en: 'arises from the endocardium into the cavity', zh: '起源于心内膜，突入心腔' },
      }
    ),
    coded(
      'mobility',
      'mobility',
      { mobile: 1, prolapsing: 2, immobile: -1 },
      { source: 'gatti2021', evidence: 'C', why: { en: 'mobile, prolapsing', zh: '可活动、可脱垂' } }
    ),
    coded('lobular', 'shape', { polylobate: 1 }, { source: 'gatti2021', evidence: 'C' }),
    coded('t1', 't1wSignal', { iso: 1, mixed: 1 }, { source: 'gatti2021', evidence: 'C' }),
    coded(
      't2',
      't2wSignal',
      { hyper: 2, mixed: 1, iso: -1, hypo: -2 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded('heterogeneous', 'homogeneity', { heterogeneous: 1 }, { source: 'gatti2021', evidence: 'C' }),
    coded('perfusion', 'firstPassPerfusion', { mild: 1, none: -1 }, { source: 'gatti2021', evidence: 'C' }),
    coded('lge', 'lgePattern', { heterogeneous: 2, none: -2 }, { source: 'gatti2021', evidence: 'C' }),
    BENIGN_NO_INVASION,
    BENIGN_EFFUSION,
    NOT_FAT,
    NOT_NULLED,
  ],
};

/** Papillary fibroelastoma: on a valve, small (mean ~8 mm, usually < 15 mm), mobile, stalked; iso signal. */
export const papillaryFibroelastoma: Candidate = {
  key: 'papillary_fibroelastoma',
  category: 'benign_tumour',
  type: 'papillary_fibroelastoma',
  criteria: [
    coded(
      'valvular',
      'valvular',
      { yes: 3, no: -3 },
      {
        source: 'gatti2021',
        evidence: 'C',
        why: { en: 'valves, aortic > mitral', zh: '瓣膜，主动脉瓣多于二尖瓣' },
      }
    ),
    numeric(
      'size',
      'sizeLongMm',
      [
        { below: 15, points: 2, note: { en: 'usually < 15 mm', zh: '通常 < 15 mm' } },
        {
          min: 25,
          points: -2,
          note: { en: 'larger than usual (mean ~8 mm)', zh: '大于常见大小（平均约8 mm）' },
        },
      ],
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded(
      'mobility',
      'mobility',
      { mobile: 1, prolapsing: 1, immobile: -1 },
      { source: 'gowda2003', evidence: 'C' }
    ),
    coded(
      'stalk',
      'attachment',
      { pedunculated: 1 },
      { source: 'gatti2021', evidence: 'C', why: { en: 'often stalked', zh: '常带蒂' } }
    ),
    coded('t1', 't1wSignal', { iso: 1 }, { source: 'gatti2021', evidence: 'C' }),
    coded('t2', 't2wSignal', { iso: 1, hyper: -1 }, { source: 'gatti2021', evidence: 'C' }),
    coded(
      'lge',
      'lgePattern',
      { none: 1, homogeneous: 1, heterogeneous: -2 },
      {
        source: 'gatti2021',
        evidence: 'C',
        why: { en: 'mild homogeneous or none', zh: '轻度均匀强化或无强化' },
      }
    ),
    coded('perfusion', 'firstPassPerfusion', { marked: -1 }, { source: 'gatti2021', evidence: 'C' }),
    BENIGN_NO_INVASION,
    BENIGN_EFFUSION,
    NOT_FAT,
    NOT_NULLED,
  ],
};

/** Lipoma: signal loss on fat suppression, T1 hyper, no perfusion or enhancement, homogeneous, broad-based. */
export const lipoma: Candidate = {
  key: 'lipoma',
  category: 'benign_tumour',
  type: 'lipoma',
  criteria: [
    coded(
      'fat_signal_loss',
      'fatSuppressionSignalLoss',
      { yes: 4, no: -4 },
      { source: 'gatti2021', evidence: 'C', why: { en: 'fat', zh: '脂肪' } }
    ),
    coded(
      't1',
      't1wSignal',
      { hyper: 2, iso: -2, hypo: -2, mixed: -1 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded('t2', 't2wSignal', { hyper: 1 }, { source: 'gatti2021', evidence: 'C' }),
    coded(
      'perfusion',
      'firstPassPerfusion',
      { none: 1, mild: -2, marked: -2 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded(
      'lge',
      'lgePattern',
      { none: 1, homogeneous: -2, heterogeneous: -2, peripheral: -2 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded(
      'homogeneous',
      'homogeneity',
      { homogeneous: 1, heterogeneous: -1 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded('broad_based', 'attachment', { sessile: 1 }, { source: 'gatti2021', evidence: 'C' }),
    coded(
      'septum',
      'location',
      { interatrial_septum: -1 },
      {
        source: 'background',
        evidence: 'U',
        why: {
          en: 'fat on the interatrial septum is usually lipomatous hypertrophy',
          zh: '房间隔脂肪多为脂肪瘤样肥厚',
        },
      }
    ),
    numeric(
      't1_map',
      't1NativeMs',
      [{ below: 450, points: 1, note: { en: 'short T1 of fat', zh: '脂肪的短T1' } }],
      { source: 'background', evidence: 'U', optional: true }
    ),
    BENIGN_NO_INVASION,
    BENIGN_EFFUSION,
  ],
};

/** Hemangioma: intense, prolonged, heterogeneous first-pass perfusion; T2 hyper; enhancing. */
export const hemangioma: Candidate = {
  key: 'hemangioma',
  category: 'benign_tumour',
  type: 'hemangioma',
  criteria: [
    coded(
      'perfusion',
      'firstPassPerfusion',
      { marked: 3, mild: 1, none: -3 },
      {
        source: 'gatti2021',
        evidence: 'C',
        why: { en: 'intense, prolonged perfusion', zh: '明显、持续灌注' },
      }
    ),
    coded(
      't2',
      't2wSignal',
      { hyper: 2, mixed: 1, iso: -1, hypo: -2 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded('t1', 't1wSignal', { iso: 1 }, { source: 'gatti2021', evidence: 'C' }),
    coded(
      'lge',
      'lgePattern',
      { homogeneous: 1, heterogeneous: 1, none: -2 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    BENIGN_NO_INVASION,
    BENIGN_EFFUSION,
    NOT_FAT,
    NOT_NULLED,
  ],
};
