import { renewLease, type DbHandle } from '@cmr-mass/db';

/** How often the keeper looks whether to write (ms). */
export const TICK_MS = 500;
/** A change of progress worth writing at once (5 %). */
const STEP = 0.05;

/**
 * Keeps a runner's lease on a job while it works: every {@link TICK_MS} it writes the progress when
 * it moved by 5 % or the stage changed, and at least every fifth of the lease to extend it (`db`'s
 * `renewLease`). When the lease is no longer the runner's (the job was cancelled, or another server
 * took it over after the lease expired) it calls `onLost` once, and the runner stops.
 */
export class LeaseKeeper {
  #progress = 0;
  #stage = 'starting';
  #sentProgress = 0;
  #sentStage = 'starting';
  #sentAt = performance.now();
  #inFlight: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #lost = false;
  #stopped = false;

  constructor(
    private readonly handle: DbHandle,
    private readonly jobId: string,
    private readonly owner: string,
    private readonly leaseMs: number,
    private readonly now: () => Date,
    private readonly onLost: () => void
  ) {}

  /** Starts the ticks. */
  start(): void {
    this.#timer ??= setInterval(() => void this.tick(), TICK_MS);
    this.#timer.unref();
  }

  /** Records progress (0-1) and the stage; written at the next tick that is due. */
  report(progress: number, stage: string): void {
    this.#progress = progress;
    this.#stage = stage;
  }

  /** Writes the progress and extends the lease when due (one write at a time). */
  async tick(force = false): Promise<void> {
    if (this.#inFlight || this.#lost || this.#stopped) return;
    const due =
      force ||
      this.#stage !== this.#sentStage ||
      Math.abs(this.#progress - this.#sentProgress) >= STEP ||
      performance.now() - this.#sentAt >= this.leaseMs / 5;
    if (!due) return;
    const progress = this.#progress;
    const stage = this.#stage;
    this.#inFlight = (async () => {
      try {
        const ok = await renewLease(
          this.handle,
          this.jobId,
          this.owner,
          { progress, stage },
          this.leaseMs,
          this.now()
        );
        this.#sentProgress = progress;
        this.#sentStage = stage;
        this.#sentAt = performance.now();
        if (!ok) {
          this.#lost = true;
          this.onLost();
        }
      } catch {
        // A failed write is retried at the next tick; the lease has time left.
      } finally {
        this.#inFlight = null;
      }
    })();
    await this.#inFlight;
  }

  /** Stops the ticks and waits for a write in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#inFlight;
  }
}
