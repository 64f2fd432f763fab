import { deleteBody, forms, id, isoDate, type FormName } from '@cmr-mass/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps, RequestContext } from '../context.js';
import { addRoute } from '../http/route.js';
import { flag, idParams, pageOf, pageWindow, paging, writeResultOf } from '../http/schemas.js';
import { requireAccess } from '../registry/access.js';
import { presentParticipant } from '../registry/blinding.js';
import { resolveSiteId } from '../registry/sites.js';
import { FORM_ROUTES, recordSchema } from './form-paths.js';
import { historyEntry } from './history-schema.js';

/** The generic list filters of a form (participants have their own, richer list). */
function listQuery(form: FormName): z.ZodObject {
  const byExam = form === 'lesion_finding' || form === 'reading';
  return z.strictObject({
    participantId: id.optional(),
    ...(byExam ? { examId: id.optional() } : {}),
    site: z.string().min(1).max(64).optional().describe('site code (BJ01) or id'),
    createdFrom: isoDate.optional().describe('records created on or after this date'),
    createdTo: isoDate.optional().describe('records created on or before this date'),
    includeDeleted: flag.optional(),
    ...paging,
  });
}

/** The day after a date, for an inclusive upper bound on timestamps. */
function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A record as the actor may see it (participants lose their status for readers). */
function present(ctx: RequestContext, form: FormName, record: Readonly<Record<string, unknown>>): unknown {
  return form === 'participant' ? presentParticipant(ctx.actor, record) : record;
}

/**
 * A list filtered by participant is refused (403) when the participant belongs to a site the actor
 * does not reach, rather than answered with an empty page: the repository would return nothing
 * anyway, and the client learns why.
 */
async function requireParticipantAccess(deps: AppDeps, ctx: RequestContext, form: FormName, participantId: string): Promise<void> {
  const p = await deps.handle.db.selectFrom('participants').select('site_id').where('id', '=', participantId).executeTakeFirst();
  if (p) requireAccess(ctx.actor, 'read', form, p.site_id);
}

type ListQuery = {
  participantId?: string;
  examId?: string;
  site?: string;
  createdFrom?: string;
  createdTo?: string;
  includeDeleted?: boolean;
  page?: number;
  pageSize?: number;
};

/**
 * The routes every form has, generic over `core`'s forms registry: list, create, read, update,
 * soft-delete and history. The repository checks access, validates, applies plausibility rules and
 * audits; these adapters only translate HTTP.
 */
export function registerFormRoutes(app: FastifyInstance, deps: AppDeps): void {
  for (const { form, path } of FORM_ROUTES) {
    const def = forms[form];
    const label = def.label.en;
    const base = `/api/v1/${path}`;
    const record = recordSchema(form);
    const tags = [path];

    if (form !== 'participant') {
      addRoute(app, deps, {
        method: 'GET',
        url: base,
        summary: `List ${label} records`,
        tags,
        querystring: listQuery(form),
        response: pageOf(record),
        handler: async ({ query }, ctx) => {
          const q = query as ListQuery;
          const w = pageWindow(q);
          const siteId = q.site === undefined ? undefined : await resolveSiteId(deps.handle.db, q.site);
          if (q.participantId !== undefined) await requireParticipantAccess(deps, ctx, form, q.participantId);
          const page = await ctx.repo.list(form, {
            ...(q.participantId !== undefined ? { participantId: q.participantId } : {}),
            ...(q.examId !== undefined ? { examId: q.examId } : {}),
            ...(siteId !== undefined ? { siteId } : {}),
            ...(q.createdFrom !== undefined ? { createdFrom: q.createdFrom } : {}),
            ...(q.createdTo !== undefined ? { createdTo: dayAfter(q.createdTo) } : {}),
            includeDeleted: q.includeDeleted ?? false,
            limit: w.limit,
            offset: w.offset,
          });
          return { items: page.items, total: page.total, page: w.page, pageSize: w.pageSize };
        },
      });
    }

    addRoute(app, deps, {
      method: 'POST',
      url: base,
      summary: `Create a ${label} record`,
      description: 'Answers 201 with the record as stored and the plausibility warnings to show.',
      tags,
      body: def.create,
      bodyValidatedBy: 'repository',
      status: 201,
      response: writeResultOf(record),
      handler: async ({ body }, ctx) => {
        const r = await ctx.repo.create(form, body);
        return { record: present(ctx, form, r.record), warnings: r.warnings };
      },
    });

    addRoute(app, deps, {
      method: 'GET',
      url: `${base}/:id`,
      summary: `Read a ${label} record`,
      tags,
      params: idParams,
      querystring: z.strictObject({ includeDeleted: flag.optional() }),
      response: record,
      handler: async ({ params, query }, ctx) =>
        present(ctx, form, await ctx.repo.get(form, params.id, { includeDeleted: query.includeDeleted ?? false })),
    });

    addRoute(app, deps, {
      method: 'PATCH',
      url: `${base}/:id`,
      summary: `Change a ${label} record`,
      description:
        'Send the `version` you read and the fields that change. A different version answers 409 with `error.current`, the record as it is now; a record saved as complete needs a `reason`.',
      tags,
      params: idParams,
      body: def.update,
      bodyValidatedBy: 'repository',
      response: writeResultOf(record),
      handler: async ({ params, body }, ctx) => {
        const r = await ctx.repo.update(form, params.id, body);
        return { record: present(ctx, form, r.record), warnings: r.warnings };
      },
    });

    addRoute(app, deps, {
      method: 'DELETE',
      url: `${base}/:id`,
      summary: `Soft-delete a ${label} record, with a reason`,
      description: 'The record stays in the database, marked deleted, with the reason in the audit trail.',
      tags,
      params: idParams,
      body: deleteBody.strict(),
      bodyValidatedBy: 'repository',
      response: writeResultOf(record),
      handler: async ({ params, body }, ctx) => {
        const r = await ctx.repo.remove(form, params.id, body);
        return { record: present(ctx, form, r.record), warnings: r.warnings };
      },
    });

    addRoute(app, deps, {
      method: 'GET',
      url: `${base}/:id/history`,
      summary: `History of a ${label} record: who changed what, when and why`,
      tags,
      params: idParams,
      response: z.object({ items: z.array(historyEntry) }),
      handler: async ({ params }, ctx) => ({ items: await ctx.repo.history(form, params.id) }),
    });
  }
}
