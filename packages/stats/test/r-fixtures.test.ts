import { describe, expect, it } from 'vitest';
import { ANALYSES, runStatsSpecLazy } from '../src/spec/entry.js';
import { runStatsSpec } from '../src/index.js';
import { compareWithR, toleranceFor } from './compare-with-r.js';
import { EXTRA_FIXTURE_DIR, loadFixtureCases } from './fixtures.js';

/**
 * Every case of every R reference fixture, through the same code path as `cmr-mass stats` (the spec
 * object → runStatsSpecLazy of @cmr-mass/stats/spec → JSON text → parsed back), compared with R's stored result under the
 * acceptance check's rule and tolerances (1e-9 closed form, 1e-6 coxph/logistic_glm; see the README
 * in testdata/r-fixtures).
 */
const cases = loadFixtureCases();
const extra = loadFixtureCases(EXTRA_FIXTURE_DIR);

describe('R reference fixtures', () => {
  it('finds all 44 public cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(44);
  });
  it('covers every analysis of the contract', () => {
    expect(new Set(cases.map((c) => c.analysis))).toEqual(new Set(ANALYSES));
  });
  it('gives the same result through the synchronous API', async () => {
    for (const c of cases.filter((_, i) => i % 5 === 0)) {
      expect(runStatsSpec(c.spec).result).toEqual((await runStatsSpecLazy(c.spec)).result);
    }
  });
  for (const c of cases) {
    it(c.id, async () => {
      const { result } = await runStatsSpecLazy(c.spec);
      const printed: unknown = JSON.parse(JSON.stringify(result));
      const cmp = compareWithR(c.expected, printed, toleranceFor(c.analysis));
      expect(cmp.mismatches.slice(0, 5)).toEqual([]);
    });
  }
});

describe('extra R fixtures (generate_extra.R: other data, missing values, ties, edge cases)', () => {
  it('finds the extra cases', () => {
    expect(extra.length).toBeGreaterThanOrEqual(56);
  });
  for (const c of extra) {
    it(c.id, async () => {
      const { result } = await runStatsSpecLazy(c.spec);
      const printed: unknown = JSON.parse(JSON.stringify(result));
      const cmp = compareWithR(c.expected, printed, toleranceFor(c.analysis));
      expect(cmp.mismatches.slice(0, 5)).toEqual([]);
    });
  }
});
