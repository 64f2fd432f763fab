/**
 * @cmr-mass/stats: statistics that agree with R. Pure functions returning immutable typed results;
 * see README.md for the scope and the R equivalent of each function.
 */
export { StatsComputationError, StatsInputError } from './errors.js';
export type { MaybeNumber, MethodInfo } from './result.js';

export { pnorm, qnorm, dnorm } from './math/normal.js';
export { pchisq } from './math/chisq.js';
export { lgamma, pgammaTails } from './math/gamma.js';
export type { GammaTails } from './math/gamma.js';
export { lbeta, pbetaTails, qbeta, pt } from './math/beta.js';
export type { BetaTails } from './math/beta.js';

export { clopperPearson, wilsonScore } from './diagnostic/binomial-ci.js';
export { diagnostic2x2 } from './diagnostic/diagnostic-2x2.js';
export type {
  Diagnostic2x2Result,
  LikelihoodRatio,
  ProportionWithIntervals,
  TwoByTwo,
} from './diagnostic/diagnostic-2x2.js';
export { cohenKappa, kappaWeightMatrix, KappaWeights } from './agreement/cohen-kappa.js';
export type { CohenKappaResult } from './agreement/cohen-kappa.js';

export { runStatsSpec, ANALYSES } from './spec/run-spec.js';
export type { SpecOutput } from './spec/run-spec.js';

export { groupingFrom } from './survival/grouping.js';
export type { Grouping } from './survival/grouping.js';
export { mergeNearTies, TIME_TIE_TOLERANCE } from './survival/timefix.js';
export { kaplanMeier } from './survival/kaplan-meier.js';
export type { KaplanMeierInput, KaplanMeierResult, KmCurve } from './survival/kaplan-meier.js';
export type { KmSummaryRow } from './survival/km-summary.js';
export type { KmQuantileRow } from './survival/km-quantiles.js';
export { logrank } from './survival/logrank.js';
export type { LogrankGroup, LogrankInput, LogrankResult } from './survival/logrank.js';

export { roc, rocFromGroups, autoDirection, defaultLevels, trapezoidAuc } from './roc/roc.js';
export type { RocCurve, RocDirection, RocOptions, RocPoint, RocResult } from './roc/roc.js';
export { delongPlacements } from './roc/delong.js';
export type { Placements } from './roc/delong.js';
export { rocTest } from './roc/roc-test.js';
export type { RocTestResult } from './roc/roc-test.js';
export { logisticGlm } from './regression/logistic-glm.js';
export type { GlmCoefficient, LogisticGlmOptions, LogisticGlmResult } from './regression/logistic-glm.js';

export { coxLikelihood, coxPh, coxZph } from './cox/cox-ph.js';
export type {
  ChiSquareTest,
  CoxCoefficient,
  CoxControl,
  CoxPhInput,
  CoxPhResult,
  CoxTies,
} from './cox/cox-ph.js';
export type { CoxZphResult, ZphRow } from './cox/cox-zph.js';
export { concordance } from './cox/concordance.js';
export type { ConcordanceResult } from './cox/concordance.js';

export { cuminc } from './competing/cuminc.js';
export type { CumincAtTime, CumincCurve, CumincInput, CumincResult, GrayTest } from './competing/cuminc.js';
export { grayTest } from './competing/gray-test.js';
export { aalenJohansen } from './competing/aalen-johansen.js';
export type { AalenJohansenInput, AalenJohansenResult, AjBlock } from './competing/aalen-johansen.js';

export { tableMargins, dropEmptyMargins } from './tables/contingency.js';
export { chisqTest } from './tables/chisq-test.js';
export type { ChisqTestResult } from './tables/chisq-test.js';
export { fisherExact2x2 } from './tables/fisher-exact.js';
export type { FisherExactResult } from './tables/fisher-exact.js';
export { kruskalWallis, midRanks } from './tables/kruskal-wallis.js';
export type { KruskalWallisResult } from './tables/kruskal-wallis.js';
