import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { StatsComputationError, StatsInputError } from '../errors.js';
import { roc, rocFromGroups } from './roc.js';
import { rocTest } from './roc-test.js';

/*
 * Hand-worked AUC: controls 1 2 3, cases 2 4 5. Of the 9 (case, control) pairs the case is higher in
 * 7 and tied in 1 (2 vs 2): AUC = (7 + ½)/9 = 5/6. Distinct values 1 2 3 4 5 give thresholds
 * −∞, 1.5, 2.5, 3.5, 4.5, +∞.
 */
describe('roc', () => {
  const r = rocFromGroups([1, 2, 3], [2, 4, 5], '<', ['c', 'k']);
  it('reproduces the hand-worked AUC and thresholds', () => {
    expect(r.auc).toBeCloseTo(5 / 6, 15);
    expect(r.curve.thresholds).toEqual([-Infinity, 1.5, 2.5, 3.5, 4.5, Infinity]);
    expect(r.curve.sensitivities[0]).toBe(1);
    expect(r.curve.specificities[0]).toBe(0);
    expect(r.curve.specificities.at(-1)).toBe(1);
  });
  it('finds the Youden point(s): at 3.5, sensitivity 2/3 and specificity 1', () => {
    expect(r.bestYouden).toEqual([{ threshold: 3.5, sensitivity: 2 / 3, specificity: 1 }]);
  });
  it('chooses the direction from the medians and the levels from the sorted response', () => {
    const auto = roc([5, 1, 2, 4, 3, 2], ['y', 'x', 'x', 'y', 'x', 'y']);
    expect(auto.levels).toEqual(['x', 'y']);
    expect(auto.direction).toBe('<');
    const flipped = roc([5, 1, 2, 4, 3, 2], ['y', 'x', 'x', 'y', 'x', 'y'], { levels: ['y', 'x'] });
    expect(flipped.direction).toBe('>');
    expect(flipped.auc).toBeCloseTo(auto.auc, 15);
  });
  it('has no DeLong variance with a single case (R: NA)', () => {
    const one = rocFromGroups([1, 2, 3], [4], '<', ['0', '1']);
    expect(one.varAuc).toBeNull();
    expect(one.ciAuc.lower).toBeNull();
  });
  it('perfect separation: AUC 1, variance 0, and pROC warning', () => {
    const p = rocFromGroups([1, 2, 3], [4, 5, 6], '<', ['0', '1']);
    expect(p.auc).toBe(1);
    expect(p.varAuc).toBe(0);
    expect(p.warnings.join()).toContain('AUC == 1');
  });
  it('errors clearly without cases, with NaN, or with three response values and no levels', () => {
    expect(() => roc([1, 2], ['a', 'a'], { levels: ['a', 'b'] })).toThrow(StatsComputationError);
    expect(() => roc([1, NaN], ['a', 'b'])).toThrow(expect.objectContaining({ field: 'marker[1]' }));
    expect(() => roc([1, 2, 3], ['a', 'b', 'c'])).toThrow(StatsInputError);
  });
  test.prop(
    [fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.boolean()), { minLength: 4, maxLength: 80 })],
    { numRuns: 80 }
  )('AUC of the negated marker is 1 − AUC; the DeLong θ equals the trapezoidal AUC', (rows) => {
    const controls = rows.filter((r) => !r[1]).map((r) => r[0]);
    const cases = rows.filter((r) => r[1]).map((r) => r[0]);
    if (controls.length < 2 || cases.length < 2) return;
    const a = rocFromGroups(controls, cases, '<', ['0', '1']);
    const b = rocFromGroups(
      controls.map((v) => -v),
      cases.map((v) => -v),
      '<',
      ['0', '1']
    );
    expect(b.auc).toBeCloseTo(1 - a.auc, 12);
    expect(a.ciAuc.auc).toBeCloseTo(a.auc, 12);
  });
});

describe('rocTest', () => {
  it('gives Z = 0 for a curve tested against itself', () => {
    const a = rocFromGroups([1, 2, 3, 2.5], [2, 4, 5, 3.5], '<', ['0', '1']);
    const t = rocTest(a, a);
    expect(t.statistic).toBe(0);
    expect(t.pValue).toBe(1);
    expect(t.method).toBe("DeLong's test for two correlated ROC curves");
  });
  it('warns for curves with different directions and refuses unpaired curves', () => {
    const a = rocFromGroups([1, 2, 3], [2, 4, 5], '<', ['0', '1']);
    const b = rocFromGroups([3, 2, 1], [2, 0, 1], '>', ['0', '1']);
    expect(rocTest(a, b).warnings[0]).toContain('different direction');
    expect(() => rocTest(a, rocFromGroups([1, 2], [3, 4], '<', ['0', '1']))).toThrow(StatsInputError);
  });
});
