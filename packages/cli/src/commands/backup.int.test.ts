import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  describeDialects,
  seedCasebook,
  seedStudy,
  type TestDatabase,
} from '@cmr-mass/db/testing';
import { afterAll, afterEach, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../test-io.js';

const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-backup-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const open: TestDatabase[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.dispose();
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({ cwd: dir });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describeDialects('cmr-mass backup and restore', (dialect) => {
  it('backs up, restores into an empty database, and the restored trail verifies', async () => {
    const src = await createTestDatabase(dialect);
    open.push(src);
    await seedCasebook(await seedStudy(src.handle));
    const out = join(dir, `b-${dialect}-${Date.now()}`);
    const b = await run('backup', '--db', src.url, '--out', out);
    expect(b.code, b.err).toBe(0);
    expect(b.out).toContain('audit trail intact');
    expect(existsSync(out)).toBe(true);

    const dst = await createTestDatabase(dialect, { migrate: false });
    open.push(dst);
    await dst.handle.close();
    const r = await run('restore', '--from', out, '--db', dst.url);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/restored .* audit trail intact/);
    const v = await run('audit', 'verify', '--db', dst.url);
    expect(v.code).toBe(0);

    const again = await run('restore', '--from', out, '--db', dst.url);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--db');
    expect(again.err).toContain('not empty');
  });

  it('exits 2 naming --out, --format and --from', async () => {
    const src = await createTestDatabase(dialect);
    open.push(src);
    await src.handle.close();
    const noOut = await run('backup', '--db', src.url);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--out');
    const taken = join(dir, 'taken');
    writeFileSync(taken, 'x');
    expect((await run('backup', '--db', src.url, '--out', taken)).err).toContain('--out');
    const fmt = await run('backup', '--db', src.url, '--out', join(dir, 'f'), '--format', 'zip');
    expect(fmt.code).toBe(2);
    expect(fmt.err).toContain('--format');
    if (dialect === 'postgres') {
      const sqliteOnPg = await run('backup', '--db', src.url, '--out', join(dir, 'g'), '--format', 'sqlite');
      expect(sqliteOnPg.code).toBe(2);
      expect(sqliteOnPg.err).toContain('--format');
    }
    const noFrom = await run('restore', '--from', join(dir, 'nothing-here'), '--db', src.url);
    expect(noFrom.code).toBe(2);
    expect(noFrom.err).toContain('--from');
  });
});
