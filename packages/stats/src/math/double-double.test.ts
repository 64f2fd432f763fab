import { describe, expect, it } from 'vitest';
import { dd, ddAdd, ddAddProduct, ddAddScaled, ddValue } from './double-double.js';

describe('double-double', () => {
  it('keeps what a double sum loses: 1 + 1e-20 − 1 = 1e-20', () => {
    const s = dd(1);
    ddAdd(s, 1e-20);
    ddAdd(s, -1);
    expect(ddValue(s)).toBe(1e-20);
    expect(1 + 1e-20 - 1).toBe(0);
  });

  it('cancels an expanded square to its true value: a² + 2ab + b² = (a + b)²', () => {
    // a + b = 2^-52·0.7 (Sterbenz: exact), so (a + b)² ≈ 1.23e-32; in doubles the expansion gives −5.6e-17.
    for (const [a, b] of [
      [0.7, -0.6999999999999998],
      [0.1, -0.09999999999999999],
    ] as const) {
      const v = dd();
      ddAddProduct(v, a, a);
      const ab = dd();
      ddAddProduct(ab, a, b);
      ddAddScaled(v, 2, ab);
      ddAddProduct(v, b, b);
      expect(Math.abs(ddValue(v) - (a + b) ** 2)).toBeLessThan(1e-45);
    }
    expect(0.7 * 0.7 + 2 * 0.7 * -0.6999999999999998 + 0.6999999999999998 ** 2).toBeLessThan(0);
  });

  it('forms products exactly (Dekker): (2^27 + 1)² = 2^54 + 2^28 + 1 is hi 2^54 + 2^28, lo 1', () => {
    const s = dd();
    ddAddProduct(s, 2 ** 27 + 1, 2 ** 27 + 1);
    expect(s).toEqual({ hi: 2 ** 54 + 2 ** 28, lo: 1 });
  });
});
