import { deriveParticipantStatus, eligibilityDecision, type ParticipantStatus } from '@cmr-mass/core';
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
  const e = await tx.db
    .selectFrom('eligibility')
    .select([
      'cmr_scheduled_or_done',
      'consent',
      'exclusion_mass_undetermined',
      'exclusion_follow_up_impossible',
      'exclusion_other',
    ])
    .where('participant_id', '=', p.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const decision = e
    ? eligibilityDecision({
        cmrScheduledOrDone: e.cmr_scheduled_or_done === null ? null : e.cmr_scheduled_or_done === 1,
        consent: e.consent,
        exclusionMassUndetermined: e.exclusion_mass_undetermined === 1,
        exclusionFollowUpImpossible: e.exclusion_follow_up_impossible === 1,
        exclusionOther: e.exclusion_other === 1,
      }).decision
    : null;
  const deaths = cb.events
    .filter((x) => x.type === 'death')
    .map((x) => x.eventDate)
    .sort();
  return deriveParticipantStatus({
    eligibility: decision,
    withdrawnDate: dates.withdrawnDate,
    lostToFollowUpDate: dates.lostToFollowUpDate,
    deathDate: deaths[0] ?? null,
    finalVisitDone: cb.visitFacts.some((v) => v.visitMonth === 36 && v.contactOutcome === 'reached'),
  });
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
  if (status === p.status) return;
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
}
