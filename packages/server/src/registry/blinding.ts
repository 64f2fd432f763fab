import { DomainError, type Actor } from '@cmr-mass/core';

/**
 * What a blinded reader must not learn from a participant record: its derived status (`completed`
 * follows a death, `lost_to_follow_up` the follow-up) and the date follow-up was lost. `db`'s
 * repositories return these fields to readers; the server removes them from every participant it
 * sends a reader (reported to the db engineer so that `present` can do it at the source).
 */
const READER_HIDDEN_PARTICIPANT_FIELDS = ['status', 'lostToFollowUpDate'] as const;

/** True when the actor is a blinded reader. */
export function isBlinded(actor: Actor): boolean {
  return actor.role === 'reader';
}

/** A participant record as the actor may see it (readers without status and follow-up dates). */
export function presentParticipant<R extends Readonly<Record<string, unknown>>>(actor: Actor, record: R): R {
  if (!isBlinded(actor)) return record;
  const out: Record<string, unknown> = { ...record };
  for (const f of READER_HIDDEN_PARTICIPANT_FIELDS) if (f in out) out[f] = null;
  return out as R;
}

/** Refuses a filter or sort that would reveal outcome data to a blinded reader (403 naming the field). */
export function refuseForReader(actor: Actor, what: string, field: string): void {
  if (isBlinded(actor)) {
    throw new DomainError({
      code: 'forbidden',
      message: `readers are blinded: they cannot filter or sort by ${what}`,
      field,
    });
  }
}
