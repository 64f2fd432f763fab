import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { backupDatabase, migrationStatus, restoreDatabase, type DbHandle } from '@cmr-mass/db';
import { ExitCode, UsageError, writeLine, type CliCommand } from '../io.js';
import { failsCleanly, openFromOptions, parseOptions } from './migrate.js';

/** Refuses a database that was never migrated: there is nothing of ours in it. */
async function requireSchema(handle: DbHandle, shown: string): Promise<void> {
  if ((await migrationStatus(handle)).applied.length === 0) {
    throw new UsageError(
      `--db: ${shown} is not a cmr-mass database (no migrations): run cmr-mass migrate`,
      '--db'
    );
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

const BACKUP_HELP = `usage: cmr-mass backup --out FILE [--db URL] [--format sqlite|jsonl]

Writes a consistent copy of the database to FILE (which must not exist), then verifies the copy's
audit trail. SQLite: a database file made with VACUUM INTO from a read-only connection (one
snapshot; the application keeps running), or with --format jsonl a dump of every table as JSON
lines. PostgreSQL: the JSON-lines dump, read in one REPEATABLE READ transaction. A JSON-lines dump
restores into an empty database of either kind. The copy holds everything, password hashes and
identifiers included: keep it as safe as the database.

Options:
  --out FILE       where to write the copy
  --db URL         SQLite path, sqlite:PATH or postgres://... (default: DATABASE_URL, else
                   ./data/cmr-mass.sqlite)
  --format F       sqlite (SQLite only; the default there) or jsonl (the default for PostgreSQL)

Exit 0 with one line on success, 2 for a bad option (naming it), 1 when the copy fails.`;

/** `cmr-mass backup`: a thin adapter over `backupDatabase` of @cmr-mass/db. */
export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'write a consistent copy of the database',
  help: BACKUP_HELP,
  async run(args, io) {
    const opts = parseOptions('backup', args, { values: ['--db', '--out', '--format'] });
    const outOption = opts.values['--out'];
    if (outOption === undefined) throw new UsageError('--out FILE is required', '--out');
    const out = resolve(io.cwd, outOption);
    if (existsSync(out)) throw new UsageError(`--out: ${out} exists already: choose a new file`, '--out');
    const format = opts.values['--format'];
    if (format !== undefined && format !== 'sqlite' && format !== 'jsonl') {
      throw new UsageError(`--format must be sqlite or jsonl, got '${format}'`, '--format');
    }
    const { handle, shown } = openFromOptions(io, opts.values['--db'], { mustExist: true });
    return failsCleanly('backup', io, async () => {
      try {
        await requireSchema(handle, shown);
        if (format === 'sqlite' && handle.dialect !== 'sqlite') {
          throw new UsageError('--format sqlite is for SQLite databases; use --format jsonl', '--format');
        }
        const r = await backupDatabase(handle, out, format ? { format } : {});
        const audit = r.audit.ok
          ? `audit trail intact (${r.audit.rows} rows, head ${r.audit.head.seq}:${r.audit.head.hash})`
          : `audit trail BROKEN at seq ${r.audit.firstBad?.seq}: ${r.audit.firstBad?.detail}`;
        writeLine(
          io.stdout,
          `backup of ${shown} written to ${r.path} (${r.format}, ${megabytes(r.bytes)}); ${audit}`
        );
        return r.audit.ok ? ExitCode.ok : ExitCode.failed;
      } finally {
        await handle.close();
      }
    });
  },
};

const RESTORE_HELP = `usage: cmr-mass restore --from FILE [--db URL]

Restores a backup made by cmr-mass backup (a SQLite database file or a JSON-lines dump, from
either SQLite or PostgreSQL) into an empty database: migrates it, loads every table in one
transaction (nothing is kept if anything fails), checks the row counts and that the audit trail is
intact and ends at the backup's head, and records the restore itself in the audit trail.

Options:
  --from FILE   the backup
  --db URL      the database to restore into: SQLite path, sqlite:PATH or postgres://... (default:
                DATABASE_URL, else ./data/cmr-mass.sqlite); it must hold no data

Exit 0 with one line on success, 2 for a bad option, a missing backup or a database that is not
empty (naming the option), 1 when the backup is damaged or the restore fails.`;

/** `cmr-mass restore`: a thin adapter over `restoreDatabase` of @cmr-mass/db. */
export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'restore a database from a backup',
  help: RESTORE_HELP,
  async run(args, io) {
    const opts = parseOptions('restore', args, { values: ['--from', '--db'] });
    const fromOption = opts.values['--from'];
    if (fromOption === undefined) throw new UsageError('--from FILE is required', '--from');
    const from = resolve(io.cwd, fromOption);
    if (!existsSync(from)) throw new UsageError(`--from: no backup at ${from}`, '--from');
    const { handle, shown } = openFromOptions(io, opts.values['--db']);
    return failsCleanly('restore', io, async () => {
      try {
        let user = 'unknown';
        try {
          user = userInfo().username;
        } catch {
          // no user name (some containers): keep "unknown"
        }
        const r = await restoreDatabase(from, handle, {
          actor: {
            userId: `cli:${user}`,
            role: 'admin',
            siteId: null,
            display: `cmr-mass restore (OS user ${user})`,
          },
        }).catch((e: unknown) => {
          if (e instanceof Error && /not empty/.test(e.message)) {
            throw new UsageError(`--db: ${e.message}`, '--db');
          }
          throw e;
        });
        const total = Object.values(r.rows).reduce((a, b) => a + b, 0);
        writeLine(
          io.stdout,
          `restored ${from} (${r.source}) into ${shown}: ${total} rows; audit trail intact (${r.audit.rows} rows, head ${r.audit.head.seq}:${r.audit.head.hash})`
        );
        return ExitCode.ok;
      } finally {
        await handle.close();
      }
    });
  },
};
