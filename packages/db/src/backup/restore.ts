import { createReadStream, mkdtempSync, openSync, readSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Actor } from '@cmr-mass/core';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/append.js';
import { verifyAuditChain, type AuditVerification } from '../audit/verify.js';
import { openDatabase, type DbHandle } from '../handle/open.js';
import { migrateToLatest, migrationStatus } from '../migrations/index.js';
import { TABLES_IN_ORDER, type LooseDB, type LooseRow, type TableName } from '../schema/tables.js';
import type { DumpFooter, DumpHeader } from './backup.js';
import { tableRows, type DumpRowLine } from './logical-dump.js';

/** What a restore did. */
export interface RestoreResult {
  readonly source: 'sqlite' | 'jsonl';
  /** Rows restored, by table. */
  readonly rows: Readonly<Record<string, number>>;
  /** The restored database's audit chain, verified. */
  readonly audit: AuditVerification;
}

/** True when the file starts with the SQLite header. */
export function isSqliteFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}

const TABLES: ReadonlySet<string> = new Set(TABLES_IN_ORDER);

async function* dumpFileRows(
  path: string,
  onHeader: (h: DumpHeader) => void,
  onFooter: (f: DumpFooter) => void
): AsyncGenerator<DumpRowLine> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  let ended = false;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === '') continue;
    if (ended) throw new Error(`${path}:${n}: data after the end of the dump`);
    const v = JSON.parse(line) as Record<string, unknown>;
    if (n === 1) {
      if (v.format !== 'cmr-mass-dump' || v.version !== 1) {
        throw new Error(`${path}: not a cmr-mass dump (version 1)`);
      }
      onHeader(v as unknown as DumpHeader);
    } else if (v.end === true) {
      ended = true;
      onFooter(v as unknown as DumpFooter);
    } else {
      if (typeof v.t !== 'string' || !TABLES.has(v.t) || typeof v.r !== 'object' || v.r === null) {
        throw new Error(`${path}:${n}: not a row of a known table`);
      }
      yield { table: v.t as TableName, row: v.r as LooseRow };
    }
  }
  if (!ended) throw new Error(`${path}: the dump is cut short (no end line): nothing was restored`);
}

async function* databaseRows(source: DbHandle): AsyncGenerator<DumpRowLine> {
  for (const table of TABLES_IN_ORDER) {
    for await (const row of tableRows(source.db as unknown as Kysely<LooseDB>, table)) yield { table, row };
  }
}

async function assertEmpty(target: DbHandle): Promise<void> {
  const db = target.db as unknown as Kysely<LooseDB>;
  for (const table of TABLES_IN_ORDER) {
    if (table === 'audit_head') continue;
    const r = await db.selectFrom(table).selectAll().limit(1).executeTakeFirst();
    if (r) {
      throw new Error(
        `the target database is not empty (table ${table} has rows): restore into a new database`
      );
    }
  }
}

/**
 * Loads rows into an empty, migrated database in one transaction, parents first. The audit head is
 * not copied: the chain triggers rebuild it row by row, checking every link as it goes in. Any error
 * rolls the whole restore back.
 */
async function loadRows(target: DbHandle, rows: AsyncIterable<DumpRowLine>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await target.db.transaction().execute(async (trx) => {
    const db = trx as unknown as Kysely<LooseDB>;
    let table: TableName | null = null;
    let batch: LooseRow[] = [];
    const flush = async (): Promise<void> => {
      if (!table || batch.length === 0) return;
      const t: TableName = table;
      // Audit rows one by one: each must continue the chain the trigger checks.
      const size = t === 'audit_log' ? 1 : 100;
      for (let i = 0; i < batch.length; i += size) {
        await db
          .insertInto(t)
          .values(batch.slice(i, i + size))
          .execute();
      }
      batch = [];
    };
    for await (const { table: t, row } of rows) {
      if (t !== table) {
        await flush();
        table = t;
      }
      counts[t] = (counts[t] ?? 0) + 1;
      if (t !== 'audit_head') batch.push(row);
    }
    await flush();
  });
  return counts;
}

/** Records the restore itself in the restored audit trail. */
async function recordRestore(target: DbHandle, actor: Actor, from: string, at: Date): Promise<void> {
  await target.db.transaction().execute(async (trx) => {
    await appendAudit(trx, target.dialect, actor, at.toISOString(), [
      { action: 'restore', entity: 'database', entityId: null, after: { from } },
    ]);
  });
}

/** Options of {@link restoreDatabase}. */
export interface RestoreOptions {
  /** Who restores, for the audit row that records the restore (none is written when omitted). */
  readonly actor?: Actor;
  readonly now?: () => Date;
}

/**
 * Restores a backup (a SQLite database file or a JSON-lines dump, from either dialect) into `target`,
 * which is migrated first and must be empty. Checks that the source's audit chain is intact before and
 * the target's after, that a dump is complete and its row counts and audit head match. Nothing is
 * written unless all of it can be.
 */
export async function restoreDatabase(
  fromPath: string,
  target: DbHandle,
  options: RestoreOptions = {}
): Promise<RestoreResult> {
  await migrateToLatest(target);
  await assertEmpty(target);
  const known = new Set((await migrationStatus(target)).applied);
  const checkMigrations = (applied: readonly string[]): void => {
    const unknown = applied.filter((m) => !known.has(m));
    if (unknown.length > 0) {
      throw new Error(`the backup has migrations this version does not know: ${unknown.join(', ')}`);
    }
  };
  let source: 'sqlite' | 'jsonl';
  let expectedHead: { seq: number; hash: string };
  let expectedRows: Readonly<Record<string, number>> | null = null;
  let counts: Record<string, number>;
  if (isSqliteFile(fromPath)) {
    source = 'sqlite';
    const src = openDatabase(fromPath, { readonly: true });
    try {
      checkMigrations((await migrationStatus(src)).applied);
      const v = await verifyAuditChain(src);
      if (!v.ok) {
        throw new Error(
          `the backup's audit trail is broken at seq ${v.firstBad?.seq}: ${v.firstBad?.detail}`
        );
      }
      expectedHead = v.head;
      counts = await loadRows(target, databaseRows(src));
    } finally {
      await src.close();
    }
  } else {
    source = 'jsonl';
    let footer: DumpFooter | null = null;
    counts = await loadRows(
      target,
      dumpFileRows(
        fromPath,
        (h) => {
          checkMigrations(h.migrations);
        },
        (f) => (footer = f)
      )
    );
    const f = footer as DumpFooter | null;
    if (!f) throw new Error('the dump has no end line');
    expectedHead = f.auditHead;
    expectedRows = f.rows;
  }
  if (expectedRows) {
    for (const t of TABLES_IN_ORDER) {
      if ((expectedRows[t] ?? 0) !== (counts[t] ?? 0)) {
        throw new Error(
          `table ${t}: the dump says ${expectedRows[t] ?? 0} rows, ${counts[t] ?? 0} were read`
        );
      }
    }
  }
  const audit = await verifyAuditChain(target);
  if (!audit.ok) {
    throw new Error(
      `the restored audit trail is broken at seq ${audit.firstBad?.seq}: ${audit.firstBad?.detail}`
    );
  }
  if (audit.head.seq !== expectedHead.seq || audit.head.hash !== expectedHead.hash) {
    throw new Error(
      `the restored audit head (seq ${audit.head.seq}) differs from the backup's (seq ${expectedHead.seq})`
    );
  }
  if (options.actor) {
    await recordRestore(target, options.actor, fromPath, (options.now ?? (() => new Date()))());
  }
  return { source, rows: counts, audit: options.actor ? await verifyAuditChain(target) : audit };
}

/** Checks a JSON-lines dump by restoring it into a temporary SQLite database and verifying that. */
export async function verifyDumpFile(path: string): Promise<AuditVerification> {
  const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-verify-'));
  const h = openDatabase(join(dir, 'check.sqlite'), { synchronous: 'off', groupCommit: false });
  try {
    return (await restoreDatabase(path, h)).audit;
  } finally {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
