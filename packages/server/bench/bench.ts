/**
 * `npm run bench:api`: audited writes and reads of the registry API under load, on SQLite and (when
 * DATABASE_URL names a PostgreSQL server) on PostgreSQL. For each database a server process is
 * started on loopback with a synthetic cohort (bench-server.ts), and autocannon, in this process,
 * sends at 32 connections:
 *
 * - PATCH /api/v1/follow-up-visits/:id (session cookie + CSRF token; each one an audited write with
 *   optimistic concurrency, plausibility rules and the hash-chained audit trail), then
 * - GET /api/v1/participants (a page of 50).
 *
 * It prints requests per second, p50/p99 latency and the machine's core count. Target (issue 3):
 * at least 1,500 audited writes/s with p99 under 50 ms on SQLite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The parts of autocannon's API and result this script uses (autocannon ships no types). */
interface CannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}
interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<CannonResult>;

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;

const CONNECTIONS = 32;
const DURATION = Number(process.env.BENCH_SECONDS ?? '10');
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? '400');
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Ready {
  url: string;
  cookie: string;
  csrf: string;
  visits: [string, number][];
  seedSeconds: number;
  dialect: string;
}

/** CPU time of the server process and the requests it answered, read with SIGUSR2. */
interface Usage {
  cpuMs: number;
  requests: number;
}

/** Starts bench-server.ts on a database and waits for its JSON line. */
async function startServer(
  databaseUrl: string
): Promise<{ child: ChildProcess; ready: Ready; usage: () => Promise<Usage> }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'packages/cli/bin/run-ts.mjs'), join(ROOT, 'packages/server/bench/bench-server.ts'), databaseUrl, String(PARTICIPANTS)],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  );
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`bench server exited (${code ?? 'signal'})`));
    });
    lines.once('line', (line) => {
      resolve(JSON.parse(line) as Ready);
    });
  });
  const usage = (): Promise<Usage> =>
    new Promise((resolve) => {
      lines.once('line', (line) => {
        resolve(JSON.parse(line) as Usage);
      });
      child.kill('SIGUSR2');
    });
  return { child, ready, usage };
}

/** Runs `work` and returns its result with the server's CPU milliseconds per request meanwhile. */
async function measured(usage: () => Promise<Usage>, work: () => Promise<CannonResult>): Promise<[CannonResult, number]> {
  const before = await usage();
  const result = await work();
  const after = await usage();
  return [result, (after.cpuMs - before.cpuMs) / Math.max(1, after.requests - before.requests)];
}

/** Audited writes: PATCH follow-up contacts round-robin, each with the version it last saw. */
async function writes(r: Ready): Promise<CannonResult> {
  const versions = new Map(r.visits);
  const last = new Map<string, number>();
  let next = 0;
  return autocannon({
    url: r.url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: 'PATCH',
        setupRequest: (req: CannonRequest): CannonRequest => {
          const [id] = r.visits[next++ % r.visits.length]!;
          const value = 30 + (((last.get(id) ?? 0) + 1) % 40);
          last.set(id, value);
          req.path = `/api/v1/follow-up-visits/${id}`;
          req.headers = {
            'content-type': 'application/json',
            cookie: `cmr_mass_session=${r.cookie}`,
            'x-csrf-token': r.csrf,
          };
          req.body = JSON.stringify({ version: versions.get(id), lvefPercent: value, reason: 'bench' });
          return req;
        },
        onResponse: (status: number, body: string): void => {
          if (status !== 200) return;
          const rec = (JSON.parse(body) as { record: { id: string; version: number } }).record;
          versions.set(rec.id, rec.version);
        },
      },
    ],
  });
}

/** Reads: the first page of the participant list. */
function reads(r: Ready): Promise<CannonResult> {
  return autocannon({
    url: `${r.url}/api/v1/participants?pageSize=50`,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { cookie: `cmr_mass_session=${r.cookie}` },
  });
}

function line(label: string, x: CannonResult, cpuMs: number): string {
  const bad = x.non2xx + x.errors + x.timeouts;
  return `${label.padEnd(34)} ${x.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(x.latency.p50).padStart(4)} ms   p99 ${String(x.latency.p99).padStart(4)} ms   server CPU ${cpuMs.toFixed(2)} ms/req   ${x['2xx']} ok${bad ? `, ${bad} failed` : ''}`;
}

async function run(name: string, databaseUrl: string): Promise<void> {
  const { child, ready, usage } = await startServer(databaseUrl);
  try {
    console.log(`\n${name}: ${ready.visits.length / 6} participants, ${ready.visits.length} follow-up contacts (loaded in ${ready.seedSeconds.toFixed(1)} s)`);
    await autocannon({ url: `${ready.url}/api/v1/meta`, connections: 8, duration: 2 });
    const [w, wCpu] = await measured(usage, () => writes(ready));
    console.log(line('PATCH follow-up visit (audited)', w, wCpu));
    const [rd, rCpu] = await measured(usage, () => reads(ready));
    console.log(line('GET participants (page of 50)', rd, rCpu));
    const ok = w.requests.average >= 1500 && w.latency.p99 < 50;
    if (name === 'SQLite') console.log(`target (>= 1,500 writes/s, p99 < 50 ms): ${ok ? 'met' : 'NOT met'}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

console.log(`cmr-mass API bench: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`autocannon, ${CONNECTIONS} connections, ${DURATION} s per run, on loopback; the server is a separate process`);

const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-bench-'));
try {
  await run('SQLite', join(dir, 'bench.sqlite'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const admin = process.env.DATABASE_URL?.trim();
if (admin && /^postgres(ql)?:\/\//i.test(admin)) {
  const name = `cmr_mass_bench_${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: admin, max: 1 });
  await pool.query(`CREATE DATABASE ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  try {
    await run('PostgreSQL', u.toString());
  } finally {
    await pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await pool.end();
  }
} else {
  console.log('\nPostgreSQL: skipped (set DATABASE_URL=postgres://... to run it)');
}
