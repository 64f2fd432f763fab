import { age, type TypeProfile } from './types.js';

/**
 * Thrombus (clinical.md §3 "Thrombus, acute/subacute" and "chronic" rows; §2c Pazos-López et al.,
 * JACC CVI 2014;7:896-905 Table 3; §5b). Values marked [U] are our assumptions.
 */
export const THROMBUS: TypeProfile = {
  type: 'thrombus',
  demographics: {
    // §5b: "older, LV dysfunction / AF / post-MI". Mean 64 ± 12 y and 68 % men: [U].
    age: age(64, 12, 25, 95),
    male: 0.68,
    // [U] cancer-associated thrombus.
    knownCancer: 0.1,
    // §5b: LV thrombus after MI (up to 15 % of STEMI), LAA thrombus in AF. Shares [U].
    atrialFibrillation: 0.35,
    priorMi: 0.45,
    // §5b "LV dysfunction": LVEF 40 ± 12 % [U].
    lvef: [40, 12],
    // [U]; embolic presentation in the order of the ~10 % stroke rate without anticoagulation (§5b).
    symptoms: [
      ['dyspnoea', 0.35],
      ['heart_failure', 0.25],
      ['chest_pain', 0.2],
      ['palpitations', 0.15],
      ['embolic_event', 0.12],
    ],
  },
  appearance: {
    // §3: "mural or intracavitary (LV apex post-MI, LAA in AF)". Shares [U].
    location: [
      ['left_ventricle', 0.55],
      ['left_atrial_appendage', 0.2],
      ['left_atrium', 0.12],
      ['right_atrium', 0.06],
      ['right_ventricle', 0.04],
      ['pulmonary_artery', 0.02],
      ['vena_cava', 0.01],
    ],
    layer: [['intracavitary', 1]],
    // Mural thrombi are broad-based [U].
    attachment: [
      ['sessile', 0.85],
      ['pedunculated', 0.15],
    ],
    // Pazos-López: median area 1.6 cm²; "diameter < 2.4 cm" sensitivity 84 % for thrombus, so 84 % of
    // thrombi are under 24 mm: log-normal median 16 mm, SD(log) 0.41 puts 84 % below 24 mm.
    sizeMm: [16, 0.41],
    shape: [
      ['oval', 0.45],
      ['round', 0.25],
      ['irregular', 0.25],
      ['polylobate', 0.05],
    ],
    margins: [
      ['well_defined', 0.75],
      ['ill_defined', 0.15],
      ['lobulated', 0.1],
    ],
    // Pazos-López: mobile 13 %.
    mobility: [
      ['immobile', 0.87],
      ['mobile', 0.12],
      ['prolapsing', 0.01],
    ],
    infiltration: 0.01,
    effusion: [
      ['none', 0.88],
      ['small', 0.1],
      ['moderate', 0.02],
    ],
    // §3: acute/subacute iso-hyper on T1w and T2w; chronic hypo on both.
    t1w: [
      ['iso', 0.45],
      ['hyper', 0.35],
      ['hypo', 0.2],
    ],
    t2w: [
      ['iso', 0.4],
      ['hyper', 0.35],
      ['hypo', 0.25],
    ],
    fatLoss: 0,
    // Pazos-López: homogeneous 99 % (we allow 2 % heterogeneous, organised thrombi).
    heterogeneous: 0.02,
    // Pazos-López Table 3: "no FPP" sensitivity 96 %, "no LGE" 95 %.
    fpp: [
      ['none', 0.96],
      ['mild', 0.04],
    ],
    lge: [
      ['none', 0.88],
      ['peripheral', 0.07],
      ['surface', 0.05],
    ],
    // Pazos-López: typical TI-scout pattern (dark at long TI) sensitivity 94 %.
    nulling: 0.94,
    calcification: 0.03,
    coronaryEncasement: 0,
    // [U] a second thrombus (e.g. LV and LAA).
    secondLesion: 0.06,
  },
  // [U] no mapping values for thrombus in clinical.md §4 (Pazos-López "T1 >= 422 ms" is of unknown
  // meaning): subacute thrombus near myocardium on native T1, normal T2, avascular (low ECV).
  quantitative: { t1: [1000, 180], t2: [52, 14], ecv: [0.12, 0.04] },
};
