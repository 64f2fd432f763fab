import { describe, expect, it } from 'vitest';
import { groupingFrom } from '../survival/grouping.js';
import { aalenJohansen } from './aalen-johansen.js';
import { cuminc } from './cuminc.js';

/*
 * Hand-worked cumulative incidence (no censoring before the events):
 *   time 1 2 3 4 5, cause 1 2 1 0 1  (0 = censored)
 *   overall survival before t: 1, 4/5, 3/5, 2/5, 2/5
 *   CIF cause 1 jumps by S(t−)·d/n: at 1: 1·1/5 = 0.2; at 3: (3/5)(1/3) = 0.2; at 5: (2/5)(1/1) = 0.4
 *   → 0.2, 0.4, 0.8. Cause 2 at 2: (4/5)(1/4) = 0.2.
 */
const time = [1, 2, 3, 4, 5];
const cause = [1, 2, 1, 0, 1];

describe('cuminc', () => {
  const r = cuminc({ time, cause, causeLabels: ['1', '2'], atTimes: [2, 4.5, 6] });
  it('reproduces the hand-worked incidence, listed corner by corner', () => {
    const c1 = r.curves[0]!;
    expect(c1.name).toBe('1 1');
    expect(c1.time).toEqual([0, 1, 1, 3, 3, 5, 5, 5]);
    const want = [0, 0, 0.2, 0.2, 0.4, 0.4, 0.8, 0.8];
    c1.est.forEach((v, i) => {
      expect(v).toBeCloseTo(want[i]!, 15);
    });
    expect(r.curves[1]!.est.at(-1)).toBeCloseTo(0.2, 15);
  });
  it('reads the step function at requested times, NA after the last time', () => {
    expect(r.atTimes.map((a) => a.est)).toEqual([0.2, expect.closeTo(0.4, 14), null, 0.2, 0.2, null]);
  });
  it("adds Gray's test only with groups", () => {
    expect(r.grayTest).toBeUndefined();
    const g = cuminc({
      time: [...time, ...time],
      cause: [...cause, 2, 2, 0, 1, 0],
      causeLabels: ['1', '2'],
      group: groupingFrom(['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b']),
    });
    expect(g.grayTest!.map((t) => t.cause)).toEqual(['1', '2']);
    expect(g.grayTest![0]!.df).toBe(1);
  });
});

describe('aalenJohansen', () => {
  it('equals the cumulative incidence and has states summing to 1', () => {
    const aj = aalenJohansen({ time, cause, causeLabels: ['1', '2'], atTimes: [3] });
    expect(aj.states).toEqual(['(s0)', '1', '2']);
    const curve = aj.curves[0]!;
    expect(curve.pstate.at(-1)![1]).toBeCloseTo(0.8, 15);
    for (const row of curve.pstate) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(aj.atTimes[0]!.pstate[0]).toEqual(curve.pstate[2]);
    expect(aj.atTimes[0]!.nEvent[0]).toEqual([0, 2, 1]); // transitions in (0, 3]
  });
});
