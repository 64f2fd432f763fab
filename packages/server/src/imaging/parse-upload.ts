import { badRequest, DomainError } from '@cmr-mass/core';
import type { NewInstance } from '@cmr-mass/db';
import {
  DicomFormatError,
  expandUploads,
  NotDicomError,
  parseDicomBytes,
  UploadLimitError,
  type DicomImage,
  type SkippedFile,
} from '@cmr-mass/imaging';
import { FILES_FIELD, UPLOAD_LIMITS, type UploadedBlob } from './multipart-files.js';

/** One DICOM object of an upload: what `db` stores, and its images as the engine read them. */
export interface ParsedInstance {
  readonly instance: NewInstance;
  readonly images: readonly DicomImage[];
}

/** The DICOM objects of an upload, by SOP Instance UID, and the archive entries left out. */
export interface ParsedUpload {
  readonly instances: ReadonlyMap<string, ParsedInstance>;
  /** Non-image entries of archives (DICOMDIR, reports, text files...), with the reason. */
  readonly skipped: readonly SkippedFile[];
  /** Objects sent more than once in the upload (kept once). */
  readonly repeated: number;
}

function refuse(message: string): DomainError {
  return badRequest(message, FILES_FIELD);
}

/** The images of one file, or the reason it is not a usable DICOM image object. */
function imagesOf(name: string, bytes: Uint8Array): DicomImage[] | string {
  try {
    const images = parseDicomBytes(bytes, name);
    if (images.length === 0) return 'a DICOM object without an image';
    const first = images[0]!;
    if (first.sopInstanceUid === '' || first.seriesInstanceUid === '' || first.studyInstanceUid === '') {
      return 'a DICOM object without its SOP Instance, Series or Study Instance UID';
    }
    return images;
  } catch (error) {
    if (error instanceof NotDicomError) return 'not a DICOM file';
    if (error instanceof DicomFormatError) return error.message;
    throw error;
  }
}

/**
 * Reads the DICOM Part 10 objects of an upload in memory (zip archives unpacked, DICOM PS3.10), each
 * kept byte for byte with the UIDs that place it. A file sent as such that is not a DICOM image is
 * refused (400 naming `files`); inside an archive such entries are skipped and listed. An upload
 * without any image is refused too.
 *
 * @throws DomainError 400 or 413 naming `files`
 */
export function parseUpload(files: readonly UploadedBlob[]): ParsedUpload {
  if (files.length === 0) {
    throw refuse(`no files: send DICOM files or zip archives in the field "${FILES_FIELD}"`);
  }
  let expanded;
  try {
    expanded = expandUploads(files, { maxFiles: UPLOAD_LIMITS.files, maxBytes: UPLOAD_LIMITS.totalBytes });
  } catch (error) {
    if (error instanceof UploadLimitError) {
      throw new DomainError({
        code: 'payload_too_large',
        message: `the upload unpacks to ${error.message}`,
        field: FILES_FIELD,
      });
    }
    throw error;
  }
  const skipped: SkippedFile[] = [];
  for (const s of expanded.skipped) {
    if (files.some((f) => f.name === s.source)) throw refuse(`${s.source}: ${s.reason}`);
    skipped.push(s);
  }
  const instances = new Map<string, ParsedInstance>();
  let repeated = 0;
  for (const file of expanded.files) {
    const images = imagesOf(file.name, file.bytes);
    if (typeof images === 'string') {
      if (!file.fromArchive) throw refuse(`${file.name}: ${images}`);
      skipped.push({ source: file.name, reason: images });
      continue;
    }
    const first = images[0]!;
    if (instances.has(first.sopInstanceUid)) {
      repeated++;
      continue;
    }
    instances.set(first.sopInstanceUid, {
      instance: {
        sopInstanceUid: first.sopInstanceUid,
        studyInstanceUid: first.studyInstanceUid,
        seriesInstanceUid: first.seriesInstanceUid,
        sourceName: file.name,
        frames: images.length,
        bytes: file.bytes,
      },
      images,
    });
  }
  if (instances.size === 0) {
    const why = skipped
      .slice(0, 3)
      .map((s) => `${s.source}: ${s.reason}`)
      .join('; ');
    throw refuse(`no DICOM image in the upload${why ? ` (${why})` : ''}`);
  }
  return { instances, skipped, repeated };
}
