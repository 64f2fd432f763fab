import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FitStatus, fitStatusName } from '../fit/fit-status.js';
import type { MapResult, MapSlice } from '../map/map-result.js';
import type { ColourMap } from './colour-maps.js';
import { encodeDicomMap } from './dicom-map.js';
import { float32LeBytes } from './raw-f32.js';
import { renderPreviewPng } from './render-preview.js';
import { contentHash, derivedUid } from './uid.js';

/** The sidecar JSON of one map slice (mapping-cli.md "Outputs"); snake_case on purpose. */
export interface MapSidecar {
  readonly kind: 't1' | 't2' | 'ecv';
  readonly rows: number;
  readonly columns: number;
  readonly pixel_spacing_mm: readonly [number, number] | null;
  readonly image_position_patient: readonly number[] | null;
  readonly image_orientation_patient: readonly number[] | null;
  readonly series_instance_uid: string;
  readonly study_instance_uid: string;
  readonly frame_of_reference_uid: string | null;
  readonly units: 'ms' | 'fraction';
  readonly model: string;
  readonly times_ms: readonly number[];
  readonly fitted_pixels: number;
  readonly files: {
    readonly map: string;
    readonly r2?: string;
    readonly dicom: string;
    readonly preview: string;
  };
  readonly warnings: readonly string[];
  /** Extra fields (allowed by the contract): provenance and details. */
  readonly slice_index: number;
  readonly slice_position_mm: number;
  readonly slice_thickness_mm: number | null;
  readonly valid_pixels: number;
  readonly algorithm: string;
  readonly time_source: string | null;
  readonly mask: string;
  readonly status_counts: Readonly<Record<string, number>>;
  readonly source_series_description: string;
  readonly map_series_instance_uid: string;
  readonly map_sop_instance_uid: string;
  readonly generator: string;
  readonly [extra: string]: unknown;
}

/** Preview and provenance options for {@link writeMapOutputs}. */
export interface WriteMapOptions {
  readonly colourMap?: ColourMap;
  readonly range?: readonly [number, number];
  /** Extra sidecar fields (e.g. ECV inputs), the same for every slice or per slice. */
  readonly extra?:
    Readonly<Record<string, unknown>> | ((slice: MapSlice) => Readonly<Record<string, unknown>>);
  /** Series number of the derived DICOM series (default: 9000 + kind offset). */
  readonly seriesNumber?: number;
}

const GENERATOR = 'cmr-mass imaging 0.1.0';
const TITLES = { t1: 'T1', t2: 'T2', ecv: 'ECV' } as const;
const DEFAULT_COLOURS: Readonly<Record<MapResult['kind'], ColourMap>> = {
  t1: 'viridis',
  t2: 'magma',
  ecv: 'magma',
};
const SERIES_NUMBERS = { t1: 9001, t2: 9002, ecv: 9003 } as const;

function statusCounts(slice: MapSlice): Record<string, number> {
  const counts: Record<string, number> = {};
  if (!slice.status) return counts;
  for (const s of slice.status) {
    if (s === FitStatus.notFitted) continue;
    const name = fitStatusName[s as FitStatus];
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** The files of one slice, in memory: name -> bytes, plus its sidecar. */
export function renderSliceFiles(
  result: MapResult,
  slice: MapSlice,
  mapSeriesUid: string,
  options: WriteMapOptions = {}
): { files: Map<string, Uint8Array>; sidecar: MapSidecar } {
  const k = slice.index;
  const stem = `${result.kind}_${k}`;
  const names = {
    map: `${stem}.f32`,
    ...(slice.r2 ? { r2: `${stem}_r2.f32` } : {}),
    dicom: `${stem}.dcm`,
    preview: `${stem}.png`,
  };
  const g = slice.geometry;
  const sopUid = derivedUid('sop', mapSeriesUid, k, contentHash(slice.values));
  const files = new Map<string, Uint8Array>();
  files.set(names.map, float32LeBytes(slice.values));
  if (slice.r2 && names.r2) files.set(names.r2, float32LeBytes(slice.r2));
  files.set(
    names.dicom,
    encodeDicomMap(slice, {
      kind: result.kind,
      model: slice.model,
      seriesInstanceUid: mapSeriesUid,
      sopInstanceUid: sopUid,
      seriesNumber: options.seriesNumber ?? SERIES_NUMBERS[result.kind],
      seriesDescription: `cmr-mass ${TITLES[result.kind]} map (${result.model})`.slice(0, 64),
      template: slice.template,
    })
  );
  files.set(
    names.preview,
    renderPreviewPng(slice.values, g.rows, g.columns, {
      colourMap: options.colourMap ?? DEFAULT_COLOURS[result.kind],
      ...(options.range ? { range: options.range } : {}),
      ...(slice.r2 ? { quality: slice.r2 } : {}),
      title: TITLES[result.kind],
      units: result.units,
    })
  );
  const sidecar: MapSidecar = {
    kind: result.kind,
    rows: g.rows,
    columns: g.columns,
    pixel_spacing_mm: g.pixelSpacing ?? null,
    image_position_patient: g.imagePositionPatient ?? null,
    image_orientation_patient: g.imageOrientationPatient ?? null,
    series_instance_uid: g.seriesInstanceUid,
    study_instance_uid: g.studyInstanceUid,
    frame_of_reference_uid: g.frameOfReferenceUid ?? null,
    units: result.units,
    model: slice.model,
    times_ms: slice.times,
    fitted_pixels: slice.fittedPixels,
    files: names,
    warnings: slice.warnings,
    slice_index: k,
    slice_position_mm: g.position,
    slice_thickness_mm: g.sliceThickness ?? null,
    valid_pixels: slice.validPixels,
    algorithm: result.algorithm,
    time_source: slice.timeSource ?? null,
    mask: slice.mask.description,
    status_counts: statusCounts(slice),
    source_series_description: result.seriesDescription,
    map_series_instance_uid: mapSeriesUid,
    map_sop_instance_uid: sopUid,
    generator: GENERATOR,
    ...(typeof options.extra === 'function' ? options.extra(slice) : (options.extra ?? {})),
  };
  files.set(`${stem}.json`, new TextEncoder().encode(`${JSON.stringify(sidecar, null, 2)}\n`));
  return { files, sidecar };
}

/**
 * The SeriesInstanceUID of a map series: derived from the kind, model, source series and every
 * slice's pixels, so the same computation gives the same UID and another result another one.
 */
export function mapSeriesUidOf(result: MapResult): string {
  return derivedUid(
    'series',
    result.kind,
    result.model,
    result.seriesInstanceUid,
    ...result.slices.map((s) => contentHash(s.values))
  );
}

/**
 * Writes every slice of a map into `dir`: `<kind>_<k>.f32` (little-endian float32, row-major, NaN
 * where not fitted), `<kind>_<k>_r2.f32` (T1, T2), `<kind>_<k>.json` (sidecar), `<kind>_<k>.dcm`
 * (DICOM MR image with rescale to the map's units, same frame of reference and geometry as the
 * source) and `<kind>_<k>.png` (preview with colour bar and units), as mapping-cli.md specifies.
 *
 * Atomic: everything is first written to a fresh sibling folder, then moved into `dir` (created if
 * missing); if anything fails, nothing appears in `dir`.
 *
 * @returns the sidecars, one per slice
 */
export async function writeMapOutputs(
  dir: string,
  result: MapResult,
  options: WriteMapOptions = {}
): Promise<MapSidecar[]> {
  const target = resolve(dir);
  const mapSeriesUid = mapSeriesUidOf(result);
  const rendered = result.slices.map((s) => renderSliceFiles(result, s, mapSeriesUid, options));
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.tmp-${randomBytes(6).toString('hex')}`);
  await mkdir(staging);
  try {
    for (const r of rendered) {
      for (const [name, bytes] of r.files) await writeFile(join(staging, name), bytes);
    }
    const exists = await stat(target).then(
      (s) => s.isDirectory(),
      () => false
    );
    if (!exists) {
      await rename(staging, target);
    } else {
      for (const name of await readdir(staging)) await rename(join(staging, name), join(target, name));
      await rm(staging, { recursive: true, force: true });
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return rendered.map((r) => r.sidecar);
}
