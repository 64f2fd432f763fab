import type { MassCategory, MassType } from '@cmr-mass/core';
import type { Weighted } from '../rng.js';

/**
 * Atypical lesions: a share of each category whose coded features are drawn from another type's
 * profile (the type it mimics), so that the features are not deterministic by type and readers
 * sometimes err for a reason visible in the data [U]. Tissue values (T1/T2/ECV), location and size
 * stay those of the true type. The shares and mimics are assumptions shaped by clinical.md §1-2: the
 * hard calls are benign vs malignant (Pazos-López 69-79 %) and tumour vs thrombus (95 %).
 */
export const ATYPICAL_SHARE: Readonly<Record<MassCategory, number>> = {
  no_mass: 0,
  pseudomass: 0.06,
  thrombus: 0.04,
  benign_tumour: 0.06,
  malignant_tumour: 0.08,
  other_non_neoplastic: 0.08,
};

/** What an atypical lesion of each category looks like. */
export const MIMICS: Readonly<Record<MassCategory, Weighted<MassType>>> = {
  no_mass: [['no_mass', 1]],
  pseudomass: [
    ['thrombus', 0.5],
    ['benign_other', 0.3],
    ['lipoma', 0.2],
  ],
  // Organised thrombus with enhancement looks like a myxoma or a tumour.
  thrombus: [
    ['myxoma', 0.6],
    ['benign_other', 0.2],
    ['metastasis_other', 0.2],
  ],
  benign_tumour: [
    ['thrombus', 0.4],
    ['malignant_primary_other', 0.4],
    ['inflammatory_pseudotumour', 0.2],
  ],
  // Well-circumscribed malignant tumours without effusion or invasion look benign.
  malignant_tumour: [
    ['myxoma', 0.4],
    ['benign_other', 0.3],
    ['thrombus', 0.3],
  ],
  other_non_neoplastic: [
    ['benign_other', 0.4],
    ['thrombus', 0.3],
    ['malignant_primary_other', 0.3],
  ],
};
