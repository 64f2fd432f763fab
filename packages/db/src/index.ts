/**
 * @cmr-mass/db: the Kysely schema and migrations, the repositories (access checks, validation and the
 * hash-chained audit trail inside every write), backups, on SQLite and PostgreSQL.
 */
export { openDatabase, type DbHandle, type Dialect, type OpenOptions } from './handle/open.js';
export {
  parseDatabaseUrl,
  resolveDatabaseUrl,
  redactUrl,
  DEFAULT_DATABASE_PATH,
  type DatabaseTarget,
} from './handle/url.js';
export {
  migrateToLatest,
  migrateDown,
  migrationStatus,
  migrations,
  type MigrationReport,
} from './migrations/index.js';
export type * from './schema/tables.js';
export { TABLES_IN_ORDER } from './schema/tables.js';
export { toCamel, toSnake, type Camel, type Snake } from './schema/case.js';
export {
  appendAudit,
  appendStampedAudit,
  AuditAction,
  type AuditEvent,
  type StampedAuditEvent,
} from './audit/append.js';
export { auditRowHash, canonicalJson, AUDIT_HASH_SCHEME } from './audit/canonical.js';
export { GENESIS_HASH } from './audit/genesis.js';
export {
  verifyAuditChain,
  checkAnchor,
  parseAnchor,
  type AuditAnchor,
  type AuditVerification,
  type AuditBadRow,
  type AuditFault,
} from './audit/verify.js';
export { verifyRecordsAgainstAudit, type RecordMismatch, type RecordVerification } from './audit/records.js';
export { diffSnapshots, readHistory, type FieldChange, type HistoryEntry } from './audit/history.js';
export { systemContext, type RepoContext } from './repo/context.js';
export { runAudited, type Tx } from './repo/unit-of-work.js';
export { Repository, type CreateInput, type UpdateInput, type RemoveInput } from './repo/repository.js';
export type { WriteResult } from './repo/form-writer.js';
export type { GetOptions, ListOptions, Page } from './repo/form-reader.js';
export type { AuditListOptions } from './repo/audit-repository.js';
export { FORM_TABLE, codecOf, type FormRecords, type FormCodec } from './repo/form-codec.js';
export { StudyMetaKey, getStudyMeta, isSynthetic } from './repo/study-meta.js';
export { formatStudyId } from './repo/participants.js';
export { FREE_TEXT_FIELDS, READER_HIDDEN_PARTICIPANT_FIELDS, present } from './repo/present.js';
export {
  backupDatabase,
  verifySqliteFile,
  type BackupFormat,
  type BackupResult,
  type DumpHeader,
  type DumpFooter,
} from './backup/backup.js';
export {
  restoreDatabase,
  verifyDumpFile,
  isSqliteFile,
  type RestoreResult,
  type RestoreOptions,
} from './backup/restore.js';
export { dumpDatabaseText, dumpRows, tableRows, type DumpRowLine } from './backup/logical-dump.js';
export * from './imaging/index.js';
export { registryBatch, type RegistryBatch } from './repo/registry-batch.js';
export { newId, uuidV7 } from './repo/ids.js';
