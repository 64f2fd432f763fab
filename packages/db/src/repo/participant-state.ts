import { notFound, type ParticipantStatus } from '@cmr-mass/core';
import type { CompiledQuery, Kysely } from 'kysely';
import type { DB } from '../schema/tables.js';
import { runPrepared } from './prepared.js';
import type { Tx } from './unit-of-work.js';

interface LockedParticipant {
  id: string;
  site_id: string;
  status: ParticipantStatus;
  version: number;
  birth_year: number | null;
  withdrawn_date: string | null;
  lost_to_follow_up_date: string | null;
  deleted_at: string | null;
  time_zone: string;
}

/** What a write needs to know about the participant it touches. */
export interface ParticipantState {
  readonly id: string;
  readonly siteId: string;
  readonly status: ParticipantStatus;
  readonly version: number;
  readonly birthYear: number | null;
  readonly withdrawnDate: string | null;
  readonly lostToFollowUpDate: string | null;
  /** The site's IANA time zone, for "today at the site". */
  readonly timeZone: string;
}

/**
 * Reads the participant of a write, locking its row on PostgreSQL (`FOR UPDATE`) so that writes to
 * one participant's casebook run one after another and the cross-record checks see a stable casebook.
 * A missing or soft-deleted participant is `not_found`.
 */
export async function loadParticipantForWrite(tx: Tx, id: string): Promise<ParticipantState> {
  const build = (): CompiledQuery<LockedParticipant> => {
    let q = tx.db
      .selectFrom('participants as p')
      .innerJoin('sites as s', 's.id', 'p.site_id')
      .select([
        'p.id',
        'p.site_id',
        'p.status',
        'p.version',
        'p.birth_year',
        'p.withdrawn_date',
        'p.lost_to_follow_up_date',
        'p.deleted_at',
        's.time_zone',
      ])
      .where('p.id', '=', id);
    if (tx.dialect === 'postgres') q = q.forUpdate('p');
    return q.compile();
  };
  const r = (await runPrepared<LockedParticipant>(tx.db, tx.dialect, 'participant-for-write', [id], build))
    .rows[0];
  if (!r || r.deleted_at !== null) throw notFound('participant');
  return {
    id: r.id,
    siteId: r.site_id,
    status: r.status,
    version: r.version,
    birthYear: r.birth_year,
    withdrawnDate: r.withdrawn_date,
    lostToFollowUpDate: r.lost_to_follow_up_date,
    timeZone: r.time_zone,
  };
}

/** The site of a participant, for a read's access check (`undefined` when there is no such participant). */
export async function siteOfParticipant(db: Kysely<DB>, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('participants').select('site_id').where('id', '=', id).executeTakeFirst();
  return r?.site_id;
}
