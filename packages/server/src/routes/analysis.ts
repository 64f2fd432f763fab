import type * as Analysis from '@cmr-mass/analysis';
import type { StudyResults, StudySnapshot } from '@cmr-mass/analysis';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { snapshotOfRegistry } from '../registry/snapshot.js';
import type { AppDeps } from '../context.js';
import { addRoute } from '../http/route.js';
import { requireAccess } from '../registry/access.js';

/** Options of the results endpoint. */
export interface AnalysisOptions {
  /** Computes the results of a snapshot (default: the analysis package's `computeResults`). */
  readonly compute?: (snapshot: StudySnapshot) => StudyResults;
}

/** One cached computation, keyed on the data's last change (the audit trail's head). */
interface Cached {
  readonly key: string;
  readonly value: Promise<{ readonly key: string; readonly takenAt: string; readonly results: StudyResults }>;
}

/**
 * `GET /api/v1/analysis/results`: the study's results for the web dashboard, computed by the analysis
 * package from a snapshot of every site (results are aggregate: `core` lets every role but readers see
 * them) and cached until the data change (the audit trail's last sequence number is the key).
 */
export function registerAnalysisRoutes(app: FastifyInstance, deps: AppDeps, options: AnalysisOptions): void {
  // The analysis package (and its statistics) is loaded on the first request, not at start-up.
  const analysis = async (): Promise<typeof Analysis> => import('@cmr-mass/analysis');
  let cached: Cached | null = null;

  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/analysis/results',
    summary: "The study's results (the analysis package's results.json), cached until the data change",
    description:
      'Aggregate results of every site. Readers are blinded and get 403. The first call after a change computes them, which may take a few seconds.',
    tags: ['analysis'],
    response: z.object({
      key: z.string().describe('identifies the data the results were computed from (audit:<seq>)'),
      takenAt: z.string(),
      results: z.record(z.string(), z.unknown()).describe("see packages/analysis RESULTS.md"),
    }),
    handler: async (_in, ctx) => {
      requireAccess(ctx.actor, 'read', 'analysis', null);
      const head = await deps.handle.db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirst();
      const key = `audit:${head?.seq ?? 0}`;
      if (cached?.key !== key) {
        const value = (async () => {
          const snap = await snapshotOfRegistry(deps.handle, deps.clock(), key);
          const { computeResults, makeSnapshot } = await analysis();
          const snapshot = makeSnapshot(snap);
          const results = options.compute ? options.compute(snapshot) : computeResults(snapshot);
          return { key, takenAt: snap.takenAt, results };
        })();
        cached = { key, value };
        value.catch(() => {
          if (cached?.value === value) cached = null;
        });
      }
      const r = await cached.value;
      return { key: r.key, takenAt: r.takenAt, results: r.results as unknown as Record<string, unknown> };
    },
  });
}
