import type { DicomImage, Orientation, Vec3 } from '../dicom/dicom-image.js';

/** The images of one slice location of a series, unsorted. */
export interface SliceGroup {
  /** Order along the slice normal, 0 first. */
  readonly index: number;
  /** Position along the slice normal (mm): ImagePositionPatient · (row × column). */
  readonly position: number;
  readonly images: readonly DicomImage[];
}

/** Slice normal n = row × column of ImageOrientationPatient (PS3.3 C.7.6.2.1.1). */
export function sliceNormal(o: Orientation): Vec3 {
  const [rx, ry, rz, cx, cy, cz] = o;
  return [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx];
}

/** Tolerance (mm) under which two positions along the normal are the same slice. */
const SAME_SLICE_MM = 0.1;

/**
 * Splits images into slices by their position along the slice normal (ImagePositionPatient
 * projected on row × column), falling back to SliceLocation, then to a single slice when neither is
 * present. Slices are numbered in order of position along the normal. Images with another
 * orientation than the first are grouped separately (after the others).
 *
 * Philips multi-slice MOLLI keeps several slices in one series, each with its own inversion
 * times, so grouping must precede any timing logic (mapping.md §1.9, pitfall 2).
 */
export function groupSlices(images: readonly DicomImage[]): SliceGroup[] {
  if (images.length === 0) return [];
  const ref = images.find((i) => i.imageOrientationPatient !== undefined)?.imageOrientationPatient;
  const normal = ref ? sliceNormal(ref) : undefined;
  const keyed = images.map((img) => {
    let pos: number | undefined;
    let family = 0;
    const o = img.imageOrientationPatient;
    if (normal && img.imagePositionPatient && o) {
      const dot = o.reduce((s, v, i) => s + v * ref![i]!, 0);
      // Two orientations agree when both unit vectors match (dot of the 6-vector ~ 2).
      family = Math.abs(dot - 2) < 1e-3 ? 0 : 1 + Math.round((dot + 2) * 1000);
      const p = img.imagePositionPatient;
      const n = family === 0 ? normal : sliceNormal(o);
      pos = p[0] * n[0] + p[1] * n[1] + p[2] * n[2];
    } else if (img.sliceLocation !== undefined) {
      pos = img.sliceLocation;
    }
    return { img, pos: pos ?? 0, family };
  });
  keyed.sort((a, b) => a.family - b.family || a.pos - b.pos);
  const groups: { position: number; images: DicomImage[]; family: number }[] = [];
  for (const k of keyed) {
    const last = groups[groups.length - 1];
    if (last && last.family === k.family && Math.abs(k.pos - last.position) <= SAME_SLICE_MM) {
      last.images.push(k.img);
    } else groups.push({ position: k.pos, images: [k.img], family: k.family });
  }
  return groups.map((g, index) => ({ index, position: g.position, images: g.images }));
}
