import type { DbHandle } from '@cmr-mass/db';

/** How many participants (soft-deleted ones included) a database holds. */
export async function participantCount(handle: DbHandle): Promise<number> {
  const r = await handle.db
    .selectFrom('participants')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Participants by site code and status, as the registry stored them (the status it derived). */
export async function participantsBySiteAndStatus(
  handle: DbHandle
): Promise<Record<string, Record<string, number>>> {
  const rows = await handle.db
    .selectFrom('participants as p')
    .innerJoin('sites as s', 's.id', 'p.site_id')
    .select(['s.code as site', 'p.status as status'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .groupBy(['s.code', 'p.status'])
    .orderBy('s.code')
    .execute();
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.site] ??= {})[r.status] = Number(r.n);
  return out;
}
