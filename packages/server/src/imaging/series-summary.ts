import type { NewInstance, NewSourceImage, SeriesSummary, UploadChanges } from '@cmr-mass/db';
import {
  classifySeries,
  geometryOf,
  groupSeries,
  groupSlices,
  inversionTimes,
  sourceImagesOf,
  t2PrepTimes,
  type DicomImage,
  type DicomSeries,
  type SeriesClassification,
} from '@cmr-mass/imaging';
import { T1_SOURCE_KINDS, T2_SOURCE_KIND } from './views.js';

function byInstanceOrder(a: DicomImage, b: DicomImage): number {
  return (
    (a.instanceNumber ?? Number.MAX_SAFE_INTEGER) - (b.instanceNumber ?? Number.MAX_SAFE_INTEGER) ||
    a.sopInstanceUid.localeCompare(b.sopInstanceUid) ||
    a.frame - b.frame
  );
}

/**
 * The viewable frames of a series in the order the viewer shows them: slices along the normal
 * (imaging's `groupSlices`); within a slice of a T1 or T2 source, the fit's source images sorted by
 * their inversion or preparation time (the cascade of mapping.md §3.2) with that time, then any other
 * image (a scanner map stored in the series); elsewhere by instance number.
 */
export function sourceFrames(series: DicomSeries, c: SeriesClassification): NewSourceImage[] {
  const timeKind = T1_SOURCE_KINDS.includes(c.kind) ? 'TI' : c.kind === T2_SOURCE_KIND ? 'TE' : null;
  const fitted = new Set(timeKind ? sourceImagesOf(series) : []);
  const out: NewSourceImage[] = [];
  for (const slice of groupSlices(series.images)) {
    const sources = slice.images.filter((img) => fitted.has(img));
    const times =
      sources.length === 0 ? undefined : timeKind === 'TI' ? inversionTimes(sources) : t2PrepTimes(sources);
    const timed = times ? sources.map((img, i) => ({ img, t: times.times[i] ?? null })) : [];
    timed.sort((a, b) => (a.t ?? 0) - (b.t ?? 0) || byInstanceOrder(a.img, b.img));
    const rest = slice.images.filter((img) => !timed.some((x) => x.img === img)).sort(byInstanceOrder);
    const ordered = [...timed, ...rest.map((img) => ({ img, t: null }))];
    for (const [imageIndex, { img, t }] of ordered.entries()) {
      out.push({
        seriesInstanceUid: series.seriesInstanceUid,
        seriesKind: c.kind,
        sopInstanceUid: img.sopInstanceUid,
        frame: img.frame,
        sliceIndex: slice.index,
        imageIndex,
        rows: img.rows,
        columns: img.columns,
        pixelSpacing: img.pixelSpacing ?? null,
        geometry: geometryOf(img, slice.position),
        timeMs: t,
        timeKind: t === null ? null : timeKind,
      });
    }
  }
  return out;
}

/** A series summary as `db` stores it, from imaging's classification. */
export function seriesSummary(series: DicomSeries, c: SeriesClassification): SeriesSummary {
  return {
    seriesInstanceUid: series.seriesInstanceUid,
    studyInstanceUid: series.studyInstanceUid,
    seriesNumber: series.seriesNumber ?? null,
    description: series.description,
    modality: series.modality,
    manufacturer: series.manufacturer,
    kind: c.kind,
    mapQuantity: c.mapQuantity ?? null,
    reason: c.reason,
    timeSource: c.timeSource ?? null,
    times: c.times,
    images: series.images.length,
    slices: c.slices,
  };
}

/** The stored instances of the touched series, read back: their SOP UIDs and images. */
export interface StoredSeriesImages {
  /** Series UID -> the SOP Instance UIDs stored when they were read. */
  readonly basedOn: ReadonlyMap<string, readonly string[]>;
  readonly images: readonly DicomImage[];
}

/**
 * What an upload changes (`db`'s `UploadChanges`): the new instances, and for every series they
 * touch the classification and viewable frames rebuilt over the stored and the new images together,
 * so that a series sent in several parts is described as a whole.
 */
export function buildUploadChanges(
  fresh: readonly { readonly instance: NewInstance; readonly images: readonly DicomImage[] }[],
  stored: StoredSeriesImages
): UploadChanges {
  const touched = new Set(fresh.map((f) => f.instance.seriesInstanceUid));
  const images = [
    ...stored.images.filter((img) => touched.has(img.seriesInstanceUid)),
    ...fresh.flatMap((f) => f.images),
  ];
  const series: SeriesSummary[] = [];
  const sources: NewSourceImage[] = [];
  for (const s of groupSeries(images)) {
    const c = classifySeries(s);
    series.push(seriesSummary(s, c));
    sources.push(...sourceFrames(s, c));
  }
  const basedOn = new Map<string, readonly string[]>();
  for (const uid of touched) basedOn.set(uid, stored.basedOn.get(uid) ?? []);
  return { instances: fresh.map((f) => f.instance), series, sources, basedOn };
}
