/**
 * Points from published sensitivity and specificity: the thrombus-versus-tumour criteria of
 * Pazos-López et al., JACC Cardiovasc Imaging 2014;7:896-905, Table 3 (clinical.md §2c [C]), turned
 * into points through their likelihood ratios, so that a criterion's weight follows its published
 * accuracy instead of a guess.
 *
 * The mapping from a likelihood ratio to points is an engineering choice [U], chosen so that points
 * roughly follow the natural log of the ratio: LR ≥ 25 → 4, ≥ 10 → 3, ≥ 3 → 2, ≥ 1.5 → 1, else 0.
 */

/** Sensitivity and specificity in percent of a criterion for the target condition (thrombus). */
export interface PublishedAccuracy {
  readonly sensitivity: number;
  readonly specificity: number;
}

/**
 * Pazos-López et al. 2014, Table 3: each criterion's accuracy for thrombus (versus tumour), in %.
 * Only criteria the study's forms record are listed ("no pre-contrast visualization" and the area
 * criterion have no field; "T1 time ≥ 422 ms" is left out because whether it is native or
 * post-contrast T1 is not confirmed, clinical.md §8 item 6).
 */
export const PAZOS_LOPEZ_2014 = {
  /** Iso/hyperintense at short TI, hypointense (nulled) at long TI on the TI scout. */
  typicalTiPattern: { sensitivity: 94, specificity: 98 },
  noFirstPassPerfusion: { sensitivity: 96, specificity: 70 },
  noLge: { sensitivity: 95, specificity: 71 },
  homogeneous: { sensitivity: 99, specificity: 54 },
  diameterBelow24mm: { sensitivity: 84, specificity: 78 },
  noMotility: { sensitivity: 87, specificity: 33 },
  noT2Hyperintensity: { sensitivity: 58, specificity: 85 },
} as const satisfies Record<string, PublishedAccuracy>;

/** Points for a likelihood ratio of at least 1 (see the mapping above). */
export function pointsForLikelihoodRatio(lr: number): number {
  if (Number.isNaN(lr) || lr < 1) {
    throw new RangeError(`pointsForLikelihoodRatio: lr must be >= 1 (got ${lr})`);
  }
  if (lr >= 25) return 4;
  if (lr >= 10) return 3;
  if (lr >= 3) return 2;
  if (lr >= 1.5) return 1;
  return 0;
}

/**
 * The points a criterion carries when present (from LR+ = sens / (1 − spec)) and when absent (minus
 * the points of 1 / LR− = spec / (1 − sens)).
 *
 * @example
 * criterionPoints({ sensitivity: 94, specificity: 98 }) // returns { present: 4, absent: -3 } (LR+ 47, 1/LR− 16.3)
 */
export function criterionPoints(a: PublishedAccuracy): { readonly present: number; readonly absent: number } {
  const { sensitivity: se, specificity: sp } = a;
  if (!(se > 0 && se <= 100 && sp >= 0 && sp <= 100)) {
    throw new RangeError(
      `criterionPoints: sensitivity and specificity must be percentages (got ${se}, ${sp})`
    );
  }
  const lrPositive = sp === 100 ? Infinity : se / (100 - sp);
  const lrNegativeInverse = se === 100 ? Infinity : sp / (100 - se);
  return {
    present: lrPositive >= 1 ? pointsForLikelihoodRatio(lrPositive) : 0,
    absent: lrNegativeInverse >= 1 ? -pointsForLikelihoodRatio(lrNegativeInverse) : 0,
  };
}
