import { ErrorCode, id, isoDate } from '@cmr-mass/core';
import { z } from 'zod';

/** The one error shape of every failure (core's `ErrorBody`). */
export const errorResponse = z
  .object({
    error: z.object({
      code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      field: z.string().optional().describe('the field at fault, e.g. `sizeLongMm` or `lesions[2].t1NativeMs`'),
      current: z.unknown().optional().describe('on a 409 version conflict: the record as it is now'),
      issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .describe('Error: {"error": {"code", "message", "field"?}}');

/** A path with a record id. */
export const idParams = z.strictObject({ id });

/** A query-string flag: `1`, `true`, `0`, `false`. */
export const flag = z
  .enum(['1', '0', 'true', 'false'], { error: 'must be 1, 0, true or false' })
  .transform((v) => v === '1' || v === 'true');

/** A query-string whole number within bounds. */
export function queryInt(min: number, max: number): z.ZodType<number, string> {
  return z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number' })
    .transform((v) => Number(v))
    .pipe(z.number().int().min(min, { error: `must be at least ${min}` }).max(max, { error: `must be at most ${max}` }));
}

/** `page` (from 1) and `pageSize` (1-500, default 50). */
export const paging = {
  page: queryInt(1, 1_000_000).optional().describe('page number, from 1 (default 1)'),
  pageSize: queryInt(1, 500).optional().describe('records per page, 1-500 (default 50)'),
};

/** A date filter of the query string. */
export const queryDate = isoDate;

/** A page of results: `{ items, total, page, pageSize }`. */
export function pageOf<T extends z.ZodType>(item: T): z.ZodObject<{
  items: z.ZodArray<T>;
  total: z.ZodNumber;
  page: z.ZodNumber;
  pageSize: z.ZodNumber;
}> {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

/** A plausibility warning returned with a write (core's `RuleViolation`). */
export const warning = z.object({
  rule: z.string(),
  severity: z.string(),
  field: z.string(),
  message: z.string(),
});

/** The result of a write: `{ record, warnings }`. */
export function writeResultOf<T extends z.ZodType>(record: T): z.ZodObject<{
  record: T;
  warnings: z.ZodArray<typeof warning>;
}> {
  return z.object({ record, warnings: z.array(warning) });
}

/** Resolves `page`/`pageSize` to a limit and an offset. */
export function pageWindow(q: { readonly page?: number; readonly pageSize?: number }): {
  readonly page: number;
  readonly pageSize: number;
  readonly limit: number;
  readonly offset: number;
} {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}
