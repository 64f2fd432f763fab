/**
 * Decision support for cardiac masses on CMR (issue 8): the CMR mass score, thrombus versus tumour,
 * tissue rules, a ranked differential and suggested management, each with its reasons and sources
 * (clinical.md §2, §3, §7). Pure and deterministic; suggestions, never verdicts.
 */
export * from './sources.js';
export * from './reason.js';
export * from './input.js';
export * from './input-schema.js';
export * from './from-records.js';
export * from './from-casebook.js';
export type { Feature, CodedFeature, NumericFeature, FeatureRead, YesNo } from './feature.js';
export { FEATURES, type FeatureKey, type FeatureValues } from './features.js';
export {
  LOW_LVEF_PERCENT,
  type ThrombusSetting,
  type MelanomaSignal,
  type Enhancement,
} from './derived-features.js';
export type { Criterion, NumericBin, Evaluation } from './criteria.js';
export {
  PAZOS_LOPEZ_2014,
  criterionPoints,
  pointsForLikelihoodRatio,
  type PublishedAccuracy,
} from './likelihood-points.js';
export * from './mass-score-config.js';
export * from './mass-score.js';
export {
  thrombusVersusTumour,
  type ThrombusVersusTumourResult,
  type ThrombusVerdict,
} from './thrombus-vs-tumour.js';
export {
  fatContent,
  fluidCyst,
  melaninSignal,
  type TissueRuleResult,
  type RuleVerdict,
} from './tissue-rules.js';
export { CANDIDATES, metastasisTypeOf, type Candidate } from './candidates/index.js';
export * from './differential.js';
export * from './management.js';
export * from './rules-table.js';
export * from './suggest.js';
export * from './version.js';
