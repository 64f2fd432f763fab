import { hemangioma, lipoma, myxoma, papillaryFibroelastoma } from './benign.js';
import { fibroma, rhabdomyoma } from './benign-paediatric.js';
import type { Candidate } from './candidate.js';
import { angiosarcoma, lymphoma, metastasis, sarcomaOther } from './malignant.js';
import { inflammatoryPseudotumour, pericardialCyst } from './non-neoplastic.js';
import {
  coumadinRidge,
  cristaTerminalis,
  eustachianValve,
  lipomatousSeptalHypertrophy,
} from './pseudomass.js';
import { thrombus } from './thrombus.js';

export type { Candidate } from './candidate.js';
export { PAZOS_CRITERIA } from './thrombus.js';
export { metastasisTypeOf } from './malignant.js';

/**
 * The diagnoses the differential weighs, in a fixed order that also breaks ties (roughly by how
 * common each is in CMR cohorts: clinical.md §5a). "No mass" is not weighed: it is the answer when the
 * exam has no lesion.
 */
export const CANDIDATES: readonly Candidate[] = [
  thrombus,
  myxoma,
  metastasis,
  lipoma,
  papillaryFibroelastoma,
  pericardialCyst,
  angiosarcoma,
  sarcomaOther,
  lymphoma,
  fibroma,
  rhabdomyoma,
  hemangioma,
  lipomatousSeptalHypertrophy,
  cristaTerminalis,
  coumadinRidge,
  eustachianValve,
  inflammatoryPseudotumour,
];
