import { sideOfLocation, type HeartSide, type LesionLocation } from '../vocab/cmr.js';
import type { CodedFeature, FeatureRead, YesNo } from './feature.js';
import { YES_NO_LABELS, readLesionField } from './feature.js';
import type { DecisionInput } from './input.js';
import type { Gap, Label } from './reason.js';

/**
 * Features derived from several findings. Each documents the findings it reads and when it is
 * unreadable (then it reports the gaps of the findings it needed).
 */

const VALVES: readonly LesionLocation[] = [
  'mitral_valve',
  'aortic_valve',
  'tricuspid_valve',
  'pulmonary_valve',
];

/** Reads location and tissue layer; `yes` when either says so, `no` when either is known and neither does. */
function locationOrLayer(
  input: DecisionInput,
  isLocation: (l: string) => boolean,
  isLayer: (t: string) => boolean
): FeatureRead<YesNo> {
  const loc = readLesionField(input, 'location');
  const layer = readLesionField(input, 'tissueLayer');
  if ((loc.ok && isLocation(String(loc.value))) || (layer.ok && isLayer(String(layer.value)))) {
    return { ok: true, value: 'yes' };
  }
  if (loc.ok || layer.ok) return { ok: true, value: 'no' };
  return { ok: false, gaps: [...(loc.ok ? [] : loc.gaps), ...(layer.ok ? [] : layer.gaps)] };
}

/** On a valve: location is a valve or the tissue layer is `valvular` (papillary fibroelastoma). */
export const valvular: CodedFeature = {
  kind: 'coded',
  key: 'valvular',
  label: { en: 'On a valve', zh: '位于瓣膜' },
  reads: ['location', 'tissueLayer'],
  labels: YES_NO_LABELS,
  read: (input) =>
    locationOrLayer(
      input,
      (l) => (VALVES as readonly string[]).includes(l),
      (t) => t === 'valvular'
    ),
};

/** In the pericardium: location `pericardium` or tissue layer `pericardial` (pericardial cyst). */
export const inPericardium: CodedFeature = {
  kind: 'coded',
  key: 'inPericardium',
  label: { en: 'In the pericardium', zh: '位于心包' },
  reads: ['location', 'tissueLayer'],
  labels: YES_NO_LABELS,
  read: (input) =>
    locationOrLayer(
      input,
      (l) => l === 'pericardium',
      (t) => t === 'pericardial'
    ),
};

const SIDE_LABELS: Readonly<Record<HeartSide, Label>> = {
  left: { en: 'Left heart', zh: '左心' },
  right: { en: 'Right heart', zh: '右心' },
  septal: { en: 'Septum', zh: '间隔' },
  pericardial: { en: 'Pericardium', zh: '心包' },
};

/** The side of the heart of the lesion's location (`sideOfLocation`), for "non-left localization". */
export const side: CodedFeature = {
  kind: 'coded',
  key: 'side',
  label: { en: 'Side of the heart', zh: '心脏侧别' },
  reads: ['location'],
  labels: SIDE_LABELS,
  read(input) {
    const loc = readLesionField(input, 'location');
    if (!loc.ok) return loc;
    return { ok: true, value: sideOfLocation(loc.value as LesionLocation) };
  },
};

/** LVEF below which the LV is taken as dysfunctional for thrombus risk: an engineering choice [U]. */
export const LOW_LVEF_PERCENT = 40;

/** Values of {@link thrombusSetting}. */
export type ThrombusSetting = 'lv_dysfunction' | 'af_left_atrium' | 'none';

/**
 * A setting in which thrombus forms (clinical.md §3: LV apex after infarction, left atrial appendage
 * in atrial fibrillation; Levine et al., Circulation 2022): `lv_dysfunction` for a left-ventricular
 * lesion with prior infarction or LVEF below {@link LOW_LVEF_PERCENT} %; `af_left_atrium` for a lesion
 * in the left atrium or its appendage with atrial fibrillation; `none` otherwise. Unreadable when the
 * location is missing, or when the facts that decide it for that location are.
 */
export const thrombusSetting: CodedFeature = {
  kind: 'coded',
  key: 'thrombusSetting',
  label: { en: 'Thrombogenic setting', zh: '易栓背景' },
  reads: ['location', 'priorMyocardialInfarction', 'lvEfPercent', 'atrialFibrillation'],
  labels: {
    lv_dysfunction: {
      en: `left-ventricular lesion with prior infarction or LVEF < ${LOW_LVEF_PERCENT} %`,
      zh: `左心室病灶伴既往心肌梗死或LVEF < ${LOW_LVEF_PERCENT}%`,
    },
    af_left_atrium: {
      en: 'left atrial or appendage lesion with atrial fibrillation',
      zh: '左心房/左心耳病灶伴心房颤动',
    },
    none: { en: 'none', zh: '无' },
  } satisfies Record<ThrombusSetting, Label>,
  read(input): FeatureRead<ThrombusSetting> {
    const loc = readLesionField(input, 'location');
    if (!loc.ok) return loc;
    const c = input.context;
    if (loc.value === 'left_ventricle') {
      const mi = c.priorMyocardialInfarction;
      const lowEf = c.lvEfPercent === null ? null : c.lvEfPercent < LOW_LVEF_PERCENT;
      if (mi === true || lowEf === true) return { ok: true, value: 'lv_dysfunction' };
      if (mi === false && lowEf === false) return { ok: true, value: 'none' };
      const gaps: Gap[] = [];
      if (mi === null) gaps.push({ finding: 'priorMyocardialInfarction', why: 'not_recorded' });
      if (lowEf === null) gaps.push({ finding: 'lvEfPercent', why: 'not_recorded' });
      return { ok: false, gaps };
    }
    if (loc.value === 'left_atrium' || loc.value === 'left_atrial_appendage') {
      if (c.atrialFibrillation === null) {
        return { ok: false, gaps: [{ finding: 'atrialFibrillation', why: 'not_recorded' }] };
      }
      return { ok: true, value: c.atrialFibrillation ? 'af_left_atrium' : 'none' };
    }
    return { ok: true, value: 'none' };
  },
};

/** Values of {@link melanomaSignal}. */
export type MelanomaSignal = 'melanin_known_melanoma' | 'melanin_signal' | 'absent';

/**
 * The melanin pattern of melanoma metastases (clinical.md §3: T1 hyperintense, T2 hypointense):
 * `melanin_known_melanoma` when the pattern is seen and the known cancer is a melanoma,
 * `melanin_signal` when the pattern is seen without a known melanoma, `absent` otherwise.
 */
export const melanomaSignal: CodedFeature = {
  kind: 'coded',
  key: 'melanomaSignal',
  label: { en: 'Melanin signal (T1 hyper, T2 hypo)', zh: '黑色素信号（T1高、T2低）' },
  reads: ['t1wSignal', 't2wSignal', 'cancerSite'],
  labels: {
    melanin_known_melanoma: { en: 'present, with known melanoma', zh: '存在，且已知黑色素瘤' },
    melanin_signal: { en: 'present, no known melanoma', zh: '存在，未知黑色素瘤' },
    absent: { en: 'absent', zh: '无' },
  } satisfies Record<MelanomaSignal, Label>,
  read(input): FeatureRead<MelanomaSignal> {
    const t1 = readLesionField(input, 't1wSignal');
    const t2 = readLesionField(input, 't2wSignal');
    if (!t1.ok || !t2.ok) return { ok: false, gaps: [...(t1.ok ? [] : t1.gaps), ...(t2.ok ? [] : t2.gaps)] };
    if (t1.value !== 'hyper' || t2.value !== 'hypo') return { ok: true, value: 'absent' };
    return {
      ok: true,
      value: input.context.cancerSite === 'melanoma' ? 'melanin_known_melanoma' : 'melanin_signal',
    };
  },
};

/** Values of {@link enhancement}. */
export type Enhancement = 'present' | 'none';

const ENHANCING_FPP: readonly string[] = ['mild', 'marked'];
/** LGE patterns counted as tissue enhancement. Surface-only enhancement is not counted (engineering choice [U]). */
const ENHANCING_LGE: readonly string[] = ['homogeneous', 'heterogeneous', 'peripheral'];

/**
 * Contrast uptake by the lesion on first-pass perfusion or LGE (vascularised tissue; Pazos-López et
 * al. 2014: thrombi show neither): `present` when either shows enhancement, `none` when at least one
 * was read and neither does, unreadable when both are missing. Surface-only LGE is not counted.
 */
export const enhancement: CodedFeature = {
  kind: 'coded',
  key: 'enhancement',
  label: { en: 'Contrast enhancement (FPP or LGE)', zh: '对比增强（首过灌注或延迟强化）' },
  reads: ['firstPassPerfusion', 'lgePattern'],
  labels: {
    present: { en: 'present', zh: '有' },
    none: { en: 'none', zh: '无' },
  } satisfies Record<Enhancement, Label>,
  read(input): FeatureRead<Enhancement> {
    const fpp = readLesionField(input, 'firstPassPerfusion');
    const lge = readLesionField(input, 'lgePattern');
    if (
      (fpp.ok && ENHANCING_FPP.includes(String(fpp.value))) ||
      (lge.ok && ENHANCING_LGE.includes(String(lge.value)))
    ) {
      return { ok: true, value: 'present' };
    }
    if (fpp.ok || lge.ok) return { ok: true, value: 'none' };
    return { ok: false, gaps: [...fpp.gaps, ...lge.gaps] };
  },
};
