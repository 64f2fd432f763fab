import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { FORM_PATHS, FORM_ROUTES } from './routes/form-paths.js';
import { client, loginAs, type TestClient } from './testing/client.js';
import { emailOf, seedFixture, testClock, TEST_PASSWORD, type Fixture } from './testing/fixtures.js';
import { createTestDatabase, testDialects, type TestDatabase } from './testing/test-db.js';

type Visit = { id: string; version: number; lvefPercent: number | null; nyhaClass: string | null };

for (const dialect of testDialects()) {
  describe(`version conflicts and blinding on ${dialect}`, () => {
    let tdb: TestDatabase;
    let app: FastifyInstance;
    let fx: Fixture;
    let one: TestClient;
    let two: TestClient;
    let reader: TestClient;

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      fx = await seedFixture(tdb.handle);
      app = await buildApp({ handle: tdb.handle, clock: testClock, webDist: null, loginRateLimit: { max: 1000 } });
      one = client(app, await loginAs(app, emailOf('coordinatorA'), TEST_PASSWORD));
      two = client(app, await loginAs(app, emailOf('investigatorA'), TEST_PASSWORD));
      reader = client(app, await loginAs(app, emailOf('reader'), TEST_PASSWORD));
    });
    afterAll(async () => {
      await app.close();
      await tdb.dispose();
    });

    it('answers the second of two edits of one version with 409 and the record now; nothing is lost', async () => {
      const url = `/api/v1/follow-up-visits/${fx.A.visitId}`;
      const read1 = (await one.get(url)).json<Visit>();
      const read2 = (await two.get(url)).json<Visit>();
      expect(read1.version).toBe(read2.version);
      const first = await one.patch(url, { version: read1.version, lvefPercent: 55, reason: 'echo report' });
      expect(first.statusCode).toBe(200);
      const second = await two.patch(url, { version: read2.version, nyhaClass: 'ii', reason: 'clinic letter' });
      expect(second.statusCode).toBe(409);
      const err = second.json<{ error: { code: string; field: string; current: Visit } }>().error;
      expect(err.code).toBe('version_conflict');
      expect(err.field).toBe('version');
      expect(err.current).toMatchObject({ version: read1.version + 1, lvefPercent: 55, nyhaClass: null });
      const retry = await two.patch(url, { version: err.current.version, nyhaClass: 'ii', reason: 'clinic letter' });
      expect(retry.statusCode).toBe(200);
      const now = (await one.get(url)).json<Visit>();
      expect(now).toMatchObject({ version: read1.version + 2, lvefPercent: 55, nyhaClass: 'ii' });
      const history = (await one.get(`${url}/history`)).json<{ items: { actor: { id: string }; changes: { field: string }[] }[] }>();
      const updates = history.items.slice(-2);
      expect(updates.map((h) => h.actor.id)).toEqual([fx.users.coordinatorA.id, fx.users.investigatorA.id]);
      expect(updates[0]!.changes.map((c) => c.field)).toContain('lvefPercent');
      expect(updates[1]!.changes.map((c) => c.field)).toContain('nyhaClass');
    });

    it('lets exactly one of two simultaneous edits of one version win', async () => {
      const url = `/api/v1/cmr-exams/${fx.A.examId}`;
      const v = (await one.get(url)).json<{ version: number }>().version;
      const [a, b] = await Promise.all([
        one.patch(url, { version: v, lvEfPercent: 61, reason: 'x-check' }),
        two.patch(url, { version: v, lvEfPercent: 62, reason: 'x-check' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? 61 : 62;
      expect((await one.get(url)).json()).toMatchObject({ version: v + 1, lvEfPercent: winner });
    });

    it('refuses a delete of a stale version with 409', async () => {
      const url = `/api/v1/outcome-events/${fx.A.eventId}`;
      const v = (await one.get(url)).json<{ version: number }>().version;
      expect((await one.patch(url, { version: v, source: 'relative', reason: 'corrected source' })).statusCode).toBe(200);
      const stale = await two.del(url, { version: v, reason: 'entered twice' });
      expect(stale.statusCode).toBe(409);
      expect((await one.get(url)).statusCode).toBe(200);
    });

    it('needs a reason to change a record saved as complete', async () => {
      const url = `/api/v1/treatments/${fx.A.treatmentId}`;
      const t = (await one.get(url)).json<{ version: number }>();
      expect((await one.patch(url, { version: t.version, formStatus: 'complete' })).statusCode).toBe(200);
      const noReason = await one.patch(url, { version: t.version + 1, endDate: '2025-07-20' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json()).toMatchObject({ error: { code: 'reason_required', field: 'reason' } });
      expect((await one.patch(url, { version: t.version + 1, endDate: '2025-07-20', reason: 'discharge letter' })).statusCode).toBe(200);
    });

    it("never shows a blinded reader reference, treatment, follow-up, outcome or identifying data", async () => {
      const forbidden = [
        fx.A.referenceId,
        fx.B.referenceId,
        fx.A.treatmentId,
        fx.A.visitId,
        fx.A.eventId,
        fx.B.treatmentId,
        fx.B.visitId,
        fx.B.eventId,
        fx.A.identifiersId,
        'histopathology',
        'surgical_resection',
        'curative',
        'adverse_event',
        'medical_record',
        '2025-07-01',
        '2025-07-05',
        '2025-07-12',
        'MRN-',
        'Test Person',
        '1234 5678',
        'call after',
        '"status":"enrolled"',
        '"status":"screening"',
        '"ref_category"',
        '"event_death"',
        '"prognosis_36m"',
      ];
      const responses: LightMyRequestResponse[] = [];
      const get = async (url: string): Promise<void> => {
        responses.push(await reader.get(url));
      };
      for (const cb of [fx.A, fx.B]) {
        const ids: Record<string, string> = {
          participants: cb.participantId,
          identifiers: cb.identifiersId,
          eligibility: cb.eligibilityId,
          'cmr-exams': cb.examId,
          'lesion-findings': cb.findingId,
          readings: cb.readingId,
          'reference-diagnoses': cb.referenceId,
          treatments: cb.treatmentId,
          'follow-up-visits': cb.visitId,
          'outcome-events': cb.eventId,
        };
        for (const { path } of FORM_ROUTES) {
          const id = ids[path]!;
          await get(path === 'participants' ? `/api/v1/participants?site=${cb.siteCode}` : `/api/v1/${path}?participantId=${cb.participantId}`);
          await get(`/api/v1/${path}/${id}`);
          await get(`/api/v1/${path}/${id}/history`);
        }
        await get(`/api/v1/participants/${cb.participantId}/casebook`);
        await get(`/api/v1/lesion-findings/${cb.findingId}/suggestion`);
        await get(`/api/v1/audit?participantId=${cb.participantId}`);
        await get(`/api/v1/worklist?site=${cb.siteCode}`);
        await get(`/api/v1/exports/analysis_participants.csv?site=${cb.siteCode}`);
      }
      for (const url of ['/api/v1/participants', '/api/v1/participants?status=enrolled', '/api/v1/participants?cohort=benign', '/api/v1/participants?sort=status', '/api/v1/analysis/results', '/api/v1/exports', '/api/v1/auth/me', '/api/v1/sites']) {
        await get(url);
      }
      const reading = await reader.patch(`/api/v1/${FORM_PATHS.reading}/${fx.A.readingId}`, { version: 99, confidence: 3 });
      responses.push(reading);
      expect(reading.statusCode).toBe(409);
      const casebook = (await reader.get(`/api/v1/participants/${fx.A.participantId}/casebook`)).json<Record<string, unknown>>();
      expect(casebook).toMatchObject({ references: [], treatments: [], visits: [], events: [], identifiers: null, schedule: null });
      expect(casebook.derived).toMatchObject({ blinded: true });
      const ok = responses.filter((r) => r.statusCode < 300).length;
      expect(ok).toBeGreaterThan(20);
      for (const res of responses) {
        for (const marker of forbidden) {
          expect(res.body.includes(marker), `${marker} in ${res.body.slice(0, 400)}`).toBe(false);
        }
      }
    });
  });
}
