import { cancelJob, getJob, jobView, listJobs, loadExamScope } from '@cmr-mass/db';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../context.js';
import { addRoute } from '../http/route.js';
import { idParams } from '../http/schemas.js';
import { imagingJobRequest } from '../imaging/job-request.js';
import { queueImagingJob } from '../imaging/queue-job.js';

/** The API view of a job (`db`'s `JobView`). */
const jobViewSchema = z.object({
  id: z.string(),
  examId: z.string(),
  kind: z.enum(['t1', 't2', 'ecv']),
  params: z
    .record(z.string(), z.unknown())
    .describe('what to compute, as queued (series, method, maps, haematocrit, blood ROI...)'),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  progress: z.number().describe('0-1'),
  stage: z.string().nullable(),
  error: z.string().nullable().describe('why it failed, for people'),
  mapIds: z.array(z.string()).describe('the maps it made (when done)'),
  attempts: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

const QUEUE_DESCRIPTION = `Queues a T1 or T2 fit of a source series, or an ECV map from native and post-contrast T1 maps.
Answers 202 with the job; any app server's runner computes it (poll \`GET /api/v1/imaging-jobs/:id\`), and the
maps appear in \`GET /api/v1/cmr-exams/:id/maps\`. \`seriesInstanceUid\` may be left out when the exam has one
candidate series. ECV needs exactly one of \`bloodRoi\` (a polygon in pixel coordinates: x along columns, y along
rows, pixel (c, r) covering [c, c+1) x [r, r+1); a pixel is inside when its centre is) and \`bloodT1\`;
haematocrit defaults to the exam form's. 400 names a field that is wrong; 422 names what cannot be done (no such
series, not a T1 source, maps not aligned, no haematocrit); 409 for a withdrawn participant.`;

/**
 * The imaging job API: queue a fit or an ECV computation (202), follow it, list an exam's jobs,
 * cancel one. Access is `core`'s imaging policy at the exam's site (`create` to queue, `read` to
 * follow, `update` to cancel); `db` audits every change. `onQueued` wakes this server's runner.
 */
export function registerImagingJobRoutes(app: FastifyInstance, deps: AppDeps, onQueued: () => void): void {
  addRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/cmr-exams/:id/imaging-jobs',
    summary: 'Queue an imaging job (T1 or T2 fit, ECV) for a CMR exam',
    description: QUEUE_DESCRIPTION,
    tags: ['imaging'],
    params: idParams,
    body: imagingJobRequest,
    status: 202,
    response: jobViewSchema,
    handler: async ({ params, body }, ctx) => {
      const view = await queueImagingJob(ctx, params.id, body);
      onQueued();
      return view;
    },
  });

  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/cmr-exams/:id/imaging-jobs',
    summary: 'The imaging jobs of a CMR exam, newest first',
    tags: ['imaging'],
    params: idParams,
    response: z.object({ items: z.array(jobViewSchema) }),
    handler: async ({ params }, ctx) => {
      const scope = await loadExamScope(deps.handle.db, ctx.actor, params.id, 'read');
      return { items: (await listJobs(deps.handle.db, scope)).map(jobView) };
    },
  });

  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/imaging-jobs/:id',
    summary: 'One imaging job: status, progress, stage, error, the maps it made',
    tags: ['imaging'],
    params: idParams,
    response: jobViewSchema,
    handler: async ({ params }, ctx) =>
      jobView((await getJob(deps.handle.db, ctx.actor, params.id, 'read')).job),
  });

  addRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/imaging-jobs/:id/cancel',
    summary: 'Cancel a queued or running imaging job',
    description:
      'A running job stops at its next progress write and stores nothing. A finished job is a 409.',
    tags: ['imaging'],
    params: idParams,
    response: jobViewSchema,
    handler: async ({ params }, ctx) => jobView(await cancelJob(deps.handle, ctx.repoContext, params.id)),
  });
}
