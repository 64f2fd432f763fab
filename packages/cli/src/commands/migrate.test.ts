import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../io.js';
import { main } from '../main.js';
import { captureIo } from '../test-io.js';
import { parseOptions } from './migrate.js';

const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-migrate-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('parseOptions', () => {
  const spec = { values: ['--db', '--out'], flags: ['--json'] };
  it('reads --name value, --name=value and flags', () => {
    const o = parseOptions('x', ['--db', 'a.sqlite', '--out=b', '--json'], spec);
    expect(o.values).toEqual({ '--db': 'a.sqlite', '--out': 'b' });
    expect([...o.flags]).toEqual(['--json']);
  });
  it.each([
    [['--nope'], '--nope'],
    [['--db'], '--db'],
    [['--db', '--out', 'x'], '--db'],
    [['--db', 'a', '--db', 'b'], '--db'],
    [['--json=1'], '--json'],
  ])('refuses %j naming %s', (args, field) => {
    try {
      parseOptions('x', args, spec);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).field).toBe(field);
    }
  });
  it('refuses a stray argument', () => {
    expect(() => parseOptions('x', ['stray'], spec)).toThrow(/unexpected argument 'stray'/);
  });
});

describe('cmr-mass migrate', () => {
  it('creates the schema, then finds it up to date, and lists the migrations', async () => {
    const db = join(dir, 'm.sqlite');
    const first = captureIo();
    expect(await main(['migrate', '--db', db], first)).toBe(0);
    expect(first.out()).toMatch(/^migrated sqlite .*applied 0001_initial/);
    const again = captureIo();
    expect(await main(['migrate', '--db', db], again)).toBe(0);
    expect(again.out()).toContain('is up to date (at 0002_imaging)');
    const status = captureIo();
    expect(await main(['migrate', '--db', db, '--status'], status)).toBe(0);
    expect(status.out()).toContain('applied: 0001_initial');
    expect(status.out()).toContain('pending: (none)');
  });

  it('takes the database from DATABASE_URL when --db is not given', async () => {
    const db = join(dir, 'env.sqlite');
    const io = captureIo({ env: { DATABASE_URL: `sqlite:${db}` } });
    expect(await main(['migrate'], io)).toBe(0);
    expect(io.out()).toContain(db);
  });

  it('exits 2 naming a bad option, and 1 with one line when the database cannot be reached', async () => {
    const bad = captureIo();
    expect(await main(['migrate', '--frobnicate'], bad)).toBe(2);
    expect(bad.err()).toContain("'--frobnicate'");
    const down = captureIo();
    expect(await main(['migrate', '--db', 'postgres://nobody@127.0.0.1:1/none'], down)).toBe(1);
    expect(down.err().trim().split('\n')).toHaveLength(1);
    expect(down.err()).toContain('could not migrate');
  });
});
