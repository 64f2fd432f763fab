import dcmjs from 'dcmjs';
import type { DicomImage } from '../dicom/dicom-image.js';
import type { MapKind, MapSlice } from '../map/map-result.js';
import { displayRange, niceCeil } from './render-preview.js';

const MR_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.4';
const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
/** Our implementation class UID (a 2.25 UUID-derived root, constant). */
const IMPLEMENTATION_CLASS_UID = '2.25.190847326519237457412932946624389135013';

/** Identity of the derived DICOM map. */
export interface DicomMapInfo {
  readonly kind: MapKind;
  readonly model: string;
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
  readonly seriesNumber: number;
  readonly seriesDescription: string;
  /** Source image whose patient/study attributes are copied (absent: left empty). */
  readonly template: DicomImage | undefined;
  /** Content date/time (defaults to now). */
  readonly now?: Date;
}

/** How stored uint16 values map to real values: value = stored·slope + intercept. */
export interface StoredScale {
  readonly slope: number;
  readonly intercept: number;
}

/**
 * A linear scale putting a map's finite range into uint16 with 0 left free as the padding value for
 * missing pixels: `intercept = min(0, lo) - slope`, slope a round number with `(hi - intercept)/slope`
 * below 65000. T1 up to 3000 ms gets 0.05 ms steps; ECV up to 1 gets 2e-5.
 */
export function storedScale(values: Float32Array): StoredScale {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const slope = niceCeil(Math.max(hi - lo, 1e-6) / 65000);
  return { slope, intercept: lo - slope };
}

function ds(v: number, digits = 10): string {
  // DS is at most 16 characters.
  let s = Number(v.toPrecision(digits)).toString();
  while (s.length > 16 && digits > 1) s = Number(v.toPrecision(--digits)).toString();
  return s;
}

function dicomDate(d: Date): string {
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

function dicomTime(d: Date): string {
  return `${String(d.getUTCHours()).padStart(2, '0')}${String(d.getUTCMinutes()).padStart(2, '0')}${String(d.getUTCSeconds()).padStart(2, '0')}`;
}

const UNITS: Readonly<
  Record<MapKind, { code: string; meaning: string; rescaleType: string; label: string }>
> = {
  t1: { code: 'ms', meaning: 'millisecond', rescaleType: 'ms', label: 'T1' },
  t2: { code: 'ms', meaning: 'millisecond', rescaleType: 'ms', label: 'T2' },
  ecv: { code: '1', meaning: 'no units (fraction)', rescaleType: 'US', label: 'ECV' },
};

/**
 * Encodes one map slice as a DICOM MR Image (Part 10, explicit VR little endian) that viewers
 * open: unsigned 16-bit pixels with RescaleSlope/RescaleIntercept to the map's units (RescaleType
 * `ms` as Philips writes for its T1 maps), a Real World Value Mapping with UCUM units, padding value
 * 0 for pixels without a value, and the source's Frame of Reference, position, orientation, spacing
 * and patient/study attributes. Written with dcmjs.
 * See: DICOM PS3.3 C.8.3 (MR Image), C.7.6.16.2.11 (Real World Value Mapping), PS3.10.
 *
 * @returns the file bytes
 */
export function encodeDicomMap(slice: MapSlice, info: DicomMapInfo): Uint8Array {
  const { values, geometry } = slice;
  const scale = storedScale(values);
  const pixels = new Uint16Array(values.length);
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const s = Math.min(65535, Math.max(1, Math.round((v - scale.intercept) / scale.slope)));
    pixels[i] = s;
    if (s > largest) largest = s;
  }
  const [wLo, wHi] = displayRange(values, slice.r2);
  const units = UNITS[info.kind];
  const t = info.template;
  const ps = t?.patientStudy ?? {};
  const now = info.now ?? new Date();
  const dataset: Record<string, unknown> = {
    SpecificCharacterSet: ps.SpecificCharacterSet ?? 'ISO_IR 100',
    ImageType: ['DERIVED', 'PRIMARY', `${units.label} MAP`, units.label],
    SOPClassUID: MR_IMAGE_STORAGE,
    SOPInstanceUID: info.sopInstanceUid,
    StudyDate: ps.StudyDate ?? '',
    SeriesDate: dicomDate(now),
    ContentDate: dicomDate(now),
    StudyTime: ps.StudyTime ?? '',
    SeriesTime: dicomTime(now),
    ContentTime: dicomTime(now),
    AccessionNumber: ps.AccessionNumber ?? '',
    Modality: 'MR',
    Manufacturer: 'cmr-mass',
    ReferringPhysicianName: ps.ReferringPhysicianName ?? '',
    StudyDescription: ps.StudyDescription ?? '',
    SeriesDescription: info.seriesDescription,
    ManufacturerModelName: 'cmr-mass imaging',
    DerivationDescription: `${units.label} map computed by cmr-mass (${info.model}) from series ${geometry.seriesInstanceUid}`,
    PatientName: ps.PatientName ?? '',
    PatientID: ps.PatientID ?? '',
    PatientBirthDate: ps.PatientBirthDate ?? '',
    PatientSex: ps.PatientSex ?? '',
    BodyPartExamined: ps.BodyPartExamined ?? 'HEART',
    ScanningSequence: 'RM',
    SequenceVariant: 'NONE',
    ScanOptions: '',
    MRAcquisitionType: '2D',
    SliceThickness: geometry.sliceThickness !== undefined ? ds(geometry.sliceThickness) : '',
    RepetitionTime: '',
    EchoTime: '',
    EchoTrainLength: '',
    PatientPosition: ps.PatientPosition ?? '',
    StudyInstanceUID: geometry.studyInstanceUid,
    SeriesInstanceUID: info.seriesInstanceUid,
    StudyID: ps.StudyID ?? '',
    SeriesNumber: String(info.seriesNumber),
    InstanceNumber: String(slice.index + 1),
    ImagePositionPatient: geometry.imagePositionPatient?.map((v) => ds(v)) ?? [],
    ImageOrientationPatient: geometry.imageOrientationPatient?.map((v) => ds(v)) ?? [],
    FrameOfReferenceUID: geometry.frameOfReferenceUid ?? '',
    PositionReferenceIndicator: '',
    SliceLocation: geometry.sliceLocation !== undefined ? ds(geometry.sliceLocation) : ds(geometry.position),
    ImageComments: `${units.label} map (${units.code === '1' ? 'fraction' : units.code}); ${info.model}`,
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: geometry.rows,
    Columns: geometry.columns,
    PixelSpacing: geometry.pixelSpacing?.map((v) => ds(v)) ?? [],
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
    PixelRepresentation: 0,
    SmallestImagePixelValue: 0,
    LargestImagePixelValue: largest,
    PixelPaddingValue: 0,
    WindowCenter: ds((wLo + wHi) / 2),
    WindowWidth: ds(wHi - wLo),
    RescaleIntercept: ds(scale.intercept, 12),
    RescaleSlope: ds(scale.slope, 12),
    RescaleType: units.rescaleType,
    RealWorldValueMappingSequence: [
      {
        LUTExplanation: `${units.label} (${units.code === '1' ? 'fraction' : units.code})`,
        LUTLabel: units.label,
        RealWorldValueFirstValueMapped: 1,
        RealWorldValueLastValueMapped: 65535,
        RealWorldValueIntercept: scale.intercept,
        RealWorldValueSlope: scale.slope,
        MeasurementUnitsCodeSequence: [
          { CodeValue: units.code, CodingSchemeDesignator: 'UCUM', CodeMeaning: units.meaning },
        ],
        _vrMap: { RealWorldValueFirstValueMapped: 'US', RealWorldValueLastValueMapped: 'US' },
      },
    ],
    PixelData: pixels.buffer,
    _vrMap: {
      PixelData: 'OW',
      SmallestImagePixelValue: 'US',
      LargestImagePixelValue: 'US',
      PixelPaddingValue: 'US',
    },
  };
  const meta = dcmjs.data.DicomMetaDictionary.denaturalizeDataset({
    FileMetaInformationVersion: Uint8Array.of(0, 1).buffer,
    MediaStorageSOPClassUID: MR_IMAGE_STORAGE,
    MediaStorageSOPInstanceUID: info.sopInstanceUid,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: 'CMRMASS_0_1',
  });
  const dict = new dcmjs.data.DicomDict(meta);
  dict.dict = dcmjs.data.DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}
