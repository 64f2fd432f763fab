import {
  badRequest,
  duplicate,
  notFound,
  siteCreate,
  versionConflict,
  type Actor,
  type Site,
} from '@cmr-mass/core';
import type { Kysely } from 'kysely';
import type { DB, SiteRow } from '../schema/tables.js';
import { parseInput, type Parser } from './parse.js';
import { requireAccess } from './scope.js';
import type { Tx } from './unit-of-work.js';

type SiteFields = Omit<Site, 'id' | 'version'>;

/** A site row as `core`'s `Site`. */
export function siteFromRow(r: SiteRow): Site {
  return {
    id: r.id,
    version: r.version,
    code: r.code,
    name: r.name,
    country: r.country,
    timeZone: r.time_zone,
    active: r.active === 1,
  };
}

/** Creates a site (administrators only). Its code prefixes its study IDs and never changes. */
export async function createSite(tx: Tx, input: unknown): Promise<Site> {
  requireAccess(tx.ctx.actor, 'create', 'site', null);
  const body = parseInput(siteCreate as Parser<SiteFields>, input);
  const taken = await tx.db.selectFrom('sites').select('id').where('code', '=', body.code).executeTakeFirst();
  if (taken) throw duplicate(`site code ${body.code} is taken`, 'code');
  const id = tx.ctx.newId();
  const u = tx.ctx.actor.userId;
  const row: SiteRow = {
    id,
    code: body.code,
    name: body.name,
    country: body.country,
    time_zone: body.timeZone,
    active: body.active ? 1 : 0,
    next_study_number: 1,
    version: 1,
    created_at: tx.at,
    updated_at: tx.at,
    created_by: u,
    updated_by: u,
  };
  await tx.db.insertInto('sites').values(row).execute();
  const site = siteFromRow(row);
  tx.audit({ action: 'create', entity: 'site', entityId: id, siteId: id, after: { ...site } });
  return site;
}

/** Changes a site's name, country, time zone or whether it enrols (administrators only). */
export async function updateSite(tx: Tx, id: string, input: unknown): Promise<Site> {
  requireAccess(tx.ctx.actor, 'update', 'site', id);
  if (input === null || typeof input !== 'object') throw badRequest('must be an object', '(body)');
  const { version, ...rest } = input as Record<string, unknown>;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw badRequest('must be the version you read (a whole number)', 'version');
  }
  const body = parseInput(siteCreate.omit({ code: true }).partial() as Parser<Partial<SiteFields>>, rest);
  const row = await tx.db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw badRequest('is not a site of the study', 'id');
  const current = siteFromRow(row);
  if (row.version !== version) throw versionConflict(current, version, row.version);
  const next: Site = { ...current, ...body, version: version + 1 };
  await tx.db
    .updateTable('sites')
    .set({
      name: next.name,
      country: next.country,
      time_zone: next.timeZone,
      active: next.active ? 1 : 0,
      version: next.version,
      updated_at: tx.at,
      updated_by: tx.ctx.actor.userId,
    })
    .where('id', '=', id)
    .execute();
  const keys = [...Object.keys(body), 'version'] as (keyof Site)[];
  tx.audit({
    action: 'update',
    entity: 'site',
    entityId: id,
    siteId: id,
    before: Object.fromEntries(keys.map((k) => [k, current[k]])),
    after: Object.fromEntries(keys.map((k) => [k, next[k]])),
  });
  return next;
}

/** Every site, by code (everyone may see the list). */
export async function listSites(db: Kysely<DB>, actor: Actor): Promise<Site[]> {
  requireAccess(actor, 'read', 'site', null);
  const rows = await db.selectFrom('sites').selectAll().orderBy('code').execute();
  return rows.map(siteFromRow);
}

/** One site. */
export async function getSite(db: Kysely<DB>, actor: Actor, id: string): Promise<Site> {
  requireAccess(actor, 'read', 'site', id);
  const row = await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('site');
  return siteFromRow(row);
}
