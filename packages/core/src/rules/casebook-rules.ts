import type { IsoDate } from '../util/dates.js';
import { daysBetween } from '../util/dates.js';
import type { FieldRef, RuleViolation } from './types.js';

/**
 * The dated facts of one participant's casebook: all a cross-record date check needs. The
 * repositories build it inside the write's transaction, with the change applied.
 */
export interface CasebookDates {
  readonly birthYear: number | null;
  readonly withdrawnDate: IsoDate | null;
  readonly exams: readonly {
    readonly id: string;
    readonly kind: 'baseline' | 'follow_up';
    readonly examDate: IsoDate;
  }[];
  readonly readings: readonly { readonly id: string; readonly examId: string; readonly readDate: IsoDate }[];
  readonly references: readonly { readonly id: string; readonly diagnosisDate: IsoDate }[];
  readonly treatments: readonly {
    readonly id: string;
    readonly startDate: IsoDate;
    readonly endDate: IsoDate | null;
  }[];
  readonly visits: readonly {
    readonly id: string;
    readonly contactDate: IsoDate;
    readonly vitalStatus: string | null;
  }[];
  readonly events: readonly { readonly id: string; readonly type: string; readonly eventDate: IsoDate }[];
}

/** How long before the baseline CMR a treatment may have started without a warning (ongoing anticoagulation, say). */
const TREATMENT_BEFORE_BASELINE_DAYS = 365;
/** How long before the baseline CMR a reference diagnosis may be dated without a warning (prior biopsy). */
const REFERENCE_BEFORE_BASELINE_DAYS = 90;

function v(
  rule: string,
  severity: 'error' | 'warning',
  message: string,
  involves: readonly FieldRef[]
): RuleViolation {
  return { rule, severity, field: involves[0]?.field ?? '', message, involves };
}

/**
 * Checks the order of dates across a participant's records (clinical.md, issue "plausibility"):
 * one baseline CMR; nothing that must follow the baseline CMR dated before it (follow-up exams,
 * readings, contacts, events); nothing after death but the death (and contacts that report it);
 * no contact after withdrawal; an age at baseline between 0 and 110.
 */
export function checkCasebook(cb: CasebookDates): RuleViolation[] {
  const out: RuleViolation[] = [];
  const baselines = cb.exams.filter((e) => e.kind === 'baseline');
  for (const extra of baselines.slice(1)) {
    out.push(
      v('one_baseline', 'error', 'the participant already has a baseline CMR exam', [
        { form: 'cmr_exam', id: extra.id, field: 'kind' },
      ])
    );
  }
  const baseline = baselines[0];
  const deaths = cb.events.filter((e) => e.type === 'death');
  for (const extra of deaths.slice(1)) {
    out.push(
      v('one_death', 'error', 'the participant already has a death recorded', [
        { form: 'outcome_event', id: extra.id, field: 'type' },
      ])
    );
  }
  const death = deaths[0];

  if (baseline) {
    const b = baseline.examDate;
    const baseRef: FieldRef = { form: 'cmr_exam', id: baseline.id, field: 'examDate' };
    const before = (what: string, d: IsoDate): string => `${what} (${d}) is before the baseline CMR (${b})`;
    if (cb.birthYear !== null) {
      const by = cb.birthYear;
      const year = Number(b.slice(0, 4));
      if (year < by || year - by > 110) {
        out.push(
          v(
            'age_at_baseline',
            'error',
            `the baseline CMR (${b}) gives an age of ${year - by} years for birth year ${by}`,
            [baseRef, { form: 'participant', field: 'birthYear' }]
          )
        );
      }
    }
    for (const e of cb.exams) {
      if (e.kind === 'follow_up' && e.examDate < b) {
        out.push(
          v('exam_after_baseline', 'error', before('the follow-up exam', e.examDate), [
            { form: 'cmr_exam', id: e.id, field: 'examDate' },
            baseRef,
          ])
        );
      }
    }
    for (const x of cb.visits) {
      if (x.contactDate < b) {
        out.push(
          v('visit_after_baseline', 'error', before('the follow-up contact', x.contactDate), [
            { form: 'follow_up_visit', id: x.id, field: 'contactDate' },
            baseRef,
          ])
        );
      }
    }
    for (const x of cb.events) {
      if (x.eventDate < b) {
        out.push(
          v('event_after_baseline', 'error', before(`the ${x.type} event`, x.eventDate), [
            { form: 'outcome_event', id: x.id, field: 'eventDate' },
            baseRef,
          ])
        );
      }
    }
    for (const t of cb.treatments) {
      if (daysBetween(t.startDate, b) > TREATMENT_BEFORE_BASELINE_DAYS) {
        out.push(
          v(
            'treatment_near_baseline',
            'warning',
            `the treatment started ${daysBetween(t.startDate, b)} days before the baseline CMR (${b})`,
            [{ form: 'treatment', id: t.id, field: 'startDate' }, baseRef]
          )
        );
      }
      if (t.endDate !== null && t.endDate < b) {
        out.push(
          v('treatment_end_after_baseline', 'error', before('the end of the treatment', t.endDate), [
            { form: 'treatment', id: t.id, field: 'endDate' },
            baseRef,
          ])
        );
      }
    }
    for (const r of cb.references) {
      if (daysBetween(r.diagnosisDate, b) > REFERENCE_BEFORE_BASELINE_DAYS) {
        out.push(
          v(
            'reference_near_baseline',
            'warning',
            `the reference diagnosis is dated ${daysBetween(r.diagnosisDate, b)} days before the baseline CMR (${b})`,
            [{ form: 'reference_diagnosis', id: r.id, field: 'diagnosisDate' }, baseRef]
          )
        );
      }
    }
  }
  for (const r of cb.readings) {
    const exam = cb.exams.find((e) => e.id === r.examId);
    if (exam && r.readDate < exam.examDate) {
      out.push(
        v(
          'read_after_exam',
          'error',
          `the reading (${r.readDate}) is before the exam it reads (${exam.examDate})`,
          [
            { form: 'reading', id: r.id, field: 'readDate' },
            { form: 'cmr_exam', id: exam.id, field: 'examDate' },
          ]
        )
      );
    }
  }

  if (death) {
    const d = death.eventDate;
    const deathRef: FieldRef = { form: 'outcome_event', id: death.id, field: 'eventDate' };
    const after = (what: string, x: IsoDate): string =>
      `${what} (${x}) is after the participant's death (${d})`;
    for (const e of cb.events) {
      if (e.id !== death.id && e.eventDate > d) {
        out.push(
          v('nothing_after_death', 'error', after(`the ${e.type} event`, e.eventDate), [
            { form: 'outcome_event', id: e.id, field: 'eventDate' },
            deathRef,
          ])
        );
      }
    }
    for (const e of cb.exams) {
      if (e.examDate > d) {
        out.push(
          v('nothing_after_death', 'error', after('the CMR exam', e.examDate), [
            { form: 'cmr_exam', id: e.id, field: 'examDate' },
            deathRef,
          ])
        );
      }
    }
    for (const t of cb.treatments) {
      if (t.startDate > d) {
        out.push(
          v('nothing_after_death', 'error', after('the start of the treatment', t.startDate), [
            { form: 'treatment', id: t.id, field: 'startDate' },
            deathRef,
          ])
        );
      }
      if (t.endDate !== null && t.endDate > d) {
        out.push(
          v('nothing_after_death', 'error', after('the end of the treatment', t.endDate), [
            { form: 'treatment', id: t.id, field: 'endDate' },
            deathRef,
          ])
        );
      }
    }
    for (const x of cb.visits) {
      if (x.contactDate > d && x.vitalStatus === 'alive') {
        out.push(
          v(
            'alive_after_death',
            'error',
            `the contact of ${x.contactDate} reports the participant alive after their death (${d})`,
            [{ form: 'follow_up_visit', id: x.id, field: 'vitalStatus' }, deathRef]
          )
        );
      }
    }
  }
  for (const x of cb.visits) {
    if (x.vitalStatus === 'dead' && !death) {
      out.push(
        v(
          'death_event_missing',
          'warning',
          `the contact of ${x.contactDate} reports a death: record it as an outcome event with its date`,
          [{ form: 'follow_up_visit', id: x.id, field: 'vitalStatus' }]
        )
      );
    }
  }
  if (cb.withdrawnDate !== null) {
    const w = cb.withdrawnDate;
    for (const x of cb.visits) {
      if (x.contactDate > w) {
        out.push(
          v(
            'no_contact_after_withdrawal',
            'error',
            `the contact of ${x.contactDate} is after the participant withdrew (${w})`,
            [
              { form: 'follow_up_visit', id: x.id, field: 'contactDate' },
              { form: 'participant', field: 'withdrawnDate' },
            ]
          )
        );
      }
    }
  }
  return out;
}

/** A stable key of a violation, to tell violations a change introduces from those already there. */
export function violationKey(x: RuleViolation): string {
  return `${x.rule}|${(x.involves ?? []).map((i) => `${i.form}:${i.id ?? ''}:${i.field}`).join(',')}`;
}

/**
 * The errors that a change introduces: those in `after` that were not in `before`. A repository
 * refuses the write when this is not empty, so that an old inconsistency does not block unrelated
 * edits but no edit can create a new one.
 */
export function newErrors(
  before: readonly RuleViolation[],
  after: readonly RuleViolation[]
): RuleViolation[] {
  const seen = new Set(before.filter((x) => x.severity === 'error').map(violationKey));
  return after.filter((x) => x.severity === 'error' && !seen.has(violationKey(x)));
}
