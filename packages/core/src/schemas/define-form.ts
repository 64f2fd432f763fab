import { z } from 'zod';
import { formStatus, recordMeta, updateMeta } from './common.js';

/** The names of the study's case-report forms. */
export const FormName = {
  participant: 'participant',
  identifiers: 'identifiers',
  eligibility: 'eligibility',
  cmrExam: 'cmr_exam',
  lesionFinding: 'lesion_finding',
  reading: 'reading',
  referenceDiagnosis: 'reference_diagnosis',
  treatment: 'treatment',
  followUpVisit: 'follow_up_visit',
  outcomeEvent: 'outcome_event',
} as const;
export type FormName = (typeof FormName)[keyof typeof FormName];

/** The parts of a case-report form definition. */
export interface FormSpec<Name extends FormName, P extends z.ZodRawShape, F extends z.ZodRawShape> {
  readonly name: Name;
  /** Labels for people. */
  readonly label: { readonly en: string; readonly zh: string };
  /** Keys that attach the record to its parent; set at creation and never changed. */
  readonly parent: P;
  /** The data fields. */
  readonly fields: F;
  /** Fields that must be filled before the form can be saved as complete (REDCap's "Required Field?"). */
  readonly requiredWhenComplete: readonly (keyof F & string)[];
}

/**
 * A case-report form: its field shape and the zod schemas derived from it for creating, updating and
 * reading records. Objects are strict: an unknown key is an error naming that key.
 */
export interface FormDef<
  Name extends FormName,
  P extends z.ZodRawShape,
  F extends z.ZodRawShape,
> extends FormSpec<Name, P, F> {
  /** Body of a create: parent keys, data fields, and optionally the form status. */
  readonly create: z.ZodObject<P & F & { formStatus: z.ZodOptional<typeof formStatus> }, z.core.$strict>;
  /** Body of an update: any subset of the data fields, the version read, a reason when needed. */
  readonly update: z.ZodObject<
    { [K in keyof F]: z.ZodOptional<F[K]> } & typeof updateMeta & {
        formStatus: z.ZodOptional<typeof formStatus>;
      },
    z.core.$strict
  >;
  /** A stored record as the API returns it. */
  readonly record: z.ZodObject<typeof recordMeta & P & F>;
}

/** Defines a case-report form from its parent keys and data fields. */
export function defineForm<const Name extends FormName, P extends z.ZodRawShape, F extends z.ZodRawShape>(
  spec: FormSpec<Name, P, F>
): FormDef<Name, P, F> {
  const create = z.strictObject({ ...spec.parent, ...spec.fields, formStatus: formStatus.optional() });
  // An update changes only what it names: defaults (e.g. `symptoms: []`) must not fill in the rest.
  const partialFields = Object.fromEntries(
    Object.entries(spec.fields).map(([k, s]) => [
      k,
      (s instanceof z.ZodDefault ? (s.unwrap() as z.ZodType) : (s as z.ZodType)).optional(),
    ])
  );
  const update = z.strictObject({ ...partialFields, ...updateMeta, formStatus: formStatus.optional() });
  const record = z.object({ ...recordMeta, ...spec.parent, ...spec.fields });
  return Object.freeze({
    ...spec,
    create: create,
    update: update as unknown as FormDef<Name, P, F>['update'],
    record,
  });
}
