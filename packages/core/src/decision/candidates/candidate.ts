import type { MassCategory, MassType } from '../../vocab/diagnosis.js';
import type { Criterion } from '../criteria.js';
import type { DecisionInput } from '../input.js';

/**
 * A diagnosis the differential weighs: its category, its specific type (which may depend on the
 * context, e.g. a metastasis's type follows the known cancer's site) and its criteria.
 */
export interface Candidate {
  /** Stable name, the first part of its reasons' codes (`myxoma`, `metastasis`). */
  readonly key: string;
  readonly category: MassCategory;
  /** The type when the context does not change it. */
  readonly type: MassType;
  /** The type for a given input, when it depends on the context. */
  readonly typeFor?: (input: DecisionInput) => MassType;
  readonly criteria: readonly Criterion[];
}
