import { id, isoDate, VisitStatus, type VisitStatus as VisitStatusCode } from '@cmr-mass/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../context.js';
import { addRoute } from '../http/route.js';
import { pageOf, pageWindow, paging, queryInt } from '../http/schemas.js';
import { resolveSiteId } from '../registry/sites.js';
import { worklist, WORKLIST_STATUSES } from '../registry/worklist.js';
import { historyEntry } from './history-schema.js';

const visitStatuses = Object.values(VisitStatus) as [VisitStatusCode, ...VisitStatusCode[]];

const worklistQuery = z.strictObject({
  site: z.string().min(1).max(64).optional().describe('site code or id (site staff: their own)'),
  from: isoDate.optional().describe('visits whose window ends on or after this date (default: a year ago)'),
  to: isoDate.optional().describe('visits whose window starts on or before this date (default: in 60 days)'),
  status: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''))
    .pipe(z.array(z.enum(visitStatuses, { error: `must be one or more of: ${visitStatuses.join(', ')}` })))
    .optional()
    .describe('comma-separated (default due,overdue,missed)'),
  ...paging,
});

const worklistItem = z.object({
  participantId: z.string(),
  studyId: z.string(),
  siteCode: z.string(),
  month: z.number(),
  targetDate: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: z.enum(visitStatuses),
  failedAttempts: z.number(),
  lastAttemptDate: z.string().nullable(),
  daysToWindowEnd: z.number(),
  urgency: z.number().describe("core's urgencyRank: smaller is more urgent"),
  contact: z
    .object({ phone: z.string().nullable(), alternatePhone: z.string().nullable(), contactNotes: z.string().nullable() })
    .nullable()
    .describe("for the site's own staff only"),
});

const auditQuery = z.strictObject({
  entity: z.string().min(1).max(64).optional().describe('e.g. participant, follow_up_visit, user, export'),
  entityId: z.string().min(1).max(128).optional(),
  participantId: id.optional(),
  afterSeq: queryInt(0, Number.MAX_SAFE_INTEGER).optional().describe('rows after this sequence number (paging)'),
  limit: queryInt(1, 1000).optional().describe('at most this many rows (default 100)'),
});

/** The follow-up worklist and the audit trail. */
export function registerWorklistAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/worklist',
    summary: 'Follow-up visits that are due, overdue or missed, most urgent first',
    description:
      "Enrolled participants' scheduled visits whose window overlaps [from, to], sorted by core's urgencyRank. `contact` (phones, contact notes) is given to the site's own staff only.",
    tags: ['follow-up'],
    querystring: worklistQuery,
    response: pageOf(worklistItem).extend({ statuses: z.array(z.string()) }),
    handler: async ({ query }, ctx) => {
      const w = pageWindow({ page: query.page, pageSize: query.pageSize ?? 100 });
      const siteId = query.site === undefined ? undefined : await resolveSiteId(deps.handle.db, query.site);
      const statuses = query.status ?? WORKLIST_STATUSES;
      const all = await worklist(deps.handle.db, ctx.actor, deps.clock(), {
        ...(siteId !== undefined ? { siteId } : {}),
        ...(query.from !== undefined ? { from: query.from } : {}),
        ...(query.to !== undefined ? { to: query.to } : {}),
        statuses,
      });
      return {
        items: all.slice(w.offset, w.offset + w.limit),
        total: all.length,
        page: w.page,
        pageSize: w.pageSize,
        statuses: [...statuses],
      };
    },
  });

  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/audit',
    summary: 'The audit trail (monitors, administrators; site staff for their own site)',
    description:
      'With `entity` and `entityId`: the history of that entity. Otherwise the trail in order, paged by `afterSeq`; `entity` then filters the page.',
    tags: ['audit'],
    querystring: auditQuery,
    response: z.object({ items: z.array(historyEntry), nextAfterSeq: z.number().nullable() }),
    handler: async ({ query }, ctx) => {
      if (query.entity !== undefined && query.entityId !== undefined) {
        const items = await ctx.repo.history(query.entity, query.entityId);
        return { items, nextAfterSeq: null };
      }
      const limit = query.limit ?? 100;
      const rows = await ctx.repo.auditTrail({
        ...(query.afterSeq !== undefined ? { afterSeq: query.afterSeq } : {}),
        ...(query.participantId !== undefined ? { participantId: query.participantId } : {}),
        limit,
      });
      const last = rows[rows.length - 1];
      const items = query.entity === undefined ? rows : rows.filter((r) => r.entity === query.entity);
      return { items, nextAfterSeq: rows.length === limit && last ? last.seq : null };
    },
  });
}
