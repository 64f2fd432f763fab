import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { StudySnapshot } from '@cmr-mass/analysis';
import type { Actor } from '@cmr-mass/core';
import { ExitCode, UsageError, writeLine, type CliCommand, type CliIo } from '../io.js';

const HELP = `usage: cmr-mass report --out DIR [--db URL] [--deidentify] [--lang en|zh]

Computes the study's report from one consistent snapshot of the registry and writes into DIR:
  report.html      one self-contained file (inline SVG figures, printable, no server needed)
  results.json     every number of the report, with for each analysis its rows, n, events and the
                   R code that reproduces it (schema: packages/analysis/RESULTS.md)
  tables/*.csv     every table, numbers at full precision
  figures/*.svg    every figure
  data/*.csv       the analysis dataset the report was computed from (for R)
Progress goes to stderr.

--out DIR       where to write (created if needed; files of a previous report are replaced)
--db URL        the database (default: DATABASE_URL, else ./data/cmr-mass.sqlite)
--deidentify    read as a statistician (no free text) and shift the dates of the participant-level
                files back per participant, as \`cmr-mass export --deidentify\` does; ages over 90
                top-coded. The aggregate results are the same.
--lang en|zh    language of report.html and the figures (default en)
--snapshot FILE read a snapshot saved as JSON instead of the database (StudySnapshot, see README)

Exit 2 names a bad option; exit 1 when the report cannot be computed or written.`;

interface Options {
  readonly out: string;
  readonly db: string | undefined;
  readonly deidentify: boolean;
  readonly lang: 'en' | 'zh';
  readonly snapshot: string | undefined;
}

function parse(args: readonly string[]): Options {
  let values: { out?: string; db?: string; deidentify?: boolean; lang?: string; snapshot?: string };
  try {
    values = parseArgs({
      args: [...args],
      options: {
        out: { type: 'string' },
        db: { type: 'string' },
        deidentify: { type: 'boolean' },
        lang: { type: 'string' },
        snapshot: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const field = /'(--?[\w-]+)'/.exec(message)?.[1];
    throw new UsageError(message, field);
  }
  if (!values.out) throw new UsageError('--out: give the directory to write the report to', '--out');
  const lang = values.lang ?? 'en';
  if (lang !== 'en' && lang !== 'zh') {
    throw new UsageError(`--lang: '${lang}' is not one of en, zh`, '--lang');
  }
  if (values.snapshot !== undefined && values.db !== undefined) {
    throw new UsageError('--snapshot: give either --db or --snapshot, not both', '--snapshot');
  }
  return {
    out: values.out,
    db: values.db,
    deidentify: values.deidentify ?? false,
    lang,
    snapshot: values.snapshot,
  };
}

/** The read-only actor the report reads as: a statistician for de-identified reports, else a monitor. */
export function reportActor(deidentify: boolean): Actor {
  return deidentify
    ? {
        userId: 'system',
        role: 'statistician',
        siteId: null,
        display: 'cmr-mass report --deidentify (command line)',
      }
    : { userId: 'system', role: 'monitor', siteId: null, display: 'cmr-mass report (command line)' };
}

function progress(io: CliIo): (step: string) => void {
  const start = Date.now();
  return (step) => {
    writeLine(io.stderr, `report: ${step} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
  };
}

async function fromSnapshotFile(o: Options, io: CliIo): Promise<number> {
  const analysis = await import('@cmr-mass/analysis');
  let snapshot: StudySnapshot;
  try {
    snapshot = JSON.parse(await readFile(resolve(io.cwd, o.snapshot!), 'utf8')) as StudySnapshot;
    if (
      !Array.isArray(snapshot.casebooks) ||
      typeof snapshot.takenAt !== 'string' ||
      typeof snapshot.key !== 'string'
    ) {
      throw new Error('not a StudySnapshot (casebooks, takenAt, key)');
    }
  } catch (e) {
    throw new UsageError(
      `--snapshot: cannot read ${o.snapshot!}: ${e instanceof Error ? e.message : String(e)}`,
      '--snapshot'
    );
  }
  const written = await analysis.writeReport(snapshot, {
    outDir: resolve(io.cwd, o.out),
    lang: o.lang,
    deidentify: o.deidentify,
    decision: analysis.coreDecisionSupport(),
    onProgress: progress(io),
  });
  writeLine(io.stderr, `report: wrote ${written.files.length} files to ${o.out}`);
  return ExitCode.ok;
}

async function fromDatabase(o: Options, io: CliIo): Promise<number> {
  const { openDatabase, redactUrl, resolveDatabaseUrl, Repository, systemContext } =
    await import('@cmr-mass/db');
  const { dateShiftSalt, shiftDays } = await import('@cmr-mass/server');
  const analysis = await import('@cmr-mass/analysis');
  const url = resolveDatabaseUrl(o.db, io.env);
  const handle = openDatabase(url, { cwd: io.cwd });
  try {
    const head = await handle.db
      .selectFrom('audit_head')
      .select('seq')
      .executeTakeFirst()
      .catch(() => undefined);
    if (head === undefined) {
      throw new UsageError(
        `--db: ${redactUrl(url)} is not a cmr-mass database (run cmr-mass migrate)`,
        '--db'
      );
    }
    const actor = reportActor(o.deidentify);
    const onProgress = progress(io);
    // The salt first: creating it is a write, which must come before the snapshot's key is read.
    const salt = o.deidentify ? await dateShiftSalt(handle) : null;
    onProgress(`reading ${redactUrl(url)} in one read transaction`);
    const snapshot = await analysis.snapshotFromDb(handle, { actor });
    const written = await analysis.writeReport(snapshot, {
      outDir: resolve(io.cwd, o.out),
      lang: o.lang,
      deidentify: o.deidentify,
      ...(salt !== null ? { shiftDays: (studyId: string) => shiftDays(salt, studyId) } : {}),
      decision: analysis.coreDecisionSupport(),
      onProgress,
    });
    await new Repository(handle, systemContext(actor)).recordEvent({
      action: 'export',
      entity: 'report',
      entityId: null,
      after: { snapshotKey: snapshot.key, deidentified: o.deidentify, files: written.files.length },
    });
    writeLine(
      io.stderr,
      `report: wrote ${written.files.length} files to ${o.out} (snapshot ${snapshot.key})`
    );
    return ExitCode.ok;
  } finally {
    await handle.close();
  }
}

/** `cmr-mass report`: a thin adapter over `@cmr-mass/analysis` (`snapshotFromDb`, `writeReport`). */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: "write the study's report: report.html, results.json, tables and figures",
  help: HELP,
  async run(args, io) {
    const o = parse(args);
    // React's production build: the development build checks every element and is several times slower.
    process.env.NODE_ENV ??= 'production';
    try {
      return o.snapshot !== undefined ? await fromSnapshotFile(o, io) : await fromDatabase(o, io);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      writeLine(io.stderr, `cmr-mass report: ${e instanceof Error ? e.message : String(e)}`);
      return ExitCode.failed;
    }
  },
};
