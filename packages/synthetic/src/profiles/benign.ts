import type { BenignType } from './case-mix.js';
import { BENIGN_ADULT, BENIGN_GENERIC } from './benign-base.js';
import { BENIGN_RARE } from './benign-rare.js';
import { age, type TypeProfile } from './types.js';

/**
 * Benign tumours (clinical.md §3 rows myxoma, papillary fibroelastoma, lipoma, hemangioma, fibroma,
 * rhabdomyoma; §2c Kassi 2018 and Pazos-López 2014 for the benign-vs-malignant contrasts; §4b for
 * myxoma mapping; §5b for demographics). [U] marks our assumptions. The shared defaults are in
 * `benign-base.ts`, the rarer types in `benign-rare.ts`.
 */
export const BENIGN: Readonly<Record<BenignType, TypeProfile>> = {
  myxoma: {
    type: 'myxoma',
    // §5b: 30-60 y, female predominance (Vienna: 62.8 % female of primary tumours). Mean 52 ± 14 [U].
    // Pre-operative embolism 15.5-32 % (Wang 2016; Bjessmo 1997): embolic presentation 20 %.
    demographics: {
      ...BENIGN_ADULT,
      age: age(52, 14, 15, 90),
      male: 0.37,
      symptoms: [
        ['dyspnoea', 0.35],
        ['embolic_event', 0.2],
        ['constitutional', 0.15],
        ['palpitations', 0.1],
        ['chest_pain', 0.08],
        ['syncope', 0.05],
      ],
    },
    appearance: {
      ...BENIGN_GENERIC,
      // §3/§5b: LA 60-88 % (Bjessmo: LA 88 %, RA 10 %), attached to the interatrial septum.
      location: [
        ['left_atrium', 0.78],
        ['right_atrium', 0.12],
        ['interatrial_septum', 0.05],
        ['left_ventricle', 0.03],
        ['right_ventricle', 0.02],
      ],
      layer: [['intracavitary', 1]],
      // §3: pedunculated, lobular, mobile, prolapsing; mean size ~5.7 cm (radcharts). A median of 50 mm
      // (mean ~53 mm) [U, CMR cohorts see smaller ones than surgical series].
      attachment: [
        ['pedunculated', 0.8],
        ['sessile', 0.2],
      ],
      sizeMm: [50, 0.35],
      shape: [
        ['polylobate', 0.45],
        ['oval', 0.35],
        ['round', 0.15],
        ['irregular', 0.05],
      ],
      margins: [
        ['well_defined', 0.5],
        ['lobulated', 0.45],
        ['ill_defined', 0.05],
      ],
      mobility: [
        ['mobile', 0.45],
        ['prolapsing', 0.35],
        ['immobile', 0.2],
      ],
      infiltration: 0.01,
      // §3: T1w iso (heterogeneous), T2w hyper (heterogeneous); FPP and LGE heterogeneous.
      t1w: [
        ['iso', 0.6],
        ['mixed', 0.2],
        ['hypo', 0.2],
      ],
      t2w: [
        ['hyper', 0.75],
        ['mixed', 0.2],
        ['iso', 0.05],
      ],
      heterogeneous: 0.75,
      fpp: [
        ['none', 0.5],
        ['mild', 0.45],
        ['marked', 0.05],
      ],
      lge: [
        ['heterogeneous', 0.7],
        ['none', 0.15],
        ['peripheral', 0.1],
        ['homogeneous', 0.05],
      ],
      calcification: 0.15,
      secondLesion: 0.01,
    },
    // §4b Nasser et al. 2020 (1.5 T): native T1 1554 ± 192 ms, T2 209 ± 120 ms, ECV 46.9 ± 13.0 %.
    quantitative: { t1: [1554, 192], t2: [209, 120], ecv: [0.469, 0.13] },
  },
  papillary_fibroelastoma: {
    type: 'papillary_fibroelastoma',
    // §5b: 40-80 y, peak in the 8th decade, 55 % male (Gowda 2003, n = 725).
    demographics: {
      ...BENIGN_ADULT,
      age: age(66, 11, 30, 95),
      male: 0.55,
      atrialFibrillation: 0.15,
      priorMi: 0.08,
      lvef: [60, 7],
      symptoms: [
        ['embolic_event', 0.15],
        ['chest_pain', 0.05],
        ['dyspnoea', 0.05],
      ],
    },
    appearance: {
      ...BENIGN_GENERIC,
      // §3: valves, aortic > mitral.
      location: [
        ['aortic_valve', 0.45],
        ['mitral_valve', 0.35],
        ['tricuspid_valve', 0.1],
        ['left_ventricle', 0.05],
        ['left_atrium', 0.03],
        ['pulmonary_valve', 0.02],
      ],
      layer: [['intracavitary', 1]],
      // §3: small (mean ~8 mm, usually < 1.5 cm), mobile, often stalked. Median 9 mm, SD(log) 0.35
      // puts ~7 % above 15 mm.
      attachment: [
        ['pedunculated', 0.8],
        ['sessile', 0.2],
      ],
      sizeMm: [9, 0.35],
      shape: [
        ['round', 0.5],
        ['oval', 0.3],
        ['irregular', 0.15],
        ['polylobate', 0.05],
      ],
      margins: [
        ['well_defined', 0.6],
        ['lobulated', 0.3],
        ['ill_defined', 0.1],
      ],
      mobility: [
        ['mobile', 0.75],
        ['immobile', 0.25],
      ],
      infiltration: 0,
      effusion: [
        ['none', 0.97],
        ['small', 0.03],
      ],
      // §3: iso on T1w and T2w; FPP usually not assessable; mild homogeneous LGE or none.
      t1w: [
        ['iso', 0.85],
        ['hypo', 0.1],
        ['hyper', 0.05],
      ],
      t2w: [
        ['iso', 0.7],
        ['hyper', 0.2],
        ['hypo', 0.1],
      ],
      heterogeneous: 0.1,
      fpp: [
        ['none', 0.9],
        ['mild', 0.1],
      ],
      lge: [
        ['none', 0.5],
        ['homogeneous', 0.4],
        ['surface', 0.1],
      ],
      nulling: 0.05,
      calcification: 0.02,
      secondLesion: 0.05,
    },
    quantitative: { t1: [1100, 120], t2: [60, 12], ecv: [0.35, 0.08] }, // [U]
  },
  lipoma: {
    type: 'lipoma',
    // §5b: no defined age or sex.
    demographics: { ...BENIGN_ADULT, age: age(55, 15, 10, 90), symptoms: [['palpitations', 0.08]] },
    appearance: {
      ...BENIGN_GENERIC,
      // §3: atrial septum, epicardium, anywhere; homogeneous, broad-based; fat: hyper on T1w,
      // signal loss on fat suppression; no FPP, no LGE.
      location: [
        ['right_atrium', 0.25],
        ['interatrial_septum', 0.15],
        ['left_atrium', 0.15],
        ['left_ventricle', 0.15],
        ['right_ventricle', 0.1],
        ['interventricular_septum', 0.1],
        ['pericardium', 0.1],
      ],
      layer: [
        ['intracavitary', 0.45],
        ['epicardial', 0.3],
        ['intramural', 0.25],
      ],
      attachment: [
        ['sessile', 0.9],
        ['pedunculated', 0.1],
      ],
      sizeMm: [35, 0.45],
      shape: [
        ['oval', 0.5],
        ['round', 0.25],
        ['polylobate', 0.15],
        ['irregular', 0.1],
      ],
      margins: [
        ['well_defined', 0.85],
        ['lobulated', 0.1],
        ['ill_defined', 0.05],
      ],
      mobility: [
        ['immobile', 0.9],
        ['mobile', 0.1],
      ],
      infiltration: 0.01,
      effusion: [
        ['none', 0.97],
        ['small', 0.03],
      ],
      t1w: [
        ['hyper', 0.95],
        ['iso', 0.05],
      ],
      t2w: [
        ['hyper', 0.9],
        ['iso', 0.1],
      ],
      fatLoss: 0.97,
      heterogeneous: 0.05,
      fpp: [
        ['none', 0.97],
        ['mild', 0.03],
      ],
      lge: [
        ['none', 0.95],
        ['surface', 0.05],
      ],
      nulling: 0.02,
      calcification: 0.02,
      secondLesion: 0.02,
    },
    // §4b: fat approx. T1 250-400 ms, T2 60-90 ms [U, not retrieved]; ECV not measured in fat.
    quantitative: { t1: [300, 45], t2: [75, 10], ecv: null },
  },
  ...BENIGN_RARE,
};
