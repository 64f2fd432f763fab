import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, TABLES_IN_ORDER } from '@cmr-mass/db';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../test-io.js';

const dir = mkdtempSync(join(tmpdir(), 'cmr-demo-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const run = async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
  const io = captureIo({ cwd: dir });
  const code = await main(['demo', ...args], io);
  return { code, out: io.out(), err: io.err() };
};

/** Every row of every study table, in a stable order, as JSON. */
async function tables(path: string): Promise<Record<string, string[]>> {
  const handle = openDatabase(path, { readonly: true });
  try {
    const out: Record<string, string[]> = {};
    for (const t of TABLES_IN_ORDER) {
      const rows = await handle.db.selectFrom(t).selectAll().execute();
      out[t] = rows.map((r) => JSON.stringify(r)).sort();
    }
    return out;
  } finally {
    await handle.close();
  }
}

describe('cmr-mass demo', () => {
  it('prints its help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--participants N');
    expect(r.out).toContain('--force');
  });

  it.each([
    [['--participants', '0'], '--participants'],
    [['--participants', 'many'], '--participants'],
    [['--participants', '100001'], '--participants'],
    [['--seed', '-3'], '--seed'],
    [['--seed', '1.5'], '--seed'],
    [['--today', '2026-13-01'], '--today'],
    [['--today', '1999-01-01'], '--today'],
    [['--db'], '--db'],
    [['--db', 'ftp://nowhere'], '--db'],
    [['--bogus', '1'], '--bogus'],
    [['--force=yes'], '--force'],
    [['--force', '--db', 'postgres://u:secret@localhost/x'], '--force'],
  ])('refuses %j with exit 2, naming the option', async (args, option) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(option);
    expect(r.err).not.toContain('secret');
  });

  it('loads a cohort, refuses a database that holds participants, and starts afresh with --force', async () => {
    const db = join(dir, 'demo.sqlite');
    const args = ['--participants', '25', '--seed', '3', '--today', '2026-06-01', '--db', db];
    const first = await run(args);
    expect(first.code).toBe(0);
    expect(first.err).toContain('25/25 participants written');
    expect(first.out).toContain('25 participants');
    expect(first.out).toContain('coordinator.bj01@demo.cmr-mass.example');
    expect(first.out).toMatch(/Elapsed: \d+\.\d s/);
    const again = await run(args);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--db');
    expect(again.err).toContain('already holds 25 participants');
    const forced = await run([...args, '--force']);
    expect(forced.code).toBe(0);
  }, 120_000);

  it('gives identical study data for two runs with one seed', async () => {
    const a = join(dir, 'a.sqlite');
    const b = join(dir, 'b.sqlite');
    for (const db of [a, b]) {
      expect(
        (await run(['--participants', '20', '--seed', '11', '--today', '2026-06-01', '--db', db])).code
      ).toBe(0);
    }
    expect(await tables(b)).toEqual(await tables(a));
  }, 120_000);
});
