import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { FitStatus } from '../fit/fit-status.js';
import type { SliceStack } from '../series/load-slices.js';
import { autoMask, type MaskInfo } from './auto-mask.js';
import {
  newKernelContext,
  runKernel,
  type KernelJob,
  type KernelModel,
  type KernelResult,
} from './fit-kernel.js';
import type { MapSlice, RunControl } from './map-result.js';
import { WorkerPool } from './worker-pool.js';

/** Which pixels to fit and where to run. */
export interface FitRunOptions {
  /**
   * Label image: pixels whose label is not 0 are fitted. Either rows·columns (the same for every
   * slice) or rows·columns·slices (slice after slice). Without it the engine chooses
   * ({@link autoMask}).
   */
  readonly mask?: Uint8Array;
  /** Worker threads: 1 fits on the calling thread. Default `os.availableParallelism()`. */
  readonly threads?: number;
  /** A pool to reuse (the server keeps one); otherwise one is made and closed per call. */
  readonly pool?: WorkerPool;
}

/** Pixels per job: big enough to amortise messaging, small enough for smooth progress. */
const CHUNK = 4096;
/** Below this many pixels in total, fitting inline beats starting workers. */
const MIN_PIXELS_FOR_POOL = 8192;

function maskFor(
  stack: SliceStack,
  sliceOrdinal: number,
  options: FitRunOptions
): { mask: Uint8Array; info: MaskInfo } {
  const nPix = stack.geometry.rows * stack.geometry.columns;
  const given = options.mask;
  if (given) {
    let labels: Uint8Array;
    if (given.length === nPix) labels = given;
    else if (given.length % nPix === 0 && given.length / nPix > sliceOrdinal) {
      labels = given.subarray(sliceOrdinal * nPix, (sliceOrdinal + 1) * nPix);
    } else {
      throw new RangeError(
        `mask: ${given.length} bytes, expected rows x columns = ${stack.geometry.rows} x ${stack.geometry.columns} = ${nPix} (or that times the number of slices)`
      );
    }
    const mask = new Uint8Array(nPix);
    for (let p = 0; p < nPix; p++) mask[p] = labels[p] !== 0 ? 1 : 0;
    return {
      mask,
      info: { kind: 'labels', description: 'given label image: pixels with a label other than 0' },
    };
  }
  return autoMask(stack.signals, stack.times.length);
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted', 'AbortError');
}

/**
 * Fits one model to every selected pixel of every slice, inline or on a worker pool, reporting
 * progress per chunk and stopping at the next chunk boundary when `signal` aborts (in-flight chunks
 * finish; their results are discarded).
 *
 * @returns per slice: the compact results and the indices of the fitted pixels
 */
export async function fitStacks(
  stacks: readonly SliceStack[],
  model: (stack: SliceStack) => {
    readonly model: KernelModel;
    readonly job: Omit<KernelJob, 'signals' | 'model' | 'times'>;
  },
  options: FitRunOptions,
  control: RunControl
): Promise<
  {
    readonly stack: SliceStack;
    readonly pixels: Int32Array;
    readonly result: KernelResult;
    readonly mask: MaskInfo;
  }[]
> {
  const plans = stacks.map((stack, ordinal) => {
    const { mask, info } = maskFor(stack, ordinal, options);
    let count = 0;
    for (let p = 0; p < mask.length; p++) count += mask[p]!;
    const pixels = new Int32Array(count);
    for (let p = 0, j = 0; p < mask.length; p++) if (mask[p]) pixels[j++] = p;
    return { stack, pixels, info, spec: model(stack) };
  });
  const total = plans.reduce((s, p) => s + p.pixels.length, 0);
  const threads = options.threads ?? availableParallelism();
  const usePool = options.pool !== undefined || (threads > 1 && total >= MIN_PIXELS_FOR_POOL);
  const pool = usePool ? (options.pool ?? new WorkerPool(threads)) : undefined;
  const ownPool = pool !== undefined && options.pool === undefined;
  const signal = control.signal;
  let done = 0;
  control.onProgress?.({ stage: 'fit', done, total });
  const ctx = newKernelContext();
  try {
    const outputs = [];
    for (const plan of plans) {
      const { stack, pixels, spec } = plan;
      const n = stack.times.length;
      const count = pixels.length;
      const result: KernelResult = {
        value: new Float64Array(count),
        r2: new Float64Array(count),
        a: new Float64Array(count),
        b: new Float64Array(count),
        tau: new Float64Array(count),
        status: new Uint8Array(count).fill(FitStatus.notFitted),
        nUsed: new Uint8Array(count),
        nFlip: new Uint8Array(count),
      };
      const chunkJob = (start: number, end: number): KernelJob => {
        const signals = new Float64Array((end - start) * n);
        for (let j = start; j < end; j++) {
          const p = pixels[j]!;
          signals.set(stack.signals.subarray(p * n, p * n + n), (j - start) * n);
        }
        return { ...spec.job, model: spec.model, times: stack.times, signals };
      };
      const store = (start: number, r: KernelResult): void => {
        result.value.set(r.value, start);
        result.r2.set(r.r2, start);
        result.a.set(r.a, start);
        result.b.set(r.b, start);
        result.tau.set(r.tau, start);
        result.status.set(r.status, start);
        result.nUsed.set(r.nUsed, start);
        result.nFlip.set(r.nFlip, start);
        done += r.value.length;
        control.onProgress?.({ stage: 'fit', done, total });
      };
      if (pool) {
        const inFlight = new Set<Promise<void>>();
        const limit = pool.size * 2;
        for (let start = 0; start < count; start += CHUNK) {
          if (signal?.aborted) break;
          const end = Math.min(count, start + CHUNK);
          const p: Promise<void> = pool.run(chunkJob(start, end)).then((r) => {
            store(start, r);
          });
          const tracked = p.finally(() => inFlight.delete(tracked));
          inFlight.add(tracked);
          if (inFlight.size >= limit) await Promise.race(inFlight);
        }
        await Promise.all(inFlight);
      } else {
        for (let start = 0; start < count; start += CHUNK) {
          if (signal?.aborted) break;
          const end = Math.min(count, start + CHUNK);
          store(start, runKernel(chunkJob(start, end), ctx));
          // Let timers and I/O (e.g. an abort) run between chunks.
          await yieldToEventLoop();
        }
      }
      if (signal?.aborted) throw abortError(signal);
      outputs.push({ stack, pixels, result, mask: plan.info });
    }
    return outputs;
  } finally {
    if (ownPool) await pool.close();
  }
}

/** Scatters compact kernel results into full-size float32 images. */
export function scatter(
  nPix: number,
  pixels: Int32Array,
  values: Float64Array,
  keep?: Uint8Array
): Float32Array {
  const out = new Float32Array(nPix).fill(Number.NaN);
  for (let j = 0; j < pixels.length; j++) {
    if (keep && keep[j] !== FitStatus.ok) continue;
    out[pixels[j]!] = values[j]!;
  }
  return out;
}

/** Builds the {@link MapSlice} common fields from a fitted stack. */
export function sliceFromFit(
  fitted: {
    readonly stack: SliceStack;
    readonly pixels: Int32Array;
    readonly result: KernelResult;
    readonly mask: MaskInfo;
  },
  modelName: string,
  parameters: Readonly<Record<string, Float64Array>>,
  warnings: string[]
): MapSlice {
  const { stack, pixels, result } = fitted;
  const nPix = stack.geometry.rows * stack.geometry.columns;
  const values = scatter(nPix, pixels, result.value, result.status);
  const status = new Uint8Array(nPix).fill(FitStatus.notFitted);
  for (let j = 0; j < pixels.length; j++) status[pixels[j]!] = result.status[j]!;
  let valid = 0;
  for (let p = 0; p < nPix; p++) if (Number.isFinite(values[p]!)) valid++;
  const params: Record<string, Float32Array> = {};
  for (const [k, v] of Object.entries(parameters)) params[k] = scatter(nPix, pixels, v);
  return {
    index: stack.index,
    geometry: stack.geometry,
    values,
    r2: scatter(nPix, pixels, result.r2),
    status,
    parameters: params,
    times: Array.from(stack.times),
    timeSource: stack.timeSource,
    fittedPixels: pixels.length,
    validPixels: valid,
    mask: fitted.mask,
    model: modelName,
    warnings,
    template: stack.images[0],
  };
}
