import type { Kysely } from 'kysely';
import type { DB } from '../schema/tables.js';

/**
 * The Kysely types of the imaging tables (migration 0002). Snake_case columns as everywhere; JSON as
 * text; binary columns are `Uint8Array` (Node `Buffer` when read back, on both dialects).
 */

/** One uploaded DICOM file (a Part 10 object, kept byte for byte). */
export interface DicomInstanceRow {
  id: string;
  exam_id: string;
  participant_id: string;
  study_instance_uid: string;
  series_instance_uid: string;
  sop_instance_uid: string;
  /** The uploaded file's name (or `archive.zip:entry`). */
  source_name: string;
  /** Images in the file (1, or the frames of an enhanced multi-frame object). */
  frames: number;
  size_bytes: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  data: Uint8Array;
  created_by: string;
  created_at: string;
}

/** A series of an exam as the imaging engine classified it (rebuilt whenever it gains instances). */
export interface DicomSeriesRow {
  id: string;
  exam_id: string;
  participant_id: string;
  series_instance_uid: string;
  study_instance_uid: string;
  series_number: number | null;
  description: string;
  modality: string;
  manufacturer: string;
  /** `molli`, `shmolli`, `look-locker`, `t2prep`, `map` or `other` (imaging's `SeriesKind`). */
  kind: string;
  map_quantity: string | null;
  reason: string;
  time_source: string | null;
  /** JSON array: the sorted inversion or preparation times of the first slice (ms). */
  times: string;
  instances: number;
  images: number;
  slices: number;
  size_bytes: number;
  updated_by: string;
  updated_at: string;
}

/** The states of an imaging job. */
export const JobStatus = {
  queued: 'queued',
  running: 'running',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
} as const;
export type JobStatus = (typeof JobStatus)[keyof typeof JobStatus];

/** A fit (T1, T2) or an ECV computation, leased by one app server at a time. */
export interface ImagingJobRow {
  id: string;
  exam_id: string;
  participant_id: string;
  /** `t1`, `t2` or `ecv`. */
  kind: string;
  /** JSON: what to compute (series, method, maps, haematocrit, blood ROI...). */
  params: string;
  status: JobStatus;
  /** 0-1. */
  progress: number;
  /** `queued`, `decode`, `fit`, `store`... for people. */
  stage: string | null;
  error: string | null;
  /** JSON `{ mapIds: [...] }` when done. */
  result: string | null;
  /** How many times a server started it (a crashed server's lease expires and it is retried). */
  attempts: number;
  /** The app server holding the lease, and until when (UTC ISO). */
  lease_owner: string | null;
  lease_expires_at: string | null;
  /** JSON of the `Actor` who asked for it: the maps are recorded in the audit trail as theirs. */
  actor: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** The kinds of image the viewer shows. */
export type ImageKind = 'source' | 't1' | 't2' | 'ecv';

/**
 * A parametric map slice (`t1`, `t2`, `ecv`: float32 pixels, R², preview PNG and DICOM stored) or a
 * source image (`source`: a frame of an uploaded instance, decoded when asked for).
 */
export interface ImagingMapRow {
  id: string;
  exam_id: string;
  participant_id: string;
  job_id: string | null;
  instance_id: string | null;
  kind: ImageKind;
  /** The source series (for ECV: the native T1 map's). */
  series_instance_uid: string;
  /** The source series' kind (imaging's `SeriesKind`), from which the mapping sequence follows. */
  series_kind: string;
  slice_index: number;
  /** Source images: order within the slice by time; maps: 0. */
  image_index: number;
  frame: number | null;
  rows: number;
  columns: number;
  /** JSON `[row, column]` spacing in mm, or null. */
  pixel_spacing: string | null;
  /** JSON of the slice geometry (imaging's `SliceGeometry`). */
  geometry: string;
  /** `ms`, `fraction` or '' (source). */
  units: string;
  model: string | null;
  /** JSON array of times (ms): a source image's own TI or TE; a map's sampled times. */
  times: string;
  /** `TI` or `TE` (source images of mapping series), else null. */
  time_kind: string | null;
  /** JSON: the map's sidecar (mapping-cli.md), null for source images. */
  sidecar: string | null;
  valid_pixels: number | null;
  pixels: Uint8Array | null;
  r2: Uint8Array | null;
  preview_png: Uint8Array | null;
  dicom: Uint8Array | null;
  created_by: string;
  created_at: string;
}

/** The imaging tables. */
export type ImagingTables = {
  dicom_instances: DicomInstanceRow;
  dicom_series: DicomSeriesRow;
  imaging_jobs: ImagingJobRow;
  imaging_maps: ImagingMapRow;
};

/** The database with the imaging tables. */
export type ImagingDB = DB & ImagingTables;

/** A Kysely instance (or transaction) that knows the imaging tables. */
export function withImaging(db: Kysely<DB>): Kysely<ImagingDB> {
  return db.withTables<ImagingTables>();
}

/** A blob for a driver: a `Buffer` view of the bytes (no copy). */
export function toBlob(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The bytes of a blob read back (a `Buffer` on both dialects), as a plain `Uint8Array` view. */
export function fromBlob(value: Uint8Array | null | undefined): Uint8Array | null {
  if (value === null || value === undefined) return null;
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}
