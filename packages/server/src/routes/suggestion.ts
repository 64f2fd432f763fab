import { canSeeSuggestion, forbidden } from '@cmr-mass/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps, RequestContext } from '../context.js';
import { notImplemented } from '../http/errors.js';
import { addRoute } from '../http/route.js';
import { idParams } from '../http/schemas.js';

/**
 * True when the actor has a reading of the exam saved as complete (or verified). A reader's list holds
 * only their own readings, so for a reader this is "my own reading is committed".
 */
async function ownReadingCommitted(ctx: RequestContext, examId: string): Promise<boolean> {
  const page = await ctx.repo.list('reading', { examId, limit: 1000 });
  return page.items.some(
    (r) => r.readerId === ctx.actor.userId && (r.formStatus === 'complete' || r.formStatus === 'verified')
  );
}

/**
 * `GET /api/v1/lesion-findings/:id/suggestion`: decision support for one lesion. Access first: the
 * finding must be readable (site, role), and a reader sees the suggestion only after committing their
 * own reading of that exam (`core`'s `canSeeSuggestion`), 403 otherwise. The suggestion itself comes
 * from `core`'s decision module once `core` exports it; until then the answer is 501 in the error shape.
 */
export function registerSuggestionRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/lesion-findings/:id/suggestion',
    summary: 'Decision support for a lesion (readers: only after their own reading of the exam is complete)',
    tags: ['decision-support'],
    params: idParams,
    response: z.object({ suggestion: z.record(z.string(), z.unknown()) }),
    handler: async ({ params }, ctx) => {
      const finding = await ctx.repo.get('lesion_finding', params.id);
      const committed = ctx.actor.role === 'reader' ? await ownReadingCommitted(ctx, finding.examId) : false;
      if (!canSeeSuggestion(ctx.actor, committed)) {
        throw forbidden(
          ctx.actor.role === 'reader'
            ? 'save your own reading of this exam as complete first: readers see decision support only afterwards'
            : 'your role does not see decision support'
        );
      }
      throw notImplemented('decision support is not available yet: core does not export its decision module');
    },
  });
}
