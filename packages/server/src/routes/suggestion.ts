import { canSeeSuggestion, decisionInputFromRecords, forbidden, suggest } from '@cmr-mass/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps, RequestContext } from '../context.js';
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
 * own reading of that exam (`core`'s `canSeeSuggestion`), 403 otherwise. The suggestion is `core`'s
 * `suggest` (CMR mass score, thrombus versus tumour, tissue rules, differential, management), with
 * its reasons and sources.
 */
export function registerSuggestionRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/lesion-findings/:id/suggestion',
    summary: 'Decision support for a lesion (readers: only after their own reading of the exam is complete)',
    tags: ['decision-support'],
    params: idParams,
    description:
      "core's decision support: CMR mass score, thrombus versus tumour, tissue rules, a ranked differential and suggested management, each with reasons and sources; a suggestion, not a diagnosis.",
    response: z.record(z.string(), z.unknown()).describe("core's Suggestion"),
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
      const [exam, participant, onExam] = await Promise.all([
        ctx.repo.get('cmr_exam', finding.examId),
        ctx.repo.get('participant', finding.participantId),
        ctx.repo.list('lesion_finding', { examId: finding.examId, limit: 1 }),
      ]);
      const input = decisionInputFromRecords({ finding, exam, participant, lesionsOnExam: onExam.total });
      return suggest(input) as unknown as Record<string, unknown>;
    },
  });
}
