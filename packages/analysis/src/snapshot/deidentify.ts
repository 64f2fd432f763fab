import { createHmac, randomBytes } from 'node:crypto';
import { addDays } from '@cmr-mass/core';
import type { ReportParticipantRow } from '../dataset/dataset.js';

/** Dates move back by 0 to 364 days, as REDCap's and `cmr-mass export --deidentify` do. */
export const MAX_SHIFT_DAYS = 364;

/** Ages above this are shown as this age in de-identified files (HIPAA Safe Harbor: 90 and over). */
export const AGE_TOP_CODE = 90;

/** The number of days a participant's dates move back, from the study ID. */
export type ShiftDays = (studyId: string) => number;

/**
 * A date shift keyed by a secret: HMAC-SHA-256 of the study ID modulo 365, the scheme of
 * `cmr-mass export --deidentify` (whose CLI passes the study's stored salt, so that a de-identified
 * report and a de-identified export shift a participant's dates alike).
 * See: 45 CFR 164.514(b) (HIPAA de-identification); REDCap's "shift all dates by 0-364 days".
 */
export function hmacShiftDays(secret: string): ShiftDays {
  return (studyId) =>
    createHmac('sha256', secret).update(studyId, 'utf8').digest().readUInt32BE(0) % (MAX_SHIFT_DAYS + 1);
}

/** A shift with a fresh random secret that is never stored, so that the shifts cannot be undone. */
export function randomShiftDays(): ShiftDays {
  return hmacShiftDays(randomBytes(32).toString('hex'));
}

/**
 * De-identifies the participant-level rows of a report: the baseline date moved back by the
 * participant's shift and ages over 90 top-coded. The rows hold no direct identifier (names, record
 * numbers and contacts never leave the `identifiers` form); study IDs are pseudonymous and kept so
 * that the files link to each other. Aggregate results are unaffected: every analysis counts time in
 * days from the baseline CMR.
 */
export function deidentifyRows(
  rows: readonly ReportParticipantRow[],
  shiftDays: ShiftDays
): ReportParticipantRow[] {
  return rows.map((r) => ({
    ...r,
    baseline_cmr_date:
      typeof r.baseline_cmr_date === 'string'
        ? addDays(r.baseline_cmr_date, -shiftDays(r.participant_id))
        : r.baseline_cmr_date,
    age: typeof r.age === 'number' && r.age > AGE_TOP_CODE ? AGE_TOP_CODE : r.age,
  }));
}
