import type { DbHandle, ExamScope, ImagingJobRow, NewMap } from '@cmr-mass/db';
import { instancesData, instancesOfSeries, mapsForJob } from '@cmr-mass/db';
import {
  bloodT1sUsed,
  classifySeries,
  ecvMapFromPairs,
  fitT1Map,
  fitT2Map,
  parseDicomBytes,
  readDicomSeries,
  readFloat32Le,
  type BloodT1Source,
  type EcvPair,
  type LoadedMap,
  type MapProgress,
  type WorkerPool,
} from '@cmr-mass/imaging';
import { roiMask, type EcvJobParams, type FitJobParams } from './job-request.js';
import { renderMaps } from './render-maps.js';
import { geometryFromJson } from './stored-geometry.js';
import { numbersOf } from './views.js';

/** A job that cannot be done with what is stored (its message is the job's error, for people). */
export class JobInputError extends Error {
  override readonly name = 'JobInputError';
}

/** What a computation needs from the runner. */
export interface ComputeContext {
  readonly handle: DbHandle;
  readonly job: ImagingJobRow;
  /** The exam, as the person who queued the job reaches it. */
  readonly scope: ExamScope;
  /** The shared worker pool (made on first use). */
  readonly pool: () => WorkerPool;
  readonly signal: AbortSignal;
  /** Reports progress (0-1) and the stage, for people. */
  readonly progress: (fraction: number, stage: string) => void;
}

/** Fit progress from the engine's decode/fit counts: decoding 5-15 %, fitting 15-90 %. */
function fitProgress(ctx: ComputeContext): (p: MapProgress) => void {
  return (p) => {
    const f = p.total === 0 ? 1 : p.done / p.total;
    if (p.stage === 'decode') ctx.progress(0.05 + 0.1 * f, 'decode');
    else ctx.progress(0.15 + 0.75 * f, 'fit');
  };
}

/**
 * A T1 or T2 job: the series' stored instances read back and grouped by imaging, fitted on the shared
 * pool (`fitT1Map`: MOLLI/Look-Locker 3-parameter with polarity restoration, Messroghli 2004, or
 * ShMOLLI's conditional rule, Piechnik 2010; `fitT2Map`: mono-exponential), then rendered per slice.
 */
export async function computeFit(
  ctx: ComputeContext,
  kind: 't1' | 't2',
  params: FitJobParams
): Promise<NewMap[]> {
  const uid = params.seriesInstanceUid;
  ctx.progress(0, 'load');
  const stored = await instancesOfSeries(ctx.handle.db, ctx.job.exam_id, [uid]);
  if (stored.length === 0) throw new JobInputError(`series ${uid} has no stored instances`);
  const data = await instancesData(
    ctx.handle.db,
    stored.map((s) => s.id)
  );
  ctx.signal.throwIfAborted();
  const read = await readDicomSeries(
    data.map((d) => ({ name: d.sourceName, bytes: d.bytes })),
    { signal: ctx.signal }
  );
  const series = read.series.find((s) => s.seriesInstanceUid === uid);
  if (!series) throw new JobInputError(`series ${uid}: no readable images among its stored instances`);
  ctx.progress(0.05, 'decode');
  const control = { onProgress: fitProgress(ctx), signal: ctx.signal };
  const result =
    kind === 't1'
      ? await fitT1Map(series, { pool: ctx.pool(), method: params.method ?? 'auto' }, control)
      : await fitT2Map(series, { pool: ctx.pool() }, control);
  ctx.progress(0.9, 'render');
  return renderMaps(result, { seriesKind: classifySeries(series).kind, studyId: ctx.scope.studyId });
}

/** A stored T1 map as imaging's ECV functions take it. */
function loadedMap(row: Awaited<ReturnType<typeof mapsForJob>>[number]): LoadedMap {
  if (row.kind !== 't1') throw new JobInputError(`map ${row.id} is a ${row.kind} map, not a T1 map`);
  if (!row.pixels) throw new JobInputError(`map ${row.id} has no pixels`);
  const dicom = row.dicom
    ? new Uint8Array(row.dicom.buffer, row.dicom.byteOffset, row.dicom.byteLength)
    : null;
  return {
    path: `map ${row.id}`,
    kind: row.kind,
    units: row.units,
    model: row.model ?? '',
    sliceIndex: row.slice_index,
    values: readFloat32Le(
      new Uint8Array(row.pixels.buffer, row.pixels.byteOffset, row.pixels.byteLength),
      row.rows * row.columns
    ),
    geometry: geometryFromJson(row.geometry, row.rows, row.columns),
    times: numbersOf(row.times),
    template: dicom ? parseDicomBytes(dicom, `map ${row.id}`)[0] : undefined,
  };
}

/**
 * An ECV job: stored native and post-contrast T1 maps paired in the order given, blood T1 from the
 * polygon ROI (mean of each map's finite pixels inside it) or the values given, and imaging's
 * `ecvMapFromPairs`: ECV = (1 - Hct)(1/T1post - 1/T1pre)/(1/T1blood,post - 1/T1blood,pre)
 * (Messroghli et al., JCMR 2017;19:75).
 */
export async function computeEcv(ctx: ComputeContext, params: EcvJobParams): Promise<NewMap[]> {
  ctx.progress(0, 'load');
  const ids = [...params.preMapIds, ...params.postMapIds];
  const rows = await mapsForJob(ctx.handle, ctx.job.exam_id, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const get = (mapId: string): LoadedMap => {
    const r = byId.get(mapId);
    if (!r) throw new JobInputError(`map ${mapId} is no longer stored with this exam`);
    return loadedMap(r);
  };
  const pairs: EcvPair[] = params.preMapIds.map((pre, i) => ({
    pre: get(pre),
    post: get(params.postMapIds[i]!),
  }));
  ctx.progress(0.5, 'ecv');
  let blood: BloodT1Source;
  if (params.bloodRoi) {
    const g = pairs[0]!.pre.geometry;
    blood = {
      kind: 'roi',
      labels: roiMask(g.rows, g.columns, params.bloodRoi.polygon),
      label: 1,
      description: 'polygon',
    };
  } else {
    blood = { kind: 'values', t1Pre: params.bloodT1!.preMs, t1Post: params.bloodT1!.postMs };
  }
  const result = ecvMapFromPairs(pairs, params.haematocrit, blood);
  const used = bloodT1sUsed(pairs, blood);
  const perSlice = new Map(
    pairs.map((p, i) => [
      p.pre.sliceIndex,
      {
        hct: params.haematocrit,
        hct_source: params.haematocritSource,
        blood_t1_pre_ms: used[i]!.pre,
        blood_t1_post_ms: used[i]!.post,
        blood_t1_source: params.bloodRoi ? 'polygon ROI' : 'given',
        pre_map_id: params.preMapIds[i]!,
        post_map_id: params.postMapIds[i]!,
      },
    ])
  );
  ctx.progress(0.9, 'render');
  return renderMaps(result, {
    seriesKind: byId.get(params.preMapIds[0]!)!.series_kind,
    studyId: ctx.scope.studyId,
    extra: (slice) => perSlice.get(slice.index) ?? {},
  });
}
