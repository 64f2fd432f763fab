import { canSeeReading, forbidden, formNames, notFound, type Actor, type FormName } from '@cmr-mass/core';
import type { Kysely } from 'kysely';
import { historyEntry, readHistory, type HistoryEntry } from '../audit/history.js';
import type { DB } from '../schema/tables.js';
import { requireAccess, siteScope } from './scope.js';

const isForm = (entity: string): entity is FormName => (formNames as readonly string[]).includes(entity);

/**
 * The history of one record or entity: who changed which field from what to what, when and why,
 * oldest first. Needs the right to read the audit trail at the record's site and, for a form, the
 * right to read that form there (a monitor sees no identifiers, not even in their history).
 */
export async function entityHistory(
  db: Kysely<DB>,
  actor: Actor,
  entity: string,
  entityId: string
): Promise<HistoryEntry[]> {
  const entries = await readHistory(db, entity, entityId);
  const first = await db
    .selectFrom('audit_log')
    .select(['site_id', 'after'])
    .where('entity_id', '=', entityId)
    .where('entity', '=', entity)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  if (!first) throw notFound(`history of ${entity}`);
  requireAccess(actor, 'read', 'audit', first.site_id);
  if (isForm(entity)) requireAccess(actor, 'read', entity, first.site_id);
  if (entity === 'reading' && first.after !== null) {
    const readerId = (JSON.parse(first.after) as { readerId?: string }).readerId ?? '';
    if (!canSeeReading(actor, readerId)) throw forbidden('a reader sees only their own readings');
  }
  return entries;
}

/** Options of {@link listAuditTrail}. */
export interface AuditListOptions {
  /** Rows after this seq (paging by seq). */
  readonly afterSeq?: number;
  readonly participantId?: string;
  /** At most this many rows (default 100, at most 1000). */
  readonly limit?: number;
}

/** Rows of the audit trail in order, for review: administrators and monitors all, site staff their site. */
export async function listAuditTrail(
  db: Kysely<DB>,
  actor: Actor,
  options: AuditListOptions = {}
): Promise<HistoryEntry[]> {
  const scope = siteScope(actor);
  const siteId = scope.kind === 'site' ? scope.siteId : null;
  requireAccess(actor, 'read', 'audit', siteId);
  if (scope.kind === 'none') throw forbidden('your account has no site');
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', options.afterSeq ?? 0);
  if (siteId !== null) q = q.where('site_id', '=', siteId);
  if (options.participantId !== undefined) q = q.where('participant_id', '=', options.participantId);
  if (actor.role !== 'investigator' && actor.role !== 'coordinator') {
    q = q.where('entity', '<>', 'identifiers');
  }
  const rows = await q
    .orderBy('seq')
    .limit(Math.min(Math.max(options.limit ?? 100, 1), 1000))
    .execute();
  return rows.map(historyEntry);
}

export type { HistoryEntry };
