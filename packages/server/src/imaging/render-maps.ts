import type { NewMap } from '@cmr-mass/db';
import {
  float32LeBytes,
  mapSeriesUidOf,
  renderSliceFiles,
  type DicomImage,
  type MapResult,
  type MapSlice,
} from '@cmr-mass/imaging';

/**
 * Patient- and study-level attributes a derived map may carry from its source. Everything else the
 * source had (birth date, accession number, referring physician, the scanner's study ID, the free-text
 * study description...) is dropped, and the patient's name and ID become the study's pseudonym.
 */
const KEPT = [
  'SpecificCharacterSet',
  'PatientSex',
  'StudyDate',
  'StudyTime',
  'BodyPartExamined',
  'PatientPosition',
];

/**
 * A copy of a source image whose patient/study attributes are pseudonymous: PatientName and PatientID
 * are the participant's study ID, never the hospital's name or ID (DICOM PS3.15 Annex E, the Basic
 * Application Level Confidentiality Profile, for the attributes dropped). The derived DICOM map copies
 * these attributes from it.
 */
export function pseudonymousTemplate(
  template: DicomImage | undefined,
  studyId: string
): DicomImage | undefined {
  if (!template) return undefined;
  const kept: Record<string, string> = {};
  for (const k of KEPT) {
    const v = template.patientStudy[k];
    if (v !== undefined) kept[k] = v;
  }
  return { ...template, patientStudy: { ...kept, PatientName: studyId, PatientID: studyId } };
}

/** What a map's rows need beyond the engine's result. */
export interface MapSource {
  /** The source series' kind (imaging's `SeriesKind`), from which the sequence follows. */
  readonly seriesKind: string;
  /** The participant's pseudonym, written as PatientName and PatientID. */
  readonly studyId: string;
  /** Extra sidecar fields per slice (ECV: haematocrit and blood T1 used). */
  readonly extra?: (slice: MapSlice) => Readonly<Record<string, unknown>>;
}

/**
 * The maps `db` stores for a computed result, one per slice: the float32 pixels (little endian,
 * row-major, NaN where not fitted), R², the preview PNG with colour bar, the derived DICOM MR image
 * and the sidecar of mapping-cli.md, rendered by imaging's `renderSliceFiles` with a pseudonymous
 * template. The derived series UID is tied to the content, as `writeMapOutputs` does.
 */
export function renderMaps(result: MapResult, source: MapSource): NewMap[] {
  const mapSeriesUid = mapSeriesUidOf(result);
  return result.slices.map((raw) => {
    const slice: MapSlice = { ...raw, template: pseudonymousTemplate(raw.template, source.studyId) };
    const { files, sidecar } = renderSliceFiles(
      result,
      slice,
      mapSeriesUid,
      source.extra ? { extra: source.extra } : {}
    );
    const file = (name: string | undefined): Uint8Array => {
      const bytes = name === undefined ? undefined : files.get(name);
      if (!bytes) throw new Error(`rendering slice ${slice.index}: ${name ?? 'a file'} is missing`);
      return bytes;
    };
    const g = slice.geometry;
    return {
      kind: result.kind,
      seriesInstanceUid: g.seriesInstanceUid || result.seriesInstanceUid,
      seriesKind: source.seriesKind,
      sliceIndex: slice.index,
      rows: g.rows,
      columns: g.columns,
      pixelSpacing: g.pixelSpacing ?? null,
      geometry: g,
      units: result.units,
      model: slice.model,
      times: slice.times,
      sidecar,
      validPixels: slice.validPixels,
      pixels: float32LeBytes(slice.values),
      r2: slice.r2 ? float32LeBytes(slice.r2) : null,
      previewPng: file(sidecar.files.preview),
      dicom: file(sidecar.files.dicom),
    };
  });
}
