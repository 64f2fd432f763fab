import type { FormName, RecordContext } from '@cmr-mass/core';
import type { AnyRecord, CasebookResponse } from '../api/types.js';

/**
 * What the plausibility rules need besides the record: today, the exam's field strength (for a
 * lesion's T1/T2 ranges) and the participant's year of birth.
 */
export function recordContext(
  today: string,
  cb: CasebookResponse | undefined,
  examId: string | null
): RecordContext {
  const exam = examId ? cb?.exams.find((e) => e.id === examId) : undefined;
  return {
    today,
    fieldStrengthT: exam?.fieldStrengthT ?? null,
    birthYear: cb?.participant.birthYear ?? null,
  };
}

/** The participant a record belongs to (a participant is its own). */
export function participantIdOf(form: FormName, r: AnyRecord): string | null {
  if (form === 'participant') return r.id;
  return typeof r.participantId === 'string' ? r.participantId : null;
}

/** Starting values of a new record: today's date where the form has one, and the context's presets. */
export function initialValues(
  form: FormName,
  today: string,
  query: URLSearchParams,
  cb: CasebookResponse | undefined
): Record<string, unknown> {
  const visitMonth = query.get('visitMonth');
  switch (form) {
    case 'eligibility':
      return { assessedDate: today };
    case 'cmr_exam':
      return {
        kind: cb && cb.exams.some((e) => e.kind === 'baseline') ? 'follow_up' : 'baseline',
        examDate: today,
      };
    case 'reading':
      return { readDate: today, blinded: true };
    case 'follow_up_visit':
      return {
        contactDate: today,
        ...(visitMonth ? { visitMonth: Number(visitMonth) } : {}),
        ...(query.get('mode') ? { mode: query.get('mode') } : {}),
      };
    default:
      return {};
  }
}

/** The parent keys of a new record of `form` for a participant, from the link's query. */
export function parentOf(
  form: FormName,
  participantId: string,
  query: URLSearchParams
): Record<string, unknown> {
  const examId = query.get('examId');
  const lesionId = query.get('lesionId');
  const visitId = query.get('visitId');
  switch (form) {
    case 'participant':
      return {};
    case 'lesion_finding':
      return { examId, ...(lesionId ? { lesionId } : {}) };
    case 'reading':
      return { examId, lesionId: lesionId ?? null };
    case 'outcome_event':
      return { participantId, ...(visitId ? { visitId } : {}) };
    case 'reference_diagnosis':
    case 'treatment':
      return { participantId, ...(lesionId ? { lesionId } : {}) };
    case 'identifiers':
    case 'eligibility':
    case 'cmr_exam':
    case 'follow_up_visit':
      return { participantId };
  }
}
