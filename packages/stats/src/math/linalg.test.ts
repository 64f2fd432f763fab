import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { accurateCumsum, accurateSum } from './accurate-sum.js';
import { householderLeastSquares, ldlFactor, ldlInverse, ldlSolve, luSolve } from './linalg.js';
import { stableOrder } from './order.js';

const spd = (): Float64Array => Float64Array.from([4, 2, 0.6, 2, 5, 1.2, 0.6, 1.2, 3]);

describe('linear algebra', () => {
  it('LDLᵀ solve and inverse give the identity (A A⁻¹ = I)', () => {
    const a = spd();
    const f = Float64Array.from(a);
    expect(ldlFactor(f, 3, 1e-12)).toBe(3);
    const inv = ldlInverse(f, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += a[i * 3 + k]! * inv[k * 3 + j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 14);
      }
    }
    const y = Float64Array.from([1, 2, 3]);
    ldlSolve(f, 3, y);
    const x = luSolve(a, 3, Float64Array.from([1, 2, 3]))!;
    for (let i = 0; i < 3; i++) expect(y[i]).toBeCloseTo(x[i]!, 13);
  });
  it('flags a redundant column (rank 2) and zeroes its row of the inverse', () => {
    // third column = first + second
    const a = Float64Array.from([1, 0, 1, 0, 1, 1, 1, 1, 2]);
    expect(ldlFactor(a, 3, 1e-9)).toBe(2);
    const inv = ldlInverse(a, 3);
    expect([inv[2], inv[5], inv[8]]).toEqual([0, 0, 0]);
  });
  it('LU returns null for an exactly singular matrix', () => {
    expect(luSolve(Float64Array.from([1, 2, 2, 4]), 2, Float64Array.from([1, 1]))).toBeNull();
  });
  it('Householder least squares recovers an exact fit and (XᵀX)⁻¹', () => {
    const x = Float64Array.from([1, 0, 1, 1, 1, 2, 1, 3]); // intercept + slope
    const y = Float64Array.from([1, 3, 5, 7]); // y = 1 + 2x
    const fit = householderLeastSquares(x, 4, 2, y);
    expect(fit.rank).toBe(2);
    expect(fit.coefficients[0]).toBeCloseTo(1, 13);
    expect(fit.coefficients[1]).toBeCloseTo(2, 13);
    // XᵀX = [[4, 6], [6, 14]], inverse = [[0.7, -0.3], [-0.3, 0.2]]
    expect(Array.from(fit.unscaledCovariance).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([
      0.7, -0.3, -0.3, 0.2,
    ]);
  });
});

describe('accurate sums and stable order', () => {
  it('sums to the correctly rounded value where naive summation drifts', () => {
    const xs = [1e16, 1, -1e16, 1];
    expect(accurateSum(xs)).toBe(2);
    expect(Array.from(accurateCumsum([0.1, 0.2, 0.3]))).toEqual([0.1, 0.30000000000000004, 0.6]);
    expect(accurateSum([1, Infinity])).toBe(Infinity);
  });
  test.prop([fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 300 })], {
    numRuns: 40,
  })('stableOrder sorts ascending and keeps ties in input order (small and radix paths)', (values) => {
    for (const keys of [values, Array.from({ length: 5000 }, (_, i) => values[i % values.length]!)]) {
      const ord = stableOrder(keys);
      let ok = ord.length === keys.length;
      for (let k = 1; k < ord.length && ok; k++) {
        const a = keys[ord[k - 1]!]!;
        const b = keys[ord[k]!]!;
        ok = a < b || (a === b && ord[k - 1]! < ord[k]!);
      }
      expect(ok).toBe(true);
    }
  });
});
