import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { StatsInputError } from '../errors.js';
import { groupingFrom } from './grouping.js';
import { kaplanMeier } from './kaplan-meier.js';
import { mergeNearTies } from './timefix.js';

/*
 * Hand-worked example (deliberately unsorted, an event and a censoring tied at t = 2):
 *   time   5  2  1  3  2  4        sorted: 1e 2e 2c 3e 4c 5e
 *   status 1  1  1  1  0  0
 *   t=1: n=6 d=1  S = 5/6            Greenwood Σ d/(n(n−d)) = 1/30     Nelson-Aalen 1/6
 *   t=2: n=5 d=1 c=1  S = 2/3        1/30 + 1/20 = 1/12               1/6 + 1/5 = 11/30
 *   t=3: n=3 d=1  S = 4/9            1/12 + 1/6 = 1/4                 11/30 + 1/3 = 7/10
 *   t=4: n=2 c=1  S = 4/9            1/4                              7/10
 *   t=5: n=1 d=1  S = 0              ∞                                17/10
 *   median: first S ≤ 1/2 is at t = 3; restricted mean to t = 5:
 *   1·1 + (5/6)·1 + (2/3)·1 + (4/9)·2 = 61/18
 */
const time = [5, 2, 1, 3, 2, 4];
const status = [1, 1, 1, 1, 0, 0];

describe('kaplanMeier', () => {
  const km = kaplanMeier({ time, status });
  const c = km.curves[0]!;
  it('reproduces the hand-worked curve, variances and hazard', () => {
    expect(c.time).toEqual([1, 2, 3, 4, 5]);
    expect(c.nRisk).toEqual([6, 5, 3, 2, 1]);
    expect(c.nEvent).toEqual([1, 1, 1, 0, 1]);
    expect(c.nCensor).toEqual([0, 1, 0, 1, 0]);
    const want = [5 / 6, 2 / 3, 4 / 9, 4 / 9, 0];
    c.surv.forEach((s, i) => {
      expect(s).toBeCloseTo(want[i]!, 15);
    });
    expect(c.stdErr[2]).toBeCloseTo(0.5, 15);
    expect(c.stdErr[4]).toBe(Infinity);
    expect(c.stdErrSurv[4]).toBeNaN(); // 0 · ∞, as R
    expect(c.lower[4]).toBeNull(); // NA where S = 0
    expect(c.cumhaz[4]).toBeCloseTo(1.7, 14);
    expect(c.stdChaz[1]).toBeCloseTo(Math.sqrt(1 / 36 + 1 / 25), 15);
  });
  it('gives the median, the restricted mean and the log-method limits', () => {
    const row = km.table[0]!;
    expect(row.median).toBe(3);
    expect(row.rmean).toBeCloseTo(61 / 18, 14);
    expect(row.rmeanEndTime).toBe(5);
    expect([row.records, row.events, row.nStart]).toEqual([6, 4, 6]);
    const z = 1.959963984540054;
    expect(c.lower[2]).toBeCloseTo(Math.exp(Math.log(4 / 9) - z * 0.5), 14);
    expect(c.upper[0]).toBe(1); // capped
  });
  it('is immutable and names its method and R equivalent', () => {
    expect(Object.isFrozen(km)).toBe(true);
    expect(km.rEquivalent).toContain('survfit');
    expect(km.converged).toBe(true);
  });

  it('handles edge cases: all censored, one subject, zero follow-up', () => {
    const censored = kaplanMeier({ time: [3, 5, 5, 9], status: [0, 0, 0, 0] }).curves[0]!;
    expect(censored.surv).toEqual([1, 1, 1]);
    expect(censored.stdErr).toEqual([0, 0, 0]);
    expect(kaplanMeier({ time: [3, 5], status: [0, 0] }).table[0]!.median).toBeNull();
    const one = kaplanMeier({ time: [7], status: [1] });
    expect(one.curves[0]!.surv).toEqual([0]);
    expect(one.table[0]!.median).toBe(7);
    const zero = kaplanMeier({ time: [0, 0, 2, 3], status: [1, 0, 1, 0] }).curves[0]!;
    expect(zero.time).toEqual([0, 2, 3]);
    expect(zero.surv[0]).toBeCloseTo(0.75, 15);
  });
  it('refuses NaN, infinite times and statuses other than 0/1, naming the element', () => {
    expect(() => kaplanMeier({ time: [1, NaN], status: [1, 0] })).toThrow(StatsInputError);
    expect(() => kaplanMeier({ time: [1, 2, Infinity], status: [1, 0, 1] })).toThrow(
      expect.objectContaining({ field: 'time[2]' })
    );
    expect(() => kaplanMeier({ time: [1, 2], status: [1, 2] })).toThrow(/status/);
  });
  it('draws one curve per group in label order', () => {
    const g = groupingFrom(['b', 'a', 'b', 'a', 'b', 'a']);
    const byGroup = kaplanMeier({ time, status, group: g });
    expect(byGroup.curves.map((x) => x.group)).toEqual(['a', 'b']);
    expect(byGroup.table.map((x) => x.rmeanEndTime)).toEqual([5, 5]); // common upper limit
  });

  test.prop(
    [
      fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1 })), {
        minLength: 1,
        maxLength: 60,
      }),
    ],
    { numRuns: 100 }
  )('S(t) is non-increasing and stays in [0, 1]; the cumulative hazard never decreases', (rows) => {
    const r = kaplanMeier({ time: rows.map((x) => x[0] / 2), status: rows.map((x) => x[1]) }).curves[0]!;
    for (let i = 0; i < r.surv.length; i++) {
      expect(r.surv[i]).toBeGreaterThanOrEqual(0);
      expect(r.surv[i]).toBeLessThanOrEqual(1);
      if (i > 0) {
        expect(r.surv[i]).toBeLessThanOrEqual(r.surv[i - 1]!);
        expect(r.cumhaz[i]).toBeGreaterThanOrEqual(r.cumhaz[i - 1]!);
      }
    }
  });
});

describe('mergeNearTies (survival timefix)', () => {
  it('merges times within √ε and leaves distinct times alone', () => {
    expect(Array.from(mergeNearTies([1, 1 + 1e-12, 2, 3]))).toEqual([1, 1, 2, 3]);
    expect(Array.from(mergeNearTies([1, 1.001, 2]))).toEqual([1, 1.001, 2]);
    // a chain of near-ties collapses onto its first value
    expect(Array.from(mergeNearTies([5, 5 + 1e-9, 5 + 2e-9]))).toEqual([5, 5, 5]);
  });
});
