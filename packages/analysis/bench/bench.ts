/**
 * `npm run bench:report`: seconds and peak memory of the report (`writeReport`: analysis dataset,
 * every analysis through @cmr-mass/stats, decision support, figures, HTML, CSV, JSON) on the demo
 * cohort of 2,000 (`cmr-mass demo` defaults: seed 1) and on a synthetic cohort of 100,000, with the
 * machine's core count. Targets (issue 6): under 2 s for 2,000; under 60 s and 2 GB for 100,000.
 *
 * Each size runs in its own child process, so that its peak RSS is its own. The synthetic cohort is
 * generated and turned into a snapshot first (timed apart: that is the generator's and the loader's
 * work, not the report's). The report is timed cold (first run in the process, as the CLI runs it)
 * and, for 2,000, warm (a second run). Options: `--sizes 2000,100000`, `--today YYYY-MM-DD`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const TODAY = arg('--today', '2026-06-30');
const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

interface ChildResult {
  readonly n: number;
  readonly participants: number;
  readonly generateS: number;
  readonly snapshotS: number;
  readonly rssBeforeReport: number;
  readonly reportColdS: number;
  readonly reportWarmS: number | null;
  readonly peakRss: number;
  readonly steps: readonly { readonly step: string; readonly s: number }[];
}

async function child(n: number): Promise<void> {
  // React's production build, as the CLI uses (the development build validates every element).
  process.env.NODE_ENV = 'production';
  const { generateCohort } = await import('@cmr-mass/synthetic');
  const { writeReport, coreDecisionSupport } = await import('../src/index.js');
  const { snapshotFromSynthetic } = await import('../src/testing/synthetic.js');
  let t = performance.now();
  const cohort = generateCohort({ participants: n, seed: 1, today: TODAY });
  const generateS = (performance.now() - t) / 1000;
  t = performance.now();
  const snapshot = snapshotFromSynthetic(cohort);
  const snapshotS = (performance.now() - t) / 1000;
  (cohort as { participants: unknown }).participants = [];
  globalThis.gc?.();
  const rssBeforeReport = process.memoryUsage().rss;
  const out = mkdtempSync(join(tmpdir(), 'cmr-mass-bench-'));
  const steps: { step: string; s: number }[] = [];
  let last = performance.now();
  let lastName = 'start';
  const onProgress = (step: string): void => {
    const now = performance.now();
    steps.push({ step: lastName, s: (now - last) / 1000 });
    last = now;
    lastName = step;
  };
  t = performance.now();
  await writeReport(snapshot, { outDir: out, decision: coreDecisionSupport(), onProgress });
  const reportColdS = (performance.now() - t) / 1000;
  steps.push({ step: lastName, s: (performance.now() - last) / 1000 });
  let reportWarmS: number | null = null;
  if (n <= 5000) {
    t = performance.now();
    await writeReport(snapshot, { outDir: out, decision: coreDecisionSupport() });
    reportWarmS = (performance.now() - t) / 1000;
  }
  rmSync(out, { recursive: true, force: true });
  const result: ChildResult = {
    n,
    participants: snapshot.casebooks.length,
    generateS,
    snapshotS,
    rssBeforeReport,
    reportColdS,
    reportWarmS,
    // maxRSS is in kilobytes.
    peakRss: process.resourceUsage().maxRSS * 1024,
    steps: steps.slice(1),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function parent(): void {
  const sizes = arg('--sizes', '2000,100000').split(',').map(Number);
  const here = fileURLToPath(import.meta.url);
  const runTs = resolve(here, '../../../cli/bin/run-ts.mjs');
  process.stdout.write(
    `bench:report on ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}; today = ${TODAY}\n`
  );
  for (const n of sizes) {
    const text = execFileSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=4096', runTs, here, '--child', String(n), '--today', TODAY],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'inherit'],
      }
    );
    const r = JSON.parse(text.trim().split('\n').pop()!) as ChildResult;
    const target = n <= 2000 ? 'target < 2 s' : 'target < 60 s and < 2 GB';
    process.stdout.write(
      [
        `\n${n.toLocaleString('en-US')} participants (${target})`,
        `  generate cohort ${r.generateS.toFixed(1)} s, snapshot ${r.snapshotS.toFixed(1)} s (not part of the report)`,
        `  report: ${r.reportColdS.toFixed(2)} s cold${r.reportWarmS === null ? '' : `, ${r.reportWarmS.toFixed(2)} s warm`}`,
        `  peak RSS ${gb(r.peakRss)} (RSS with the snapshot loaded, before the report: ${gb(r.rssBeforeReport)})`,
        `  steps: ${r.steps.map((s) => `${s.step} ${s.s.toFixed(2)} s`).join('; ')}`,
      ].join('\n') + '\n'
    );
  }
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) await child(Number(process.argv[childIndex + 1]));
else parent();
