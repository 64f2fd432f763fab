import { z } from 'zod';
import { code, id, isoDate, note, opt } from './common.js';
import { defineForm } from './define-form.js';
import { Consent } from '../vocab/index.js';

/**
 * Eligibility (clinical.md; the registry's criteria): included when a CMR is scheduled or done;
 * excluded when the nature of the mass cannot be determined or follow-up cannot be obtained. An
 * exclusion may be recorded at screening or later (when the mass stays undetermined), and moves the
 * participant to `excluded`.
 */
export const eligibilityForm = defineForm({
  name: 'eligibility',
  label: { en: 'Eligibility', zh: '入排标准' },
  parent: { participantId: id },
  fields: {
    assessedDate: isoDate,
    /** Inclusion: a CMR is scheduled or has been done. */
    cmrScheduledOrDone: opt(z.boolean()),
    consent: opt(code(Consent)),
    /** Exclusion: the nature of the mass cannot be determined (no histology, no conclusive follow-up). */
    exclusionMassUndetermined: z.boolean().default(false),
    /** Exclusion: follow-up cannot be obtained. */
    exclusionFollowUpImpossible: z.boolean().default(false),
    /** Any other documented reason to exclude. */
    exclusionOther: z.boolean().default(false),
    exclusionNote: opt(note),
  },
  requiredWhenComplete: ['cmrScheduledOrDone', 'consent'],
});
export type Eligibility = z.infer<typeof eligibilityForm.record>;

/** The reasons a participant is excluded, for the STARD/STROBE flow diagram. */
export type ExclusionReason =
  'no_cmr' | 'consent_declined' | 'mass_undetermined' | 'follow_up_impossible' | 'other';

/** The eligibility fields needed to decide. */
export type EligibilityDecisionInput = Pick<
  Eligibility,
  | 'cmrScheduledOrDone'
  | 'consent'
  | 'exclusionMassUndetermined'
  | 'exclusionFollowUpImpossible'
  | 'exclusionOther'
>;

/**
 * Decides eligibility: `eligible` when included and no exclusion applies; `excluded` with the reasons
 * when any criterion fails; `pending` while inclusion or consent is not yet recorded.
 */
export function eligibilityDecision(e: EligibilityDecisionInput): {
  readonly decision: 'eligible' | 'excluded' | 'pending';
  readonly reasons: readonly ExclusionReason[];
} {
  const reasons: ExclusionReason[] = [];
  if (e.cmrScheduledOrDone === false) reasons.push('no_cmr');
  if (e.consent === 'declined') reasons.push('consent_declined');
  if (e.exclusionMassUndetermined) reasons.push('mass_undetermined');
  if (e.exclusionFollowUpImpossible) reasons.push('follow_up_impossible');
  if (e.exclusionOther) reasons.push('other');
  if (reasons.length > 0) return { decision: 'excluded', reasons };
  if (e.cmrScheduledOrDone == null || e.consent == null) return { decision: 'pending', reasons };
  return { decision: 'eligible', reasons };
}
