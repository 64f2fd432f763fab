/**
 * The server side of `npm run bench:api`, run as its own process (so that autocannon, in the parent,
 * does not share its event loop): opens and migrates the database named on the command line, loads a
 * cohort of enrolled participants with six follow-up contacts each through `db`'s repositories, logs
 * in a coordinator, listens on a free loopback port, and prints one JSON line with what the load
 * generator needs. Runs until it is sent SIGTERM.
 *
 * usage: bench-server.ts DATABASE_URL PARTICIPANTS
 */
import { randomUUID } from 'node:crypto';
import { addDays, addMonths, VISIT_MONTHS } from '@cmr-mass/core';
import { migrateToLatest, openDatabase, Repository, type DbHandle, type RepoContext } from '@cmr-mass/db';
import { buildApp, createUser, systemActor } from '../src/index.js';
import { loginAs } from '../src/testing/client.js';

const [url, countText] = process.argv.slice(2);
if (!url) throw new Error('usage: bench-server.ts DATABASE_URL PARTICIPANTS');
const participants = Number(countText ?? '400');

const EMAIL = 'bench.coordinator@bench.cmr-mass.example';
const PASSWORD = 'Bench-password-1';

/** Loads `n` enrolled participants with a baseline CMR and six reached follow-up contacts each. */
async function seed(handle: DbHandle, n: number): Promise<{ visits: [string, number][]; siteId: string }> {
  const system: RepoContext = { actor: systemActor('bench'), now: () => new Date(), newId: randomUUID };
  const admin = new Repository(handle, system);
  const site = await admin.createSite({ code: 'BN01', name: 'Bench site', country: 'CN', timeZone: 'UTC' });
  await admin.createSite({ code: 'BN02', name: 'Bench site 2', country: 'GB', timeZone: 'UTC' });
  const user = await createUser(handle, system, { email: EMAIL, role: 'coordinator', siteId: site.id, password: PASSWORD });
  const repo = new Repository(handle, {
    actor: { userId: user.id, role: 'coordinator', siteId: site.id, display: EMAIL },
    now: () => new Date(),
    newId: randomUUID,
  });
  const visits: [string, number][] = [];
  const one = async (i: number): Promise<void> => {
    const baseline = addDays('2020-01-06', (i * 7) % 700);
    const p = await repo.create('participant', { siteId: site.id, sex: i % 2 ? 'female' : 'male', birthYear: 1940 + (i % 50) });
    const pid = p.record.id;
    await repo.create('eligibility', { participantId: pid, assessedDate: baseline, cmrScheduledOrDone: true, consent: 'written' });
    await repo.create('cmr_exam', { participantId: pid, kind: 'baseline', examDate: baseline, fieldStrengthT: 3 });
    for (const month of VISIT_MONTHS) {
      const v = await repo.create('follow_up_visit', {
        participantId: pid,
        visitMonth: month,
        contactDate: addMonths(baseline, month),
        mode: 'telephone',
        contactOutcome: 'reached',
        vitalStatus: 'alive',
        newEvents: false,
      });
      visits.push([v.record.id, v.record.version]);
    }
  };
  const concurrency = 16;
  for (let i = 0; i < n; i += concurrency) {
    await Promise.all(Array.from({ length: Math.min(concurrency, n - i) }, (_, k) => one(i + k)));
  }
  return { visits, siteId: site.id };
}

const handle = openDatabase(url);
await migrateToLatest(handle);
const started = performance.now();
const { visits } = await seed(handle, participants);
const seedSeconds = (performance.now() - started) / 1000;
const app = await buildApp({ handle, webDist: null, logger: false, loginRateLimit: { max: 1000 } });
let requests = 0;
app.addHook('onResponse', (_req, _reply, done) => {
  requests += 1;
  done();
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
const session = await loginAs(app, EMAIL, PASSWORD);
process.stdout.write(
  `${JSON.stringify({ url: `http://127.0.0.1:${port}`, cookie: session.cookie, csrf: session.csrfToken, visits, seedSeconds, dialect: handle.dialect })}\n`
);
// SIGUSR2: print the process's CPU time and the requests answered so far, so that the bench can
// report CPU milliseconds per request, a figure less sensitive than throughput to a busy machine.
process.on('SIGUSR2', () => {
  const cpu = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, requests })}\n`);
});
process.once('SIGTERM', () => {
  void app.close().then(() => handle.close()).then(() => process.exit(0));
});
