import { DomainError, badRequest, isDomainError } from '@cmr-mass/core';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

/** The limits of one DICOM upload (multipart/form-data, RFC 7578). */
export const UPLOAD_LIMITS = {
  /** Bytes of all files together (2 GiB), also after unpacking zip archives. */
  totalBytes: 2 * 1024 ** 3,
  /** Files in one request, and files after unpacking archives. */
  files: 5000,
  /** Non-file fields: none is used, a few are tolerated only to name them in the error. */
  fields: 8,
} as const;

/** The multipart field that carries the files. */
export const FILES_FIELD = 'files';

/** One uploaded file, read into memory. */
export interface UploadedBlob {
  readonly name: string;
  readonly bytes: Uint8Array;
}

function tooLarge(message: string): DomainError {
  return new DomainError({ code: 'payload_too_large', message, field: FILES_FIELD });
}

/** Fastify/@fastify/multipart error codes of an upload that breaks a limit, as the error to send. */
function limitError(e: unknown): DomainError | null {
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  switch (code) {
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return tooLarge(`at most ${UPLOAD_LIMITS.files} files in one upload`);
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(`the upload is larger than ${UPLOAD_LIMITS.totalBytes} bytes`);
    case 'FST_FIELDS_LIMIT':
      return badRequest(`send the files in the field "${FILES_FIELD}" only`, FILES_FIELD);
    case 'FST_PROTO_VIOLATION':
      return badRequest('a field name is not allowed', FILES_FIELD);
    default:
      return null;
  }
}

function notMultipart(): DomainError {
  return new DomainError({
    code: 'unsupported_media_type',
    message: `send the files as multipart/form-data in the field "${FILES_FIELD}"`,
    field: FILES_FIELD,
  });
}

/**
 * Reads the files of a `multipart/form-data` request (RFC 7578) into memory, all from the field
 * `files`: any other field is a 400 naming it, more than {@link UPLOAD_LIMITS} a 413 naming `files`,
 * a body that is not multipart a 415, a malformed one a 400. Needs `@fastify/multipart` registered on the route's scope.
 *
 * @throws DomainError as described
 */
export async function readUploadedFiles(req: FastifyRequest): Promise<UploadedBlob[]> {
  if (!req.isMultipart()) throw notMultipart();
  const files: UploadedBlob[] = [];
  let total = 0;
  try {
    for await (const part of req.parts()) {
      if (part.fieldname !== FILES_FIELD) {
        if (part.type === 'file') part.file.resume();
        throw badRequest(
          `unknown field "${part.fieldname}": send the files in the field "${FILES_FIELD}"`,
          part.fieldname
        );
      }
      if (part.type !== 'file') {
        throw badRequest(`the field "${FILES_FIELD}" must hold files, not text`, FILES_FIELD);
      }
      const bytes = await part.toBuffer();
      total += bytes.byteLength;
      if (total > UPLOAD_LIMITS.totalBytes) {
        throw tooLarge(`the upload is larger than ${UPLOAD_LIMITS.totalBytes} bytes`);
      }
      files.push({
        name: part.filename || `file-${files.length + 1}`,
        bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      });
    }
  } catch (e) {
    if (isDomainError(e)) throw e;
    // Anything else went wrong while reading the body: a malformed or truncated multipart stream.
    throw (
      limitError(e) ??
      badRequest(
        `the multipart body could not be read (${e instanceof Error ? e.message : String(e)})`,
        FILES_FIELD
      )
    );
  }
  return files;
}
