import { coded, numeric } from '../criteria.js';
import type { Candidate } from './candidate.js';
import { BENIGN_EFFUSION, BENIGN_NO_INVASION, NOT_FAT, NOT_NULLED } from './common.js';

/**
 * The benign tumours of childhood, from clinical.md §3 (Gatti 2021, Table 1; Diagnostics 2022,
 * Table 1) and §5b. Points are engineering choices [U].
 */

/** Fibroma: intramural in a ventricle, T2 hypo, intense homogeneous LGE, calcification; children. */
export const fibroma: Candidate = {
  key: 'fibroma',
  category: 'benign_tumour',
  type: 'fibroma',
  criteria: [
    coded(
      'intramural',
      'tissueLayer',
      { intramural: 3, intracavitary: -2, valvular: -3, pericardial: -2, epicardial: -1 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded(
      'ventricle',
      'location',
      {
        left_ventricle: 2,
        right_ventricle: 2,
        interventricular_septum: 2,
        left_atrium: -1,
        right_atrium: -1,
        interatrial_septum: -1,
        left_atrial_appendage: -1,
        mitral_valve: -2,
        aortic_valve: -2,
        tricuspid_valve: -2,
        pulmonary_valve: -2,
        pericardium: -2,
      },
      {
        source: 'gatti2021',
        evidence: 'C',
        why: { en: 'septum or ventricular free wall', zh: '室间隔或心室游离壁' },
      }
    ),
    coded(
      't2',
      't2wSignal',
      { hypo: 3, iso: 1, hyper: -2, mixed: -1 },
      { source: 'gatti2021', evidence: 'C', why: { en: 'fibromas are T2-dark', zh: '纤维瘤T2呈低信号' } }
    ),
    coded('t1', 't1wSignal', { iso: 1 }, { source: 'gatti2021', evidence: 'C' }),
    coded(
      'lge',
      'lgePattern',
      { homogeneous: 3, none: -3 },
      {
        source: 'gatti2021',
        evidence: 'P',
        why: {
          en: 'intense homogeneous enhancement (table row truncated)',
          zh: '明显均匀强化（原表该行不完整）',
        },
      }
    ),
    coded(
      'perfusion',
      'firstPassPerfusion',
      { none: 1, mild: 1, marked: -2 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded(
      'calcification',
      'calcification',
      { yes: 2 },
      { source: 'gatti2021', evidence: 'C', optional: true }
    ),
    coded(
      'non_contractile',
      'mobility',
      { immobile: 1, mobile: -2, prolapsing: -2 },
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded('homogeneous', 'homogeneity', { homogeneous: 1 }, { source: 'gatti2021', evidence: 'C' }),
    numeric(
      'child',
      'ageYears',
      [{ below: 18, points: 2, note: { en: 'infants and children', zh: '婴幼儿及儿童' } }],
      { source: 'gatti2021', evidence: 'C' }
    ),
    coded('invasion', 'infiltration', { yes: -1 }, { source: 'kassi2018', evidence: 'C' }),
    BENIGN_EFFUSION,
    NOT_FAT,
    NOT_NULLED,
  ],
};

/** Rhabdomyoma: infants, ventricles, often multiple; iso T1, hyper T2; little or no enhancement (sources disagree). */
export const rhabdomyoma: Candidate = {
  key: 'rhabdomyoma',
  category: 'benign_tumour',
  type: 'rhabdomyoma',
  criteria: [
    numeric(
      'age',
      'ageYears',
      [
        { below: 2, points: 3, note: { en: 'fetus or infant', zh: '胎儿或婴儿' } },
        {
          min: 2,
          below: 18,
          points: 1,
          note: { en: 'child; regresses by ~6 years', zh: '儿童；多在约6岁前消退' },
        },
        { min: 18, points: -3, note: { en: 'rare in adults', zh: '成人罕见' } },
      ],
      { source: 'rhabdomyomaCourse', evidence: 'C' }
    ),
    coded(
      'ventricle',
      'location',
      {
        left_ventricle: 2,
        right_ventricle: 2,
        interventricular_septum: 2,
        left_atrium: -1,
        right_atrium: -1,
        mitral_valve: -2,
        aortic_valve: -2,
        tricuspid_valve: -2,
        pulmonary_valve: -2,
        pericardium: -3,
      },
      { source: 'diagnostics2022', evidence: 'P' }
    ),
    coded(
      'layer',
      'tissueLayer',
      { intramural: 1, intracavitary: 1, valvular: -2, epicardial: -1, pericardial: -3 },
      {
        source: 'gatti2021',
        evidence: 'P',
        why: { en: 'intramyocardial or intracavitary', zh: '心肌内或心腔内' },
      }
    ),
    numeric(
      'multiple',
      'lesionsOnExam',
      [
        {
          min: 2,
          points: 2,
          note: { en: 'often multiple (tuberous sclerosis)', zh: '常多发（结节性硬化症）' },
        },
      ],
      { source: 'rhabdomyomaCourse', evidence: 'C', optional: true }
    ),
    coded('t1', 't1wSignal', { iso: 1, hyper: 1 }, { source: 'diagnostics2022', evidence: 'P' }),
    coded('t2', 't2wSignal', { hyper: 1, hypo: -2 }, { source: 'diagnostics2022', evidence: 'P' }),
    coded(
      'lge',
      'lgePattern',
      { none: 1, heterogeneous: -1 },
      {
        source: 'diagnostics2022',
        evidence: 'P',
        why: { en: 'little or none; sources disagree', zh: '轻微或无强化；文献不一致' },
      }
    ),
    BENIGN_NO_INVASION,
    BENIGN_EFFUSION,
    NOT_FAT,
    NOT_NULLED,
  ],
};
