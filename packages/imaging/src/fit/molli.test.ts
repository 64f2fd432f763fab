import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32, rician } from '../testing/phantom.js';
import { FitStatus } from './fit-status.js';
import { createMolliPlan, fitMolliAt, fitT1Molli, resolveMolliOptions } from './molli.js';
import { newT1PixelFit } from './t1-pixel-fit.js';

// Hand-derived vector. Choose T1* = 1000/ln 2 ms so that exp(-TI/T1*) = 2^(-TI/1000):
//   TI (ms)        0     500      1000   2000   3000    4000
//   2^(-TI/1000)   1     0.70711  0.5    0.25   0.125   0.0625
// With A = 100 and B = 200, S = A - B·2^(-TI/1000) = -100, -41.421, 0, 50, 75, 87.5, and the
// Look-Locker correction gives T1 = T1*·(B/A - 1) = T1* = 1442.695 ms. Only magnitudes are fitted:
// polarity restoration must negate the first two samples (the third is the null itself).
const HAND_TI = [0, 500, 1000, 2000, 3000, 4000];
const HAND_S = [100, 41.42135623730951, 0, 50, 75, 87.5];
const HAND_T1 = 1000 / Math.LN2;

describe('fitT1Molli (3-parameter Look-Locker, RD-NLS with polarity restoration)', () => {
  it('recovers the hand-derived noise-free vector', () => {
    const r = fitT1Molli(HAND_S, HAND_TI);
    expect(r.status).toBe(FitStatus.ok);
    // The table search ends with a parabola in log T1* on a 1.002 grid: ~1e-6 relative here.
    expect(r.t1Star).toBeCloseTo(HAND_T1, 2);
    expect(r.t1).toBeCloseTo(HAND_T1, 2);
    expect(r.a).toBeCloseTo(100, 3);
    expect(r.b).toBeCloseTo(200, 3);
    expect(r.r2).toBeGreaterThan(0.999999);
    // Negating 2 or 3 leading samples fits equally well (the third is 0); either is right.
    expect([2, 3]).toContain(r.nFlip);
  });

  it('reproduces Tomato T1_myocardium (MRKonrad/tomato tests/testData/T1_myocardium.yaml)', () => {
    // Published expectation: A = 62.4224, B = 122.522, T1* = 919.943 ms, so T1 = 885.7 ms.
    const r = fitT1Molli([49, 40, 26, 42, 59, 62, 63], [100, 180, 260, 1715, 3337, 4907, 6455]);
    expect(r.a).toBeCloseTo(62.4224, 3);
    expect(r.b).toBeCloseTo(122.522, 2);
    expect(r.t1Star).toBeCloseTo(919.943, 1);
    expect(r.t1).toBeCloseTo(885.7, 1);
    expect(r.nFlip).toBe(3);
  });

  it('gives the same answer for unsorted input', () => {
    const order = [3, 0, 5, 1, 4, 2];
    const r = fitT1Molli(
      order.map((i) => HAND_S[i]!),
      order.map((i) => HAND_TI[i]!)
    );
    expect(r.t1).toBeCloseTo(HAND_T1, 2);
  });

  it('recovers noise-free T1 from 150 to 3000 ms on a MOLLI 5(3)3 scheme within 0.01 %', () => {
    const ti = [100, 180, 1000, 1080, 1900, 1980, 2800, 3700];
    for (const t1 of [150, 300, 600, 1200, 1900, 3000]) {
      for (const ba of [1.8, 1.95, 2.1]) {
        const t1Star = t1 / (ba - 1);
        const s = ti.map((t) => Math.abs(800 - 800 * ba * Math.exp(-t / t1Star)));
        const r = fitT1Molli(s, ti);
        expect(r.status).toBe(FitStatus.ok);
        expect(Math.abs(r.t1 / t1 - 1)).toBeLessThan(1e-4);
      }
    }
  });

  it('fits a T1 beyond the sampled times (T1 = 6000 ms, last TI 3700 ms)', () => {
    const ti = [100, 180, 1000, 1080, 1900, 1980, 2800, 3700];
    const t1Star = 6000 / (1.95 - 1);
    const s = ti.map((t) => Math.abs(800 - 1560 * Math.exp(-t / t1Star)));
    const r = fitT1Molli(s, ti);
    expect(r.status).toBe(FitStatus.ok);
    expect(r.t1).toBeCloseTo(6000, 0);
  });

  it('flags a flat pixel and a pixel with non-finite samples', () => {
    const ti = [100, 200, 400, 800, 1600];
    expect(fitT1Molli([5, 5, 5, 5, 5], ti).status).toBe(FitStatus.flat);
    expect(fitT1Molli([0, 0, 0, 0, 0], ti).status).toBe(FitStatus.flat);
    const r = fitT1Molli([5, Number.NaN, 5, 5, 5], ti);
    expect(r.status).toBe(FitStatus.notFitted);
    expect(r.t1).toBeNaN();
  });

  it('gives defined results on noise-only pixels: never throws, R² reported, value NaN-free when ok', () => {
    const normal = gaussian(mulberry32(7));
    const ti = [100, 180, 1000, 1080, 1900, 1980, 2800, 3700];
    for (let k = 0; k < 200; k++) {
      const r = fitT1Molli(
        ti.map(() => rician(0, 10, normal)),
        ti
      );
      expect(Object.values(FitStatus)).toContain(r.status);
      if (r.status === FitStatus.ok) {
        expect(Number.isFinite(r.t1)).toBe(true);
        expect(r.t1).toBeGreaterThan(0);
      }
      expect(r.r2).toBeLessThanOrEqual(1);
    }
  });

  it('flags an optimum at the edge of the T1* range (slow linear drift)', () => {
    const ti = [100, 200, 400, 800, 1600, 3200];
    const r = fitT1Molli(
      ti.map((t) => 1000 + 0.001 * t),
      ti
    );
    expect(r.status).not.toBe(FitStatus.ok);
  });

  it('fits signed (PSIR) data without polarity flips', () => {
    const ti = [100, 180, 1000, 1080, 1900, 1980, 2800, 3700];
    const s = ti.map((t) => 800 - 1560 * Math.exp(-t / (1200 / 0.95)));
    const r = fitT1Molli(s, ti, { signed: true });
    expect(r.nFlip).toBe(0);
    expect(r.t1).toBeCloseTo(1200, 1);
  });

  it('rejects bad options and too few samples with a message naming them', () => {
    expect(() => resolveMolliOptions({ gridRatio: 1 })).toThrow(/gridRatio/);
    expect(() => resolveMolliOptions({ t1StarMin: 10, t1StarMax: 5 })).toThrow(/t1StarMin/);
    expect(() => createMolliPlan([100, 200, 300])).toThrow(/at least 4/);
    expect(() => createMolliPlan([100, 300, 200, 400])).toThrow(/ascending/);
    expect(() => fitT1Molli([1, 2], [100, 200, 300])).toThrow(/signal/);
  });

  // Property: the isotonic pruning is exact, so pruned and exhaustive fits agree on every signal.
  fcTest.prop([
    fc.double({ min: 200, max: 2500, noNaN: true }),
    fc.double({ min: 1.7, max: 2.2, noNaN: true }),
    fc.integer({ min: 1, max: 1e6 }),
  ])('pruning never changes the answer', (t1, ba, seed) => {
    const ti = Float64Array.of(100, 180, 1000, 1080, 1900, 1980, 2800, 3700);
    const normal = gaussian(mulberry32(seed));
    const y = Float64Array.from(ti, (t) =>
      rician(800 - 800 * ba * Math.exp(-t / (t1 / (ba - 1))), 40, normal)
    );
    const a = newT1PixelFit();
    const b = newT1PixelFit();
    fitMolliAt(createMolliPlan(ti), y, 0, a);
    fitMolliAt(createMolliPlan(ti, { prune: false }), y, 0, b);
    expect(a.status).toBe(b.status);
    expect(a.nFlip).toBe(b.nFlip);
    if (Number.isFinite(b.t1)) expect(a.t1).toBeCloseTo(b.t1, 6);
  });
});
