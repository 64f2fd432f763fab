import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Dialect } from '../handle/open.js';
import { addColumns, createIndex, int, real, text } from './ddl.js';

/**
 * Migration 0002: imaging storage (architecture.md, data flow steps 2-3). Uploaded DICOM instances
 * (the Part 10 bytes as a blob), the series they form (classified), parametric maps and the source
 * images that can be shown (pixels as raw float32 blobs), and imaging jobs that any app server can
 * lease, run and report on, so that no job lives in one process's memory.
 *
 * Binary columns are the only type beyond `ddl.ts`'s portable three: `bytea` on PostgreSQL and
 * `blob` on SQLite; both drivers read them as Node `Buffer`s.
 */

/** The blob type of a dialect. */
function blob(dialect: Dialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`bytea` : sql`blob`;
}

const STAMPS = [text('created_by', 'nn'), text('created_at', 'nn')] as const;

/** Creates the imaging tables. */
export async function createImagingTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await addColumns(
    db.schema
      .createTable('dicom_instances')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('exam_id', 'text', (c) => c.notNull().references('cmr_exams.id'))
      .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id')),
    [
      text('study_instance_uid', 'nn'),
      text('series_instance_uid', 'nn'),
      text('sop_instance_uid', 'nn'),
      text('source_name', 'nn'),
      int('frames', 'nn'),
      int('size_bytes', 'nn'),
      text('sha256', 'nn'),
      ...STAMPS,
    ]
  )
    .addColumn('data', blob(dialect), (c) => c.notNull())
    .execute();
  await createIndex(db, 'dicom_instances', ['exam_id', 'sop_instance_uid'], { unique: true });
  await createIndex(db, 'dicom_instances', ['exam_id', 'series_instance_uid']);
  await createIndex(db, 'dicom_instances', ['study_instance_uid']);

  await addColumns(
    db.schema
      .createTable('dicom_series')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('exam_id', 'text', (c) => c.notNull().references('cmr_exams.id'))
      .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id')),
    [
      text('series_instance_uid', 'nn'),
      text('study_instance_uid', 'nn'),
      int('series_number'),
      text('description', 'nn'),
      text('modality', 'nn'),
      text('manufacturer', 'nn'),
      text('kind', 'nn'),
      text('map_quantity'),
      text('reason', 'nn'),
      text('time_source'),
      text('times', 'nn'),
      int('instances', 'nn'),
      int('images', 'nn'),
      int('slices', 'nn'),
      int('size_bytes', 'nn'),
      text('updated_by', 'nn'),
      text('updated_at', 'nn'),
    ]
  ).execute();
  await createIndex(db, 'dicom_series', ['exam_id', 'series_instance_uid'], { unique: true });

  await addColumns(
    db.schema
      .createTable('imaging_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('exam_id', 'text', (c) => c.notNull().references('cmr_exams.id'))
      .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id')),
    [
      text('kind', 'nn'),
      text('params', 'nn'),
      text('status', 'nn'),
      real('progress', 'nn'),
      text('stage'),
      text('error'),
      text('result'),
      int('attempts', 'nn'),
      text('lease_owner'),
      text('lease_expires_at'),
      text('actor', 'nn'),
      ...STAMPS,
      text('updated_at', 'nn'),
      text('started_at'),
      text('finished_at'),
    ]
  ).execute();
  await createIndex(db, 'imaging_jobs', ['status', 'created_at']);
  await createIndex(db, 'imaging_jobs', ['exam_id']);

  await addColumns(
    db.schema
      .createTable('imaging_maps')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('exam_id', 'text', (c) => c.notNull().references('cmr_exams.id'))
      .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
      .addColumn('job_id', 'text', (c) => c.references('imaging_jobs.id'))
      .addColumn('instance_id', 'text', (c) => c.references('dicom_instances.id')),
    [
      text('kind', 'nn'),
      text('series_instance_uid', 'nn'),
      text('series_kind', 'nn'),
      int('slice_index', 'nn'),
      int('image_index', 'nn'),
      int('frame'),
      int('rows', 'nn'),
      int('columns', 'nn'),
      text('pixel_spacing'),
      text('geometry', 'nn'),
      text('units', 'nn'),
      text('model'),
      text('times', 'nn'),
      text('time_kind'),
      text('sidecar'),
      int('valid_pixels'),
      ...STAMPS,
    ]
  )
    .addColumn('pixels', blob(dialect))
    .addColumn('r2', blob(dialect))
    .addColumn('preview_png', blob(dialect))
    .addColumn('dicom', blob(dialect))
    .execute();
  await createIndex(db, 'imaging_maps', ['exam_id', 'kind']);
  await createIndex(db, 'imaging_maps', ['exam_id', 'series_instance_uid']);
}

/** Drops what {@link createImagingTables} created. */
export async function dropImagingTables(db: Kysely<unknown>): Promise<void> {
  for (const t of ['imaging_maps', 'imaging_jobs', 'dicom_series', 'dicom_instances']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
