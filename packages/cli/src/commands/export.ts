import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isDomainError } from '@cmr-mass/core';
import { openDatabase, redactUrl, resolveDatabaseUrl } from '@cmr-mass/db';
import { openExport, operatorActor, resolveSiteId, writeExportDir } from '@cmr-mass/server';
import { ExitCode, UsageError, writeLine, type CliCommand } from '../io.js';

const HELP = `usage: cmr-mass export --format csv --out DIR [--deidentify] [--site CODE] [--db URL]

Writes one tidy CSV per form (participants.csv, cmr_exams.csv, follow_up_visits.csv, ...), the
analysis dataset (analysis_participants.csv, analysis_readings.csv, with the derived variables named
as docs/analysis-dataset.md names them) and codebook.csv (file, column, label, type, unit,
allowed_values) into DIR. Tables are streamed from the database a page at a time. Each file is in the
audit trail.

--deidentify   no identifiers, no free text, no record timestamps, pseudonymous study IDs, and every
               date shifted back by 0-364 days, the same shift for all of a participant's dates
               (derived from a secret salt kept in the database and the study ID)
--site CODE    one site only
--db URL       the database (default: DATABASE_URL, else ./data/cmr-mass.sqlite)

The command-line export never contains the identifiers form (names, phone numbers): site staff
export those from the web app for their own site.`;

/** `cmr-mass export`: a thin adapter over the server package's exporter. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export every form, the analysis dataset and the codebook as CSV',
  help: HELP,
  async run(args, io) {
    let values: { format?: string; out?: string; deidentify?: boolean; site?: string; db?: string };
    try {
      values = parseArgs({
        args: [...args],
        options: {
          format: { type: 'string' },
          out: { type: 'string' },
          deidentify: { type: 'boolean' },
          site: { type: 'string' },
          db: { type: 'string' },
        },
        strict: true,
      }).values;
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    if (values.format === undefined) throw new UsageError('--format: give --format csv', '--format');
    if (values.format !== 'csv') throw new UsageError(`--format: '${values.format}' is not supported (csv)`, '--format');
    if (!values.out) throw new UsageError('--out: give the directory to write to', '--out');
    const url = resolveDatabaseUrl(values.db, io.env);
    const handle = openDatabase(url, { cwd: io.cwd });
    try {
      const tables = await handle.db.selectFrom('audit_head').select('seq').executeTakeFirst().catch(() => undefined);
      if (tables === undefined) {
        throw new UsageError(`--db: ${redactUrl(url)} is not a cmr-mass database (run cmr-mass migrate)`, '--db');
      }
      const siteId = values.site === undefined ? undefined : await resolveSiteId(handle.db, values.site, '--site');
      const scope = await openExport(handle, operatorActor(), new Date(), {
        ...(siteId !== undefined ? { siteId } : {}),
        deidentify: values.deidentify ?? false,
        operator: true,
      });
      const dir = resolve(io.cwd, values.out);
      const files = await writeExportDir(scope, dir, 'cli');
      for (const f of files) writeLine(io.stdout, `${f.file}\t${f.bytes} bytes`);
      writeLine(
        io.stdout,
        `wrote ${files.length} files to ${dir}${scope.deidentify ? ' (de-identified: dates shifted per participant)' : ''}`
      );
      return ExitCode.ok;
    } catch (e) {
      if (isDomainError(e) && e.status < 500) {
        throw new UsageError(e.field ? `${e.field}: ${e.body.message}` : e.body.message, e.field);
      }
      throw e;
    } finally {
      await handle.close();
    }
  },
};
