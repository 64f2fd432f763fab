import { existsSync } from 'node:fs';
import {
  migrateToLatest,
  migrationStatus,
  openDatabase,
  parseDatabaseUrl,
  redactUrl,
  resolveDatabaseUrl,
  type DatabaseTarget,
  type DbHandle,
} from '@cmr-mass/db';
import { ExitCode, UsageError, writeLine, type CliCommand, type CliIo } from '../io.js';

/** Options of a database command: `--name value` (or `--name=value`) pairs, flags, and positionals. */
export interface ParsedOptions {
  readonly values: Readonly<Record<string, string>>;
  readonly flags: ReadonlySet<string>;
  readonly positional: readonly string[];
}

/**
 * Parses the options of the database commands (`migrate`, `audit verify`, `backup`, `restore`). An
 * unknown option, a missing value or a repeated option is a {@link UsageError} naming it (exit 2).
 */
export function parseOptions(
  command: string,
  args: readonly string[],
  spec: {
    readonly values: readonly string[];
    readonly flags?: readonly string[];
    readonly positional?: number;
  }
): ParsedOptions {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.flags?.includes(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value`, name);
      flags.add(name);
      continue;
    }
    if (!spec.values.includes(name)) {
      throw new UsageError(`unknown option '${name}' (see cmr-mass ${command} --help)`, name);
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(`${name} needs a value`, name);
    }
    if (name in values) throw new UsageError(`${name} is given twice`, name);
    values[name] = value;
  }
  if (positional.length > (spec.positional ?? 0)) {
    throw new UsageError(
      `unexpected argument '${positional[spec.positional ?? 0]!}' (see cmr-mass ${command} --help)`
    );
  }
  return { values, flags, positional };
}

/**
 * Runs a command's database work: a failure that is not the user's mistake becomes one line on
 * stderr and exit code 1 (no stack trace); usage errors pass through to `main` (exit 2).
 */
export async function failsCleanly(command: string, io: CliIo, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof UsageError) throw e;
    writeLine(io.stderr, `cmr-mass ${command}: ${e instanceof Error ? e.message : String(e)}`);
    return ExitCode.failed;
  }
}

/**
 * Opens the database named by `--db` (else `DATABASE_URL`, else ./data/cmr-mass.sqlite). With
 * `mustExist`, a SQLite file that is not there is a usage error naming `--db` (nothing is created).
 */
export function openFromOptions(
  io: CliIo,
  dbOption: string | undefined,
  options: { readonly mustExist?: boolean; readonly readonly?: boolean } = {}
): { readonly handle: DbHandle; readonly shown: string } {
  const url = resolveDatabaseUrl(dbOption, io.env);
  let target: DatabaseTarget;
  try {
    target = parseDatabaseUrl(url, io.cwd);
  } catch (e) {
    throw new UsageError(`--db: ${e instanceof Error ? e.message : String(e)}`, '--db');
  }
  if (
    options.mustExist &&
    target.dialect === 'sqlite' &&
    target.path !== ':memory:' &&
    !existsSync(target.path)
  ) {
    throw new UsageError(`--db: no database at ${target.path}`, '--db');
  }
  const handle = openDatabase(url, { cwd: io.cwd, readonly: options.readonly ?? false });
  return { handle, shown: target.dialect === 'sqlite' ? target.path : redactUrl(url) };
}

const HELP = `usage: cmr-mass migrate [--db URL] [--status]

Creates the database schema, or upgrades it to the newest migration. Safe to run again: an
up-to-date database is left as it is. The migrations are listed in packages/db/src/migrations.

Options:
  --db URL    SQLite path, sqlite:PATH or postgres://user@host:port/database
              (default: DATABASE_URL, else ./data/cmr-mass.sqlite; a new SQLite file is created)
  --status    list the migrations applied and pending; change nothing

Exit 0 on success, 2 for a bad option (naming it), 1 when the database cannot be reached or a
migration fails (a failed migration is rolled back).`;

/** `cmr-mass migrate`: a thin adapter over `migrateToLatest` of @cmr-mass/db. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'create or upgrade the database schema',
  help: HELP,
  async run(args, io) {
    const opts = parseOptions('migrate', args, { values: ['--db'], flags: ['--status'] });
    const { handle, shown } = openFromOptions(io, opts.values['--db']);
    return failsCleanly('migrate', io, async () => {
      try {
        if (opts.flags.has('--status')) {
          const s = await migrationStatus(handle);
          writeLine(io.stdout, `${handle.dialect} ${shown}`);
          writeLine(io.stdout, `applied: ${s.applied.length > 0 ? s.applied.join(', ') : '(none)'}`);
          writeLine(io.stdout, `pending: ${s.pending.length > 0 ? s.pending.join(', ') : '(none)'}`);
          return ExitCode.ok;
        }
        const r = await migrateToLatest(handle);
        const now = r.current.at(-1) ?? '(none)';
        writeLine(
          io.stdout,
          r.applied.length > 0
            ? `migrated ${handle.dialect} ${shown}: applied ${r.applied.join(', ')}; now at ${now}`
            : `${handle.dialect} ${shown} is up to date (at ${now})`
        );
        return ExitCode.ok;
      } finally {
        await handle.close();
      }
    });
  },
};
