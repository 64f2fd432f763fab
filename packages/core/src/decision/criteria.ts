import { describeValue } from './feature.js';
import {
  FEATURES,
  type CodedFeatureKey,
  type FeatureKey,
  type FeatureValues,
  type NumericFeatureKey,
} from './features.js';
import type { DecisionInput } from './input.js';
import type { Gap, Label, Reason } from './reason.js';
import { citation, type Evidence, type SourceId } from './sources.js';

/**
 * A range of a numeric feature and the points it carries: `min` inclusive, `below` exclusive, either
 * may be left open; `note` explains the threshold.
 */
export interface NumericBin {
  readonly min?: number;
  readonly below?: number;
  readonly points: number;
  readonly note?: Label;
}

/**
 * One rule of a diagnosis or a tissue rule: a feature and the points each of its values carries
 * (positive for, negative against, absent or 0 neutral). Criteria are plain data, so that the whole
 * rule set can be listed (`decisionRulesTable`) and fingerprinted.
 */
export interface Criterion {
  /** Stable within its rule set, e.g. `nulling_long_ti`. */
  readonly id: string;
  readonly feature: FeatureKey;
  /** For a coded feature: points per value. */
  readonly points?: Readonly<Record<string, number>>;
  /** For a numeric feature: the first bin containing the value gives the points. */
  readonly bins?: readonly NumericBin[];
  /** A short explanation shown with the reason. */
  readonly why?: Label;
  readonly source: SourceId;
  /** How well the fact is supported (clinical.md's legend); the points themselves are engineering choices. */
  readonly evidence: Evidence;
  /** An optional criterion only adds points when read; a missing value is not reported as missing. */
  readonly optional: boolean;
}

/** Where a criterion comes from and how it is shown. */
export interface CriterionMeta {
  readonly source: SourceId;
  readonly evidence: Evidence;
  readonly why?: Label;
  readonly optional?: boolean;
}

/** A criterion on a coded feature; the value codes are checked against the feature's type. */
export function coded<K extends CodedFeatureKey>(
  id: string,
  feature: K,
  points: Partial<Record<FeatureValues[K], number>>,
  meta: CriterionMeta
): Criterion {
  return Object.freeze({
    id,
    feature,
    points: Object.freeze({ ...(points as Record<string, number>) }),
    source: meta.source,
    evidence: meta.evidence,
    optional: meta.optional ?? false,
    ...(meta.why ? { why: meta.why } : {}),
  });
}

/** A criterion on a numeric feature, by bins. */
export function numeric(
  id: string,
  feature: NumericFeatureKey,
  bins: readonly NumericBin[],
  meta: CriterionMeta
): Criterion {
  return Object.freeze({
    id,
    feature,
    bins: Object.freeze([...bins]),
    source: meta.source,
    evidence: meta.evidence,
    optional: meta.optional ?? false,
    ...(meta.why ? { why: meta.why } : {}),
  });
}

/** The outcome of one criterion on one input. */
export type Evaluation =
  | { readonly kind: 'for' | 'against'; readonly reason: Reason }
  | { readonly kind: 'neutral' }
  | { readonly kind: 'missing'; readonly gaps: readonly Gap[]; readonly optional: boolean };

function binOf(bins: readonly NumericBin[], v: number): NumericBin | undefined {
  return bins.find((b) => (b.min === undefined || v >= b.min) && (b.below === undefined || v < b.below));
}

/**
 * Evaluates one criterion.
 *
 * @param prefix - the rule set's name, the first part of each reason's code (`myxoma`)
 * @param c - the criterion
 * @param input - the decision input
 */
export function evaluate(prefix: string, c: Criterion, input: DecisionInput): Evaluation {
  const feature = FEATURES[c.feature];
  const read = feature.read(input);
  if (!read.ok) return { kind: 'missing', gaps: read.gaps, optional: c.optional };
  let points = 0;
  let note = c.why;
  if (feature.kind === 'numeric' && typeof read.value === 'number') {
    const bin = binOf(c.bins ?? [], read.value);
    points = bin?.points ?? 0;
    note = bin?.note ?? c.why;
  } else {
    points = c.points?.[String(read.value)] ?? 0;
  }
  if (points === 0) return { kind: 'neutral' };
  const value = describeValue(feature, read.value);
  const reason: Reason = {
    code: `${prefix}.${c.id}`,
    en: `${feature.label.en}: ${value.en}${note ? ` (${note.en})` : ''}`,
    zh: `${feature.label.zh}：${value.zh}${note ? `（${note.zh}）` : ''}`,
    finding: feature.key,
    fields: feature.reads,
    value: read.value,
    points: Math.abs(points),
    source: c.source,
    citation: citation(c.source),
    evidence: c.evidence,
  };
  return { kind: points > 0 ? 'for' : 'against', reason };
}

/** The reasons, points and gaps of a rule set on one input. */
export interface Tally {
  readonly for: readonly Reason[];
  readonly against: readonly Reason[];
  readonly pointsFor: number;
  readonly pointsAgainst: number;
  /** Gaps of the non-optional criteria that could not be read. */
  readonly gaps: readonly Gap[];
  /** Criteria read (for, against or neutral), and in all. */
  readonly evaluated: number;
  readonly total: number;
}

const byPoints = (a: Reason, b: Reason): number => b.points - a.points;

/**
 * Evaluates a rule set: reasons for and against (heaviest first; ties keep the rule set's order), the
 * sum of their points, and what was missing.
 */
export function tally(prefix: string, criteria: readonly Criterion[], input: DecisionInput): Tally {
  const pro: Reason[] = [];
  const con: Reason[] = [];
  const gaps: Gap[] = [];
  let evaluated = 0;
  for (const c of criteria) {
    const e = evaluate(prefix, c, input);
    if (e.kind === 'missing') {
      if (!e.optional) gaps.push(...e.gaps);
      continue;
    }
    evaluated += 1;
    if (e.kind === 'for') pro.push(e.reason);
    else if (e.kind === 'against') con.push(e.reason);
  }
  const sum = (rs: readonly Reason[]): number => rs.reduce((s, r) => s + r.points, 0);
  return {
    for: pro.sort(byPoints),
    against: con.sort(byPoints),
    pointsFor: sum(pro),
    pointsAgainst: sum(con),
    gaps,
    evaluated,
    total: criteria.length,
  };
}
