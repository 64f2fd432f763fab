/** A 3-vector in patient coordinates (mm). */
export type Vec3 = readonly [number, number, number];

/** Direction cosines of the first row and the first column (ImageOrientationPatient). */
export type Orientation = readonly [number, number, number, number, number, number];

/**
 * Every pixel-buffer type the engine handles, after cornerstone's `PixelDataTypedArray`.
 */
export type PixelArray =
  Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

/** How the stored pixel values of one frame are laid out. See: DICOM PS3.3 C.7.6.3. */
export interface PixelFormat {
  readonly rows: number;
  readonly columns: number;
  readonly samplesPerPixel: number;
  readonly bitsAllocated: number;
  readonly bitsStored: number;
  /** 0 unsigned, 1 two's complement. */
  readonly pixelRepresentation: number;
  readonly photometricInterpretation: string;
}

/** Where one frame's pixel bytes are and how they are encoded. */
export interface PixelLocator {
  readonly transferSyntaxUid: string;
  readonly format: PixelFormat;
  /** Native data in explicit big-endian byte order. */
  readonly bigEndian: boolean;
  /** Float Pixel Data (7FE0,0008) or Double Float Pixel Data (7FE0,0009) instead of Pixel Data. */
  readonly floatKind: 'none' | 'float32' | 'float64';
  /** The frame's bytes: native samples, or one compressed frame (all its fragments). */
  readonly bytes: Uint8Array;
}

/**
 * Modality LUT: value = stored·slope + intercept (RescaleSlope/RescaleIntercept, or the enhanced
 * Pixel Value Transformation). `units` comes from RescaleType or the Real World Value Mapping.
 * See: DICOM PS3.3 C.11.1 and C.7.6.16.2.9.
 */
export interface Rescale {
  readonly slope: number;
  readonly intercept: number;
  readonly type: string | undefined;
  readonly units: string | undefined;
}

/**
 * Everything the mapping engine reads about timing, per image (one of these becomes the inversion
 * or preparation time through the cascade of mapping.md §3.2).
 */
export interface ImageTiming {
  /** Enhanced MR per-frame MR Modifier > Inversion Times (0018,9079), first value. */
  readonly inversionTimeEnhanced: number | undefined;
  /** InversionTime (0018,0082). */
  readonly inversionTime: number | undefined;
  /** Philips private (2005,1572). */
  readonly philipsInversionTime: number | undefined;
  /** TriggerTime (0018,1060), or the enhanced Nominal Cardiac Trigger Delay Time. */
  readonly triggerTime: number | undefined;
  /** EchoTime (0018,0081). */
  readonly echoTime: number | undefined;
  /** Enhanced MR Echo > Effective Echo Time (0018,9082). */
  readonly effectiveEchoTime: number | undefined;
  /** ImageComments (0020,4000), or the enhanced Frame Comments (0020,9158). */
  readonly comments: string | undefined;
  /** Enhanced MR Modifier > T2 Preparation (0018,9021) = YES. */
  readonly t2Prepared: boolean;
}

/**
 * One two-dimensional image: a single-frame DICOM file, or one frame of a multi-frame (e.g.
 * enhanced MR) file, with the attributes the engine needs already read.
 */
export interface DicomImage {
  /** Where it came from (a path, a name inside a zip, an upload name), plus `#frame` if multi-frame. */
  readonly source: string;
  /** Frame index within its file (0 for single-frame files). */
  readonly frame: number;
  readonly sopInstanceUid: string;
  readonly sopClassUid: string;
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly frameOfReferenceUid: string | undefined;
  readonly seriesNumber: number | undefined;
  readonly instanceNumber: number | undefined;
  readonly modality: string;
  readonly manufacturer: string;
  readonly seriesDescription: string;
  readonly protocolName: string;
  readonly sequenceName: string;
  readonly scanningSequence: readonly string[];
  readonly sequenceVariant: readonly string[];
  readonly scanOptions: readonly string[];
  /** ImageType (0008,0008), or the enhanced Frame Type (0008,9007), upper case. */
  readonly imageType: readonly string[];
  /** M, P, R, I (magnitude, phase, real, imaginary) when known. */
  readonly complexComponent: string | undefined;
  readonly rows: number;
  readonly columns: number;
  /** Row spacing, column spacing (mm). */
  readonly pixelSpacing: readonly [number, number] | undefined;
  readonly sliceThickness: number | undefined;
  readonly imagePositionPatient: Vec3 | undefined;
  readonly imageOrientationPatient: Orientation | undefined;
  readonly sliceLocation: number | undefined;
  readonly magneticFieldStrength: number | undefined;
  readonly timing: ImageTiming;
  readonly rescale: Rescale;
  readonly pixels: PixelLocator;
  /**
   * Patient- and study-level attributes (keyword -> value) copied into derived DICOM maps:
   * PatientName, PatientID, PatientBirthDate, PatientSex, StudyDate, StudyTime, StudyID,
   * AccessionNumber, ReferringPhysicianName, StudyDescription, BodyPartExamined, PatientPosition.
   */
  readonly patientStudy: Readonly<Record<string, string>>;
}
