import { invalidState, notFound, type Action, type Actor } from '@cmr-mass/core';
import type { Kysely } from 'kysely';
import type { DbHandle } from '../handle/open.js';
import type { RepoContext } from '../repo/context.js';
import { runAudited } from '../repo/unit-of-work.js';
import type { DB } from '../schema/tables.js';
import { loadExamScope, type ExamScope } from './exam-scope.js';
import { JobStatus, withImaging, type ImagingJobRow } from './tables.js';

/** An imaging job as the API shows it. */
export interface JobView {
  readonly id: string;
  readonly examId: string;
  readonly kind: string;
  readonly params: unknown;
  readonly status: JobStatus;
  readonly progress: number;
  readonly stage: string | null;
  readonly error: string | null;
  /** The maps it made (when done). */
  readonly mapIds: readonly string[];
  readonly attempts: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

/** True for a job that will not change any more. */
export function isFinished(status: JobStatus): boolean {
  return status === JobStatus.done || status === JobStatus.failed || status === JobStatus.cancelled;
}

/** The API view of a job row. */
export function jobView(r: ImagingJobRow): JobView {
  const result = r.result ? (JSON.parse(r.result) as { mapIds?: string[] }) : {};
  return {
    id: r.id,
    examId: r.exam_id,
    kind: r.kind,
    params: JSON.parse(r.params) as unknown,
    status: r.status,
    progress: r.progress,
    stage: r.stage,
    error: r.error,
    mapIds: result.mapIds ?? [],
    attempts: r.attempts,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

/**
 * Queues a job for the exam (audited: `imaging_job` create). Any app server's runner may lease it.
 * Refuses a withdrawn participant.
 */
export async function createJob(
  handle: DbHandle,
  ctx: RepoContext,
  scope: ExamScope,
  kind: 't1' | 't2' | 'ecv',
  params: Readonly<Record<string, unknown>>
): Promise<ImagingJobRow> {
  if (scope.withdrawnDate !== null) {
    throw invalidState(`the participant withdrew on ${scope.withdrawnDate}: no new data can be recorded`);
  }
  return runAudited(handle, ctx, async (tx) => {
    const row: ImagingJobRow = {
      id: ctx.newId(),
      exam_id: scope.examId,
      participant_id: scope.participantId,
      kind,
      params: JSON.stringify(params),
      status: JobStatus.queued,
      progress: 0,
      stage: 'queued',
      error: null,
      result: null,
      attempts: 0,
      lease_owner: null,
      lease_expires_at: null,
      actor: JSON.stringify(ctx.actor),
      created_by: ctx.actor.userId,
      created_at: tx.at,
      updated_at: tx.at,
      started_at: null,
      finished_at: null,
    };
    await withImaging(tx.db).insertInto('imaging_jobs').values(row).execute();
    tx.audit({
      action: 'create',
      entity: 'imaging_job',
      entityId: row.id,
      participantId: scope.participantId,
      siteId: scope.siteId,
      after: { examId: scope.examId, kind, params, status: row.status },
    });
    return row;
  });
}

/** One job after the access check (`action` on imaging at its exam's site); unknown ids are `not_found`. */
export async function getJob(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  action: Action = 'read'
): Promise<{ readonly scope: ExamScope; readonly job: ImagingJobRow }> {
  const job = await withImaging(db)
    .selectFrom('imaging_jobs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!job) throw notFound('imaging job');
  const scope = await loadExamScope(db, actor, job.exam_id, action);
  return { scope, job };
}

/** The jobs of an exam, newest first. */
export async function listJobs(db: Kysely<DB>, scope: ExamScope): Promise<ImagingJobRow[]> {
  return withImaging(db)
    .selectFrom('imaging_jobs')
    .selectAll()
    .where('exam_id', '=', scope.examId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
}

/**
 * Cancels a queued or running job (audited: `imaging_job` update). A runner that holds it notices
 * at its next progress write and stops; its results are never stored. A finished job is
 * `invalid_state`.
 */
export async function cancelJob(handle: DbHandle, ctx: RepoContext, id: string): Promise<ImagingJobRow> {
  const { scope } = await getJob(handle.db, ctx.actor, id, 'update');
  return runAudited(handle, ctx, async (tx) => {
    const db = withImaging(tx.db);
    const before = await db
      .selectFrom('imaging_jobs')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst();
    const r = await db
      .updateTable('imaging_jobs')
      .set({
        status: JobStatus.cancelled,
        stage: 'cancelled',
        lease_owner: null,
        lease_expires_at: null,
        updated_at: tx.at,
        finished_at: tx.at,
      })
      .where('id', '=', id)
      .where('status', 'in', [JobStatus.queued, JobStatus.running])
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) {
      const now = await db
        .selectFrom('imaging_jobs')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirst();
      throw invalidState(`the job is ${now?.status ?? 'finished'} already: nothing to cancel`);
    }
    tx.audit({
      action: 'update',
      entity: 'imaging_job',
      entityId: id,
      participantId: scope.participantId,
      siteId: scope.siteId,
      before: { status: before?.status ?? null },
      after: { status: JobStatus.cancelled },
    });
    return db.selectFrom('imaging_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  });
}
