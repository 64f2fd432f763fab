import type { MassCategory, MassType } from '@cmr-mass/core';
import type { Weighted } from '../rng.js';

/**
 * Atypical lesions: a share of each category whose coded features are drawn from another type's
 * profile (the type it mimics), so that the features are not deterministic by type and readers
 * sometimes err for a reason visible in the data [U]. Tissue values (T1/T2/ECV), location and size
 * stay those of the true type. The shares and mimics are assumptions shaped by clinical.md §1-2: the
 * hard call is benign vs malignant (Pazos-López 69-79 %, Mousavi 89-94 %), so atypical tumours are
 * common and mostly mimic the other side; thrombus vs tumour is easier (95 %), pseudomasses easier
 * still.
 */
export const ATYPICAL_SHARE: Readonly<Record<MassCategory, number>> = {
  no_mass: 0,
  pseudomass: 0.03,
  thrombus: 0.02,
  benign_tumour: 0.1,
  malignant_tumour: 0.12,
  other_non_neoplastic: 0.04,
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
  // Benign tumours that invade, bleed or enhance avidly look malignant.
  benign_tumour: [
    ['malignant_primary_other', 0.7],
    ['thrombus', 0.2],
    ['inflammatory_pseudotumour', 0.1],
  ],
  // Well-circumscribed malignant tumours without effusion or invasion look benign.
  malignant_tumour: [
    ['myxoma', 0.5],
    ['benign_other', 0.4],
    ['thrombus', 0.1],
  ],
  other_non_neoplastic: [
    ['benign_other', 0.4],
    ['thrombus', 0.3],
    ['malignant_primary_other', 0.3],
  ],
};
