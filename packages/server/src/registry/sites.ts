import { badRequest } from '@cmr-mass/core';
import type { DB } from '@cmr-mass/db';
import type { Kysely } from 'kysely';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id of a site named by its code (`BJ01`) or its id, for list filters. An unknown site is a 400
 * naming `field` (site codes are public: everyone may list the sites).
 */
export async function resolveSiteId(db: Kysely<DB>, site: string, field = 'site'): Promise<string> {
  const q = db.selectFrom('sites').select('id');
  const r = UUID.test(site)
    ? await q.where('id', '=', site.toLowerCase()).executeTakeFirst()
    : await q.where('code', '=', site.toUpperCase()).executeTakeFirst();
  if (!r) throw badRequest('is not a site of the study (give its code, e.g. BJ01, or its id)', field);
  return r.id;
}
