import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { StatsComputationError } from '../errors.js';
import { concordance } from './concordance.js';
import { coxLikelihood, coxPh, coxZph } from './cox-ph.js';

/*
 * Hand-derived example (one covariate, no tied deaths, so Efron = Breslow):
 *   time 1 2 3 4, status 1 1 1 0, x 1 0 1 0
 *   risk sets: {1,2,3,4} {2,3,4} {3,4}; with w = e^β,
 *   ℓ(β) = β − log(2w + 2) − log(w + 2) + β − log(w + 1)
 *   U(β) = 2/(w + 1) − w/(w + 2) = 0  ⇔  w² − w − 4 = 0  ⇔  β̂ = log((1 + √17)/2)
 *   at β = 0: ℓ = −log 24, U = 1/2 − 1/3 + 1/2 = 2/3, I = 1/4 + 2/9 + 1/4 = 13/18,
 *   score test U²/I = 8/13.
 */
const small = { time: [1, 2, 3, 4], status: [1, 1, 1, 0], x: [[1], [0], [1], [0]], names: ['x'] };

describe('coxPh', () => {
  for (const ties of ['efron', 'breslow'] as const) {
    it(`reproduces the hand-derived fit (${ties})`, () => {
      const fit = coxPh({ ...small, ties });
      expect(fit.coefficients[0]!.coef).toBeCloseTo(Math.log((1 + Math.sqrt(17)) / 2), 9);
      expect(fit.loglikNull).toBeCloseTo(-Math.log(24), 14);
      expect(fit.tests.score.statistic).toBeCloseTo(8 / 13, 14);
      expect(fit.converged).toBe(true);
      expect(fit.means[0]!.mean).toBe(0); // a 0/1 covariate is not centred (survival's rule)
    });
  }
  it('has a zero score at the estimate (invariant)', () => {
    const input = {
      time: [5, 8, 8, 3, 12, 7, 7, 2, 9, 15, 4, 11],
      status: [1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1],
      x: [
        [1.2, 0],
        [0.3, 1],
        [2.2, 0],
        [1.9, 1],
        [0.1, 0],
        [0.8, 1],
        [1.5, 1],
        [0.4, 0],
        [1.1, 0],
        [0.2, 1],
        [2.5, 0],
        [0.9, 1],
      ],
      names: ['a', 'b'],
    };
    for (const ties of ['efron', 'breslow'] as const) {
      const fit = coxPh({ ...input, ties });
      const at = coxLikelihood(
        { ...input, ties },
        fit.coefficients.map((c) => c.coef)
      );
      for (const u of at.score) expect(Math.abs(u)).toBeLessThan(1e-7);
      expect(at.loglik).toBeCloseTo(fit.loglik, 12);
    }
  });
  it('cannot be fitted without events or with a constant covariate', () => {
    expect(() => coxPh({ ...small, status: [0, 0, 0, 0] })).toThrow(StatsComputationError);
    expect(() => coxPh({ ...small, x: [[1], [1], [1], [1]] })).toThrow(StatsComputationError);
    expect(() => coxPh({ time: [3], status: [1], x: [[2]], names: ['x'] })).toThrow(StatsComputationError);
  });
  it('refuses a non-finite covariate naming it', () => {
    expect(() => coxPh({ ...small, x: [[1], [NaN], [1], [0]] })).toThrow(
      expect.objectContaining({ field: 'x[1][0]' })
    );
  });
  it('accepts covariates as columns, with the same result as rows', () => {
    const a = coxPh(small);
    const b = coxPh({ time: small.time, status: small.status, columns: [[1, 0, 1, 0]], names: ['x'] });
    expect(b.coefficients).toEqual(a.coefficients);
  });
  it('gives a proportional-hazards table with one row per term plus GLOBAL', () => {
    const input = {
      time: [5, 8, 8, 3, 12, 7, 7, 2, 9, 15, 4, 11],
      status: [1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1],
      x: [
        [1.2, 0],
        [0.3, 1],
        [2.2, 0],
        [1.9, 1],
        [0.1, 0],
        [0.8, 1],
        [1.5, 1],
        [0.4, 0],
        [1.1, 0],
        [0.2, 1],
        [2.5, 0],
        [0.9, 1],
      ],
      names: ['a', 'b'],
    };
    const fit = coxPh(input);
    const z = coxZph(input, fit);
    expect(z.table.map((r) => r.term)).toEqual(['a', 'b', 'GLOBAL']);
    expect(z.table[2]!.df).toBe(2);
    const joint = coxZph(input, fit, [{ term: 'ab', columns: [0, 1] }]);
    expect(joint.table[0]!.chisq).toBeCloseTo(joint.table[1]!.chisq, 10); // one term holding all = GLOBAL
  });
});

describe('concordance', () => {
  it('counts pairs by hand', () => {
    // events at 1, 2, 3; 4 censored. Comparable pairs (event, later): (1,2) (1,3) (1,4) (2,3) (2,4) (3,4)
    // score 4 3 1 2: a higher score failing earlier is concordant with reverse = true
    const c = concordance([1, 2, 3, 4], [1, 1, 1, 0], [4, 3, 1, 2], { reverse: true });
    expect([c.concordant, c.discordant, c.tiedX, c.tiedY, c.tiedXY]).toEqual([5, 1, 0, 0, 0]);
    expect(c.c).toBeCloseTo(5 / 6, 15);
  });
  it('counts tied times and tied scores', () => {
    const c = concordance([2, 2, 2, 5], [1, 1, 0, 1], [1, 1, 3, 0]);
    expect(c.tiedY + c.tiedXY).toBe(1); // one pair of events at t = 2 ...
    expect(c.tiedXY).toBe(1); // ... with equal scores
  });
  test.prop(
    [
      fc.array(
        fc.tuple(
          fc.integer({ min: 1, max: 20 }),
          fc.integer({ min: 0, max: 1 }),
          fc.integer({ min: 0, max: 9 })
        ),
        { minLength: 2, maxLength: 40 }
      ),
    ],
    { numRuns: 60 }
  )('agrees with the O(n²) pair count', (rows) => {
    const t = rows.map((r) => r[0]);
    const s = rows.map((r) => r[1]);
    const x = rows.map((r) => r[2]);
    let conc = 0;
    let disc = 0;
    let tx = 0;
    for (let i = 0; i < rows.length; i++) {
      if (s[i] !== 1) continue;
      for (let j = 0; j < rows.length; j++) {
        if (j === i || !(t[j]! > t[i]! || (t[j] === t[i] && s[j] === 0))) continue;
        if (x[j]! > x[i]!) conc++;
        else if (x[j]! < x[i]!) disc++;
        else tx++;
      }
    }
    const c = concordance(t, s, x);
    expect([c.concordant, c.discordant, c.tiedX]).toEqual([conc, disc, tx]);
  });
});
