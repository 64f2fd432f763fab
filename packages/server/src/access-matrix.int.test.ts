import { formNames } from '@cmr-mass/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import {
  expectAllowed,
  FORM_MATRIX,
  FORM_OPS,
  MATRIX_ROLES,
  OTHER_MATRIX,
  reachOf,
  STUDY_MATRIX,
  type MatrixRole,
} from './testing/access-table.js';
import { client, loginAs, type TestClient } from './testing/client.js';
import { emailOf, seedFixture, testClock, TEST_PASSWORD, type Fixture, type TestUserKey } from './testing/fixtures.js';
import { runFormOp, runOtherOp, type MatrixWorld } from './testing/matrix-requests.js';
import { createTestDatabase, testDialects, type TestDatabase } from './testing/test-db.js';

/**
 * The access matrix: every role × every endpoint × own site / other site, generated from the table in
 * `testing/access-table.ts`. Allowed means a success (2xx; 501 for decision support, which is not
 * wired yet); denied means exactly 403 in the error shape. The site-bound user of the site roles works
 * at site A, so A is "own" and B "other"; study-wide roles reach both.
 */

/** The account acting for each role of the matrix. */
const ACCOUNT: Record<MatrixRole, TestUserKey> = {
  admin: 'admin',
  investigator: 'investigatorA',
  coordinator: 'coordinatorA',
  reader: 'reader',
  monitor: 'monitor',
  statistician: 'statistician',
};

function check(res: LightMyRequestResponse, allowed: boolean): void {
  const summary = `${res.statusCode} ${res.body.slice(0, 300)}`;
  if (allowed) {
    expect([200, 201, 204, 501], summary).toContain(res.statusCode);
  } else {
    expect(res.statusCode, summary).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('forbidden');
  }
}

for (const dialect of testDialects()) {
  describe(`access matrix on ${dialect}`, () => {
    let tdb: TestDatabase;
    let app: FastifyInstance;
    let fx: Fixture;
    const clients = {} as Record<MatrixRole, TestClient>;
    let world: MatrixWorld;
    let counter = 0;

    beforeAll(async () => {
      tdb = await createTestDatabase(dialect);
      fx = await seedFixture(tdb.handle);
      app = await buildApp({
        handle: tdb.handle,
        clock: testClock,
        webDist: null,
        loginRateLimit: { max: 1000 },
        analysis: { results: () => Promise.resolve({ results: {} as never, cached: false, key: 'test' }) },
      });
      for (const role of MATRIX_ROLES) clients[role] = client(app, await loginAs(app, emailOf(ACCOUNT[role]), TEST_PASSWORD));
      const owners = {
        A: client(app, await loginAs(app, emailOf('coordinatorA'), TEST_PASSWORD)),
        B: client(app, await loginAs(app, emailOf('coordinatorB'), TEST_PASSWORD)),
      };
      world = { fx, owner: (s) => owners[s], reader: clients.reader, next: () => ++counter };
    });
    afterAll(async () => {
      await app.close();
      await tdb.dispose();
    });

    for (const role of MATRIX_ROLES) {
      describe(`as ${role}`, () => {
        for (const site of ['A', 'B'] as const) {
          const own = site === 'A';
          const where = own ? 'own site' : 'other site';
          for (const form of formNames) {
            for (const op of FORM_OPS) {
              const allowed = expectAllowed(reachOf(FORM_MATRIX[form][op], role), own);
              it(`${allowed ? 'may' : 'may not'} ${op} ${form} at the ${where}`, async () => {
                check(await runFormOp(world, clients[role], form, op, site), allowed);
              });
            }
          }
          for (const [op, row] of Object.entries(OTHER_MATRIX)) {
            const allowed = expectAllowed(reachOf(row, role), own);
            it(`${allowed ? 'may' : 'may not'} ${op} at the ${where}`, async () => {
              check(await runOtherOp(world, clients[role], op, site), allowed);
            });
          }
        }

        for (const [op, row] of Object.entries(STUDY_MATRIX)) {
          const allowed = expectAllowed(reachOf(row, role), true);
          it(`${allowed ? 'may' : 'may not'} ${op}`, async () => {
            const c = clients[role];
            const n = ++counter;
            let res: LightMyRequestResponse;
            switch (op) {
              case 'listSites':
                res = await c.get('/api/v1/sites');
                break;
              case 'createSite':
                res = await c.post('/api/v1/sites', { code: `M${String(n).padStart(3, '0')}`, name: `Matrix ${n}`, country: 'CN' });
                break;
              case 'updateSite': {
                const s = (await clients.admin.get(`/api/v1/sites/${fx.A.siteId}`)).json<{ version: number }>();
                res = await c.patch(`/api/v1/sites/${fx.A.siteId}`, { version: s.version, name: `Test site A ${n}` });
                break;
              }
              case 'listUsers':
                res = await c.get('/api/v1/users');
                break;
              case 'createUser':
                res = await c.post('/api/v1/users', { email: `m${n}@matrix.example`, role: 'monitor', password: 'Matrix-pass-1' });
                break;
              case 'updateUser': {
                const u = (await clients.admin.get(`/api/v1/users/${fx.users.monitor.id}`)).json<{ version: number }>();
                res = await c.patch(`/api/v1/users/${fx.users.monitor.id}`, { version: u.version, displayName: `Monitor ${n}` });
                break;
              }
              case 'me':
                res = await c.get('/api/v1/auth/me');
                break;
              case 'tokens':
                res = await c.get('/api/v1/auth/tokens');
                break;
              case 'analysisResults':
                res = await c.get('/api/v1/analysis/results');
                break;
              default:
                throw new Error(`unknown operation ${op}`);
            }
            check(res, allowed);
          });
        }
      });
    }

    it('refuses every endpoint without credentials (401)', async () => {
      const anon = client(app, null);
      for (const path of ['/api/v1/participants', '/api/v1/sites', '/api/v1/worklist', '/api/v1/exports', '/api/v1/audit']) {
        expect((await anon.get(path)).statusCode).toBe(401);
      }
      expect((await anon.post('/api/v1/follow-up-visits', {})).statusCode).toBe(401);
    });
  });
}
