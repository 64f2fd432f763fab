import { cohortFlags, indexFinding, referenceOf, type Casebook, type CohortFlags } from '@cmr-mass/core';

/**
 * The cohorts a participant list can be filtered by, derived from the reference diagnosis of the
 * participant's index lesion exactly as the analysis dataset derives `neoplastic`, `malignant` and
 * `secondary` (core's `cohortFlags` of `referenceOf(casebook, index lesion)`).
 */
export const COHORT_FILTERS = ['neoplastic', 'non_neoplastic', 'malignant', 'benign', 'primary', 'secondary'] as const;
export type CohortFilter = (typeof COHORT_FILTERS)[number];

/** The reference-standard cohort flags of a casebook (all null without a reference diagnosis). */
export function referenceFlags(cb: Casebook): CohortFlags {
  const index = indexFinding(cb);
  return cohortFlags(referenceOf(cb, index?.lesionId ?? null));
}

/**
 * True when the flags put the participant in the cohort: `benign` means a benign tumour (neoplastic
 * and not malignant), `primary` a malignant tumour that is not a metastasis.
 */
export function inCohort(flags: CohortFlags, cohort: CohortFilter): boolean {
  switch (cohort) {
    case 'neoplastic':
      return flags.neoplastic === 1;
    case 'non_neoplastic':
      return flags.neoplastic === 0;
    case 'malignant':
      return flags.malignant === 1;
    case 'benign':
      return flags.neoplastic === 1 && flags.malignant === 0;
    case 'primary':
      return flags.malignant === 1 && flags.secondary === 0;
    case 'secondary':
      return flags.secondary === 1;
  }
}
