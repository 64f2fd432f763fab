import {
  cmrMassScore,
  decisionInputFromCasebook,
  differential,
  MASS_SCORE_CONFIGS,
  RULES_VERSION,
  suggestManagement,
  type Casebook,
  type LesionFinding,
  type MassCategory,
  type TreatmentType,
} from '@cmr-mass/core';
import type { DecisionSupport } from './decision.js';

interface LesionDecision {
  readonly score: number | null;
  readonly top: MassCategory | null;
  readonly treatment: TreatmentType | null;
}

/**
 * The study's decision support (`packages/core/src/decision`) as the report consumes it: for the
 * index lesion, the CMR mass score (default configuration; null when an item is missing), the top
 * category of the ranked differential, and the main treatment of the suggested management (null when
 * core's `suggest` would withhold management or leave the choice open, as the decision module's
 * `mainTreatment` does). Each lesion is evaluated once for the three columns.
 */
export function coreDecisionSupport(): DecisionSupport {
  const config = MASS_SCORE_CONFIGS.default;
  const cache = new Map<string, LesionDecision>();
  const evaluate = (finding: LesionFinding, cb: Casebook): LesionDecision => {
    const hit = cache.get(finding.id);
    if (hit) return hit;
    const input = decisionInputFromCasebook(cb, finding);
    const diff = differential(input);
    // As core's `suggest`: management only for a clear leader (not called itself because it also
    // hashes the whole rules table on every call, which costs more than the rest together).
    const clearLeader = diff.leading.pointsFor > 0 && (diff.leadMargin === null || diff.leadMargin > 0);
    const m = clearLeader ? suggestManagement(diff.leading.type, input) : null;
    const out: LesionDecision = {
      score: cmrMassScore(input, config).score,
      top: diff.categories[0]?.category ?? null,
      // As the decision module's `mainTreatment`: an open choice has no main treatment.
      treatment: m && m.determined ? (m.treatment[0] ?? null) : null,
    };
    cache.set(finding.id, out);
    return out;
  };
  return {
    label: `${RULES_VERSION}, mass score configuration ${config.id} ${config.version}${config.confirmed ? '' : ' (weights not confirmed)'}`,
    massScore: (f, cb) => evaluate(f, cb).score,
    topCategory: (f, cb) => evaluate(f, cb).top,
    suggestedTreatment: (f, cb) => evaluate(f, cb).treatment,
  };
}
