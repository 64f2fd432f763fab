import { z } from 'zod';
import { badRequest } from '../errors.js';
import { fieldStrength } from '../schemas/cmr-exam.js';
import { code, int, num } from '../schemas/common.js';
import { lesionFindingForm } from '../schemas/lesion-finding.js';
import { CancerSite } from '../vocab/diagnosis.js';
import { Sex, Symptom } from '../vocab/participant.js';
import { LESION_FEATURE_KEYS, type DecisionInput } from './input.js';

const orNull = <T extends z.ZodType>(s: T): z.ZodDefault<z.ZodNullable<T>> => s.nullable().default(null);

/**
 * The lesion part of a decision input: the lesion-finding form's own field schemas (same names, codes
 * and bounds), each nullable and defaulting to `null`; unknown keys are refused.
 */
export const lesionFeaturesSchema = z.strictObject(
  Object.fromEntries(
    LESION_FEATURE_KEYS.map((k) => [
      k,
      (lesionFindingForm.fields[k] as z.ZodOptional<z.ZodNullable<z.ZodType>>)
        .unwrap()
        .unwrap()
        .nullable()
        .default(null),
    ])
  )
);

/** The context part of a decision input; every field nullable and defaulting to `null`. */
export const decisionContextSchema = z.strictObject({
  fieldStrengthT: orNull(fieldStrength),
  ageYears: orNull(int(0, 130, 'years')),
  sex: orNull(code(Sex)),
  knownExtracardiacCancer: orNull(z.boolean()),
  cancerSite: orNull(code(CancerSite)),
  atrialFibrillation: orNull(z.boolean()),
  priorMyocardialInfarction: orNull(z.boolean()),
  lvEfPercent: orNull(num(1, 95, '%')),
  symptoms: orNull(
    z.array(code(Symptom)).min(1, { error: 'give null, not an empty list, when none were recorded' })
  ),
  lesionsOnExam: orNull(int(0, 100)),
  acquired: z
    .strictObject({
      fpp: orNull(z.boolean()),
      lge: orNull(z.boolean()),
      longTi: orNull(z.boolean()),
      fatSuppression: orNull(z.boolean()),
    })
    .default({ fpp: null, lge: null, longTi: null, fatSuppression: null }),
});

/**
 * A decision input as JSON (for the API and for recomputing suggestions outside the application):
 * `{ lesion: {...} | null, context: {...} }`. Fields left out are `null`.
 */
export const decisionInputSchema = z.strictObject({
  lesion: lesionFeaturesSchema.nullable(),
  context: decisionContextSchema.default(() => decisionContextSchema.parse({})),
});

/**
 * Checks and completes a decision input given as JSON.
 *
 * @param value - the candidate input
 * @returns the input with every left-out field set to `null`
 * @throws DomainError `bad_request` naming the first field at fault (e.g. `lesion.t2wSignal`)
 */
export function parseDecisionInput(value: unknown): DecisionInput {
  const r = decisionInputSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    throw badRequest(issue.message, field || undefined);
  }
  return r.data as unknown as DecisionInput;
}
