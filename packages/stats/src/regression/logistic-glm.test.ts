import { describe, expect, it } from 'vitest';
import { StatsComputationError, StatsInputError } from '../errors.js';
import { logisticGlm } from './logistic-glm.js';

/*
 * A single binary covariate has a closed form: with 3/10 events at x = 0 and 7/10 at x = 1,
 *   intercept = logit(0.3) = log(3/7),  slope = logit(0.7) − logit(0.3) = 2 log(7/3),
 *   SE(slope) = √(1/3 + 1/7 + 1/7 + 1/3)  (Woolf's formula for the log odds ratio).
 */
const x: number[][] = [];
const y: number[] = [];
for (let i = 0; i < 10; i++) {
  x.push([0]);
  y.push(i < 3 ? 1 : 0);
  x.push([1]);
  y.push(i < 7 ? 1 : 0);
}

describe('logisticGlm', () => {
  const fit = logisticGlm(x, y, ['x']);
  it('reproduces the closed-form 2x2 logistic fit', () => {
    expect(fit.coefficients[0]!.term).toBe('(Intercept)');
    expect(fit.coefficients[0]!.estimate).toBeCloseTo(Math.log(3 / 7), 8);
    expect(fit.coefficients[1]!.estimate).toBeCloseTo(2 * Math.log(7 / 3), 8);
    // glm.fit takes the covariance from the weights of the last IRLS step, one step before the
    // estimate, so the SE matches Woolf's formula only to ~1e-6 (as R's does)
    expect(Math.abs(fit.coefficients[1]!.se / Math.sqrt(2 / 3 + 2 / 7) - 1)).toBeLessThan(1e-5);
    expect(fit.coefficients[1]!.oddsRatio).toBeCloseTo((7 / 3) ** 2, 6);
    expect(fit.converged).toBe(true);
    expect(fit.dfResidual).toBe(18);
    expect(fit.dfNull).toBe(19);
    // AIC = deviance + 2p for 0/1 data
    expect(fit.aic).toBeCloseTo(fit.deviance + 4, 10);
  });
  it('intercept-only: the estimate is the logit of the event rate', () => {
    const f0 = logisticGlm(
      x.map(() => []),
      y,
      []
    );
    expect(f0.coefficients[0]!.estimate).toBeCloseTo(0, 12);
    expect(f0.deviance).toBeCloseTo(f0.nullDeviance, 12);
  });
  it('perfect separation: warns that fitted probabilities are 0 or 1', () => {
    const sep = logisticGlm([[1], [2], [3], [4], [5], [6]], [0, 0, 0, 1, 1, 1], ['x']);
    expect(sep.warnings.join(' ')).toContain('fitted probabilities numerically 0 or 1');
  });
  it('refuses a non-binary outcome and a rank-deficient design', () => {
    expect(() => logisticGlm([[1], [2]], [0, 2], ['x'])).toThrow(StatsInputError);
    expect(() =>
      logisticGlm(
        [
          [1, 2],
          [2, 4],
          [3, 6],
          [1, 2],
        ],
        [0, 1, 1, 0],
        ['a', 'b']
      )
    ).toThrow(StatsComputationError);
  });
});
