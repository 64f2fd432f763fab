import type { MassCategory, MassType } from '@cmr-mass/core';
import type { Weighted } from '../rng.js';

/** The benign tumour types. */
export type BenignType =
  'myxoma' | 'papillary_fibroelastoma' | 'lipoma' | 'fibroma' | 'rhabdomyoma' | 'hemangioma' | 'benign_other';

/** The malignant tumour types. */
export type MalignantType =
  | 'angiosarcoma'
  | 'sarcoma_other'
  | 'lymphoma_primary'
  | 'malignant_primary_other'
  | 'metastasis_lung'
  | 'metastasis_breast'
  | 'metastasis_lymphoma'
  | 'metastasis_melanoma'
  | 'metastasis_renal'
  | 'metastasis_other';

/** The other non-neoplastic mass types. */
export type OtherMassType =
  | 'pericardial_cyst'
  | 'inflammatory_pseudotumour'
  | 'abscess'
  | 'haematoma'
  | 'caseous_mac'
  | 'non_neoplastic_other';

/** The pseudomass types (normal variants). */
export type PseudomassType =
  | 'crista_terminalis'
  | 'lipomatous_septal_hypertrophy'
  | 'eustachian_valve'
  | 'coumadin_ridge'
  | 'pseudomass_other';

/**
 * The share of each category among participants.
 *
 * - No mass and pseudomass: Shenoy et al. 2022 found 25 % and 16 % in patients referred for a suspected
 *   tumour, Dellino (Padova) 9 % and 12 % (clinical.md §1, §5a). The registry enrols patients with a
 *   suspected *or confirmed* mass, so we take the lower end: 10 % and 10 % [U].
 * - The remaining 80 % follow clinical.md §5a's suggested simulation mix for a mass-confirmed CMR
 *   cohort [U, derived there]: thrombus 30 %, benign 30 %, malignant 30 %, other non-neoplastic 10 %.
 */
export const CATEGORY_MIX: Weighted<MassCategory> = [
  ['no_mass', 0.1],
  ['pseudomass', 0.1],
  ['thrombus', 0.8 * 0.3],
  ['benign_tumour', 0.8 * 0.3],
  ['malignant_tumour', 0.8 * 0.3],
  ['other_non_neoplastic', 0.8 * 0.1],
];

/** clinical.md §5a: benign = myxoma 55 %, lipoma 12 %, PFE 10 %, fibroma 5 %, rhabdomyoma 5 %, hemangioma 5 %, other 8 %. */
export const BENIGN_MIX: Weighted<BenignType> = [
  ['myxoma', 0.55],
  ['lipoma', 0.12],
  ['papillary_fibroelastoma', 0.1],
  ['fibroma', 0.05],
  ['rhabdomyoma', 0.05],
  ['hemangioma', 0.05],
  ['benign_other', 0.08],
];

/**
 * clinical.md §5a: malignant = metastasis 65 % (lung 35 %, breast 15 %, lymphoma/haematological 20 %,
 * melanoma 10 %, other 20 %), angiosarcoma 15 %, other sarcoma 10 %, primary lymphoma 5 %, other 5 %.
 * The "other" metastases are split renal 5 % / other 15 % of metastases [U] (core has a renal code).
 */
export const MALIGNANT_MIX: Weighted<MalignantType> = [
  ['metastasis_lung', 0.65 * 0.35],
  ['metastasis_breast', 0.65 * 0.15],
  ['metastasis_lymphoma', 0.65 * 0.2],
  ['metastasis_melanoma', 0.65 * 0.1],
  ['metastasis_renal', 0.65 * 0.05],
  ['metastasis_other', 0.65 * 0.15],
  ['angiosarcoma', 0.15],
  ['sarcoma_other', 0.1],
  ['lymphoma_primary', 0.05],
  ['malignant_primary_other', 0.05],
];

/**
 * clinical.md §5a: other non-neoplastic = pericardial cyst 60 %, inflammatory pseudotumour 15 %,
 * other 25 %; the "other" split into caseous MAC 10 %, haematoma 5 %, abscess 3 %, other 7 % [U].
 */
export const OTHER_MIX: Weighted<OtherMassType> = [
  ['pericardial_cyst', 0.6],
  ['inflammatory_pseudotumour', 0.15],
  ['caseous_mac', 0.1],
  ['haematoma', 0.05],
  ['abscess', 0.03],
  ['non_neoplastic_other', 0.07],
];

/** Pseudomasses (Shenoy's normal variants, clinical.md §7 first row); the split is [U]. */
export const PSEUDOMASS_MIX: Weighted<PseudomassType> = [
  ['crista_terminalis', 0.3],
  ['lipomatous_septal_hypertrophy', 0.3],
  ['eustachian_valve', 0.15],
  ['coumadin_ridge', 0.15],
  ['pseudomass_other', 0.1],
];

/** The specific-type mix within each category. */
export const TYPE_MIX: Readonly<Record<MassCategory, Weighted<MassType>>> = {
  no_mass: [['no_mass', 1]],
  pseudomass: PSEUDOMASS_MIX,
  thrombus: [['thrombus', 1]],
  benign_tumour: BENIGN_MIX,
  malignant_tumour: MALIGNANT_MIX,
  other_non_neoplastic: OTHER_MIX,
};
