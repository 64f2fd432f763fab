import multipart from '@fastify/multipart';
import { listImages, listSeries, loadExamScope } from '@cmr-mass/db';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../context.js';
import { errorResponse, idParams } from '../http/schemas.js';
import { addRoute, contextOf } from '../http/route.js';
import { zodValidatorCompiler } from '../http/validation.js';
import { readUploadedFiles, UPLOAD_LIMITS } from '../imaging/multipart-files.js';
import { uploadDicom } from '../imaging/upload.js';
import { mapView, mapViewSchema, seriesView, seriesViewSchema } from '../imaging/views.js';

const GIB = 1024 ** 3;

const UPLOAD_DESCRIPTION = `multipart/form-data (RFC 7578) with the files in the field \`files\`: DICOM Part 10 files
(PS3.10) or zip archives of them, at most ${UPLOAD_LIMITS.files.toLocaleString('en')} files and ${UPLOAD_LIMITS.totalBytes / GIB} GiB in all
(also once the archives are unpacked). Files are parsed in memory and grouped by SeriesInstanceUID; each
series the upload touches is classified again over all its instances (MOLLI, ShMOLLI, Look-Locker,
T2-prep, scanner map, other). Instances already stored are skipped. A file that is not a DICOM image, or
an upload without any image, is a 400 naming \`files\` (non-image entries of archives are skipped and
listed); a study other than the exam's (its recorded StudyInstanceUID, the study already stored, or a
study stored with another exam) is a 422. Answers 201 when something was stored, 200 when every
instance was there already.`;

const uploadResult = z.object({
  stored: z.number().describe('new instances stored'),
  duplicates: z.number().describe('instances already stored (or sent twice), skipped'),
  skipped: z
    .array(z.object({ source: z.string(), reason: z.string() }))
    .describe('archive entries that are not DICOM images'),
  series: z.array(seriesViewSchema),
});

/** The multipart body, for the OpenAPI document only: the handler reads the parts as they stream. */
const uploadBody = z.object({
  files: z.array(z.string().meta({ format: 'binary' })).describe('DICOM files or zip archives'),
});

/** Path parameters are validated with zod; the multipart body is read (and checked) by the handler. */
const multipartValidator: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body'
    ? (data: unknown) => ({ value: data })
    : zodValidatorCompiler(route as Parameters<typeof zodValidatorCompiler>[0]);

const mapsQuery = z.strictObject({
  kind: z.enum(['source', 't1', 't2', 'ecv']).optional().describe('only images of this kind'),
  seriesInstanceUid: z.string().min(1).max(64).optional().describe('only images of this source series'),
});

const ERRORS = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/**
 * The imaging API of a CMR exam: the DICOM upload (multipart, registered on its own scope with its
 * own limits, so that every other route stays JSON-only within the app's body limit), the classified
 * series and the maps and source images the viewer lists. Thin over `db`'s imaging layer, which
 * checks access with `core`'s imaging policy and audits every write.
 */
export async function registerImagingRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: UPLOAD_LIMITS.totalBytes,
        files: UPLOAD_LIMITS.files,
        fields: UPLOAD_LIMITS.fields,
        parts: UPLOAD_LIMITS.files + UPLOAD_LIMITS.fields,
      },
    });
    scope.route({
      method: 'POST',
      url: '/api/v1/cmr-exams/:id/dicom',
      validatorCompiler: multipartValidator,
      schema: {
        summary: 'Upload DICOM files (or zip archives of them) for a CMR exam',
        description: UPLOAD_DESCRIPTION,
        tags: ['imaging'],
        consumes: ['multipart/form-data'],
        params: idParams,
        body: uploadBody,
        response: {
          200: uploadResult,
          201: uploadResult,
          ...ERRORS,
          409: errorResponse,
          413: errorResponse,
          415: errorResponse,
          422: errorResponse,
        },
      },
      handler: async (req: FastifyRequest, reply: FastifyReply) => {
        const ctx = contextOf(deps, req);
        const { id } = req.params as z.output<typeof idParams>;
        const result = await uploadDicom(ctx, id, () => readUploadedFiles(req));
        return reply.code(result.stored > 0 ? 201 : 200).send(result);
      },
    });
  });

  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/cmr-exams/:id/series',
    summary: 'The DICOM series of a CMR exam, as the imaging engine classified them',
    tags: ['imaging'],
    params: idParams,
    response: z.object({ items: z.array(seriesViewSchema) }),
    handler: async ({ params }, ctx) => {
      const scope = await loadExamScope(deps.handle.db, ctx.actor, params.id, 'read');
      return { items: (await listSeries(deps.handle.db, scope)).map(seriesView) };
    },
  });

  addRoute(app, deps, {
    method: 'GET',
    url: '/api/v1/cmr-exams/:id/maps',
    summary: 'The maps and source images of a CMR exam (no pixels: see /api/v1/maps/:id/data)',
    description:
      "Maps (t1, t2, ecv) newest first, then source images by series, slice and time. `sequence` is core's MappingSequence code when known; `name` a short label.",
    tags: ['imaging'],
    params: idParams,
    querystring: mapsQuery,
    response: z.object({ items: z.array(mapViewSchema) }),
    handler: async ({ params, query }, ctx) => {
      const db = deps.handle.db;
      const scope = await loadExamScope(db, ctx.actor, params.id, 'read');
      const [images, series] = await Promise.all([
        listImages(db, scope, {
          ...(query.kind ? { kinds: [query.kind] } : {}),
          ...(query.seriesInstanceUid ? { seriesInstanceUid: query.seriesInstanceUid } : {}),
        }),
        listSeries(db, scope),
      ]);
      const description = new Map(series.map((s) => [s.series_instance_uid, s.description]));
      return { items: images.map((i) => mapView(i, description.get(i.series_instance_uid))) };
    },
  });
}
