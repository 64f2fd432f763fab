import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '@cmr-mass/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../test-io.js';

/** `cmr-mass user` and `cmr-mass export` on a SQLite file, run in-process. */
describe('cmr-mass user and export', () => {
  let dir: string;
  let db: string;

  const run = async (args: string[], stdinText = ''): Promise<{ code: number; out: string; err: string }> => {
    const io = captureIo({ stdinText, cwd: dir });
    const code = await main(args, io);
    return { code, out: io.out(), err: io.err() };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cmr-mass-cli-'));
    db = join(dir, 'registry.sqlite');
    const handle = openDatabase(db);
    await migrateToLatest(handle);
    await handle.close();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds the first administrator with the password from standard input', async () => {
    const r = await run(['user', 'add', '--email', 'Chief@Example.org', '--role', 'admin', '--db', db], 'a long pass-phrase 1\n');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/created chief@example\.org \(admin\)/);
    const list = await run(['user', 'list', '--db', db]);
    expect(list.out).toMatch(/chief@example\.org\tadmin\t-\tactive/);
  });

  it('refuses a weak password, naming the field, and stores nothing', async () => {
    const r = await run(['user', 'add', '--email', 'x@example.org', '--role', 'monitor', '--db', db], 'short\n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/password: the password must be at least 10 characters/);
    expect((await run(['user', 'list', '--db', db])).out).not.toContain('x@example.org');
  });

  it('names the bad option: role, site, e-mail, duplicate', async () => {
    const role = await run(['user', 'add', '--email', 'y@example.org', '--role', 'boss', '--db', db], 'a long pass-phrase 1\n');
    expect(role.code).toBe(2);
    expect(role.err).toMatch(/--role/);
    const site = await run(['user', 'add', '--email', 'y@example.org', '--role', 'coordinator', '--site', 'NOPE', '--db', db], 'a long pass-phrase 1\n');
    expect(site.code).toBe(2);
    expect(site.err).toMatch(/--site/);
    const noSite = await run(['user', 'add', '--email', 'y@example.org', '--role', 'coordinator', '--db', db], 'a long pass-phrase 1\n');
    expect(noSite.code).toBe(2);
    expect(noSite.err).toMatch(/siteId: a coordinator needs a site/);
    const email = await run(['user', 'add', '--email', 'not-an-email', '--role', 'monitor', '--db', db], 'a long pass-phrase 1\n');
    expect(email.code).toBe(2);
    expect(email.err).toMatch(/email/);
    const dup = await run(['user', 'add', '--email', 'chief@example.org', '--role', 'monitor', '--db', db], 'a long pass-phrase 1\n');
    expect(dup.code).toBe(2);
    expect(dup.err).toMatch(/email: an account with the e-mail chief@example\.org exists already/);
  });

  it('sets a new password and unlocks', async () => {
    expect((await run(['user', 'passwd', '--email', 'chief@example.org', '--db', db], 'another pass-phrase 2\n')).code).toBe(0);
    expect((await run(['user', 'unlock', '--email', 'chief@example.org', '--db', db])).code).toBe(0);
    expect((await run(['user', 'unlock', '--email', 'nobody@example.org', '--db', db])).code).toBe(2);
  });

  it('exports every file with the codebook, de-identified on request, and audits it', async () => {
    const out = join(dir, 'export');
    const r = await run(['export', '--format', 'csv', '--out', out, '--deidentify', '--db', db]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toContain('analysis_participants.csv');
    expect(files).toContain('codebook.csv');
    expect(files).toContain('participants.csv');
    expect(files).not.toContain('participant_identifiers.csv');
    expect(readFileSync(join(out, 'analysis_participants.csv'), 'utf8').split('\r\n')[0]).toMatch(/^participant_id,site,status,sex,age,/);
    const handle = openDatabase(db);
    const audited = await handle.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'export').execute();
    await handle.close();
    expect(audited.map((a) => a.entity_id)).toEqual(expect.arrayContaining(files));
  });

  it('refuses a bad format or a missing directory with exit code 2', async () => {
    const fmt = await run(['export', '--format', 'xlsx', '--out', join(dir, 'x'), '--db', db]);
    expect(fmt.code).toBe(2);
    expect(fmt.err).toMatch(/--format/);
    const noOut = await run(['export', '--format', 'csv', '--db', db]);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toMatch(/--out/);
  });
});
