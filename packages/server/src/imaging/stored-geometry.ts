import type { Orientation, SliceGeometry, Vec3 } from '@cmr-mass/imaging';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function numbers(v: unknown, n: number): number[] | undefined {
  return Array.isArray(v) && v.length === n && v.every(isNumber) ? v : undefined;
}

const vec3 = (v: readonly number[]): Vec3 => [v[0]!, v[1]!, v[2]!];
const orientationOf = (v: readonly number[]): Orientation => [v[0]!, v[1]!, v[2]!, v[3]!, v[4]!, v[5]!];

/**
 * A slice geometry read back from the JSON `db` keeps with each map (imaging's `SliceGeometry`:
 * size, spacing, position and orientation of the slice, DICOM PS3.3 C.7.6.2), checking every field.
 * Missing or malformed optional fields become undefined; rows and columns fall back to the row's.
 */
export function geometryFromJson(json: string, rows: number, columns: number): SliceGeometry {
  let o: Record<string, unknown> = {};
  try {
    const v: unknown = JSON.parse(json);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) o = v as Record<string, unknown>;
  } catch {
    o = {};
  }
  const spacing = numbers(o.pixelSpacing, 2);
  const position = numbers(o.imagePositionPatient, 3);
  const orientation = numbers(o.imageOrientationPatient, 6);
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return {
    rows: isNumber(o.rows) ? o.rows : rows,
    columns: isNumber(o.columns) ? o.columns : columns,
    pixelSpacing: spacing ? [spacing[0]!, spacing[1]!] : undefined,
    sliceThickness: isNumber(o.sliceThickness) ? o.sliceThickness : undefined,
    imagePositionPatient: position ? vec3(position) : undefined,
    imageOrientationPatient: orientation ? orientationOf(orientation) : undefined,
    sliceLocation: isNumber(o.sliceLocation) ? o.sliceLocation : undefined,
    position: isNumber(o.position) ? o.position : 0,
    frameOfReferenceUid: str(o.frameOfReferenceUid),
    studyInstanceUid: str(o.studyInstanceUid) ?? '',
    seriesInstanceUid: str(o.seriesInstanceUid) ?? '',
  };
}
