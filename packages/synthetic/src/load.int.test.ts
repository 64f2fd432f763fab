import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormName } from '@cmr-mass/core';
import {
  FORM_TABLE,
  getStudyMeta,
  isSynthetic,
  migrateToLatest,
  openDatabase,
  Repository,
  systemContext,
  TABLES_IN_ORDER,
  verifyAuditChain,
  type DbHandle,
} from '@cmr-mass/db';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCohort } from './cohort.js';
import { participantCount, participantsBySiteAndStatus } from './db-summary.js';
import { createUsers } from './load-users.js';
import { loadCohort, SYNTHETIC_LABEL_KEY } from './load.js';
import { expectedStatus } from './summary.js';

// SQLite only: the PostgreSQL run of the *.int.test.ts convention needs db's test-database helpers,
// which the package does not export (see the README, "Open items").
const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-synthetic-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function freshDatabase(name: string): Promise<DbHandle> {
  const handle = openDatabase(join(dir, name), { synchronous: 'normal' });
  await migrateToLatest(handle);
  return handle;
}

/** Every row of every table but the migration bookkeeping, in primary-key order. */
async function dump(handle: DbHandle): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES_IN_ORDER) {
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(t)} order by 1`.execute(handle.db);
    out[t] = r.rows;
  }
  return out;
}

const today = '2026-06-01';

describe('loadCohort on SQLite', () => {
  it('writes 200 participants through the repositories: counts, statuses, synthetic flag, audit chain', async () => {
    const cohort = generateCohort({ participants: 200, seed: 5, today });
    const handle = await freshDatabase('two-hundred.sqlite');
    try {
      const report = await loadCohort(handle, cohort);
      expect(report.participants).toBe(200);
      expect(await participantCount(handle)).toBe(200);
      for (const form of Object.keys(FORM_TABLE) as FormName[]) {
        const expected = cohort.participants.reduce(
          (n, p) => n + p.records.filter((r) => r.form === form).length,
          0
        );
        const r = await sql<{
          n: number | string;
        }>`select count(*) as n from ${sql.table(FORM_TABLE[form])}`.execute(handle.db);
        expect([form, Number(r.rows[0]!.n)]).toEqual([form, expected]);
      }
      // The registry derives each participant's status; it must be the one the generator intended.
      const stored = await handle.db
        .selectFrom('participants')
        .select(['status', 'created_at'])
        .orderBy('created_at')
        .execute();
      expect(stored.map((s) => s.status)).toEqual(cohort.participants.map(expectedStatus));
      const bySite = await participantsBySiteAndStatus(handle);
      expect(Object.values(bySite).reduce((n, s) => n + Object.values(s).reduce((a, b) => a + b, 0), 0)).toBe(
        200
      );
      expect(await isSynthetic(handle.db)).toBe(true);
      expect(await getStudyMeta(handle.db, SYNTHETIC_LABEL_KEY)).toBe(cohort.meta.label);
      const users = await handle.db.selectFrom('users').select(['email', 'password_hash']).execute();
      expect(users).toHaveLength(cohort.users.length);
      expect(users.every((u) => u.password_hash === null)).toBe(true);
      expect((await verifyAuditChain(handle)).ok).toBe(true);
    } finally {
      await handle.close();
    }
  }, 180_000);

  it('reuses the sites and demo users a demo database already has', async () => {
    const cohort = generateCohort({ participants: 10, seed: 12, today });
    const handle = await freshDatabase('prepared.sqlite');
    try {
      const admin = { userId: 'someone-else', role: 'admin', siteId: null, display: 'admin' } as const;
      const repo = new Repository(handle, systemContext(admin));
      await repo.createSite({
        code: 'BJ01',
        name: 'DEMO Beijing (made by start)',
        country: 'CN',
        timeZone: 'Asia/Shanghai',
      });
      await createUsers(
        handle,
        repo.context,
        cohort.users.filter((u) => u.role === 'admin'),
        () => 'admin-id',
        () => ''
      );
      await loadCohort(handle, cohort);
      expect(await handle.db.selectFrom('sites').select('code').execute()).toHaveLength(cohort.sites.length);
      expect(await handle.db.selectFrom('users').select('id').execute()).toHaveLength(cohort.users.length);
      const bj01 = cohort.participants.filter((p) => p.siteCode === 'BJ01').length;
      const rows = await handle.db
        .selectFrom('participants as p')
        .innerJoin('sites as s', 's.id', 'p.site_id')
        .select('p.id')
        .where('s.name', '=', 'DEMO Beijing (made by start)')
        .execute();
      expect(rows).toHaveLength(bj01);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('gives identical tables for the same cohort, audit trail included', async () => {
    const tables: Record<string, unknown[]>[] = [];
    for (const name of ['a.sqlite', 'b.sqlite']) {
      const handle = await freshDatabase(name);
      try {
        await loadCohort(handle, generateCohort({ participants: 40, seed: 9, today }));
        tables.push(await dump(handle));
      } finally {
        await handle.close();
      }
    }
    expect(tables[1]).toEqual(tables[0]);
  }, 180_000);
});
