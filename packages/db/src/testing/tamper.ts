import Database from 'better-sqlite3';
import pg from 'pg';
import type { TestDatabase } from './test-database.js';

/**
 * Runs SQL on a test database outside the application, as someone with access to the file or a
 * superuser would: on SQLite the audit triggers are dropped first, on PostgreSQL disabled around the
 * statements. Close the application's handle first (SQLite).
 */
export async function tamperWithDatabase(tdb: TestDatabase, statements: readonly string[]): Promise<void> {
  if (tdb.dialect === 'sqlite') {
    const raw = new Database(tdb.url);
    try {
      for (const t of [
        'audit_log_no_update',
        'audit_log_no_delete',
        'audit_log_chain',
        'audit_log_advance_head',
      ]) {
        raw.exec(`DROP TRIGGER IF EXISTS ${t}`);
      }
      for (const s of statements) raw.exec(s);
    } finally {
      raw.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: tdb.url });
  await client.connect();
  try {
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    for (const s of statements) await client.query(s);
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  } finally {
    await client.end();
  }
}
