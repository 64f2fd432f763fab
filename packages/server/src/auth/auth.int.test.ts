import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { client, loginAs, type TestSession } from '../testing/client.js';
import { emailOf, seedFixture, TEST_NOW, TEST_PASSWORD, type Fixture } from '../testing/fixtures.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../testing/test-db.js';
import { CSRF_HEADER, SESSION_COOKIE } from './authenticate.js';
import { passwordWeakness } from './passwords.js';

describe('password policy', () => {
  it('names what is wrong with a weak password', () => {
    expect(passwordWeakness('short1')).toMatch(/at least 10/);
    expect(passwordWeakness('onlyletterslong')).toMatch(/two kinds/);
    expect(passwordWeakness('aaaaaaaaaa1')).toMatch(/repetitive/);
    expect(passwordWeakness('Password123')).toMatch(/well-known/);
    expect(passwordWeakness('a long pass-phrase')).toBeNull();
  });
});

for (const dialect of testDialects()) {
  describe(`authentication on ${dialect}`, () => {
    let tdb: TestDatabase;
    let app: FastifyInstance;
    let fx: Fixture;
    let now = TEST_NOW.getTime();
    const clock = (): Date => new Date(now);

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      fx = await seedFixture(tdb.handle);
      app = await buildApp({ handle: tdb.handle, clock, webDist: null, loginRateLimit: { max: 1000 } });
    });
    afterAll(async () => {
      await app.close();
      await tdb.dispose();
    });

    it('stores argon2id hashes, never the password', async () => {
      const row = await tdb.handle.db.selectFrom('users').select('password_hash').where('id', '=', fx.users.monitor.id).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.password_hash).not.toContain(TEST_PASSWORD);
    });

    it('logs in with an HttpOnly SameSite cookie, keeps only the token hash, and logs out', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: emailOf('coordinatorA').toUpperCase(), password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
      const body = res.json<{ user: { role: string; siteCode: string }; csrfToken: string }>();
      expect(body.user).toMatchObject({ role: 'coordinator', siteCode: 'AA01' });
      const sessions = await tdb.handle.db.selectFrom('sessions').select('id').execute();
      expect(sessions.map((s) => s.id)).not.toContain(cookie.value);
      const s: TestSession = { cookie: cookie.value, csrfToken: body.csrfToken, userId: fx.users.coordinatorA.id };
      const me = await client(app, s).get('/api/v1/auth/me');
      expect(me.json()).toMatchObject({ user: { email: emailOf('coordinatorA') }, csrfToken: body.csrfToken });
      expect((await client(app, s).post('/api/v1/auth/logout')).statusCode).toBe(204);
      expect((await client(app, s).get('/api/v1/auth/me')).statusCode).toBe(401);
    });

    it('answers a wrong password and an unknown e-mail alike, and audits both', async () => {
      const a = await client(app, null).post('/api/v1/auth/login', { email: emailOf('monitor'), password: 'wrong-password-1' });
      const b = await client(app, null).post('/api/v1/auth/login', { email: 'nobody@x.example', password: 'wrong-password-1' });
      expect(a.statusCode).toBe(401);
      expect(b.statusCode).toBe(401);
      expect(a.json<{ error: { message: string } }>().error.message).toBe(b.json<{ error: { message: string } }>().error.message);
      const failed = await tdb.handle.db.selectFrom('audit_log').select(['actor_id']).where('action', '=', 'login_failed').execute();
      expect(failed.map((f) => f.actor_id)).toEqual(expect.arrayContaining([fx.users.monitor.id, 'anonymous']));
    });

    it('names the missing field of a bad login body', async () => {
      const res = await client(app, null).post('/api/v1/auth/login', { email: emailOf('monitor') });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'bad_request', field: 'password' } });
    });

    it('refuses cookie-authenticated writes without the CSRF token, and accepts them with it', async () => {
      const s = await loginAs(app, emailOf('coordinatorA'), TEST_PASSWORD);
      const body = { participantId: fx.A.participantId, visitMonth: 3, contactDate: '2025-09-09', mode: 'telephone', contactOutcome: 'not_reached' };
      const without = await app.inject({ method: 'POST', url: '/api/v1/follow-up-visits', cookies: { [SESSION_COOKIE]: s.cookie }, payload: body });
      expect(without.statusCode).toBe(403);
      expect(without.json()).toMatchObject({ error: { code: 'forbidden', field: CSRF_HEADER } });
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/v1/follow-up-visits',
        cookies: { [SESSION_COOKIE]: s.cookie },
        headers: { [CSRF_HEADER]: 'not-the-token' },
        payload: body,
      });
      expect(wrong.statusCode).toBe(403);
      expect((await client(app, s).post('/api/v1/follow-up-visits', body)).statusCode).toBe(201);
    });

    it('locks an account after five failed logins in a row, audits it, and an admin can reset it', async () => {
      const email = emailOf('investigatorB');
      for (let i = 0; i < 4; i++) {
        expect((await client(app, null).post('/api/v1/auth/login', { email, password: `wrong-pass-${i}x` })).statusCode).toBe(401);
      }
      const fifth = await client(app, null).post('/api/v1/auth/login', { email, password: 'wrong-pass-5x' });
      expect(fifth.statusCode).toBe(423);
      expect(fifth.json()).toMatchObject({ error: { code: 'account_locked' } });
      const right = await client(app, null).post('/api/v1/auth/login', { email, password: TEST_PASSWORD });
      expect(right.statusCode).toBe(423);
      const locked = await tdb.handle.db.selectFrom('audit_log').select('action').where('action', '=', 'account_locked').execute();
      expect(locked).toHaveLength(1);
      const admin = client(app, await loginAs(app, emailOf('admin'), TEST_PASSWORD));
      const u = (await admin.get(`/api/v1/users/${fx.users.investigatorB.id}`)).json<{ version: number; lockedUntil: string }>();
      expect(u.lockedUntil).not.toBeNull();
      const reset = await admin.patch(`/api/v1/users/${fx.users.investigatorB.id}`, { version: u.version, resetLockout: true });
      expect(reset.statusCode).toBe(200);
      expect((await client(app, null).post('/api/v1/auth/login', { email, password: TEST_PASSWORD })).statusCode).toBe(200);
    });

    it('unlocks by itself after the lock-out period', async () => {
      const email = emailOf('coordinatorB');
      for (let i = 0; i < 5; i++) await client(app, null).post('/api/v1/auth/login', { email, password: `wrong-pass-${i}y` });
      expect((await client(app, null).post('/api/v1/auth/login', { email, password: TEST_PASSWORD })).statusCode).toBe(423);
      now += 16 * 60_000;
      try {
        expect((await client(app, null).post('/api/v1/auth/login', { email, password: TEST_PASSWORD })).statusCode).toBe(200);
      } finally {
        now = TEST_NOW.getTime();
      }
    });

    it('ends sessions after the idle timeout and refuses expired accounts', async () => {
      const s = await loginAs(app, emailOf('statistician'), TEST_PASSWORD);
      now += 3 * 3_600_000;
      try {
        expect((await client(app, s).get('/api/v1/auth/me')).statusCode).toBe(401);
      } finally {
        now = TEST_NOW.getTime();
      }
      const admin = client(app, await loginAs(app, emailOf('admin'), TEST_PASSWORD));
      const u = (await admin.get(`/api/v1/users/${fx.users.statistician.id}`)).json<{ version: number }>();
      const exp = await admin.patch(`/api/v1/users/${fx.users.statistician.id}`, {
        version: u.version,
        expiresAt: '2026-05-31T00:00:00.000Z',
      });
      expect(exp.statusCode).toBe(200);
      const login = await client(app, null).post('/api/v1/auth/login', { email: emailOf('statistician'), password: TEST_PASSWORD });
      expect(login.statusCode).toBe(401);
      expect(login.json<{ error: { message: string } }>().error.message).toMatch(/expired/);
    });

    it('issues personal API tokens, hashed at rest, usable without CSRF, revocable', async () => {
      const s = await loginAs(app, emailOf('investigatorA'), TEST_PASSWORD);
      const created = await client(app, s).post('/api/v1/auth/tokens', { name: 'R script' });
      expect(created.statusCode).toBe(201);
      const { token, secret } = created.json<{ token: { id: string; prefix: string }; secret: string }>();
      expect(secret.startsWith(token.prefix)).toBe(true);
      const stored = await tdb.handle.db.selectFrom('api_tokens').select('token_hash').where('id', '=', token.id).executeTakeFirstOrThrow();
      expect(stored.token_hash).not.toBe(secret);
      expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
      const bearer = { authorization: `Bearer ${secret}` };
      const list = await app.inject({ method: 'GET', url: '/api/v1/participants', headers: bearer });
      expect(list.statusCode).toBe(200);
      const write = await app.inject({
        method: 'POST',
        url: '/api/v1/follow-up-visits',
        headers: bearer,
        payload: { participantId: fx.A.participantId, visitMonth: 6, contactDate: '2025-12-01', mode: 'telephone', contactOutcome: 'not_reached' },
      });
      expect(write.statusCode).toBe(201);
      const mint = await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: bearer, payload: { name: 'x' } });
      expect(mint.statusCode).toBe(403);
      expect((await client(app, s).get('/api/v1/auth/tokens')).json<{ items: unknown[] }>().items).toHaveLength(1);
      expect((await client(app, s).del(`/api/v1/auth/tokens/${token.id}`, {})).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/v1/participants', headers: bearer })).statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/api/v1/participants', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
    });

    it('rate-limits logins per IP', async () => {
      const limited = await buildApp({ handle: tdb.handle, clock, webDist: null, loginRateLimit: { max: 3 } });
      try {
        const codes: number[] = [];
        for (let i = 0; i < 5; i++) {
          const r = await limited.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@y.example', password: 'nope-nope-1' } });
          codes.push(r.statusCode);
          if (r.statusCode === 429) expect(r.json()).toMatchObject({ error: { code: 'too_many_requests' } });
        }
        expect(codes).toEqual([401, 401, 401, 429, 429]);
      } finally {
        await limited.close();
      }
    });
  });
}
