import { categoryOfType, isSecondaryType, type MassCategory, type MassType } from '../vocab/diagnosis.js';

/** 0/1 flag, or null where it does not apply (`NA` in exports). */
export type Flag = 0 | 1 | null;

/** A diagnosis as a category and, where known, a specific type (a reader's or the reference's). */
export interface DiagnosisLike {
  readonly category: MassCategory;
  readonly specificType?: MassType | null;
}

/** The derived cohort flags of a diagnosis. */
export interface CohortFlags {
  /** 1 for a tumour (benign or malignant), 0 for any other mass; null when there is no mass. */
  readonly neoplastic: Flag;
  /** 1 for a malignant tumour, 0 for any other mass (benign tumour, thrombus, cyst, pseudomass); null when there is no mass. */
  readonly malignant: Flag;
  /** Among malignant tumours: 1 for a metastasis, 0 for a primary; null otherwise or when the type is not known. */
  readonly secondary: Flag;
}

/**
 * The study's cohorts, derived from a diagnosis and never typed in (architecture.md, "Cohorts"):
 * neoplastic vs non-neoplastic, benign vs malignant, primary vs secondary. "No mass" has no cohort.
 * Benign vs malignant is defined over all masses (as Shenoy et al. 2022 and Paolisso et al. 2024
 * compare malignant with all other masses); restrict to `neoplastic = 1` for the tumour-only contrast.
 */
export function cohortFlags(d: DiagnosisLike | null | undefined): CohortFlags {
  if (!d || d.category === 'no_mass') return { neoplastic: null, malignant: null, secondary: null };
  const neoplastic: Flag = d.category === 'benign_tumour' || d.category === 'malignant_tumour' ? 1 : 0;
  const malignant: Flag = d.category === 'malignant_tumour' ? 1 : 0;
  let secondary: Flag = null;
  if (malignant === 1 && d.specificType) secondary = isSecondaryType(d.specificType) ? 1 : 0;
  return { neoplastic, malignant, secondary };
}

/** Agreement of a CMR (reader's) diagnosis with the reference diagnosis. */
export interface Agreement {
  readonly category: boolean;
  /** Same specific type; null when either type is not recorded. */
  readonly type: boolean | null;
  readonly neoplastic: boolean | null;
  readonly malignant: boolean | null;
}

/** Compares a reader's diagnosis with the reference: category, type and the derived cohort flags. */
export function agreement(cmr: DiagnosisLike, reference: DiagnosisLike): Agreement {
  const a = cohortFlags(cmr);
  const b = cohortFlags(reference);
  const same = (x: Flag, y: Flag): boolean | null => (x === null || y === null ? null : x === y);
  const type =
    cmr.specificType && reference.specificType ? cmr.specificType === reference.specificType : null;
  return {
    category: cmr.category === reference.category,
    type,
    neoplastic: same(a.neoplastic, b.neoplastic),
    malignant: same(a.malignant, b.malignant),
  };
}

/** The category a type implies, or the category itself when no type is given. */
export function effectiveCategory(d: DiagnosisLike): MassCategory {
  return d.specificType ? categoryOfType(d.specificType) : d.category;
}
