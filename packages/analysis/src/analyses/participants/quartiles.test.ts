import { describe, expect, it } from 'vitest';
import { statsQuartiles } from './quartiles.js';

describe('statsQuartiles', () => {
  it("gives R's type-2 quartiles (averaged inverse ECDF)", () => {
    // R: quantile(1:4, c(.25, .5, .75), type = 2) = 1.5 2.5 3.5; quantile(c(5, 1, 4, 2, 3), ..., type = 2) = 2 3 4.
    expect(statsQuartiles([4, 1, 3, 2])).toEqual({ q1: 1.5, median: 2.5, q3: 3.5 });
    expect(statsQuartiles([5, 1, 4, 2, 3])).toEqual({ q1: 2, median: 3, q3: 4 });
    // Ties and zeros: R quantile(c(0, 0, 7, 7, 7, 10), type = 2) = 0 7 7.
    expect(statsQuartiles([0, 7, 0, 7, 10, 7])).toEqual({ q1: 0, median: 7, q3: 7 });
  });
});
