import { TABLES_IN_ORDER, type DbHandle, type LooseDB } from '@cmr-mass/db';
import type { Kysely } from 'kysely';

/** The key each table is ordered by (its primary key). */
const ORDER: Readonly<Partial<Record<string, string>>> = { audit_log: 'seq', study_meta: 'key' };

/**
 * Every row of every table, in primary-key order, as one string: two dumps are equal exactly when the
 * database's content is byte-for-byte the same (the check of "nothing changed" after bad input).
 * A logical dump rather than the file's bytes, so that it works the same on PostgreSQL and is not
 * fooled by SQLite's WAL and page layout.
 */
export async function dumpDatabase(handle: DbHandle): Promise<string> {
  const db = handle.db as unknown as Kysely<LooseDB>;
  const parts: string[] = [];
  for (const table of TABLES_IN_ORDER) {
    const rows = await db
      .selectFrom(table)
      .selectAll()
      .orderBy(ORDER[table] ?? 'id')
      .execute();
    parts.push(`${table}\n${rows.map((r) => JSON.stringify(r)).join('\n')}`);
  }
  return parts.join('\n\n');
}
