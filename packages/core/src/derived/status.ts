import type { IsoDate } from '../util/dates.js';
import type { ParticipantStatus } from '../vocab/participant.js';

/** The facts a participant's status is derived from. */
export interface StatusInput {
  /** The eligibility decision (`eligibilityDecision`), or null when eligibility is not yet recorded. */
  readonly eligibility: 'eligible' | 'excluded' | 'pending' | null;
  readonly withdrawnDate: IsoDate | null;
  readonly lostToFollowUpDate: IsoDate | null;
  readonly deathDate: IsoDate | null;
  /** True when the 36-month visit was done (a successful contact). */
  readonly finalVisitDone: boolean;
}

/**
 * A participant's status, derived, never typed in: `withdrawn` and `excluded` first; `screening` until
 * eligibility is decided; then `lost_to_follow_up` once declared lost; `completed` when follow-up
 * ended (36-month visit done, or death); else `enrolled`.
 */
export function deriveParticipantStatus(s: StatusInput): ParticipantStatus {
  if (s.withdrawnDate !== null) return 'withdrawn';
  if (s.eligibility === 'excluded') return 'excluded';
  if (s.eligibility === null || s.eligibility === 'pending') return 'screening';
  if (s.deathDate !== null || s.finalVisitDone) return 'completed';
  if (s.lostToFollowUpDate !== null) return 'lost_to_follow_up';
  return 'enrolled';
}
