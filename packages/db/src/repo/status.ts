import { deriveParticipantStatus, eligibilityDecision, type ParticipantStatus } from '@cmr-mass/core';
import type { EligibilityRow } from '../schema/tables.js';
import { loadCasebookFacts, type CasebookFacts } from './casebook-dates.js';
import type { ParticipantState } from './participant-state.js';
import type { Tx } from './unit-of-work.js';

/** Forms whose records move a participant's status (eligibility decision, death, 36-month visit). */
export const STATUS_FORMS: ReadonlySet<string> = new Set(['eligibility', 'follow_up_visit', 'outcome_event']);

/** The dates a status depends on that the participant row itself holds. */
export interface StatusDates {
  readonly withdrawnDate: string | null;
  readonly lostToFollowUpDate: string | null;
}

/** The live eligibility form's answers that the eligibility decision depends on (stored as rows). */
export type EligibilityFacts = Readonly<
  Pick<
    EligibilityRow,
    | 'cmr_scheduled_or_done'
    | 'consent'
    | 'exclusion_mass_undetermined'
    | 'exclusion_follow_up_impossible'
    | 'exclusion_other'
  >
>;

/**
 * The participant's status by `core`'s `deriveParticipantStatus`, from the casebook, the live
 * eligibility form (null when there is none) and the dates the participant row holds. Pure.
 */
export function statusFrom(
  cb: CasebookFacts,
  e: EligibilityFacts | null,
  dates: StatusDates
): ParticipantStatus {
  const decision = e
    ? eligibilityDecision({
        cmrScheduledOrDone: e.cmr_scheduled_or_done === null ? null : e.cmr_scheduled_or_done === 1,
        consent: e.consent,
        exclusionMassUndetermined: e.exclusion_mass_undetermined === 1,
        exclusionFollowUpImpossible: e.exclusion_follow_up_impossible === 1,
        exclusionOther: e.exclusion_other === 1,
      }).decision
    : null;
  let death: string | null = null;
  for (const x of cb.events) {
    if (x.type === 'death' && (death === null || x.eventDate < death)) death = x.eventDate;
  }
  return deriveParticipantStatus({
    eligibility: decision,
    withdrawnDate: dates.withdrawnDate,
    lostToFollowUpDate: dates.lostToFollowUpDate,
    deathDate: death,
    finalVisitDone: cb.visitFacts.some((v) => v.visitMonth === 36 && v.contactOutcome === 'reached'),
  });
}

/** The live eligibility form of a participant, as {@link statusFrom} needs it (null when none). */
export async function loadEligibilityFacts(tx: Tx, participantId: string): Promise<EligibilityFacts | null> {
  const e = await tx.db
    .selectFrom('eligibility')
    .select([
      'cmr_scheduled_or_done',
      'consent',
      'exclusion_mass_undetermined',
      'exclusion_follow_up_impossible',
      'exclusion_other',
    ])
    .where('participant_id', '=', participantId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return e ?? null;
}

/**
 * Derives the participant's status with `core`'s `deriveParticipantStatus` from the stored casebook
 * (call it after the write, so that the write is included).
 */
export async function deriveStatus(
  tx: Tx,
  p: ParticipantState,
  dates: StatusDates,
  facts?: CasebookFacts | null
): Promise<ParticipantStatus> {
  const cb = facts ?? (await loadCasebookFacts(tx, { ...p, withdrawnDate: dates.withdrawnDate }));
  return statusFrom(cb, await loadEligibilityFacts(tx, p.id), dates);
}

/**
 * Re-derives the status after a write to a form in {@link STATUS_FORMS} and, when it changed, stores
 * it (a new participant version, audited with the reason).
 */
export async function refreshStatus(
  tx: Tx,
  p: ParticipantState,
  form: string,
  facts: CasebookFacts | null
): Promise<void> {
  const status = await deriveStatus(tx, p, p, facts);
  if (status !== p.status) await storeStatus(tx, p, status, form);
}

/**
 * Stores a newly derived status on the participant row (a new version), audited with the form whose
 * change caused it. The caller has checked that the status changed.
 *
 * @returns the participant as it is now
 */
export async function storeStatus(
  tx: Tx,
  p: ParticipantState,
  status: ParticipantStatus,
  form: string
): Promise<ParticipantState> {
  await tx.db
    .updateTable('participants')
    .set({ status, version: p.version + 1, updated_at: tx.at, updated_by: tx.ctx.actor.userId })
    .where('id', '=', p.id)
    .execute();
  tx.audit({
    action: 'update',
    entity: 'participant',
    entityId: p.id,
    participantId: p.id,
    siteId: p.siteId,
    before: { status: p.status, version: p.version },
    after: { status, version: p.version + 1 },
    reason: `status derived after a change to ${form}`,
  });
  return { ...p, status, version: p.version + 1 };
}
