import { randomUUID } from 'node:crypto';
import { availableParallelism, hostname } from 'node:os';
import { DomainError, invalidState } from '@cmr-mass/core';
import {
  claimJob,
  completeJob,
  failJob,
  jobActor,
  loadExamScope,
  releaseJob,
  type DbHandle,
  type ImagingJobRow,
  type NewMap,
} from '@cmr-mass/db';
import {
  AlignmentError,
  DicomFormatError,
  InputError,
  MapFileError,
  PixelDecodeError,
  SeriesInputError,
  WorkerPool,
} from '@cmr-mass/imaging';
import type { z } from 'zod';
import { computeEcv, computeFit, JobInputError, type ComputeContext } from './compute.js';
import { ecvJobParams, fitJobParams } from './job-request.js';
import { LeaseKeeper } from './lease-keeper.js';

/** Where the runner reports what it does (Fastify's logger fits). */
export interface RunnerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Options of {@link ImagingRunner}. */
export interface RunnerOptions {
  readonly handle: DbHandle;
  /** The clock of audit rows (the app's clock). */
  readonly clock?: () => Date;
  /** The clock of leases (default: `clock`); every server sharing the database must agree on it. */
  readonly leaseClock?: () => Date;
  /** How long a claim holds without renewal (default 30 s). */
  readonly leaseMs?: number;
  /** How often an idle runner looks for work (default 1 s). */
  readonly pollMs?: number;
  /** Starts of a job before it is given up (default 3). */
  readonly maxAttempts?: number;
  /** Worker threads of the shared pool (default `os.availableParallelism()`). */
  readonly threads?: number;
  /** This server's name in the leases (default host, pid and a random suffix). */
  readonly owner?: string;
  readonly log?: RunnerLog;
}

const SHUTDOWN = new Error('the server is shutting down');
const LEASE_LOST = new Error('the lease was lost (cancelled, or taken over)');

/** Errors that mean the job's inputs cannot give a map: the job fails with the message, no stack logged. */
function isBadInput(e: unknown): boolean {
  return (
    e instanceof JobInputError ||
    e instanceof DomainError ||
    e instanceof SeriesInputError ||
    e instanceof AlignmentError ||
    e instanceof PixelDecodeError ||
    e instanceof DicomFormatError ||
    e instanceof InputError ||
    e instanceof MapFileError ||
    e instanceof RangeError
  );
}

function parseParams<S extends z.ZodType>(schema: S, json: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new JobInputError('the job parameters are not JSON');
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new JobInputError(`the job parameters are not valid: ${r.error.issues[0]?.message ?? ''}`);
  }
  return r.data;
}

/**
 * The imaging job runner each app server runs (architecture.md: jobs live in the database, not in a
 * process). It polls `db`'s queue (`claimJob`, a compare-and-set lease), computes the job (T1/T2 fits
 * on one shared `WorkerPool`, or ECV from stored maps), keeps the lease with progress while it works
 * ({@link LeaseKeeper}), and stores the maps with `completeJob` (audited, in the name of the person
 * who queued it) or fails the job with a message for people. A cancelled job stops at the next
 * progress write; on shutdown the job in hand is given back to the queue, and a server that dies
 * simply stops renewing, so another takes the job once its lease expires.
 */
export class ImagingRunner {
  /** This runner's name in the leases. */
  readonly owner: string;
  readonly #handle: DbHandle;
  readonly #clock: () => Date;
  readonly #leaseClock: () => Date;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #maxAttempts: number;
  readonly #threads: number;
  readonly #log: RunnerLog | undefined;
  #pool: WorkerPool | null = null;
  #timer: NodeJS.Timeout | null = null;
  #started = false;
  #stopping = false;
  #chain: Promise<unknown> = Promise.resolve();
  #abort: AbortController | null = null;

  constructor(options: RunnerOptions) {
    this.#handle = options.handle;
    this.#clock = options.clock ?? (() => new Date());
    this.#leaseClock = options.leaseClock ?? this.#clock;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#pollMs = options.pollMs ?? 1000;
    this.#maxAttempts = options.maxAttempts ?? 3;
    this.#threads = options.threads ?? availableParallelism();
    this.#log = options.log;
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** Starts polling the queue. */
  start(): void {
    if (this.#started || this.#stopping) return;
    this.#started = true;
    this.#schedule(0);
  }

  /** Looks for work now rather than at the next poll (a job was just queued on this server). */
  wake(): void {
    if (this.#started && !this.#stopping && this.#timer !== null) this.#schedule(0);
  }

  /**
   * Claims the next job, if any, and runs it to the end (done, failed, or given up when the lease is
   * lost). Calls are serialised.
   *
   * @returns the id of the job it ran, or null when the queue was empty
   */
  runOnce(): Promise<string | null> {
    const next = this.#chain.then(() => this.#claimAndRun());
    this.#chain = next.catch(() => null);
    return next;
  }

  /** Stops polling, gives the job in hand back to the queue, and closes the worker pool. */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#abort?.abort(SHUTDOWN);
    await this.#chain;
    const pool = this.#pool;
    this.#pool = null;
    await pool?.close();
  }

  #schedule(ms: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#loop(), ms);
    this.#timer.unref();
  }

  async #loop(): Promise<void> {
    this.#timer = null;
    let ran = false;
    try {
      ran = (await this.runOnce()) !== null;
    } catch (error) {
      this.#log?.error({ err: error }, 'imaging runner: could not poll the job queue');
    }
    if (!this.#stopping) this.#schedule(ran ? 0 : this.#pollMs);
  }

  #poolFor(): WorkerPool {
    this.#pool ??= new WorkerPool(this.#threads);
    return this.#pool;
  }

  async #claimAndRun(): Promise<string | null> {
    if (this.#stopping) return null;
    const job = await claimJob(
      this.#handle,
      this.owner,
      this.#leaseMs,
      this.#leaseClock(),
      this.#maxAttempts,
      this.#clock
    );
    if (!job) return null;
    await this.#run(job);
    return job.id;
  }

  async #run(job: ImagingJobRow): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    const keeper = new LeaseKeeper(this.#handle, job.id, this.owner, this.#leaseMs, this.#leaseClock, () => {
      abort.abort(LEASE_LOST);
    });
    keeper.start();
    const started = performance.now();
    try {
      const maps = await this.#compute(job, abort.signal, keeper);
      await keeper.stop();
      abort.signal.throwIfAborted();
      const ids = await completeJob(this.#handle, job, this.owner, maps, this.#clock);
      this.#log?.info(
        {
          jobId: job.id,
          kind: job.kind,
          maps: ids?.length ?? 0,
          ms: Math.round(performance.now() - started),
        },
        ids ? 'imaging job done' : 'imaging job: lease lost before storing, results discarded'
      );
    } catch (error) {
      await keeper.stop();
      if (abort.signal.aborted) {
        if (abort.signal.reason === SHUTDOWN) {
          await releaseJob(this.#handle, job, this.owner, this.#leaseClock()).catch((e: unknown) => {
            this.#log?.error({ err: e, jobId: job.id }, 'imaging job: could not give it back to the queue');
          });
        }
        this.#log?.info({ jobId: job.id, reason: String(abort.signal.reason) }, 'imaging job stopped');
        return;
      }
      const bad = isBadInput(error);
      const message = error instanceof Error ? error.message : String(error);
      if (!bad) this.#log?.error({ err: error, jobId: job.id }, 'imaging job: the computation failed');
      await failJob(
        this.#handle,
        job,
        this.owner,
        bad ? message : `the computation failed: ${message}`,
        this.#clock
      ).catch((e: unknown) => {
        this.#log?.error({ err: e, jobId: job.id }, 'imaging job: could not record the failure');
      });
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  async #compute(job: ImagingJobRow, signal: AbortSignal, keeper: LeaseKeeper): Promise<NewMap[]> {
    const scope = await loadExamScope(this.#handle.db, jobActor(job), job.exam_id, 'create');
    if (scope.withdrawnDate !== null) {
      throw invalidState(`the participant withdrew on ${scope.withdrawnDate}: no new data can be recorded`);
    }
    const ctx: ComputeContext = {
      handle: this.#handle,
      job,
      scope,
      pool: () => this.#poolFor(),
      signal,
      progress: (fraction, stage) => {
        keeper.report(fraction, stage);
      },
    };
    switch (job.kind) {
      case 't1':
      case 't2':
        return computeFit(ctx, job.kind, parseParams(fitJobParams, job.params));
      case 'ecv':
        return computeEcv(ctx, parseParams(ecvJobParams, job.params));
      default:
        throw new JobInputError(`unknown job kind ${job.kind}`);
    }
  }
}
