import type { MassType } from '@cmr-mass/core';
import { BENIGN } from './benign.js';
import { MALIGNANT } from './malignant.js';
import { OTHER } from './non-neoplastic.js';
import { NO_MASS, PSEUDOMASS } from './pseudomass.js';
import { THROMBUS } from './thrombus.js';
import type { TypeProfile } from './types.js';

export * from './atypical.js';
export * from './case-mix.js';
export * from './course.js';
export * from './types.js';

const ALL: Readonly<Record<MassType, TypeProfile>> = {
  no_mass: NO_MASS,
  ...PSEUDOMASS,
  thrombus: THROMBUS,
  ...BENIGN,
  ...MALIGNANT,
  ...OTHER,
};

/** The profile of a mass type (features, sizes, quantitative values, demographics). */
export function profileOf(type: MassType): TypeProfile {
  return ALL[type];
}
