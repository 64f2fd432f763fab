import { notFound, type Action, type Actor } from '@cmr-mass/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/tables.js';
import { loadExamScope, type ExamScope } from './exam-scope.js';
import {
  fromBlob,
  withImaging,
  type DicomInstanceRow,
  type DicomSeriesRow,
  type ImagingMapRow,
} from './tables.js';

/** A map or source image without its binary columns. */
export type ImageMeta = Omit<ImagingMapRow, 'pixels' | 'r2' | 'preview_png' | 'dicom'>;

/** The binary parts of a map. */
export type ImagePart = 'pixels' | 'r2' | 'preview_png' | 'dicom';

/** A stored instance without its bytes. */
export type InstanceMeta = Omit<DicomInstanceRow, 'data'>;

const META_COLUMNS = [
  'id',
  'exam_id',
  'participant_id',
  'job_id',
  'instance_id',
  'kind',
  'series_instance_uid',
  'series_kind',
  'slice_index',
  'image_index',
  'frame',
  'rows',
  'columns',
  'pixel_spacing',
  'geometry',
  'units',
  'model',
  'times',
  'time_kind',
  'sidecar',
  'valid_pixels',
  'created_by',
  'created_at',
] as const satisfies readonly (keyof ImageMeta)[];

const INSTANCE_COLUMNS = [
  'id',
  'exam_id',
  'participant_id',
  'study_instance_uid',
  'series_instance_uid',
  'sop_instance_uid',
  'source_name',
  'frames',
  'size_bytes',
  'sha256',
  'created_by',
  'created_at',
] as const satisfies readonly (keyof InstanceMeta)[];

/** The classified series of an exam, by series number. */
export async function listSeries(db: Kysely<DB>, scope: ExamScope): Promise<DicomSeriesRow[]> {
  const rows = await withImaging(db)
    .selectFrom('dicom_series')
    .selectAll()
    .where('exam_id', '=', scope.examId)
    .execute();
  return rows.sort(
    (a, b) =>
      (a.series_number ?? Number.MAX_SAFE_INTEGER) - (b.series_number ?? Number.MAX_SAFE_INTEGER) ||
      a.series_instance_uid.localeCompare(b.series_instance_uid)
  );
}

/** Filters of {@link listImages}. */
export interface ImageFilter {
  readonly seriesInstanceUid?: string;
  readonly kinds?: readonly ImagingMapRow['kind'][];
}

/** The maps and source images of an exam (no pixels): maps newest first, then source images in order. */
export async function listImages(
  db: Kysely<DB>,
  scope: ExamScope,
  filter: ImageFilter = {}
): Promise<ImageMeta[]> {
  let q = withImaging(db).selectFrom('imaging_maps').select(META_COLUMNS).where('exam_id', '=', scope.examId);
  if (filter.seriesInstanceUid !== undefined) {
    q = q.where('series_instance_uid', '=', filter.seriesInstanceUid);
  }
  if (filter.kinds && filter.kinds.length > 0) q = q.where('kind', 'in', [...filter.kinds]);
  const rows = await q.execute();
  const order = { t1: 0, t2: 1, ecv: 2, source: 3 } as const;
  return rows.sort(
    (a, b) =>
      order[a.kind] - order[b.kind] ||
      (a.kind === 'source'
        ? a.series_instance_uid.localeCompare(b.series_instance_uid) ||
          a.slice_index - b.slice_index ||
          a.image_index - b.image_index
        : b.created_at.localeCompare(a.created_at) || a.slice_index - b.slice_index)
  );
}

/**
 * One map or source image with the exam it belongs to, after the access check (`action` on imaging
 * at the exam's site). Unknown ids are `not_found`.
 */
export async function getImage(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  action: Action = 'read'
): Promise<{ readonly scope: ExamScope; readonly image: ImageMeta }> {
  const image = await withImaging(db)
    .selectFrom('imaging_maps')
    .select(META_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!image) throw notFound('map');
  const scope = await loadExamScope(db, actor, image.exam_id, action);
  return { scope, image };
}

/** A binary part of a map (after {@link getImage}); null when the map has none. */
export async function imagePart(db: Kysely<DB>, id: string, part: ImagePart): Promise<Uint8Array | null> {
  const r = await withImaging(db)
    .selectFrom('imaging_maps')
    .select(part)
    .where('id', '=', id)
    .executeTakeFirst();
  return fromBlob(r?.[part]);
}

/** The stored bytes of one instance (after an access check on its exam). */
export async function instanceBytes(db: Kysely<DB>, instanceId: string): Promise<Uint8Array> {
  const r = await withImaging(db)
    .selectFrom('dicom_instances')
    .select('data')
    .where('id', '=', instanceId)
    .executeTakeFirst();
  const bytes = fromBlob(r?.data);
  if (!bytes) throw notFound('DICOM instance');
  return bytes;
}

/** The instances of some series of an exam, with or without their bytes. */
export async function instancesOfSeries(
  db: Kysely<DB>,
  examId: string,
  seriesUids: readonly string[]
): Promise<InstanceMeta[]> {
  if (seriesUids.length === 0) return [];
  return withImaging(db)
    .selectFrom('dicom_instances')
    .select(INSTANCE_COLUMNS)
    .where('exam_id', '=', examId)
    .where('series_instance_uid', 'in', [...seriesUids])
    .orderBy('sop_instance_uid')
    .execute();
}

/** The bytes of instances by id, in the order given. */
export async function instancesData(
  db: Kysely<DB>,
  ids: readonly string[]
): Promise<{ readonly id: string; readonly sourceName: string; readonly bytes: Uint8Array }[]> {
  const out: { id: string; sourceName: string; bytes: Uint8Array }[] = [];
  // A few at a time: a series can be hundreds of megabytes.
  for (let i = 0; i < ids.length; i += 16) {
    const rows = await withImaging(db)
      .selectFrom('dicom_instances')
      .select(['id', 'source_name', 'data'])
      .where('id', 'in', ids.slice(i, i + 16))
      .execute();
    for (const r of rows) out.push({ id: r.id, sourceName: r.source_name, bytes: fromBlob(r.data)! });
  }
  const rank = new Map(ids.map((id, i) => [id, i]));
  return out.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
}

/**
 * Exams other than `examId` that hold instances of these studies (a DICOM study belongs to one
 * exam): their ids, for the upload's check.
 */
export async function examsHoldingStudies(
  db: Kysely<DB>,
  studyUids: readonly string[],
  examId: string
): Promise<string[]> {
  if (studyUids.length === 0) return [];
  const rows = await withImaging(db)
    .selectFrom('dicom_instances')
    .select('exam_id')
    .distinct()
    .where('study_instance_uid', 'in', [...studyUids])
    .where('exam_id', '!=', examId)
    .execute();
  return rows.map((r) => r.exam_id);
}

/** The StudyInstanceUIDs already stored for an exam. */
export async function storedStudies(db: Kysely<DB>, examId: string): Promise<string[]> {
  const rows = await withImaging(db)
    .selectFrom('dicom_instances')
    .select('study_instance_uid')
    .distinct()
    .where('exam_id', '=', examId)
    .execute();
  return rows.map((r) => r.study_instance_uid);
}
