import type { LesionFinding } from '../schemas/lesion-finding.js';
import type { FieldStrength } from '../vocab/cmr.js';
import type { CancerSite } from '../vocab/diagnosis.js';
import type { Sex, Symptom } from '../vocab/participant.js';

/**
 * The lesion-finding fields the decision rules read: the coded features of clinical.md §2-3 and the
 * lesion's quantitative values. Provenance and sequence fields of the form are not used.
 */
export const LESION_FEATURE_KEYS = [
  'location',
  'tissueLayer',
  'attachment',
  'sizeLongMm',
  'sizeShortMm',
  'sizeThirdMm',
  'shape',
  'margins',
  'mobility',
  'infiltration',
  'pericardialEffusion',
  't1wSignal',
  't2wSignal',
  'fatSuppressionSignalLoss',
  'homogeneity',
  'firstPassPerfusion',
  'lgePattern',
  'nullingLongTi',
  'calcification',
  'coronaryEncasement',
  't1NativeMs',
  't2Ms',
  'ecv',
] as const;
export type LesionFeatureKey = (typeof LESION_FEATURE_KEYS)[number];

/**
 * A lesion's structured findings as the decision rules see them: the fields of `lesionFindingForm`
 * with the same names and codes, each `null` when not recorded.
 */
export type LesionFeatures = { readonly [K in LesionFeatureKey]: Exclude<LesionFinding[K], undefined> };

/**
 * Which sequences the exam acquired, so that a finding "not done" differs from one "not recorded":
 * `true` acquired, `false` not acquired, `null` unknown.
 */
export interface Acquisition {
  /** First-pass perfusion. */
  readonly fpp: boolean | null;
  /** Late gadolinium enhancement. */
  readonly lge: boolean | null;
  /** Images at a long inversion time (LGE with long TI, or a TI scout), for thrombus nulling. */
  readonly longTi: boolean | null;
  /** Fat-suppressed images (T1w or T2w with fat saturation, or STIR). */
  readonly fatSuppression: boolean | null;
}

/** What the rules need from the exam and the participant besides the lesion. Every field may be `null`. */
export interface DecisionContext {
  readonly fieldStrengthT: FieldStrength | null;
  /** Age at the exam in whole years (see `ageAtExam`). */
  readonly ageYears: number | null;
  readonly sex: Sex | null;
  readonly knownExtracardiacCancer: boolean | null;
  readonly cancerSite: CancerSite | null;
  readonly atrialFibrillation: boolean | null;
  readonly priorMyocardialInfarction: boolean | null;
  /** LV ejection fraction on this exam, in percent. */
  readonly lvEfPercent: number | null;
  /** Presenting symptoms; `null` when none were recorded (an empty list on the form means "not recorded"). */
  readonly symptoms: readonly Symptom[] | null;
  /** How many lesions the exam shows (rhabdomyomas and metastases are often multiple). */
  readonly lesionsOnExam: number | null;
  readonly acquired: Acquisition;
}
export type ContextKey = Exclude<keyof DecisionContext, 'acquired'>;

/**
 * Everything a decision rule may read: one lesion's findings and its context. `lesion: null` means the
 * exam showed no mass (no lesion was recorded on it).
 */
export interface DecisionInput {
  readonly lesion: LesionFeatures | null;
  readonly context: DecisionContext;
}

/**
 * The name of an input a rule reads: a lesion field, a context field, or `lesion` itself (for "no
 * mass"). Missing-finding lists are made of these names.
 */
export type FindingKey = LesionFeatureKey | ContextKey | 'lesion';

/** Lesion findings with every field `null` (nothing recorded). */
export function emptyLesion(): LesionFeatures {
  return Object.fromEntries(LESION_FEATURE_KEYS.map((k) => [k, null])) as unknown as LesionFeatures;
}

/** A context with every field `null` (nothing known). */
export function emptyContext(): DecisionContext {
  return {
    fieldStrengthT: null,
    ageYears: null,
    sex: null,
    knownExtracardiacCancer: null,
    cancerSite: null,
    atrialFibrillation: null,
    priorMyocardialInfarction: null,
    lvEfPercent: null,
    symptoms: null,
    lesionsOnExam: null,
    acquired: { fpp: null, lge: null, longTi: null, fatSuppression: null },
  };
}

/** Parts of a decision input; anything left out is `null` (not recorded). */
export interface DecisionInputParts {
  /** The lesion's findings; `null` for an exam without a mass. */
  readonly lesion?: Partial<LesionFeatures> | null;
  readonly context?: Partial<Omit<DecisionContext, 'acquired'>> & {
    readonly acquired?: Partial<Acquisition>;
  };
}

/**
 * Builds a complete decision input from the parts that are known, filling the rest with `null`.
 *
 * @example
 * makeDecisionInput({ lesion: { location: 'left_atrium' } }).lesion?.attachment // null
 * makeDecisionInput({ lesion: null }).lesion // null (no mass)
 */
export function makeDecisionInput(parts: DecisionInputParts = {}): DecisionInput {
  const base = emptyContext();
  const ctx = parts.context ?? {};
  return {
    lesion: parts.lesion === null ? null : { ...emptyLesion(), ...definedOnly(parts.lesion ?? {}) },
    context: {
      ...base,
      ...definedOnly(ctx),
      acquired: { ...base.acquired, ...definedOnly(ctx.acquired ?? {}) },
    },
  };
}

/** The entries of `o` whose value is not `undefined` (so that a spread never writes `undefined`). */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
