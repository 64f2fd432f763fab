import type { CasebookDates, FormName } from '@cmr-mass/core';
import { sql, type CompiledQuery } from 'kysely';
import { runPrepared } from './prepared.js';
import type { Tx } from './unit-of-work.js';

/** The forms whose dates the cross-record checks (`checkCasebook`) look at. */
export const DATED_FORMS: ReadonlySet<FormName> = new Set<FormName>([
  'participant',
  'cmr_exam',
  'reading',
  'reference_diagnosis',
  'treatment',
  'follow_up_visit',
  'outcome_event',
]);

/** One dated record of the casebook as the union query returns it. */
interface DatedRow {
  k: string;
  id: string;
  d1: string;
  d2: string | null;
  s1: string | null;
  s2: string | null;
  n1: number | null;
}

/** The casebook dates plus what the status derivation needs of the visits. */
export interface CasebookFacts extends CasebookDates {
  readonly visitFacts: readonly {
    readonly id: string;
    readonly visitMonth: number | null;
    readonly contactOutcome: string;
  }[];
}

/**
 * Reads the dated fields of a participant's live records in one indexed query (a UNION ALL over the
 * six dated tables, each by `participant_id`).
 */
export async function loadCasebookFacts(
  tx: Tx,
  p: { readonly id: string; readonly birthYear: number | null; readonly withdrawnDate: string | null }
): Promise<CasebookFacts> {
  const id = p.id;
  const t = sql`cast(null as text)`;
  const n = sql`cast(null as integer)`;
  const build = (): CompiledQuery<DatedRow> =>
    sql<DatedRow>`
    select 'exam' as k, id, exam_date as d1, ${t} as d2, kind as s1, ${t} as s2, ${n} as n1
      from cmr_exams where participant_id = ${id} and deleted_at is null
    union all select 'reading', id, read_date, ${t}, exam_id, ${t}, ${n}
      from readings where participant_id = ${id} and deleted_at is null
    union all select 'reference', id, diagnosis_date, ${t}, ${t}, ${t}, ${n}
      from reference_diagnoses where participant_id = ${id} and deleted_at is null
    union all select 'treatment', id, start_date, end_date, ${t}, ${t}, ${n}
      from treatments where participant_id = ${id} and deleted_at is null
    union all select 'visit', id, contact_date, ${t}, vital_status, contact_outcome, visit_month
      from follow_up_visits where participant_id = ${id} and deleted_at is null
    union all select 'event', id, event_date, ${t}, type, ${t}, ${n}
      from outcome_events where participant_id = ${id} and deleted_at is null`.compile(tx.db);
  const params = [id, id, id, id, id, id];
  const { rows } = await runPrepared<DatedRow>(tx.db, tx.dialect, 'casebook-dates', params, build);
  const exams: CasebookDates['exams'][number][] = [];
  const readings: CasebookDates['readings'][number][] = [];
  const references: CasebookDates['references'][number][] = [];
  const treatments: CasebookDates['treatments'][number][] = [];
  const visits: CasebookDates['visits'][number][] = [];
  const events: CasebookDates['events'][number][] = [];
  const visitFacts: CasebookFacts['visitFacts'][number][] = [];
  for (const r of rows) {
    switch (r.k) {
      case 'exam':
        exams.push({ id: r.id, kind: r.s1 === 'baseline' ? 'baseline' : 'follow_up', examDate: r.d1 });
        break;
      case 'reading':
        readings.push({ id: r.id, examId: r.s1 ?? '', readDate: r.d1 });
        break;
      case 'reference':
        references.push({ id: r.id, diagnosisDate: r.d1 });
        break;
      case 'treatment':
        treatments.push({ id: r.id, startDate: r.d1, endDate: r.d2 });
        break;
      case 'visit':
        visits.push({ id: r.id, contactDate: r.d1, vitalStatus: r.s1 });
        visitFacts.push({ id: r.id, visitMonth: r.n1, contactOutcome: r.s2 ?? '' });
        break;
      case 'event':
        events.push({ id: r.id, type: r.s1 ?? '', eventDate: r.d1 });
        break;
    }
  }
  // Creation order is not kept by a UNION: sort by date so "the first baseline" is stable.
  const byDate =
    <T extends { readonly id: string }>(key: (x: T) => string) =>
    (a: T, b: T): number =>
      key(a).localeCompare(key(b)) || a.id.localeCompare(b.id);
  exams.sort(byDate((e) => e.examDate));
  events.sort(byDate((e) => e.eventDate));
  return {
    birthYear: p.birthYear,
    withdrawnDate: p.withdrawnDate,
    exams,
    readings,
    references,
    treatments,
    visits,
    events,
    visitFacts,
  };
}

function replace<T extends { readonly id: string }>(list: readonly T[], id: string, item: T | null): T[] {
  const rest = list.filter((x) => x.id !== id);
  return item ? [...rest, item] : rest;
}

type Rec = Readonly<Record<string, unknown>>;
const s = (r: Rec, f: string): string => String(r[f]);
const sn = (r: Rec, f: string): string | null => (typeof r[f] === 'string' ? r[f] : null);

/**
 * The casebook with one record of `form` put in (or replaced, or taken out when `record` is null):
 * the "after" state of a write, to compare with the "before" state.
 */
export function withRecord(cb: CasebookFacts, form: FormName, id: string, record: Rec | null): CasebookFacts {
  const r = record;
  switch (form) {
    case 'participant':
      return r
        ? { ...cb, birthYear: (r.birthYear as number | null) ?? null, withdrawnDate: sn(r, 'withdrawnDate') }
        : cb;
    case 'cmr_exam':
      return {
        ...cb,
        exams: replace(
          cb.exams,
          id,
          r && { id, kind: r.kind === 'baseline' ? 'baseline' : 'follow_up', examDate: s(r, 'examDate') }
        ),
      };
    case 'reading':
      return {
        ...cb,
        readings: replace(cb.readings, id, r && { id, examId: s(r, 'examId'), readDate: s(r, 'readDate') }),
      };
    case 'reference_diagnosis':
      return {
        ...cb,
        references: replace(cb.references, id, r && { id, diagnosisDate: s(r, 'diagnosisDate') }),
      };
    case 'treatment':
      return {
        ...cb,
        treatments: replace(
          cb.treatments,
          id,
          r && { id, startDate: s(r, 'startDate'), endDate: sn(r, 'endDate') }
        ),
      };
    case 'follow_up_visit':
      return {
        ...cb,
        visits: replace(
          cb.visits,
          id,
          r && { id, contactDate: s(r, 'contactDate'), vitalStatus: sn(r, 'vitalStatus') }
        ),
        visitFacts: replace(
          cb.visitFacts,
          id,
          r && {
            id,
            visitMonth: (r.visitMonth as number | null) ?? null,
            contactOutcome: s(r, 'contactOutcome'),
          }
        ),
      };
    case 'outcome_event':
      return {
        ...cb,
        events: replace(cb.events, id, r && { id, type: s(r, 'type'), eventDate: s(r, 'eventDate') }),
      };
    default:
      return cb;
  }
}
