import type { CodeList } from '../vocab/define.js';
import { TriState } from '../vocab/cmr.js';
import type { Acquisition, DecisionInput, FindingKey, LesionFeatureKey } from './input.js';
import type { Gap, Label } from './reason.js';

/** The result of reading a feature: a value, or the gaps that kept it from being read. */
export type FeatureRead<V> =
  { readonly ok: true; readonly value: V } | { readonly ok: false; readonly gaps: readonly Gap[] };

interface FeatureBase {
  /** The feature's name, e.g. `t2wSignal` or `valvular`. */
  readonly key: string;
  readonly label: Label;
  /** The input fields the feature is read from. */
  readonly reads: readonly FindingKey[];
}

/** A feature with coded values (each with labels in English and Chinese). */
export interface CodedFeature extends FeatureBase {
  readonly kind: 'coded';
  readonly labels: Readonly<Record<string, Label>>;
  read(input: DecisionInput): FeatureRead<string>;
}

/** A feature with a numeric value in a unit. */
export interface NumericFeature extends FeatureBase {
  readonly kind: 'numeric';
  readonly unit: string;
  read(input: DecisionInput): FeatureRead<number>;
}

export type Feature = CodedFeature | NumericFeature;

/** `yes` / `no`, the value domain of boolean and tri-state findings. */
export type YesNo = 'yes' | 'no';

/** Labels of `yes` and `no` (from the study's tri-state code list). */
export const YES_NO_LABELS: Readonly<Record<YesNo, Label>> = {
  yes: { en: TriState.label('yes', 'en'), zh: TriState.label('yes', 'zh') },
  no: { en: TriState.label('no', 'en'), zh: TriState.label('no', 'zh') },
};

/** The labels of every code of a code list. */
export function labelsOf<C extends string>(list: CodeList<C>): Readonly<Record<C, Label>> {
  return Object.fromEntries(list.entries.map((e) => [e.code, { en: e.en, zh: e.zh }])) as Record<C, Label>;
}

/** The sequence each lesion finding depends on, for telling "not acquired" from "not recorded". */
const ACQUIRED_BY: Partial<Record<LesionFeatureKey, keyof Acquisition>> = {
  firstPassPerfusion: 'fpp',
  lgePattern: 'lge',
  nullingLongTi: 'longTi',
  fatSuppressionSignalLoss: 'fatSuppression',
};

/** The gap for a lesion field that could not be read. */
export function lesionGap(input: DecisionInput, key: LesionFeatureKey, value: unknown): Gap {
  if (input.lesion === null) return { finding: key, why: 'no_lesion' };
  if (value === 'not_assessed') return { finding: key, why: 'not_assessed' };
  const seq = ACQUIRED_BY[key];
  if (seq !== undefined && input.context.acquired[seq] === false) {
    return { finding: key, why: 'not_acquired' };
  }
  return { finding: key, why: 'not_recorded' };
}

/**
 * Reads one lesion field: its value, or a gap when it is null, coded `not_assessed`, or there is no
 * lesion. Booleans are read as `yes` / `no`.
 */
export function readLesionField(input: DecisionInput, key: LesionFeatureKey): FeatureRead<string | number> {
  const v = input.lesion === null ? null : input.lesion[key];
  if (v === null || v === 'not_assessed' || typeof v === 'object') {
    return { ok: false, gaps: [lesionGap(input, key, v)] };
  }
  if (typeof v === 'boolean') return { ok: true, value: v ? 'yes' : 'no' };
  return { ok: true, value: v };
}

/** A coded feature read straight from a lesion field. */
export function codedLesionFeature(
  key: LesionFeatureKey,
  label: Label,
  labels: Readonly<Record<string, Label>>
): CodedFeature {
  return {
    kind: 'coded',
    key,
    label,
    reads: [key],
    labels,
    read(input) {
      const r = readLesionField(input, key);
      if (!r.ok) return r;
      return typeof r.value === 'string'
        ? { ok: true, value: r.value }
        : { ok: false, gaps: [lesionGap(input, key, null)] };
    },
  };
}

/** A numeric feature read straight from a lesion field. */
export function numericLesionFeature(key: LesionFeatureKey, label: Label, unit: string): NumericFeature {
  return {
    kind: 'numeric',
    key,
    label,
    reads: [key],
    unit,
    read(input) {
      const r = readLesionField(input, key);
      if (!r.ok) return r;
      return typeof r.value === 'number'
        ? { ok: true, value: r.value }
        : { ok: false, gaps: [lesionGap(input, key, null)] };
    },
  };
}

/** The label of a feature's value, e.g. "Hyperintense" or "12 mm". */
export function describeValue(feature: Feature, value: string | number): Label {
  if (feature.kind === 'numeric') {
    const unit = feature.unit ? ` ${feature.unit}` : '';
    return { en: `${value}${unit}`, zh: `${value}${unit}` };
  }
  return feature.labels[String(value)] ?? { en: String(value), zh: String(value) };
}
