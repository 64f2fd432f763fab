import { describe, expect, it } from 'vitest';
import { StatsInputError } from '../errors.js';
import { cohenKappa } from './cohen-kappa.js';
import { diagnostic2x2 } from '../diagnostic/diagnostic-2x2.js';

describe('cohenKappa', () => {
  it('reproduces a hand-worked 2x2 kappa', () => {
    // n = 50, po = 35/50 = 0.7; rows 0.5/0.5, columns 0.6/0.4: pe = 0.5; kappa = 0.2/0.5 = 0.4
    const k = cohenKappa([
      [20, 5],
      [10, 15],
    ]);
    expect(k.po).toBeCloseTo(0.7, 15);
    expect(k.pe).toBeCloseTo(0.5, 15);
    expect(k.kappa).toBeCloseTo(0.4, 15);
  });
  it('gives se = 0 for perfect agreement and weights that reduce to identity for k = 2', () => {
    const perfect = cohenKappa(
      [
        [4, 0, 0],
        [0, 3, 0],
        [0, 0, 2],
      ],
      { weights: 'quadratic' }
    );
    expect(perfect.kappa).toBe(1);
    expect(perfect.se).toBe(0);
    const lin = cohenKappa(
      [
        [3, 1],
        [2, 4],
      ],
      { weights: 'linear' }
    );
    const unw = cohenKappa([
      [3, 1],
      [2, 4],
    ]);
    expect(lin.kappa).toBeCloseTo(unw.kappa, 15);
  });
  it('allows an empty category and rejects a non-square table', () => {
    expect(
      cohenKappa([
        [5, 1, 0],
        [2, 6, 0],
        [0, 0, 0],
      ]).kappa
    ).toBeGreaterThan(0);
    expect(() => cohenKappa([[1, 2], [3]])).toThrow(expect.objectContaining({ field: 'table[1]' }));
    expect(() =>
      cohenKappa([
        [1, -2],
        [3, 4],
      ])
    ).toThrow(StatsInputError);
    expect(() =>
      cohenKappa([
        [1, 2, 3],
        [3, 4, 5],
      ])
    ).toThrow(expect.objectContaining({ field: 'table[0]' }));
  });
});

describe('diagnostic2x2', () => {
  it('computes the proportions and likelihood ratios by their definitions', () => {
    const d = diagnostic2x2({ tp: 26, fp: 14, fn: 15, tn: 58 });
    expect(d.sensitivity.estimate).toBe(26 / 41);
    expect(d.specificity.estimate).toBe(58 / 72);
    expect(d.prevalence.estimate).toBe(41 / 113);
    expect(d.lrPositive.estimate).toBeCloseTo(26 / 41 / (14 / 72), 14);
    const [lo, hi] = d.sensitivity.clopperPearson;
    expect(lo).toBeLessThan(26 / 41);
    expect(hi).toBeGreaterThan(26 / 41);
  });
  it('gives IEEE values for zero cells and refuses bad counts', () => {
    const d = diagnostic2x2({ tp: 9, fp: 0, fn: 3, tn: 20 });
    expect(d.lrPositive.estimate).toBe(Infinity);
    expect(d.lrPositive.lower).toBeNaN();
    expect(d.specificity.clopperPearson[1]).toBe(1);
    expect(() => diagnostic2x2({ tp: 1.5, fp: 0, fn: 3, tn: 20 })).toThrow(
      expect.objectContaining({ field: 'tp' })
    );
  });
});
