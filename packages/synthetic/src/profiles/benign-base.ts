import { age, type Appearance, type Demographics } from './types.js';

/** Shared demographics of the benign tumour profiles [U]. */
export const BENIGN_ADULT: Demographics = {
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

/** Shared appearance of the benign tumour profiles (sources below). */
// Kassi 2018 (§2c): benign tumours show pericardial effusion in 7.4 %, FPP in 33 %, LGE in 59 %;
// Pazos-López: benign FPP 47 %, LGE 41 %, mobile 33 %, homogeneous about half. Generic benign [U].
export const BENIGN_GENERIC: Appearance = {
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
