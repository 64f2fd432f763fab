import { createHash } from 'node:crypto';
import { invalidState } from '@cmr-mass/core';
import type { DbHandle } from '../handle/open.js';
import type { RepoContext } from '../repo/context.js';
import { runAudited } from '../repo/unit-of-work.js';
import type { ExamScope } from './exam-scope.js';
import { toBlob, withImaging, type ImagingMapRow } from './tables.js';

/** A DICOM file to store. */
export interface NewInstance {
  readonly sopInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly sourceName: string;
  readonly frames: number;
  readonly bytes: Uint8Array;
}

/** A series as the imaging engine classified it, over all its instances (stored and new). */
export interface SeriesSummary {
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly seriesNumber: number | null;
  readonly description: string;
  readonly modality: string;
  readonly manufacturer: string;
  readonly kind: string;
  readonly mapQuantity: string | null;
  readonly reason: string;
  readonly timeSource: string | null;
  readonly times: readonly number[];
  readonly images: number;
  readonly slices: number;
}

/** A frame of an instance that the viewer can show, with its place in the series. */
export interface NewSourceImage {
  readonly seriesInstanceUid: string;
  readonly seriesKind: string;
  readonly sopInstanceUid: string;
  readonly frame: number;
  readonly sliceIndex: number;
  readonly imageIndex: number;
  readonly rows: number;
  readonly columns: number;
  readonly pixelSpacing: readonly [number, number] | null;
  readonly geometry: unknown;
  /** The image's own inversion or preparation time (ms), when the series is a mapping source. */
  readonly timeMs: number | null;
  readonly timeKind: 'TI' | 'TE' | null;
}

/** What one upload changes: the new files, and the rebuilt description of every series it touches. */
export interface UploadChanges {
  readonly instances: readonly NewInstance[];
  readonly series: readonly SeriesSummary[];
  /** Every viewable frame of the touched series (stored and new instances). */
  readonly sources: readonly NewSourceImage[];
  /** The SOP Instance UIDs of each touched series that were stored when the summary was made. */
  readonly basedOn: ReadonlyMap<string, readonly string[]>;
}

/** Another upload changed a touched series meanwhile: redo the summary and try again. */
export class UploadRaceError extends Error {
  override readonly name = 'UploadRaceError';
}

/** SHA-256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Stores an upload in one audited transaction: the new instances (Part 10 bytes as blobs, with their
 * SHA-256), the touched series' classification, and their viewable frames (replacing the earlier
 * list). One audit event per touched series (`dicom_series`, create or update) names what was added
 * and a digest of the added bytes. Refuses a withdrawn participant. When another upload stored
 * instances of a touched series after `basedOn` was read, nothing is written and
 * {@link UploadRaceError} is thrown.
 */
export async function storeUpload(
  handle: DbHandle,
  ctx: RepoContext,
  scope: ExamScope,
  changes: UploadChanges
): Promise<{ readonly stored: number }> {
  if (scope.withdrawnDate !== null) {
    throw invalidState(`the participant withdrew on ${scope.withdrawnDate}: no new data can be recorded`);
  }
  return runAudited(handle, ctx, async (tx) => {
    const db = withImaging(tx.db);
    const touched = changes.series.map((s) => s.seriesInstanceUid);
    const stored = touched.length
      ? await db
          .selectFrom('dicom_instances')
          .select(['id', 'series_instance_uid', 'sop_instance_uid'])
          .where('exam_id', '=', scope.examId)
          .where('series_instance_uid', 'in', touched)
          .execute()
      : [];
    for (const uid of touched) {
      const now = stored.filter((r) => r.series_instance_uid === uid).map((r) => r.sop_instance_uid);
      const before = changes.basedOn.get(uid) ?? [];
      if (now.length !== before.length || !now.every((s) => before.includes(s))) {
        throw new UploadRaceError(`series ${uid} changed during the upload`);
      }
    }
    const idOfSop = new Map(stored.map((r) => [r.sop_instance_uid, r.id]));
    const added = new Map<string, { count: number; bytes: number; digests: string[] }>();
    for (const inst of changes.instances) {
      const id = ctx.newId();
      const sha = sha256Hex(inst.bytes);
      idOfSop.set(inst.sopInstanceUid, id);
      await db
        .insertInto('dicom_instances')
        .values({
          id,
          exam_id: scope.examId,
          participant_id: scope.participantId,
          study_instance_uid: inst.studyInstanceUid,
          series_instance_uid: inst.seriesInstanceUid,
          sop_instance_uid: inst.sopInstanceUid,
          source_name: inst.sourceName.slice(0, 512),
          frames: inst.frames,
          size_bytes: inst.bytes.byteLength,
          sha256: sha,
          data: toBlob(inst.bytes),
          created_by: ctx.actor.userId,
          created_at: tx.at,
        })
        .execute();
      const a = added.get(inst.seriesInstanceUid) ?? { count: 0, bytes: 0, digests: [] };
      a.count += 1;
      a.bytes += inst.bytes.byteLength;
      a.digests.push(sha);
      added.set(inst.seriesInstanceUid, a);
    }
    for (const s of changes.series) {
      const totals = await db
        .selectFrom('dicom_instances')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('n'),
          eb.fn.sum<number | string | null>('size_bytes').as('bytes'),
        ])
        .where('exam_id', '=', scope.examId)
        .where('series_instance_uid', '=', s.seriesInstanceUid)
        .executeTakeFirstOrThrow();
      const previous = await db
        .selectFrom('dicom_series')
        .select(['id', 'instances', 'kind'])
        .where('exam_id', '=', scope.examId)
        .where('series_instance_uid', '=', s.seriesInstanceUid)
        .executeTakeFirst();
      const row = {
        study_instance_uid: s.studyInstanceUid,
        series_number: s.seriesNumber,
        description: s.description.slice(0, 256),
        modality: s.modality,
        manufacturer: s.manufacturer.slice(0, 128),
        kind: s.kind,
        map_quantity: s.mapQuantity,
        reason: s.reason.slice(0, 1000),
        time_source: s.timeSource,
        times: JSON.stringify(s.times),
        instances: Number(totals.n),
        images: s.images,
        slices: s.slices,
        size_bytes: Number(totals.bytes ?? 0),
        updated_by: ctx.actor.userId,
        updated_at: tx.at,
      };
      const id = previous?.id ?? ctx.newId();
      if (previous) await db.updateTable('dicom_series').set(row).where('id', '=', id).execute();
      else {
        await db
          .insertInto('dicom_series')
          .values({
            id,
            exam_id: scope.examId,
            participant_id: scope.participantId,
            series_instance_uid: s.seriesInstanceUid,
            ...row,
          })
          .execute();
      }
      await db
        .deleteFrom('imaging_maps')
        .where('exam_id', '=', scope.examId)
        .where('series_instance_uid', '=', s.seriesInstanceUid)
        .where('kind', '=', 'source')
        .execute();
      const a = added.get(s.seriesInstanceUid) ?? { count: 0, bytes: 0, digests: [] };
      tx.audit({
        action: previous ? 'update' : 'create',
        entity: 'dicom_series',
        entityId: id,
        participantId: scope.participantId,
        siteId: scope.siteId,
        before: previous ? { instances: previous.instances, kind: previous.kind } : null,
        after: {
          examId: scope.examId,
          seriesInstanceUid: s.seriesInstanceUid,
          studyInstanceUid: s.studyInstanceUid,
          description: row.description,
          kind: s.kind,
          instances: row.instances,
          instancesAdded: a.count,
          bytesAdded: a.bytes,
          sha256Added: sha256Hex(new TextEncoder().encode([...a.digests].sort().join('\n'))),
        },
      });
    }
    for (const src of changes.sources) {
      const instanceId = idOfSop.get(src.sopInstanceUid);
      if (instanceId === undefined) continue;
      const row: ImagingMapRow = {
        id: ctx.newId(),
        exam_id: scope.examId,
        participant_id: scope.participantId,
        job_id: null,
        instance_id: instanceId,
        kind: 'source',
        series_instance_uid: src.seriesInstanceUid,
        series_kind: src.seriesKind,
        slice_index: src.sliceIndex,
        image_index: src.imageIndex,
        frame: src.frame,
        rows: src.rows,
        columns: src.columns,
        pixel_spacing: src.pixelSpacing ? JSON.stringify(src.pixelSpacing) : null,
        geometry: JSON.stringify(src.geometry),
        units: '',
        model: null,
        times: JSON.stringify(src.timeMs === null ? [] : [src.timeMs]),
        time_kind: src.timeKind,
        sidecar: null,
        valid_pixels: null,
        pixels: null,
        r2: null,
        preview_png: null,
        dicom: null,
        created_by: ctx.actor.userId,
        created_at: tx.at,
      };
      await db.insertInto('imaging_maps').values(row).execute();
    }
    return { stored: changes.instances.length };
  });
}
