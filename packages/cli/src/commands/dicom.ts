import { resolve } from 'node:path';
import { classifySeries, readDicomSeries } from '@cmr-mass/imaging';
import { ExitCode, UsageError, writeLine, type CliCommand, type CliIo } from '../io.js';
import { asUsage, parseCommandArgs } from './map.js';

/** One row of `dicom ls`. */
export interface SeriesListing {
  readonly series_instance_uid: string;
  readonly description: string;
  readonly vendor: string;
  readonly images: number;
  readonly slices: number;
  readonly kind: string;
  readonly map_quantity: string | null;
  readonly times_ms: readonly number[];
  readonly time_source: string | null;
  readonly source_images: number;
  readonly map_images: number;
  readonly series_number: number | null;
  readonly reason: string;
}

async function list(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
  if (positionals.length === 0) {
    throw new UsageError('dicom ls: give at least one INPUT (DICOM file, folder or .zip)');
  }
  const read = await asUsage(() => readDicomSeries(positionals.map((p) => resolve(io.cwd, p))));
  if (read.skipped.length > 0) {
    writeLine(
      io.stderr,
      `cmr-mass dicom ls: ${read.skipped.length} of ${read.filesExamined} file(s) skipped (not DICOM images)`
    );
  }
  if (read.series.length === 0) throw new UsageError('no DICOM images in the input');
  const rows: SeriesListing[] = read.series.map((s) => {
    const c = classifySeries(s);
    return {
      series_instance_uid: s.seriesInstanceUid,
      description: s.description,
      vendor: s.manufacturer,
      images: s.images.length,
      slices: c.slices,
      kind: c.kind,
      map_quantity: c.mapQuantity ?? null,
      times_ms: c.times,
      time_source: c.timeSource ?? null,
      source_images: c.sourceImages,
      map_images: c.mapImages,
      series_number: s.seriesNumber ?? null,
      reason: c.reason,
    };
  });
  if (values.json) {
    writeLine(io.stdout, JSON.stringify(rows, null, 2));
    return ExitCode.ok;
  }
  const table = [
    ['SERIES_INSTANCE_UID', 'DESCRIPTION', 'VENDOR', 'IMAGES', 'SLICES', 'KIND', 'TIMES_MS'],
    ...rows.map((r) => [
      r.series_instance_uid,
      r.description || '-',
      r.vendor || '-',
      String(r.images),
      String(r.slices),
      r.map_quantity !== null && r.kind !== 'map'
        ? `${r.kind}+map-${r.map_quantity}`
        : r.map_quantity !== null
          ? `map-${r.map_quantity}`
          : r.kind,
      r.times_ms.length > 0 ? r.times_ms.join(',') : '-',
    ]),
  ];
  for (const row of table) writeLine(io.stdout, row.join('\t'));
  return ExitCode.ok;
}

const HELP = `usage: cmr-mass dicom ls INPUT... [--json]

Lists the DICOM series in any mix of files, folders (searched recursively) and .zip archives,
grouped by SeriesInstanceUID: UID, description, vendor, images, slices and kind, one series per
line, tab-separated (--json: an array of objects with the reasons and inversion/preparation times).

Kinds: molli, shmolli, look-locker (T1 sources), t2prep (T2 source), map (made by the scanner;
map-t1, map-t2, map-ecv...), other. A source series that also holds scanner maps (Philips) shows
as e.g. molli+map-t1.`;

/** `cmr-mass dicom ls`. */
export const dicomCommand: CliCommand = {
  name: 'dicom',
  summary: 'DICOM tools: `dicom ls INPUT...` lists series',
  help: HELP,
  run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'ls') return list(rest, io);
    throw new UsageError(sub === undefined ? 'dicom: which tool? ls' : `dicom: unknown tool '${sub}' (ls)`);
  },
};
