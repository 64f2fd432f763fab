import { MassCategory, ReferenceMethod, type ExclusionReason, type ParticipantStatus } from '@cmr-mass/core';
import type { AnalysisDataset } from '../../dataset/dataset.js';

/** The exclusion reasons in display order. */
export const EXCLUSION_REASONS: readonly ExclusionReason[] = [
  'no_cmr',
  'consent_declined',
  'mass_undetermined',
  'follow_up_impossible',
  'other',
];

/** A labelled count. */
export interface Count<K extends string = string> {
  readonly key: K;
  readonly n: number;
}

/**
 * The participant flow of STARD 2015 item 19 and STROBE item 13: from everyone registered to the
 * numbers in the diagnostic and the prognostic analyses.
 */
export interface FlowCounts {
  /** Everyone registered: assessed for eligibility. */
  readonly registered: number;
  /** Eligibility not yet decided. */
  readonly screening: number;
  readonly excluded: number;
  /** Reasons for exclusion; a participant may have several, so these can sum to more than `excluded`. */
  readonly exclusion_reasons: readonly Count<ExclusionReason>[];
  /** Enrolled participants: the rows of the analysis dataset. */
  readonly enrolled: number;
  readonly no_baseline_cmr: number;
  readonly cmr_done: number;
  /** CMR done but no blinded reading of it: the index test is missing (indeterminate). */
  readonly index_test_missing: number;
  /** The blinded readings' diagnostic categories. */
  readonly index_test_results: readonly Count[];
  /** Reference standard by method, among those with a blinded reading. */
  readonly reference_by_method: readonly Count[];
  /** A blinded reading but no reference diagnosis yet. */
  readonly reference_missing: number;
  /** In the k x k table of Question 1 (reference and blinded reading both known). */
  readonly in_diagnostic_analysis: number;
  /** Participant status among the enrolled. */
  readonly status: readonly Count<ParticipantStatus>[];
  readonly withdrawn: number;
  readonly lost_to_follow_up: number;
  readonly died: number;
  /** Enrolled participants with follow-up time (a baseline CMR): the prognostic analyses. */
  readonly in_prognostic_analysis: number;
}

/** Counts the participant flow from the analysis dataset (and its counts of the not enrolled). */
export function flowCounts(dataset: AnalysisDataset): FlowCounts {
  const { registered, screening, excluded, reasons } = dataset.screening;
  const rows = dataset.participants;
  const withCmr = rows.filter((r) => r.baseline_cmr_date !== null);
  const read = withCmr.filter((r) => r.cmr_category !== null);
  const statuses: ParticipantStatus[] = ['enrolled', 'completed', 'lost_to_follow_up', 'withdrawn'];
  const count = (pred: (r: (typeof rows)[number]) => boolean): number => rows.filter(pred).length;
  return {
    registered,
    screening,
    excluded,
    exclusion_reasons: EXCLUSION_REASONS.map((key) => ({ key, n: reasons[key] ?? 0 })),
    enrolled: rows.length,
    no_baseline_cmr: rows.length - withCmr.length,
    cmr_done: withCmr.length,
    index_test_missing: withCmr.length - read.length,
    index_test_results: MassCategory.codes.map((key) => ({
      key,
      n: read.filter((r) => r.cmr_category === key).length,
    })),
    reference_by_method: ReferenceMethod.codes.map((key) => ({
      key,
      n: read.filter((r) => r.ref_method === key).length,
    })),
    reference_missing: read.filter((r) => r.ref_category === null).length,
    in_diagnostic_analysis: read.filter((r) => r.ref_category !== null).length,
    status: statuses.map((key) => ({ key, n: count((r) => r.status === key) })),
    withdrawn: count((r) => r.status === 'withdrawn'),
    lost_to_follow_up: count((r) => r.status === 'lost_to_follow_up'),
    died: count((r) => r.event_death === 1),
    in_prognostic_analysis: count((r) => r.time_death_days !== null),
  };
}
