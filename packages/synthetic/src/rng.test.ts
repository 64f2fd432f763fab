import { describe, expect, it } from 'vitest';
import { hashString, Rng } from './rng.js';

describe('Rng', () => {
  it('does not let seed parts cancel each other', () => {
    const first = (...seed: (number | string)[]): number => new Rng(...seed).nextUint32();
    expect(first(42, 'p', 1)).not.toBe(first(43, 'p', 0));
    const seen = new Set<number>();
    for (let s = 0; s < 50; s++) for (let i = 0; i < 50; i++) seen.add(first(s, 'p', i));
    expect(seen.size).toBe(2500);
  });

  it('gives the same stream for the same seed and different streams for different seeds', () => {
    const a = new Rng(42, 'x');
    const b = new Rng(42, 'x');
    const c = new Rng(43, 'x');
    const xs = Array.from({ length: 100 }, () => a.nextUint32());
    expect(Array.from({ length: 100 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it('pins the first outputs, so that a change of algorithm is noticed (it would change every cohort)', () => {
    const r = new Rng(1);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([488166547, 690920666, 2296302286]);
    expect(hashString('abc')).toBe(0x1a47e90b); // FNV-1a 32 of "abc" (published test vector)
  });

  it('draws uniform numbers in [0, 1) with the right mean and variance', () => {
    const r = new Rng(7);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      if (!(u >= 0 && u < 1)) outside++;
      s += u;
      s2 += u * u;
    }
    expect(outside).toBe(0);
    // Mean 1/2 and variance 1/12; SE of the mean is sqrt(1/12/n) ≈ 0.0009, so 0.005 is > 5 SE.
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it('draws normal, log-normal, exponential and Weibull deviates with their moments', () => {
    const r = new Rng(11);
    const n = 50_000;
    const mean = (f: () => number): number => {
      let s = 0;
      for (let i = 0; i < n; i++) s += f();
      return s / n;
    };
    // Tolerances are about 5 standard errors of each mean at n = 50,000.
    expect(Math.abs(mean(() => r.normal(10, 2)) - 10)).toBeLessThan(0.05);
    expect(Math.abs(mean(() => Math.log(r.logNormal(20, 0.5))) - Math.log(20))).toBeLessThan(0.012);
    expect(Math.abs(mean(() => r.exponential(0.5)) - 2)).toBeLessThan(0.05);
    // Weibull(shape 1, scale 3) is exponential with mean 3.
    expect(Math.abs(mean(() => r.weibull(1, 3)) - 3)).toBeLessThan(0.07);
    const t = Array.from({ length: 2000 }, () => r.truncNormal(0, 1, -0.5, 0.5));
    expect(Math.min(...t)).toBeGreaterThanOrEqual(-0.5);
    expect(Math.max(...t)).toBeLessThanOrEqual(0.5);
  });

  it('picks with the given weights', () => {
    const r = new Rng(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) {
      counts[
        r.pick([
          ['a', 1],
          ['b', 2],
          ['c', 7],
        ] as const)
      ]++;
    }
    // Expected 3,000 / 6,000 / 21,000; SD about 52 / 69 / 79: 300 is > 3.8 SD.
    expect(Math.abs(counts.a - 3000)).toBeLessThan(300);
    expect(Math.abs(counts.b - 6000)).toBeLessThan(300);
    expect(Math.abs(counts.c - 21000)).toBeLessThan(300);
    expect(() => r.pick([['a', 0]])).toThrow(RangeError);
  });

  it('forks independent, reproducible child streams', () => {
    const a = new Rng(5);
    const b = new Rng(5);
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    const c = new Rng(5);
    expect(c.fork('y').next()).not.toBe(new Rng(5).fork('x').next());
  });

  it('makes RFC 9562 version-4 UUIDs', () => {
    const r = new Rng(9);
    for (let i = 0; i < 100; i++) {
      expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
