import { parentPort } from 'node:worker_threads';
import { newKernelContext, runKernel, type KernelJob, type KernelResult } from './fit-kernel.js';

/** Message from the pool to a worker. */
export interface WorkerRequest {
  readonly id: number;
  readonly job: KernelJob;
}

/** Message from a worker back to the pool. */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly result: KernelResult }
  | { readonly id: number; readonly ok: false; readonly error: string };

function isRequest(value: unknown): value is WorkerRequest {
  return typeof value === 'object' && value !== null && 'id' in value && 'job' in value;
}

/** Buffers of a result, transferred (not copied) back to the pool. */
export function transferList(r: KernelResult): ArrayBuffer[] {
  return [r.value, r.r2, r.a, r.b, r.tau, r.status, r.nUsed, r.nFlip].map((a) => a.buffer as ArrayBuffer);
}

const port = parentPort;
if (port) {
  // Plans are cached per worker: the chunks of one slice share the same times.
  const ctx = newKernelContext();
  port.on('message', (msg: unknown) => {
    if (!isRequest(msg)) return;
    try {
      const result = runKernel(msg.job, ctx);
      const reply: WorkerReply = { id: msg.id, ok: true, result };
      port.postMessage(reply, transferList(result));
    } catch (error) {
      const reply: WorkerReply = {
        id: msg.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      };
      port.postMessage(reply);
    }
  });
}
