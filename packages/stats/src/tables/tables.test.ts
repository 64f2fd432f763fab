import { describe, expect, it } from 'vitest';
import { StatsComputationError, StatsInputError } from '../errors.js';
import { chisqTest } from './chisq-test.js';
import { dropEmptyMargins } from './contingency.js';
import { fisherExact2x2 } from './fisher-exact.js';
import { kruskalWallis, midRanks } from './kruskal-wallis.js';

describe('chisqTest (R chisq.test)', () => {
  it("reproduces R's documented example (?chisq.test: X-squared = 30.07, df = 2, p = 2.954e-07)", () => {
    // M <- as.table(rbind(c(762, 327, 468), c(484, 239, 477))); chisq.test(M)
    const r = chisqTest([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    expect(r.statistic).toBeCloseTo(30.07, 2);
    expect(r.df).toBe(2);
    expect(r.p / 2.954e-7).toBeCloseTo(1, 3);
    expect(r.corrected).toBe(false);
    expect(r.warnings).toEqual([]);
  });

  it('applies Yates to 2 × 2 tables, derived by hand', () => {
    // [[10, 20], [30, 40]]: n = 100, E = [[12, 18], [28, 42]], |O − E| = 2 everywhere.
    // Yates: (2 − 0.5)² (1/12 + 1/18 + 1/28 + 1/42) = 2.25 × 0.198413 = 0.446429.
    const r = chisqTest([
      [10, 20],
      [30, 40],
    ]);
    const sumInv = 1 / 12 + 1 / 18 + 1 / 28 + 1 / 42;
    expect(r.statistic).toBeCloseTo(2.25 * sumInv, 12);
    expect(
      chisqTest(
        [
          [10, 20],
          [30, 40],
        ],
        false
      ).statistic
    ).toBeCloseTo(4 * sumInv, 12);
    expect(r.expected).toEqual([
      [12, 18],
      [28, 42],
    ]);
  });

  it('warns below an expected count of 5 and refuses empty margins and bad counts', () => {
    expect(
      chisqTest([
        [1, 2],
        [3, 4],
      ]).warnings
    ).toEqual(['Chi-squared approximation may be incorrect']);
    expect(() =>
      chisqTest([
        [0, 0],
        [3, 4],
      ])
    ).toThrow(StatsComputationError);
    expect(() =>
      chisqTest([
        [1, -1],
        [3, 4],
      ])
    ).toThrow(StatsInputError);
    expect(() => chisqTest([[1, 2], [3]])).toThrow(/row 1/);
    expect(
      dropEmptyMargins([
        [0, 0, 1],
        [0, 3, 4],
      ]).table
    ).toEqual([
      [0, 1],
      [3, 4],
    ]);
  });
});

describe('fisherExact2x2 (R fisher.test)', () => {
  it('gives the lady tasting tea p = 34/70 (R: 0.4857), derived by hand', () => {
    // Margins 4/4/4/4: P(x) = C(4,x)C(4,4−x)/C(8,4) = [1, 16, 36, 16, 1]/70; observed x = 3 (16/70);
    // two-sided: the tables no more probable, 1 + 16 + 16 + 1 = 34 → 34/70.
    const r = fisherExact2x2([
      [3, 1],
      [1, 3],
    ]);
    expect(r.p).toBeCloseTo(34 / 70, 12);
    expect(r.sampleOddsRatio).toBe(9);
  });

  it('is 1 for a table at its expectation and tiny for a strong association', () => {
    expect(
      fisherExact2x2([
        [5, 5],
        [5, 5],
      ]).p
    ).toBeCloseTo(1, 12);
    // [[10, 0], [0, 10]]: only the two extreme tables are as improbable: 2 / C(20, 10).
    expect(
      fisherExact2x2([
        [10, 0],
        [0, 10],
      ]).p
    ).toBeCloseTo(2 / 184756, 15);
    expect(() =>
      fisherExact2x2([
        [1, 2, 3],
        [1, 2, 3],
      ])
    ).toThrow(StatsInputError);
    expect(() =>
      fisherExact2x2([
        [1.5, 2],
        [1, 2],
      ])
    ).toThrow(/whole number/);
  });
});

describe('kruskalWallis (R kruskal.test)', () => {
  it("reproduces R's documented example (Hollander & Wolfe: chi-squared = 0.77143, p = 0.68)", () => {
    const x = [2.9, 3.0, 2.5, 2.6, 3.2, 3.8, 2.7, 4.0, 2.4, 2.8, 3.4, 3.7, 2.2, 2.0];
    const g = ['n', 'n', 'n', 'n', 'n', 'o', 'o', 'o', 'o', 'a', 'a', 'a', 'a', 'a'];
    // No ties: ranks n = {8,9,4,5,10} (36), o = {13,6,14,3} (36), a = {7,11,12,2,1} (33);
    // H = 12/(14·15) (36²/5 + 36²/4 + 33²/5) − 3·15 = 12/210 · 801 − 45 = 0.771428...
    const r = kruskalWallis(x, g);
    expect(r.statistic).toBeCloseTo((12 / 210) * (36 ** 2 / 5 + 36 ** 2 / 4 + 33 ** 2 / 5) - 45, 12);
    expect(r.statistic).toBeCloseTo(0.77143, 5);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(Math.exp(-r.statistic / 2), 12); // χ²(2) upper tail is exp(−q/2)
    expect(r.p).toBeCloseTo(0.68, 2);
  });

  it('corrects for ties and leaves out missing pairs', () => {
    expect([...midRanks([3, 1, 3, 2])]).toEqual([3.5, 1, 3.5, 2]);
    // Two groups {1, 2} and {2, 3}: ranks 1, 2.5 | 2.5, 4; H0 = 12/20 (3.5²/2 + 6.5²/2) − 15 = 1.35;
    // ties: one pair, 1 − 6/60 = 0.9 → 1.5.
    const r = kruskalWallis([1, 2, null, 2, 3], ['a', 'a', 'b', 'b', 'b']);
    expect(r.statistic).toBeCloseTo(1.5, 12);
    expect(r.groups).toEqual([
      { group: 'a', n: 2, meanRank: 1.75 },
      { group: 'b', n: 2, meanRank: 3.25 },
    ]);
    expect(() => kruskalWallis([1, 2], ['a', 'a'])).toThrow(StatsComputationError);
    expect(() => kruskalWallis([1, 1, 1], ['a', 'b', 'b'])).toThrow(/same/);
    expect(() => kruskalWallis([1, NaN], ['a', 'b'])).toThrow(StatsInputError);
  });
});
