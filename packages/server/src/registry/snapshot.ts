import type { MakeSnapshotOptions } from '@cmr-mass/analysis';
import type { Actor } from '@cmr-mass/core';
import { getStudyMeta, isSynthetic, type DbHandle } from '@cmr-mass/db';
import { loadCasebooks } from './casebooks.js';

/**
 * The reader of aggregate snapshots: study-wide, read-only, no identifiers (a monitor's rights). Used
 * only after the caller's own right to the aggregate result was checked (`core`: `analysis`).
 */
const SNAPSHOT_ACTOR: Actor = { userId: 'system', role: 'monitor', siteId: null, display: 'analysis snapshot' };

/**
 * What the analysis package needs for a snapshot of the whole registry: every site and every live
 * participant's casebook, read at `now`, identified by `key` (the audit trail's last sequence number).
 */
export async function snapshotOfRegistry(handle: DbHandle, now: Date, key: string): Promise<MakeSnapshotOptions> {
  const sites = await handle.db.selectFrom('sites').select(['code', 'name', 'country']).orderBy('code').execute();
  const ids = await handle.db
    .selectFrom('participants')
    .select('id')
    .where('deleted_at', 'is', null)
    .orderBy('study_id')
    .execute();
  const books = await loadCasebooks(handle.db, SNAPSHOT_ACTOR, ids.map((r) => r.id));
  const synthetic = await isSynthetic(handle.db);
  const label = synthetic ? await getStudyMeta(handle.db, 'synthetic_label') : undefined;
  return {
    sites,
    casebooks: [...books.values()],
    takenAt: now.toISOString(),
    key,
    synthetic: synthetic ? { label: typeof label === 'string' ? label : 'DEMO: synthetic data, not real patients' } : null,
  };
}
