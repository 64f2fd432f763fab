import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadMapSidecar, roiStats } from '@cmr-mass/imaging';
import { ExitCode, UsageError, writeLine, type CliCommand } from '../io.js';
import { asUsage, parseCommandArgs } from './map.js';

const HELP = `usage: cmr-mass roi MAP.json --labels LABELS.u8

Prints, as one JSON array on stdout, the statistics of the map over each label present in the
label image (raw uint8, rows x columns; label 0 excluded), ignoring pixels without a value:
label, n, mean, sd (n - 1), median, min, max and area_mm2 (n x row spacing x column spacing).
Statistics of a label without any valid pixel are null.`;

/** `cmr-mass roi MAP.json --labels LABELS.u8`. */
export const roiCommand: CliCommand = {
  name: 'roi',
  summary: 'ROI statistics of a map over a label image',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { labels: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('roi: give exactly one MAP.json');
    if (values.labels === undefined) throw new UsageError('--labels LABELS.u8 is required', '--labels');
    const stats = await asUsage(async () => {
      const map = await loadMapSidecar(resolve(io.cwd, positionals[0]!));
      const labels = await readFile(resolve(io.cwd, values.labels!)).catch(() => undefined);
      if (!labels) throw new UsageError(`--labels: cannot read ${values.labels}`, '--labels');
      const n = map.geometry.rows * map.geometry.columns;
      if (labels.length !== n) {
        throw new UsageError(
          `--labels: ${values.labels} has ${labels.length} bytes, the map is ${map.geometry.rows} x ${map.geometry.columns} = ${n}`,
          '--labels'
        );
      }
      const spacing = map.geometry.pixelSpacing;
      if (!spacing) throw new UsageError(`${positionals[0]}: no pixel_spacing_mm in the sidecar`);
      return roiStats(map.values, new Uint8Array(labels), spacing);
    });
    // JSON has no NaN: statistics of a label without valid pixels become null.
    writeLine(
      io.stdout,
      JSON.stringify(stats, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))
    );
    return ExitCode.ok;
  },
};
