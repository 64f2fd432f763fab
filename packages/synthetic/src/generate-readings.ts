import { categoryOfType, type ImageQuality, type MassCategory, type MassType } from '@cmr-mass/core';
import { TYPE_MIX } from './profiles/index.js';
import type { Rng, Weighted } from './rng.js';

/**
 * The blinded readers' CMR diagnoses. The model [U, calibrated to clinical.md §1]:
 *
 * - A typical lesion is read in the right category with probability {@link TYPICAL_ACCURACY} (by true
 *   category); a wrong reading goes to a neighbouring category ({@link CONFUSION}: benign and malignant
 *   tumours are confused with each other most, thrombus with benign tumour).
 * - An atypical lesion (features drawn from another type's profile) is read as what it looks like
 *   with probability 0.6, correctly with 0.35.
 * - Poor images double the error probability, non-diagnostic ones triple it.
 * - The right category comes with the right specific type in 85 % (typical lesions).
 *
 * Tumours are about half the cohort, and a benign-vs-malignant accuracy near Mousavi's 89-94 % caps
 * their category accuracy, so the overall first-reader accuracy comes out at about 93-94 % (Shenoy
 * 98.4 %; Pazos-López 95 % thrombus vs tumour, 69-79 % benign vs malignant) with benign vs malignant
 * among tumours a few points lower (about 91 %).
 */
export const TYPICAL_ACCURACY: Readonly<Record<MassCategory, number>> = {
  no_mass: 1,
  pseudomass: 0.985,
  thrombus: 0.995,
  benign_tumour: 0.955,
  malignant_tumour: 0.95,
  other_non_neoplastic: 0.97,
};

/** Where a wrong reading of a typical lesion goes, by true category. */
export const CONFUSION: Readonly<Record<MassCategory, Weighted<MassCategory>>> = {
  no_mass: [['pseudomass', 1]],
  pseudomass: [
    ['thrombus', 0.4],
    ['benign_tumour', 0.3],
    ['no_mass', 0.3],
  ],
  thrombus: [
    ['benign_tumour', 0.6],
    ['malignant_tumour', 0.2],
    ['pseudomass', 0.2],
  ],
  benign_tumour: [
    ['malignant_tumour', 0.8],
    ['thrombus', 0.15],
    ['other_non_neoplastic', 0.05],
  ],
  malignant_tumour: [
    ['benign_tumour', 0.85],
    ['thrombus', 0.1],
    ['other_non_neoplastic', 0.05],
  ],
  other_non_neoplastic: [
    ['benign_tumour', 0.5],
    ['thrombus', 0.3],
    ['malignant_tumour', 0.2],
  ],
};

/** What a reader concluded about one lesion (or about the exam, for "no mass"). */
export interface ReaderCall {
  readonly category: MassCategory;
  readonly specificType: MassType;
  readonly confidence: number;
}

const ERROR_FACTOR: Readonly<Record<ImageQuality, number>> = {
  good: 1,
  adequate: 1,
  poor: 2,
  non_diagnostic: 3,
};

function typeIn(rng: Rng, category: MassCategory, avoid?: MassType): MassType {
  const mix = TYPE_MIX[category].filter(([t]) => t !== avoid);
  return mix.length > 0 ? rng.pick(mix) : rng.pick(TYPE_MIX[category]);
}

/**
 * One reader's call on a lesion of true type `truth`; `mimic` is the type an atypical lesion looks
 * like (null for a typical one).
 */
export function readLesion(
  rng: Rng,
  truth: MassType,
  mimic: MassType | null,
  quality: ImageQuality
): ReaderCall {
  const category = categoryOfType(truth);
  const factor = ERROR_FACTOR[quality];
  let read: MassCategory;
  let readType: MassType;
  let right: boolean;
  if (mimic !== null) {
    const u = rng.next();
    if (u < 0.6) {
      readType = mimic;
      read = categoryOfType(mimic);
    } else if (u < 0.95) {
      read = category;
      readType = rng.chance(0.6) ? truth : typeIn(rng, category, truth);
    } else {
      read = rng.pick(CONFUSION[category]);
      readType = typeIn(rng, read);
    }
    right = read === category;
  } else {
    const pError = Math.min(0.9, (1 - TYPICAL_ACCURACY[category]) * factor);
    right = !rng.chance(pError);
    if (right) {
      read = category;
      readType = rng.chance(0.85) ? truth : typeIn(rng, category, truth);
    } else {
      read = rng.pick(CONFUSION[category]);
      readType = typeIn(rng, read);
    }
  }
  if (read !== categoryOfType(readType)) readType = typeIn(rng, read);
  const confidence = right
    ? rng.pick<number>([
        [5, mimic === null ? 0.45 : 0.15],
        [4, 0.4],
        [3, 0.12],
        [2, 0.03],
      ])
    : rng.pick<number>([
        [5, 0.08],
        [4, 0.3],
        [3, 0.4],
        [2, 0.16],
        [1, 0.06],
      ]);
  return { category: read, specificType: readType, confidence };
}

/**
 * A second reader's call: with probability 0.4 the second reader sees what the first saw (shared
 * perception of the same images), otherwise reads independently. This gives agreement of about
 * 93-95 % (Mousavi 2019: 95 %, kappa 0.83) [U].
 */
export function secondRead(
  rng: Rng,
  first: ReaderCall,
  truth: MassType,
  mimic: MassType | null,
  quality: ImageQuality
): ReaderCall {
  if (rng.chance(0.4)) {
    return { ...first, confidence: Math.max(1, Math.min(5, first.confidence + rng.int(-1, 1))) };
  }
  return readLesion(rng, truth, mimic, quality);
}
