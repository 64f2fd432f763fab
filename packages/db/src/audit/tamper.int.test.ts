import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../handle/open.js';
import type { AuditLogRow } from '../schema/tables.js';
import { describeDialects, describeEachDialect } from '../testing/dialect-suite.js';
import { seedCasebook, seedStudy } from '../testing/fixtures.js';
import { tamperWithDatabase } from '../testing/tamper.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { auditRowHash } from './canonical.js';
import { verifyAuditChain, type AuditVerification } from './verify.js';

const open: TestDatabase[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.dispose();
});

/** A seeded database, closed, so that raw SQL can tamper with it as someone with file access. */
async function seeded(dialect: 'sqlite' | 'postgres'): Promise<{ tdb: TestDatabase; rows: AuditLogRow[] }> {
  const tdb = await createTestDatabase(dialect);
  open.push(tdb);
  const study = await seedStudy(tdb.handle);
  await seedCasebook(study);
  const rows = await tdb.handle.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  return { tdb, rows };
}

const tamper = tamperWithDatabase;

/** Verifies through a fresh connection (as `cmr-mass audit verify` would). */
async function verifyFresh(tdb: TestDatabase): Promise<AuditVerification> {
  const h = openDatabase(tdb.url);
  try {
    return await verifyAuditChain(h);
  } finally {
    await h.close();
  }
}

const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;

describeDialects('audit chain verification', (dialect) => {
  it('finds an intact chain intact', async () => {
    const { tdb, rows } = await seeded(dialect);
    await tdb.handle.close();
    const v = await verifyFresh(tdb);
    expect(v).toMatchObject({ ok: true, rows: rows.length, head: { seq: rows.length } });
  });

  it('names a changed row', async () => {
    const { tdb, rows } = await seeded(dialect);
    await tdb.handle.close();
    await tamper(tdb, [`UPDATE audit_log SET actor_display = 'someone.else@example.org' WHERE seq = 8`]);
    const v = await verifyFresh(tdb);
    expect(v.ok).toBe(false);
    expect(v.firstBad).toMatchObject({
      seq: 8,
      reason: 'changed',
      entity: rows[7]!.entity,
      entityId: rows[7]!.entity_id,
    });
  });

  it('names a row changed and re-hashed by someone who knows the algorithm', async () => {
    const { tdb, rows } = await seeded(dialect);
    await tdb.handle.close();
    const forged = { ...rows[5]!, reason: 'covering up' };
    await tamper(tdb, [
      `UPDATE audit_log SET reason = ${q(forged.reason)}, hash = ${q(auditRowHash(forged))} WHERE seq = 6`,
    ]);
    const v = await verifyFresh(tdb);
    expect(v.firstBad).toMatchObject({ seq: 6, reason: 'changed', entityId: rows[5]!.entity_id });
  });

  it('names a removed row', async () => {
    const { tdb } = await seeded(dialect);
    await tdb.handle.close();
    await tamper(tdb, ['DELETE FROM audit_log WHERE seq = 5']);
    const v = await verifyFresh(tdb);
    expect(v.firstBad).toMatchObject({ seq: 5, reason: 'removed' });
    expect(v.firstBad?.detail).toContain('seq 5');
  });

  it('names the last row when it was removed (the chain head remembers it)', async () => {
    const { tdb, rows } = await seeded(dialect);
    await tdb.handle.close();
    await tamper(tdb, [`DELETE FROM audit_log WHERE seq = ${rows.length}`]);
    const v = await verifyFresh(tdb);
    expect(v.firstBad).toMatchObject({ seq: rows.length, reason: 'removed' });
  });

  it('names two rows swapped (reordered)', async () => {
    const { tdb, rows } = await seeded(dialect);
    await tdb.handle.close();
    await tamper(tdb, [
      'UPDATE audit_log SET seq = -3 WHERE seq = 3',
      'UPDATE audit_log SET seq = 3 WHERE seq = 7',
      'UPDATE audit_log SET seq = 7 WHERE seq = -3',
    ]);
    const v = await verifyFresh(tdb);
    expect(v.firstBad).toMatchObject({ seq: 3, reason: 'reordered', entityId: rows[6]!.entity_id });
    expect(v.firstBad?.detail).toContain('written as seq 7');
  });

  it('names a row moved to the end (reordered)', async () => {
    const { tdb, rows } = await seeded(dialect);
    await tdb.handle.close();
    await tamper(tdb, ['UPDATE audit_log SET seq = 1000 WHERE seq = 4']);
    const v = await verifyFresh(tdb);
    expect(v.firstBad).toMatchObject({ seq: 4, reason: 'reordered', entityId: rows[3]!.entity_id });
    expect(v.firstBad?.detail).toContain('stored at seq 1000');
  });

  it('names a row added at the end without the application (inserted)', async () => {
    const { tdb, rows } = await seeded(dialect);
    await tdb.handle.close();
    const last = rows[rows.length - 1]!;
    const forged = { ...last, seq: last.seq + 1, reason: 'forged', prev_hash: last.hash };
    const row = { ...forged, hash: auditRowHash(forged) };
    const cols = Object.keys(row);
    const vals = cols.map((c) => {
      const v = row[c as keyof typeof row];
      return v === null ? 'NULL' : typeof v === 'number' ? String(v) : q(v);
    });
    await tamper(tdb, [`INSERT INTO audit_log (${cols.join(', ')}) VALUES (${vals.join(', ')})`]);
    const v = await verifyFresh(tdb);
    expect(v.firstBad).toMatchObject({ seq: last.seq + 1, reason: 'inserted' });
  });
});

describeEachDialect('audit trail triggers', (db) => {
  it('refuse to change, delete or forge audit rows, and to move the head', async () => {
    const h = db().handle;
    const study = await seedStudy(h);
    await seedCasebook(study);
    const attempts = [
      sql`update audit_log set reason = 'x' where seq = 1`,
      sql`delete from audit_log where seq = 1`,
      sql`update audit_head set seq = 1 where id = 1`,
      sql`delete from audit_head`,
      sql`insert into audit_log (seq, at, actor_id, actor_role, actor_display, action, entity, prev_hash, hash)
          values (100000, '2025-01-01T00:00:00.000Z', 'x', 'admin', 'x', 'create', 'site', 'bad', 'bad')`,
    ];
    if (db().dialect === 'postgres') attempts.push(sql`truncate audit_log`);
    for (const a of attempts) await expect(a.execute(h.db)).rejects.toThrow();
    expect((await verifyAuditChain(h)).ok).toBe(true);
  });
});
