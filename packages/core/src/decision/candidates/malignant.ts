import type { CancerSite, MassType } from '../../vocab/diagnosis.js';
import { coded, numeric } from '../criteria.js';
import type { Candidate } from './candidate.js';
import { MALIGNANT_GENERAL, NOT_FAT, NOT_NULLED } from './common.js';

/**
 * Malignant tumours, from clinical.md §3 (angiosarcoma, lymphoma, metastasis rows) and, for other
 * sarcomas, the general malignant features of Kassi 2018 and Paolisso 2024. Points are engineering
 * choices [U].
 */

/** Angiosarcoma: right atrium / AV groove, infiltrative, haemorrhagic effusion, heterogeneous, avid enhancement. */
export const angiosarcoma: Candidate = {
  key: 'angiosarcoma',
  category: 'malignant_tumour',
  type: 'angiosarcoma',
  criteria: [
    coded(
      'location',
      'location',
      {
        right_atrium: 3,
        av_groove: 3,
        pericardium: 1,
        right_ventricle: 1,
        vena_cava: 1,
        tricuspid_valve: -1,
        pulmonary_valve: -1,
        interatrial_septum: -1,
        interventricular_septum: -1,
        aorta: -1,
        left_atrium: -2,
        left_atrial_appendage: -2,
        left_ventricle: -2,
        pulmonary_vein: -2,
        mitral_valve: -3,
        aortic_valve: -3,
      },
      {
        source: 'angiosarcomaImaging',
        evidence: 'C',
        why: { en: 'right atrial free wall / AV groove in ~75 %', zh: '约75%位于右心房游离壁/房室沟' },
      }
    ),
    coded('invasion', 'infiltration', { yes: 3, no: -3 }, { source: 'angiosarcomaImaging', evidence: 'C' }),
    coded(
      'effusion',
      'pericardialEffusion',
      { none: -1, small: 1, moderate: 2, large: 2 },
      {
        source: 'angiosarcomaImaging',
        evidence: 'C',
        why: { en: 'haemorrhagic effusion is common', zh: '常见血性心包积液' },
      }
    ),
    coded(
      't1',
      't1wSignal',
      { mixed: 2, hyper: 1 },
      {
        source: 'angiosarcomaImaging',
        evidence: 'C',
        why: { en: 'heterogeneous, hyperintense foci of haemorrhage', zh: '信号不均，出血灶呈高信号' },
      }
    ),
    coded(
      't2',
      't2wSignal',
      { hyper: 1, mixed: 1, hypo: -2 },
      { source: 'angiosarcomaImaging', evidence: 'C' }
    ),
    coded(
      'perfusion',
      'firstPassPerfusion',
      { marked: 2, mild: 1, none: -3 },
      { source: 'angiosarcomaImaging', evidence: 'C' }
    ),
    coded(
      'lge',
      'lgePattern',
      { heterogeneous: 2, peripheral: 1, none: -3 },
      { source: 'angiosarcomaImaging', evidence: 'C' }
    ),
    coded(
      'heterogeneous',
      'homogeneity',
      { heterogeneous: 2, homogeneous: -2 },
      { source: 'angiosarcomaImaging', evidence: 'C' }
    ),
    coded(
      'sessile',
      'attachment',
      { sessile: 1, pedunculated: -2 },
      { source: 'paolisso2024', evidence: 'C' }
    ),
    NOT_FAT,
    NOT_NULLED,
  ],
};

/**
 * Other sarcoma: no row in clinical.md §3, so the general malignant features; a weak left-atrial
 * preference is background knowledge [U].
 */
export const sarcomaOther: Candidate = {
  key: 'sarcoma_other',
  category: 'malignant_tumour',
  type: 'sarcoma_other',
  criteria: [
    ...MALIGNANT_GENERAL,
    coded('left_atrium', 'location', { left_atrium: 1 }, { source: 'background', evidence: 'U' }),
    NOT_FAT,
    NOT_NULLED,
  ],
};

/**
 * Lymphoma: right atrium / AV groove, infiltrative, encases coronary arteries without occlusion,
 * homogeneous iso signal, moderate perfusion, mild-moderate homogeneous enhancement, effusion. With a
 * known lymphoma or haematological cancer the type is secondary lymphoma.
 */
export const lymphoma: Candidate = {
  key: 'lymphoma',
  category: 'malignant_tumour',
  type: 'lymphoma_primary',
  typeFor: (input) =>
    input.context.knownExtracardiacCancer === true && input.context.cancerSite === 'lymphoma_haem'
      ? 'metastasis_lymphoma'
      : 'lymphoma_primary',
  criteria: [
    coded(
      'encasement',
      'coronaryEncasement',
      { yes: 4, no: -1 },
      {
        source: 'lymphomaImaging',
        evidence: 'C',
        why: { en: 'typical of lymphoma', zh: '淋巴瘤典型表现' },
      }
    ),
    coded(
      'location',
      'location',
      {
        right_atrium: 2,
        av_groove: 2,
        right_ventricle: 1,
        pericardium: 1,
        left_atrium: -1,
        left_atrial_appendage: -1,
        left_ventricle: -1,
        mitral_valve: -2,
        aortic_valve: -2,
      },
      {
        source: 'lymphomaImaging',
        evidence: 'C',
        why: { en: 'right atrium / AV groove', zh: '右心房/房室沟' },
      }
    ),
    coded('invasion', 'infiltration', { yes: 2, no: -2 }, { source: 'lymphomaImaging', evidence: 'C' }),
    coded('t1', 't1wSignal', { iso: 1 }, { source: 'lymphomaImaging', evidence: 'C' }),
    coded('t2', 't2wSignal', { iso: 1, hypo: -1 }, { source: 'lymphomaImaging', evidence: 'C' }),
    coded(
      'homogeneous',
      'homogeneity',
      { homogeneous: 2, heterogeneous: -1 },
      {
        source: 'lymphomaImaging',
        evidence: 'C',
        why: { en: 'less necrosis than sarcoma', zh: '坏死少于肉瘤' },
      }
    ),
    coded(
      'perfusion',
      'firstPassPerfusion',
      { mild: 2, none: -2 },
      { source: 'lymphomaImaging', evidence: 'C', why: { en: 'moderate perfusion', zh: '中等灌注' } }
    ),
    coded(
      'lge',
      'lgePattern',
      { homogeneous: 1, heterogeneous: -1, none: -2 },
      {
        source: 'lymphomaImaging',
        evidence: 'C',
        why: { en: 'mild-moderate, relatively homogeneous', zh: '轻-中度、相对均匀强化' },
      }
    ),
    coded(
      'effusion',
      'pericardialEffusion',
      { small: 1, moderate: 1, large: 1 },
      { source: 'lymphomaImaging', evidence: 'C' }
    ),
    NOT_FAT,
    NOT_NULLED,
  ],
};

const METASTASIS_OF: Readonly<Record<CancerSite, MassType>> = {
  lung: 'metastasis_lung',
  breast: 'metastasis_breast',
  lymphoma_haem: 'metastasis_lymphoma',
  melanoma: 'metastasis_melanoma',
  renal: 'metastasis_renal',
  gastrointestinal: 'metastasis_other',
  other: 'metastasis_other',
};

/** The metastasis type that matches a known cancer's site (`metastasis_other` when none is recorded). */
export function metastasisTypeOf(site: CancerSite | null): MassType {
  return site === null ? 'metastasis_other' : METASTASIS_OF[site];
}

/**
 * Metastasis: a known extracardiac cancer (metastases are 20-40 times more common than primary
 * tumours), pericardium/epicardium most common, usually T1 hypo and T2 hyper, melanoma T1 hyper and
 * T2 hypo, enhancing, effusion in about a third; plus the general malignant features. The type
 * follows the known cancer's site.
 */
export const metastasis: Candidate = {
  key: 'metastasis',
  category: 'malignant_tumour',
  type: 'metastasis_other',
  typeFor: (input) => metastasisTypeOf(input.context.cancerSite),
  criteria: [
    coded(
      'known_cancer',
      'knownExtracardiacCancer',
      { yes: 4, no: -3 },
      {
        source: 'epidemiology',
        evidence: 'C',
        why: {
          en: 'metastases are 20-40 times more common than primary tumours and come with known disease',
          zh: '转移瘤比原发肿瘤多20-40倍，多见于已知肿瘤患者',
        },
      }
    ),
    coded(
      'layer',
      'tissueLayer',
      { epicardial: 2, pericardial: 2, intramural: 1, valvular: -2 },
      {
        source: 'cmrPocketGuide',
        evidence: 'C',
        why: { en: 'pericardium/epicardium in 57-75 %', zh: '57-75%累及心包/心外膜' },
      }
    ),
    coded(
      'melanin',
      'melanomaSignal',
      { melanin_known_melanoma: 4, melanin_signal: 1 },
      { source: 'cmrPocketGuide', evidence: 'C' }
    ),
    coded(
      't1',
      't1wSignal',
      { hypo: 1 },
      { source: 'cmrPocketGuide', evidence: 'C', why: { en: 'usually hypo', zh: '通常低信号' } }
    ),
    coded('t2', 't2wSignal', { hyper: 1 }, { source: 'cmrPocketGuide', evidence: 'C' }),
    numeric(
      'multiple',
      'lesionsOnExam',
      [{ min: 2, points: 1, note: { en: 'more than one lesion', zh: '多于一个病灶' } }],
      { source: 'background', evidence: 'U', optional: true }
    ),
    ...MALIGNANT_GENERAL,
    NOT_FAT,
    NOT_NULLED,
  ],
};
