/**
 * Times the synthetic demo load: `node packages/cli/bin/run-ts.mjs packages/synthetic/bench/load-bench.ts
 * [--participants N] [--db URL]`. Prints generation and load wall and CPU seconds with the core count
 * and load average; asserts nothing.
 */
import { rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { migrateToLatest, openDatabase } from '@cmr-mass/db';
import { generateCohort } from '../src/cohort.js';
import { loadCohort } from '../src/load.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const N = Number(arg('participants', '2000'));
const URL = arg('db', '/tmp/cmr-mass-load-bench.sqlite');
if (!URL.startsWith('postgres')) for (const s of ['', '-wal', '-shm']) rmSync(URL + s, { force: true });

const cpuSeconds = (c: NodeJS.CpuUsage): number => (c.user + c.system) / 1e6;
let t = performance.now();
let c = process.cpuUsage();
const cohort = generateCohort({ participants: N, seed: 1, today: '2026-06-01' });
const gen = { wall: (performance.now() - t) / 1000, cpu: cpuSeconds(process.cpuUsage(c)) };
const handle = openDatabase(URL, { synchronous: 'normal' });
await migrateToLatest(handle);
t = performance.now();
c = process.cpuUsage();
const report = await loadCohort(handle, cohort, { participantsPerBatch: Number(arg('batch', '25')) });
const load = { wall: (performance.now() - t) / 1000, cpu: cpuSeconds(process.cpuUsage(c)) };
if (handle.raw.dialect === 'sqlite') console.log(handle.raw.stats());
await handle.close();
console.log(
  `cores ${availableParallelism()}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; ` +
    `${N} participants, ${report.records} records; generate ${gen.wall.toFixed(2)} s wall ${gen.cpu.toFixed(2)} s CPU; ` +
    `load ${load.wall.toFixed(2)} s wall ${load.cpu.toFixed(2)} s CPU (${((load.cpu / report.records) * 1000).toFixed(3)} ms CPU/record)`
);
