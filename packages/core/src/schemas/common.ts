import { z } from 'zod';
import { isIsoDate } from '../util/dates.js';
import type { CodeList } from '../vocab/define.js';
import { FormStatus } from '../vocab/participant.js';

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isIsoDate, { error: 'must be a real date written YYYY-MM-DD' });

/** A UTC timestamp (ISO 8601 with Z). */
export const isoDateTime = z.iso.datetime({ error: 'must be a UTC timestamp (ISO 8601)' });

/** A record identifier (UUID). */
export const id = z.uuid({ error: 'must be an identifier (UUID)' });

/** A site code: 2-8 capital letters or digits starting with a letter, e.g. `BJ01`. Prefixes study IDs. */
export const siteCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,7}$/, { error: 'must be 2-8 capital letters or digits, starting with a letter' });

/** A pseudonymous study ID: the site code, a dash and a 4-digit number, e.g. `BJ01-0042`. */
export const studyId = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,7}-\d{4,}$/, { error: 'must be SITE-NNNN, e.g. BJ01-0042' });

/** A DICOM UID (PS3.5 §9.1): digits and dots, at most 64 characters. */
export const dicomUid = z
  .string()
  .max(64, { error: 'a DICOM UID has at most 64 characters' })
  .regex(/^(0|[1-9]\d*)(\.(0|[1-9]\d*))+$/, { error: 'must be a DICOM UID (digits and dots)' });

/** A value from a code list. */
export function code<C extends string>(list: CodeList<C>): z.ZodEnum<{ [K in C]: K }> {
  return z.enum(list.codes as unknown as [C, ...C[]], {
    error: `must be one of: ${list.codes.join(', ')}`,
  });
}

/** A finite number within [min, max] (hard schema bounds; plausibility rules are narrower). */
export function num(min: number, max: number, unit = ''): z.ZodNumber {
  const u = unit ? ` ${unit}` : '';
  return z
    .number({ error: 'must be a number' })
    .min(min, { error: `must be at least ${min}${u}` })
    .max(max, { error: `must be at most ${max}${u}` });
}

/** An integer within [min, max]. */
export function int(min: number, max: number, unit = ''): z.ZodNumber {
  return num(min, max, unit).int({ error: 'must be a whole number' });
}

/** A short free-text note (never used for something the study measures; dropped from de-identified exports). */
export const note = z.string().max(2000, { error: 'must be at most 2000 characters' });

/** Makes a field optional and nullable: `null` means "not recorded". */
export function opt<T extends z.ZodType>(schema: T): z.ZodOptional<z.ZodNullable<T>> {
  return schema.nullable().optional();
}

/** The completion state of a form. */
export const formStatus = code(FormStatus);

/** Fields every stored record has. */
export const recordMeta = {
  id,
  /** Starts at 1 and goes up by one on each change (optimistic concurrency). */
  version: z.number().int().min(1),
  formStatus,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  createdBy: z.string(),
  updatedBy: z.string(),
  /** Set when the record was withdrawn or soft-deleted (with a reason in the audit trail). */
  deletedAt: isoDateTime.nullable(),
};

/** The fields of an update besides the changes: the version read, and a reason when one is needed. */
export const updateMeta = {
  /** The version the client read; a different current version is a conflict (409). */
  version: z.number({ error: 'must be the version you read (a whole number)' }).int().min(1),
  /** Why the data changed; required when the record was already saved as complete. */
  reason: z.string().trim().min(3, { error: 'give a reason of at least 3 characters' }).max(500).optional(),
};

/** The body of a soft-delete or withdrawal: a reason is always required. */
export const deleteBody = z.strictObject({
  version: updateMeta.version,
  reason: z.string().trim().min(3, { error: 'give a reason of at least 3 characters' }).max(500),
});
export type DeleteBody = z.infer<typeof deleteBody>;
