import type { TreatmentType } from '../vocab/care.js';
import { categoryOfType, type MassCategory, type MassType } from '../vocab/diagnosis.js';
import type { DecisionInput, FindingKey } from './input.js';
import { pathwayOf, type ManagementModifier } from './management-pathways.js';
import type { Label } from './reason.js';
import { citation, type Evidence, type SourceId } from './sources.js';

export { VERY_LOW_LVEF_PERCENT, type ManagementModifier } from './management-pathways.js';

/** Suggested management for a diagnosis (clinical.md §7): a suggestion with its source, not an order. */
export interface ManagementSuggestion {
  readonly type: MassType;
  readonly category: MassCategory;
  /**
   * The suggested treatments. When `determined` is false, the options still open (a missing finding
   * decides between them; see `missing`).
   */
  readonly treatment: readonly TreatmentType[];
  readonly determined: boolean;
  /** False when clinical.md §7 has no pathway for this type (then `treatment` is empty). */
  readonly hasPathway: boolean;
  readonly summary: Label;
  readonly modifiers: readonly ManagementModifier[];
  /** Findings that would decide an open choice or a modifier. */
  readonly missing: readonly FindingKey[];
  readonly source: SourceId;
  readonly citation: string;
  readonly evidence: Evidence;
}

/**
 * Suggested management for a diagnosis (usually the differential's leading type), from the treatment
 * pathways of clinical.md §7: thrombus — anticoagulation ≥ 3 months then repeat imaging (Levine et
 * al., Circulation 2022); myxoma — prompt resection (Bjessmo 1997; Wang 2016); papillary
 * fibroelastoma — excision if embolic, left-sided, mobile or > 1 cm, else surveillance (Gowda 2003);
 * rhabdomyoma — follow-up and tuberous-sclerosis screening; pericardial cyst — conservative when
 * asymptomatic (StatPearls); sarcoma — multimodal therapy (NCDB 2023; SEER 2019); lymphoma — R-CHOP;
 * metastasis — treat the primary (Yanagawa 2018); no mass or pseudomass — nothing further (Shenoy
 * 2022). Lipoma, fibroma and hemangioma pathways are general consensus [U].
 *
 * Where a finding that decides between options is missing, `determined` is false, `treatment` lists
 * the options still open and `missing` names the findings. Conditions the study's forms do not record
 * are listed as modifiers with `applies: null` and no fields.
 *
 * @param leading - the diagnosis to manage
 * @param input - the decision input (symptoms, location, size, mobility, LVEF...)
 */
export function suggestManagement(leading: MassType, input: DecisionInput): ManagementSuggestion {
  const body = pathwayOf(leading, input);
  const { decidedBy, hasPathway, ...rest } = body;
  // A missing finding is reported when it could still change something: the choice of treatment
  // (while undetermined) or a modifier that is not part of an already-made choice.
  const decisive = new Set((decidedBy ?? []).flatMap((f) => f.fields));
  const missing = new Set<FindingKey>();
  if (!body.determined) {
    for (const f of decidedBy ?? []) if (f.value === null) for (const k of f.fields) missing.add(k);
  }
  for (const m of body.modifiers) {
    if (m.applies !== null) continue;
    for (const k of m.fields) if (!body.determined || !decisive.has(k)) missing.add(k);
  }
  return {
    type: leading,
    category: categoryOfType(leading),
    ...rest,
    hasPathway: hasPathway ?? true,
    missing: [...missing],
    citation: citation(body.source),
  };
}

/**
 * The main suggested treatment: the first of `treatment` when the suggestion is determined, otherwise
 * null (an open choice has no main treatment). For comparing suggestions with treatments given.
 *
 * @param m - a management suggestion
 */
export function suggestedMainTreatment(m: ManagementSuggestion): TreatmentType | null {
  return m.determined ? (m.treatment[0] ?? null) : null;
}
