import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../test-io.js';

const dir = mkdtempSync(join(tmpdir(), 'cmr-stats-'));
const specFile = (name: string, spec: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof spec === 'string' ? spec : JSON.stringify(spec));
  return file;
};

/** The single stderr line, parsed. */
const errorLine = (text: string): Record<string, unknown> => {
  const lines = text.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
};

describe('cmr-mass stats', () => {
  it('prints one JSON result and exits 0 for a valid spec', async () => {
    const io = captureIo();
    const file = specFile('diag.json', { analysis: 'diagnostic_2x2', tp: 26, fp: 14, fn: 15, tn: 58 });
    expect(await main(['stats', file], io)).toBe(0);
    expect(io.err()).toBe('');
    expect(io.out().endsWith('}\n')).toBe(true);
    const out = JSON.parse(io.out()) as { table: { n: number }; sensitivity: { estimate: number } };
    expect(out.table.n).toBe(113);
    expect(out.sensitivity.estimate).toBe(26 / 41);
  });

  it('writes non-finite values as R strings, never null', async () => {
    const io = captureIo();
    const file = specFile('fp0.json', { analysis: 'diagnostic_2x2', tp: 9, fp: 0, fn: 3, tn: 20 });
    expect(await main(['stats', file], io)).toBe(0);
    const out = JSON.parse(io.out()) as { lr_positive: Record<string, unknown> };
    expect(out.lr_positive).toEqual({ estimate: 'Inf', se_log: 'Inf', lower: 'NaN', upper: 'Inf' });
    expect(io.out()).not.toContain('null');
  });

  it('reads the spec from standard input with -', async () => {
    const io = captureIo({
      stdinText: JSON.stringify({
        analysis: 'cohen_kappa',
        table: [
          [5, 1],
          [2, 7],
        ],
      }),
    });
    expect(await main(['stats', '-'], io)).toBe(0);
    expect((JSON.parse(io.out()) as { weights: string }).weights).toBe('unweighted');
  });

  it('exits 2 with the invalid_spec line naming the field', async () => {
    const io = captureIo();
    const file = specFile('bad.json', { analysis: 'diagnostic_2x2', tp: 26, fp: -1, fn: 15, tn: 58 });
    expect(await main(['stats', file], io)).toBe(2);
    expect(io.out()).toBe('');
    const err = errorLine(io.err());
    expect(Object.keys(err)).toEqual(['error', 'field', 'message']);
    expect(err['error']).toBe('invalid_spec');
    expect(err['field']).toBe('fp');
  });

  it('exits 2 for an unknown key, an unknown analysis, bad JSON and a missing file', async () => {
    const cases: [string, string][] = [
      [specFile('typo.json', { analysis: 'diagnostic_2x2', tp: 1, fp: 1, fn: 1, tn: 1, tx: 3 }), 'tx'],
      [specFile('unknown.json', { analysis: 'anova' }), 'analysis'],
      [specFile('notjson.json', '{"analysis": '), ''],
      [join(dir, 'missing.json'), ''],
    ];
    for (const [file, field] of cases) {
      const io = captureIo();
      expect(await main(['stats', file], io)).toBe(2);
      const err = errorLine(io.err());
      expect(err['error']).toBe('invalid_spec');
      expect(err['field']).toBe(field);
      expect(io.out()).toBe('');
    }
  });

  it('names the data cell of a bad value', async () => {
    const io = captureIo();
    const file = specFile('km.json', {
      analysis: 'kaplan_meier',
      data: [
        { time: 5, status: 1 },
        { time: 'Inf', status: 0 },
      ],
      time: 'time',
      event: 'status',
    });
    expect(await main(['stats', file], io)).toBe(2);
    expect(errorLine(io.err())['field']).toBe('data[1].time');
  });

  it('exits 1 with computation_failed when the analysis cannot be computed', async () => {
    const io = captureIo();
    // no diseased subjects: sensitivity has denominator 0 (R's binom.test stops)
    const file = specFile('nodisease.json', { analysis: 'diagnostic_2x2', tp: 0, fp: 4, fn: 0, tn: 9 });
    expect(await main(['stats', file], io)).toBe(1);
    expect(io.out()).toBe('');
    const err = errorLine(io.err());
    expect(Object.keys(err)).toEqual(['error', 'message']);
    expect(err['error']).toBe('computation_failed');
  });

  it('exits 2 without an argument', async () => {
    const io = captureIo();
    expect(await main(['stats'], io)).toBe(2);
    expect(errorLine(io.err())['error']).toBe('invalid_spec');
  });
});

describe('cmr-mass stats on an R fixture spec', () => {
  it('prints what R printed for lung_km by_sex (medians and the first survival values)', async () => {
    const fixtures = join(import.meta.dirname, '..', '..', '..', 'stats', 'testdata', 'r-fixtures');
    const io = captureIo();
    expect(await main(['stats', join(fixtures, 'specs', 'lung_km__by_sex.json')], io)).toBe(0);
    const got = JSON.parse(io.out()) as {
      table: { strata: string; median: number }[];
      curves: { surv: number[] }[];
    };
    const fixture = JSON.parse(readFileSync(join(fixtures, 'lung_km.json'), 'utf8')) as {
      cases: {
        name: string;
        result: { table: { strata: string; median: number }[]; curves: { surv: number[] }[] };
      }[];
    };
    const want = fixture.cases.find((c) => c.name === 'by_sex')!.result;
    expect(got.table.map((t) => [t.strata, t.median])).toEqual(want.table.map((t) => [t.strata, t.median]));
    got.curves[0]!.surv.slice(0, 20).forEach((s, i) => {
      expect(Math.abs(s - want.curves[0]!.surv[i]!)).toBeLessThan(1e-12);
    });
  });
});
