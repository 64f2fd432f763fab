import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DbHandle, type Dialect, type OpenOptions } from '../handle/open.js';
import { migrateToLatest } from '../migrations/index.js';

/** A database made for one test suite, and how to throw it away. */
export interface TestDatabase {
  readonly dialect: Dialect;
  /** The URL it can be opened with again (a file path, or a PostgreSQL URL). */
  readonly url: string;
  readonly handle: DbHandle;
  /** Closes the handle and deletes the database (temp file, or PostgreSQL database). */
  dispose(): Promise<void>;
}

/**
 * The dialects the integration suite runs on: SQLite always; PostgreSQL when `DATABASE_URL` names a
 * server (`.ci/run` sets it, so CI always runs both).
 */
export function testDialects(env: NodeJS.ProcessEnv = process.env): readonly Dialect[] {
  return postgresAdminUrl(env) ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** The PostgreSQL URL of `DATABASE_URL`, if it is one. */
export function postgresAdminUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const u = env.DATABASE_URL?.trim();
  return u && /^postgres(ql)?:\/\//i.test(u) ? u : undefined;
}

/** The URL of database `name` on the server of `url`. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Creates an empty database: SQLite in a new temp directory, or a new PostgreSQL database
 * `cmr_mass_test_<random>` on the `DATABASE_URL` server (dropped by `dispose`). Migrated unless
 * `migrate: false`.
 */
export async function createTestDatabase(
  dialect: Dialect,
  options: OpenOptions & { readonly migrate?: boolean } = {}
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-db-'));
    const url = join(dir, 'test.sqlite');
    const handle = openDatabase(url, options);
    if (options.migrate !== false) await migrateToLatest(handle);
    return {
      dialect,
      url,
      handle,
      dispose: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = postgresAdminUrl();
  if (!admin) throw new Error('createTestDatabase: DATABASE_URL is not a PostgreSQL URL');
  const name = `cmr_mass_test_${randomBytes(6).toString('hex')}`;
  const adminPool = new pg.Pool({ connectionString: admin, max: 1 });
  await adminPool.query(`CREATE DATABASE ${name}`);
  const url = withDatabaseName(admin, name);
  const handle = openDatabase(url, options);
  if (options.migrate !== false) await migrateToLatest(handle);
  return {
    dialect,
    url,
    handle,
    dispose: async () => {
      await handle.close();
      // Let the closed connections go before dropping, so that none is killed while still closing.
      for (let i = 0; i < 50; i++) {
        const r = await adminPool.query<{ n: string }>(
          'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1',
          [name]
        );
        if (r.rows[0]?.n === '0') break;
        await new Promise((res) => setTimeout(res, 100));
      }
      await adminPool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminPool.end();
    },
  };
}
