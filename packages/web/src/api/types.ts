import type {
  CmrExam,
  Eligibility,
  FollowUpVisit,
  FormName,
  FormStatus,
  Identifiers,
  LesionFinding,
  OutcomeEvent,
  Participant,
  ParticipantStatus,
  Reading,
  ReferenceDiagnosis,
  Role,
  RuleViolation,
  ScheduledVisit,
  Site,
  Treatment,
} from '@cmr-mass/core';

/** `GET /api/v1/meta`. */
export interface Meta {
  /** True when the database holds the synthetic demo cohort. */
  readonly demo: boolean;
  readonly version: string;
  readonly languages: readonly string[];
  /** Today at the server (YYYY-MM-DD): the date the schedule and rules use. */
  readonly today: string;
}

/** The logged-in user as the API describes them. */
export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly siteId: string | null;
  readonly siteCode?: string | null;
  readonly displayName?: string;
}

/** `POST /api/v1/auth/login` and (usually) `GET /api/v1/auth/me`. */
export interface SessionInfo {
  readonly user: SessionUser;
  readonly csrfToken?: string;
}

/** The fields every stored record has. */
export interface RecordMeta {
  readonly id: string;
  readonly version: number;
  readonly formStatus: FormStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string;
  readonly updatedBy: string;
  readonly deletedAt: string | null;
}

/** A stored record of any form, as loosely typed data. */
export type AnyRecord = RecordMeta & Readonly<Record<string, unknown>>;

/** The record type of each form. */
export interface FormRecordMap {
  participant: Participant;
  identifiers: Identifiers;
  eligibility: Eligibility;
  cmr_exam: CmrExam;
  lesion_finding: LesionFinding;
  reading: Reading;
  reference_diagnosis: ReferenceDiagnosis;
  treatment: Treatment;
  follow_up_visit: FollowUpVisit;
  outcome_event: OutcomeEvent;
}
/** A stored record of form `F`. */
export type RecordOf<F extends FormName> = FormRecordMap[F];

/** One page of a list. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** The answer to a create or update: the record, and the plausibility warnings it was stored with. */
export interface WriteResult<T> {
  readonly record: T;
  readonly warnings: readonly RuleViolation[];
}

/** One field that a change touched. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** One entry of a record's audit history: who, when, what, why. */
export interface HistoryEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: { readonly id: string; readonly role: string; readonly display: string };
  readonly action: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly participantId: string | null;
  readonly reason: string | null;
  readonly changes: readonly FieldChange[];
}

/** Filters of the participant list (server-side). */
export interface ParticipantFilters {
  readonly q?: string;
  readonly site?: string;
  readonly status?: ParticipantStatus | '';
  readonly cohort?: string;
  readonly enrolledFrom?: string;
  readonly enrolledTo?: string;
  readonly sort?: string;
  readonly order?: 'asc' | 'desc';
  readonly page?: number;
  readonly pageSize?: number;
}

/** A participant row of the list; the server may add a few derived columns. */
export type ParticipantRow = Participant & {
  readonly siteCode?: string;
  readonly baselineDate?: string | null;
  readonly cohort?: string | null;
  readonly nextVisit?: {
    readonly month: number;
    readonly targetDate: string;
    readonly status: string;
  } | null;
};

/** `GET /api/v1/participants/:id/casebook`: everything visible about one participant. */
export interface CasebookResponse {
  readonly participant: Participant;
  readonly siteCode?: string;
  readonly identifiers?: Identifiers | null;
  readonly eligibility?: Eligibility | null;
  readonly exams: readonly CmrExam[];
  readonly findings: readonly LesionFinding[];
  readonly readings: readonly Reading[];
  readonly references?: readonly ReferenceDiagnosis[];
  readonly treatments?: readonly Treatment[];
  readonly visits?: readonly FollowUpVisit[];
  readonly events?: readonly OutcomeEvent[];
  readonly schedule?: readonly ScheduledVisit[] | null;
  readonly hidden?: readonly FormName[];
  readonly derived?: Readonly<Record<string, unknown>>;
}

/** One row of the follow-up worklist: a scheduled visit of a participant, with contact details for site staff. */
export interface WorklistItem {
  readonly participantId: string;
  readonly studyId: string;
  readonly siteId?: string;
  readonly siteCode?: string;
  readonly month: number;
  readonly targetDate: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly status: ScheduledVisit['status'];
  readonly daysToWindowEnd: number;
  readonly failedAttempts: number;
  readonly lastAttemptDate?: string | null;
  readonly contact?: {
    readonly fullName?: string | null;
    readonly phone?: string | null;
    readonly alternatePhone?: string | null;
    readonly contactNotes?: string | null;
  } | null;
}

/** `GET /api/v1/worklist`. */
export interface Worklist {
  readonly today?: string;
  readonly items: readonly WorklistItem[];
  readonly total?: number;
}

/** A study site, as listed by `GET /api/v1/sites`. */
export type SiteRow = Site;

/** A text in both languages, as core's decision support gives it. */
export interface BilingualLabel {
  readonly en: string;
  readonly zh: string;
}

/**
 * Decision support for one lesion (`GET /api/v1/lesion-findings/:id/suggestion`): the parts of core's
 * `Suggestion` the UI shows.
 */
export interface Suggestion {
  readonly rulesVersion?: string;
  readonly notice?: BilingualLabel;
  readonly massScore?: {
    readonly applicable?: boolean;
    readonly confirmed?: boolean;
    readonly score: number | null;
    readonly partialScore?: number;
    readonly range?: { readonly min: number; readonly max: number };
  };
  readonly differential?: {
    readonly entries: readonly {
      readonly rank: number;
      readonly type: string;
      readonly category: string;
      readonly label: BilingualLabel;
      readonly points?: number;
    }[];
  };
  readonly management?: {
    readonly treatment: readonly string[];
    readonly determined?: boolean;
    readonly summary?: BilingualLabel;
  };
}
