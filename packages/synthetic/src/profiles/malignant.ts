import type { CancerSite } from '@cmr-mass/core';
import type { MalignantType } from './case-mix.js';
import { age, type Appearance, type Demographics, type Quantitative, type TypeProfile } from './types.js';

/**
 * Malignant tumours (clinical.md §3 rows angiosarcoma, lymphoma, metastasis; §2c Kassi 2018,
 * Pazos-López 2014, Eur Radiol 2005 and Dellino for the features of malignancy; §5b for who has
 * them). [U] marks our assumptions.
 */

const ADULT: Demographics = {
  age: age(58, 14, 10),
  male: 0.55,
  knownCancer: 0.06,
  atrialFibrillation: 0.08,
  priorMi: 0.04,
  lvef: [56, 9],
  symptoms: [
    ['dyspnoea', 0.45],
    ['chest_pain', 0.25],
    ['constitutional', 0.3],
    ['heart_failure', 0.1],
    ['palpitations', 0.1],
  ],
};

// Kassi 2018: invasion 69 %, pericardial effusion 41 %, FPP 100 %, LGE 100 % of malignant tumours;
// Pazos-López: FPP 84 %, LGE 92 %, larger (median area 11.9 cm²); Eur Radiol 2005: right side,
// extracardiac extension, inhomogeneity, effusion. Generic primary malignant [U].
const GENERIC: Appearance = {
  location: [
    ['right_atrium', 0.35],
    ['left_atrium', 0.2],
    ['right_ventricle', 0.12],
    ['left_ventricle', 0.1],
    ['pericardium', 0.13],
    ['av_groove', 0.05],
    ['interatrial_septum', 0.05],
  ],
  layer: [
    ['intramural', 0.45],
    ['intracavitary', 0.3],
    ['epicardial', 0.25],
  ],
  attachment: [
    ['sessile', 0.9],
    ['pedunculated', 0.1],
  ],
  sizeMm: [50, 0.4],
  shape: [
    ['irregular', 0.45],
    ['polylobate', 0.35],
    ['oval', 0.15],
    ['round', 0.05],
  ],
  margins: [
    ['infiltrative', 0.45],
    ['ill_defined', 0.3],
    ['lobulated', 0.15],
    ['well_defined', 0.1],
  ],
  mobility: [
    ['immobile', 0.9],
    ['mobile', 0.1],
  ],
  infiltration: 0.68,
  effusion: [
    ['none', 0.58],
    ['small', 0.2],
    ['moderate', 0.14],
    ['large', 0.08],
  ],
  t1w: [
    ['iso', 0.45],
    ['hypo', 0.25],
    ['mixed', 0.2],
    ['hyper', 0.1],
  ],
  t2w: [
    ['hyper', 0.7],
    ['mixed', 0.25],
    ['iso', 0.05],
  ],
  fatLoss: 0,
  heterogeneous: 0.75,
  fpp: [
    ['marked', 0.6],
    ['mild', 0.3],
    ['none', 0.1],
  ],
  lge: [
    ['heterogeneous', 0.65],
    ['homogeneous', 0.2],
    ['peripheral', 0.08],
    ['none', 0.07],
  ],
  nulling: 0.03,
  calcification: 0.04,
  coronaryEncasement: 0.03,
  secondLesion: 0.08,
};

const SARCOMA_QUANT: Quantitative = { t1: [1350, 180], t2: [85, 25], ecv: [0.45, 0.1] }; // [U]

// clinical.md §3 metastasis row: pericardium/epicardium most common (57-75 %), usually T1w hypo, T2w
// hyper, FPP and LGE present (often heterogeneous), effusion in about a third; §5b multiple organs.
const METASTASIS: Appearance = {
  ...GENERIC,
  location: [
    ['pericardium', 0.45],
    ['right_atrium', 0.13],
    ['left_ventricle', 0.12],
    ['right_ventricle', 0.1],
    ['left_atrium', 0.08],
    ['interventricular_septum', 0.05],
    ['vena_cava', 0.04],
    ['pulmonary_vein', 0.03],
  ],
  layer: [
    ['epicardial', 0.5],
    ['intramural', 0.3],
    ['intracavitary', 0.2],
  ],
  sizeMm: [35, 0.45],
  infiltration: 0.6,
  effusion: [
    ['none', 0.62],
    ['small', 0.17],
    ['moderate', 0.13],
    ['large', 0.08],
  ],
  t1w: [
    ['hypo', 0.6],
    ['iso', 0.3],
    ['mixed', 0.1],
  ],
  t2w: [
    ['hyper', 0.8],
    ['mixed', 0.15],
    ['iso', 0.05],
  ],
  fpp: [
    ['marked', 0.5],
    ['mild', 0.4],
    ['none', 0.1],
  ],
  lge: [
    ['heterogeneous', 0.6],
    ['homogeneous', 0.25],
    ['peripheral', 0.1],
    ['none', 0.05],
  ],
  secondLesion: 0.2,
};
const METASTASIS_QUANT: Quantitative = { t1: [1300, 150], t2: [80, 20], ecv: [0.4, 0.09] }; // [U]

/** A metastasis profile from one primary (the age of the cancer population, 60 ± 12 [U]). */
function metastasis(
  type: MalignantType,
  site: CancerSite,
  male: number,
  over: Partial<Appearance> = {},
  quant: Quantitative = METASTASIS_QUANT
): TypeProfile {
  return {
    type,
    // §5b: metastases occur with widespread disease; 64 % of Mousavi's mass patients had a known
    // malignancy. Known cancer in 92 % of metastases [U]; sex by primary [U] (autopsy: 72 % male).
    demographics: {
      ...ADULT,
      age: age(60, 12, 18),
      male,
      knownCancer: 0.92,
      cancerSite: site,
      symptoms: [
        ['dyspnoea', 0.45],
        ['constitutional', 0.35],
        ['chest_pain', 0.2],
        ['heart_failure', 0.1],
        ['palpitations', 0.1],
      ],
    },
    appearance: { ...METASTASIS, ...over },
    quantitative: quant,
  };
}

const LYMPHOMA: Appearance = {
  ...GENERIC,
  // §3: right atrium / AV groove; infiltrative; encases the coronary arteries (RCA) without occlusion;
  // T1w iso homogeneous, T2w iso/slightly hyper; moderate FPP; mild-moderate, relatively homogeneous
  // LGE; pericardial effusion common.
  location: [
    ['right_atrium', 0.45],
    ['av_groove', 0.25],
    ['right_ventricle', 0.1],
    ['pericardium', 0.1],
    ['interatrial_septum', 0.05],
    ['left_atrium', 0.05],
  ],
  layer: [
    ['intramural', 0.5],
    ['epicardial', 0.35],
    ['intracavitary', 0.15],
  ],
  sizeMm: [55, 0.35],
  infiltration: 0.75,
  effusion: [
    ['none', 0.35],
    ['small', 0.3],
    ['moderate', 0.25],
    ['large', 0.1],
  ],
  t1w: [
    ['iso', 0.85],
    ['hypo', 0.1],
    ['hyper', 0.05],
  ],
  t2w: [
    ['hyper', 0.5],
    ['iso', 0.45],
    ['mixed', 0.05],
  ],
  heterogeneous: 0.25,
  fpp: [
    ['mild', 0.6],
    ['marked', 0.3],
    ['none', 0.1],
  ],
  lge: [
    ['homogeneous', 0.6],
    ['heterogeneous', 0.25],
    ['none', 0.15],
  ],
  coronaryEncasement: 0.55,
};
const LYMPHOMA_QUANT: Quantitative = { t1: [1300, 120], t2: [75, 15], ecv: [0.38, 0.07] }; // [U]

/** The malignant tumour profiles, by type. */
export const MALIGNANT: Readonly<Record<MalignantType, TypeProfile>> = {
  angiosarcoma: {
    type: 'angiosarcoma',
    // §5b: mean 44.4 ± 15.5 y, male predominance (share 65 % [U]).
    demographics: { ...ADULT, age: age(44.4, 15.5, 15, 85), male: 0.65, knownCancer: 0.04 },
    appearance: {
      ...GENERIC,
      // §3: right atrium free wall / AV groove (~75 %), infiltrative, pericardial extension;
      // heterogeneous with hyperintense foci on T1w (haemorrhage), T2w hyper heterogeneous; marked
      // FPP; heterogeneous avid LGE; large; haemorrhagic pericardial effusion common.
      location: [
        ['right_atrium', 0.6],
        ['av_groove', 0.15],
        ['pericardium', 0.1],
        ['right_ventricle', 0.08],
        ['left_atrium', 0.05],
        ['interatrial_septum', 0.02],
      ],
      layer: [
        ['intramural', 0.5],
        ['epicardial', 0.3],
        ['intracavitary', 0.2],
      ],
      sizeMm: [55, 0.35],
      infiltration: 0.8,
      effusion: [
        ['none', 0.35],
        ['small', 0.25],
        ['moderate', 0.25],
        ['large', 0.15],
      ],
      t1w: [
        ['mixed', 0.6],
        ['hyper', 0.2],
        ['iso', 0.2],
      ],
      t2w: [
        ['hyper', 0.6],
        ['mixed', 0.4],
      ],
      heterogeneous: 0.9,
      fpp: [
        ['marked', 0.85],
        ['mild', 0.15],
      ],
      lge: [
        ['heterogeneous', 0.85],
        ['peripheral', 0.1],
        ['homogeneous', 0.05],
      ],
      secondLesion: 0.1,
    },
    quantitative: SARCOMA_QUANT,
  },
  sarcoma_other: {
    type: 'sarcoma_other',
    demographics: { ...ADULT, age: age(45, 16, 10, 85) }, // [U] like angiosarcoma
    appearance: {
      ...GENERIC,
      // [U] undifferentiated sarcomas favour the left atrium, intimal sarcoma the pulmonary artery.
      location: [
        ['left_atrium', 0.35],
        ['right_atrium', 0.2],
        ['left_ventricle', 0.15],
        ['right_ventricle', 0.1],
        ['pulmonary_artery', 0.1],
        ['interatrial_septum', 0.05],
        ['pericardium', 0.05],
      ],
    },
    quantitative: SARCOMA_QUANT,
  },
  lymphoma_primary: {
    type: 'lymphoma_primary',
    // §5b: older adults; immunosuppression. 62 ± 13 y, 60 % male [U].
    demographics: { ...ADULT, age: age(62, 13, 20, 90), male: 0.6 },
    appearance: LYMPHOMA,
    quantitative: LYMPHOMA_QUANT,
  },
  malignant_primary_other: {
    type: 'malignant_primary_other',
    demographics: ADULT,
    // [U] e.g. pericardial mesothelioma: more pericardial.
    appearance: {
      ...GENERIC,
      location: [
        ['pericardium', 0.35],
        ['right_atrium', 0.2],
        ['left_atrium', 0.15],
        ['right_ventricle', 0.15],
        ['left_ventricle', 0.15],
      ],
    },
    quantitative: SARCOMA_QUANT,
  },
  metastasis_lung: metastasis('metastasis_lung', 'lung', 0.65, {
    // Lung cancer reaches the left atrium through the pulmonary veins [U].
    location: [
      ['pericardium', 0.45],
      ['left_atrium', 0.17],
      ['pulmonary_vein', 0.1],
      ['left_ventricle', 0.1],
      ['right_atrium', 0.08],
      ['right_ventricle', 0.1],
    ],
  }),
  metastasis_breast: metastasis('metastasis_breast', 'breast', 0.01),
  metastasis_lymphoma: metastasis('metastasis_lymphoma', 'lymphoma_haem', 0.6, LYMPHOMA, LYMPHOMA_QUANT),
  // §3: melanoma metastases are T1w hyper, T2w hypo (melanin); T1 shortened accordingly [U].
  metastasis_melanoma: metastasis(
    'metastasis_melanoma',
    'melanoma',
    0.6,
    {
      t1w: [
        ['hyper', 0.8],
        ['mixed', 0.15],
        ['iso', 0.05],
      ],
      t2w: [
        ['hypo', 0.7],
        ['iso', 0.2],
        ['mixed', 0.1],
      ],
    },
    { t1: [950, 150], t2: [55, 12], ecv: [0.38, 0.09] }
  ),
  // Renal cell carcinoma grows up the inferior vena cava into the right atrium [U].
  metastasis_renal: metastasis('metastasis_renal', 'renal', 0.65, {
    location: [
      ['right_atrium', 0.45],
      ['vena_cava', 0.35],
      ['right_ventricle', 0.1],
      ['pericardium', 0.1],
    ],
    layer: [
      ['intracavitary', 0.8],
      ['intramural', 0.2],
    ],
  }),
  metastasis_other: metastasis('metastasis_other', 'other', 0.6),
};
