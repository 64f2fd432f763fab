import type {
  forms,
  Forms,
  IsoDate,
  MassCategory,
  MassType,
  Role,
  SiteCreate,
  WithdrawalReason,
} from '@cmr-mass/core';
import type { z } from 'zod';

/** The create body of a form, as core's `create` schema accepts it. */
export type CreateBody<F extends keyof Forms> = z.input<(typeof forms)[F]['create']>;

/** A key naming one demo user (`coordinator.BJ01`, `reader.1`...), resolved to a user id by the loader. */
export type UserKey = string;

/** A study site of the demo, with the date it started enrolling. */
export interface SyntheticSite {
  /** Stable id within the cohort (a UUID from the seeded stream); the loader maps it to the database's. */
  readonly id: string;
  readonly create: SiteCreate;
  /** First possible baseline CMR at this site (sites join the study over time; an assumption). */
  readonly startDate: IsoDate;
  /** Relative share of the participants. */
  readonly weight: number;
}

/** A demo user account (no password: the loader gives it an unusable one). */
export interface SyntheticUser {
  readonly key: UserKey;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  /** The site code for site roles; null for study-wide roles and central readers. */
  readonly siteCode: string | null;
}

/**
 * One record of a participant's casebook: the form, a stable id, who writes it, and the create body
 * in core's shape. Parent keys (`participantId`, `examId`, `lesionId`, `visitId`, `siteId`) hold
 * cohort ids, which the loader replaces with the ids the database gives.
 */
export type SyntheticRecord = {
  [F in keyof Forms]: {
    readonly form: F;
    readonly id: string;
    /** The user who creates the record (coordinator for clinical forms, reader for CMR findings). */
    readonly by: UserKey;
    readonly data: CreateBody<F>;
    /** For a lesion finding: the lesion's cohort id (also when `data.lesionId` is omitted). */
    readonly lesionKey?: string;
  };
}[keyof Forms];

/** What really happened, known to the generator and the tests but never loaded. */
export interface ParticipantTruth {
  readonly massType: MassType;
  readonly category: MassCategory;
  readonly age: number;
  readonly baselineDate: IsoDate;
  /** Features drawn from another type's profile (an atypical case). */
  readonly atypical: boolean;
  /** Date of death, if it happened before today (whether or not a contact has learned of it yet). */
  readonly deathDate: IsoDate | null;
  /** Day (from the baseline CMR) of every event that happened, learned of or not. */
  readonly eventDays: Readonly<Partial<Record<string, number>>>;
  /** Why the participant was excluded, if they were. */
  readonly exclusion: 'consent_declined' | 'follow_up_impossible' | 'mass_undetermined' | null;
}

/** The withdrawal of a participant (core's `withdrawBody` without the version). */
export interface SyntheticWithdrawal {
  readonly date: IsoDate;
  readonly reasonCode: WithdrawalReason;
  readonly reason: string;
}

/** Declaring a participant lost to follow-up (core's `lostToFollowUpBody` without the version). */
export interface SyntheticLoss {
  readonly date: IsoDate;
  readonly reason: string;
}

/** One synthetic participant: records in the order they are created, and status changes. */
export interface SyntheticParticipant {
  readonly id: string;
  readonly siteCode: string;
  /** The site's coordinator, who creates the clinical records. */
  readonly coordinator: UserKey;
  readonly records: readonly SyntheticRecord[];
  readonly withdrawal: SyntheticWithdrawal | null;
  readonly lostToFollowUp: SyntheticLoss | null;
  readonly truth: ParticipantTruth;
}

/** The whole synthetic cohort: plain data, the same for the same options. */
export interface SyntheticCohort {
  readonly meta: {
    readonly synthetic: true;
    /** Shown wherever the data are shown. */
    readonly label: string;
    readonly seed: number;
    readonly today: IsoDate;
    readonly participants: number;
    readonly generator: string;
  };
  readonly sites: readonly SyntheticSite[];
  readonly users: readonly SyntheticUser[];
  readonly participants: readonly SyntheticParticipant[];
}
