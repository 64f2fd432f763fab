import { createHmac, randomBytes } from 'node:crypto';
import { addDays, type FormName } from '@cmr-mass/core';
import { getStudyMeta, Repository, systemContext, type DbHandle } from '@cmr-mass/db';
import { systemActor } from '../auth/principal.js';
import type { ColumnSpec } from './columns.js';

/**
 * De-identification of exports (registry.md §2 "De-identification options", §6.2 HIPAA Safe Harbor):
 * no identifier form, no free text, no record-keeping timestamps or staff ids (which would give the
 * real dates away), no DICOM UIDs, no year of birth (the analysis dataset keeps the age, top-coded at
 * 90); pseudonymous study IDs stay; every date is shifted back by a per-participant number of days,
 * the same for all of a participant's dates, so intervals are kept (REDCap's "shift all dates by
 * 0-364 days, consistently per record").
 */

/** The study-metadata key of the secret that the date shifts are derived from. */
export const DATE_SHIFT_SALT_KEY = 'deidentification_salt';

/** Shifts are 0 to 364 days, as REDCap's. */
export const MAX_SHIFT_DAYS = 364;

/** Columns a de-identified export leaves out, besides free text. */
const DROPPED_COLUMNS = new Set([
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'deleted_at',
  'birth_year',
  'study_instance_uid',
  't1_native_provenance',
  't2_provenance',
  'ecv_provenance',
]);

/** The forms a de-identified export never contains. */
export const IDENTIFIED_ONLY_FORMS: ReadonlySet<FormName> = new Set<FormName>(['identifiers']);

/** True when a de-identified export keeps this column. */
export function keptWhenDeidentified(c: ColumnSpec): boolean {
  return !c.freeText && !DROPPED_COLUMNS.has(c.column);
}

/**
 * The number of days a participant's dates move back: HMAC-SHA-256 of the study ID under the study's
 * secret salt, modulo 365. The same study ID always gets the same shift; without the salt the shift
 * cannot be recomputed.
 */
export function shiftDays(salt: string, studyId: string): number {
  const mac = createHmac('sha256', salt).update(studyId, 'utf8').digest();
  return mac.readUInt32BE(0) % (MAX_SHIFT_DAYS + 1);
}

/** A date moved back by `days` (null stays null). */
export function shiftDate(date: string | null, days: number): string | null {
  return date === null ? null : addDays(date, -days);
}

/**
 * The study's date-shift salt, created (random, 256 bits) and stored in the study metadata the first
 * time it is needed, by the system, audited. It never leaves the server.
 */
export async function dateShiftSalt(handle: DbHandle): Promise<string> {
  const existing = await getStudyMeta(handle.db, DATE_SHIFT_SALT_KEY);
  if (typeof existing === 'string' && existing.length >= 32) return existing;
  const salt = randomBytes(32).toString('hex');
  const repo = new Repository(handle, systemContext(systemActor('cmr-mass export (date-shift salt)')));
  await repo.setStudyMeta(DATE_SHIFT_SALT_KEY, salt);
  const stored = await getStudyMeta(handle.db, DATE_SHIFT_SALT_KEY);
  return typeof stored === 'string' ? stored : salt;
}
