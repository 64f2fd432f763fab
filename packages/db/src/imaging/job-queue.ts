import type { Actor } from '@cmr-mass/core';
import type { Kysely } from 'kysely';
import type { DbHandle } from '../handle/open.js';
import type { RepoContext } from '../repo/context.js';
import { newId } from '../repo/ids.js';
import { runAudited } from '../repo/unit-of-work.js';
import type { DB } from '../schema/tables.js';
import { JobStatus, toBlob, withImaging, type ImagingJobRow, type ImagingMapRow } from './tables.js';
import { sha256Hex } from './upload-store.js';

/**
 * The job queue as the runners of every app server see it (architecture.md: jobs must not live in
 * one process's memory). A runner claims a job with a compare-and-set UPDATE (no row locks, the same
 * on SQLite and PostgreSQL), holds it by a lease it renews while it works (the renewal also writes
 * progress), and finishes it in one audited transaction that checks the lease is still its own. A
 * server that dies stops renewing; once the lease expires any runner takes the job again, up to a
 * number of attempts. Cancelling (`cancelJob`) clears the lease, so the next renewal fails and the
 * runner stops. These functions do no access check: the job was checked when it was queued, and
 * the runner acts for the person who queued it.
 */

/** The person who queued a job: the runner writes its maps in their name. */
export function jobActor(job: ImagingJobRow): Actor {
  return JSON.parse(job.actor) as Actor;
}

function contextOf(job: ImagingJobRow, clock: () => Date): RepoContext {
  return { actor: jobActor(job), now: clock, newId: () => newId() };
}

/** The site of a job's participant, for its audit rows. */
async function siteOf(db: Kysely<DB>, job: ImagingJobRow): Promise<string | null> {
  const r = await db
    .selectFrom('participants')
    .select('site_id')
    .where('id', '=', job.participant_id)
    .executeTakeFirst();
  return r?.site_id ?? null;
}

/**
 * Claims the oldest job that is queued, or running under an expired lease, for `owner` until
 * `now + leaseMs`. A job whose lease expired after `maxAttempts` starts is failed instead (audited).
 *
 * @returns the claimed job, or null when there is none
 */
export async function claimJob(
  handle: DbHandle,
  owner: string,
  leaseMs: number,
  now: Date,
  maxAttempts: number,
  clock: () => Date = () => now
): Promise<ImagingJobRow | null> {
  const db = withImaging(handle.db);
  const at = now.toISOString();
  const candidates = await db
    .selectFrom('imaging_jobs')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('status', '=', JobStatus.queued),
        eb.and([eb('status', '=', JobStatus.running), eb('lease_expires_at', '<', at)]),
      ])
    )
    .orderBy('created_at')
    .orderBy('id')
    .limit(8)
    .execute();
  for (const c of candidates) {
    if (c.status === JobStatus.running && c.attempts >= maxAttempts) {
      await finishWithError(
        handle,
        c,
        null,
        `the server running it stopped ${c.attempts} times: given up`,
        clock,
        c.lease_expires_at
      );
      continue;
    }
    const r = await db
      .updateTable('imaging_jobs')
      .set({
        status: JobStatus.running,
        lease_owner: owner,
        lease_expires_at: new Date(now.getTime() + leaseMs).toISOString(),
        attempts: c.attempts + 1,
        stage: 'starting',
        updated_at: at,
        started_at: c.started_at ?? at,
      })
      .where('id', '=', c.id)
      .where('status', '=', c.status)
      .where('attempts', '=', c.attempts)
      .where((eb) =>
        c.status === JobStatus.queued ? eb('status', '=', JobStatus.queued) : eb('lease_expires_at', '<', at)
      )
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) {
      return db.selectFrom('imaging_jobs').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    }
  }
  return null;
}

/**
 * Renews `owner`'s lease until `now + leaseMs` and records progress.
 *
 * @returns false when the lease is no longer `owner`'s (the job was cancelled, or another server
 *   took it after the lease expired): stop working on it
 */
export async function renewLease(
  handle: DbHandle,
  id: string,
  owner: string,
  progress: { readonly progress: number; readonly stage: string },
  leaseMs: number,
  now: Date
): Promise<boolean> {
  const r = await withImaging(handle.db)
    .updateTable('imaging_jobs')
    .set({
      progress: Math.max(0, Math.min(1, progress.progress)),
      stage: progress.stage.slice(0, 64),
      lease_expires_at: new Date(now.getTime() + leaseMs).toISOString(),
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', JobStatus.running)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A map slice a job made, ready to store. */
export interface NewMap {
  readonly kind: 't1' | 't2' | 'ecv';
  readonly seriesInstanceUid: string;
  readonly seriesKind: string;
  readonly sliceIndex: number;
  readonly rows: number;
  readonly columns: number;
  readonly pixelSpacing: readonly [number, number] | null;
  readonly geometry: unknown;
  readonly units: string;
  readonly model: string;
  readonly times: readonly number[];
  readonly sidecar: unknown;
  readonly validPixels: number;
  readonly pixels: Uint8Array;
  readonly r2: Uint8Array | null;
  readonly previewPng: Uint8Array;
  readonly dicom: Uint8Array;
}

/**
 * Stores a job's maps and marks it done, in one audited transaction (one `imaging_map` create per
 * map, and the job's update), in the name of the person who queued it. Nothing is stored when the
 * lease is no longer `owner`'s (cancelled meanwhile, or taken over).
 *
 * @returns the new map ids, or null when the lease was lost
 */
export async function completeJob(
  handle: DbHandle,
  job: ImagingJobRow,
  owner: string,
  maps: readonly NewMap[],
  clock: () => Date
): Promise<string[] | null> {
  const ctx = contextOf(job, clock);
  const lost = new Error('lease lost');
  try {
    return await runAudited(handle, ctx, async (tx) => {
      const db = withImaging(tx.db);
      const ids = maps.map(() => ctx.newId());
      const r = await db
        .updateTable('imaging_jobs')
        .set({
          status: JobStatus.done,
          progress: 1,
          stage: 'done',
          result: JSON.stringify({ mapIds: ids }),
          lease_owner: null,
          lease_expires_at: null,
          updated_at: tx.at,
          finished_at: tx.at,
        })
        .where('id', '=', job.id)
        .where('lease_owner', '=', owner)
        .where('status', '=', JobStatus.running)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw lost;
      const siteId = await siteOf(tx.db, job);
      for (const [i, m] of maps.entries()) {
        const row: ImagingMapRow = {
          id: ids[i]!,
          exam_id: job.exam_id,
          participant_id: job.participant_id,
          job_id: job.id,
          instance_id: null,
          kind: m.kind,
          series_instance_uid: m.seriesInstanceUid,
          series_kind: m.seriesKind,
          slice_index: m.sliceIndex,
          image_index: 0,
          frame: null,
          rows: m.rows,
          columns: m.columns,
          pixel_spacing: m.pixelSpacing ? JSON.stringify(m.pixelSpacing) : null,
          geometry: JSON.stringify(m.geometry),
          units: m.units,
          model: m.model,
          times: JSON.stringify(m.times),
          time_kind: null,
          sidecar: JSON.stringify(m.sidecar),
          valid_pixels: m.validPixels,
          pixels: toBlob(m.pixels),
          r2: m.r2 ? toBlob(m.r2) : null,
          preview_png: toBlob(m.previewPng),
          dicom: toBlob(m.dicom),
          created_by: ctx.actor.userId,
          created_at: tx.at,
        };
        await db.insertInto('imaging_maps').values(row).execute();
        tx.audit({
          action: 'create',
          entity: 'imaging_map',
          entityId: row.id,
          participantId: job.participant_id,
          siteId,
          after: {
            examId: job.exam_id,
            jobId: job.id,
            kind: m.kind,
            seriesInstanceUid: m.seriesInstanceUid,
            sliceIndex: m.sliceIndex,
            model: m.model,
            validPixels: m.validPixels,
            sha256: sha256Hex(m.pixels),
          },
        });
      }
      tx.audit({
        action: 'update',
        entity: 'imaging_job',
        entityId: job.id,
        participantId: job.participant_id,
        siteId,
        before: { status: JobStatus.running },
        after: { status: JobStatus.done, mapIds: ids },
        reason: `imaging job ${job.id}`,
      });
      return ids;
    });
  } catch (e) {
    if (e === lost) return null;
    throw e;
  }
}

/**
 * Marks a job failed with a message for people (audited). `owner` null fails a job whose lease
 * expired (`leaseExpiresAt` must still match).
 *
 * @returns false when the job was no longer `owner`'s
 */
export async function failJob(
  handle: DbHandle,
  job: ImagingJobRow,
  owner: string,
  message: string,
  clock: () => Date
): Promise<boolean> {
  return finishWithError(handle, job, owner, message, clock, null);
}

async function finishWithError(
  handle: DbHandle,
  job: ImagingJobRow,
  owner: string | null,
  message: string,
  clock: () => Date,
  leaseExpiresAt: string | null
): Promise<boolean> {
  return runAudited(handle, contextOf(job, clock), async (tx) => {
    let q = withImaging(tx.db)
      .updateTable('imaging_jobs')
      .set({
        status: JobStatus.failed,
        stage: 'failed',
        error: message.slice(0, 2000),
        lease_owner: null,
        lease_expires_at: null,
        updated_at: tx.at,
        finished_at: tx.at,
      })
      .where('id', '=', job.id)
      .where('status', '=', JobStatus.running);
    q =
      owner !== null ? q.where('lease_owner', '=', owner) : q.where('lease_expires_at', '=', leaseExpiresAt);
    const r = await q.executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    tx.audit({
      action: 'update',
      entity: 'imaging_job',
      entityId: job.id,
      participantId: job.participant_id,
      siteId: await siteOf(tx.db, job),
      before: { status: JobStatus.running },
      after: { status: JobStatus.failed, error: message.slice(0, 2000) },
      reason: `imaging job ${job.id}`,
    });
    return true;
  });
}

/**
 * Gives a job back to the queue (a runner shutting down cleanly): another server takes it at once,
 * and this start does not count as an attempt.
 */
export async function releaseJob(
  handle: DbHandle,
  job: ImagingJobRow,
  owner: string,
  now: Date
): Promise<void> {
  await withImaging(handle.db)
    .updateTable('imaging_jobs')
    .set({
      status: JobStatus.queued,
      stage: 'queued',
      lease_owner: null,
      lease_expires_at: null,
      attempts: Math.max(0, job.attempts - 1),
      updated_at: now.toISOString(),
    })
    .where('id', '=', job.id)
    .where('lease_owner', '=', owner)
    .where('status', '=', JobStatus.running)
    .execute();
}

/** A job row by id, without access check (runners). */
export async function jobById(handle: DbHandle, id: string): Promise<ImagingJobRow | undefined> {
  return withImaging(handle.db)
    .selectFrom('imaging_jobs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Maps by id with their pixels and DICOM, without access check (a job's inputs). */
export async function mapsForJob(
  handle: DbHandle,
  examId: string,
  ids: readonly string[]
): Promise<ImagingMapRow[]> {
  if (ids.length === 0) return [];
  return withImaging(handle.db)
    .selectFrom('imaging_maps')
    .selectAll()
    .where('exam_id', '=', examId)
    .where('id', 'in', [...ids])
    .execute();
}
