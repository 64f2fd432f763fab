/**
 * Test support of @cmr-mass/analysis (`@cmr-mass/analysis/testing`): hand-made casebooks, the small
 * cohort with its toy decision support, a snapshot from the synthetic generator, an XML check. Not
 * for production code.
 */
export { fakeUuid, makeCasebook } from './casebooks.js';
export type { LesionSpec, ParticipantSpec } from './casebooks.js';
export { SMALL_COHORT, smallSnapshot, TOY_DECISION } from './small-cohort.js';
export { snapshotFromSynthetic } from './synthetic.js';
export { checkXml } from './xml.js';
export type { XmlCheck } from './xml.js';
