import { describe, expect, it } from 'vitest';
import { ANALYSES, runStatsSpec } from '../src/index.js';
import { compareWithR, toleranceFor } from './compare-with-r.js';
import { loadFixtureCases } from './fixtures.js';

/**
 * Every case of every R reference fixture, through the same code path as `cmr-mass stats` (the spec
 * object → runStatsSpec → JSON text → parsed back), compared with R's stored result under the
 * acceptance check's rule and tolerances (1e-9 closed form, 1e-6 coxph/logistic_glm; see the README
 * in testdata/r-fixtures).
 */
const cases = loadFixtureCases();

describe('R reference fixtures', () => {
  it('finds all 44 public cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(44);
  });
  it('covers every analysis of the contract', () => {
    expect(new Set(cases.map((c) => c.analysis))).toEqual(new Set(ANALYSES));
  });
  for (const c of cases) {
    it(c.id, () => {
      const { result } = runStatsSpec(c.spec);
      const printed: unknown = JSON.parse(JSON.stringify(result));
      const cmp = compareWithR(c.expected, printed, toleranceFor(c.analysis));
      expect(cmp.mismatches.slice(0, 5)).toEqual([]);
    });
  }
});
