import { implausible } from '@cmr-mass/core';
import {
  createJob,
  listImages,
  listSeries,
  loadExamScope,
  jobView,
  type ExamScope,
  type JobView,
} from '@cmr-mass/db';
import { AlignmentError, assertAligned } from '@cmr-mass/imaging';
import type { RequestContext } from '../context.js';
import { roiMask, type EcvJobParams, type FitJobParams, type ImagingJobRequest } from './job-request.js';
import { geometryFromJson } from './stored-geometry.js';
import { T1_SOURCE_KINDS, T2_SOURCE_KIND } from './views.js';

type FitRequest = Extract<ImagingJobRequest, { kind: 't1' | 't2' }>;
type EcvRequest = Extract<ImagingJobRequest, { kind: 'ecv' }>;

/** The source series of a T1 or T2 job: the one named, or the exam's only candidate (422 otherwise). */
async function resolveFit(ctx: RequestContext, scope: ExamScope, body: FitRequest): Promise<FitJobParams> {
  const series = await listSeries(ctx.deps.handle.db, scope);
  const fits = (kind: string): boolean =>
    body.kind === 't1' ? T1_SOURCE_KINDS.includes(kind) : kind === T2_SOURCE_KIND;
  const what = body.kind === 't1' ? 'T1 source (MOLLI, ShMOLLI, Look-Locker)' : 'T2-prep source';
  const field = 'seriesInstanceUid';
  let chosen;
  if (body.seriesInstanceUid !== undefined) {
    chosen = series.find((s) => s.series_instance_uid === body.seriesInstanceUid);
    if (!chosen) throw implausible(field, `no series ${body.seriesInstanceUid} was uploaded for this exam`);
    if (!fits(chosen.kind)) {
      throw implausible(
        field,
        `series ${chosen.series_instance_uid} (${chosen.description || 'no description'}) is not a ${what}: ${chosen.kind}, ${chosen.reason}`
      );
    }
  } else {
    const candidates = series.filter((s) => fits(s.kind));
    if (candidates.length === 0) throw implausible(field, `no ${what} series was uploaded for this exam`);
    if (candidates.length > 1) {
      const list = candidates
        .map((s) => `${s.series_instance_uid} (${s.description || 'no description'})`)
        .join(', ');
      throw implausible(field, `${candidates.length} ${what} series: choose one of ${list}`);
    }
    chosen = candidates[0]!;
  }
  if (body.kind === 't1' && body.method === 'shmolli') {
    const times = JSON.parse(chosen.times) as unknown;
    if (!Array.isArray(times) || times.length !== 7) {
      throw implausible(
        'method',
        `ShMOLLI needs 7 images per slice; series ${chosen.series_instance_uid} has ${Array.isArray(times) ? times.length : 0}`
      );
    }
  }
  return {
    seriesInstanceUid: chosen.series_instance_uid,
    ...(body.kind === 't1' ? { method: body.method ?? 'auto' } : {}),
  };
}

/** The maps of an ECV job: T1 maps of this exam, pairwise aligned; haematocrit from the request or the exam. */
async function resolveEcv(ctx: RequestContext, scope: ExamScope, body: EcvRequest): Promise<EcvJobParams> {
  const maps = await listImages(ctx.deps.handle.db, scope, { kinds: ['t1'] });
  const find = (field: 'preMapIds' | 'postMapIds', i: number) => {
    const mapId = body[field][i]!;
    const m = maps.find((x) => x.id === mapId);
    if (!m) throw implausible(`${field}[${i}]`, `no T1 map ${mapId} in this exam`);
    return m;
  };
  for (let i = 0; i < body.preMapIds.length; i++) {
    const pre = find('preMapIds', i);
    const post = find('postMapIds', i);
    if (pre.id === post.id) {
      throw implausible(`postMapIds[${i}]`, 'the native and post-contrast maps are the same map');
    }
    try {
      assertAligned(
        geometryFromJson(pre.geometry, pre.rows, pre.columns),
        geometryFromJson(post.geometry, post.rows, post.columns)
      );
    } catch (e) {
      if (e instanceof AlignmentError) throw implausible(`postMapIds[${i}]`, e.message);
      throw e;
    }
    if (body.bloodRoi) {
      const mask = roiMask(pre.rows, pre.columns, body.bloodRoi.polygon);
      if (!mask.some((v) => v !== 0)) {
        throw implausible(
          'bloodRoi.polygon',
          `the polygon covers no pixel of the ${pre.rows} x ${pre.columns} maps`
        );
      }
    }
  }
  let haematocrit = body.haematocrit;
  if (haematocrit === undefined) {
    if (scope.haematocrit === null) {
      throw implausible(
        'haematocrit',
        'the exam records no haematocrit: give haematocrit (a fraction, 0.1-0.7)'
      );
    }
    if (scope.haematocrit < 0.1 || scope.haematocrit > 0.7) {
      throw implausible(
        'haematocrit',
        `the exam's haematocrit ${scope.haematocrit} is outside 0.1-0.7: give haematocrit`
      );
    }
    haematocrit = scope.haematocrit;
  }
  return {
    preMapIds: body.preMapIds,
    postMapIds: body.postMapIds,
    haematocrit,
    haematocritSource: body.haematocrit === undefined ? 'exam' : 'request',
    ...(body.bloodRoi ? { bloodRoi: body.bloodRoi } : {}),
    ...(body.bloodT1 ? { bloodT1: body.bloodT1 } : {}),
  };
}

/**
 * Queues an imaging job for a CMR exam: access (`create` on the exam's imaging), the request checked
 * against what is stored (422 naming the field when it cannot be done), then `db`'s audited
 * `createJob`. Any app server's runner picks it up.
 */
export async function queueImagingJob(
  ctx: RequestContext,
  examId: string,
  body: ImagingJobRequest
): Promise<JobView> {
  const scope = await loadExamScope(ctx.deps.handle.db, ctx.actor, examId, 'create');
  const params =
    body.kind === 'ecv' ? await resolveEcv(ctx, scope, body) : await resolveFit(ctx, scope, body);
  const job = await createJob(ctx.deps.handle, ctx.repoContext, scope, body.kind, params);
  return jobView(job);
}
