import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../context.js';
import { errorResponse, flag } from '../http/schemas.js';
import { contextOf } from '../http/route.js';
import { notFound } from '@cmr-mass/core';
import { auditExport, exportFiles, openExport, type ExportFile } from '../export/run.js';
import { zipStream } from '../export/zip.js';
import { resolveSiteId } from '../registry/sites.js';

const exportQuery = z.strictObject({
  deidentify: flag.optional().describe('de-identified export (always, for monitors and statisticians)'),
  site: z.string().min(1).max(64).optional().describe('site code or id (site staff: their own)'),
});

const fileParams = z.strictObject({
  file: z.string().regex(/^[a-z_]+\.csv$/, { error: 'must be a file name such as participants.csv' }),
});

const ERRORS = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

type ExportQuery = z.output<typeof exportQuery>;

/** Opens the export of a request (access, mode, sites) and the files it may hold. */
async function filesFor(deps: AppDeps, req: FastifyRequest): Promise<{ scope: Awaited<ReturnType<typeof openExport>>; files: ExportFile[] }> {
  const ctx = contextOf(deps, req);
  const q = req.query as ExportQuery;
  const siteId = q.site === undefined ? undefined : await resolveSiteId(deps.handle.db, q.site);
  const scope = await openExport(deps.handle, ctx.actor, deps.clock(), {
    ...(siteId !== undefined ? { siteId } : {}),
    deidentify: q.deidentify ?? false,
  });
  return { scope, files: exportFiles(scope) };
}

function attachment(reply: FastifyReply, name: string, type: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store');
}

/**
 * Exports through the API: one CSV per form table, the analysis dataset, the codebook, and all of
 * them in one ZIP. Each is streamed from the database a page at a time and audited before it starts.
 */
export function registerExportRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.route({
    method: 'GET',
    url: '/api/v1/exports',
    schema: {
      summary: 'The files you may export',
      tags: ['exports'],
      querystring: exportQuery,
      response: {
        200: z.object({
          deidentified: z.boolean(),
          files: z.array(z.object({ file: z.string(), description: z.string(), url: z.string() })),
        }),
        ...ERRORS,
      },
    },
    handler: async (req) => {
      const { scope, files } = await filesFor(deps, req);
      const suffix = scope.deidentify ? '?deidentify=1' : '';
      return {
        deidentified: scope.deidentify,
        files: files.map((f) => ({ file: f.file, description: f.description, url: `/api/v1/exports/${f.file}${suffix}` })),
      };
    },
  });

  app.route({
    method: 'GET',
    url: '/api/v1/exports/:file',
    schema: {
      summary: 'One exported CSV file (streamed, audited)',
      description:
        'Form tables (participants.csv, cmr_exams.csv, ...), analysis_participants.csv, analysis_readings.csv, codebook.csv. De-identified exports have no identifiers, no free text, pseudonymous study IDs and dates shifted per participant.',
      tags: ['exports'],
      params: fileParams,
      querystring: exportQuery,
      response: { 200: z.string().describe('text/csv'), ...ERRORS },
    },
    handler: async (req, reply) => {
      const { file } = req.params as z.output<typeof fileParams>;
      const { scope, files } = await filesFor(deps, req);
      const f = files.find((x) => x.file === file);
      if (!f) throw notFound(`export file ${file}`);
      await auditExport(scope, f.file, 'api');
      return attachment(reply, f.file, 'text/csv; charset=utf-8').send(Readable.from(f.produce()));
    },
  });

  app.route({
    method: 'GET',
    url: '/api/v1/exports.zip',
    schema: {
      summary: 'Every exported file in one ZIP (streamed, audited)',
      tags: ['exports'],
      querystring: exportQuery,
      response: { 200: z.string().describe('application/zip'), ...ERRORS },
    },
    handler: async (req, reply) => {
      const { scope, files } = await filesFor(deps, req);
      await auditExport(scope, 'exports.zip', 'api');
      const name = scope.deidentify ? 'cmr-mass-export-deidentified.zip' : 'cmr-mass-export.zip';
      const stream = zipStream(
        files.map((f) => ({ name: f.file, produce: () => f.produce() })),
        deps.clock()
      );
      return attachment(reply, name, 'application/zip').send(Readable.from(stream));
    },
  });
}
