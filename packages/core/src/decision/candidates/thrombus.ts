import { coded, numeric, type Criterion } from '../criteria.js';
import { criterionPoints, PAZOS_LOPEZ_2014 as T3 } from '../likelihood-points.js';
import { NOT_FAT } from './common.js';
import type { Candidate } from './candidate.js';

const ti = criterionPoints(T3.typicalTiPattern);
const fpp = criterionPoints(T3.noFirstPassPerfusion);
const lge = criterionPoints(T3.noLge);
const homog = criterionPoints(T3.homogeneous);
const size = criterionPoints(T3.diameterBelow24mm);
const still = criterionPoints(T3.noMotility);
const t2 = criterionPoints(T3.noT2Hyperintensity);

/**
 * The thrombus-versus-tumour criteria of Pazos-López et al., JACC Cardiovasc Imaging 2014;7:896-905
 * (Table 3, clinical.md §2c [C]); points from each criterion's likelihood ratios
 * (`likelihood-points.ts`). Surface-only LGE and mixed T2 signal are neutral.
 */
export const PAZOS_CRITERIA: readonly Criterion[] = [
  coded(
    'nulling_long_ti',
    'nullingLongTi',
    { yes: ti.present, no: ti.absent },
    {
      source: 'pazosLopez2014',
      evidence: 'C',
      why: {
        en: 'typical TI-scout pattern: sensitivity 94 %, specificity 98 % for thrombus',
        zh: '典型TI扫描表现：诊断血栓敏感度94%，特异度98%',
      },
    }
  ),
  coded(
    'no_perfusion',
    'firstPassPerfusion',
    { none: fpp.present, mild: fpp.absent, marked: fpp.absent },
    {
      source: 'pazosLopez2014',
      evidence: 'C',
      why: { en: 'no FPP: sensitivity 96 %, specificity 70 %', zh: '无首过灌注：敏感度96%，特异度70%' },
    }
  ),
  coded(
    'no_lge',
    'lgePattern',
    { none: lge.present, homogeneous: lge.absent, heterogeneous: lge.absent, peripheral: lge.absent },
    {
      source: 'pazosLopez2014',
      evidence: 'C',
      why: { en: 'no LGE: sensitivity 95 %, specificity 71 %', zh: '无延迟强化：敏感度95%，特异度71%' },
    }
  ),
  coded(
    'homogeneous',
    'homogeneity',
    { homogeneous: homog.present, heterogeneous: homog.absent },
    {
      source: 'pazosLopez2014',
      evidence: 'C',
      why: { en: 'homogeneous in 99 % of thrombi vs 46 % of tumours', zh: '血栓99%均匀，肿瘤46%' },
    }
  ),
  numeric(
    'small',
    'sizeLongMm',
    [
      {
        below: 24,
        points: size.present,
        note: { en: '< 24 mm: sensitivity 84 %, specificity 78 %', zh: '< 24 mm：敏感度84%，特异度78%' },
      },
      {
        min: 24,
        points: size.absent,
        note: { en: '≥ 24 mm: larger than most thrombi', zh: '≥ 24 mm：大于多数血栓' },
      },
    ],
    { source: 'pazosLopez2014', evidence: 'C' }
  ),
  coded(
    'immobile',
    'mobility',
    { immobile: still.present, mobile: still.absent, prolapsing: still.absent },
    {
      source: 'pazosLopez2014',
      evidence: 'C',
      why: { en: 'mobile in 13 % of thrombi vs 33 % of tumours', zh: '血栓13%可活动，肿瘤33%' },
    }
  ),
  coded(
    'no_t2_hyper',
    't2wSignal',
    { iso: t2.present, hypo: t2.present, hyper: t2.absent },
    {
      source: 'pazosLopez2014',
      evidence: 'C',
      why: {
        en: 'no T2 hyperintensity: sensitivity 58 %, specificity 85 %',
        zh: '无T2高信号：敏感度58%，特异度85%',
      },
    }
  ),
];

/**
 * Thrombus: the Pazos-López criteria, plus where it lies (mural or intracavitary; LV apex after
 * infarction, left atrial appendage in atrial fibrillation — clinical.md §3 [C]) and fat.
 */
export const thrombus: Candidate = {
  key: 'thrombus',
  category: 'thrombus',
  type: 'thrombus',
  criteria: [
    ...PAZOS_CRITERIA,
    coded(
      'setting',
      'thrombusSetting',
      { lv_dysfunction: 2, af_left_atrium: 2 },
      { source: 'levine2022', evidence: 'C', why: { en: 'where thrombi form', zh: '血栓好发情形' } }
    ),
    coded(
      'layer',
      'tissueLayer',
      { intracavitary: 1, intramural: -2, epicardial: -3, pericardial: -3 },
      {
        source: 'gatti2021',
        evidence: 'C',
        why: { en: 'thrombi are mural or intracavitary', zh: '血栓位于壁面或腔内' },
      }
    ),
    NOT_FAT,
  ],
};
