import type { DicomImage } from '../dicom/dicom-image.js';

/** The images of one DICOM series (same SeriesInstanceUID), in no particular order. */
export interface DicomSeries {
  readonly seriesInstanceUid: string;
  readonly studyInstanceUid: string;
  readonly frameOfReferenceUid: string | undefined;
  readonly seriesNumber: number | undefined;
  readonly description: string;
  readonly protocolName: string;
  readonly manufacturer: string;
  readonly modality: string;
  readonly images: readonly DicomImage[];
}

/**
 * Groups images by SeriesInstanceUID (0020,000E), the only reliable series key: never by folder,
 * file name or file order. Series are returned by SeriesNumber, then UID.
 *
 * See: DICOM PS3.3 C.7.3.1 (General Series module).
 */
export function groupSeries(images: readonly DicomImage[]): DicomSeries[] {
  const bySeries = new Map<string, DicomImage[]>();
  for (const img of images) {
    const list = bySeries.get(img.seriesInstanceUid);
    if (list) list.push(img);
    else bySeries.set(img.seriesInstanceUid, [img]);
  }
  const out: DicomSeries[] = [];
  for (const [uid, list] of bySeries) {
    const first = list[0]!;
    out.push({
      seriesInstanceUid: uid,
      studyInstanceUid: first.studyInstanceUid,
      frameOfReferenceUid: first.frameOfReferenceUid,
      seriesNumber: first.seriesNumber,
      description: first.seriesDescription,
      protocolName: first.protocolName,
      manufacturer: first.manufacturer,
      modality: first.modality,
      images: list,
    });
  }
  out.sort(
    (a, b) =>
      (a.seriesNumber ?? Number.MAX_SAFE_INTEGER) - (b.seriesNumber ?? Number.MAX_SAFE_INTEGER) ||
      (a.seriesInstanceUid < b.seriesInstanceUid ? -1 : a.seriesInstanceUid > b.seriesInstanceUid ? 1 : 0)
  );
  return out;
}
