import type { Casebook, LesionFinding, MassCategory, TreatmentType } from '@cmr-mass/core';

/**
 * The decision-support functions the report validates on the registry (issue 8 part 2). They come
 * from `packages/core/src/decision`; the report takes them as arguments so that it never depends on
 * how (or whether yet) they are implemented, and so that tests can pass hand-made ones.
 */
export interface DecisionSupport {
  /** The CMR mass score of a lesion (Paolisso et al. 2024), or null where it cannot be computed. */
  readonly massScore?: (finding: LesionFinding, cb: Casebook) => number | null;
  /** The top category of the suggested differential diagnosis of a lesion. */
  readonly topCategory?: (finding: LesionFinding, cb: Casebook) => MassCategory | null;
  /** The main treatment that the CMR-based suggested management recommends for a lesion. */
  readonly suggestedTreatment?: (finding: LesionFinding, cb: Casebook) => TreatmentType | null;
  /** Names the implementation and its version, for the methods section (e.g. `core decision v1`). */
  readonly label?: string;
}

/** No decision support: the dependent columns stay `NA` and their analyses say so. */
export const NO_DECISION_SUPPORT: DecisionSupport = Object.freeze({});
