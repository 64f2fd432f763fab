import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import { verifyAuditChain, type AuditVerification } from '../audit/verify.js';
import { openDatabase, type DbHandle } from '../handle/open.js';
import { migrationStatus } from '../migrations/index.js';
import { TABLES_IN_ORDER, type LooseDB, type TableName } from '../schema/tables.js';
import { tableRows } from './logical-dump.js';

/** The two backup formats: a SQLite database file, or a JSON-lines dump of every table. */
export type BackupFormat = 'sqlite' | 'jsonl';

/** The first line of a JSON-lines dump. */
export interface DumpHeader {
  readonly format: 'cmr-mass-dump';
  readonly version: 1;
  readonly createdAt: string;
  readonly sourceDialect: 'sqlite' | 'postgres';
  /** The migrations the source had: a restore needs the same schema. */
  readonly migrations: readonly string[];
  readonly tables: readonly TableName[];
}

/** The last line of a JSON-lines dump: a dump without it was cut short. */
export interface DumpFooter {
  readonly end: true;
  readonly rows: Readonly<Record<string, number>>;
  readonly auditHead: { readonly seq: number; readonly hash: string };
}

/** What a backup wrote. */
export interface BackupResult {
  readonly format: BackupFormat;
  readonly path: string;
  readonly bytes: number;
  /** The audit chain of the copy, verified after writing. */
  readonly audit: AuditVerification;
}

/**
 * Writes a consistent copy of the database to `outPath` (which must not exist), then verifies the
 * copy's audit chain. SQLite: `VACUUM INTO` from a separate read-only connection, so the copy is one
 * WAL snapshot and writers are not held up (format `sqlite`, the default), or a JSON-lines dump.
 * PostgreSQL: a JSON-lines dump of every table read in one `REPEATABLE READ` transaction (one
 * snapshot), restorable into an empty migrated database of either dialect. The copy is written to
 * `outPath.partial` and renamed when complete.
 *
 * See: https://www.sqlite.org/lang_vacuum.html#vacuuminto
 */
export async function backupDatabase(
  handle: DbHandle,
  outPath: string,
  options: { readonly format?: BackupFormat; readonly now?: () => Date } = {}
): Promise<BackupResult> {
  const format: BackupFormat = options.format ?? (handle.dialect === 'sqlite' ? 'sqlite' : 'jsonl');
  if (existsSync(outPath)) throw new Error(`${outPath} exists already: choose a new file`);
  if (format === 'sqlite' && handle.raw.dialect !== 'sqlite') {
    throw new Error('a PostgreSQL database is backed up as a JSON-lines dump (--format jsonl)');
  }
  const partial = `${outPath}.partial`;
  rmSync(partial, { force: true });
  try {
    if (format === 'sqlite') await vacuumInto(handle, partial);
    else await writeDump(handle, partial, options.now ?? (() => new Date()));
    renameSync(partial, outPath);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  const audit =
    format === 'sqlite' ? await verifySqliteFile(outPath) : await verifyDumpAgainst(handle, outPath);
  return { format, path: outPath, bytes: statSync(outPath).size, audit };
}

async function vacuumInto(handle: DbHandle, target: string): Promise<void> {
  if (handle.raw.dialect !== 'sqlite') throw new Error('not a SQLite database');
  if (handle.raw.path === ':memory:') {
    handle.raw.database.prepare('VACUUM INTO ?').run(target);
    return;
  }
  const reader = openDatabase(handle.raw.path, { readonly: true });
  try {
    if (reader.raw.dialect === 'sqlite') reader.raw.database.prepare('VACUUM INTO ?').run(target);
  } finally {
    await reader.close();
  }
}

/** Verifies the audit chain of a SQLite database file, opened read-only. */
export async function verifySqliteFile(path: string): Promise<AuditVerification> {
  const h = openDatabase(path, { readonly: true });
  try {
    return await verifyAuditChain(h);
  } finally {
    await h.close();
  }
}

async function verifyDumpAgainst(_handle: DbHandle, path: string): Promise<AuditVerification> {
  const { verifyDumpFile } = await import('./restore.js');
  return verifyDumpFile(path);
}

async function writeDump(handle: DbHandle, path: string, now: () => Date): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = async (value: unknown): Promise<void> => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  const dump = async (db: Kysely<LooseDB>): Promise<void> => {
    const header: DumpHeader = {
      format: 'cmr-mass-dump',
      version: 1,
      createdAt: now().toISOString(),
      sourceDialect: handle.dialect,
      migrations: (await migrationStatus(handle)).applied,
      tables: [...TABLES_IN_ORDER],
    };
    await write(header);
    const rows: Record<string, number> = {};
    for (const table of TABLES_IN_ORDER) {
      rows[table] = 0;
      for await (const row of tableRows(db, table)) {
        await write({ t: table, r: row });
        rows[table] += 1;
      }
    }
    const head = await db
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    const footer: DumpFooter = {
      end: true,
      rows,
      auditHead: { seq: Number(head?.seq ?? 0), hash: String(head?.hash ?? '') },
    };
    await write(footer);
  };
  try {
    if (handle.raw.dialect === 'postgres') {
      await handle.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute((trx) => dump(trx as unknown as Kysely<LooseDB>));
    } else if (handle.raw.path === ':memory:') {
      await dump(handle.db as unknown as Kysely<LooseDB>);
    } else {
      // A read-only connection in one read transaction: a WAL snapshot, writers carry on.
      const reader = openDatabase(handle.raw.path, { readonly: true });
      try {
        await reader.db.transaction().execute((trx) => dump(trx as unknown as Kysely<LooseDB>));
      } finally {
        await reader.close();
      }
    }
  } finally {
    out.end();
    await once(out, 'finish');
  }
}
