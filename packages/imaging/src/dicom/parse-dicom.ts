import type { DataSet, Element } from 'dicom-parser';
import type {
  DicomImage,
  ImageTiming,
  Orientation,
  PixelFormat,
  PixelLocator,
  Rescale,
  Vec3,
} from './dicom-image.js';
import { dicomParser } from './dicom-parser-module.js';
import { firstItem, readNumber, readNumbers, readString, readStrings, readText } from './element-values.js';
import { Tag } from './tags.js';
import { codecOf, TransferSyntax } from './transfer-syntax.js';

/** The bytes are not a DICOM data set (or are too damaged to read). */
export class NotDicomError extends Error {
  override readonly name = 'NotDicomError';
}

/** A DICOM file that cannot be used as an image (e.g. truncated pixel data). */
export class DicomFormatError extends Error {
  override readonly name = 'DicomFormatError';
}

const PATIENT_STUDY_TAGS = {
  PatientName: Tag.PatientName,
  PatientID: Tag.PatientID,
  PatientBirthDate: Tag.PatientBirthDate,
  PatientSex: Tag.PatientSex,
  StudyDate: Tag.StudyDate,
  StudyTime: Tag.StudyTime,
  StudyID: Tag.StudyID,
  AccessionNumber: Tag.AccessionNumber,
  ReferringPhysicianName: Tag.ReferringPhysicianName,
  StudyDescription: Tag.StudyDescription,
  BodyPartExamined: Tag.BodyPartExamined,
  PatientPosition: Tag.PatientPosition,
  Manufacturer: Tag.Manufacturer,
  ManufacturerModelName: Tag.ManufacturerModelName,
  InstitutionName: Tag.InstitutionName,
  SpecificCharacterSet: Tag.SpecificCharacterSet,
} as const;

function isPart10(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 132 &&
    bytes[128] === 0x44 &&
    bytes[129] === 0x49 &&
    bytes[130] === 0x43 &&
    bytes[131] === 0x4d
  );
}

/** A raw (preamble-less) data set starts with a group 0x0002 or 0x0008 element. */
function looksLikeRawDataSet(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const group = bytes[0]! | (bytes[1]! << 8);
  return group === 0x0002 || group === 0x0008;
}

function parse(bytes: Uint8Array): DataSet {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const part10 = isPart10(bytes);
  try {
    if (part10) return dicomParser.parseDicom(buffer);
    if (looksLikeRawDataSet(bytes)) {
      return dicomParser.parseDicom(buffer, { TransferSyntaxUID: TransferSyntax.implicitLittle });
    }
  } catch (error) {
    // dicom-parser throws strings, Errors, or { exception, dataSet } for partly parsed files.
    const detail =
      error instanceof Error
        ? error.message
        : typeof error === 'object' && error !== null && 'exception' in error
          ? String(error.exception)
          : String(error);
    if (part10) throw new DicomFormatError(`damaged DICOM file (truncated?): ${detail}`);
    throw new NotDicomError(detail);
  }
  throw new NotDicomError('no DICM prefix at byte 128');
}

function vec3(values: number[]): Vec3 | undefined {
  return values.length >= 3 ? [values[0]!, values[1]!, values[2]!] : undefined;
}

function orientation(values: number[]): Orientation | undefined {
  return values.length >= 6
    ? [values[0]!, values[1]!, values[2]!, values[3]!, values[4]!, values[5]!]
    : undefined;
}

const COMPLEX: Readonly<Record<string, string>> = {
  M: 'M',
  MAGNITUDE: 'M',
  P: 'P',
  PHASE: 'P',
  R: 'R',
  REAL: 'R',
  I: 'I',
  IMAGINARY: 'I',
};

function complexFromImageType(imageType: readonly string[]): string | undefined {
  for (let i = 2; i < imageType.length; i++) {
    const v = imageType[i]!;
    const direct = COMPLEX[v];
    if (direct !== undefined) return direct;
    const prefix = /^([MPRI])_/.exec(v);
    if (prefix) return prefix[1];
  }
  return undefined;
}

/** Frame-level lookup in an enhanced object: per-frame group first, then shared. */
function groupItem(
  perFrame: DataSet | undefined,
  shared: DataSet | undefined,
  tag: string
): DataSet | undefined {
  return firstItem(perFrame, tag) ?? firstItem(shared, tag);
}

function pixelElement(ds: DataSet): { element: Element; floatKind: PixelLocator['floatKind'] } | undefined {
  const pd = ds.elements[Tag.PixelData];
  if (pd) return { element: pd, floatKind: 'none' };
  const f = ds.elements[Tag.FloatPixelData];
  if (f) return { element: f, floatKind: 'float32' };
  const d = ds.elements[Tag.DoubleFloatPixelData];
  if (d) return { element: d, floatKind: 'float64' };
  return undefined;
}

function frameBytes(
  ds: DataSet,
  element: Element,
  frame: number,
  nFrames: number,
  frameSize: number,
  transferSyntaxUid: string,
  source: string
): Uint8Array {
  if (!element.encapsulatedPixelData) {
    const start = element.dataOffset + frame * frameSize;
    const end = start + frameSize;
    if (end > element.dataOffset + element.length || end > ds.byteArray.length) {
      throw new DicomFormatError(`${source}: pixel data ends before frame ${frame} (file truncated?)`);
    }
    return ds.byteArray.subarray(start, end);
  }
  const fragments = element.fragments ?? [];
  if (fragments.length === 0) {
    throw new DicomFormatError(`${source}: encapsulated pixel data has no fragments`);
  }
  if (nFrames === 1) {
    return dicomParser.readEncapsulatedPixelDataFromFragments(ds, element, 0, fragments.length);
  }
  if ((element.basicOffsetTable ?? []).length > 0) {
    return dicomParser.readEncapsulatedImageFrame(ds, element, frame);
  }
  if (fragments.length === nFrames) {
    return dicomParser.readEncapsulatedPixelDataFromFragments(ds, element, frame, 1);
  }
  if (codecOf(transferSyntaxUid) === 'jpeg-lossless') {
    const table = dicomParser.createJPEGBasicOffsetTable(ds, element);
    return dicomParser.readEncapsulatedImageFrame(ds, element, frame, table);
  }
  throw new DicomFormatError(`${source}: cannot split ${fragments.length} fragments into ${nFrames} frames`);
}

/**
 * Parses one DICOM object (Part 10 file, or a raw implicit-VR data set) into its images: one per
 * frame. Header values are read once here; pixels are decoded later and only when needed
 * ({@link decodeImage}), so listing a folder stays fast.
 *
 * Enhanced multi-frame MR (Enhanced MR Image Storage) is read through its functional groups: per
 * frame, the Plane Position, Plane Orientation, Pixel Measures, Pixel Value Transformation, MR
 * Modifier (Inversion Times, T2 Preparation), MR Echo (Effective Echo Time), Frame Content (Frame
 * Comments), MR Image Frame Type and Cardiac Synchronization sequences, each looked up in the
 * per-frame group first and the shared group second. See: DICOM PS3.3 C.7.6.16 and C.8.13.
 *
 * @param bytes - the whole object
 * @param source - a label for messages (path, zip entry, upload name)
 * @returns the images, empty for DICOM objects without pixel data (DICOMDIR, SR...)
 * @throws NotDicomError when the bytes are not DICOM
 * @throws DicomFormatError when a DICOM image is unusable (truncated, inconsistent)
 */
export function parseDicomBytes(bytes: Uint8Array, source: string): DicomImage[] {
  const ds = parse(bytes);
  const pixel = pixelElement(ds);
  if (!pixel) return [];
  const transferSyntaxUid = readString(ds, Tag.TransferSyntaxUID) ?? TransferSyntax.implicitLittle;
  const rows = readNumber(ds, Tag.Rows);
  const columns = readNumber(ds, Tag.Columns);
  if (rows === undefined || columns === undefined || rows < 1 || columns < 1) {
    throw new DicomFormatError(`${source}: Rows (0028,0010) / Columns (0028,0011) missing`);
  }
  const bitsAllocated =
    pixel.floatKind === 'float32'
      ? 32
      : pixel.floatKind === 'float64'
        ? 64
        : (readNumber(ds, Tag.BitsAllocated) ?? 16);
  const format: PixelFormat = {
    rows,
    columns,
    samplesPerPixel: readNumber(ds, Tag.SamplesPerPixel) ?? 1,
    bitsAllocated,
    bitsStored: readNumber(ds, Tag.BitsStored) ?? bitsAllocated,
    pixelRepresentation: readNumber(ds, Tag.PixelRepresentation) ?? 0,
    photometricInterpretation: readString(ds, Tag.PhotometricInterpretation) ?? 'MONOCHROME2',
  };
  const nFrames = Math.max(1, Math.round(readNumber(ds, Tag.NumberOfFrames) ?? 1));
  const frameSize = (rows * columns * format.samplesPerPixel * bitsAllocated) / 8;

  const sopInstanceUid = readString(ds, Tag.SOPInstanceUID) ?? '';
  const seriesInstanceUid = readString(ds, Tag.SeriesInstanceUID);
  if (seriesInstanceUid === undefined) {
    throw new DicomFormatError(`${source}: SeriesInstanceUID (0020,000E) missing`);
  }
  const patientStudy: Record<string, string> = {};
  for (const [key, tag] of Object.entries(PATIENT_STUDY_TAGS)) {
    const v = readString(ds, tag);
    if (v !== undefined) patientStudy[key] = v;
  }
  const topImageType = readStrings(ds, Tag.ImageType).map((s) => s.toUpperCase());
  const philipsType = readString(ds, Tag.PhilipsImageTypeMr)?.toUpperCase();
  const shared = firstItem(ds, Tag.SharedFunctionalGroupsSequence);
  const perFrameItems = ds.elements[Tag.PerFrameFunctionalGroupsSequence]?.items ?? [];

  const images: DicomImage[] = [];
  for (let f = 0; f < nFrames; f++) {
    const per = perFrameItems[f]?.dataSet;
    const enhanced = per !== undefined || shared !== undefined;
    const plane = enhanced ? groupItem(per, shared, Tag.PlanePositionSequence) : undefined;
    const orient = enhanced ? groupItem(per, shared, Tag.PlaneOrientationSequence) : undefined;
    const measures = enhanced ? groupItem(per, shared, Tag.PixelMeasuresSequence) : undefined;
    const transform = enhanced ? groupItem(per, shared, Tag.PixelValueTransformationSequence) : undefined;
    const modifier = enhanced ? groupItem(per, shared, Tag.MRModifierSequence) : undefined;
    const echo = enhanced ? groupItem(per, shared, Tag.MREchoSequence) : undefined;
    const content = enhanced ? groupItem(per, shared, Tag.FrameContentSequence) : undefined;
    const frameType = enhanced ? groupItem(per, shared, Tag.MRImageFrameTypeSequence) : undefined;
    const cardiac = enhanced ? groupItem(per, shared, Tag.CardiacSynchronizationSequence) : undefined;
    const rwv =
      groupItem(per, shared, Tag.RealWorldValueMappingSequence) ??
      firstItem(ds, Tag.RealWorldValueMappingSequence);

    const spacing = readNumbers(measures ?? ds, Tag.PixelSpacing);
    const fallbackSpacing = spacing.length >= 2 ? spacing : readNumbers(ds, Tag.PixelSpacing);
    const imageType = frameType
      ? readStrings(frameType, Tag.FrameType).map((s) => s.toUpperCase())
      : topImageType;
    const complexEnhanced = frameType
      ? readString(frameType, Tag.ComplexImageComponent)?.toUpperCase()
      : undefined;
    const complexComponent =
      (complexEnhanced !== undefined ? COMPLEX[complexEnhanced] : undefined) ??
      (philipsType !== undefined ? COMPLEX[philipsType] : undefined) ??
      complexFromImageType(imageType);
    const rescaleSource = transform ?? ds;
    const rwvUnits = rwv
      ? readString(firstItem(rwv, Tag.MeasurementUnitsCodeSequence) ?? rwv, Tag.CodeValue)
      : undefined;
    const rescale: Rescale = {
      slope: readNumber(rescaleSource, Tag.RescaleSlope) ?? readNumber(ds, Tag.RescaleSlope) ?? 1,
      intercept: readNumber(rescaleSource, Tag.RescaleIntercept) ?? readNumber(ds, Tag.RescaleIntercept) ?? 0,
      type: readString(rescaleSource, Tag.RescaleType) ?? readString(ds, Tag.RescaleType),
      units: rwvUnits,
    };
    const timing: ImageTiming = {
      inversionTimeEnhanced: modifier ? readNumber(modifier, Tag.InversionTimes) : undefined,
      inversionTime: readNumber(ds, Tag.InversionTime),
      philipsInversionTime: readNumber(ds, Tag.PhilipsInversionTime),
      triggerTime:
        (cardiac ? readNumber(cardiac, Tag.NominalCardiacTriggerDelayTime) : undefined) ??
        readNumber(ds, Tag.TriggerTime),
      echoTime: readNumber(ds, Tag.EchoTime),
      effectiveEchoTime: echo ? readNumber(echo, Tag.EffectiveEchoTime) : undefined,
      comments:
        (content ? readText(content, Tag.FrameComments) : undefined) ?? readText(ds, Tag.ImageComments),
      t2Prepared: modifier ? readString(modifier, Tag.T2Preparation)?.toUpperCase() === 'YES' : false,
    };
    images.push({
      source: nFrames > 1 ? `${source}#${f + 1}` : source,
      frame: f,
      sopInstanceUid,
      sopClassUid: readString(ds, Tag.SOPClassUID) ?? '',
      studyInstanceUid: readString(ds, Tag.StudyInstanceUID) ?? '',
      seriesInstanceUid,
      frameOfReferenceUid: readString(ds, Tag.FrameOfReferenceUID),
      seriesNumber: readNumber(ds, Tag.SeriesNumber),
      instanceNumber: readNumber(ds, Tag.InstanceNumber),
      modality: readString(ds, Tag.Modality) ?? '',
      manufacturer: readString(ds, Tag.Manufacturer) ?? '',
      seriesDescription: readString(ds, Tag.SeriesDescription) ?? '',
      protocolName: readString(ds, Tag.ProtocolName) ?? '',
      sequenceName: readString(ds, Tag.SequenceName) ?? '',
      scanningSequence: readStrings(ds, Tag.ScanningSequence).map((s) => s.toUpperCase()),
      sequenceVariant: readStrings(ds, Tag.SequenceVariant).map((s) => s.toUpperCase()),
      scanOptions: readStrings(ds, Tag.ScanOptions).map((s) => s.toUpperCase()),
      imageType,
      complexComponent,
      rows,
      columns,
      pixelSpacing: fallbackSpacing.length >= 2 ? [fallbackSpacing[0]!, fallbackSpacing[1]!] : undefined,
      sliceThickness:
        (measures ? readNumber(measures, Tag.SliceThickness) : undefined) ??
        readNumber(ds, Tag.SliceThickness),
      imagePositionPatient:
        vec3(readNumbers(plane ?? ds, Tag.ImagePositionPatient)) ??
        vec3(readNumbers(ds, Tag.ImagePositionPatient)),
      imageOrientationPatient:
        orientation(readNumbers(orient ?? ds, Tag.ImageOrientationPatient)) ??
        orientation(readNumbers(ds, Tag.ImageOrientationPatient)),
      sliceLocation: readNumber(ds, Tag.SliceLocation),
      magneticFieldStrength: readNumber(ds, Tag.MagneticFieldStrength),
      timing,
      rescale,
      pixels: {
        transferSyntaxUid,
        format,
        bigEndian: transferSyntaxUid === TransferSyntax.explicitBig,
        floatKind: pixel.floatKind,
        bytes: frameBytes(ds, pixel.element, f, nFrames, frameSize, transferSyntaxUid, source),
      },
      patientStudy,
    });
  }
  return images;
}
