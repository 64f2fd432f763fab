import { LesionLocation } from '../../vocab/cmr.js';
import { coded, numeric } from '../criteria.js';
import type { Candidate } from './candidate.js';
import { NOT_FAT, NOT_NULLED } from './common.js';

/**
 * Pseudomasses: normal structures taken for a mass (Shenoy 2022's category; named in clinical.md §7).
 * clinical.md's signal table has no rows for them, so every criterion here is background knowledge
 * [U], except the fat-suppression principle for lipomatous hypertrophy (Gatti 2021). Points are
 * engineering choices [U].
 */

/** Points for every location except those listed (for structures found in one place only). */
function elsewhere(
  points: number,
  except: readonly LesionLocation[]
): Partial<Record<LesionLocation, number>> {
  return Object.fromEntries(LesionLocation.codes.filter((l) => !except.includes(l)).map((l) => [l, points]));
}

/** Prominent crista terminalis: a small, immobile ridge of the right atrial wall that behaves like myocardium [U]. */
export const cristaTerminalis: Candidate = {
  key: 'crista_terminalis',
  category: 'pseudomass',
  type: 'crista_terminalis',
  criteria: [
    coded(
      'right_atrium',
      'location',
      { ...elsewhere(-4, ['right_atrium']), right_atrium: 3 },
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
      { ...elsewhere(-4, ['interatrial_septum']), interatrial_septum: 4 },
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

/**
 * Coumadin ridge: the ridge between the left atrial appendage and the left upper pulmonary vein, a
 * small immobile fold that behaves like myocardium and is mistaken for thrombus [U].
 */
export const coumadinRidge: Candidate = {
  key: 'coumadin_ridge',
  category: 'pseudomass',
  type: 'coumadin_ridge',
  criteria: [
    coded(
      'location',
      'location',
      {
        ...elsewhere(-4, ['left_atrial_appendage', 'left_atrium', 'pulmonary_vein']),
        left_atrial_appendage: 3,
        left_atrium: 2,
        pulmonary_vein: 1,
      },
      {
        source: 'background',
        evidence: 'U',
        why: {
          en: 'between the appendage and the left upper pulmonary vein',
          zh: '位于左心耳与左上肺静脉之间',
        },
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
        { below: 15, points: 1, note: { en: 'small fold', zh: '小的皱襞' } },
        { min: 25, points: -2, note: { en: 'too large for a fold', zh: '作为皱襞而言过大' } },
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
    NOT_NULLED,
  ],
};

/**
 * Eustachian valve / Chiari network: a thin, mobile membrane of the right atrium at the inferior vena
 * cava, with no perfusion or enhancement of its own [U].
 */
export const eustachianValve: Candidate = {
  key: 'eustachian_valve',
  category: 'pseudomass',
  type: 'eustachian_valve',
  criteria: [
    coded(
      'location',
      'location',
      { ...elsewhere(-4, ['right_atrium', 'vena_cava']), right_atrium: 2, vena_cava: 2 },
      {
        source: 'background',
        evidence: 'U',
        why: { en: 'right atrium at the inferior vena cava', zh: '右心房下腔静脉入口处' },
      }
    ),
    coded(
      'membrane',
      'tissueLayer',
      { intracavitary: 1, intramural: -1, pericardial: -3 },
      { source: 'background', evidence: 'U' }
    ),
    coded('mobile', 'mobility', { mobile: 1 }, { source: 'background', evidence: 'U' }),
    numeric(
      'size',
      'sizeLongMm',
      [{ min: 40, points: -2, note: { en: 'large for a membrane', zh: '作为膜状结构而言过大' } }],
      { source: 'background', evidence: 'U' }
    ),
    coded('t1', 't1wSignal', { iso: 1, hyper: -1 }, { source: 'background', evidence: 'U' }),
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
    coded(
      'perfusion',
      'firstPassPerfusion',
      { marked: -2, mild: -1 },
      { source: 'background', evidence: 'U' }
    ),
    coded('invasion', 'infiltration', { yes: -3 }, { source: 'background', evidence: 'U' }),
    NOT_NULLED,
    NOT_FAT,
  ],
};
