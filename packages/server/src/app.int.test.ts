import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { client, loginAs, type TestClient } from './testing/client.js';
import { emailOf, seedFixture, testClock, TEST_PASSWORD, type Fixture } from './testing/fixtures.js';
import { createTestDatabase, testDialects, type TestDatabase } from './testing/test-db.js';

for (const dialect of testDialects()) {
  describe(`registry API basics on ${dialect}`, () => {
    let tdb: TestDatabase;
    let app: FastifyInstance;
    let fx: Fixture;
    let coordA: TestClient;
    let monitor: TestClient;

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      fx = await seedFixture(tdb.handle);
      app = await buildApp({ handle: tdb.handle, clock: testClock, webDist: null });
      coordA = client(app, await loginAs(app, emailOf('coordinatorA'), TEST_PASSWORD));
      monitor = client(app, await loginAs(app, emailOf('monitor'), TEST_PASSWORD));
    });
    afterAll(async () => {
      await app.close();
      await tdb.dispose();
    });

    it('answers /meta without a login', async () => {
      const res = await client(app, null).get('/api/v1/meta');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ demo: false, languages: ['en', 'zh'], today: '2026-06-01' });
    });

    it('refuses anonymous calls with 401 in the error shape', async () => {
      const res = await client(app, null).get('/api/v1/participants');
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    });

    it('lists the participants of the own site only for site staff', async () => {
      const res = await coordA.get('/api/v1/participants');
      expect(res.statusCode).toBe(200);
      const body = res.json<{ items: { studyId: string; siteCode: string; baselineDate: string }[]; total: number }>();
      expect(body.total).toBe(1);
      expect(body.items[0]).toMatchObject({ studyId: fx.A.studyId, siteCode: 'AA01', baselineDate: '2025-06-10' });
      const all = await monitor.get('/api/v1/participants?sort=studyId&order=desc');
      expect(all.json<{ total: number }>().total).toBe(2);
    });

    it('creates, updates with a version, and shows the history', async () => {
      const created = await coordA.post('/api/v1/follow-up-visits', {
        participantId: fx.A.participantId,
        visitMonth: 3,
        contactDate: '2025-09-10',
        mode: 'telephone',
        contactOutcome: 'reached',
      });
      expect(created.statusCode).toBe(201);
      const rec = created.json<{ record: { id: string; version: number } }>().record;
      const upd = await coordA.patch(`/api/v1/follow-up-visits/${rec.id}`, { version: rec.version, lvefPercent: 60 });
      expect(upd.statusCode).toBe(200);
      expect(upd.json()).toMatchObject({ record: { version: 2, lvefPercent: 60 } });
      const hist = await coordA.get(`/api/v1/follow-up-visits/${rec.id}/history`);
      expect(hist.statusCode).toBe(200);
      const items = hist.json<{ items: { action: string; changes: { field: string }[] }[] }>().items;
      expect(items.map((i) => i.action)).toEqual(['create', 'update']);
      expect(items[1]!.changes.map((c) => c.field)).toContain('lvefPercent');
    });

    it('sets security headers: strict ones on the API, helmet with a CSP on pages', async () => {
      const api = await coordA.get('/api/v1/auth/me');
      expect(api.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'cache-control': 'no-store',
      });
      const page = await app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(page.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.body).toContain('/api/docs');
    });

    it('never shows a stack trace: an unexpected error is a 500 with a request id', async () => {
      const broken = await buildApp({ handle: tdb.handle, clock: testClock, webDist: null });
      broken.get('/api/v1/boom', { config: { public: true } }, () => {
        throw new Error('secret internal detail at /srv/app.ts:12');
      });
      const res = await broken.inject({ method: 'GET', url: '/api/v1/boom' });
      await broken.close();
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ error: { code: 'internal' } });
      expect(res.body).not.toContain('secret');
      expect(res.body).not.toMatch(/\.ts:\d+/);
    });

    it('serves the OpenAPI document and the docs page', async () => {
      const doc = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(doc.statusCode).toBe(200);
      const spec = doc.json<{ openapi: string; paths: Record<string, unknown> }>();
      expect(spec.openapi).toBe('3.0.3');
      expect(Object.keys(spec.paths)).toContain('/api/v1/follow-up-visits/{id}');
      const page = await app.inject({ method: 'GET', url: '/api/docs/' });
      expect(page.statusCode).toBe(200);
    });
  });
}
