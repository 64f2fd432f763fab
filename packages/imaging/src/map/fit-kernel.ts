import { createMolliPlan, fitMolliAt, type MolliOptions, type MolliPlan } from '../fit/molli.js';
import { createShmolliPlan, fitShmolliAt, type ShmolliPlan } from '../fit/shmolli.js';
import { newT1PixelFit } from '../fit/t1-pixel-fit.js';
import { createT2Plan, fitT2At, newT2PixelFit, type T2Options, type T2Plan } from '../fit/t2.js';

/** The per-pixel model a kernel job fits. */
export type KernelModel = 'molli' | 'shmolli' | 't2';

/**
 * A block of pixels to fit with one model and one set of times. Plain data (typed arrays and
 * JSON-able options) so that it can be posted to a worker thread.
 */
export interface KernelJob {
  readonly model: KernelModel;
  /** Times (ms), ascending. */
  readonly times: Float64Array;
  readonly molliOptions?: MolliOptions;
  readonly t2Options?: T2Options;
  /** `signals[p·n + i]`, n = times.length, for the job's pixels only. */
  readonly signals: Float64Array;
}

/** Per-pixel outputs of a {@link KernelJob}, same pixel order. */
export interface KernelResult {
  /** T1 or T2 (ms). */
  readonly value: Float64Array;
  readonly r2: Float64Array;
  /** MOLLI A, or T2 M0. */
  readonly a: Float64Array;
  /** MOLLI B (NaN for T2). */
  readonly b: Float64Array;
  /** MOLLI T1* (NaN for T2). */
  readonly tau: Float64Array;
  /** {@link FitStatus} codes. */
  readonly status: Uint8Array;
  /** Samples used (ShMOLLI 5/6/7; otherwise all). */
  readonly nUsed: Uint8Array;
  /** Leading samples negated by polarity restoration. */
  readonly nFlip: Uint8Array;
}

type Plan =
  { kind: 'molli'; plan: MolliPlan } | { kind: 'shmolli'; plan: ShmolliPlan } | { kind: 't2'; plan: T2Plan };

/**
 * Plans built so far, keyed by model, times and options: a job's chunks share one plan. One context
 * per thread (plans hold scratch space).
 */
export interface KernelContext {
  readonly plans: Map<string, Plan>;
}

/** A fresh, empty {@link KernelContext}. */
export function newKernelContext(): KernelContext {
  return { plans: new Map() };
}

function planFor(ctx: KernelContext, job: KernelJob): Plan {
  const key = `${job.model}|${Array.from(job.times).join(',')}|${JSON.stringify(job.molliOptions ?? {})}|${JSON.stringify(job.t2Options ?? {})}`;
  let plan = ctx.plans.get(key);
  if (!plan) {
    if (job.model === 'molli') plan = { kind: 'molli', plan: createMolliPlan(job.times, job.molliOptions) };
    else if (job.model === 'shmolli') {
      plan = { kind: 'shmolli', plan: createShmolliPlan(job.times, job.molliOptions) };
    } else plan = { kind: 't2', plan: createT2Plan(job.times, job.t2Options) };
    if (ctx.plans.size > 16) ctx.plans.clear();
    ctx.plans.set(key, plan);
  }
  return plan;
}

/**
 * Fits every pixel of a job. Pure apart from the plan cache in `ctx`; this is the loop that runs
 * both inline and in worker threads.
 */
export function runKernel(job: KernelJob, ctx: KernelContext = newKernelContext()): KernelResult {
  const n = job.times.length;
  const count = Math.floor(job.signals.length / n);
  const res: KernelResult = {
    value: new Float64Array(count),
    r2: new Float64Array(count),
    a: new Float64Array(count),
    b: new Float64Array(count),
    tau: new Float64Array(count),
    status: new Uint8Array(count),
    nUsed: new Uint8Array(count),
    nFlip: new Uint8Array(count),
  };
  const plan = planFor(ctx, job);
  const src = job.signals;
  if (plan.kind === 't2') {
    const out = newT2PixelFit();
    for (let p = 0; p < count; p++) {
      fitT2At(plan.plan, src, p * n, out);
      res.value[p] = out.t2;
      res.r2[p] = out.r2;
      res.a[p] = out.m0;
      res.b[p] = Number.NaN;
      res.tau[p] = Number.NaN;
      res.status[p] = out.status;
      res.nUsed[p] = n;
      res.nFlip[p] = 0;
    }
    return res;
  }
  const out = newT1PixelFit();
  for (let p = 0; p < count; p++) {
    if (plan.kind === 'molli') fitMolliAt(plan.plan, src, p * n, out);
    else fitShmolliAt(plan.plan, src, p * n, out);
    res.value[p] = out.t1;
    res.r2[p] = out.r2;
    res.a[p] = out.a;
    res.b[p] = out.b;
    res.tau[p] = out.t1Star;
    res.status[p] = out.status;
    res.nUsed[p] = out.nUsed;
    res.nFlip[p] = out.nFlip;
  }
  return res;
}
