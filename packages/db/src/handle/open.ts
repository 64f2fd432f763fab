import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../schema/tables.js';
import { groupCommitSqliteDialect, type CommitStats } from './sqlite-driver.js';
import { parseDatabaseUrl, type DatabaseTarget } from './url.js';

/** The two database engines. */
export type Dialect = 'sqlite' | 'postgres';

/** An open database: the typed Kysely instance, its dialect, and how to close it. */
export interface DbHandle {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  /** Where it is (a file path, `:memory:` or the PostgreSQL URL with the password hidden). */
  readonly location: string;
  /** The underlying driver object, for what Kysely cannot do (SQLite backups). */
  readonly raw:
    | {
        readonly dialect: 'sqlite';
        readonly database: Database.Database;
        readonly path: string;
        /** Transactions and physical COMMITs so far (group commit shares one COMMIT between many). */
        readonly stats: () => CommitStats;
      }
    | { readonly dialect: 'postgres'; readonly pool: pg.Pool; readonly connectionString: string };
  close(): Promise<void>;
}

/** Options of {@link openDatabase}. */
export interface OpenOptions {
  /**
   * SQLite `synchronous`: `full` (default) syncs the WAL on every commit, so a power cut loses nothing
   * that was acknowledged; `normal` is faster but may lose the last commits on a power cut (never on
   * an application crash); `off` is for measurements only.
   */
  readonly synchronous?: 'full' | 'normal' | 'off';
  /** SQLite: share one fsync between concurrent transactions (default true for files). */
  readonly groupCommit?: boolean;
  /** SQLite: open read-only (backups, verification of a copy). */
  readonly readonly?: boolean;
  /** SQLite: milliseconds to wait for another process's lock (default 5000). */
  readonly busyTimeoutMs?: number;
  /** PostgreSQL: the most connections in the pool (default 10). */
  readonly poolSize?: number;
  /** Directory that relative SQLite paths are resolved against. */
  readonly cwd?: string;
  /**
   * PostgreSQL: called when an idle pooled connection fails (server restart, network); the pool
   * drops it and opens a new one when needed. Default: a process warning.
   */
  readonly onPoolError?: (error: Error) => void;
}

/**
 * Opens a database from a URL (`postgres://...`, `sqlite:PATH`, a file path, `:memory:`). SQLite is
 * opened with WAL, `foreign_keys=ON`, a busy timeout and `synchronous=FULL`; PostgreSQL through a
 * `pg.Pool`. The schema is not touched: run {@link migrateToLatest} to create or upgrade it.
 *
 * See: https://www.sqlite.org/wal.html, https://www.sqlite.org/pragma.html#pragma_synchronous
 */
export function openDatabase(url: string, options: OpenOptions = {}): DbHandle {
  const target: DatabaseTarget = parseDatabaseUrl(url, options.cwd);
  return target.dialect === 'sqlite'
    ? openSqlite(target.path, options)
    : openPostgres(target.connectionString, options);
}

function openSqlite(path: string, options: OpenOptions): DbHandle {
  const memory = path === ':memory:';
  if (!memory && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  database.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  if (!memory && !options.readonly) database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = MEMORY');
  database.pragma(`synchronous = ${(options.synchronous ?? 'full').toUpperCase()}`);
  const { dialect, driver } = groupCommitSqliteDialect(database, {
    groupCommit: !memory && !options.readonly && (options.groupCommit ?? true),
    statementCacheSize: 500,
    readonly: options.readonly ?? false,
  });
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    dialect: 'sqlite',
    location: path,
    raw: { dialect: 'sqlite', database, path, stats: () => driver.stats() },
    close: () => db.destroy(),
  };
}

function openPostgres(connectionString: string, options: OpenOptions): DbHandle {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10 });
  const onError =
    options.onPoolError ??
    ((e: Error) => {
      process.emitWarning(`PostgreSQL connection lost: ${e.message}`);
    });
  pool.on('error', onError);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    location: connectionString.replace(/(\/\/[^:/@]+:)[^@/]*@/, '$1***@'),
    raw: { dialect: 'postgres', pool, connectionString },
    close: () => db.destroy(),
  };
}
