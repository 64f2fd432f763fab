import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  AlignmentError,
  bloodT1sUsed,
  classifySeries,
  DicomFormatError,
  ecvMapFromPairs,
  fitT1Map,
  fitT2Map,
  InputError,
  loadMapSidecar,
  MapFileError,
  PixelDecodeError,
  readDicomSeries,
  SeriesInputError,
  SeriesKind,
  sourceImagesOf,
  writeMapOutputs,
  type BloodT1Source,
  type DicomSeries,
  type EcvPair,
  type LoadedMap,
  type MapProgress,
  type MapResult,
  type SeriesClassification,
} from '@cmr-mass/imaging';
import { ExitCode, UsageError, writeLine, type CliCommand, type CliIo } from '../io.js';

/**
 * Parses `args` with node:util's strict parser; any problem is a {@link UsageError} naming the
 * option.
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}

/** Errors from the imaging package that mean "bad input" (exit 2) rather than a failed computation. */
export function isBadInput(error: unknown): error is Error {
  return (
    error instanceof InputError ||
    error instanceof SeriesInputError ||
    error instanceof MapFileError ||
    error instanceof AlignmentError ||
    error instanceof PixelDecodeError ||
    error instanceof DicomFormatError ||
    error instanceof RangeError
  );
}

/** Runs `body`, turning bad-input errors into {@link UsageError}s (exit 2, one line). */
export async function asUsage<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (isBadInput(error)) throw new UsageError(error.message.split('\n')[0]!);
    throw error;
  }
}

/** Progress lines on stderr: stage changes and every 10 %. */
export function progressPrinter(io: CliIo, label: string): (p: MapProgress) => void {
  let lastStage = '';
  let lastTenth = -1;
  return (p) => {
    if (p.total === 0) return;
    const tenth = Math.floor((10 * p.done) / p.total);
    if (p.stage !== lastStage || tenth !== lastTenth) {
      lastStage = p.stage;
      lastTenth = tenth;
      const what = p.stage === 'decode' ? 'decoding images' : 'fitting pixels';
      writeLine(
        io.stderr,
        `${label}: ${what} ${p.done}/${p.total} (${Math.round((100 * p.done) / p.total)}%)`
      );
    }
  };
}

function describeSeries(s: DicomSeries, c: SeriesClassification): string {
  return `  ${s.seriesInstanceUid}  ${c.kind}  ${s.description || '(no description)'}  ${s.images.length} images, ${c.slices} slice(s)`;
}

const T1_KINDS: readonly string[] = [SeriesKind.molli, SeriesKind.shmolli, SeriesKind.lookLocker];

async function pickSeries(
  io: CliIo,
  inputs: readonly string[],
  quantity: 't1' | 't2',
  seriesUid: string | undefined
): Promise<DicomSeries> {
  writeLine(io.stderr, `cmr-mass map ${quantity}: reading ${inputs.length} input(s)`);
  const read = await readDicomSeries(inputs.map((i) => resolve(io.cwd, i)));
  if (read.skipped.length > 0) {
    writeLine(
      io.stderr,
      `cmr-mass map ${quantity}: ${read.skipped.length} non-DICOM or unusable file(s) skipped`
    );
  }
  const classified = read.series.map((s) => ({ s, c: classifySeries(s) }));
  const fits = (c: SeriesClassification): boolean =>
    quantity === 't1' ? T1_KINDS.includes(c.kind) : c.kind === SeriesKind.t2prep;
  const what = quantity === 't1' ? 'T1 source (MOLLI, ShMOLLI, Look-Locker)' : 'T2-prep source';
  if (seriesUid !== undefined) {
    const hit = classified.find((x) => x.s.seriesInstanceUid === seriesUid);
    if (!hit) throw new UsageError(`--series: no series ${seriesUid} in the input`, '--series');
    if (!fits(hit.c)) {
      throw new UsageError(
        `--series: series ${seriesUid} is not a ${what} (${hit.c.kind}: ${hit.c.reason})`,
        '--series'
      );
    }
    return hit.s;
  }
  const candidates = classified.filter((x) => fits(x.c));
  if (candidates.length === 1) return candidates[0]!.s;
  const listing = classified.map((x) => describeSeries(x.s, x.c)).join('\n');
  if (candidates.length === 0) {
    if (read.series.length === 0) throw new UsageError('no DICOM images in the input');
    writeLine(io.stderr, `series in the input:\n${listing}`);
    throw new UsageError(`no ${what} series in the input`);
  }
  writeLine(
    io.stderr,
    `${candidates.length} ${what} series in the input:\n${candidates.map((x) => describeSeries(x.s, x.c)).join('\n')}`
  );
  throw new UsageError(
    `${candidates.length} ${what} series in the input: choose one with --series UID`,
    '--series'
  );
}

async function readMask(io: CliIo, path: string, series: DicomSeries): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(resolve(io.cwd, path)));
  } catch {
    throw new UsageError(`--mask: cannot read ${path}`, '--mask');
  }
  const first = sourceImagesOf(series)[0] ?? series.images[0]!;
  const n = first.rows * first.columns;
  if (bytes.length === 0 || bytes.length % n !== 0) {
    throw new UsageError(
      `--mask: ${path} has ${bytes.length} bytes, expected rows x columns = ${first.rows} x ${first.columns} = ${n}`,
      '--mask'
    );
  }
  return bytes;
}

function parseThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new UsageError(`--threads: need a whole number from 1 to 256 (got ${value})`, '--threads');
  }
  return n;
}

async function writeResult(
  io: CliIo,
  out: string,
  result: MapResult,
  extra?: Parameters<typeof writeMapOutputs>[2]
): Promise<void> {
  const dir = resolve(io.cwd, out);
  const sidecars = await writeMapOutputs(dir, result, extra);
  for (const s of sidecars) {
    for (const w of s.warnings) {
      writeLine(io.stderr, `cmr-mass map ${result.kind}: slice ${s.slice_index}: ${w}`);
    }
    writeLine(io.stdout, join(dir, `${result.kind}_${s.slice_index}.json`));
  }
}

const FIT_OPTIONS = {
  out: { type: 'string' },
  series: { type: 'string' },
  method: { type: 'string' },
  mask: { type: 'string' },
  threads: { type: 'string' },
} as const;

async function runFit(quantity: 't1' | 't2', args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, FIT_OPTIONS);
  if (positionals.length === 0) {
    throw new UsageError(`map ${quantity}: give at least one INPUT (DICOM file, folder or .zip)`);
  }
  if (values.out === undefined) throw new UsageError('--out DIR is required', '--out');
  const method = values.method ?? 'auto';
  if (quantity === 't2' && values.method !== undefined) {
    throw new UsageError('--method applies to map t1 only', '--method');
  }
  if (method !== 'auto' && method !== 'molli' && method !== 'shmolli') {
    throw new UsageError(`--method: auto, molli or shmolli (got ${method})`, '--method');
  }
  const threads = parseThreads(values.threads);
  const result = await asUsage(async () => {
    const series = await pickSeries(io, positionals, quantity, values.series);
    const mask = values.mask !== undefined ? await readMask(io, values.mask, series) : undefined;
    const label = `cmr-mass map ${quantity}`;
    writeLine(
      io.stderr,
      `${label}: series ${series.seriesInstanceUid} (${series.description || 'no description'})`
    );
    const options = { ...(mask ? { mask } : {}), ...(threads !== undefined ? { threads } : {}) };
    const control = { onProgress: progressPrinter(io, label) };
    return quantity === 't1'
      ? fitT1Map(series, { ...options, method }, control)
      : fitT2Map(series, options, control);
  });
  await writeResult(io, values.out, result);
  return ExitCode.ok;
}

async function sidecarsIn(path: string, flag: string, io: CliIo): Promise<LoadedMap[]> {
  const full = resolve(io.cwd, path);
  const info = await stat(full).catch(() => undefined);
  if (!info) throw new UsageError(`${flag}: cannot read ${path}`, flag);
  if (!info.isDirectory()) return [await loadMapSidecar(full)];
  const names = (await readdir(full)).filter((n) => n.endsWith('.json')).sort();
  const maps: LoadedMap[] = [];
  for (const n of names) {
    const m = await loadMapSidecar(join(full, n)).catch(() => undefined);
    if (m && m.kind === 't1') maps.push(m);
  }
  if (maps.length === 0) throw new UsageError(`${flag}: no T1 map sidecar in ${path}`, flag);
  return maps.sort((a, b) => a.sliceIndex - b.sliceIndex);
}

const ECV_OPTIONS = {
  pre: { type: 'string' },
  post: { type: 'string' },
  hct: { type: 'string' },
  'blood-roi': { type: 'string' },
  'blood-t1': { type: 'string' },
  out: { type: 'string' },
} as const;

async function runEcv(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, ECV_OPTIONS);
  if (positionals.length > 0) throw new UsageError(`map ecv: unexpected argument ${positionals[0]}`);
  for (const flag of ['pre', 'post', 'hct', 'out'] as const) {
    if (values[flag] === undefined) throw new UsageError(`--${flag} is required`, `--${flag}`);
  }
  const hct = Number(values.hct);
  if (!Number.isFinite(hct) || hct < 0.1 || hct > 0.7) {
    throw new UsageError(`--hct: ${values.hct} is outside 0.1-0.7`, '--hct');
  }
  const roi = values['blood-roi'];
  const given = values['blood-t1'];
  if ((roi === undefined) === (given === undefined)) {
    throw new UsageError(
      'give exactly one of --blood-roi LABELS.u8:LABEL and --blood-t1 PRE_MS,POST_MS',
      '--blood-roi'
    );
  }
  const result = await asUsage(async () => {
    const pre = await sidecarsIn(values.pre!, '--pre', io);
    const post = await sidecarsIn(values.post!, '--post', io);
    if (pre.length !== post.length) {
      throw new UsageError(
        `--pre has ${pre.length} T1 map(s) and --post ${post.length}: the maps are not aligned`,
        '--post'
      );
    }
    let blood: BloodT1Source;
    if (roi !== undefined) {
      const m = /^(.*):(\d+)$/.exec(roi);
      if (!m) throw new UsageError(`--blood-roi: expected LABELS.u8:LABEL (got ${roi})`, '--blood-roi');
      const label = Number(m[2]);
      if (label < 1 || label > 255) {
        throw new UsageError(`--blood-roi: label must be 1-255 (got ${label})`, '--blood-roi');
      }
      const labels = await readFile(resolve(io.cwd, m[1]!)).catch(() => undefined);
      if (!labels) throw new UsageError(`--blood-roi: cannot read ${m[1]}`, '--blood-roi');
      blood = { kind: 'roi', labels: new Uint8Array(labels), label, description: roi };
    } else {
      const parts = given!.split(',').map((s) => Number(s.trim()));
      if (parts.length !== 2 || !parts.every((v) => Number.isFinite(v) && v > 0)) {
        throw new UsageError(`--blood-t1: expected PRE_MS,POST_MS (got ${given})`, '--blood-t1');
      }
      blood = { kind: 'values', t1Pre: parts[0]!, t1Post: parts[1]! };
    }
    const pairs: EcvPair[] = pre.map((p, i) => ({ pre: p, post: post[i]! }));
    const map = ecvMapFromPairs(pairs, hct, blood);
    return { map, pairs, blood };
  });
  const { map, pairs, blood } = result;
  const used = bloodT1sUsed(pairs, blood);
  const perSlice = new Map(
    pairs.map((p, i) => {
      const b = used[i]!;
      return [
        p.pre.sliceIndex,
        {
          hct,
          blood_t1_pre_ms: b.pre,
          blood_t1_post_ms: b.post,
          blood_t1_source: blood.kind === 'roi' ? `label image ${roi}` : 'given (--blood-t1)',
          pre_sidecar: p.pre.path,
          post_sidecar: p.post.path,
        },
      ] as const;
    })
  );
  await writeResult(io, values.out!, map, { extra: (slice) => perSlice.get(slice.index) ?? {} });
  return ExitCode.ok;
}

const HELP = `usage:
  cmr-mass map t1  INPUT... --out DIR [--series UID] [--method auto|molli|shmolli] [--mask LABELS.u8] [--threads N]
  cmr-mass map t2  INPUT... --out DIR [--series UID] [--mask LABELS.u8] [--threads N]
  cmr-mass map ecv --pre PRE.json --post POST.json --hct H (--blood-roi LABELS.u8:LABEL | --blood-t1 PRE_MS,POST_MS) --out DIR

Fits parametric maps from DICOM series (mapping-cli.md). INPUT is any mix of DICOM files, folders
(searched recursively) and .zip archives; files are grouped by SeriesInstanceUID. For each slice k
(in order along the slice normal) DIR receives <kind>_<k>.f32 (float32 map, NaN where not fitted),
<kind>_<k>_r2.f32, <kind>_<k>.json (sidecar), <kind>_<k>.dcm and <kind>_<k>.png. Nothing is written
unless the command succeeds. Progress goes to stderr; stdout lists the sidecars written.

  --series UID     the series to fit when the input holds several candidates
  --method M       t1: auto (ShMOLLI's 5/6/7-sample rule when the series is ShMOLLI), molli, shmolli
  --mask FILE      raw uint8 label image (rows x columns): fit pixels whose label is not 0
  --threads N      worker threads (default: the machine's available parallelism)
  --pre/--post     native and post-contrast T1 sidecars (or folders of them), on the same grid
  --hct H          haematocrit, 0.1-0.7
  --blood-roi F:L  blood-pool T1 = mean of label L of label image F in each map
  --blood-t1 A,B   blood-pool T1 native and post-contrast (ms)

Exit codes: 0 ok, 2 bad input (one line on stderr naming it), 1 computation failed.`;

/** `cmr-mass map t1|t2|ecv`. */
export const mapCommand: CliCommand = {
  name: 'map',
  summary: 'fit parametric maps: `map t1|t2|ecv` (mapping-cli.md)',
  help: HELP,
  async run(args, io) {
    const [sub, ...rest] = args;
    switch (sub) {
      case 't1':
      case 't2':
        return runFit(sub, rest, io);
      case 'ecv':
        return runEcv(rest, io);
      default:
        throw new UsageError(
          sub === undefined ? 'map: which map? t1, t2 or ecv' : `map: unknown map '${sub}' (t1, t2 or ecv)`
        );
    }
  },
};
