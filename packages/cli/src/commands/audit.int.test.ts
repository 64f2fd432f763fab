import {
  createTestDatabase,
  describeDialects,
  seedCasebook,
  seedStudy,
  tamperWithDatabase,
  type TestDatabase,
} from '@cmr-mass/db/testing';
import { afterEach, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../test-io.js';

const open: TestDatabase[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.dispose();
});

/** A seeded database whose application handle is closed, and its audit rows (seq, entity, id). */
async function seeded(
  dialect: 'sqlite' | 'postgres'
): Promise<{ tdb: TestDatabase; rows: { seq: number; entity: string; entity_id: string | null }[] }> {
  const tdb = await createTestDatabase(dialect);
  open.push(tdb);
  await seedCasebook(await seedStudy(tdb.handle));
  const rows = await tdb.handle.db
    .selectFrom('audit_log')
    .select(['seq', 'entity', 'entity_id'])
    .orderBy('seq')
    .execute();
  await tdb.handle.close();
  return { tdb, rows };
}

async function verify(url: string, ...extra: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(['audit', 'verify', '--db', url, ...extra], io);
  return { code, out: io.out(), err: io.err() };
}

describeDialects('cmr-mass audit verify', (dialect) => {
  it('exits 0 with a one-line summary when the trail is intact', async () => {
    const { tdb, rows } = await seeded(dialect);
    const r = await verify(tdb.url);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toContain(`audit trail intact: ${rows.length} rows`);
  });

  it('exits 1 naming the row that was changed: seq, entity, id, what', async () => {
    const { tdb, rows } = await seeded(dialect);
    await tamperWithDatabase(tdb, ["UPDATE audit_log SET reason = 'nothing happened' WHERE seq = 7"]);
    const r = await verify(tdb.url);
    expect(r.code).toBe(1);
    const row = rows[6]!;
    expect(r.out).toContain(`seq 7 (${row.entity} ${row.entity_id})`);
    expect(r.out).toContain('changed');
  });

  it('exits 1 naming a deleted row and a reordered row', async () => {
    const deleted = await seeded(dialect);
    await tamperWithDatabase(deleted.tdb, ['DELETE FROM audit_log WHERE seq = 4']);
    const d = await verify(deleted.tdb.url);
    expect(d.code).toBe(1);
    expect(d.out).toMatch(/BROKEN at seq 4: removed/);

    const moved = await seeded(dialect);
    await tamperWithDatabase(moved.tdb, [
      'UPDATE audit_log SET seq = -2 WHERE seq = 2',
      'UPDATE audit_log SET seq = 2 WHERE seq = 5',
      'UPDATE audit_log SET seq = 5 WHERE seq = -2',
    ]);
    const m = await verify(moved.tdb.url, '--json');
    expect(m.code).toBe(1);
    const j = JSON.parse(m.out) as {
      ok: boolean;
      firstBad: { seq: number; reason: string; entityId: string };
    };
    expect(j.ok).toBe(false);
    expect(j.firstBad).toMatchObject({ seq: 2, reason: 'reordered', entityId: moved.rows[4]!.entity_id });
  });

  it('with --records, exits 1 naming a record edited behind the application', async () => {
    const tdb = await createTestDatabase(dialect);
    open.push(tdb);
    const ids = await seedCasebook(await seedStudy(tdb.handle));
    await tdb.handle.close();
    expect((await verify(tdb.url, '--records')).out).toMatch(/records match their trail/);
    await tamperWithDatabase(tdb, [
      `UPDATE treatments SET start_date = '2025-05-01' WHERE id = '${ids.treatment}'`,
    ]);
    expect((await verify(tdb.url)).code).toBe(0);
    const r = await verify(tdb.url, '--records');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`treatment ${ids.treatment}`);
    expect(r.out).toContain('startDate');
  });

  it('catches rows cut off the end with the head moved back, given the head printed earlier', async () => {
    const { tdb, rows } = await seeded(dialect);
    const first = await verify(tdb.url);
    const anchor = /head (\d+:[0-9a-f]{64})/.exec(first.out)![1]!;
    const last = rows.length;
    const headFix =
      dialect === 'sqlite'
        ? ['DROP TRIGGER IF EXISTS audit_head_follows']
        : ['ALTER TABLE audit_head DISABLE TRIGGER USER'];
    await tamperWithDatabase(tdb, [
      ...headFix,
      `DELETE FROM audit_log WHERE seq = ${last}`,
      `UPDATE audit_head SET seq = ${last - 1}, hash = (SELECT hash FROM audit_log WHERE seq = ${last - 1}) WHERE id = 1`,
    ]);
    expect((await verify(tdb.url)).code).toBe(0);
    const anchored = await verify(tdb.url, '--expect-head', anchor);
    expect(anchored.code).toBe(1);
    expect(anchored.out).toContain(`seq ${last}`);
    expect(anchored.out).toContain('removed');
  });
});

it('audit: exits 2 for a missing sub-command, a bad option or a database that is not there', async () => {
  const none = captureIo();
  expect(await main(['audit'], none)).toBe(2);
  expect(none.err()).toContain('audit verify');
  const bad = captureIo();
  expect(await main(['audit', 'verify', '--nope'], bad)).toBe(2);
  expect(bad.err()).toContain("'--nope'");
  const missing = captureIo();
  expect(await main(['audit', 'verify', '--db', '/nonexistent/x.sqlite'], missing)).toBe(2);
  expect(missing.err()).toContain('--db');
  const anchor = captureIo();
  expect(await main(['audit', 'verify', '--expect-head', 'abc'], anchor)).toBe(2);
  expect(anchor.err()).toContain('--expect-head');
});
