import { coded, numeric } from '../criteria.js';
import type { Candidate } from './candidate.js';
import { NOT_FAT, NOT_NULLED } from './common.js';

/**
 * Other non-neoplastic masses: the pericardial cyst and the inflammatory pseudotumour, from clinical.md
 * §3. Points are engineering choices [U].
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
      { yes: 3, no: -4 },
      {
        source: 'gatti2021',
        evidence: 'C',
        why: { en: 'right cardiophrenic angle, thin-walled', zh: '右心膈角，薄壁' },
      }
    ),
    coded(
      'outside_heart',
      'tissueLayer',
      { intracavitary: -3, valvular: -3, intravascular: -3, intramural: -2 },
      {
        source: 'gatti2021',
        evidence: 'C',
        why: { en: 'a pericardial cyst lies outside the heart', zh: '心包囊肿位于心脏之外' },
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
