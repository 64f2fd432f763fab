import { addDays, addMonths, daysBetween, minDate, type IsoDate } from '../util/dates.js';
import { VISIT_MONTHS, type VisitMonth } from '../vocab/care.js';

/**
 * The window of each scheduled visit, in days before and after its target date (REDCap's event
 * `offset_min`/`offset_max`; ODM 2.0 `DurationTimingConstraint`). Wider windows for later visits,
 * as telephone follow-up at 2-3 years is rarely on the day. An engineering choice, not a published rule.
 */
export const VISIT_WINDOWS: Readonly<
  Record<VisitMonth, { readonly before: number; readonly after: number }>
> = {
  1: { before: 7, after: 14 },
  3: { before: 14, after: 14 },
  6: { before: 30, after: 30 },
  12: { before: 30, after: 30 },
  24: { before: 60, after: 60 },
  36: { before: 60, after: 60 },
};

/**
 * The state of one scheduled visit as of "today":
 * - `upcoming`: its window has not opened;
 * - `due`: the window is open and the target date not yet passed;
 * - `overdue`: past the target date, the window still open;
 * - `missed`: the window closed with no successful contact;
 * - `done` / `done_out_of_window`: a successful contact for this visit, inside or outside its window;
 * - `not_required`: the participant died, withdrew or was lost before the window closed.
 */
export const VisitStatus = {
  upcoming: 'upcoming',
  due: 'due',
  overdue: 'overdue',
  missed: 'missed',
  done: 'done',
  done_out_of_window: 'done_out_of_window',
  not_required: 'not_required',
} as const;
export type VisitStatus = (typeof VisitStatus)[keyof typeof VisitStatus];

/** One scheduled visit with its dates and status. */
export interface ScheduledVisit {
  readonly month: VisitMonth;
  readonly targetDate: IsoDate;
  readonly windowStart: IsoDate;
  readonly windowEnd: IsoDate;
  readonly status: VisitStatus;
  /** The successful contact that fulfilled the visit, if any. */
  readonly visitId: string | null;
  readonly contactDate: IsoDate | null;
  /** Contacts attempted for this visit that did not reach the participant. */
  readonly failedAttempts: number;
  /** Days from today to the window's end (negative once closed): smaller is more urgent. */
  readonly daysToWindowEnd: number;
}

/** What the schedule is computed from. */
export interface ScheduleInput {
  readonly baselineDate: IsoDate;
  readonly today: IsoDate;
  readonly contacts: readonly {
    readonly id: string;
    readonly visitMonth: VisitMonth | null;
    readonly contactDate: IsoDate;
    readonly contactOutcome: 'reached' | 'not_reached';
  }[];
  /** Dates after which no visit is required: death, withdrawal, loss to follow-up. */
  readonly deathDate?: IsoDate | null;
  readonly withdrawnDate?: IsoDate | null;
  readonly lostToFollowUpDate?: IsoDate | null;
}

/**
 * The follow-up schedule: visits at 1, 3, 6, 12, 24 and 36 months after the baseline CMR, each with
 * its target date, window and status, as a pure function of the data and "today".
 */
export function followUpSchedule(input: ScheduleInput): ScheduledVisit[] {
  const stop = minDate(minDate(input.deathDate, input.withdrawnDate), input.lostToFollowUpDate);
  return VISIT_MONTHS.map((month) => {
    const targetDate = addMonths(input.baselineDate, month);
    const w = VISIT_WINDOWS[month];
    const windowStart = addDays(targetDate, -w.before);
    const windowEnd = addDays(targetDate, w.after);
    const mine = input.contacts.filter((c) => c.visitMonth === month);
    const reached = mine
      .filter((c) => c.contactOutcome === 'reached')
      .sort((a, b) => (a.contactDate < b.contactDate ? -1 : a.contactDate > b.contactDate ? 1 : 0));
    const done =
      reached.find((c) => c.contactDate >= windowStart && c.contactDate <= windowEnd) ?? reached[0];
    const failedAttempts = mine.length - reached.length;
    const daysToWindowEnd = daysBetween(input.today, windowEnd);
    let status: VisitStatus;
    if (done) {
      status =
        done.contactDate >= windowStart && done.contactDate <= windowEnd ? 'done' : 'done_out_of_window';
    } else if (stop !== null && stop <= windowEnd) {
      status = 'not_required';
    } else if (input.today < windowStart) {
      status = 'upcoming';
    } else if (input.today <= targetDate) {
      status = 'due';
    } else if (input.today <= windowEnd) {
      status = 'overdue';
    } else {
      status = 'missed';
    }
    return {
      month,
      targetDate,
      windowStart,
      windowEnd,
      status,
      visitId: done?.id ?? null,
      contactDate: done?.contactDate ?? null,
      failedAttempts,
      daysToWindowEnd,
    };
  });
}

/** Worklist order: overdue first (closing soonest first), then due, then recently missed; others last. */
export function urgencyRank(v: ScheduledVisit): number {
  const band = {
    overdue: 0,
    due: 1,
    missed: 2,
    upcoming: 3,
    done_out_of_window: 4,
    done: 5,
    not_required: 6,
  }[v.status];
  const within = v.status === 'missed' ? -v.daysToWindowEnd : v.daysToWindowEnd;
  return band * 100_000 + Math.max(0, Math.min(99_999, within));
}
