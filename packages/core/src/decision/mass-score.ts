import { EffusionGrade } from '../vocab/cmr.js';
import { readLesionField } from './feature.js';
import type { DecisionInput, LesionFeatureKey } from './input.js';
import {
  MASS_SCORE_CONFIGS,
  MassScoreItem,
  type MassScoreConfig,
  type MassScoreInterpretation,
} from './mass-score-config.js';
import type { Gap, Label } from './reason.js';
import { citation } from './sources.js';

/** One item of a computed mass score. */
export interface MassScoreItemResult {
  readonly item: MassScoreItem;
  readonly label: Label;
  /** The item's weight in the configuration. */
  readonly weight: number;
  /** Points awarded: the weight when present, 0 when absent, null when the finding is missing. */
  readonly points: number | null;
  readonly present: boolean | null;
  /** The lesion field the item is read from. */
  readonly finding: LesionFeatureKey;
  /** The value read (a code, `yes`/`no`), or null when missing. */
  readonly value: string | null;
}

/** A computed CMR mass score, with the configuration that made it. */
export interface MassScoreResult {
  readonly configId: string;
  readonly configVersion: string;
  /** Whether the configuration's weights are confirmed (none are yet). */
  readonly confirmed: boolean;
  /** False for an exam without a lesion (nothing to score). */
  readonly applicable: boolean;
  /** The total, or null when any item is missing. */
  readonly score: number | null;
  /** Points of the items read as present (a lower bound when items are missing). */
  readonly partialScore: number;
  /** The totals still possible: all missing items absent (min) or present (max). */
  readonly range: { readonly min: number; readonly max: number };
  /** The maximum of the scale (8 for Paolisso's weighting). */
  readonly max: number;
  readonly threshold: number;
  /** score ≥ threshold, or null when the score is null. */
  readonly malignant: boolean | null;
  /**
   * What the range already decides: true when even the minimum reaches the threshold, false when even
   * the maximum stays below it, null otherwise (equals `malignant` when nothing is missing).
   */
  readonly malignantByRange: boolean | null;
  readonly items: readonly MassScoreItemResult[];
  /** The lesion fields the missing items need. */
  readonly missing: readonly LesionFeatureKey[];
  /** The same, with why each is missing (not recorded, not acquired, not assessed). */
  readonly gaps: readonly Gap[];
  readonly source: 'paolisso2024';
  readonly citation: string;
}

const ITEM_FINDING: Readonly<Record<MassScoreItem, LesionFeatureKey>> = {
  sessile: 'attachment',
  polylobate: 'shape',
  infiltration: 'infiltration',
  pericardial_effusion: 'pericardialEffusion',
  first_pass_perfusion: 'firstPassPerfusion',
  heterogeneous_enhancement: 'lgePattern',
};

/** Whether an item is present, given the value read from its finding. */
function isPresent(item: MassScoreItem, value: string, how: MassScoreInterpretation): boolean {
  switch (item) {
    case 'sessile':
      return value === 'sessile' || (value === 'not_applicable' && how.intramuralIsSessile);
    case 'polylobate':
      return value === 'polylobate';
    case 'infiltration':
      return value === 'yes';
    case 'pericardial_effusion':
      return (
        EffusionGrade.codes.indexOf(value as EffusionGrade) >=
        EffusionGrade.codes.indexOf(how.effusionMinGrade)
      );
    case 'first_pass_perfusion':
      return value === 'mild' || value === 'marked';
    case 'heterogeneous_enhancement':
      return (how.heterogeneousLge as readonly string[]).includes(value);
  }
}

/**
 * The CMR mass score of Paolisso et al., Circ Cardiovasc Imaging 2024;17(3):e016115 (clinical.md
 * §2a): sessile appearance, polylobate shape, infiltration, pericardial effusion, first-pass perfusion
 * and heterogeneous enhancement, weighted by `config`; malignant at or above its threshold (5 of 8 in
 * the paper). Which two items weigh 2 is NOT confirmed: every configuration says `confirmed: false`,
 * and the result records the configuration's id and version.
 *
 * Items are read from the lesion's findings: `attachment` (sessile; intramural per the
 * configuration), `shape` (polylobate), `infiltration`, `pericardialEffusion` (at least the
 * configuration's grade), `firstPassPerfusion` (mild or marked), `lgePattern` (the configuration's
 * heterogeneous patterns). A null or `not_assessed` finding makes its item missing: the score is then
 * null, and `partialScore`, `range` and `malignantByRange` say what is still known. Nothing is guessed.
 *
 * @param input - the decision input
 * @param config - the weighting (default: FPP and infiltration weigh 2)
 * @example
 * // sessile, infiltrating, with effusion and first-pass perfusion, round, homogeneous LGE:
 * cmrMassScore(input).score // returns 6 with the default weights (1 + 2 + 1 + 2)
 */
export function cmrMassScore(
  input: DecisionInput,
  config: MassScoreConfig = MASS_SCORE_CONFIGS.default
): MassScoreResult {
  const items: MassScoreItemResult[] = [];
  const gaps: Gap[] = [];
  let partial = 0;
  let missingWeight = 0;
  for (const item of MassScoreItem.codes) {
    const finding = ITEM_FINDING[item];
    const weight = config.weights[item];
    const label = { en: MassScoreItem.label(item, 'en'), zh: MassScoreItem.label(item, 'zh') };
    const read = input.lesion === null ? null : readLesionField(input, finding);
    if (read === null || !read.ok) {
      if (read !== null) gaps.push(...read.gaps);
      missingWeight += weight;
      items.push({ item, label, weight, points: null, present: null, finding, value: null });
      continue;
    }
    const value = String(read.value);
    const present = isPresent(item, value, config.interpretation);
    const points = present ? weight : 0;
    partial += points;
    items.push({ item, label, weight, points, present, finding, value });
  }
  const applicable = input.lesion !== null;
  const complete = applicable && gaps.length === 0;
  const score = complete ? partial : null;
  const range = applicable ? { min: partial, max: partial + missingWeight } : { min: 0, max: config.max };
  let malignantByRange: boolean | null = null;
  if (applicable && range.min >= config.threshold) malignantByRange = true;
  else if (applicable && range.max < config.threshold) malignantByRange = false;
  return {
    configId: config.id,
    configVersion: config.version,
    confirmed: config.confirmed,
    applicable,
    score,
    partialScore: partial,
    range,
    max: config.max,
    threshold: config.threshold,
    malignant: score === null ? null : score >= config.threshold,
    malignantByRange,
    items,
    missing: applicable ? items.filter((i) => i.present === null).map((i) => i.finding) : [],
    gaps,
    source: 'paolisso2024',
    citation: citation('paolisso2024'),
  };
}
