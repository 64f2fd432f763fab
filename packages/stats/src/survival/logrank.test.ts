import { describe, expect, it } from 'vitest';
import { StatsComputationError } from '../errors.js';
import { groupingFrom } from './grouping.js';
import { logrank } from './logrank.js';

/*
 * Hand-worked two-group log-rank test:
 *   A: 1e 3e 4c        B: 2e 5e 6e
 *   t=1: n=6 (A3 B3) d=1: E_A = 3/6, V = 1·(3·3)(6−1)/(6²·5) = 1/4
 *   t=2: n=5 (A2 B3) d=1: E_A = 2/5, V = (2·3)/25 = 6/25
 *   t=3: n=4 (A2 B2) d=1: E_A = 2/4, V = (2·2)/16 = 1/4
 *   t=5: n=2 (A0 B2) d=1: E_A = 0,    V = 0
 *   t=6: n=1 (B)     d=1: E_A = 0
 *   O_A = 2, E_A = 1.4, V = 0.74, χ² = 0.6²/0.74
 */
describe('logrank', () => {
  const group = groupingFrom(['A', 'A', 'A', 'B', 'B', 'B']);
  const r = logrank({ time: [1, 3, 4, 2, 5, 6], status: [1, 1, 0, 1, 1, 1], group });
  it('reproduces the hand-worked statistic', () => {
    expect(r.groups[0]!.observed).toBe(2);
    expect(r.groups[0]!.expected).toBeCloseTo(1.4, 14);
    expect(r.variance[0]![0]).toBeCloseTo(0.74, 14);
    expect(r.variance[0]![1]).toBeCloseTo(-0.74, 14);
    expect(r.chisq).toBeCloseTo(0.36 / 0.74, 13);
    expect(r.df).toBe(1);
    expect(r.groups.map((g) => g.n)).toEqual([3, 3]);
  });
  it('G-rho with rho = 0 equals the log-rank test; rho = 1 weights by S(t−)', () => {
    const peto = logrank({ time: [1, 3, 4, 2, 5, 6], status: [1, 1, 0, 1, 1, 1], group, rho: 1 });
    // first death time: S(t−) = 1, so its weighted observed count equals the unweighted one
    expect(peto.groups[0]!.observed).toBeLessThan(r.groups[0]!.observed);
    expect(peto.rho).toBe(1);
  });
  it('needs two groups', () => {
    expect(() => logrank({ time: [1, 2], status: [1, 1], group: groupingFrom(['a', 'a']) })).toThrow(
      StatsComputationError
    );
  });
});
