import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../handle/open.js';
import { describeDialects } from '../testing/dialect-suite.js';
import { seedCasebook, seedStudy, type CasebookIds } from '../testing/fixtures.js';
import { tamperWithDatabase } from '../testing/tamper.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { verifyRecordsAgainstAudit, type RecordVerification } from './records.js';

const open: TestDatabase[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.dispose();
});

async function seeded(dialect: 'sqlite' | 'postgres'): Promise<{ tdb: TestDatabase; ids: CasebookIds }> {
  const tdb = await createTestDatabase(dialect);
  open.push(tdb);
  const study = await seedStudy(tdb.handle);
  const ids = await seedCasebook(study);
  const staff = study.repo(study.actors.coordinatorA);
  const exam = await staff.get('cmr_exam', ids.exam);
  await staff.update('cmr_exam', ids.exam, { version: exam.version, lvMassG: 118, reason: 'remeasured' });
  await staff.remove('outcome_event', ids.event, { version: 1, reason: 'duplicate entry' });
  await study.repo(study.actors.admin).setStudyMeta('synthetic', true);
  await tdb.handle.close();
  return { tdb, ids };
}

async function check(tdb: TestDatabase): Promise<RecordVerification> {
  const h = openDatabase(tdb.url);
  try {
    return await verifyRecordsAgainstAudit(h);
  } finally {
    await h.close();
  }
}

describeDialects('records against their audit trail', (dialect) => {
  it('finds every record as its trail says, after creates, updates, deletes and derived status', async () => {
    const { tdb } = await seeded(dialect);
    const v = await check(tdb);
    expect(v.ok).toBe(true);
    expect(v.records).toBeGreaterThan(10);
  });

  it('names a field edited in the database behind the application', async () => {
    const { tdb, ids } = await seeded(dialect);
    await tamperWithDatabase(tdb, [`UPDATE cmr_exams SET lv_ef_percent = 35 WHERE id = '${ids.exam}'`]);
    const v = await check(tdb);
    expect(v.firstMismatch).toMatchObject({ entity: 'cmr_exam', entityId: ids.exam, field: 'lvEfPercent' });
    expect(v.firstMismatch?.detail).toContain('35');
  });

  it('names a record restored from soft deletion, and one removed outright', async () => {
    const a = await seeded(dialect);
    await tamperWithDatabase(a.tdb, [
      `UPDATE outcome_events SET deleted_at = NULL WHERE id = '${a.ids.event}'`,
    ]);
    expect((await check(a.tdb)).firstMismatch).toMatchObject({ entityId: a.ids.event, field: 'deletedAt' });
    const b = await seeded(dialect);
    await tamperWithDatabase(b.tdb, [`DELETE FROM outcome_events WHERE id = '${b.ids.event}'`]);
    expect((await check(b.tdb)).firstMismatch).toMatchObject({ entityId: b.ids.event, field: null });
  });
});
