import {
  checkCasebook,
  checkRecord,
  forms,
  missingForComplete,
  siteCreate,
  type CasebookDates,
  type FieldStrength,
  type RuleViolation,
} from '@cmr-mass/core';
import type { SyntheticCohort, SyntheticParticipant, SyntheticRecord } from './types.js';

/** A problem with a generated record: it would not parse, or a plausibility rule refuses it. */
export interface CohortIssue {
  readonly participantId: string | null;
  readonly form: string;
  readonly recordId: string | null;
  readonly kind: 'schema' | 'required' | 'record_rule' | 'casebook_rule';
  readonly severity: 'error' | 'warning';
  readonly field: string;
  readonly message: string;
}

type Rec = Readonly<Record<string, unknown>>;

function casebookOf(p: SyntheticParticipant): CasebookDates {
  const exams: { id: string; kind: 'baseline' | 'follow_up'; examDate: string }[] = [];
  const readings: { id: string; examId: string; readDate: string }[] = [];
  const references: { id: string; diagnosisDate: string }[] = [];
  const treatments: { id: string; startDate: string; endDate: string | null }[] = [];
  const visits: { id: string; contactDate: string; vitalStatus: string | null }[] = [];
  const events: { id: string; type: string; eventDate: string }[] = [];
  let birthYear: number | null = null;
  for (const r of p.records) {
    switch (r.form) {
      case 'participant':
        birthYear = r.data.birthYear ?? null;
        break;
      case 'cmr_exam':
        exams.push({ id: r.id, kind: r.data.kind, examDate: r.data.examDate });
        break;
      case 'reading':
        readings.push({ id: r.id, examId: r.data.examId, readDate: r.data.readDate });
        break;
      case 'reference_diagnosis':
        references.push({ id: r.id, diagnosisDate: r.data.diagnosisDate });
        break;
      case 'treatment':
        treatments.push({ id: r.id, startDate: r.data.startDate, endDate: r.data.endDate ?? null });
        break;
      case 'follow_up_visit':
        visits.push({ id: r.id, contactDate: r.data.contactDate, vitalStatus: r.data.vitalStatus ?? null });
        break;
      case 'outcome_event':
        events.push({ id: r.id, type: r.data.type, eventDate: r.data.eventDate });
        break;
      default:
        break;
    }
  }
  return {
    birthYear,
    withdrawnDate: p.withdrawal?.date ?? null,
    exams,
    readings,
    references,
    treatments,
    visits,
    events,
  };
}

const asIssue =
  (p: SyntheticParticipant, r: SyntheticRecord | null, kind: CohortIssue['kind']) =>
  (v: RuleViolation): CohortIssue => ({
    participantId: p.id,
    form: r?.form ?? 'casebook',
    recordId: r?.id ?? v.involves?.[0]?.id ?? null,
    kind,
    severity: v.severity,
    field: v.field,
    message: v.message,
  });

/**
 * Checks a generated cohort as the repositories would: every site and record parses with core's
 * `create` schema, records saved as complete have their required fields, and core's plausibility
 * rules (`checkRecord` per record with the right context, `checkCasebook` per participant) find no
 * errors. Warnings are returned too (values outside the typical range are allowed).
 */
export function validateCohort(cohort: SyntheticCohort): CohortIssue[] {
  const out: CohortIssue[] = [];
  const today = cohort.meta.today;
  for (const s of cohort.sites) {
    const r = siteCreate.safeParse(s.create);
    if (!r.success) {
      out.push({
        participantId: null,
        form: 'site',
        recordId: s.id,
        kind: 'schema',
        severity: 'error',
        field: r.error.issues[0]?.path.join('.') ?? '',
        message: r.error.issues[0]?.message ?? 'invalid',
      });
    }
  }
  for (const p of cohort.participants) {
    const fieldOfExam = new Map<string, FieldStrength | null>();
    let birthYear: number | null = null;
    for (const r of p.records) {
      const schema = forms[r.form].create;
      const parsed = schema.safeParse(r.data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        out.push({
          participantId: p.id,
          form: r.form,
          recordId: r.id,
          kind: 'schema',
          severity: 'error',
          field: issue?.path.join('.') ?? '',
          message: issue?.message ?? 'invalid',
        });
        continue;
      }
      const data = parsed.data as Rec;
      if (data.formStatus === 'complete') {
        for (const f of missingForComplete(r.form, data)) {
          out.push({
            participantId: p.id,
            form: r.form,
            recordId: r.id,
            kind: 'required',
            severity: 'error',
            field: f,
            message: `${f} is required to save the form as complete`,
          });
        }
      }
      if (r.form === 'participant') birthYear = r.data.birthYear ?? null;
      if (r.form === 'cmr_exam') fieldOfExam.set(r.id, r.data.fieldStrengthT ?? null);
      const fieldStrengthT =
        r.form === 'cmr_exam'
          ? (r.data.fieldStrengthT ?? null)
          : r.form === 'lesion_finding'
            ? (fieldOfExam.get(r.data.examId) ?? null)
            : null;
      out.push(
        ...checkRecord(r.form, data, { today, fieldStrengthT, birthYear }).map(asIssue(p, r, 'record_rule'))
      );
    }
    out.push(...checkCasebook(casebookOf(p)).map(asIssue(p, null, 'casebook_rule')));
  }
  return out;
}
