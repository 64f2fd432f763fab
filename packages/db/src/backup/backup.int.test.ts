import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.js';
import { describeEachDialect } from '../testing/dialect-suite.js';
import { seedCasebook, seedStudy } from '../testing/fixtures.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../testing/test-database.js';
import { backupDatabase } from './backup.js';
import { dumpDatabaseText } from './logical-dump.js';
import { restoreDatabase } from './restore.js';

describeEachDialect('backup and restore', (db, dialect) => {
  let dir: string;
  const extra: TestDatabase[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cmr-mass-backup-'));
    const study = await seedStudy(db().handle);
    await seedCasebook(study);
    await seedCasebook(study, 'B');
  });
  afterAll(async () => {
    for (const t of extra) await t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const target = async (d: 'sqlite' | 'postgres' = dialect): Promise<TestDatabase> => {
    const t = await createTestDatabase(d, { migrate: false });
    extra.push(t);
    return t;
  };

  it('writes a verified copy and restores it into an empty database, row for row', async () => {
    const out = join(dir, `copy-${dialect}`);
    const b = await backupDatabase(db().handle, out);
    expect(b.format).toBe(dialect === 'sqlite' ? 'sqlite' : 'jsonl');
    expect(b.audit.ok).toBe(true);
    const t = await target();
    const r = await restoreDatabase(out, t.handle);
    expect(r.audit.ok).toBe(true);
    expect(await dumpDatabaseText(t.handle)).toBe(await dumpDatabaseText(db().handle));
  });

  it('restores a JSON-lines dump into every dialect, and records the restore when told who did it', async () => {
    const out = join(dir, `dump-${dialect}.jsonl`);
    await backupDatabase(db().handle, out, { format: 'jsonl' });
    for (const d of testDialects()) {
      const t = await target(d);
      const before = await verifyAuditChain(db().handle);
      const r = await restoreDatabase(out, t.handle, {
        actor: { userId: 'cli', role: 'admin', siteId: null, display: 'cmr-mass restore' },
      });
      expect(r.source).toBe('jsonl');
      expect(r.audit).toMatchObject({ ok: true, rows: before.rows + 1 });
      const last = await t.handle.db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(last.action).toBe('restore');
    }
  });

  it('refuses a dump cut short, and leaves the target empty', async () => {
    const out = join(dir, `cut-${dialect}.jsonl`);
    await backupDatabase(db().handle, out, { format: 'jsonl' });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    const cut = join(dir, `cut2-${dialect}.jsonl`);
    writeFileSync(cut, `${lines.slice(0, -5).join('\n')}\n`);
    const t = await target();
    await expect(restoreDatabase(cut, t.handle)).rejects.toThrow(/cut short/);
    const n = await t.handle.db.selectFrom('participants').select('id').execute();
    expect(n).toHaveLength(0);
  });

  it('refuses to restore into a database that has data', async () => {
    const out = join(dir, `again-${dialect}.jsonl`);
    await backupDatabase(db().handle, out, { format: 'jsonl' });
    await expect(restoreDatabase(out, db().handle)).rejects.toThrow(/not empty/);
  });

  it('refuses to overwrite a file', async () => {
    const out = join(dir, `exists-${dialect}`);
    writeFileSync(out, 'x');
    await expect(backupDatabase(db().handle, out)).rejects.toThrow(/exists/);
  });

  it('refuses a SQLite backup whose audit trail was tampered with', async () => {
    if (dialect !== 'sqlite') return;
    const out = join(dir, 'tampered.sqlite');
    await backupDatabase(db().handle, out);
    const raw = new Database(out);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.exec("UPDATE audit_log SET reason = 'rewritten' WHERE seq = 3");
    raw.close();
    const t = await target();
    await expect(restoreDatabase(out, t.handle)).rejects.toThrow(/broken at seq 3/);
  });
});
