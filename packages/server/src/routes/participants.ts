import { isoDate, lostToFollowUpBody, ParticipantStatus, participantRecord, withdrawBody } from '@cmr-mass/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../context.js';
import { addRoute } from '../http/route.js';
import { flag, idParams, pageOf, pageWindow, paging, writeResultOf } from '../http/schemas.js';
import { presentParticipant } from '../registry/blinding.js';
import { casebookView } from '../registry/casebook-view.js';
import { COHORT_FILTERS } from '../registry/cohorts.js';
import { listParticipants, PARTICIPANT_SORTS } from '../registry/participant-list.js';
import { resolveSiteId } from '../registry/sites.js';

const statusList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''))
  .pipe(
    z.array(
      z.enum(ParticipantStatus.codes, { error: `must be one or more of: ${ParticipantStatus.codes.join(', ')}` })
    )
  );

const participantListQuery = z.strictObject({
  site: z.string().min(1).max(64).optional().describe('site code (BJ01) or id'),
  status: statusList.optional().describe(`comma-separated: ${ParticipantStatus.codes.join(', ')}`),
  cohort: z.enum(COHORT_FILTERS).optional().describe('derived from the reference diagnosis; not for readers'),
  q: z
    .string()
    .max(32)
    .regex(/^[A-Za-z0-9-]*$/, { error: 'must be the start of a study ID, e.g. BJ01-00' })
    .optional()
    .describe('study ID prefix'),
  enrolledFrom: isoDate.optional().describe('baseline CMR on or after this date'),
  enrolledTo: isoDate.optional().describe('baseline CMR on or before this date'),
  sort: z.enum(PARTICIPANT_SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  includeDeleted: flag.optional(),
  ...paging,
});

const participantListItem = participantRecord.extend({
  siteCode: z.string(),
  baselineDate: z.string().nullable().describe('date of the baseline CMR exam'),
});

const record = { record: participantRecord };

/** Participants: the list with its filters, withdrawal, loss to follow-up and the casebook (timeline). */
export function registerParticipantRoutes(app: FastifyInstance, deps: AppDeps): void {
  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/participants',
    summary: 'List participants',
    description:
      'Site staff see their own site only. Readers are blinded: they cannot filter or sort by status or cohort, and get no status.',
    tags: ['participants'],
    querystring: participantListQuery,
    response: pageOf(participantListItem),
    handler: async ({ query }, ctx) => {
      const w = pageWindow(query);
      const siteId = query.site === undefined ? undefined : await resolveSiteId(deps.handle.db, query.site);
      const r = await listParticipants(deps.handle.db, ctx.actor, {
        ...(siteId !== undefined ? { siteId } : {}),
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.cohort !== undefined ? { cohort: query.cohort } : {}),
        ...(query.q !== undefined ? { q: query.q } : {}),
        ...(query.enrolledFrom !== undefined ? { enrolledFrom: query.enrolledFrom } : {}),
        ...(query.enrolledTo !== undefined ? { enrolledTo: query.enrolledTo } : {}),
        ...(query.sort !== undefined ? { sort: query.sort } : {}),
        ...(query.order !== undefined ? { order: query.order } : {}),
        includeDeleted: query.includeDeleted ?? false,
        limit: w.limit,
        offset: w.offset,
      });
      return { items: r.items, total: r.total, page: w.page, pageSize: w.pageSize };
    },
  });

  addRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/participants/:id/withdraw',
    summary: 'Withdraw a participant (with a reason)',
    description: 'Afterwards the participant accepts no new clinical data.',
    tags: ['participants'],
    params: idParams,
    body: withdrawBody,
    bodyValidatedBy: 'repository',
    response: writeResultOf(record.record),
    handler: async ({ params, body }, ctx) => {
      const r = await ctx.repo.withdraw(params.id, body);
      return { record: presentParticipant(ctx.actor, r.record), warnings: r.warnings };
    },
  });

  addRoute(app, deps, {
    method: 'POST',
    url: '/api/v1/participants/:id/lost-to-follow-up',
    summary: 'Declare a participant lost to follow-up (with a reason)',
    tags: ['participants'],
    params: idParams,
    body: lostToFollowUpBody,
    bodyValidatedBy: 'repository',
    response: writeResultOf(record.record),
    handler: async ({ params, body }, ctx) => {
      const r = await ctx.repo.markLostToFollowUp(params.id, body);
      return { record: presentParticipant(ctx.actor, r.record), warnings: r.warnings };
    },
  });

  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/participants/:id/casebook',
    summary: "A participant's casebook: every record you may see, the follow-up schedule, derived values",
    description:
      'The timeline of the web app. Forms you may not see are listed in `hidden`; a blinded reader gets no schedule and only the CMR-derived values.',
    tags: ['participants'],
    params: idParams,
    response: z.object({
      participant: participantRecord,
      siteCode: z.string(),
      identifiers: z.unknown().nullable(),
      eligibility: z.unknown().nullable(),
      exams: z.array(z.unknown()),
      findings: z.array(z.unknown()),
      readings: z.array(z.unknown()),
      references: z.array(z.unknown()),
      treatments: z.array(z.unknown()),
      visits: z.array(z.unknown()),
      events: z.array(z.unknown()),
      hidden: z.array(z.string()),
      schedule: z
        .array(
          z.object({
            month: z.number(),
            targetDate: z.string(),
            windowStart: z.string(),
            windowEnd: z.string(),
            status: z.string(),
            visitId: z.string().nullable(),
            contactDate: z.string().nullable(),
            failedAttempts: z.number(),
            daysToWindowEnd: z.number(),
          })
        )
        .nullable(),
      derived: z.record(z.string(), z.unknown()).describe('analysis-dataset.md names, plus `blinded`'),
    }),
    handler: ({ params }, ctx) => casebookView(ctx, params.id),
  });
}
