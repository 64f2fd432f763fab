import type { FormName } from '@cmr-mass/core';

/** The REST path segment of each form (kebab-case plural), under `/api/v1`. */
export const FORM_PATH: Readonly<Record<FormName, string>> = {
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
};

/** The form of a REST path segment, or null. */
export function formOfPath(segment: string): FormName | null {
  for (const [form, path] of Object.entries(FORM_PATH)) {
    if (path === segment) return form as FormName;
  }
  return null;
}
