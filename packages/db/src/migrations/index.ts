import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { DbHandle, Dialect } from '../handle/open.js';
import { createAdminTables, dropAdminTables } from './m0001-admin.js';
import { createAuditTables, dropAuditTables } from './m0001-audit.js';
import { createClinicalTables, dropClinicalTables } from './m0001-clinical.js';
import { createImagingTables, dropImagingTables } from './m0002-imaging.js';

/**
 * Every migration, in order, by name. A static list (no directory scanning), so it works the same
 * from source under tsx, in Vitest and in a bundle. Names sort in the order they run.
 */
export function migrations(dialect: Dialect): Readonly<Record<string, Migration>> {
  return {
    '0001_initial': {
      up: async (db: Kysely<unknown>): Promise<void> => {
        await createAdminTables(db);
        await createClinicalTables(db);
        await createAuditTables(db, dialect);
      },
      down: async (db: Kysely<unknown>): Promise<void> => {
        await dropAuditTables(db, dialect);
        await dropClinicalTables(db);
        await dropAdminTables(db);
      },
    },
    '0002_imaging': {
      up: (db: Kysely<unknown>): Promise<void> => createImagingTables(db, dialect),
      down: dropImagingTables,
    },
  };
}

function migrator(handle: DbHandle): Migrator {
  const list = migrations(handle.dialect);
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: () => Promise.resolve(list) },
  });
}

/** What a migration run did. */
export interface MigrationReport {
  /** Migrations applied by this run, in order. */
  readonly applied: readonly string[];
  /** Every migration the database has now. */
  readonly current: readonly string[];
}

function check(result: MigrationResultSet): readonly string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const cause = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new Error(
      failed ? `migration ${failed} failed (rolled back): ${cause}` : `could not migrate: ${cause}`
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Creates or upgrades the schema to the newest migration. Safe to run again: it does nothing then. */
export async function migrateToLatest(handle: DbHandle): Promise<MigrationReport> {
  const m = migrator(handle);
  const applied = check(await m.migrateToLatest());
  const current = (await m.getMigrations()).filter((x) => x.executedAt !== undefined).map((x) => x.name);
  return { applied, current };
}

/** Undoes the newest migration (for development; the audit trail goes with it). */
export async function migrateDown(handle: DbHandle): Promise<readonly string[]> {
  return check(await migrator(handle).migrateDown());
}

/** The migrations the database has, and those it lacks. */
export async function migrationStatus(
  handle: DbHandle
): Promise<{ readonly applied: readonly string[]; readonly pending: readonly string[] }> {
  const all = await migrator(handle).getMigrations();
  return {
    applied: all.filter((x) => x.executedAt !== undefined).map((x) => x.name),
    pending: all.filter((x) => x.executedAt === undefined).map((x) => x.name),
  };
}
