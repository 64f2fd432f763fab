import type { BenignType } from './case-mix.js';
import { age, type Appearance, type Demographics, type TypeProfile } from './types.js';

/**
 * Benign tumours (clinical.md §3 rows myxoma, papillary fibroelastoma, lipoma, hemangioma, fibroma,
 * rhabdomyoma; §2c Kassi 2018 and Pazos-López 2014 for the benign-vs-malignant contrasts; §4b for
 * myxoma mapping; §5b for demographics). [U] marks our assumptions.
 */

const ADULT: Demographics = {
  age: age(50, 16, 5),
  male: 0.5,
  knownCancer: 0.05,
  atrialFibrillation: 0.08,
  priorMi: 0.04,
  lvef: [62, 6],
  symptoms: [
    ['dyspnoea', 0.2],
    ['palpitations', 0.12],
    ['chest_pain', 0.1],
  ],
};

// Kassi 2018 (§2c): benign tumours show pericardial effusion in 7.4 %, FPP in 33 %, LGE in 59 %;
// Pazos-López: benign FPP 47 %, LGE 41 %, mobile 33 %, homogeneous about half. Generic benign [U].
const GENERIC: Appearance = {
  location: [
    ['left_atrium', 0.25],
    ['right_atrium', 0.2],
    ['left_ventricle', 0.2],
    ['right_ventricle', 0.15],
    ['interventricular_septum', 0.1],
    ['pericardium', 0.1],
  ],
  layer: [
    ['intracavitary', 0.6],
    ['intramural', 0.3],
    ['epicardial', 0.1],
  ],
  attachment: [
    ['sessile', 0.6],
    ['pedunculated', 0.4],
  ],
  sizeMm: [30, 0.45],
  shape: [
    ['oval', 0.4],
    ['round', 0.3],
    ['polylobate', 0.2],
    ['irregular', 0.1],
  ],
  margins: [
    ['well_defined', 0.75],
    ['lobulated', 0.2],
    ['ill_defined', 0.05],
  ],
  mobility: [
    ['immobile', 0.67],
    ['mobile', 0.3],
    ['prolapsing', 0.03],
  ],
  infiltration: 0.02,
  effusion: [
    ['none', 0.93],
    ['small', 0.07],
  ],
  t1w: [
    ['iso', 0.7],
    ['hypo', 0.2],
    ['hyper', 0.1],
  ],
  t2w: [
    ['hyper', 0.6],
    ['iso', 0.3],
    ['hypo', 0.1],
  ],
  fatLoss: 0,
  heterogeneous: 0.45,
  fpp: [
    ['none', 0.6],
    ['mild', 0.35],
    ['marked', 0.05],
  ],
  lge: [
    ['none', 0.45],
    ['heterogeneous', 0.3],
    ['homogeneous', 0.25],
  ],
  nulling: 0.03,
  calcification: 0.08,
  coronaryEncasement: 0,
  secondLesion: 0.02,
};

/** The benign tumour profiles, by type. */
export const BENIGN: Readonly<Record<BenignType, TypeProfile>> = {
  myxoma: {
    type: 'myxoma',
    // §5b: 30-60 y, female predominance (Vienna: 62.8 % female of primary tumours). Mean 52 ± 14 [U].
    // Pre-operative embolism 15.5-32 % (Wang 2016; Bjessmo 1997): embolic presentation 20 %.
    demographics: {
      ...ADULT,
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
      ...GENERIC,
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
      ...ADULT,
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
      ...GENERIC,
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
    demographics: { ...ADULT, age: age(55, 15, 10, 90), symptoms: [['palpitations', 0.08]] },
    appearance: {
      ...GENERIC,
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
  fibroma: {
    type: 'fibroma',
    // §5b: infants/children; the adult share (35 %) is [U].
    demographics: {
      ...ADULT,
      age: {
        mixture: [
          [age(6, 5, 0, 17), 0.65],
          [age(35, 14, 18, 80), 0.35],
        ],
      },
      lvef: [58, 8],
      symptoms: [
        ['palpitations', 0.35],
        ['syncope', 0.1],
        ['heart_failure', 0.1],
      ],
    },
    appearance: {
      ...GENERIC,
      // §3: intramural ventricle (septum, free wall); T2w hypo; intense homogeneous LGE; large,
      // non-contractile, central calcification.
      location: [
        ['interventricular_septum', 0.4],
        ['left_ventricle', 0.4],
        ['right_ventricle', 0.15],
        ['right_atrium', 0.05],
      ],
      layer: [
        ['intramural', 0.9],
        ['intracavitary', 0.1],
      ],
      attachment: [['sessile', 1]],
      sizeMm: [45, 0.35],
      mobility: [['immobile', 1]],
      infiltration: 0.05,
      t1w: [
        ['iso', 0.8],
        ['hypo', 0.15],
        ['hyper', 0.05],
      ],
      t2w: [
        ['hypo', 0.75],
        ['iso', 0.2],
        ['hyper', 0.05],
      ],
      heterogeneous: 0.25,
      fpp: [
        ['none', 0.6],
        ['mild', 0.4],
      ],
      lge: [
        ['homogeneous', 0.8],
        ['heterogeneous', 0.15],
        ['none', 0.05],
      ],
      calcification: 0.4,
      secondLesion: 0,
    },
    quantitative: { t1: [1150, 120], t2: [45, 8], ecv: [0.55, 0.1] }, // [U] fibrous tissue
  },
  rhabdomyoma: {
    type: 'rhabdomyoma',
    // §5b: fetus/infant; tuberous sclerosis in > 50 %; obstruction in 12 %.
    demographics: {
      ...ADULT,
      age: age(1.5, 2.5, 0, 17),
      knownCancer: 0,
      atrialFibrillation: 0,
      priorMi: 0,
      lvef: [62, 6],
      symptoms: [
        ['palpitations', 0.2],
        ['heart_failure', 0.08],
      ],
    },
    appearance: {
      ...GENERIC,
      // §3: intramyocardial/intracavitary, ventricles; often multiple; ~4 cm mean (one source), a
      // median of 25 mm in infants' hearts [U]; iso/slightly hyper T1w, hyper T2w; no or minimal LGE.
      location: [
        ['left_ventricle', 0.35],
        ['interventricular_septum', 0.3],
        ['right_ventricle', 0.25],
        ['right_atrium', 0.05],
        ['left_atrium', 0.05],
      ],
      layer: [
        ['intramural', 0.6],
        ['intracavitary', 0.4],
      ],
      attachment: [
        ['sessile', 0.9],
        ['pedunculated', 0.1],
      ],
      sizeMm: [25, 0.45],
      shape: [
        ['round', 0.5],
        ['oval', 0.35],
        ['polylobate', 0.15],
      ],
      margins: [
        ['well_defined', 0.8],
        ['lobulated', 0.15],
        ['ill_defined', 0.05],
      ],
      mobility: [
        ['immobile', 0.95],
        ['mobile', 0.05],
      ],
      infiltration: 0,
      effusion: [
        ['none', 0.97],
        ['small', 0.03],
      ],
      t1w: [
        ['iso', 0.8],
        ['hyper', 0.2],
      ],
      t2w: [
        ['hyper', 0.6],
        ['iso', 0.4],
      ],
      heterogeneous: 0.1,
      fpp: [
        ['none', 0.6],
        ['mild', 0.4],
      ],
      lge: [
        ['none', 0.75],
        ['homogeneous', 0.2],
        ['heterogeneous', 0.05],
      ],
      nulling: 0,
      calcification: 0.02,
      // §5b: multiple in most with TSC (80-95 % of multiple ones).
      secondLesion: 0.5,
    },
    quantitative: { t1: 'myocardium', t2: [65, 10], ecv: [0.3, 0.05] }, // [U] muscle-like
  },
  hemangioma: {
    type: 'hemangioma',
    demographics: { ...ADULT, age: age(45, 16, 5, 85) }, // [U]
    appearance: {
      ...GENERIC,
      // §3: any chamber, pericardium; T1w iso, T2w hyper; FPP heterogeneous, intense, prolonged.
      location: [
        ['right_atrium', 0.2],
        ['left_ventricle', 0.2],
        ['right_ventricle', 0.2],
        ['pericardium', 0.2],
        ['left_atrium', 0.1],
        ['interventricular_septum', 0.1],
      ],
      layer: [
        ['intracavitary', 0.4],
        ['intramural', 0.4],
        ['epicardial', 0.2],
      ],
      attachment: [
        ['sessile', 0.8],
        ['pedunculated', 0.2],
      ],
      sizeMm: [35, 0.45],
      shape: [
        ['oval', 0.4],
        ['polylobate', 0.3],
        ['round', 0.2],
        ['irregular', 0.1],
      ],
      margins: [
        ['well_defined', 0.5],
        ['lobulated', 0.35],
        ['ill_defined', 0.15],
      ],
      infiltration: 0.05,
      effusion: [
        ['none', 0.85],
        ['small', 0.12],
        ['moderate', 0.03],
      ],
      t1w: [
        ['iso', 0.7],
        ['hypo', 0.15],
        ['mixed', 0.15],
      ],
      t2w: [
        ['hyper', 0.9],
        ['mixed', 0.1],
      ],
      heterogeneous: 0.6,
      fpp: [
        ['marked', 0.8],
        ['mild', 0.2],
      ],
      lge: [
        ['heterogeneous', 0.55],
        ['homogeneous', 0.4],
        ['none', 0.05],
      ],
      calcification: 0.1,
      secondLesion: 0,
    },
    quantitative: { t1: [1500, 150], t2: [110, 30], ecv: [0.55, 0.12] }, // [U] vascular tumour
  },
  benign_other: {
    type: 'benign_other',
    demographics: ADULT,
    appearance: GENERIC,
    quantitative: { t1: [1300, 180], t2: [75, 20], ecv: [0.38, 0.1] }, // [U]
  },
};
