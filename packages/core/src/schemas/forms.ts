import { cmrExamForm } from './cmr-exam.js';
import type { FormName } from './define-form.js';
import { eligibilityForm } from './eligibility.js';
import { followUpVisitForm, outcomeEventForm } from './follow-up.js';
import { lesionFindingForm } from './lesion-finding.js';
import { identifiersForm, participantForm } from './participant.js';
import { readingForm } from './reading.js';
import { referenceDiagnosisForm } from './reference-diagnosis.js';
import { treatmentForm } from './treatment.js';

/** Every case-report form of the study, by name, in the order a participant's casebook shows them. */
export const forms = {
  participant: participantForm,
  identifiers: identifiersForm,
  eligibility: eligibilityForm,
  cmr_exam: cmrExamForm,
  lesion_finding: lesionFindingForm,
  reading: readingForm,
  reference_diagnosis: referenceDiagnosisForm,
  treatment: treatmentForm,
  follow_up_visit: followUpVisitForm,
  outcome_event: outcomeEventForm,
} as const;
export type Forms = typeof forms;

/** The names of all forms, in casebook order. */
export const formNames = Object.keys(forms) as FormName[];

/**
 * The fields of a record that are missing for it to be saved as complete (REDCap's required fields).
 * Empty when the record can be complete.
 */
export function missingForComplete(form: FormName, record: Readonly<Record<string, unknown>>): string[] {
  const required: readonly string[] = forms[form].requiredWhenComplete;
  return required.filter((f) => record[f] === null || record[f] === undefined);
}
