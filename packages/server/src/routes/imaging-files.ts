import { forbidden, notFound } from '@cmr-mass/core';
import {
  getImage,
  imagePart,
  instanceBytes,
  loadExamScope,
  mayReadIdentifiers,
  withImaging,
  type ImageMeta,
} from '@cmr-mass/db';
import { renderPreviewPng } from '@cmr-mass/imaging';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps, RequestContext } from '../context.js';
import { contextOf } from '../http/route.js';
import { errorResponse, idParams } from '../http/schemas.js';
import { ByteLru, decodeSourceFrame, sourceFrameBytes } from '../imaging/source-pixels.js';
import { numbersOf } from '../imaging/views.js';

const ERRORS = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** Decoded source frames kept per app (64 MiB: a few hundred 256 x 256 frames). */
const FRAME_CACHE_BYTES = 64 * 1024 ** 2;

type BinaryHandler = (ctx: RequestContext, id: string, reply: FastifyReply) => Promise<FastifyReply>;

function binaryRoute(
  app: FastifyInstance,
  deps: AppDeps,
  url: string,
  summary: string,
  description: string,
  handler: BinaryHandler
): void {
  app.route({
    method: 'GET',
    url,
    schema: {
      summary,
      description,
      tags: ['imaging'],
      params: idParams,
      response: { 200: z.string().describe(description), ...ERRORS },
    },
    handler: async (req: FastifyRequest, reply: FastifyReply) => {
      const { id } = req.params as z.output<typeof idParams>;
      return handler(contextOf(deps, req), id, reply);
    },
  });
}

function send(reply: FastifyReply, type: string, bytes: Uint8Array, attachment?: string): FastifyReply {
  void reply.header('content-type', type);
  if (attachment) void reply.header('content-disposition', `attachment; filename="${attachment}"`);
  return reply.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

async function storedPart(
  deps: AppDeps,
  image: ImageMeta,
  part: 'pixels' | 'r2' | 'preview_png' | 'dicom'
): Promise<Uint8Array> {
  const bytes = await imagePart(deps.handle.db, image.id, part);
  if (!bytes) throw notFound(part === 'r2' ? 'R² of this map' : `${part.replace('_', ' ')} of this map`);
  return bytes;
}

/**
 * The binary parts of maps and source images, each after the access check on its exam (`read` on
 * imaging, `core`'s policy): the pixels as raw little-endian float32 (mapping-cli.md's `.f32`), the
 * R², the preview PNG, the derived DICOM map (pseudonymous), and the original uploaded instance, which
 * carries the patient's identifiers and so goes only to those who may read them.
 */
export function registerImagingFileRoutes(app: FastifyInstance, deps: AppDeps): void {
  const frames = new ByteLru(FRAME_CACHE_BYTES);

  binaryRoute(
    app,
    deps,
    '/api/v1/maps/:id/data',
    'The pixels of a map or source image',
    'application/octet-stream: raw little-endian float32, row-major, rows x columns, no header; NaN where not fitted. T1/T2 in ms, ECV as a fraction, source images in their rescaled values.',
    async (ctx, id, reply) => {
      const { image } = await getImage(deps.handle.db, ctx.actor, id, 'read');
      const bytes =
        image.kind === 'source'
          ? await sourceFrameBytes(deps.handle, image, frames)
          : await storedPart(deps, image, 'pixels');
      void reply.header('x-rows', String(image.rows)).header('x-columns', String(image.columns));
      return send(reply, 'application/octet-stream', bytes);
    }
  );

  binaryRoute(
    app,
    deps,
    '/api/v1/maps/:id/r2',
    'The goodness of fit R² of a T1 or T2 map',
    'application/octet-stream: raw little-endian float32, row-major, NaN where not fitted.',
    async (ctx, id, reply) => {
      const { image } = await getImage(deps.handle.db, ctx.actor, id, 'read');
      return send(reply, 'application/octet-stream', await storedPart(deps, image, 'r2'));
    }
  );

  binaryRoute(
    app,
    deps,
    '/api/v1/maps/:id/preview.png',
    'A preview of a map (colour map, colour bar and units) or of a source image (grey)',
    'image/png',
    async (ctx, id, reply) => {
      const { image } = await getImage(deps.handle.db, ctx.actor, id, 'read');
      if (image.kind !== 'source') {
        return send(reply, 'image/png', await storedPart(deps, image, 'preview_png'));
      }
      const values = await decodeSourceFrame(deps.handle, image);
      const time = numbersOf(image.times)[0];
      const title = time !== undefined && image.time_kind ? `${image.time_kind} ${time} ms` : 'source';
      return send(
        reply,
        'image/png',
        renderPreviewPng(values, image.rows, image.columns, { colourMap: 'grey', title })
      );
    }
  );

  binaryRoute(
    app,
    deps,
    '/api/v1/maps/:id/dicom',
    'The derived DICOM map (MR image in the source geometry, rescaled to the units; pseudonymous)',
    "application/dicom (DICOM PS3.10), as an attachment. PatientName and PatientID are the participant's study ID. Source images have none: see /api/v1/dicom-instances/:id.",
    async (ctx, id, reply) => {
      const { image } = await getImage(deps.handle.db, ctx.actor, id, 'read');
      if (image.kind === 'source') throw notFound('derived DICOM of a source image');
      return send(
        reply,
        'application/dicom',
        await storedPart(deps, image, 'dicom'),
        `${image.kind}_${image.slice_index}.dcm`
      );
    }
  );

  binaryRoute(
    app,
    deps,
    '/api/v1/dicom-instances/:id',
    "An uploaded DICOM file as it was sent (with the patient's identifiers)",
    "application/dicom (DICOM PS3.10), as an attachment: only for those who may read the site's identifiers (site staff).",
    async (ctx, id, reply) => {
      const row = await withImaging(deps.handle.db)
        .selectFrom('dicom_instances')
        .select(['exam_id', 'sop_instance_uid'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) throw notFound('DICOM instance');
      const scope = await loadExamScope(deps.handle.db, ctx.actor, row.exam_id, 'read');
      if (!mayReadIdentifiers(ctx.actor, scope.siteId)) {
        throw forbidden(
          `${ctx.actor.role} may not download original DICOM files: they carry the patient's identifiers`
        );
      }
      const bytes = await instanceBytes(deps.handle.db, id);
      // Identifiable data leaving the server: recorded like an export (who, when, which file).
      await ctx.repo.recordEvent({
        action: 'export',
        entity: 'dicom_instance',
        entityId: id,
        participantId: scope.participantId,
        siteId: scope.siteId,
        after: { examId: row.exam_id, sopInstanceUid: row.sop_instance_uid, bytes: bytes.byteLength },
        reason: 'original DICOM file downloaded (with identifiers)',
      });
      return send(reply, 'application/dicom', bytes, `${row.sop_instance_uid}.dcm`);
    }
  );
}
