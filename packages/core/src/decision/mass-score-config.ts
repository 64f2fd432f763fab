import type { EffusionGrade, LgePattern } from '../vocab/cmr.js';
import { defineCodeList, type CodeOf } from '../vocab/define.js';

/**
 * The six items of the CMR mass score (Paolisso et al., Circ Cardiovasc Imaging 2024;17(3):e016115;
 * clinical.md §2a [C]).
 */
export const MassScoreItem = defineCodeList('mass_score_item', [
  ['sessile', 'Sessile appearance', '宽基底附着'],
  ['polylobate', 'Polylobate shape', '分叶状形态'],
  ['infiltration', 'Infiltration', '浸润'],
  ['pericardial_effusion', 'Pericardial effusion', '心包积液'],
  ['first_pass_perfusion', 'First-pass contrast perfusion', '首过灌注'],
  ['heterogeneous_enhancement', 'Heterogeneous contrast enhancement', '不均匀强化'],
] as const);
export type MassScoreItem = CodeOf<typeof MassScoreItem>;

/**
 * How findings are read into items where the paper's abstract does not say (all [U]):
 * - `effusionMinGrade`: the least effusion that counts (the echo score counted moderate-severe effusion;
 *   the CMR score's abstract says only "pericardial effusion");
 * - `heterogeneousLge`: the LGE patterns that count as heterogeneous enhancement;
 * - `intramuralIsSessile`: whether an intramural mass (attachment `not_applicable`) counts as sessile.
 */
export interface MassScoreInterpretation {
  readonly effusionMinGrade: Exclude<EffusionGrade, 'none'>;
  readonly heterogeneousLge: readonly Exclude<LgePattern, 'not_assessed'>[];
  readonly intramuralIsSessile: boolean;
}

/** A named, versioned weighting of the CMR mass score. */
export interface MassScoreConfig {
  /** Stable id, stored with every score it computes. */
  readonly id: string;
  /** Bumped whenever a weight, the threshold or the interpretation changes. */
  readonly version: string;
  readonly label: { readonly en: string; readonly zh: string };
  /** Points per item (positive whole numbers). */
  readonly weights: Readonly<Record<MassScoreItem, number>>;
  /** The sum of the weights. */
  readonly max: number;
  /** A score at or above it reads as malignant. */
  readonly threshold: number;
  /** True only when the weights and threshold were checked against the paper's full text. */
  readonly confirmed: boolean;
  readonly interpretation: MassScoreInterpretation;
  /** Why these weights, and what is assumed. */
  readonly rationale: string;
}

/** What {@link defineMassScoreConfig} takes: a config without its derived maximum. */
export type MassScoreConfigSpec = Omit<MassScoreConfig, 'max'>;

/**
 * Defines a mass-score configuration, checking it: every weight a positive whole number, the
 * threshold a whole number from 1 to the maximum (the sum of the weights).
 *
 * @throws RangeError naming the field at fault
 */
export function defineMassScoreConfig(spec: MassScoreConfigSpec): MassScoreConfig {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(spec.id)) {
    throw new RangeError(
      `defineMassScoreConfig: id must be lower-case letters, digits and dashes (got ${spec.id})`
    );
  }
  let max = 0;
  for (const item of MassScoreItem.codes) {
    const w = spec.weights[item];
    if (!Number.isInteger(w) || w < 1) {
      throw new RangeError(
        `defineMassScoreConfig: weights.${item} must be a positive whole number (got ${w})`
      );
    }
    max += w;
  }
  if (!Number.isInteger(spec.threshold) || spec.threshold < 1 || spec.threshold > max) {
    throw new RangeError(
      `defineMassScoreConfig: threshold must be a whole number from 1 to ${max} (got ${spec.threshold})`
    );
  }
  if (spec.interpretation.heterogeneousLge.length === 0) {
    throw new RangeError(
      'defineMassScoreConfig: interpretation.heterogeneousLge must name at least one LGE pattern'
    );
  }
  return Object.freeze({
    ...spec,
    weights: Object.freeze({ ...spec.weights }),
    interpretation: Object.freeze({
      ...spec.interpretation,
      heterogeneousLge: Object.freeze([...spec.interpretation.heterogeneousLge]),
    }),
    label: Object.freeze({ ...spec.label }),
    max,
  });
}

const INTERPRETATION: MassScoreInterpretation = {
  effusionMinGrade: 'small',
  heterogeneousLge: ['heterogeneous'],
  intramuralIsSessile: true,
};

/**
 * Default: first-pass perfusion and infiltration weigh 2, the other four items 1 (max 8, malignant at
 * 5 or more). UNCONFIRMED [U]: Paolisso 2024 confirms the six items, the 0-8 range and the cut-off of
 * 5 (clinical.md §2a [C]) — so two items weigh 2 — but not which two. We chose the two that Kassi et
 * al., JTCVS 2018, found to be independent predictors of malignancy (invasion and first-pass
 * perfusion; clinical.md §2c [C]).
 */
export const MASS_SCORE_FPP_INFILTRATION_X2 = defineMassScoreConfig({
  id: 'paolisso2024-fpp-infiltration-x2',
  version: '1.0.0',
  label: {
    en: 'CMR mass score (FPP and infiltration weigh 2; unconfirmed)',
    zh: 'CMR占位评分（首过灌注与浸润各2分；未经证实）',
  },
  weights: {
    sessile: 1,
    polylobate: 1,
    infiltration: 2,
    pericardial_effusion: 1,
    first_pass_perfusion: 2,
    heterogeneous_enhancement: 1,
  },
  threshold: 5,
  confirmed: false,
  interpretation: INTERPRETATION,
  rationale:
    'Items, range 0-8 and cut-off >= 5 from Paolisso 2024 [C]; which two items weigh 2 is not confirmed [U]: ' +
    'FPP and infiltration chosen as the independent predictors of Kassi 2018 [C]. Any effusion counts; ' +
    'only heterogeneous LGE counts as heterogeneous enhancement; an intramural mass counts as sessile [U].',
});

/**
 * Sensitivity variant: the two tissue-characterisation items (first-pass perfusion and heterogeneous
 * enhancement) weigh 2 (max 8, malignant at 5 or more). UNCONFIRMED [U], for checking how much the
 * unconfirmed weights matter.
 */
export const MASS_SCORE_TISSUE_X2 = defineMassScoreConfig({
  id: 'paolisso2024-tissue-x2',
  version: '1.0.0',
  label: {
    en: 'CMR mass score (FPP and heterogeneous enhancement weigh 2; unconfirmed)',
    zh: 'CMR占位评分（首过灌注与不均匀强化各2分；未经证实）',
  },
  weights: {
    sessile: 1,
    polylobate: 1,
    infiltration: 1,
    pericardial_effusion: 1,
    first_pass_perfusion: 2,
    heterogeneous_enhancement: 2,
  },
  threshold: 5,
  confirmed: false,
  interpretation: INTERPRETATION,
  rationale:
    'Items, range 0-8 and cut-off >= 5 from Paolisso 2024 [C]; the two tissue items (FPP, heterogeneous ' +
    'enhancement) chosen to weigh 2 as a sensitivity analysis [U].',
});

/**
 * Equal weights: each item 1 point (max 6), malignant at 4 or more. UNCONFIRMED [U]: the cut-off keeps
 * the fraction of the maximum of Paolisso's 5 of 8 (6 × 5/8 = 3.75, rounded up to 4). The echo mass
 * score of the same group (Paolisso 2023, clinical.md §2b) is unweighted too, with different items.
 */
export const MASS_SCORE_EQUAL_WEIGHTS = defineMassScoreConfig({
  id: 'paolisso2024-equal-weights',
  version: '1.0.0',
  label: {
    en: 'CMR mass score items, equal weights (0-6; unconfirmed)',
    zh: 'CMR占位评分条目，等权重（0-6分；未经证实）',
  },
  weights: {
    sessile: 1,
    polylobate: 1,
    infiltration: 1,
    pericardial_effusion: 1,
    first_pass_perfusion: 1,
    heterogeneous_enhancement: 1,
  },
  threshold: 4,
  confirmed: false,
  interpretation: INTERPRETATION,
  rationale:
    'The six Paolisso 2024 items [C] unweighted; cut-off 4 of 6 keeps the 5-of-8 fraction, rounded up [U].',
});

/**
 * The named configurations of the CMR mass score; `default` is the one used when none is given.
 * None is confirmed: see clinical.md §2a and §8 item 2.
 */
export const MASS_SCORE_CONFIGS = {
  default: MASS_SCORE_FPP_INFILTRATION_X2,
  fppInfiltrationX2: MASS_SCORE_FPP_INFILTRATION_X2,
  tissueX2: MASS_SCORE_TISSUE_X2,
  equalWeights: MASS_SCORE_EQUAL_WEIGHTS,
} as const;

/** A configuration by its id, or undefined. */
export function massScoreConfigById(id: string): MassScoreConfig | undefined {
  return Object.values(MASS_SCORE_CONFIGS).find((c) => c.id === id);
}
