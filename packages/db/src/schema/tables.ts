import type {
  CmrExam,
  Eligibility,
  FollowUpVisit,
  Identifiers,
  LesionFinding,
  OutcomeEvent,
  Participant,
  Reading,
  ReferenceDiagnosis,
  Treatment,
} from '@cmr-mass/core';
import type { Snake } from './case.js';

/**
 * The Kysely types of every table. Form tables are derived from `core`'s record types: the same
 * fields in snake_case, booleans as integers 0/1 and arrays/objects as JSON text (the same on SQLite
 * and PostgreSQL, so that a dump of one loads into the other). Dates and timestamps are ISO 8601 text.
 */

/** A column value as stored. */
export type Cell<T> = T extends boolean
  ? number
  : T extends readonly unknown[]
    ? string
    : T extends object
      ? string
      : T;

/** The row of a form table, from the camelCase record of `core`. */
export type RowOf<R> = {
  [K in keyof R & string as Snake<K>]-?:
    Cell<Exclude<R[K], undefined>> | (undefined extends R[K] ? null : never);
};

export type ParticipantRow = RowOf<Participant>;
export type IdentifiersRow = RowOf<Identifiers>;
export type EligibilityRow = RowOf<Eligibility>;
export type CmrExamRow = RowOf<CmrExam>;
export type LesionFindingRow = RowOf<LesionFinding>;
export type ReadingRow = RowOf<Reading>;
export type ReferenceDiagnosisRow = RowOf<ReferenceDiagnosis>;
export type TreatmentRow = RowOf<Treatment>;
export type FollowUpVisitRow = RowOf<FollowUpVisit>;
export type OutcomeEventRow = RowOf<OutcomeEvent>;

/** A study site (REDCap data access group). `next_study_number` allocates `SITE-NNNN` study IDs. */
export interface SiteRow {
  id: string;
  code: string;
  name: string;
  country: string;
  time_zone: string;
  active: number;
  next_study_number: number;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
}

/** A user account. The API engineer owns the logic (argon2id hashes, expiry, lock-out). */
export interface UserRow {
  id: string;
  /** Lower-case e-mail, unique: the login name. */
  email: string;
  display_name: string;
  role: string;
  site_id: string | null;
  /** argon2id PHC string; null for an account that cannot log in with a password (SSO only). */
  password_hash: string | null;
  active: number;
  /** Account expiry (REDCap user expiration), ISO timestamp. */
  expires_at: string | null;
  failed_login_count: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string;
  updated_by: string;
  deleted_at: string | null;
}

/** A server-side session, shared by every app server on one PostgreSQL. */
export interface SessionRow {
  /** SHA-256 of the session token (the token itself is never stored). */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
  /** JSON text: CSRF secret, flash messages... */
  data: string;
}

/** A personal API token, hashed at rest. */
export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the token. */
  token_hash: string;
  /** The first characters of the token, shown to people to tell tokens apart. */
  token_prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Study-wide settings as key → JSON value (e.g. `synthetic: true` for a demo database). */
export interface StudyMetaRow {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string;
}

/** A lesion's identity across exams: L1, L2... within the participant. */
export interface LesionRow {
  id: string;
  participant_id: string;
  label: string;
  created_at: string;
  created_by: string;
}

/** One row of the append-only, hash-chained audit trail. */
export interface AuditLogRow {
  /** 1, 2, 3... without gaps. */
  seq: number;
  /** UTC ISO 8601 timestamp. */
  at: string;
  actor_id: string;
  actor_role: string;
  actor_display: string;
  site_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  participant_id: string | null;
  /** JSON text of the values before the change (null for a create). */
  before: string | null;
  /** JSON text of the values after the change (null for a hard delete, which never happens to data). */
  after: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

/** The head of the audit chain: the last seq and hash (one row, id 1). Appends lock it. */
export interface AuditHeadRow {
  id: number;
  seq: number;
  hash: string;
}

/** Every table of the database. */
export interface DB {
  sites: SiteRow;
  users: UserRow;
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
  study_meta: StudyMetaRow;
  participants: ParticipantRow;
  participant_identifiers: IdentifiersRow;
  eligibility: EligibilityRow;
  cmr_exams: CmrExamRow;
  lesions: LesionRow;
  lesion_findings: LesionFindingRow;
  readings: ReadingRow;
  reference_diagnoses: ReferenceDiagnosisRow;
  treatments: TreatmentRow;
  follow_up_visits: FollowUpVisitRow;
  outcome_events: OutcomeEventRow;
  audit_log: AuditLogRow;
  audit_head: AuditHeadRow;
}

/** The names of the tables, in an order that respects foreign keys (parents first). */
export const TABLES_IN_ORDER = [
  'sites',
  'users',
  'sessions',
  'api_tokens',
  'study_meta',
  'participants',
  'participant_identifiers',
  'eligibility',
  'cmr_exams',
  'lesions',
  'lesion_findings',
  'readings',
  'reference_diagnoses',
  'treatments',
  'follow_up_visits',
  'outcome_events',
  'audit_log',
  'audit_head',
] as const satisfies readonly (keyof DB)[];
export type TableName = (typeof TABLES_IN_ORDER)[number];

/** A stored value of any column. */
export type CellValue = string | number | null;

/** A row seen without its table's type (generic code over form tables, dumps). */
export type LooseRow = Record<string, CellValue>;

/** The database seen without table types, for code that is generic over tables. */
export type LooseDB = Record<string, LooseRow>;
