import { decodeImage } from '../dicom/decode/decode-image.js';
import type { DicomImage, Orientation, Vec3 } from '../dicom/dicom-image.js';
import { sourceImagesOf } from './classify.js';
import type { DicomSeries } from './dicom-series.js';
import { groupSlices } from './slices.js';
import { inversionTimes, t2PrepTimes } from './times.js';

/** A series the engine cannot fit as asked (missing tags, too few images...): bad input. */
export class SeriesInputError extends Error {
  override readonly name = 'SeriesInputError';
}

/** Where a slice sits: everything a derived map needs to share the source's geometry. */
export interface SliceGeometry {
  readonly rows: number;
  readonly columns: number;
  /** Row spacing, column spacing (mm). */
  readonly pixelSpacing: readonly [number, number] | undefined;
  readonly sliceThickness: number | undefined;
  readonly imagePositionPatient: Vec3 | undefined;
  readonly imageOrientationPatient: Orientation | undefined;
  readonly sliceLocation: number | undefined;
  /** Position along the slice normal (mm). */
  readonly position: number;
  readonly frameOfReferenceUid: string | undefined;
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
}

/** One slice ready to fit: images sorted by time and their signals, pixel-major. */
export interface SliceStack {
  /** Order along the slice normal. */
  readonly index: number;
  readonly geometry: SliceGeometry;
  /** Inversion or preparation times (ms), ascending. */
  readonly times: Float64Array;
  /** Where the times were read. */
  readonly timeSource: string;
  /** The images, in the order of `times`. */
  readonly images: readonly DicomImage[];
  /** `signals[p·n + i]` is pixel p (row-major) at time i; n = times.length. */
  readonly signals: Float64Array;
}

/** Which timing cascade to use. */
export type StackQuantity = 't1' | 't2';

/** Geometry of the first image of a slice. */
export function geometryOf(img: DicomImage, position: number): SliceGeometry {
  return {
    rows: img.rows,
    columns: img.columns,
    pixelSpacing: img.pixelSpacing,
    sliceThickness: img.sliceThickness,
    imagePositionPatient: img.imagePositionPatient,
    imageOrientationPatient: img.imageOrientationPatient,
    sliceLocation: img.sliceLocation,
    position,
    frameOfReferenceUid: img.frameOfReferenceUid,
    studyInstanceUid: img.studyInstanceUid,
    seriesInstanceUid: img.seriesInstanceUid,
  };
}

/**
 * Splits a source series into slices, reads each slice's times through the cascade (T1:
 * {@link inversionTimes}; T2: {@link t2PrepTimes}), sorts the images by time (never by instance
 * number or file order) and decodes their pixels into one pixel-major array per slice.
 *
 * @param series - a T1 or T2 source series
 * @param quantity - `t1` or `t2`
 * @param options - `signal` cancels between images; `onImage` reports decoding progress
 * @throws SeriesInputError naming the slice and the problem (no times, duplicates, sizes, too few)
 */
export async function loadSliceStacks(
  series: DicomSeries,
  quantity: StackQuantity,
  options: { readonly signal?: AbortSignal; readonly onImage?: (done: number, total: number) => void } = {}
): Promise<SliceStack[]> {
  const sources = sourceImagesOf(series);
  if (sources.length === 0) {
    throw new SeriesInputError(`series ${series.seriesInstanceUid}: no magnitude source images`);
  }
  const slices = groupSlices(sources);
  const minImages = quantity === 't1' ? 4 : 2;
  const total = sources.length;
  let done = 0;
  const out: SliceStack[] = [];
  for (const slice of slices) {
    const label = `slice ${slice.index}`;
    const found = quantity === 't1' ? inversionTimes(slice.images) : t2PrepTimes(slice.images);
    if (!found) {
      const tried =
        quantity === 't1'
          ? 'Inversion Times (0018,9079), InversionTime (0018,0082), Philips (2005,1572), ImageComments "TI", TriggerTime (0018,1060)'
          : 'ImageComments "T2 prep. duration", Effective Echo Time (0018,9082), EchoTime (0018,0081)';
      throw new SeriesInputError(
        `${label}: no ${quantity === 't1' ? 'inversion' : 'T2-preparation'} times vary across its ${slice.images.length} images (tried ${tried})`
      );
    }
    if (slice.images.length < minImages) {
      throw new SeriesInputError(`${label}: ${slice.images.length} images, at least ${minImages} needed`);
    }
    const order = slice.images.map((img, i) => ({ img, t: found.times[i]! })).sort((a, b) => a.t - b.t);
    for (let i = 1; i < order.length; i++) {
      if (Math.abs(order[i]!.t - order[i - 1]!.t) < 1e-6) {
        throw new SeriesInputError(
          `${label}: two images with the same time ${order[i]!.t} ms (${order[i - 1]!.img.source}, ${order[i]!.img.source})`
        );
      }
    }
    const first = order[0]!.img;
    for (const { img } of order) {
      if (img.rows !== first.rows || img.columns !== first.columns) {
        throw new SeriesInputError(
          `${label}: images of different sizes (${first.rows}x${first.columns} and ${img.rows}x${img.columns})`
        );
      }
    }
    const n = order.length;
    const nPix = first.rows * first.columns;
    const signals = new Float64Array(nPix * n);
    for (let i = 0; i < n; i++) {
      options.signal?.throwIfAborted();
      const px = await decodeImage(order[i]!.img);
      for (let p = 0; p < nPix; p++) signals[p * n + i] = px[p]!;
      options.onImage?.(++done, total);
    }
    out.push({
      index: slice.index,
      geometry: geometryOf(first, slice.position),
      times: Float64Array.from(order, (o) => o.t),
      timeSource: found.source,
      images: order.map((o) => o.img),
      signals,
    });
  }
  return out;
}
