import type { Actor } from '@cmr-mass/core';
import type { DbHandle, LooseDB } from '@cmr-mass/db';
import type { Kysely } from 'kysely';
import { coreDecisionSupport } from '../dataset/core-decision.js';
import type { DecisionSupport } from '../dataset/decision.js';
import { computeResults } from '../results/compute.js';
import type { StudyResults } from '../results/types.js';
import { dbSnapshotKey, snapshotFromDb } from '../snapshot/from-db.js';

/**
 * A small cache of computed results for the API: one entry per cache key, the least recently used
 * dropped first. Concurrent requests for the same key share one computation. It holds no global
 * state: the server makes one and passes it to {@link cachedResults}.
 */
export interface ResultsCache {
  /** The results of `key`, computing them with `compute` when not cached (or computing already). */
  get(
    key: string,
    compute: () => Promise<StudyResults>
  ): Promise<{ readonly results: StudyResults; readonly cached: boolean }>;
  /** Keys held, most recently used last (for tests and diagnostics). */
  keys(): readonly string[];
}

/** Makes a {@link ResultsCache} holding at most `maxEntries` results (default 4). */
export function createResultsCache(maxEntries = 4): ResultsCache {
  const entries = new Map<string, Promise<StudyResults>>();
  return {
    async get(key, compute) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return { results: await hit, cached: true };
      }
      const p = compute();
      entries.set(key, p);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      try {
        return { results: await p, cached: false };
      } catch (error) {
        entries.delete(key);
        throw error;
      }
    },
    keys: () => [...entries.keys()],
  };
}

/**
 * The cache key of the results of a database: the data's last change (the audit trail's last
 * sequence number: every write appends to it, so any change gives a new key, and reading it is one
 * indexed single-row query), today's date (which visits are due depends on it) and the version of
 * the decision support whose suggestions the results validate.
 */
export async function resultsKey(
  db: Kysely<LooseDB>,
  today: string,
  decision: DecisionSupport
): Promise<string> {
  return `${await dbSnapshotKey(db)}|${today}|${decision.label ?? 'no decision support'}`;
}

/** Options of {@link cachedResults}. */
export interface CachedResultsOptions {
  /** Who asks: a study-wide read-only role (statistician, monitor, admin), as for `snapshotFromDb`. */
  readonly actor: Actor;
  readonly cache: ResultsCache;
  readonly now?: () => Date;
  /** Default: core's decision support ({@link coreDecisionSupport}). */
  readonly decision?: DecisionSupport;
}

/**
 * What the API endpoint serves: the results of the database's current data, computed on demand
 * (`snapshotFromDb` + `computeResults`) and cached under {@link resultsKey}. A request costs one
 * single-row query when nothing changed since the last computation. The results hold only aggregate
 * numbers (no participant-level data), the same as the report's results.json.
 */
export async function cachedResults(
  handle: DbHandle,
  options: CachedResultsOptions
): Promise<{ readonly results: StudyResults; readonly cached: boolean; readonly key: string }> {
  const now = options.now ?? ((): Date => new Date());
  const decision = options.decision ?? coreDecisionSupport();
  const today = now().toISOString().slice(0, 10);
  const key = await resultsKey(handle.db as unknown as Kysely<LooseDB>, today, decision);
  const out = await options.cache.get(key, async () => {
    const snapshot = await snapshotFromDb(handle, { actor: options.actor, now });
    return computeResults(snapshot, { decision, now: () => now().toISOString() });
  });
  return { ...out, key };
}
