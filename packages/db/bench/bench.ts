/**
 * Audited writes per second through the repositories, in process (no HTTP): `npm run bench --workspace
 * packages/db [-- --writes N --concurrency C --only sqlite|postgres --match TEXT]`. Each write creates a dated
 * record (a treatment) for one of 200 participants, so it runs the whole path: access check, parse,
 * participant lock, record rules, the casebook date query, insert, audit append. PostgreSQL runs when
 * DATABASE_URL is set. Prints figures with the machine's core count; asserts nothing.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Repository } from '../src/repo/repository.js';
import { verifyAuditChain } from '../src/audit/verify.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../src/testing/test-database.js';
import { seedStudy, testContext } from '../src/testing/fixtures.js';
import type { OpenOptions } from '../src/handle/open.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const WRITES = Number(arg('writes', '4000'));
const CONCURRENCY = Number(arg('concurrency', '32'));
const ONLY = arg('only', '');
const MATCH = arg('match', '');
const PARTICIPANTS = 200;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function run(label: string, tdb: TestDatabase): Promise<void> {
  const study = await seedStudy(tdb.handle);
  const staff = new Repository(tdb.handle, { ...testContext(study.actors.coordinatorA), newId: randomUUID });
  const participants: string[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const p = await staff.create('participant', { siteId: study.siteA.id, birthYear: 1950 + (i % 50) });
    await staff.create('cmr_exam', { participantId: p.record.id, kind: 'baseline', examDate: '2025-01-10' });
    participants.push(p.record.id);
  }
  const latencies: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= WRITES) return;
      const t0 = performance.now();
      await staff.create('treatment', {
        participantId: participants[i % PARTICIPANTS]!,
        type: 'anticoagulation',
        startDate: '2025-02-01',
        anticoagulant: 'doac',
      });
      latencies.push(performance.now() - t0);
    }
  };
  const raw = tdb.handle.raw;
  const stats0 = raw.dialect === 'sqlite' ? raw.stats() : null;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerWrite = (cpu.user + cpu.system) / 1000 / WRITES;
  latencies.sort((a, b) => a - b);
  const v = await verifyAuditChain(tdb.handle);
  const stats1 = raw.dialect === 'sqlite' ? raw.stats() : null;
  const batches =
    stats0 && stats1
      ? `, ${((stats1.transactions - stats0.transactions) / Math.max(1, stats1.commits - stats0.commits)).toFixed(1)} writes/COMMIT`
      : '';
  console.log(
    `${label.padEnd(34)} ${(WRITES / seconds).toFixed(0).padStart(6)} writes/s   p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   CPU ${cpuMsPerWrite.toFixed(3)} ms/write (${(1000 / cpuMsPerWrite).toFixed(0)}/s per CPU-second)   chain ${v.ok ? 'ok' : 'BROKEN'} (${v.rows} rows)${batches}`
  );
}

console.log(
  `db bench: ${WRITES} audited writes, ${CONCURRENCY} concurrent, ${PARTICIPANTS} participants; ` +
    `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg()[0]!.toFixed(1)}, Node ${process.version}`
);
const variants: { label: string; dialect: 'sqlite' | 'postgres'; options: OpenOptions }[] = [
  { label: 'sqlite synchronous=FULL, group commit', dialect: 'sqlite', options: {} },
  { label: 'sqlite synchronous=FULL, no group', dialect: 'sqlite', options: { groupCommit: false } },
  {
    label: 'sqlite synchronous=NORMAL, no group',
    dialect: 'sqlite',
    options: { synchronous: 'normal', groupCommit: false },
  },
  {
    label: 'sqlite synchronous=OFF (CPU only)',
    dialect: 'sqlite',
    options: { synchronous: 'off', groupCommit: false },
  },
  { label: 'postgres (pool 10)', dialect: 'postgres', options: { poolSize: 10 } },
];
for (const v of variants) {
  if ((ONLY && v.dialect !== ONLY) || (MATCH && !v.label.includes(MATCH))) continue;
  if (!testDialects().includes(v.dialect)) {
    console.log(`${v.label.padEnd(34)} skipped (DATABASE_URL is not set)`);
    continue;
  }
  const tdb = await createTestDatabase(v.dialect, v.options);
  try {
    await run(v.label, tdb);
  } finally {
    await tdb.dispose();
  }
}
