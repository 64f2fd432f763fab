import { describe, expect, it } from 'vitest';
import { StatsComputationError, StatsInputError } from '../errors.js';
import { runStatsSpec } from './run-spec.js';

const rows = [
  { t: 5, s: 1, g: 'a', x: 1.5, f: 'lo' },
  { t: 8, s: 0, g: 'b', x: 0.2, f: 'hi' },
  { t: 3, s: 1, g: 'a', x: 2.1, f: 'hi' },
  { t: 9, s: 1, g: 'b', x: 0.7, f: 'lo' },
  { t: 4, s: 0, g: 'a', x: 1.1, f: 'lo' },
  { t: 6, s: 1, g: 'b', x: 0.4, f: 'hi' },
];
const km = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  analysis: 'kaplan_meier',
  data: rows,
  time: 't',
  event: 's',
  ...extra,
});

/** The field of the StatsInputError thrown by `spec`, or a failure if none is thrown. */
function fieldOf(spec: unknown): string {
  try {
    runStatsSpec(spec);
  } catch (e) {
    if (e instanceof StatsInputError) return e.field;
    throw e;
  }
  throw new Error('expected an invalid spec');
}

describe('runStatsSpec validation (stats-cli.md §1-2: exit 2 with the field path)', () => {
  it('names the spec-level problems', () => {
    expect(fieldOf([1, 2])).toBe('');
    expect(fieldOf({ data: rows })).toBe('analysis');
    expect(fieldOf({ analysis: 'anova' })).toBe('analysis');
    expect(fieldOf(km({ tme: 't' }))).toBe('tme');
    expect(fieldOf({ analysis: 'kaplan_meier', data: rows, event: 's' })).toBe('time');
    expect(fieldOf(km({ time: 7 }))).toBe('time');
  });
  it('names columns and cells', () => {
    expect(fieldOf(km({ time: 'days' }))).toBe('time');
    expect(fieldOf(km({ data: [{ t: 1, s: 1 }, { s: 0 }] }))).toBe('data[1].t');
    expect(fieldOf(km({ data: [{ t: 'NaN', s: 1 }] }))).toBe('data[0].t');
    expect(fieldOf(km({ data: [{ t: 3, s: 2 }] }))).toBe('data[0].s');
    expect(fieldOf(km({ data: [{ t: 3, s: 1 }, 'row'] }))).toBe('data[1]');
    expect(
      fieldOf(
        km({
          group: 'g',
          data: [
            { t: 1, s: 1, g: 'a' },
            { t: 2, s: 0, g: 3 },
          ],
        })
      )
    ).toBe('data[1].g');
  });
  it('names factor problems', () => {
    expect(fieldOf(km({ group: 'g', factors: { g: ['a'] } }))).toBe('factors.g');
    expect(fieldOf(km({ factors: { zz: ['a', 'b'] } }))).toBe('factors.zz');
    expect(fieldOf(km({ factors: { g: 'a' } }))).toBe('factors.g');
    expect(fieldOf(km({ factors: { g: ['a', 'a'] } }))).toBe('factors.g');
  });
  it('names bad analysis keys', () => {
    expect(fieldOf(km({ conf_int: 1.5 }))).toBe('conf_int');
    expect(fieldOf(km({ quantiles: [0.5, 1] }))).toBe('quantiles[1]');
    const cox = { analysis: 'coxph', data: rows, time: 't', event: 's', terms: ['x'] };
    expect(fieldOf({ ...cox, terms: [] })).toBe('terms');
    expect(fieldOf({ ...cox, terms: ['x', 'age'] })).toBe('terms[1]');
    expect(fieldOf({ ...cox, terms: ['x', 'x'] })).toBe('terms[1]');
    expect(fieldOf({ ...cox, terms: ['g'] })).toBe('data[0].g'); // a string in an undeclared (numeric) term
    expect(fieldOf({ ...cox, ties: 'exact' })).toBe('ties');
    expect(fieldOf({ ...cox, zph: 'yes' })).toBe('zph');
    const rocSpec = { analysis: 'roc', data: rows, outcome: 'f', marker: 'x' };
    expect(fieldOf({ ...rocSpec, outcome: 't' })).toBe('levels'); // six distinct values, no levels
    expect(fieldOf({ ...rocSpec, levels: ['lo'] })).toBe('levels');
    expect(fieldOf({ ...rocSpec, direction: '>=' })).toBe('direction');
    expect(
      fieldOf({
        analysis: 'roc_test',
        data: rows,
        outcome: 'f',
        marker1: 'x',
        marker2: 't',
        directions: ['<', 'up'],
      })
    ).toBe('directions[1]');
    const cr = {
      analysis: 'competing_risks',
      data: rows,
      method: 'cuminc',
      time: 't',
      status: 's',
      at_times: [5],
    };
    expect(fieldOf({ ...cr, method: 'fine_gray' })).toBe('method');
    expect(fieldOf({ ...cr, at_times: [] })).toBe('at_times');
    expect(fieldOf({ ...cr, at_times: ['soon'] })).toBe('at_times[0]');
    expect(fieldOf({ analysis: 'logistic_glm', data: [{ y: 2, x: 1 }], outcome: 'y', terms: ['x'] })).toBe(
      'data[0].y'
    );
    expect(fieldOf({ analysis: 'cohen_kappa', table: [[1, 2], [3]] })).toBe('table[1]');
    expect(
      fieldOf({
        analysis: 'cohen_kappa',
        table: [
          [1, -2],
          [3, 4],
        ],
      })
    ).toBe('table[0][1]');
    expect(
      fieldOf({
        analysis: 'cohen_kappa',
        table: [
          [1, 2],
          [3, 4],
        ],
        categories: ['a'],
      })
    ).toBe('categories');
    expect(
      fieldOf({
        analysis: 'cohen_kappa',
        table: [
          [1, 2],
          [3, 4],
        ],
        weights: 'cubic',
      })
    ).toBe('weights');
    expect(fieldOf({ analysis: 'diagnostic_2x2', tp: 1, fp: 2, fn: 3 })).toBe('tn');
  });
});

describe('runStatsSpec computation failures (exit 1)', () => {
  it('fails when no row is left, a test has one group, or a factor level has no rows', () => {
    expect(() =>
      runStatsSpec(
        km({
          data: [
            { t: null, s: 1 },
            { t: 'NA', s: 0 },
          ],
        })
      )
    ).toThrow(StatsComputationError);
    expect(() =>
      runStatsSpec({ analysis: 'logrank', data: rows.slice(0, 1), time: 't', event: 's', group: 'g' })
    ).toThrow(StatsComputationError);
    expect(() =>
      runStatsSpec({
        analysis: 'coxph',
        data: rows,
        factors: { f: ['lo', 'mid', 'hi'] },
        time: 't',
        event: 's',
        terms: ['f'],
      })
    ).toThrow(/level 'mid'/);
  });
});

describe('runStatsSpec results', () => {
  it('drops rows with a missing value in a used column, and only those', () => {
    const data = [
      ...rows,
      { t: null, s: 1, g: 'a' },
      { t: 7, s: 'NA', g: 'b' },
      { t: 2, s: 1, g: 'a', x: 'NA' },
    ];
    const out = runStatsSpec(km({ data })).result as { table: { records: number }[] };
    expect(out.table[0]!.records).toBe(7); // x is not used, so the last row stays
  });
  it('labels strata "<column>=<label>", in factor order when declared', () => {
    const out = runStatsSpec(km({ group: 'g', factors: { g: ['b', 'a'] } })).result as {
      curves: { strata: string }[];
    };
    expect(out.curves.map((c) => c.strata)).toEqual(['g=b', 'g=a']);
  });
  it('writes R special values as strings', () => {
    const out = runStatsSpec(km({ data: [{ t: 1, s: 1 }] })).result as {
      curves: { std_err: unknown[]; lower: unknown[] }[];
    };
    expect(out.curves[0]!.std_err).toEqual(['Inf']);
    expect(out.curves[0]!.lower).toEqual(['NA']);
  });
  it('names factor dummies <column><level> and keeps the level order', () => {
    const out = runStatsSpec({
      analysis: 'logistic_glm',
      data: rows,
      factors: { f: ['lo', 'hi'] },
      outcome: 's',
      terms: ['f'],
    }).result as { coefficients: { term: string }[] };
    expect(out.coefficients.map((c) => c.term)).toEqual(['(Intercept)', 'fhi']);
  });
});

describe('ROC markers declared as factors', () => {
  it('uses numeric level values, as pROC does for an ordered predictor', () => {
    const data = [
      { y: 'a', m: '1' },
      { y: 'a', m: '2' },
      { y: 'b', m: '3' },
      { y: 'b', m: '2' },
    ];
    const out = runStatsSpec({
      analysis: 'roc',
      data,
      factors: { m: ['1', '2', '3'] },
      outcome: 'y',
      marker: 'm',
    }).result as {
      auc: number;
      curve: { threshold: unknown }[];
    };
    expect(out.curve.map((c) => c.threshold)).toEqual(['-Inf', 1.5, 2.5, 'Inf']);
    expect(out.auc).toBeCloseTo(0.875, 15);
  });
});

describe('ROC outcomes with explicit levels', () => {
  it('compares string forms, so an outcome may mix numbers and strings', () => {
    const data = [
      { y: 0, m: 1 },
      { y: '0', m: 2 },
      { y: 'x', m: 9 },
      { y: 1, m: 3 },
      { y: '1', m: 4 },
    ];
    const out = runStatsSpec({ analysis: 'roc', data, outcome: 'y', marker: 'm', levels: ['0', '1'] })
      .result as {
      n_controls: number;
      n_cases: number;
      auc: number;
    };
    expect([out.n_controls, out.n_cases, out.auc]).toEqual([2, 2, 1]);
  });
});
