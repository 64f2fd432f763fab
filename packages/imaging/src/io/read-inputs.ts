import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { DicomImage } from '../dicom/dicom-image.js';
import { DicomFormatError, NotDicomError, parseDicomBytes } from '../dicom/parse-dicom.js';
import { groupSeries, type DicomSeries } from '../series/dicom-series.js';

/** One input: a path (file, folder or .zip), or bytes already in memory (an upload). */
export type DicomInput = string | { readonly name: string; readonly bytes: Uint8Array };

/** A file that was looked at and not used, with the reason. */
export interface SkippedFile {
  readonly source: string;
  readonly reason: string;
}

/** Everything read from a set of inputs. */
export interface ReadDicomResult {
  /** Every image (frame) found, in no particular order. */
  readonly images: readonly DicomImage[];
  /** Files that were not DICOM images (counted, not fatal inside folders and archives). */
  readonly skipped: readonly SkippedFile[];
  /** Number of files examined (including those inside archives). */
  readonly filesExamined: number;
}

/** An input that cannot be used at all: a missing path, or a named file that is not DICOM. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    /** The offending input. */
    readonly input: string
  ) {
    super(message);
  }
}

/** True when the bytes start with a zip local file header (PK\x03\x04), whatever the file's name. */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

interface Collector {
  images: DicomImage[];
  skipped: SkippedFile[];
  files: number;
  seen: Set<string>;
}

function addImages(c: Collector, images: DicomImage[]): void {
  for (const img of images) {
    // The same file given twice (or inside a folder and an archive) counts once.
    const key = `${img.sopInstanceUid}#${img.frame}`;
    if (img.sopInstanceUid !== '' && c.seen.has(key)) continue;
    c.seen.add(key);
    c.images.push(img);
  }
}

/** Parses one blob; `strict` (a file named on the command line) turns "not DICOM" into an error. */
function consume(c: Collector, bytes: Uint8Array, source: string, strict: boolean, depth: number): void {
  c.files++;
  if (isZip(bytes)) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch (error) {
      const reason = `unreadable zip archive (${error instanceof Error ? error.message : String(error)})`;
      if (strict) throw new InputError(`${source}: ${reason}`, source);
      c.skipped.push({ source, reason });
      return;
    }
    for (const name of Object.keys(entries).sort()) {
      const entry = entries[name]!;
      if (name.endsWith('/') || entry.length === 0) continue;
      if (depth > 2) {
        c.skipped.push({ source: `${source}:${name}`, reason: 'archive nested too deeply' });
        continue;
      }
      consume(c, entry, `${source}:${name}`, false, depth + 1);
    }
    return;
  }
  try {
    const images = parseDicomBytes(bytes, source);
    if (images.length === 0) {
      if (strict) throw new InputError(`${source}: a DICOM object without pixel data`, source);
      c.skipped.push({ source, reason: 'DICOM without pixel data' });
      return;
    }
    addImages(c, images);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof NotDicomError || error instanceof DicomFormatError) {
      const reason = error instanceof NotDicomError ? 'not DICOM' : error.message;
      if (strict) {
        throw new InputError(
          `${source}: ${error instanceof NotDicomError ? 'not a DICOM file' : error.message}`,
          source
        );
      }
      c.skipped.push({ source, reason });
      return;
    }
    throw error;
  }
}

async function walk(c: Collector, dir: string, signal: AbortSignal | undefined): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    signal?.throwIfAborted();
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(c, p, signal);
    else if (e.isFile()) consume(c, await readFile(p), p, false, 0);
  }
}

/**
 * Reads DICOM images from any mix of files, folders (searched recursively) and zip archives
 * (recognised by their content, not their name), or from in-memory uploads. Nothing is inferred
 * from file or folder names: the series structure comes from the DICOM attributes alone
 * (see {@link groupSeries}). Non-DICOM files inside folders and archives are skipped and counted.
 *
 * @param inputs - paths or `{ name, bytes }` uploads
 * @param options - `signal` aborts between files
 * @returns images, skipped files and a count
 * @throws InputError when a path does not exist or a file named directly is not a DICOM image
 */
export async function readDicomInputs(
  inputs: readonly DicomInput[],
  options: { readonly signal?: AbortSignal } = {}
): Promise<ReadDicomResult> {
  const c: Collector = { images: [], skipped: [], files: 0, seen: new Set() };
  for (const input of inputs) {
    options.signal?.throwIfAborted();
    if (typeof input !== 'string') {
      consume(c, input.bytes, input.name, false, 0);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new InputError(`cannot read ${input}: no such file or directory`, input);
    }
    if (info.isDirectory()) await walk(c, input, options.signal);
    else consume(c, await readFile(input), input, true, 0);
  }
  return { images: c.images, skipped: c.skipped, filesExamined: c.files };
}

/** {@link readDicomInputs} grouped into series. */
export interface ReadDicomSeriesResult {
  readonly series: readonly DicomSeries[];
  readonly skipped: readonly SkippedFile[];
  readonly filesExamined: number;
}

/**
 * Reads inputs and groups the images by SeriesInstanceUID: the entry point for "give me the series
 * in these files" (CLI, uploads).
 *
 * @throws InputError as {@link readDicomInputs}
 */
export async function readDicomSeries(
  inputs: readonly DicomInput[],
  options: { readonly signal?: AbortSignal } = {}
): Promise<ReadDicomSeriesResult> {
  const r = await readDicomInputs(inputs, options);
  return { series: groupSeries(r.images), skipped: r.skipped, filesExamined: r.filesExamined };
}
