import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '@cmr-mass/core';
import { migrateToLatest, openDatabase, type DbHandle } from '@cmr-mass/db';
import { generateCohort, loadCohort } from '@cmr-mass/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedResults, createResultsCache } from '../api/results-cache.js';
import { computeAnalysis } from '../results/compute.js';
import { snapshotFromSynthetic } from '../testing/synthetic.js';
import { snapshotFromDb } from './from-db.js';

// SQLite only, like the synthetic package's loader test (db's test-database helpers are not exported).
const dir = mkdtempSync(join(tmpdir(), 'cmr-mass-analysis-db-'));
const statistician: Actor = {
  userId: 'test-statistician',
  role: 'statistician',
  siteId: null,
  display: 'statistician (test)',
};
const cohort = generateCohort({ participants: 60, seed: 7, today: '2026-06-30' });
let handle: DbHandle;

beforeAll(async () => {
  handle = openDatabase(join(dir, 'report.sqlite'), { synchronous: 'off' });
  await migrateToLatest(handle);
  await loadCohort(handle, cohort);
}, 120_000);

afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const now = (): Date => new Date('2026-06-30T23:59:59.000Z');

describe('snapshotFromDb', () => {
  it('reads the same study as the generator wrote: the analysis dataset and the results agree', async () => {
    const fromDb = await snapshotFromDb(handle, { actor: statistician, now });
    expect(fromDb.key).toMatch(/^audit:\d+$/);
    expect(fromDb.synthetic?.label).toBeTruthy();
    expect(fromDb.casebooks).toHaveLength(60);
    const fromGenerator = snapshotFromSynthetic(cohort);
    const a = computeAnalysis(fromDb, { now: () => 'x' });
    const b = computeAnalysis(fromGenerator, { now: () => 'x' });
    // Record ids differ (the database makes its own); everything the analyses use must not.
    const strip = (rows: typeof a.dataset.participants): unknown[] =>
      rows.map((r) => ({ ...r, index_lesion_id: null }));
    expect(strip(a.dataset.participants)).toEqual(strip(b.dataset.participants));
    expect(a.results.participants).toEqual(b.results.participants);
    expect(a.results.diagnosis.accuracy).toEqual(b.results.diagnosis.accuracy);
    expect(a.results.prognosis.km).toEqual(b.results.prognosis.km);
    expect(a.results.prognosis.cox).toEqual(b.results.prognosis.cox);
  });

  it('refuses actors who cannot read every site', async () => {
    const coordinator: Actor = { userId: 'c', role: 'coordinator', siteId: 'x', display: 'c' };
    await expect(snapshotFromDb(handle, { actor: coordinator, now })).rejects.toThrow(/may not/);
  });

  it('serves the API from a cache keyed on the last audit sequence number', async () => {
    const cache = createResultsCache();
    const first = await cachedResults(handle, { actor: statistician, cache, now });
    const second = await cachedResults(handle, { actor: statistician, cache, now });
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.key).toBe(first.key);
    expect(first.key).toMatch(/^audit:\d+\|2026-06-30\|/);
    expect(second.results).toBe(first.results);
  });
});
