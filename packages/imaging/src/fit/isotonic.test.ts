import { describe, expect, it } from 'vitest';
import { isotonicSse } from './isotonic.js';
import { logGrid } from './log-grid.js';

const scratch = (): [Float64Array, Float64Array] => [new Float64Array(8), new Float64Array(8)];

describe('isotonicSse (pool-adjacent-violators)', () => {
  it('is 0 for non-decreasing data', () => {
    expect(isotonicSse(Float64Array.of(-3, -1, 0, 2, 2, 5), 6, ...scratch())).toBeCloseTo(0, 12);
  });
  it('pools one violating pair: [1, 3, 2] -> 1, 2.5, 2.5, SSE 0.5', () => {
    expect(isotonicSse(Float64Array.of(1, 3, 2), 3, ...scratch())).toBeCloseTo(0.5, 12);
  });
  it('pools a decreasing run into its mean: [3, 2, 1] -> 2, SSE 2', () => {
    expect(isotonicSse(Float64Array.of(3, 2, 1), 3, ...scratch())).toBeCloseTo(2, 12);
  });
});

describe('logGrid', () => {
  it('spans lo..hi with a constant ratio', () => {
    expect(Array.from(logGrid(10, 1000, 10))).toEqual([10, 100, 1000]);
    const g = logGrid(5, 20000, 1.002);
    expect(g[0]).toBe(5);
    expect(g[g.length - 1]).toBeGreaterThanOrEqual(20000);
  });
  it('rejects bad arguments', () => {
    expect(() => logGrid(0, 10, 2)).toThrow(RangeError);
    expect(() => logGrid(1, 10, 1)).toThrow(RangeError);
  });
});
