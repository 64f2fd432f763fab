import type { PseudomassType } from './case-mix.js';
import { age, type Appearance, type Demographics, type TypeProfile } from './types.js';

/**
 * No mass and pseudomasses (normal variants): Shenoy et al. 2022 (clinical.md §1): median age 60,
 * 36 % men in the whole referred cohort; outcome as "no mass" (§7). Appearances [U]: a pseudomass
 * looks like the tissue it is made of (myocardium, fat, a membrane).
 */

// Shenoy: median age 60, 36 % men. SD 14 y, the comorbidity shares and symptoms [U]; 78 % were
// referred after an echocardiogram (§1), hence many incidental findings.
const REFERRED: Demographics = {
  age: age(60, 14, 18),
  male: 0.36,
  knownCancer: 0.15,
  atrialFibrillation: 0.12,
  priorMi: 0.08,
  lvef: [60, 8],
  symptoms: [
    ['dyspnoea', 0.2],
    ['palpitations', 0.15],
    ['chest_pain', 0.15],
  ],
};

const MUSCLE: Appearance = {
  location: [['right_atrium', 1]],
  layer: [['intramural', 1]],
  attachment: [['sessile', 1]],
  sizeMm: [10, 0.3],
  shape: [
    ['oval', 0.6],
    ['round', 0.3],
    ['irregular', 0.1],
  ],
  margins: [
    ['well_defined', 0.9],
    ['lobulated', 0.1],
  ],
  mobility: [['immobile', 1]],
  infiltration: 0,
  effusion: [
    ['none', 0.95],
    ['small', 0.05],
  ],
  t1w: [
    ['iso', 0.95],
    ['hyper', 0.05],
  ],
  t2w: [
    ['iso', 0.95],
    ['hyper', 0.05],
  ],
  fatLoss: 0.03,
  heterogeneous: 0.05,
  // Perfuses and enhances like the myocardium it is.
  fpp: [
    ['mild', 0.7],
    ['none', 0.3],
  ],
  lge: [
    ['none', 0.95],
    ['homogeneous', 0.05],
  ],
  nulling: 0,
  calcification: 0.01,
  coronaryEncasement: 0,
  secondLesion: 0,
};

/** The "no mass" profile: demographics only. */
export const NO_MASS: TypeProfile = {
  type: 'no_mass',
  demographics: REFERRED,
  appearance: MUSCLE,
  quantitative: { t1: 'myocardium', t2: 'myocardium', ecv: 'myocardium' },
};

const MUSCLE_QUANT = { t1: 'myocardium', t2: 'myocardium', ecv: 'myocardium' } as const;

/** The pseudomass profiles, by type. */
export const PSEUDOMASS: Readonly<Record<PseudomassType, TypeProfile>> = {
  crista_terminalis: {
    type: 'crista_terminalis',
    demographics: REFERRED,
    appearance: MUSCLE,
    quantitative: MUSCLE_QUANT,
  },
  lipomatous_septal_hypertrophy: {
    type: 'lipomatous_septal_hypertrophy',
    // [U] older, overweight patients.
    demographics: { ...REFERRED, age: age(68, 10, 35), male: 0.45 },
    appearance: {
      ...MUSCLE,
      // Fat in the interatrial septum sparing the fossa ovalis ("dumbbell"), septum > 15 mm [U].
      location: [['interatrial_septum', 1]],
      sizeMm: [22, 0.25],
      shape: [
        ['polylobate', 0.5],
        ['oval', 0.5],
      ],
      t1w: [
        ['hyper', 0.95],
        ['iso', 0.05],
      ],
      t2w: [
        ['hyper', 0.85],
        ['iso', 0.15],
      ],
      fatLoss: 0.95,
      fpp: [['none', 1]],
      lge: [['none', 1]],
    },
    quantitative: { t1: [320, 50], t2: [70, 10], ecv: null }, // fat, as lipoma [U]
  },
  eustachian_valve: {
    type: 'eustachian_valve',
    demographics: REFERRED,
    appearance: {
      ...MUSCLE,
      // A thin mobile membrane at the IVC-RA junction [U].
      layer: [['intracavitary', 1]],
      sizeMm: [15, 0.3],
      shape: [
        ['irregular', 0.6],
        ['oval', 0.4],
      ],
      mobility: [
        ['mobile', 0.6],
        ['immobile', 0.4],
      ],
      fpp: [['none', 1]],
      lge: [['none', 1]],
    },
    quantitative: MUSCLE_QUANT,
  },
  coumadin_ridge: {
    type: 'coumadin_ridge',
    demographics: REFERRED,
    appearance: { ...MUSCLE, location: [['left_atrial_appendage', 1]] },
    quantitative: MUSCLE_QUANT,
  },
  pseudomass_other: {
    type: 'pseudomass_other',
    demographics: REFERRED,
    // Moderator band, prominent papillary muscle or pectinate muscles [U].
    appearance: {
      ...MUSCLE,
      location: [
        ['right_ventricle', 0.3],
        ['left_ventricle', 0.3],
        ['left_atrium', 0.2],
        ['right_atrium', 0.2],
      ],
      sizeMm: [14, 0.3],
    },
    quantitative: MUSCLE_QUANT,
  },
};
