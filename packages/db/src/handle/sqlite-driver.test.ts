import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from './open.js';

const dirs: string[] = [];
const handles: DbHandle[] = [];
afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fresh(options: Parameters<typeof openDatabase>[1] = {}): { h: DbHandle; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-driver-'));
  dirs.push(dir);
  const path = join(dir, 'd.sqlite');
  const h = openDatabase(path, options);
  handles.push(h);
  return { h, path };
}

/** Rows of `t` as another connection (another process would) sees them: only what is committed. */
function committedRows(path: string): number[] {
  const other = new Database(path, { readonly: true });
  try {
    return (other.prepare('select v from t order by v').all() as { v: number }[]).map((r) => r.v);
  } finally {
    other.close();
  }
}

async function createTable(h: DbHandle): Promise<void> {
  await sql`create table t (v integer primary key)`.execute(h.db);
}

const insert = (h: DbHandle, v: number): Promise<void> =>
  h.db.transaction().execute(async (trx) => {
    await sql`insert into t (v) values (${v})`.execute(trx);
  });

describe('SQLite driver with group commit', () => {
  it('opens with WAL, foreign keys, a busy timeout and synchronous=FULL', () => {
    const { h } = fresh();
    if (h.raw.dialect !== 'sqlite') throw new Error('sqlite expected');
    const db = h.raw.database;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('shares one COMMIT between concurrent transactions, and acknowledges each only once committed', async () => {
    const { h, path } = fresh();
    await createTable(h);
    const raw = h.raw.dialect === 'sqlite' ? h.raw : null;
    const before = raw!.stats();
    const seenAtAck: number[][] = [];
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await insert(h, i);
        seenAtAck.push(committedRows(path));
      })
    );
    const after = raw!.stats();
    expect(after.transactions - before.transactions).toBe(20);
    expect(after.commits - before.commits).toBeLessThan(20);
    // Whenever a writer was told "done", its row was already visible to another connection.
    for (const seen of seenAtAck) expect(seen).toHaveLength(20);
  });

  it('rolls back a failing transaction alone, keeping the others of its batch', async () => {
    const { h, path } = fresh();
    await createTable(h);
    const results = await Promise.allSettled([
      insert(h, 1),
      h.db.transaction().execute(async (trx) => {
        await sql`insert into t (v) values (2)`.execute(trx);
        throw new Error('changed my mind');
      }),
      insert(h, 3),
      insert(h, 1), // duplicate key: fails inside the batch
      insert(h, 4),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(committedRows(path)).toEqual([1, 3, 4]);
  });

  it('commits each transaction on its own without group commit', async () => {
    const { h, path } = fresh({ groupCommit: false });
    await createTable(h);
    const raw = h.raw.dialect === 'sqlite' ? h.raw : null;
    const before = raw!.stats().commits;
    await Promise.all([insert(h, 1), insert(h, 2), insert(h, 3)]);
    expect(raw!.stats().commits - before).toBe(3);
    expect(committedRows(path)).toEqual([1, 2, 3]);
  });

  it('leaves nothing behind when a write outside a transaction is followed by close', async () => {
    const { h, path } = fresh();
    await createTable(h);
    await sql`insert into t (v) values (7)`.execute(h.db);
    expect(committedRows(path)).toEqual([7]);
  });

  it('opens :memory: and read-only databases', async () => {
    const m = openDatabase(':memory:');
    handles.push(m);
    await createTable(m);
    await insert(m, 1);
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(m.db)).rows[0]!.n).toBe(1);
    const { h, path } = fresh();
    await createTable(h);
    await insert(h, 5);
    const ro = openDatabase(path, { readonly: true });
    handles.push(ro);
    await expect(sql`insert into t (v) values (6)`.execute(ro.db)).rejects.toThrow(/readonly/);
  });
});
