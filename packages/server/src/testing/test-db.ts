import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { migrateToLatest, openDatabase, type DbHandle, type Dialect } from '@cmr-mass/db';
import pg from 'pg';

/**
 * Test databases for the server's suites: SQLite in a temp file always, PostgreSQL (a fresh database
 * on the `DATABASE_URL` server) when `DATABASE_URL` names one, like the db package's suite.
 */

/** A database made for one suite, and how to throw it away. */
export interface TestDatabase {
  readonly dialect: Dialect;
  readonly url: string;
  readonly handle: DbHandle;
  dispose(): Promise<void>;
}

/** The PostgreSQL URL of `DATABASE_URL`, if it is one. */
export function postgresUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const u = env.DATABASE_URL?.trim();
  return u && /^postgres(ql)?:\/\//i.test(u) ? u : undefined;
}

/** SQLite always; PostgreSQL too when `DATABASE_URL` is set. */
export function testDialects(env: NodeJS.ProcessEnv = process.env): readonly Dialect[] {
  return postgresUrl(env) ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Creates and migrates an empty database of a dialect. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-server-'));
    const url = join(dir, 'test.sqlite');
    const handle = openDatabase(url, { synchronous: 'normal' });
    await migrateToLatest(handle);
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
  const admin = postgresUrl();
  if (!admin) throw new Error('createTestDatabase: DATABASE_URL is not a PostgreSQL URL');
  const name = `cmr_mass_server_${randomBytes(6).toString('hex')}`;
  const adminPool = new pg.Pool({ connectionString: admin, max: 1 });
  await adminPool.query(`CREATE DATABASE ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  const handle = openDatabase(url);
  await migrateToLatest(handle);
  return {
    dialect,
    url,
    handle,
    dispose: async () => {
      await handle.close();
      await adminPool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminPool.end();
    },
  };
}
