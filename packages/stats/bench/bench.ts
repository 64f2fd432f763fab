/**
 * `npm run bench:stats`: times the engines on a seeded synthetic cohort of N = 100,000 with five
 * covariates, next to R's timings of the same calls on this machine (survival 3.5-3, pROC 1.18).
 *
 * Options: `--n N` (default 100000), `--runs K` (default 5; the median is printed), `--csv FILE`
 * (also write the data set, for bench/bench.R to time R on exactly the same rows).
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { coxPh, kaplanMeier, logrank, roc, type Grouping } from '../src/index.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const N = Number(arg('--n', '100000'));
const RUNS = Number(arg('--runs', '5'));
const CSV = arg('--csv', '');

/** Mulberry32: a small, fast, seeded 32-bit generator (deterministic data across runs). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeCohort(n: number) {
  const rand = mulberry32(20261127);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const beta = [0.4, -0.3, 0.2, 0.5, -0.1];
  const time = new Float64Array(n);
  const status = new Uint8Array(n);
  const codes = new Int32Array(n);
  const marker = new Float64Array(n);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const x = [normal(), normal(), rand() < 0.4 ? 1 : 0, Math.round(rand() * 4), 40 + 30 * rand()];
    const lp = x.reduce((s, v, j) => s + v * beta[j]!, 0) - 0.1 * 55;
    const t = -Math.log(1 - rand()) / (0.05 * Math.exp(lp));
    const c = 30 * rand();
    time[i] = Math.round(Math.min(t, c) * 10) / 10; // one decimal: realistic ties
    status[i] = t <= c ? 1 : 0;
    codes[i] = Math.floor(rand() * 3);
    marker[i] = lp + normal();
    rows.push(x);
  }
  const columns = [0, 1, 2, 3, 4].map((j) => Float64Array.from(rows, (r) => r[j]!));
  return { time, status, rows, columns, group: { codes, labels: ['a', 'b', 'c'] } as Grouping, marker };
}

const data = makeCohort(N);
const names = ['x1', 'x2', 'x3', 'x4', 'x5'];
const response = Array.from(data.status, (s) => s);

if (CSV) {
  const lines = ['time,status,x1,x2,x3,x4,x5,group,marker'];
  for (let i = 0; i < N; i++) {
    lines.push(
      [
        data.time[i],
        data.status[i],
        ...data.rows[i]!,
        data.group.labels[data.group.codes[i]!],
        data.marker[i],
      ].join(',')
    );
  }
  writeFileSync(CSV, `${lines.join('\n')}\n`);
}

/** Median and minimum wall time in seconds over RUNS runs after one warm-up run. */
function timings(f: () => unknown): { median: number; min: number } {
  f(); // warm-up (JIT)
  const t: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    f();
    t.push((performance.now() - start) / 1000);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)]!, min: t[0]! };
}

const tasks: { label: string; r: number; f: () => unknown }[] = [
  {
    label: 'Cox PH, Efron ties, 5 covariates (+ concordance)',
    r: 0.36,
    f: () => coxPh({ time: data.time, status: data.status, columns: data.columns, names, ties: 'efron' }),
  },
  {
    label: 'Kaplan-Meier by 3 groups (+ table, quantiles)',
    r: 0.12,
    f: () => kaplanMeier({ time: data.time, status: data.status, group: data.group }),
  },
  {
    label: 'log-rank, 3 groups',
    r: 0.09,
    f: () => logrank({ time: data.time, status: data.status, group: data.group }),
  },
  {
    label: 'ROC + DeLong variance/CI (+ Youden, full curve)',
    r: 0.05,
    f: () => roc(data.marker, response, { levels: ['0', '1'], direction: '<' }),
  },
];

const cores = availableParallelism();
console.log(`bench:stats  N = ${N}, 5 covariates; median (and minimum) of ${RUNS} runs after a warm-up`);
console.log(
  `machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`
);
console.log(
  'R column: R 4.2.2 on this machine as given in the issue (bench/bench.R times R on these very rows)'
);
console.log('');
console.log('task                                                 TS median (min)     R (s)   R / TS median');
for (const task of tasks) {
  const t = timings(task.f);
  console.log(
    `${task.label.padEnd(52)} ${t.median.toFixed(3).padStart(6)} (${t.min.toFixed(3)})   ${task.r.toFixed(2).padStart(6)}   ${(task.r / t.median).toFixed(1).padStart(5)}x`
  );
}
