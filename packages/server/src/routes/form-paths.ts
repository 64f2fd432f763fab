import {
  forms,
  lesionFindingRecord,
  participantRecord,
  readingRecord,
  type FormName,
} from '@cmr-mass/core';
import type { z } from 'zod';

/** The URL path of each form under `/api/v1` (kebab-case plurals), the web app's contract. */
export const FORM_PATHS = {
  participant: 'participants',
  identifiers: 'identifiers',
  eligibility: 'eligibility',
  cmr_exam: 'cmr-exams',
  lesion_finding: 'lesion-findings',
  reading: 'readings',
  reference_diagnosis: 'reference-diagnoses',
  treatment: 'treatments',
  follow_up_visit: 'follow-up-visits',
  outcome_event: 'outcome-events',
} as const satisfies Record<FormName, string>;

/** Every form with its path, in casebook order. */
export const FORM_ROUTES = (Object.keys(FORM_PATHS) as FormName[]).map((form) => ({
  form,
  path: FORM_PATHS[form],
}));

/** The stored record of a form as the API returns it (with the fields the server sets). */
export function recordSchema(form: FormName): z.ZodType {
  switch (form) {
    case 'participant':
      return participantRecord;
    case 'lesion_finding':
      return lesionFindingRecord;
    case 'reading':
      return readingRecord;
    default:
      return forms[form].record;
  }
}

/** The form of an audit entity or path segment, if it is one. */
export function formOfPath(path: string): FormName | undefined {
  return FORM_ROUTES.find((r) => r.path === path)?.form;
}
