/**
 * `npm run bench:report`: seconds and peak memory of the report (`writeReport`: the analysis dataset
 * with core's decision support, every analysis through @cmr-mass/stats, figures, HTML, CSV, JSON) on
 * the demo cohort of 2,000 (`cmr-mass demo` defaults: seed 1) and on a synthetic cohort of 100,000,
 * with the machine's core count and load. Targets (issue 6): under 2 s for 2,000; under 60 s and
 * 2 GB for 100,000.
 *
 * For each size, one child process generates the cohort and writes its casebooks to a temporary
 * NDJSON file (not timed: that is the generator's work); a second child streams them back as the
 * snapshot, one casebook in memory at a time as a database cursor would, and writes the report. Its
 * time and peak RSS are the report's. The 2,000 report is also timed warm (a second run in the same
 * process). Options: `--sizes 2000,100000`, `--today YYYY-MM-DD`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readNdjson, writeNdjson } from './ndjson.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const TODAY = arg('--today', '2026-06-30');
const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

interface Meta {
  readonly sites: readonly { code: string; name: string; country: string }[];
  readonly takenAt: string;
  readonly key: string;
  readonly label: string;
  readonly participants: number;
  readonly generateS: number;
}

interface ReportResult {
  readonly coldS: number;
  /** CPU seconds (user + system, all threads) of the cold run: on a shared machine, closer to the wall time it would take alone. */
  readonly coldCpuS: number;
  readonly warmS: number | null;
  readonly peakRss: number;
  readonly steps: readonly { readonly step: string; readonly s: number }[];
}

async function generate(n: number, file: string, metaFile: string): Promise<void> {
  const { generateCohort } = await import('@cmr-mass/synthetic');
  const { snapshotFromSynthetic } = await import('../src/testing/synthetic.js');
  const t = performance.now();
  const snapshot = snapshotFromSynthetic(generateCohort({ participants: n, seed: 1, today: TODAY }));
  const generateS = (performance.now() - t) / 1000;
  const count = writeNdjson(file, snapshot.casebooks);
  const meta: Meta = {
    sites: snapshot.sites,
    takenAt: snapshot.takenAt,
    key: snapshot.key,
    label: snapshot.synthetic?.label ?? '',
    participants: count,
    generateS,
  };
  writeFileSync(metaFile, JSON.stringify(meta));
}

async function report(file: string, metaFile: string, warm: boolean): Promise<void> {
  // React's production build, as the CLI uses it.
  process.env.NODE_ENV = 'production';
  const { writeReport, coreDecisionSupport } = await import('../src/index.js');
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
  const snapshot = {
    sites: meta.sites,
    casebooks: readNdjson(file),
    takenAt: meta.takenAt,
    key: meta.key,
    synthetic: { label: meta.label },
  };
  const out = mkdtempSync(join(tmpdir(), 'cmr-mass-bench-'));
  const steps: { step: string; s: number }[] = [];
  let last = performance.now();
  let name = '';
  const onProgress = (step: string): void => {
    const now = performance.now();
    if (name) steps.push({ step: name, s: (now - last) / 1000 });
    last = now;
    name = step;
  };
  let t = performance.now();
  const cpu0 = process.cpuUsage();
  await writeReport(snapshot, { outDir: out, decision: coreDecisionSupport(), onProgress });
  const coldS = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const coldCpuS = (cpu.user + cpu.system) / 1e6;
  steps.push({ step: name, s: (performance.now() - last) / 1000 });
  let warmS: number | null = null;
  if (warm) {
    t = performance.now();
    await writeReport(snapshot, { outDir: out, decision: coreDecisionSupport() });
    warmS = (performance.now() - t) / 1000;
  }
  rmSync(out, { recursive: true, force: true });
  // maxRSS is in kilobytes.
  const result: ReportResult = {
    coldS,
    coldCpuS,
    warmS,
    peakRss: process.resourceUsage().maxRSS * 1024,
    steps,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function run(args: readonly string[]): string {
  const here = fileURLToPath(import.meta.url);
  const runTs = resolve(here, '../../../cli/bin/run-ts.mjs');
  return execFileSync(
    process.execPath,
    ['--max-old-space-size=6144', runTs, here, ...args, '--today', TODAY],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    }
  );
}

function parent(): void {
  const sizes = arg('--sizes', '2000,100000').split(',').map(Number);
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  process.stdout.write(
    `bench:report on ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores (load average ${load}), Node ${process.version}; today = ${TODAY}\n`
  );
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-bench-data-'));
    try {
      const file = join(dir, 'casebooks.ndjson');
      const metaFile = join(dir, 'meta.json');
      run(['--generate', String(n), '--file', file, '--meta', metaFile]);
      const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
      const r = JSON.parse(
        run(['--report', '--file', file, '--meta', metaFile, ...(n <= 5000 ? ['--warm'] : [])])
          .trim()
          .split('\n')
          .pop()!
      ) as ReportResult;
      const target = n <= 2000 ? 'target < 2 s' : 'target < 60 s and < 2 GB';
      process.stdout.write(
        [
          `\n${n.toLocaleString('en-US')} participants (${meta.participants.toLocaleString('en-US')} casebooks; ${target})`,
          `  report: ${r.coldS.toFixed(2)} s cold (CPU ${r.coldCpuS.toFixed(2)} s)${r.warmS === null ? '' : `, ${r.warmS.toFixed(2)} s warm`}; peak RSS ${gb(r.peakRss)}`,
          `  steps: ${r.steps.map((s) => `${s.step} ${s.s.toFixed(2)} s`).join('; ')}`,
          `  (generating the cohort took ${meta.generateS.toFixed(1)} s in another process, not counted)`,
        ].join('\n') + '\n'
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}\n`
  );
}

const gen = process.argv.indexOf('--generate');
if (gen >= 0) await generate(Number(process.argv[gen + 1]), arg('--file', ''), arg('--meta', ''));
else if (process.argv.includes('--report')) {
  await report(arg('--file', ''), arg('--meta', ''), process.argv.includes('--warm'));
} else parent();
