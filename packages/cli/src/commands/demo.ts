import { rm } from 'node:fs/promises';
import {
  migrateToLatest,
  openDatabase,
  parseDatabaseUrl,
  redactUrl,
  type DatabaseTarget,
} from '@cmr-mass/db';
import {
  CohortOptionError,
  generateCohort,
  loadCohort,
  MAX_PARTICIPANTS,
  participantCount,
  participantsBySiteAndStatus,
  utcToday,
} from '@cmr-mass/synthetic';
import { ExitCode, UsageError, writeLine, type CliCommand } from '../io.js';

/** Where the demo goes when neither `--db` nor `DATABASE_URL` says otherwise. */
export const DEFAULT_DEMO_DB = './data/demo.sqlite';

const HELP = `usage: cmr-mass demo [--participants N] [--seed S] [--db URL] [--today YYYY-MM-DD] [--force]

Creates a synthetic multi-site cohort (clearly marked as synthetic: every name starts with DEMO and
the database's study metadata says "synthetic") and writes it through the registry's repositories,
each record as the user who would enter it, so every write is access-checked, validated and audited.
The same --seed and --today give the same study data. The assumptions behind the data are listed in
packages/synthetic/README.md.

Options:
  --participants N   participants to generate, including screened-and-excluded ones (default 2000,
                     at most ${MAX_PARTICIPANTS})
  --seed S           a non-negative whole number (default 1)
  --db URL           SQLite path, sqlite:PATH or postgres://... (default DATABASE_URL, else
                     ${DEFAULT_DEMO_DB}); migrated if needed; must hold no participants
  --today DATE       "today" of the cohort: nothing is dated later and the follow-up of recent
                     participants is still under way (default: today's date, UTC)
  --force            SQLite files only: delete the file first and start afresh

Progress goes to stderr; a summary (participants per site and status, the demo accounts, the
elapsed time) to stdout. Exit 0 on success, 2 for a bad option or a database that already holds
participants (naming the option), 1 when writing fails.`;

interface DemoOptions {
  readonly participants: number;
  readonly seed: number;
  readonly db: string | undefined;
  readonly today: string | undefined;
  readonly force: boolean;
}

function wholeNumber(option: string, value: string, max: number): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) > max) {
    throw new UsageError(
      `${option} must be a whole number from ${option === '--seed' ? 0 : 1} to ${max}, got '${value}'`,
      option
    );
  }
  return Number(value);
}

/** Parses `--name value` and `--name=value` options; anything else is a usage error naming it. */
function parseOptions(args: readonly string[]): DemoOptions {
  let participants = 2000;
  let seed = 1;
  let db: string | undefined;
  let today: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === '--force') {
      if (eq > 0) throw new UsageError('--force takes no value', '--force');
      force = true;
      continue;
    }
    if (!['--participants', '--seed', '--db', '--today'].includes(name)) {
      throw new UsageError(`unknown option '${name}' (see cmr-mass demo --help)`, name);
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      throw new UsageError(`${name} needs a value`, name);
    }
    if (name === '--participants') {
      participants = wholeNumber(name, value, MAX_PARTICIPANTS);
      if (participants < 1) throw new UsageError(`--participants must be at least 1, got '${value}'`, name);
    } else if (name === '--seed') seed = wholeNumber(name, value, Number.MAX_SAFE_INTEGER);
    else if (name === '--db') db = value;
    else today = value;
  }
  return { participants, seed, db, today, force };
}

async function removeSqliteFiles(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${path}${suffix}`, { force: true });
}

/** `cmr-mass demo`: a thin adapter over `generateCohort` and `loadCohort` of @cmr-mass/synthetic. */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'create a synthetic multi-site cohort (clearly marked as synthetic)',
  help: HELP,
  async run(args, io) {
    const started = performance.now();
    const elapsed = (): string => ((performance.now() - started) / 1000).toFixed(1);
    const o = parseOptions(args);
    const url =
      o.db ??
      (io.env.DATABASE_URL && io.env.DATABASE_URL.trim() !== '' ? io.env.DATABASE_URL : DEFAULT_DEMO_DB);
    let target: DatabaseTarget;
    try {
      target = parseDatabaseUrl(url, io.cwd);
    } catch (error) {
      throw new UsageError(`--db: ${error instanceof Error ? error.message : String(error)}`, '--db');
    }
    if (o.force && target.dialect !== 'sqlite') {
      throw new UsageError(
        '--force works with SQLite files only; give --db a new PostgreSQL database instead',
        '--force'
      );
    }
    let cohort;
    try {
      cohort = generateCohort({ participants: o.participants, seed: o.seed, today: o.today ?? utcToday() });
    } catch (error) {
      if (error instanceof CohortOptionError) throw new UsageError(`--${error.message}`, `--${error.option}`);
      throw error;
    }
    if (o.force && target.dialect === 'sqlite' && target.path !== ':memory:') {
      await removeSqliteFiles(target.path);
    }
    const where = redactUrl(url);
    const records = cohort.participants.reduce((n, p) => n + p.records.length, 0);
    writeLine(
      io.stderr,
      `cmr-mass demo: generated ${cohort.participants.length} synthetic participants, ${records} records (seed ${o.seed}, today ${cohort.meta.today}) in ${elapsed()} s; writing into ${where}`
    );
    const handle = openDatabase(url, { cwd: io.cwd, synchronous: 'normal' });
    try {
      const migrated = await migrateToLatest(handle);
      if (migrated.applied.length > 0) writeLine(io.stderr, `  migrated: ${migrated.applied.join(', ')}`);
      const existing = await participantCount(handle);
      if (existing > 0) {
        throw new UsageError(
          `--db ${where} already holds ${existing} participants: give a new database${target.dialect === 'sqlite' ? ' or add --force' : ''}`,
          '--db'
        );
      }
      let next = 0.1;
      const report = await loadCohort(handle, cohort, {
        onProgress: (done, total) => {
          if (done / total >= next || done === total) {
            writeLine(io.stderr, `  ${done}/${total} participants written (${elapsed()} s)`);
            while (next <= done / total) next += 0.1;
          }
        },
      });
      const table = await participantsBySiteAndStatus(handle);
      const statuses = [...new Set(Object.values(table).flatMap((s) => Object.keys(s)))].sort();
      const lines = [
        `Synthetic demo cohort (${cohort.meta.label}), seed ${o.seed}, today ${cohort.meta.today}`,
        `Database: ${where}`,
        `${report.participants} participants, ${report.records} records, ${report.sites} sites, ${report.users.length} users`,
        '',
        ['site', ...statuses, 'total'].map((h) => h.padStart(h === 'site' ? 6 : 18)).join(''),
        ...Object.entries(table).map(([site, counts]) =>
          [
            site.padStart(6),
            ...statuses.map((s) => String(counts[s] ?? 0).padStart(18)),
            String(Object.values(counts).reduce((a, b) => a + b, 0)).padStart(18),
          ].join('')
        ),
        '',
        'Demo accounts (no password yet: set one with the user management of the API):',
        ...report.users.map((u) => `  ${u.email.padEnd(48)} ${u.role}${u.site ? ` (${u.site})` : ''}`),
        '',
        `Elapsed: ${elapsed()} s`,
      ];
      writeLine(io.stdout, lines.join('\n'));
      return ExitCode.ok;
    } finally {
      await handle.close();
    }
  },
};
