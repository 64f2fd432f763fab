import { createHmac, randomBytes } from 'node:crypto';
import { addDays } from '@cmr-mass/core';
import type { ReportParticipantRow } from '../dataset/dataset.js';

/** The largest date shift, in days, either way. */
export const MAX_SHIFT_DAYS = 180;

/**
 * The date shift of one participant: a keyed hash (HMAC-SHA-256) of the study ID mapped to a non-zero
 * whole number of days in [-180, 180]. All of a participant's dates move together, so intervals
 * (and every time-to-event, which the dataset holds in days) are unchanged.
 * See: HIPAA Safe Harbor / Expert Determination guidance on date shifting (45 CFR 164.514).
 */
export function dateShiftDays(studyId: string, secret: string): number {
  const h = createHmac('sha256', secret).update(studyId).digest();
  const k = h.readUInt32BE(0) % (2 * MAX_SHIFT_DAYS);
  return k < MAX_SHIFT_DAYS ? k - MAX_SHIFT_DAYS : k - MAX_SHIFT_DAYS + 1;
}

/** A fresh random key for {@link dateShiftDays}: never stored, so the shifts cannot be undone. */
export function newShiftSecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * De-identifies the participant-level rows of a report: dates shifted per participant. The rows hold
 * no direct identifier (names, record numbers and contacts never leave the `identifiers` form);
 * study IDs are pseudonymous and kept so that the files link to each other. Aggregate results are
 * unaffected, since every analysis uses times in days.
 */
export function deidentifyRows(
  rows: readonly ReportParticipantRow[],
  secret: string
): ReportParticipantRow[] {
  return rows.map((r) => ({
    ...r,
    baseline_cmr_date:
      typeof r.baseline_cmr_date === 'string'
        ? addDays(r.baseline_cmr_date, dateShiftDays(r.participant_id, secret))
        : r.baseline_cmr_date,
  }));
}
