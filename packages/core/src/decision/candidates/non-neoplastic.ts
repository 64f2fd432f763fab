import { coded, numeric } from '../criteria.js';
import type { Candidate } from './candidate.js';
import { NOT_FAT, NOT_NULLED } from './common.js';

/**
 * Non-neoplastic masses and pseudomasses. The cyst and the inflammatory pseudotumour follow
 * clinical.md §3; the two pseudomasses (named in clinical.md §7 and by Shenoy 2022) have no row in the
 * signal table, so their criteria are background knowledge [U]. Points are engineering choices [U].
 */

/** Pericardial cyst: in the pericardium, fluid signal (T1 hypo, T2 hyper), no perfusion and no enhancement. */
export const pericardialCyst: Candidate = {
  key: 'pericardial_cyst',
  category: 'other_non_neoplastic',
  type: 'pericardial_cyst',
  criteria: [
    coded(
      'pericardium',
      'inPericardium',
      { yes: 3, no: -3 },
      {
        source: 'gatti2021',
        evidence: 'C',
        why: { en: 'right cardiophrenic angle, thin-walled', zh: '右心膈角，薄壁' },
      }
    ),
    coded(
      't2',
      't2wSignal',
      { hyper: 2, mixed: -1, iso: -2, hypo: -2 },
      { source: 'gatti2021', evidence: 'C', why: { en: 'fluid', zh: '液体' } }
    ),
    coded('t1', 't1wSignal', { hypo: 2, hyper: -1, mixed: -1 }, { source: 'gatti2021', evidence: 'C' }),
    coded(
      'perfusion',
      'firstPassPerfusion',
      { none: 2, mild: -4, marked: -4 },
      { source: 'gatti2021', evidence: 'C', why: { en: 'fluid does not perfuse', zh: '液体无灌注' } }
    ),
    coded(
      'lge',
      'lgePattern',
      { none: 2, homogeneous: -4, heterogeneous: -4 },
      { source: 'gatti2021', evidence: 'C', why: { en: 'fluid does not enhance', zh: '液体无强化' } }
    ),
    coded(
      'homogeneous',
      'homogeneity',
      { homogeneous: 1, heterogeneous: -2 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded(
      'unilocular',
      'shape',
      { round: 1, oval: 1, polylobate: -1, irregular: -1 },
      { source: 'gatti2021', evidence: 'C', why: { en: 'unilocular', zh: '单房' } }
    ),
    coded('invasion', 'infiltration', { yes: -3 }, { source: 'gatti2021', evidence: 'C' }),
    numeric(
      't1_map',
      't1NativeMs',
      [{ min: 2500, points: 2, note: { en: 'long T1 of fluid', zh: '液体的长T1' } }],
      { source: 'background', evidence: 'U', optional: true }
    ),
    NOT_FAT,
  ],
};

/** Inflammatory myofibroblastic tumour: atria (right more), endocardium-based, pedunculated, T2 hyper, LGE; young. */
export const inflammatoryPseudotumour: Candidate = {
  key: 'inflammatory_pseudotumour',
  category: 'other_non_neoplastic',
  type: 'inflammatory_pseudotumour',
  criteria: [
    coded(
      'atria',
      'location',
      { right_atrium: 2, left_atrium: 1, interatrial_septum: 1, pericardium: -1 },
      {
        source: 'imtCaseReports',
        evidence: 'P',
        why: { en: 'atria, especially right', zh: '心房，右心房多见' },
      }
    ),
    coded('endocardial', 'tissueLayer', { intracavitary: 1 }, { source: 'imtCaseReports', evidence: 'P' }),
    coded('stalk', 'attachment', { pedunculated: 1 }, { source: 'imtCaseReports', evidence: 'P' }),
    coded('t2', 't2wSignal', { hyper: 1 }, { source: 'imtCaseReports', evidence: 'P' }),
    coded(
      'lge',
      'lgePattern',
      { homogeneous: 1, heterogeneous: 1, peripheral: 1, none: -2 },
      { source: 'imtCaseReports', evidence: 'P' }
    ),
    numeric(
      'young',
      'ageYears',
      [{ below: 30, points: 1, note: { en: 'children and young adults', zh: '儿童及青年' } }],
      { source: 'imtCaseReports', evidence: 'C' }
    ),
    NOT_FAT,
    NOT_NULLED,
  ],
};

/** Prominent crista terminalis: a small, immobile ridge of the right atrial wall that behaves like myocardium [U]. */
export const cristaTerminalis: Candidate = {
  key: 'crista_terminalis',
  category: 'pseudomass',
  type: 'crista_terminalis',
  criteria: [
    coded(
      'right_atrium',
      'location',
      {
        right_atrium: 3,
        left_atrium: -4,
        left_atrial_appendage: -4,
        left_ventricle: -4,
        right_ventricle: -4,
        interatrial_septum: -4,
        interventricular_septum: -4,
        mitral_valve: -4,
        aortic_valve: -4,
        tricuspid_valve: -4,
        pulmonary_valve: -4,
        pericardium: -4,
        aorta: -4,
        pulmonary_artery: -4,
        vena_cava: -4,
        pulmonary_vein: -4,
        av_groove: -4,
      },
      {
        source: 'background',
        evidence: 'U',
        why: { en: 'a ridge of the right atrial wall', zh: '右心房壁的嵴' },
      }
    ),
    coded(
      'wall',
      'tissueLayer',
      { intramural: 1, pericardial: -3, valvular: -3 },
      { source: 'background', evidence: 'U' }
    ),
    coded(
      'immobile',
      'mobility',
      { immobile: 1, mobile: -3, prolapsing: -3 },
      { source: 'background', evidence: 'U' }
    ),
    coded('stalk', 'attachment', { pedunculated: -2 }, { source: 'background', evidence: 'U' }),
    numeric(
      'small',
      'sizeLongMm',
      [
        { below: 20, points: 1, note: { en: 'small ridge', zh: '小的嵴状结构' } },
        { min: 30, points: -2, note: { en: 'too large for a ridge', zh: '作为嵴而言过大' } },
      ],
      { source: 'background', evidence: 'U' }
    ),
    coded(
      't1',
      't1wSignal',
      { iso: 1, hyper: -1, hypo: -1 },
      { source: 'background', evidence: 'U', why: { en: 'like myocardium', zh: '与心肌相同' } }
    ),
    coded('t2', 't2wSignal', { iso: 1, hyper: -1 }, { source: 'background', evidence: 'U' }),
    coded(
      'homogeneous',
      'homogeneity',
      { homogeneous: 1, heterogeneous: -2 },
      { source: 'background', evidence: 'U' }
    ),
    coded(
      'lge',
      'lgePattern',
      { none: 1, homogeneous: -2, heterogeneous: -2, peripheral: -2 },
      { source: 'background', evidence: 'U' }
    ),
    coded('perfusion', 'firstPassPerfusion', { marked: -1 }, { source: 'background', evidence: 'U' }),
    coded('invasion', 'infiltration', { yes: -3 }, { source: 'background', evidence: 'U' }),
    coded(
      'effusion',
      'pericardialEffusion',
      { moderate: -1, large: -1 },
      { source: 'background', evidence: 'U' }
    ),
    coded(
      'fat_signal_loss',
      'fatSuppressionSignalLoss',
      { yes: -1 },
      { source: 'background', evidence: 'U', optional: true }
    ),
  ],
};

/** Lipomatous hypertrophy of the interatrial septum: fat (signal loss on fat suppression) in the septum [U]. */
export const lipomatousSeptalHypertrophy: Candidate = {
  key: 'lipomatous_septal_hypertrophy',
  category: 'pseudomass',
  type: 'lipomatous_septal_hypertrophy',
  criteria: [
    coded(
      'septum',
      'location',
      {
        interatrial_septum: 4,
        left_atrium: -4,
        left_atrial_appendage: -4,
        right_atrium: -4,
        left_ventricle: -4,
        right_ventricle: -4,
        interventricular_septum: -4,
        mitral_valve: -4,
        aortic_valve: -4,
        tricuspid_valve: -4,
        pulmonary_valve: -4,
        pericardium: -4,
        aorta: -4,
        pulmonary_artery: -4,
        vena_cava: -4,
        pulmonary_vein: -4,
        av_groove: -4,
      },
      { source: 'background', evidence: 'U', why: { en: 'interatrial septum', zh: '房间隔' } }
    ),
    coded(
      'fat_signal_loss',
      'fatSuppressionSignalLoss',
      { yes: 3, no: -4 },
      { source: 'gatti2021', evidence: 'C', why: { en: 'fat', zh: '脂肪' } }
    ),
    coded('t1', 't1wSignal', { hyper: 2, iso: -2, hypo: -2 }, { source: 'gatti2021', evidence: 'C' }),
    coded(
      'perfusion',
      'firstPassPerfusion',
      { none: 1, mild: -2, marked: -2 },
      { source: 'background', evidence: 'U' }
    ),
    coded(
      'lge',
      'lgePattern',
      { none: 1, homogeneous: -2, heterogeneous: -2, peripheral: -2 },
      { source: 'background', evidence: 'U' }
    ),
    coded(
      'immobile',
      'mobility',
      { immobile: 1, mobile: -3, prolapsing: -3 },
      { source: 'background', evidence: 'U' }
    ),
    coded('stalk', 'attachment', { pedunculated: -2 }, { source: 'background', evidence: 'U' }),
    coded('invasion', 'infiltration', { yes: -3 }, { source: 'background', evidence: 'U' }),
  ],
};
