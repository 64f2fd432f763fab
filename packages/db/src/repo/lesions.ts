import { badRequest } from '@cmr-mass/core';
import type { ParticipantState } from './participant-state.js';
import type { Tx } from './unit-of-work.js';

/** A lesion's identity: its id and label within the participant. */
export interface LesionIdentity {
  readonly id: string;
  readonly label: string;
}

/**
 * Creates a lesion for a participant, labelled L1, L2... in order. Race-free: the participant's row
 * is locked by the write (PostgreSQL) or the write is alone (SQLite), and (participant, label) is
 * unique besides.
 */
export async function createLesion(tx: Tx, p: ParticipantState): Promise<LesionIdentity> {
  const r = await tx.db
    .selectFrom('lesions')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('participant_id', '=', p.id)
    .executeTakeFirstOrThrow();
  return insertLesion(tx, p, `L${Number(r.n) + 1}`);
}

/** Inserts a lesion with the given label (the caller has counted the participant's lesions), audited. */
export async function insertLesion(tx: Tx, p: ParticipantState, label: string): Promise<LesionIdentity> {
  const id = tx.ctx.newId();
  const row = { id, participant_id: p.id, label, created_at: tx.at, created_by: tx.ctx.actor.userId };
  await tx.db.insertInto('lesions').values(row).execute();
  tx.audit({
    action: 'create',
    entity: 'lesion',
    entityId: id,
    participantId: p.id,
    siteId: p.siteId,
    after: { participantId: p.id, label },
  });
  return { id, label };
}

/** The lesion `lesionId`, which must belong to participant `p` (else a bad request naming `field`). */
export async function lesionOf(
  tx: Tx,
  p: ParticipantState,
  lesionId: string,
  field = 'lesionId'
): Promise<LesionIdentity> {
  const r = await tx.db
    .selectFrom('lesions')
    .select(['id', 'label', 'participant_id'])
    .where('id', '=', lesionId)
    .executeTakeFirst();
  if (!r || r.participant_id !== p.id) throw badRequest('is not a lesion of this participant', field);
  return { id: r.id, label: r.label };
}
