import { eligibilityDecision, followUpSchedule, type FormName, type ScheduledVisit } from '@cmr-mass/core';
import type { AnyRecord, CasebookResponse } from '../api/types.js';

/** One entry of a participant's timeline. */
export interface TimelineEntry {
  readonly date: string;
  readonly form: FormName;
  readonly record: AnyRecord;
  /** Entries shown under this one (lesions and readings under their exam). */
  readonly children: readonly TimelineEntry[];
}

const rec = (r: unknown): AnyRecord => r as AnyRecord;
const str = (r: AnyRecord, f: string): string => (typeof r[f] === 'string' ? r[f] : '');

/**
 * The timeline of a casebook, oldest first: registration, eligibility, CMR exams (with their lesions
 * and readings), reference diagnoses, treatments, follow-up contacts and outcome events.
 */
export function timelineOf(cb: CasebookResponse): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const p = rec(cb.participant);
  out.push({ date: p.createdAt.slice(0, 10), form: 'participant', record: p, children: [] });
  if (cb.eligibility) {
    const e = rec(cb.eligibility);
    out.push({ date: str(e, 'assessedDate'), form: 'eligibility', record: e, children: [] });
  }
  for (const x of cb.exams) {
    const exam = rec(x);
    const children: TimelineEntry[] = [];
    for (const f of cb.findings.filter((f) => f.examId === exam.id)) {
      children.push({ date: str(exam, 'examDate'), form: 'lesion_finding', record: rec(f), children: [] });
    }
    for (const r of cb.readings.filter((r) => r.examId === exam.id)) {
      children.push({ date: str(rec(r), 'readDate'), form: 'reading', record: rec(r), children: [] });
    }
    out.push({ date: str(exam, 'examDate'), form: 'cmr_exam', record: exam, children });
  }
  const add = (form: FormName, rows: readonly unknown[] | undefined, dateField: string): void => {
    for (const r of rows ?? []) {
      out.push({ date: str(rec(r), dateField), form, record: rec(r), children: [] });
    }
  };
  add('reference_diagnosis', cb.references, 'diagnosisDate');
  add('treatment', cb.treatments, 'startDate');
  add('follow_up_visit', cb.visits, 'contactDate');
  add('outcome_event', cb.events, 'eventDate');
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The follow-up schedule: the server's, or computed with core from the casebook. */
export function scheduleOf(cb: CasebookResponse, today: string): readonly ScheduledVisit[] {
  if (cb.schedule) return cb.schedule;
  const baseline = cb.exams.find((e) => e.kind === 'baseline');
  if (!baseline) return [];
  const death =
    (cb.events ?? [])
      .filter((e) => e.type === 'death')
      .map((e) => e.eventDate)
      .sort()[0] ?? null;
  return followUpSchedule({
    baselineDate: baseline.examDate,
    today,
    contacts: (cb.visits ?? []).map((v) => ({
      id: v.id,
      visitMonth: v.visitMonth ?? null,
      contactDate: v.contactDate,
      contactOutcome: v.contactOutcome,
    })),
    deathDate: death,
    withdrawnDate: cb.participant.withdrawnDate,
    lostToFollowUpDate: cb.participant.lostToFollowUpDate,
  });
}

/** The eligibility decision of the casebook (null before eligibility is recorded). */
export function decisionOf(cb: CasebookResponse): 'eligible' | 'excluded' | 'pending' | null {
  return cb.eligibility ? eligibilityDecision(cb.eligibility).decision : null;
}
