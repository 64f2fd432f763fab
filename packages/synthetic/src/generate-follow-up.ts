import {
  addMonths,
  VISIT_MONTHS,
  VISIT_WINDOWS,
  type ContactMode,
  type IsoDate,
  type VisitMonth,
  type WithdrawalReason,
  daysBetween,
  addDays,
} from '@cmr-mass/core';
import type { Course } from './generate-events.js';
import type { Rng } from './rng.js';

/** One follow-up contact attempt. */
export interface Contact {
  readonly month: VisitMonth;
  readonly day: number;
  readonly date: IsoDate;
  readonly reached: boolean;
  readonly mode: ContactMode;
  /** The contact learned of the participant's death (vital status "dead"). */
  readonly reportsDeath: boolean;
  /** Imaging done at the contact: a follow-up CMR, an echocardiogram, or none. */
  readonly imaging: 'cmr' | 'echo' | null;
}

/** The follow-up of one participant as of today. */
export interface FollowUp {
  readonly contacts: readonly Contact[];
  readonly withdrawal: {
    readonly day: number;
    readonly reasonCode: WithdrawalReason;
    readonly reason: string;
  } | null;
  readonly lost: { readonly day: number } | null;
}

/** When a follow-up CMR is wanted, by month (decided by the caller from type and care). */
export type CmrWanted = (month: VisitMonth, day: number) => boolean;

/**
 * Follow-up assumptions [U, README "Follow-up"]: each scheduled contact falls inside its window
 * (core's `VISIT_WINDOWS`) in 92 % of cases and outside (mostly late) in 8 %; 4 % of visits are
 * skipped with no record; 5 % of attempts fail, and 60 % of those succeed on a second try a few days
 * later; contacts in the last 45 days before today are still unrecorded in 40 % (the worklist's due and
 * overdue visits). 2.5 % of participants withdraw and 5 % (3 % retrospective) stop answering; after
 * two failed visits in a row (or a failed 36-month visit) they are declared lost. Retrospective
 * follow-up is mostly from electronic records; prospective mostly outpatient or telephone. The first
 * contact after a death reports it (mode telephone or record); nothing follows.
 */
export function drawFollowUp(
  rng: Rng,
  baselineDate: IsoDate,
  today: IsoDate,
  retrospective: boolean,
  course: Course,
  cmrWanted: CmrWanted
): FollowUp {
  const todayDay = daysBetween(baselineDate, today);
  const death = course.deathDay;
  let withdrawal: FollowUp['withdrawal'] = null;
  const wRng = rng.fork('withdrawal');
  if (wRng.chance(0.025)) {
    const day = wRng.int(20, 1096);
    const reasonCode = wRng.pick<WithdrawalReason>([
      ['participant_request', 0.6],
      ['investigator_decision', 0.2],
      ['enrolled_in_error', 0.1],
      ['other', 0.1],
    ]);
    if (day <= todayDay && (death === null || day < death)) {
      withdrawal = { day, reasonCode, reason: 'Synthetic withdrawal (demo data).' };
    }
  }
  const lRng = rng.fork('loss');
  const lossStart = lRng.chance(retrospective ? 0.03 : 0.05) ? lRng.int(20, 1096) : null;
  const contacts: Contact[] = [];
  let lost: FollowUp['lost'] = null;
  let prevDay = 0;
  let failedVisits = 0;
  for (const month of VISIT_MONTHS) {
    const v = rng.fork(`visit-${month}`);
    const targetDay = daysBetween(baselineDate, addMonths(baselineDate, month));
    const w = VISIT_WINDOWS[month];
    const outside = v.chance(0.08);
    const late = v.chance(0.8);
    const offset = outside
      ? late
        ? w.after + v.int(1, 45)
        : -(w.before + v.int(1, 15))
      : Math.round(v.truncNormal(0, w.after / 2, -w.before, w.after));
    const day = Math.max(targetDay + offset, prevDay + 1);
    const date = addDays(baselineDate, day);
    const backlog = v.chance(0.4);
    const skipped = v.chance(0.04);
    const failed = v.chance(0.05);
    const retry = v.chance(0.6);
    const retryAfter = v.int(3, 14);
    const mode: ContactMode = retrospective
      ? v.pick<ContactMode>([
          ['electronic_record', 0.7],
          ['telephone', 0.2],
          ['outpatient', 0.1],
        ])
      : v.pick<ContactMode>([
          ['outpatient', 0.45],
          ['telephone', 0.4],
          ['electronic_record', 0.15],
        ]);
    const echo = v.chance(0.6);
    const deathMode: ContactMode = v.chance(0.6) ? 'telephone' : 'electronic_record';
    if (day > todayDay) break;
    if (withdrawal !== null && day > withdrawal.day) break;
    if (todayDay - day < 45 && backlog) break;
    const unreachable = lossStart !== null && day >= lossStart;
    if (death !== null && death < day && !(lossStart !== null && lossStart <= death)) {
      contacts.push({ month, day, date, reached: true, mode: deathMode, reportsDeath: true, imaging: null });
      break;
    }
    if (unreachable || (death !== null && death < day)) {
      contacts.push({
        month,
        day,
        date,
        reached: false,
        mode: 'telephone',
        reportsDeath: false,
        imaging: null,
      });
      let last = day;
      if (day + retryAfter <= todayDay && (withdrawal === null || day + retryAfter <= withdrawal.day)) {
        last = day + retryAfter;
        contacts.push({
          month,
          day: last,
          date: addDays(baselineDate, last),
          reached: false,
          mode: 'telephone',
          reportsDeath: false,
          imaging: null,
        });
      }
      prevDay = last;
      failedVisits++;
      if (failedVisits >= 2 || month === 36) {
        lost = { day: last };
        break;
      }
      continue;
    }
    if (skipped) continue;
    let contactDay = day;
    if (failed) {
      contacts.push({
        month,
        day,
        date,
        reached: false,
        mode: 'telephone',
        reportsDeath: false,
        imaging: null,
      });
      prevDay = day;
      contactDay = day + retryAfter;
      if (!retry || contactDay > todayDay || (withdrawal !== null && contactDay > withdrawal.day)) continue;
      if (death !== null && death < contactDay) continue;
    }
    const cmr = cmrWanted(month, contactDay);
    contacts.push({
      month,
      day: contactDay,
      date: addDays(baselineDate, contactDay),
      reached: true,
      mode: cmr ? 'outpatient' : mode,
      reportsDeath: false,
      imaging: cmr ? 'cmr' : mode === 'outpatient' && echo ? 'echo' : null,
    });
    prevDay = contactDay;
    failedVisits = 0;
  }
  return { contacts, withdrawal, lost };
}
