import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../report/write-report.js';
import { makeSnapshot } from '../snapshot/snapshot.js';
import { compareWithR } from '../testing/r-compare.js';
import { smallSnapshot, TOY_DECISION } from '../testing/small-cohort.js';
import { computeResults } from './compute.js';
import { canonicalJson, withoutTimestamps } from './json.js';
import rSmall from '../../testdata/small-cohort.r-results.json' with { type: 'json' };

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('results.json', () => {
  it('is the same for the same snapshot, timestamps aside, whatever order the casebooks came in', () => {
    const s = smallSnapshot();
    const a = canonicalJson(computeResults(s, { decision: TOY_DECISION, now: () => '2024-01-01T00:00:00Z' }));
    const b = canonicalJson(computeResults(s, { decision: TOY_DECISION, now: () => '2030-05-05T05:05:05Z' }));
    expect(a).not.toBe(b);
    expect(withoutTimestamps(a)).toEqual(withoutTimestamps(b));
    const reversed = makeSnapshot({
      sites: s.sites,
      casebooks: [...s.casebooks].reverse(),
      takenAt: s.takenAt,
      key: s.key,
    });
    const c = canonicalJson(computeResults(reversed, { decision: TOY_DECISION, now: () => 'x' }));
    expect(withoutTimestamps(c)).toEqual(withoutTimestamps(a));
  });

  it('writes the same files twice (report.html differs only in its generation time)', async () => {
    const s = smallSnapshot();
    const out = await Promise.all(
      ['a', 'b'].map(async (tag) => {
        const dir = await mkdtemp(join(tmpdir(), `cmr-mass-report-${tag}-`));
        dirs.push(dir);
        const w = await writeReport(s, {
          outDir: dir,
          decision: TOY_DECISION,
          now: () => `2024-01-0${tag === 'a' ? 1 : 2}T00:00:00Z`,
        });
        return { dir, files: w.files };
      })
    );
    expect(out[0]!.files).toEqual(out[1]!.files);
    expect(out[0]!.files).toEqual(
      expect.arrayContaining([
        'report.html',
        'results.json',
        'tables/q1_accuracy.csv',
        'figures/fig05_km_death.svg',
      ])
    );
    for (const f of out[0]!.files) {
      const [x, y] = await Promise.all(out.map((o) => readFile(join(o.dir, f), 'utf8')));
      const strip = (t: string): string => t.replace(/2024-01-0\dT00:00:00Z/g, 'T');
      expect(strip(x!), f).toBe(strip(y!));
    }
  });

  it('keys are sorted and non-finite numbers are written as R does', () => {
    expect(canonicalJson({ b: 1, a: [Number.NaN, Number.POSITIVE_INFINITY, null] }, 0)).toBe(
      '{"a":["NaN","Inf",null],"b":1}\n'
    );
  });
});

describe('agreement with R', () => {
  it('agrees with R run on the exported dataset with the r_code of each analysis (testdata/check-r.R)', () => {
    // testdata/small-cohort.r-results.json: R 4.2.2 (survival 3.5-3, pROC 1.18.0, cmprsk 2.2-11) ran
    // results.json's r_setup and r_code on the small cohort's report directory. Tolerances: 1e-9
    // relative for closed forms, 1e-6 for Cox and glm (the stats contract), exact for counts.
    const results = computeResults(smallSnapshot(), { decision: TOY_DECISION, now: () => 'x' });
    const rows = compareWithR(results, rSmall);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    expect(rows.length).toBeGreaterThan(250);
    expect(new Set(rows.map((r) => r.id)).size).toBeGreaterThan(60);
  });
});
