import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DicomImage, Orientation, Vec3 } from '../dicom/dicom-image.js';
import { parseDicomBytes } from '../dicom/parse-dicom.js';
import type { SliceGeometry } from '../series/load-slices.js';
import { readFloat32Le } from '../output/raw-f32.js';

/** A map sidecar that cannot be used (missing file, wrong fields): bad input. */
export class MapFileError extends Error {
  override readonly name = 'MapFileError';
}

/** A map read back from its sidecar and raw file. */
export interface LoadedMap {
  readonly path: string;
  readonly kind: string;
  readonly units: string;
  readonly model: string;
  readonly sliceIndex: number;
  readonly values: Float32Array;
  readonly geometry: SliceGeometry;
  readonly times: readonly number[];
  /** The map's own DICOM file, parsed (for patient/study attributes), when present. */
  readonly template: DicomImage | undefined;
}

function field<T>(obj: Record<string, unknown>, key: string, check: (v: unknown) => v is T, path: string): T {
  const v = obj[key];
  if (!check(v)) throw new MapFileError(`${path}: field "${key}" is missing or invalid`);
  return v;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumbers =
  (n: number) =>
  (v: unknown): v is number[] =>
    Array.isArray(v) && v.length === n && v.every(isNumber);

/**
 * Reads a map through its sidecar JSON (the `files.map` raw float32 next to it), as written by
 * {@link writeMapOutputs}.
 *
 * @throws MapFileError naming the file and field at fault
 */
export async function loadMapSidecar(path: string): Promise<LoadedMap> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new MapFileError(
      `${path}: cannot read the sidecar (${error instanceof Error ? error.message : String(error)})`
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new MapFileError(`${path}: not a JSON object`);
  }
  const o = json as Record<string, unknown>;
  const rows = field(o, 'rows', isNumber, path);
  const columns = field(o, 'columns', isNumber, path);
  const files = field(
    o,
    'files',
    (v): v is Record<string, unknown> => typeof v === 'object' && v !== null,
    path
  );
  const mapFile = field(files, 'map', isString, path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(dirname(path), mapFile));
  } catch {
    throw new MapFileError(`${path}: map file ${mapFile} not found next to the sidecar`);
  }
  let values: Float32Array;
  try {
    values = readFloat32Le(bytes, rows * columns);
  } catch (error) {
    throw new MapFileError(`${path}: ${mapFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let template: DicomImage | undefined;
  const dicomFile = files.dicom;
  if (typeof dicomFile === 'string') {
    try {
      template = parseDicomBytes(await readFile(join(dirname(path), dicomFile)), dicomFile)[0];
    } catch {
      template = undefined;
    }
  }
  const spacing = o.pixel_spacing_mm;
  const position = o.image_position_patient;
  const orientation = o.image_orientation_patient;
  const times = Array.isArray(o.times_ms) ? o.times_ms.filter(isNumber) : [];
  return {
    path,
    kind: field(o, 'kind', isString, path),
    units: isString(o.units) ? o.units : '',
    model: isString(o.model) ? o.model : '',
    sliceIndex: isNumber(o.slice_index) ? o.slice_index : 0,
    values,
    times,
    template,
    geometry: {
      rows,
      columns,
      pixelSpacing: isNumbers(2)(spacing) ? [spacing[0]!, spacing[1]!] : undefined,
      sliceThickness: isNumber(o.slice_thickness_mm) ? o.slice_thickness_mm : undefined,
      imagePositionPatient: isNumbers(3)(position) ? (position as unknown as Vec3) : undefined,
      imageOrientationPatient: isNumbers(6)(orientation)
        ? (orientation as unknown as Orientation)
        : undefined,
      sliceLocation: undefined,
      position: isNumber(o.slice_position_mm) ? o.slice_position_mm : 0,
      frameOfReferenceUid: isString(o.frame_of_reference_uid) ? o.frame_of_reference_uid : undefined,
      studyInstanceUid: isString(o.study_instance_uid) ? o.study_instance_uid : '',
      seriesInstanceUid: isString(o.series_instance_uid) ? o.series_instance_uid : '',
    },
  };
}
