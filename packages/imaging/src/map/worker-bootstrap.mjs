// Entry point of the fitting worker threads. Node 20 does not pass the parent's module loader
// (tsx) to worker threads, so when the worker module is TypeScript source we register tsx here
// before importing it. Plain JavaScript builds skip that step.
import { workerData } from 'node:worker_threads';

const entry = workerData && workerData.entry;
if (typeof entry !== 'string')
  throw new Error('worker-bootstrap: workerData.entry (a module URL) is required');
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
