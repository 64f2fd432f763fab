import { unzipSync } from 'fflate';
import { isZip, type SkippedFile } from './read-inputs.js';

/** One candidate DICOM file of an upload: a file as sent, or an entry of a zip archive in it. */
export interface UploadedFile {
  /** The uploaded file's name, or `archive.zip:entry` (`a.zip:b.zip:entry` when nested). */
  readonly name: string;
  /** True when the file came out of an archive (a non-DICOM entry there is skipped, not refused). */
  readonly fromArchive: boolean;
  /** The file's bytes, as stored (a Part 10 object when it is DICOM). */
  readonly bytes: Uint8Array;
}

/** The files of an upload with its archives unpacked, and what was left out. */
export interface ExpandedUploads {
  readonly files: readonly UploadedFile[];
  /** Archive entries that were not used (nested too deeply) and archives that could not be read. */
  readonly skipped: readonly SkippedFile[];
}

/** Limits of {@link expandUploads}. */
export interface ExpandLimits {
  /** Most files after unpacking (default 5,000). */
  readonly maxFiles?: number;
  /** Most bytes after unpacking, as the archives declare them (default 2 GiB). */
  readonly maxBytes?: number;
}

/** An upload that unpacks to more files or bytes than allowed (a zip bomb, or simply too much). */
export class UploadLimitError extends RangeError {
  override readonly name = 'UploadLimitError';
}

/**
 * Unpacks the zip archives of an in-memory upload (recognised by content, up to two levels of
 * nesting) into the files they hold, keeping every other file as sent, so that each DICOM object can
 * be stored byte for byte. Entries are checked against the limits by their declared sizes before
 * they are inflated. Nothing is parsed here: see `parseDicomBytes` and {@link readDicomInputs}.
 * See: PKWARE APPNOTE.TXT (the ZIP format); DICOM PS3.10 (files).
 *
 * @throws UploadLimitError when the unpacked upload exceeds a limit
 */
export function expandUploads(
  inputs: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  limits: ExpandLimits = {}
): ExpandedUploads {
  const maxFiles = limits.maxFiles ?? 5000;
  const maxBytes = limits.maxBytes ?? 2 ** 31;
  const files: UploadedFile[] = [];
  const skipped: SkippedFile[] = [];
  let bytes = 0;
  const add = (name: string, data: Uint8Array, fromArchive: boolean, depth: number): void => {
    if (!isZip(data)) {
      if (files.length >= maxFiles) throw new UploadLimitError(`more than ${maxFiles} files`);
      files.push({ name, fromArchive, bytes: data });
      return;
    }
    if (depth > 2) {
      skipped.push({ source: name, reason: 'archive nested too deeply' });
      return;
    }
    let over: string | null = null;
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(data, {
        filter: (f) => {
          if (f.name.endsWith('/') || over !== null) return false;
          bytes += f.originalSize;
          if (bytes > maxBytes) over = `more than ${maxBytes} bytes once unpacked`;
          return over === null;
        },
      });
    } catch (error) {
      if (over !== null) throw new UploadLimitError(over);
      const reason = `unreadable zip archive (${error instanceof Error ? error.message : String(error)})`;
      skipped.push({ source: name, reason });
      return;
    }
    if (over !== null) throw new UploadLimitError(over);
    for (const entry of Object.keys(entries).sort()) {
      const content = entries[entry]!;
      if (content.length > 0) add(`${name}:${entry}`, content, true, depth + 1);
    }
  };
  for (const input of inputs) add(input.name, input.bytes, false, 0);
  return { files, skipped };
}
