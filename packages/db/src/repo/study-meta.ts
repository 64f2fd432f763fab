import type { Kysely } from 'kysely';
import { canonicalJson } from '../audit/canonical.js';
import type { DB } from '../schema/tables.js';
import { requireAccess } from './scope.js';
import type { Tx } from './unit-of-work.js';

/** Keys of the study metadata that the application itself reads. */
export const StudyMetaKey = {
  /** `true` when the database holds a synthetic demo cohort (shown on every page and report). */
  synthetic: 'synthetic',
  studyName: 'study_name',
} as const;
export type StudyMetaKey = (typeof StudyMetaKey)[keyof typeof StudyMetaKey];

/** A study metadata value (JSON), or undefined when not set. Anyone may read it. */
export async function getStudyMeta(db: Kysely<DB>, key: string): Promise<unknown> {
  const r = await db.selectFrom('study_meta').select('value').where('key', '=', key).executeTakeFirst();
  return r ? (JSON.parse(r.value) as unknown) : undefined;
}

/** True when the database is marked as holding synthetic data. */
export async function isSynthetic(db: Kysely<DB>): Promise<boolean> {
  return (await getStudyMeta(db, StudyMetaKey.synthetic)) === true;
}

/**
 * Sets a study metadata value (administrators only, as for sites: `core` has no separate resource for
 * study settings), audited with the old and new value.
 */
export async function setStudyMeta(tx: Tx, key: string, value: unknown): Promise<void> {
  requireAccess(tx.ctx.actor, 'update', 'site', null);
  const text = canonicalJson(value);
  const old = await tx.db.selectFrom('study_meta').select('value').where('key', '=', key).executeTakeFirst();
  if (old?.value === text) return;
  const row = { key, value: text, updated_at: tx.at, updated_by: tx.ctx.actor.userId };
  if (old) await tx.db.updateTable('study_meta').set(row).where('key', '=', key).execute();
  else await tx.db.insertInto('study_meta').values(row).execute();
  tx.audit({
    action: old ? 'update' : 'create',
    entity: 'study_meta',
    entityId: key,
    before: old ? { value: JSON.parse(old.value) as unknown } : null,
    after: { value },
  });
}
