import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '@cmr-mass/db';
import { smallSnapshot } from '@cmr-mass/analysis/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../test-io.js';

const dirs: string[] = [];
const temp = async (): Promise<string> => {
  const d = await mkdtemp(join(tmpdir(), 'cmr-mass-report-cli-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('cmr-mass report: bad options', () => {
  it.each([
    [['report', '--bogus', 'x', '--out', 'o'], '--bogus'],
    [['report'], '--out'],
    [['report', '--out', 'o', '--lang', 'fr'], '--lang'],
    [['report', '--out', 'o', '--db', 'a.sqlite', '--snapshot', 's.json'], '--snapshot'],
  ])('%j exits 2 naming %s', async (args, option) => {
    const io = captureIo();
    expect(await main(args, io)).toBe(2);
    expect(io.err()).toContain(option);
  });

  it('exits 2 on a database that was never migrated', async () => {
    const dir = await temp();
    const io = captureIo({ cwd: dir });
    expect(await main(['report', '--db', join(dir, 'empty.sqlite'), '--out', 'out'], io)).toBe(2);
    expect(io.err()).toContain('--db');
  });
});

describe('cmr-mass report: a report', () => {
  it('writes the report of a saved snapshot with progress on stderr', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'snapshot.json'), JSON.stringify(smallSnapshot()));
    const io = captureIo({ cwd: dir });
    expect(await main(['report', '--snapshot', 'snapshot.json', '--out', 'out', '--lang', 'zh'], io)).toBe(0);
    expect(io.err()).toMatch(/report: question 3: prognosis/);
    const files = await readdir(join(dir, 'out'));
    expect(files).toEqual(
      expect.arrayContaining(['report.html', 'results.json', 'tables', 'figures', 'data'])
    );
    const html = await readFile(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('心脏占位CMR研究报告');
    const results = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8')) as {
      snapshot: { key: string };
    };
    expect(results.snapshot.key).toBe('test:small-cohort');
  });

  it('reads an empty migrated database, de-identified, and says so in results.json', async () => {
    const dir = await temp();
    const handle = openDatabase(join(dir, 'db.sqlite'));
    await migrateToLatest(handle);
    await handle.close();
    const io = captureIo({ cwd: dir });
    expect(await main(['report', '--db', 'db.sqlite', '--out', 'out', '--deidentify'], io)).toBe(0);
    const results = JSON.parse(await readFile(join(dir, 'out', 'results.json'), 'utf8')) as {
      snapshot: { key: string };
      dataset: { participants: number; deidentified: boolean };
    };
    expect(results.snapshot.key).toMatch(/^audit:\d+$/);
    expect(results.dataset).toMatchObject({ participants: 0, deidentified: true });
  });
});
