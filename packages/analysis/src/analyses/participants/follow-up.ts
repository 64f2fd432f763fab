import { VISIT_MONTHS, VisitStatus, type VisitMonth } from '@cmr-mass/core';
import type { VisitRow } from '../../dataset/dataset.js';
import { proportion, type Proportion } from '../common.js';

/** The statuses of the follow-up schedule in display order. */
export const VISIT_STATUSES: readonly VisitStatus[] = Object.values(VisitStatus);

/** Completeness of one scheduled visit (STROBE item 14c). */
export interface VisitCompleteness {
  readonly month: VisitMonth;
  /** Participants per schedule status (core's `followUpSchedule` as of the snapshot's date). */
  readonly by_status: readonly { readonly status: VisitStatus; readonly n: number }[];
  /** Visits that were expected: done (in or out of window) or missed; not yet due and not required are left out. */
  readonly expected: number;
  /** Done among expected, with its exact CI. */
  readonly done: Proportion;
}

/** Follow-up completeness for each of the six visits. */
export interface FollowUpCompleteness {
  readonly visits: readonly VisitCompleteness[];
  /** How to reproduce from `data/analysis_visits.csv`. */
  readonly r_code: string;
}

/**
 * For each visit (1, 3, 6, 12, 24, 36 months), how many participants' visits were done, missed, not
 * required (death, withdrawal, loss before the window closed) or not yet due, and the share done
 * among those expected.
 */
export function followUpCompleteness(visits: readonly VisitRow[]): FollowUpCompleteness {
  const out = VISIT_MONTHS.map((month) => {
    const mine = visits.filter((v) => v.visit_month === month);
    const by_status = VISIT_STATUSES.map((status) => ({
      status,
      n: mine.filter((v) => v.status === status).length,
    }));
    const n = (s: VisitStatus): number => by_status.find((b) => b.status === s)!.n;
    const done = n('done') + n('done_out_of_window');
    const expected = done + n('missed');
    return { month, by_status, expected, done: proportion(done, expected) };
  });
  return {
    visits: out,
    r_code: [
      'v <- read.csv("data/analysis_visits.csv")',
      'table(v$visit_month, v$status)',
      'e <- subset(v, status %in% c("done", "done_out_of_window", "missed"))',
      'by(e, e$visit_month, function(x) binom.test(sum(x$status != "missed"), nrow(x))$conf.int)',
    ].join('\n'),
  };
}
