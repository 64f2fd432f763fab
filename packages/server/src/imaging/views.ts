import { MappingSequence } from '@cmr-mass/core';
import type { DicomSeriesRow, ImageKind, ImageMeta } from '@cmr-mass/db';
import { z } from 'zod';

/**
 * What the imaging API shows of the stored series and images: camelCase views of `db`'s imaging rows,
 * with the acquisition as `core`'s `MappingSequence` code and a short label for people.
 */

/** A classified series of an exam, as the API shows it. */
export interface SeriesView {
  readonly id: string;
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly seriesNumber: number | null;
  readonly description: string;
  readonly modality: string;
  readonly manufacturer: string;
  /** imaging's `SeriesKind`: `molli`, `shmolli`, `look-locker`, `t2prep`, `map` or `other`. */
  readonly kind: string;
  /** The acquisition as `core`'s `MappingSequence` code, for mapping sources. */
  readonly sequence?: MappingSequence;
  readonly mapQuantity: string | null;
  readonly reason: string;
  readonly timeSource: string | null;
  /** Sorted inversion or preparation times of the first slice (ms). */
  readonly timesMs: readonly number[];
  readonly instances: number;
  readonly images: number;
  readonly slices: number;
  readonly sizeBytes: number;
  readonly updatedAt: string;
}

/** A map or source image of an exam, as the API lists it (the web viewer's `ServerMap`). */
export interface MapView {
  readonly id: string;
  readonly kind: ImageKind;
  readonly rows: number;
  readonly columns: number;
  /** Row spacing, column spacing (mm). */
  readonly pixelSpacingMm?: readonly [number, number];
  /** `ms`, `fraction`, or '' for source images. */
  readonly units: string;
  readonly model?: string;
  readonly seriesInstanceUid: string;
  readonly sequence?: MappingSequence;
  readonly name: string;
  readonly sliceIndex: number;
  readonly imageIndex: number;
  /** A source image's own inversion or preparation time (ms). */
  readonly timeMs?: number;
  readonly timeKind?: 'TI' | 'TE';
  /** The job that made a map. */
  readonly jobId?: string;
  /** The uploaded instance a source image is a frame of. */
  readonly instanceId?: string;
  readonly validPixels?: number;
  readonly createdAt: string;
}

/** The series kinds of T1 sources (imaging's `SeriesKind`). */
export const T1_SOURCE_KINDS: readonly string[] = ['molli', 'shmolli', 'look-locker'];
/** The series kind of T2 sources. */
export const T2_SOURCE_KIND = 't2prep';

/**
 * The acquisition as `core`'s `MappingSequence` (Messroghli et al., JCMR 2017;19:75): from the model a
 * map was fitted with when it says (ShMOLLI's conditional rule), else from the source series' kind.
 * Look-Locker series other than MOLLI are `t1_other`; imaging's T2 sources are T2-prepared bSSFP.
 */
export function sequenceOf(seriesKind: string, model?: string | null): MappingSequence | undefined {
  if (model?.startsWith('shmolli')) return 'shmolli';
  if (model?.startsWith('molli')) return 'molli';
  switch (seriesKind) {
    case 'molli':
      return 'molli';
    case 'shmolli':
      return 'shmolli';
    case 'look-locker':
      return 't1_other';
    case 't2prep':
      return 't2prep_bssfp';
    default:
      return undefined;
  }
}

/** A JSON array of numbers stored as text, or [] when it is anything else. */
export function numbersOf(json: string | null): number[] {
  if (json === null) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)) : [];
  } catch {
    return [];
  }
}

/** The API view of a series row. */
export function seriesView(r: DicomSeriesRow): SeriesView {
  const sequence = sequenceOf(r.kind);
  return {
    id: r.id,
    seriesInstanceUid: r.series_instance_uid,
    studyInstanceUid: r.study_instance_uid,
    seriesNumber: r.series_number,
    description: r.description,
    modality: r.modality,
    manufacturer: r.manufacturer,
    kind: r.kind,
    ...(sequence ? { sequence } : {}),
    mapQuantity: r.map_quantity,
    reason: r.reason,
    timeSource: r.time_source,
    timesMs: numbersOf(r.times),
    instances: r.instances,
    images: r.images,
    slices: r.slices,
    sizeBytes: r.size_bytes,
    updatedAt: r.updated_at,
  };
}

const TITLES = { t1: 'T1 map', t2: 'T2 map', ecv: 'ECV map' } as const;

function formatMs(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/**
 * A short label: `T1 map · slice 1 · MOLLI`, `ECV map · slice 1`, or for a source image its series,
 * slice and time, `MOLLI 5(3)3 · slice 1 · TI 180 ms`.
 */
export function imageName(image: ImageMeta, seriesDescription: string | undefined): string {
  const slice = `slice ${image.slice_index + 1}`;
  if (image.kind !== 'source') {
    const sequence = image.kind === 'ecv' ? undefined : sequenceOf(image.series_kind, image.model);
    return [TITLES[image.kind], slice, ...(sequence ? [MappingSequence.label(sequence)] : [])].join(' · ');
  }
  const time = numbersOf(image.times)[0];
  const when =
    time !== undefined && image.time_kind !== null
      ? `${image.time_kind} ${formatMs(time)} ms`
      : `image ${image.image_index + 1}`;
  return [seriesDescription || 'source', slice, when].join(' · ');
}

function spacingOf(json: string | null): readonly [number, number] | undefined {
  const v = numbersOf(json);
  return v.length === 2 ? [v[0]!, v[1]!] : undefined;
}

/** The API view of a map or source image row. */
export function mapView(image: ImageMeta, seriesDescription: string | undefined): MapView {
  const spacing = spacingOf(image.pixel_spacing);
  const sequence = sequenceOf(image.series_kind, image.model);
  const time = image.kind === 'source' ? numbersOf(image.times)[0] : undefined;
  const timeKind = image.time_kind === 'TI' || image.time_kind === 'TE' ? image.time_kind : undefined;
  return {
    id: image.id,
    kind: image.kind,
    rows: image.rows,
    columns: image.columns,
    ...(spacing ? { pixelSpacingMm: spacing } : {}),
    units: image.units,
    ...(image.model !== null ? { model: image.model } : {}),
    seriesInstanceUid: image.series_instance_uid,
    ...(sequence ? { sequence } : {}),
    name: imageName(image, seriesDescription),
    sliceIndex: image.slice_index,
    imageIndex: image.image_index,
    ...(time !== undefined ? { timeMs: time } : {}),
    ...(timeKind ? { timeKind } : {}),
    ...(image.job_id !== null ? { jobId: image.job_id } : {}),
    ...(image.instance_id !== null ? { instanceId: image.instance_id } : {}),
    ...(image.valid_pixels !== null ? { validPixels: image.valid_pixels } : {}),
    createdAt: image.created_at,
  };
}

const sequenceSchema = z.enum(MappingSequence.codes);

/** The OpenAPI schema of {@link SeriesView}. */
export const seriesViewSchema = z.object({
  id: z.string(),
  seriesInstanceUid: z.string(),
  studyInstanceUid: z.string(),
  seriesNumber: z.number().nullable(),
  description: z.string(),
  modality: z.string(),
  manufacturer: z.string(),
  kind: z.string().describe('molli, shmolli, look-locker, t2prep, map or other'),
  sequence: sequenceSchema.optional().describe("core's MappingSequence code, for mapping sources"),
  mapQuantity: z.string().nullable(),
  reason: z.string().describe('why the engine classified the series so'),
  timeSource: z.string().nullable(),
  timesMs: z.array(z.number()),
  instances: z.number(),
  images: z.number(),
  slices: z.number(),
  sizeBytes: z.number(),
  updatedAt: z.string(),
});

/** The OpenAPI schema of {@link MapView}. */
export const mapViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['source', 't1', 't2', 'ecv']),
  rows: z.number(),
  columns: z.number(),
  pixelSpacingMm: z.tuple([z.number(), z.number()]).optional(),
  units: z.string().describe("ms, fraction, or '' for source images"),
  model: z.string().optional(),
  seriesInstanceUid: z.string(),
  sequence: sequenceSchema.optional(),
  name: z.string(),
  sliceIndex: z.number(),
  imageIndex: z.number(),
  timeMs: z.number().optional(),
  timeKind: z.enum(['TI', 'TE']).optional(),
  jobId: z.string().optional(),
  instanceId: z.string().optional(),
  validPixels: z.number().optional(),
  createdAt: z.string(),
});
