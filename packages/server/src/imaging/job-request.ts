import { dicomUid, id } from '@cmr-mass/core';
import { polygonMask } from '@cmr-mass/imaging';
import { z } from 'zod';

/**
 * The body of `POST /api/v1/cmr-exams/:id/imaging-jobs` and the parameters a queued job keeps. The
 * request is checked here (400 naming the field); what needs the database (the series exists and is a
 * T1 source, the maps are aligned T1 maps of the exam) is checked when the job is queued (422).
 */

/**
 * A point in image pixel coordinates as the web viewer draws them: x to the right (columns), y down
 * (rows), pixel (c, r) covering [c, c+1) x [r, r+1), so that its centre is (c + 0.5, r + 0.5).
 */
const pixelPoint = z.tuple([z.number(), z.number()]);

/** A blood-pool ROI drawn on the maps, as a polygon in pixel coordinates (closed by itself). */
export const bloodRoiSchema = z.strictObject({
  polygon: z
    .array(pixelPoint)
    .min(3, { error: 'a polygon needs at least 3 points' })
    .max(10_000)
    .describe('[x, y] vertices: x along columns, y along rows; pixel (c, r) covers [c, c+1) x [r, r+1)'),
});

/**
 * The pixels of a polygon ROI as a 0/1 mask (rows x columns): a pixel is inside when its centre is,
 * as in the web viewer. Imaging's `polygonMask` puts pixel centres on whole numbers, hence the shift by
 * half a pixel.
 */
export function roiMask(
  rows: number,
  columns: number,
  polygon: readonly (readonly [number, number])[]
): Uint8Array {
  return polygonMask(
    rows,
    columns,
    polygon.map(([x, y]) => [x - 0.5, y - 0.5] as const)
  );
}

/** Blood-pool T1 given as two values (ms). */
export const bloodT1Schema = z.strictObject({
  preMs: z.number().positive().max(10_000).describe('native blood T1 (ms)'),
  postMs: z.number().positive().max(10_000).describe('post-contrast blood T1 (ms)'),
});

const mapIds = z.array(id).min(1, { error: 'give at least one map' }).max(64);

const t1Request = z.strictObject({
  kind: z.literal('t1'),
  seriesInstanceUid: dicomUid.optional().describe('the T1 source series; needed when the exam has several'),
  method: z
    .enum(['auto', 'molli', 'shmolli'])
    .optional()
    .describe("auto (default): ShMOLLI's conditional rule for ShMOLLI series, MOLLI otherwise"),
});

const t2Request = z.strictObject({
  kind: z.literal('t2'),
  seriesInstanceUid: dicomUid
    .optional()
    .describe('the T2-prep source series; needed when the exam has several'),
});

const ecvRequest = z
  .strictObject({
    kind: z.literal('ecv'),
    preMapIds: mapIds.describe('native T1 maps, one per slice'),
    postMapIds: mapIds.describe('post-contrast T1 maps on the same grids, in the same order'),
    haematocrit: z
      .number()
      .min(0.1, { error: 'haematocrit is a fraction from 0.1 to 0.7' })
      .max(0.7, { error: 'haematocrit is a fraction from 0.1 to 0.7' })
      .optional()
      .describe("default: the exam form's haematocrit"),
    bloodRoi: bloodRoiSchema.optional().describe('blood T1 = mean of each map inside this polygon'),
    bloodT1: bloodT1Schema.optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.bloodRoi === undefined) === (v.bloodT1 === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['bloodRoi'],
        message: 'give exactly one of bloodRoi and bloodT1',
      });
    }
    if (v.postMapIds.length !== v.preMapIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['postMapIds'],
        message: `${v.postMapIds.length} post-contrast maps for ${v.preMapIds.length} native maps`,
      });
    }
    if (v.bloodT1 && !(v.bloodT1.postMs < v.bloodT1.preMs)) {
      ctx.addIssue({
        code: 'custom',
        path: ['bloodT1', 'postMs'],
        message: 'post-contrast blood T1 must be shorter than native',
      });
    }
  });

/** The body of a job request. */
export const imagingJobRequest = z.discriminatedUnion('kind', [t1Request, t2Request, ecvRequest]);
export type ImagingJobRequest = z.output<typeof imagingJobRequest>;

/** The parameters a T1 or T2 job keeps (the series resolved when it was queued). */
export const fitJobParams = z.object({
  seriesInstanceUid: dicomUid,
  method: z.enum(['auto', 'molli', 'shmolli']).optional(),
});
export type FitJobParams = z.output<typeof fitJobParams>;

/** The parameters an ECV job keeps (haematocrit resolved when it was queued). */
export const ecvJobParams = z.object({
  preMapIds: z.array(id).min(1),
  postMapIds: z.array(id).min(1),
  haematocrit: z.number().min(0.1).max(0.7),
  haematocritSource: z.enum(['request', 'exam']),
  bloodRoi: bloodRoiSchema.optional(),
  bloodT1: bloodT1Schema.optional(),
});
export type EcvJobParams = z.output<typeof ecvJobParams>;
