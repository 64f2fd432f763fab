import type { FindingKey } from './input.js';
import type { Evidence, SourceId } from './sources.js';

/** A text for people in both of the application's languages. */
export interface Label {
  readonly en: string;
  readonly zh: string;
}

/**
 * One finding that points towards (or away from) a diagnosis or a rule's conclusion, with the
 * points it carries, where it comes from and how well the fact is supported.
 */
export interface Reason {
  /** A stable code: `<candidate or rule>.<criterion>`, e.g. `thrombus.nulling_long_ti`. */
  readonly code: string;
  /** The finding as read, e.g. "T2-weighted signal: Hypointense (fibromas are T2-dark)". */
  readonly en: string;
  readonly zh: string;
  /** The feature the reason reads: an input field, or a derived feature such as `valvular`. */
  readonly finding: string;
  /** The input fields behind that feature. */
  readonly fields: readonly FindingKey[];
  /** The value read: a code (`hyper`, `yes`) or a number (a size in mm, an age in years). */
  readonly value: string | number;
  /** The weight of the reason in points (always positive; the list it is in gives the direction). */
  readonly points: number;
  readonly source: SourceId;
  /** The short citation of `source`. */
  readonly citation: string;
  /** How well the fact behind the rule is supported ({@link Evidence}); weights are engineering choices. */
  readonly evidence: Evidence;
}

/**
 * Why a finding a rule needs could not be read: `not_recorded` (the field is empty),
 * `not_acquired` (the exam did not include the sequence), `not_assessed` (the reader coded it as not
 * assessable), `no_lesion` (the exam has no lesion to read it from).
 */
export type GapReason = 'not_recorded' | 'not_acquired' | 'not_assessed' | 'no_lesion';

/** A finding a rule needed and did not get. */
export interface Gap {
  readonly finding: FindingKey;
  readonly why: GapReason;
}

/** The findings named by a list of gaps, each once, in first-seen order. */
export function gapFindings(gaps: readonly Gap[]): FindingKey[] {
  return [...new Set(gaps.map((g) => g.finding))];
}

/** Gaps without repeats (same finding and reason), in first-seen order. */
export function uniqueGaps(gaps: readonly Gap[]): Gap[] {
  const seen = new Set<string>();
  const out: Gap[] = [];
  for (const g of gaps) {
    const k = `${g.finding}:${g.why}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(g);
    }
  }
  return out;
}
