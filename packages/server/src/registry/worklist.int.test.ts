import { randomUUID } from 'node:crypto';
import { Repository } from '@cmr-mass/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { client, loginAs, type TestClient } from '../testing/client.js';
import { emailOf, seedFixture, testClock, TEST_PASSWORD, type Fixture } from '../testing/fixtures.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../testing/test-db.js';

interface Item {
  studyId: string;
  month: number;
  status: string;
  daysToWindowEnd: number;
  failedAttempts: number;
  lastAttemptDate: string | null;
  contact: { phone: string | null } | null;
}

for (const dialect of testDialects()) {
  describe(`follow-up worklist on ${dialect}`, () => {
    let tdb: TestDatabase;
    let app: FastifyInstance;
    let fx: Fixture;
    let coord: TestClient;
    let monitor: TestClient;
    const study: Record<string, string> = {};

    /** An enrolled participant of site A with a baseline CMR on `baseline` and a phone number. */
    async function enrol(key: string, baseline: string, phone: string): Promise<string> {
      const repo = new Repository(tdb.handle, { actor: fx.users.coordinatorA.actor, now: testClock, newId: randomUUID });
      const p = await repo.create('participant', { siteId: fx.A.siteId, sex: 'male', birthYear: 1960 });
      const id = p.record.id;
      study[key] = p.record.studyId;
      await repo.create('identifiers', { participantId: id, phone });
      await repo.create('eligibility', { participantId: id, assessedDate: baseline, cmrScheduledOrDone: true, consent: 'written' });
      await repo.create('cmr_exam', { participantId: id, kind: 'baseline', examDate: baseline });
      return id;
    }

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      fx = await seedFixture(tdb.handle);
      // Today is 2026-06-01. One-month visits: target = baseline + 1 month, window -7/+14 days.
      await enrol('due', '2026-05-05', '+86 100'); // target 06-05: due
      await enrol('overdue7', '2026-04-25', '+86 101'); // target 05-25, window ends 06-08: overdue
      const tried = await enrol('overdue2', '2026-04-20', '+86 102'); // target 05-20, window ends 06-03
      await enrol('missed', '2026-02-01', '+86 103'); // 1 and 3 months missed
      const repo = new Repository(tdb.handle, { actor: fx.users.coordinatorA.actor, now: testClock, newId: randomUUID });
      for (const d of ['2026-05-21', '2026-05-28']) {
        await repo.create('follow_up_visit', {
          participantId: tried,
          visitMonth: 1,
          contactDate: d,
          mode: 'telephone',
          contactOutcome: 'not_reached',
        });
      }
      app = await buildApp({ handle: tdb.handle, clock: testClock, webDist: null, loginRateLimit: { max: 1000 } });
      coord = client(app, await loginAs(app, emailOf('coordinatorA'), TEST_PASSWORD));
      monitor = client(app, await loginAs(app, emailOf('monitor'), TEST_PASSWORD));
    });
    afterAll(async () => {
      await app.close();
      await tdb.dispose();
    });

    it('lists overdue visits first (closing soonest first), then due, then missed', async () => {
      const res = await coord.get('/api/v1/worklist?from=2026-01-01&to=2026-07-01');
      expect(res.statusCode).toBe(200);
      // The fixture's own participant (baseline 2025-06-10) is on the list too; look at these four.
      const mine = new Set(Object.values(study));
      const items = res.json<{ items: Item[] }>().items.filter((i) => mine.has(i.studyId));
      expect(items.map((i) => [i.studyId, i.month, i.status])).toEqual([
        [study.overdue2, 1, 'overdue'],
        [study.overdue7, 1, 'overdue'],
        [study.due, 1, 'due'],
        [study.missed, 3, 'missed'],
        [study.missed, 1, 'missed'],
      ]);
      expect(items[0]).toMatchObject({ daysToWindowEnd: 2, failedAttempts: 2, lastAttemptDate: '2026-05-28' });
    });

    it("gives site staff the participant's phone, and nobody else", async () => {
      const mine = (await coord.get('/api/v1/worklist')).json<{ items: Item[] }>().items;
      expect(mine.find((i) => i.studyId === study.due)?.contact?.phone).toBe('+86 100');
      const theirs = (await monitor.get(`/api/v1/worklist?site=${fx.A.siteCode}`)).json<{ items: Item[] }>().items;
      expect(theirs.length).toBe(mine.length);
      expect(theirs.every((i) => i.contact === null)).toBe(true);
      expect(JSON.stringify(theirs)).not.toContain('+86');
    });

    it('filters by status and date range', async () => {
      const due = (await coord.get('/api/v1/worklist?status=due')).json<{ items: Item[] }>().items;
      expect(due.every((i) => i.status === 'due')).toBe(true);
      expect(due.map((i) => i.studyId)).toEqual([study.due, fx.A.studyId]);
      const recent = (await coord.get('/api/v1/worklist?from=2026-05-20&to=2026-06-30&status=missed')).json<{ items: Item[] }>();
      expect(recent.items).toEqual([]);
      const bad = await coord.get('/api/v1/worklist?status=soon');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ error: { field: 'status[0]' } });
    });

    it('keeps site staff to their own site and readers out', async () => {
      expect((await coord.get(`/api/v1/worklist?site=${fx.B.siteCode}`)).statusCode).toBe(403);
      const reader = client(app, await loginAs(app, emailOf('reader'), TEST_PASSWORD));
      expect((await reader.get('/api/v1/worklist')).statusCode).toBe(403);
    });
  });
}
