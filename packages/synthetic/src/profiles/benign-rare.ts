import type { BenignType } from './case-mix.js';
import { BENIGN_ADULT, BENIGN_GENERIC } from './benign-base.js';
import { age, type TypeProfile } from './types.js';

/**
 * The rarer benign tumours: fibroma, rhabdomyoma, hemangioma and others (clinical.md §3, §5b; [U]
 * marks our assumptions).
 */
export const BENIGN_RARE: Readonly<
  Record<Exclude<BenignType, 'myxoma' | 'papillary_fibroelastoma' | 'lipoma'>, TypeProfile>
> = {
  fibroma: {
    type: 'fibroma',
    // §5b: infants/children; the adult share (35 %) is [U].
    demographics: {
      ...BENIGN_ADULT,
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
      ...BENIGN_GENERIC,
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
      ...BENIGN_ADULT,
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
      ...BENIGN_GENERIC,
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
    demographics: { ...BENIGN_ADULT, age: age(45, 16, 5, 85) }, // [U]
    appearance: {
      ...BENIGN_GENERIC,
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
    demographics: BENIGN_ADULT,
    appearance: BENIGN_GENERIC,
    quantitative: { t1: [1300, 180], t2: [75, 20], ecv: [0.38, 0.1] }, // [U]
  },
};
