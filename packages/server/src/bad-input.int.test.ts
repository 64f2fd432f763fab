import { fc, test } from '@fast-check/vitest';
import {
  deleteBody,
  formNames,
  forms,
  lostToFollowUpBody,
  siteCreate,
  withdrawBody,
  type FormName,
} from '@cmr-mass/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { z } from 'zod';
import { SESSION_COOKIE, CSRF_HEADER } from './auth/authenticate.js';
import { loginBody, tokenCreateBody, userCreateBody, userUpdateBody } from './auth/user-schemas.js';
import { buildApp } from './app.js';
import { siteUpdateBody } from './routes/admin.js';
import { FORM_PATHS } from './routes/form-paths.js';
import { anyJson, breakages, namesField } from './testing/bad-values.js';
import { loginAs, type TestSession } from './testing/client.js';
import { dumpDatabase } from './testing/db-dump.js';
import { emailOf, seedFixture, testClock, TEST_PASSWORD, type Fixture } from './testing/fixtures.js';
import { createBody } from './testing/matrix-requests.js';
import { createTestDatabase, testDialects, type TestDatabase } from './testing/test-db.js';

/**
 * Property-based bad input on every write endpoint: a valid body broken in one place (one field
 * invalid, one required field missing, one unknown key) must answer 400 naming that field, and leave
 * the database byte-for-byte as it was; so must a body that is not a JSON object at all.
 */

const RUNS = 12;

interface WriteCase {
  readonly name: string;
  readonly method: 'POST' | 'PATCH' | 'DELETE';
  readonly as: 'coordinator' | 'admin' | 'anonymous';
  url(): string;
  readonly schema: z.ZodObject;
  valid(): Record<string, unknown>;
}

for (const dialect of testDialects()) {
  describe(`bad input on every write endpoint, on ${dialect}`, () => {
    let tdb: TestDatabase;
    let app: FastifyInstance;
    let fx: Fixture;
    let sessions: Record<'coordinator' | 'admin', TestSession>;
    let bareParticipant: string;
    const versions = new Map<string, number>();
    let baseline = '';

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      fx = await seedFixture(tdb.handle);
      app = await buildApp({ handle: tdb.handle, clock: testClock, webDist: null, loginRateLimit: { max: 100_000 } });
      sessions = {
        coordinator: await loginAs(app, emailOf('coordinatorA'), TEST_PASSWORD),
        admin: await loginAs(app, emailOf('admin'), TEST_PASSWORD),
      };
      const bare = await app.inject({
        method: 'POST',
        url: '/api/v1/participants',
        cookies: { [SESSION_COOKIE]: sessions.coordinator.cookie },
        headers: { [CSRF_HEADER]: sessions.coordinator.csrfToken },
        payload: { siteId: fx.A.siteId },
      });
      bareParticipant = bare.json<{ record: { id: string } }>().record.id;
      for (const form of formNames) {
        const id = idOf(form);
        const r = await app.inject({
          method: 'GET',
          url: `/api/v1/${FORM_PATHS[form]}/${id}`,
          cookies: { [SESSION_COOKIE]: sessions.coordinator.cookie },
        });
        versions.set(form, r.json<{ version: number }>().version);
      }
      baseline = await dumpDatabase(tdb.handle);
    });
    afterAll(async () => {
      await app.close();
      await tdb.dispose();
    });

    function idOf(form: FormName): string {
      const a = fx.A;
      const ids: Record<FormName, string> = {
        participant: a.participantId,
        identifiers: a.identifiersId,
        eligibility: a.eligibilityId,
        cmr_exam: a.examId,
        lesion_finding: a.findingId,
        reading: a.readingId,
        reference_diagnosis: a.referenceId,
        treatment: a.treatmentId,
        follow_up_visit: a.visitId,
        outcome_event: a.eventId,
      };
      return ids[form];
    }

    const cases: WriteCase[] = [];
    for (const form of formNames) {
      const base = `/api/v1/${FORM_PATHS[form]}`;
      cases.push(
        {
          name: `POST ${base}`,
          method: 'POST',
          as: 'coordinator',
          url: () => base,
          schema: forms[form].create,
          valid: () => createBody(form, fx.A, bareParticipant, 1),
        },
        {
          name: `PATCH ${base}/:id`,
          method: 'PATCH',
          as: 'coordinator',
          url: () => `${base}/${idOf(form)}`,
          schema: forms[form].update,
          valid: () => ({ version: versions.get(form) ?? 1, reason: 'bad input test' }),
        },
        {
          name: `DELETE ${base}/:id`,
          method: 'DELETE',
          as: 'coordinator',
          url: () => `${base}/${idOf(form)}`,
          schema: deleteBody.strict(),
          valid: () => ({ version: versions.get(form) ?? 1, reason: 'bad input test' }),
        }
      );
    }
    cases.push(
      {
        name: 'POST /api/v1/participants/:id/withdraw',
        method: 'POST',
        as: 'coordinator',
        url: () => `/api/v1/participants/${fx.A.participantId}/withdraw`,
        schema: withdrawBody,
        valid: () => ({ version: versions.get('participant') ?? 1, date: '2026-05-01', reasonCode: 'other', reason: 'test' }),
      },
      {
        name: 'POST /api/v1/participants/:id/lost-to-follow-up',
        method: 'POST',
        as: 'coordinator',
        url: () => `/api/v1/participants/${fx.A.participantId}/lost-to-follow-up`,
        schema: lostToFollowUpBody,
        valid: () => ({ version: versions.get('participant') ?? 1, date: '2026-05-01', reason: 'test' }),
      },
      {
        name: 'POST /api/v1/sites',
        method: 'POST',
        as: 'admin',
        url: () => '/api/v1/sites',
        schema: siteCreate,
        valid: () => ({ code: 'ZZ99', name: 'Bad input site', country: 'CN' }),
      },
      {
        name: 'PATCH /api/v1/sites/:id',
        method: 'PATCH',
        as: 'admin',
        url: () => `/api/v1/sites/${fx.A.siteId}`,
        schema: siteUpdateBody,
        valid: () => ({ version: 1, name: 'Renamed' }),
      },
      {
        name: 'POST /api/v1/users',
        method: 'POST',
        as: 'admin',
        url: () => '/api/v1/users',
        schema: userCreateBody,
        valid: () => ({ email: 'new@bad.example', role: 'monitor', password: 'Bad-input-pass-1' }),
      },
      {
        name: 'PATCH /api/v1/users/:id',
        method: 'PATCH',
        as: 'admin',
        url: () => `/api/v1/users/${fx.users.monitor.id}`,
        schema: userUpdateBody,
        valid: () => ({ version: 1, displayName: 'Renamed' }),
      },
      {
        name: 'POST /api/v1/auth/tokens',
        method: 'POST',
        as: 'coordinator',
        url: () => '/api/v1/auth/tokens',
        schema: tokenCreateBody,
        valid: () => ({ name: 'script' }),
      },
      {
        name: 'POST /api/v1/auth/login',
        method: 'POST',
        as: 'anonymous',
        url: () => '/api/v1/auth/login',
        schema: loginBody,
        valid: () => ({ email: emailOf('monitor'), password: TEST_PASSWORD }),
      }
    );

    async function send(c: WriteCase, body: unknown, url = c.url()): Promise<{ status: number; error: { code?: string; field?: unknown } }> {
      const s = c.as === 'anonymous' ? null : sessions[c.as];
      const res = await app.inject({
        method: c.method,
        url,
        headers: { 'content-type': 'application/json', ...(s ? { [CSRF_HEADER]: s.csrfToken } : {}) },
        ...(s ? { cookies: { [SESSION_COOKIE]: s.cookie } } : {}),
        payload: JSON.stringify(body),
      });
      return { status: res.statusCode, error: res.json<{ error?: { code?: string; field?: unknown } }>().error ?? {} };
    }

    for (const c of cases) {
      const broken = fc.constant(null).chain(() => breakages(c.schema, c.valid()));
      test.prop([broken], { numRuns: RUNS })(`${c.name}: one bad field is a 400 naming it, nothing stored`, async (b) => {
        const r = await send(c, b.body);
        expect(r.status, JSON.stringify({ b, r })).toBe(400);
        expect(r.error.code).toBe('bad_request');
        expect(namesField(r.error.field, b.field), JSON.stringify({ b, r })).toBe(true);
        expect(await dumpDatabase(tdb.handle)).toBe(baseline);
      });

      const notObject = anyJson.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v));
      test.prop([notObject], { numRuns: 4 })(`${c.name}: a body that is not an object is a 400`, async (v) => {
        const r = await send(c, v);
        expect(r.status).toBe(400);
        expect(r.error.field).toBe('(body)');
        expect(await dumpDatabase(tdb.handle)).toBe(baseline);
      });
    }

    const notUuid = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => !/^[0-9a-f-]{36}$/i.test(s) && !/^\.+$/.test(s));
    test.prop([notUuid], { numRuns: 10 })('a path id that is not a UUID is a 400 naming `id`', async (id) => {
      const c = cases.find((x) => x.method === 'PATCH')!;
      const r = await send(c, c.valid(), `/api/v1/${FORM_PATHS.participant}/${encodeURIComponent(id)}`);
      expect(r.status).toBe(400);
      expect(r.error.field).toBe('id');
      expect(await dumpDatabase(tdb.handle)).toBe(baseline);
    });

    test('wrong content type is a 415, an oversized body a 413, and nothing is stored', async () => {
      const s = sessions.coordinator;
      const text = await app.inject({
        method: 'POST',
        url: '/api/v1/follow-up-visits',
        cookies: { [SESSION_COOKIE]: s.cookie },
        headers: { [CSRF_HEADER]: s.csrfToken, 'content-type': 'text/plain' },
        payload: 'participantId=1',
      });
      expect(text.statusCode).toBe(415);
      expect(text.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
      const big = await app.inject({
        method: 'POST',
        url: '/api/v1/follow-up-visits',
        cookies: { [SESSION_COOKIE]: s.cookie },
        headers: { [CSRF_HEADER]: s.csrfToken, 'content-type': 'application/json' },
        payload: JSON.stringify({ participantId: fx.A.participantId, pad: 'x'.repeat(600 * 1024) }),
      });
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({ error: { code: 'payload_too_large' } });
      const broken = await app.inject({
        method: 'POST',
        url: '/api/v1/follow-up-visits',
        cookies: { [SESSION_COOKIE]: s.cookie },
        headers: { [CSRF_HEADER]: s.csrfToken, 'content-type': 'application/json' },
        payload: '{"participantId": ',
      });
      expect(broken.statusCode).toBe(400);
      expect(broken.json()).toMatchObject({ error: { code: 'bad_request', field: '(body)' } });
      expect(broken.body).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(await dumpDatabase(tdb.handle)).toBe(baseline);
    });
  });
}
