import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { KernelJob, KernelResult } from './fit-kernel.js';
import type { WorkerReply } from './fit-worker.js';

interface Task {
  readonly id: number;
  readonly job: KernelJob;
  readonly resolve: (r: KernelResult) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | undefined;
}

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);
/** The worker module: TypeScript when run from source (tsx, Vitest), JavaScript once built. */
const ENTRY = new URL(
  import.meta.url.endsWith('.ts') ? './fit-worker.ts' : './fit-worker.js',
  import.meta.url
);

function isReply(value: unknown): value is WorkerReply {
  return typeof value === 'object' && value !== null && 'id' in value && 'ok' in value;
}

/**
 * A fixed-size pool of `worker_threads` that run fitting jobs ({@link runKernel}) off the main
 * thread. Workers start on first use; each runs one job at a time; idle workers do not keep the
 * process alive. Size it with `os.availableParallelism()` (the default). Call {@link close} when
 * done. Workers are bootstrapped by `worker-bootstrap.mjs`, which registers tsx's loader when the
 * package runs from TypeScript source (Node 20 workers do not inherit the parent's loader).
 */
export class WorkerPool {
  /** Number of worker threads. */
  readonly size: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Task[] = [];
  #nextId = 1;
  #closed = false;

  /**
   * @param size - number of threads; default `os.availableParallelism()`
   */
  constructor(size: number = availableParallelism()) {
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`threads: need a positive integer (got ${size})`);
    }
    this.size = size;
  }

  /** Runs one job on the next free worker. */
  run(job: KernelJob): Promise<KernelResult> {
    if (this.#closed) return Promise.reject(new Error('WorkerPool: closed'));
    return new Promise<KernelResult>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, job, resolve, reject });
      this.#pump();
    });
  }

  /** Terminates every worker; queued jobs are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const t of this.#queue.splice(0)) t.reject(new Error('WorkerPool: closed'));
    const slots = this.#slots.splice(0);
    for (const s of slots) s.task?.reject(new Error('WorkerPool: closed'));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  #spawn(): Slot {
    const worker = new Worker(BOOTSTRAP, { workerData: { entry: ENTRY.href } });
    const slot: Slot = { worker, task: undefined };
    worker.on('message', (msg: unknown) => {
      if (!isReply(msg)) return;
      const task = slot.task;
      if (!task || task.id !== msg.id) return;
      slot.task = undefined;
      worker.unref();
      if (msg.ok) task.resolve(msg.result);
      else task.reject(new Error(msg.error));
      this.#pump();
    });
    const fail = (error: Error): void => {
      const task = slot.task;
      slot.task = undefined;
      const i = this.#slots.indexOf(slot);
      if (i >= 0) this.#slots.splice(i, 1);
      task?.reject(error);
      if (!this.#closed) this.#pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.#closed) fail(new Error(`fitting worker exited with code ${code}`));
    });
    this.#slots.push(slot);
    return slot;
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      let slot = this.#slots.find((s) => s.task === undefined);
      if (!slot) {
        if (this.#slots.length >= this.size) return;
        slot = this.#spawn();
      }
      const task = this.#queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      // The signals buffer is copied (not transferred): callers may reuse it.
      slot.worker.postMessage({ id: task.id, job: task.job });
    }
  }
}
