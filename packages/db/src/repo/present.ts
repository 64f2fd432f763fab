import { mustDeidentify, type Actor, type FormName } from '@cmr-mass/core';

/**
 * Free-text fields, which may hold anything a person typed (names, places): left out of what a
 * de-identified reader sees (REDCap's "remove unvalidated text fields" export option).
 */
export const FREE_TEXT_FIELDS: Readonly<Partial<Record<FormName, readonly string[]>>> = {
  eligibility: ['exclusionNote'],
  cmr_exam: ['scannerModel'],
};

/**
 * Participant fields a blinded reader must not see: the derived status (`completed` follows a death)
 * and the date follow-up was lost are outcome data.
 */
export const READER_HIDDEN_PARTICIPANT_FIELDS: readonly string[] = ['status', 'lostToFollowUpDate'];

/**
 * A record as `actor` may see it: for a blinded reader, a participant without its status and
 * follow-up dates; for a statistician (who gets de-identified data), free-text fields are null.
 * Identifiers never reach such roles (`decide` refuses the form). Dates are not shifted here: exports
 * do that, consistently per participant.
 */
export function present<R extends Readonly<Record<string, unknown>>>(
  actor: Actor,
  form: FormName,
  record: R
): R {
  if (actor.role === 'reader' && form === 'participant') {
    const hidden: Record<string, unknown> = { ...record };
    for (const f of READER_HIDDEN_PARTICIPANT_FIELDS) if (f in hidden) hidden[f] = null;
    return hidden as R;
  }
  if (!mustDeidentify(actor)) return record;
  const drop = FREE_TEXT_FIELDS[form];
  if (!drop) return record;
  const out: Record<string, unknown> = { ...record };
  for (const f of drop) if (out[f] !== undefined) out[f] = null;
  return out as R;
}
