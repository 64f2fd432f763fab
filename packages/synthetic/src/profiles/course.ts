import { categoryOfType, type DeathCause, type MassCategory, type MassType } from '@cmr-mass/core';
import type { Weighted } from '../rng.js';

/**
 * What happens after the baseline CMR, by type: hazards of death, thromboembolism, recurrence or
 * progression, heart failure and progressive dysfunction (clinical.md §5b; per-visit hazards are not
 * published per type, so these are derived from the figures there, as §5b itself proposes [U]).
 * Rates are per year; times are drawn in `generate-events.ts`.
 */
export interface CourseProfile {
  /**
   * All-cause mortality per year at the reference covariates, from Shenoy et al. 2022's estimated
   * 5-year mortality by CMR category (clinical.md §1): rate = -ln(1 - m5) / 5.
   */
  readonly backgroundAnnual: number;
  /** Tumour-specific survival among the not-cured: Weibull shape and median (months); null = none. */
  readonly tumour: { readonly shape: number; readonly medianMonths: number; readonly cured: number } | null;
  /** Thromboembolism per year after the early phase. */
  readonly teAnnual: number;
  /** An early excess of thromboembolism: its probability within `days` of the baseline CMR. */
  readonly teEarly: { readonly days: number; readonly probability: number } | null;
  /** Recurrence per year once the mass was removed or resolved (after `lagDays`). */
  readonly recurrenceAnnual: number;
  /** Progression (growth) per year while the mass is left in place. */
  readonly progressionAnnual: number;
  readonly hfAnnual: number;
  readonly dysfunctionAnnual: number;
  /** 30-day mortality after a surgical resection. */
  readonly surgicalDeath: number;
  readonly deathCauses: Weighted<DeathCause>;
}

const shenoy = (fiveYearMortality: number): number => -Math.log(1 - fiveYearMortality) / 5;

const NON_CANCER_CAUSES: Weighted<DeathCause> = [
  ['cardiovascular', 0.4],
  ['other', 0.35],
  ['unknown', 0.25],
];

const BY_CATEGORY: Readonly<Record<MassCategory, CourseProfile>> = {
  // Shenoy: no mass 22 % at 5 years.
  no_mass: {
    backgroundAnnual: shenoy(0.22),
    tumour: null,
    teAnnual: 0.005,
    teEarly: null,
    recurrenceAnnual: 0,
    progressionAnnual: 0,
    hfAnnual: 0.02,
    dysfunctionAnnual: 0.01,
    surgicalDeath: 0,
    deathCauses: NON_CANCER_CAUSES,
  },
  // Shenoy: pseudomass 26 % at 5 years.
  pseudomass: {
    backgroundAnnual: shenoy(0.26),
    tumour: null,
    teAnnual: 0.005,
    teEarly: null,
    recurrenceAnnual: 0,
    progressionAnnual: 0,
    hfAnnual: 0.02,
    dysfunctionAnnual: 0.01,
    surgicalDeath: 0,
    deathCauses: NON_CANCER_CAUSES,
  },
  // Shenoy: thrombus 36 % at 5 years. Velangi 2019: annualised embolism 3.7 % (median FU 3.3 y);
  // Karger: 9 % over ~4 y, most within 3 months. We put 5 % in the first 90 days and 1.5 %/y after
  // (≈ 9 % at 3 years) [U]. Recurrence after resolution 4 %/y, growth 2 %/y [U].
  thrombus: {
    backgroundAnnual: shenoy(0.36),
    tumour: null,
    teAnnual: 0.015,
    teEarly: { days: 90, probability: 0.05 },
    recurrenceAnnual: 0.04,
    progressionAnnual: 0.02,
    hfAnnual: 0.08,
    dysfunctionAnnual: 0.05,
    surgicalDeath: 0.03,
    deathCauses: [
      ['cardiovascular', 0.55],
      ['mass_related', 0.1],
      ['other', 0.2],
      ['unknown', 0.15],
    ],
  },
  // Shenoy: benign tumour 17 % at 5 years (clinical.md §5b [U] suggests 1-2 %/y; the younger ages of
  // our benign types bring the rate down through the age term). 30-day operative mortality 3.4 %
  // (Wang, myxoma) and 1.8 % (Vienna, all primary tumours): 2.5 %. Myxoma recurrence 1.6-4.8 % in
  // the long run: 0.5 %/y [U]; growth of benign tumours left in place 1 %/y [U].
  benign_tumour: {
    backgroundAnnual: shenoy(0.17),
    tumour: null,
    teAnnual: 0.005,
    teEarly: null,
    recurrenceAnnual: 0.005,
    progressionAnnual: 0.01,
    hfAnnual: 0.015,
    dysfunctionAnnual: 0.01,
    surgicalDeath: 0.025,
    deathCauses: NON_CANCER_CAUSES,
  },
  // Malignant: background as no mass plus tumour-specific survival by type (below). Vienna: relapse
  // 45.5 % after resection of primary malignant tumours: 35 %/y [U]; progression 45 %/y [U];
  // cancer-associated thromboembolism 5 %/y [U]; 30-day operative mortality 5 % [U].
  malignant_tumour: {
    backgroundAnnual: shenoy(0.22),
    tumour: { shape: 1, medianMonths: 12, cured: 0.05 },
    teAnnual: 0.05,
    teEarly: null,
    recurrenceAnnual: 0.35,
    progressionAnnual: 0.45,
    hfAnnual: 0.06,
    dysfunctionAnnual: 0.04,
    surgicalDeath: 0.05,
    deathCauses: [
      ['mass_related', 0.55],
      ['cancer', 0.3],
      ['cardiovascular', 0.05],
      ['other', 0.05],
      ['unknown', 0.05],
    ],
  },
  // [U] like no mass; cyst recurrence after aspiration is set by type.
  other_non_neoplastic: {
    backgroundAnnual: shenoy(0.22),
    tumour: null,
    teAnnual: 0.008,
    teEarly: null,
    recurrenceAnnual: 0.02,
    progressionAnnual: 0.01,
    hfAnnual: 0.02,
    dysfunctionAnnual: 0.01,
    surgicalDeath: 0.02,
    deathCauses: NON_CANCER_CAUSES,
  },
};

const METASTASIS_CAUSES: Weighted<DeathCause> = [
  ['cancer', 0.6],
  ['mass_related', 0.25],
  ['cardiovascular', 0.05],
  ['other', 0.05],
  ['unknown', 0.05],
];

/**
 * Tumour-specific survival by malignant type [U, calibrated to clinical.md §5b]:
 * - angiosarcoma: Weibull shape 1.1, median 10 months → about 57 % dead at 1 year and 94 % at 3
 *   (§5b: SEER median DSS 7.2 months, NCDB median OS 14.3 months; "1-y death ~55-65 %, 3-y ~90 %");
 * - other primary sarcoma: median 16 months, 5 % cured (Vienna mean survival 26.2 months; German
 *   series 5-y survival 30 %);
 * - primary lymphoma: median 7 months (radiopaedia) among the 40 % who do not respond to R-CHOP;
 * - metastases "very poor" (Shenoy malignant 73 % at 5 y; German series operated metastases 26 %
 *   5-y survival): median 8 months (lung, melanoma) to 20 months (breast).
 */
const TUMOUR: Partial<Record<MassType, CourseProfile['tumour']>> = {
  angiosarcoma: { shape: 1.1, medianMonths: 10, cured: 0 },
  sarcoma_other: { shape: 1, medianMonths: 16, cured: 0.05 },
  lymphoma_primary: { shape: 1, medianMonths: 7, cured: 0.4 },
  malignant_primary_other: { shape: 1, medianMonths: 12, cured: 0.05 },
  metastasis_lung: { shape: 0.9, medianMonths: 8, cured: 0 },
  metastasis_breast: { shape: 0.9, medianMonths: 20, cured: 0.02 },
  metastasis_lymphoma: { shape: 1, medianMonths: 12, cured: 0.3 },
  metastasis_melanoma: { shape: 0.9, medianMonths: 9, cured: 0.05 },
  metastasis_renal: { shape: 0.9, medianMonths: 16, cured: 0.05 },
  metastasis_other: { shape: 0.9, medianMonths: 10, cured: 0 },
};

/** Type-specific departures from the category's course [U unless cited]. */
const OVERRIDES: Partial<Record<MassType, Partial<CourseProfile>>> = {
  // §5b myxoma: pre-operative embolism 15.5-32 % of patients: 3 % in the weeks before resection.
  myxoma: { teEarly: { days: 60, probability: 0.03 }, teAnnual: 0.003 },
  // §5b Gowda: mobility is the only predictor of embolism; the mobile share is applied in
  // `generate-events.ts` (×3 when mobile and left in place).
  papillary_fibroelastoma: { teAnnual: 0.015, recurrenceAnnual: 0.003 },
  lipoma: { recurrenceAnnual: 0.002, progressionAnnual: 0.005 },
  // §5b: 50-70 % of rhabdomyomas regress; no recurrence.
  rhabdomyoma: { recurrenceAnnual: 0, progressionAnnual: 0 },
  // Cysts recur after aspiration (Indian Heart J 2017 §7) [U 10 %/y].
  pericardial_cyst: { recurrenceAnnual: 0.1, progressionAnnual: 0.01 },
  inflammatory_pseudotumour: { recurrenceAnnual: 0.05, teAnnual: 0.02 },
  abscess: { backgroundAnnual: 0.15 },
  // Lymphoma relapse 20 %/y [U].
  lymphoma_primary: { recurrenceAnnual: 0.2, progressionAnnual: 0.3 },
  metastasis_lung: { deathCauses: METASTASIS_CAUSES, progressionAnnual: 0.5 },
  metastasis_breast: { deathCauses: METASTASIS_CAUSES, progressionAnnual: 0.35 },
  metastasis_lymphoma: { deathCauses: METASTASIS_CAUSES, progressionAnnual: 0.3 },
  metastasis_melanoma: { deathCauses: METASTASIS_CAUSES, progressionAnnual: 0.5 },
  metastasis_renal: { deathCauses: METASTASIS_CAUSES, progressionAnnual: 0.35 },
  metastasis_other: { deathCauses: METASTASIS_CAUSES, progressionAnnual: 0.45 },
};

/** The course of a mass type. */
export function courseOf(type: MassType): CourseProfile {
  const base = BY_CATEGORY[categoryOfType(type)];
  const tumour = TUMOUR[type];
  return { ...base, ...(tumour !== undefined ? { tumour } : {}), ...OVERRIDES[type] };
}

/**
 * Covariate hazard ratios for all-cause death (Shenoy et al. 2022, clinical.md §1): age 1.09 per 5
 * years, smoking 1.37, LVEF 1.05 per 5 % decrease, extracardiac malignancy 2.32. We centre age at 60
 * and LVEF at 60 % (only decreases count) [U].
 */
export const SHENOY_HR = { agePer5y: 1.09, smoking: 1.37, lvefPer5Down: 1.05, cancer: 2.32 } as const;

/**
 * The mean of the covariate multiplier in Shenoy's own population, so that a participant with the
 * average covariates of that population gets the category's published rate [U: about 1.03 for age
 * N(60, 14), 1.15 for 40 % smokers, 1.2 for 15 % with cancer, 1.05 for LVEF; product ≈ 1.5].
 */
export const SHENOY_MEAN_MULTIPLIER = 1.5;
