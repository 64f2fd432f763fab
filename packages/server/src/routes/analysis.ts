import type * as Analysis from '@cmr-mass/analysis';
import type { StudyResults } from '@cmr-mass/analysis';
import type { Actor } from '@cmr-mass/core';
import type { DbHandle } from '@cmr-mass/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../context.js';
import { contextOf } from '../http/route.js';
import { errorResponse } from '../http/schemas.js';
import { requireAccess } from '../registry/access.js';

/** The results of the database now, with the key of the data they were computed from. */
export interface ResultsAnswer {
  readonly results: StudyResults;
  readonly cached: boolean;
  readonly key: string;
}

/** Options of the results endpoint. */
export interface AnalysisOptions {
  /**
   * Computes (or fetches from a cache) the results of the database, reading it as `actor`. Default:
   * the analysis package's `cachedResults` with one cache for this app. Tests pass a cheap stand-in.
   */
  readonly results?: (handle: DbHandle, actor: Actor, now: () => Date) => Promise<ResultsAnswer>;
}

/**
 * Who reads the snapshot: study-wide, read-only, no identifiers (a monitor's rights), used only after
 * the caller's own right to the aggregate results was checked (`core`: `analysis`).
 */
const SNAPSHOT_ACTOR: Actor = { userId: 'system', role: 'monitor', siteId: null, display: 'analysis snapshot' };

/**
 * `GET /api/v1/analysis/results`: the analysis package's results (results.json) for the web
 * dashboard, computed from a snapshot of every site and cached until the data change (the key is the
 * audit trail's last sequence number, today's date and the decision-support version). Results are
 * aggregate, so `core` lets every role but blinded readers see them.
 */
export function registerAnalysisRoutes(app: FastifyInstance, deps: AppDeps, options: AnalysisOptions): void {
  // The analysis package (and its statistics) is loaded on the first request, not at start-up.
  let analysis: Promise<typeof Analysis> | null = null;
  let cache: Analysis.ResultsCache | null = null;
  const defaultResults = async (handle: DbHandle, actor: Actor, now: () => Date): Promise<ResultsAnswer> => {
    analysis ??= import('@cmr-mass/analysis');
    const a = await analysis;
    cache ??= a.createResultsCache();
    return a.cachedResults(handle, { actor, cache, now });
  };
  const results = options.results ?? defaultResults;

  app.route({
    method: 'GET',
    url: '/api/v1/analysis/results',
    schema: {
      summary: "The study's results (the analysis package's results.json), cached until the data change",
      description:
        'Aggregate results of every site; readers are blinded and get 403. The headers `x-results-key` and `x-results-cached` say which data the results come from and whether they were cached; the first call after a change computes them, which may take seconds.',
      tags: ['analysis'],
      response: {
        200: z.record(z.string(), z.unknown()).describe('results.json: see packages/analysis/RESULTS.md'),
        401: errorResponse,
        403: errorResponse,
      },
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const ctx = contextOf(deps, req);
      requireAccess(ctx.actor, 'read', 'analysis', null);
      const r = await results(deps.handle, SNAPSHOT_ACTOR, deps.clock);
      return reply
        .header('x-results-key', r.key)
        .header('x-results-cached', r.cached ? '1' : '0')
        .send(r.results);
    },
  });
}
