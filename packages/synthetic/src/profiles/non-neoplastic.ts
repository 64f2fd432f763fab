import type { OtherMassType } from './case-mix.js';
import { age, type Appearance, type Demographics, type TypeProfile } from './types.js';

/**
 * Other non-neoplastic masses (clinical.md §3 rows pericardial cyst and inflammatory myofibroblastic
 * tumour; §5b; the rest [U]).
 */

const ADULT: Demographics = {
  age: age(55, 16, 5),
  male: 0.5,
  knownCancer: 0.06,
  atrialFibrillation: 0.1,
  priorMi: 0.06,
  lvef: [60, 8],
  symptoms: [
    ['chest_pain', 0.15],
    ['dyspnoea', 0.15],
  ],
};

const GENERIC: Appearance = {
  location: [
    ['pericardium', 0.3],
    ['right_atrium', 0.2],
    ['left_atrium', 0.15],
    ['left_ventricle', 0.15],
    ['right_ventricle', 0.1],
    ['mitral_valve', 0.1],
  ],
  layer: [
    ['intracavitary', 0.6],
    ['intramural', 0.3],
    ['epicardial', 0.1],
  ],
  attachment: [
    ['sessile', 0.8],
    ['pedunculated', 0.2],
  ],
  sizeMm: [25, 0.45],
  shape: [
    ['oval', 0.45],
    ['round', 0.3],
    ['irregular', 0.2],
    ['polylobate', 0.05],
  ],
  margins: [
    ['well_defined', 0.7],
    ['ill_defined', 0.2],
    ['lobulated', 0.1],
  ],
  mobility: [
    ['immobile', 0.9],
    ['mobile', 0.1],
  ],
  infiltration: 0.03,
  effusion: [
    ['none', 0.85],
    ['small', 0.12],
    ['moderate', 0.03],
  ],
  t1w: [
    ['iso', 0.5],
    ['hypo', 0.3],
    ['hyper', 0.2],
  ],
  t2w: [
    ['hyper', 0.5],
    ['iso', 0.3],
    ['hypo', 0.2],
  ],
  fatLoss: 0,
  heterogeneous: 0.3,
  fpp: [
    ['none', 0.8],
    ['mild', 0.2],
  ],
  lge: [
    ['none', 0.5],
    ['peripheral', 0.3],
    ['heterogeneous', 0.2],
  ],
  nulling: 0.2,
  calcification: 0.1,
  coronaryEncasement: 0,
  secondLesion: 0.02,
};

/** The other non-neoplastic mass profiles, by type. */
export const OTHER: Readonly<Record<OtherMassType, TypeProfile>> = {
  pericardial_cyst: {
    type: 'pericardial_cyst',
    // §5b: any age, incidental; 50-75 % asymptomatic.
    demographics: {
      ...ADULT,
      age: age(50, 15, 5, 90),
      symptoms: [
        ['chest_pain', 0.15],
        ['dyspnoea', 0.1],
        ['palpitations', 0.05],
      ],
    },
    appearance: {
      ...GENERIC,
      // §3: right cardiophrenic angle, thin-walled, unilocular; T1w hypo, T2w hyper (fluid); no FPP,
      // no LGE; mean diameter ~5.4 cm (median 50 mm, SD(log) 0.3 [U]).
      location: [['pericardium', 1]],
      attachment: [['sessile', 1]],
      sizeMm: [50, 0.3],
      shape: [
        ['oval', 0.5],
        ['round', 0.45],
        ['polylobate', 0.05],
      ],
      margins: [
        ['well_defined', 0.97],
        ['lobulated', 0.03],
      ],
      mobility: [['immobile', 1]],
      infiltration: 0,
      effusion: [
        ['none', 0.95],
        ['small', 0.05],
      ],
      t1w: [
        ['hypo', 0.95],
        ['iso', 0.05],
      ],
      t2w: [
        ['hyper', 0.98],
        ['iso', 0.02],
      ],
      heterogeneous: 0.03,
      fpp: [['none', 1]],
      lge: [
        ['none', 0.92],
        ['surface', 0.08],
      ],
      nulling: 0.3,
      calcification: 0.01,
      secondLesion: 0,
    },
    // §4b: pericardial fluid native T1 3262 ± 163 ms at 1.5 T (healthy volunteers); T2 of fluid
    // [U]; ECV not measured in fluid.
    quantitative: { t1: [3262, 163], t2: [450, 120], ecv: null },
  },
  inflammatory_pseudotumour: {
    type: 'inflammatory_pseudotumour',
    // §5b: children/young adults; §3: atria (especially right), endocardium-based, often
    // pedunculated; T2w hyper and LGE present (case reports).
    demographics: {
      ...ADULT,
      age: age(25, 15, 1, 70),
      symptoms: [
        ['constitutional', 0.35],
        ['dyspnoea', 0.25],
        ['embolic_event', 0.1],
        ['chest_pain', 0.1],
      ],
    },
    appearance: {
      ...GENERIC,
      location: [
        ['right_atrium', 0.4],
        ['left_atrium', 0.25],
        ['right_ventricle', 0.1],
        ['left_ventricle', 0.1],
        ['tricuspid_valve', 0.05],
        ['mitral_valve', 0.05],
        ['interatrial_septum', 0.05],
      ],
      layer: [
        ['intracavitary', 0.8],
        ['intramural', 0.2],
      ],
      attachment: [
        ['pedunculated', 0.6],
        ['sessile', 0.4],
      ],
      sizeMm: [30, 0.4],
      mobility: [
        ['immobile', 0.6],
        ['mobile', 0.4],
      ],
      infiltration: 0.15,
      t2w: [
        ['hyper', 0.8],
        ['mixed', 0.2],
      ],
      heterogeneous: 0.5,
      fpp: [
        ['mild', 0.6],
        ['marked', 0.2],
        ['none', 0.2],
      ],
      lge: [
        ['heterogeneous', 0.5],
        ['homogeneous', 0.4],
        ['none', 0.1],
      ],
      nulling: 0.02,
      calcification: 0.05,
    },
    quantitative: { t1: [1400, 150], t2: [85, 20], ecv: [0.42, 0.1] }, // [U]
  },
  abscess: {
    type: 'abscess',
    // [U] endocarditis-related root or myocardial abscess: rim enhancement, fever.
    demographics: { ...ADULT, age: age(55, 18, 10), male: 0.6, symptoms: [['constitutional', 0.8]] },
    appearance: {
      ...GENERIC,
      location: [
        ['aortic_valve', 0.4],
        ['mitral_valve', 0.2],
        ['left_ventricle', 0.15],
        ['interventricular_septum', 0.15],
        ['pericardium', 0.1],
      ],
      t2w: [
        ['hyper', 0.9],
        ['mixed', 0.1],
      ],
      lge: [
        ['peripheral', 0.8],
        ['heterogeneous', 0.2],
      ],
    },
    quantitative: { t1: [1500, 200], t2: [110, 30], ecv: [0.45, 0.1] }, // [U]
  },
  haematoma: {
    type: 'haematoma',
    // [U] after surgery or trauma: mixed signal, avascular.
    demographics: { ...ADULT, age: age(62, 14, 18), male: 0.6 },
    appearance: {
      ...GENERIC,
      location: [
        ['pericardium', 0.6],
        ['right_atrium', 0.15],
        ['left_ventricle', 0.15],
        ['av_groove', 0.1],
      ],
      t1w: [
        ['hyper', 0.5],
        ['mixed', 0.3],
        ['iso', 0.2],
      ],
      t2w: [
        ['mixed', 0.5],
        ['hyper', 0.3],
        ['hypo', 0.2],
      ],
      heterogeneous: 0.6,
      fpp: [
        ['none', 0.97],
        ['mild', 0.03],
      ],
      lge: [
        ['none', 0.7],
        ['peripheral', 0.3],
      ],
      nulling: 0.6,
    },
    quantitative: { t1: [1100, 300], t2: [70, 25], ecv: [0.15, 0.06] }, // [U]
  },
  caseous_mac: {
    type: 'caseous_mac',
    // [U] caseous calcification of the mitral annulus: elderly women, calcified rim, no perfusion.
    demographics: { ...ADULT, age: age(72, 10, 45), male: 0.35, atrialFibrillation: 0.25 },
    appearance: {
      ...GENERIC,
      location: [['mitral_valve', 1]],
      attachment: [['sessile', 1]],
      sizeMm: [22, 0.3],
      mobility: [['immobile', 1]],
      infiltration: 0,
      t1w: [
        ['iso', 0.5],
        ['hypo', 0.5],
      ],
      t2w: [
        ['hypo', 0.8],
        ['iso', 0.2],
      ],
      fpp: [['none', 1]],
      lge: [
        ['peripheral', 0.7],
        ['none', 0.3],
      ],
      nulling: 0.4,
      calcification: 0.95,
      secondLesion: 0,
    },
    quantitative: { t1: [900, 150], t2: [45, 10], ecv: [0.2, 0.08] }, // [U]
  },
  non_neoplastic_other: {
    type: 'non_neoplastic_other',
    demographics: ADULT,
    appearance: GENERIC,
    quantitative: { t1: [1200, 200], t2: [70, 20], ecv: [0.3, 0.1] }, // [U]
  },
};
