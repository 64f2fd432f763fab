import { afterAll, describe, expect, it } from 'vitest';
import { readDicomSeries } from '../io/read-inputs.js';
import { testdataPath } from '../testing/testdata.js';
import { runKernel } from './fit-kernel.js';
import { fitT1Map } from './fit-t1-map.js';
import type { MapProgress } from './map-result.js';
import { WorkerPool } from './worker-pool.js';

describe('WorkerPool (worker_threads, bootstrapped through tsx)', () => {
  const pool = new WorkerPool(2);
  afterAll(async () => {
    await pool.close();
  });

  it('runs a kernel job in a worker with the same result as inline', async () => {
    const times = Float64Array.of(100, 180, 1000, 1080, 1900, 1980, 2800, 3700);
    const signals = new Float64Array(64 * times.length);
    for (let p = 0; p < 64; p++) {
      for (let i = 0; i < times.length; i++) {
        signals[p * 8 + i] = Math.abs(800 - 1560 * Math.exp(-times[i]! / (400 + 20 * p)));
      }
    }
    const job = { model: 'molli' as const, times, signals };
    const inWorker = await pool.run(job);
    const inline = runKernel(job);
    expect(Array.from(inWorker.value)).toEqual(Array.from(inline.value));
  });

  it('fits a full map on the pool identically to the inline fit, reporting progress', async () => {
    const { series } = await readDicomSeries([testdataPath('real/siemens-3t-shmolli-phantom/source')]);
    const events: MapProgress[] = [];
    const pooled = await fitT1Map(series[0]!, { pool }, { onProgress: (p) => events.push(p) });
    const inline = await fitT1Map(series[0]!, { threads: 1 });
    expect(Array.from(pooled.slices[0]!.values)).toEqual(Array.from(inline.slices[0]!.values));
    const fit = events.filter((e) => e.stage === 'fit');
    expect(fit[fit.length - 1]!.done).toBe(fit[fit.length - 1]!.total);
    expect(events.some((e) => e.stage === 'decode')).toBe(true);
  });

  it('can be cancelled with an AbortSignal', async () => {
    const { series } = await readDicomSeries([testdataPath('real/siemens-3t-shmolli-phantom/source')]);
    const controller = new AbortController();
    const run = fitT1Map(
      series[0]!,
      { pool },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.stage === 'fit' && p.done > 0) controller.abort();
        },
      }
    );
    await expect(run).rejects.toThrow(/abort/i);
  });

  it('rejects a job that fails inside the worker with its message', async () => {
    await expect(
      pool.run({ model: 'molli', times: Float64Array.of(1, 2), signals: Float64Array.of(1, 2) })
    ).rejects.toThrow(/at least 4/);
  });

  it('refuses a non-positive size', () => {
    expect(() => new WorkerPool(0)).toThrow(/threads/);
  });
});
