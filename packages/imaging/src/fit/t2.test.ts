import { describe, expect, it } from 'vitest';
import { FitStatus } from './fit-status.js';
import { createT2Plan, fitT2Mono, resolveT2Options } from './t2.js';

// Hand-derived: M0 = 1000, T2 = 50 ms, TE = 0, 25, 55 ms:
//   exp(-0/50) = 1, exp(-25/50) = 0.6065307, exp(-55/50) = 0.3328711
// so S = 1000, 606.5307, 332.8711; any two points give T2 = (TE2 - TE1)/ln(S1/S2) = 50 exactly.
const TE = [0, 25, 55];
const S = [1000, 1000 * Math.exp(-0.5), 1000 * Math.exp(-1.1)];

describe('fitT2Mono (M0·exp(-TE/T2) by least squares)', () => {
  it('recovers the hand-derived vector', () => {
    const r = fitT2Mono(S, TE);
    expect(r.status).toBe(FitStatus.ok);
    expect(r.t2).toBeCloseTo(50, 3);
    expect(r.m0).toBeCloseTo(1000, 2);
    expect(r.r2).toBeGreaterThan(0.9999999);
  });

  it('does not depend on the order of the samples', () => {
    expect(fitT2Mono([S[2]!, S[0]!, S[1]!], [55, 0, 25]).t2).toBeCloseTo(50, 3);
  });

  it('recovers T2 from 10 to 1000 ms noise-free within 0.01 %', () => {
    for (const t2 of [10, 45, 70, 250, 1000]) {
      const r = fitT2Mono(
        TE.map((t) => 700 * Math.exp(-t / t2)),
        TE
      );
      expect(Math.abs(r.t2 / t2 - 1)).toBeLessThan(1e-4);
    }
  });

  it('is a least-squares fit, not a log-linear one: noise at the last point moves T2 less', () => {
    // Log-linear weights the small last sample heavily; least squares weights it by its size.
    const noisy = [1000, 606.53, 300];
    const ls = fitT2Mono(noisy, TE).t2;
    const logLinearSlope =
      (3 * (0 * Math.log(1000) + 25 * Math.log(606.53) + 55 * Math.log(300)) -
        80 * (Math.log(1000) + Math.log(606.53) + Math.log(300))) /
      (3 * (0 + 625 + 3025) - 80 * 80);
    expect(Math.abs(ls - 50)).toBeLessThan(Math.abs(-1 / logLinearSlope - 50));
  });

  it('flags flat, rising (T2 beyond range) and non-finite pixels', () => {
    expect(fitT2Mono([5, 5, 5], TE).status).toBe(FitStatus.flat);
    expect(fitT2Mono([100, 120, 150], TE).status).not.toBe(FitStatus.ok);
    expect(fitT2Mono([100, Number.NaN, 50], TE).status).toBe(FitStatus.notFitted);
  });

  it('validates options and times', () => {
    expect(() => resolveT2Options({ t2Min: 0 })).toThrow(/t2Min/);
    expect(() => createT2Plan([10])).toThrow(/at least 2/);
    expect(() => createT2Plan([25, 0])).toThrow(/ascending/);
  });
});
