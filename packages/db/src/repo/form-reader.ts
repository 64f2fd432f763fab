import {
  canSeeReading,
  DomainError,
  forbidden,
  type Actor,
  type FormName,
  type ParticipantStatus,
} from '@cmr-mass/core';
import type { Kysely } from 'kysely';
import type { DB, LooseDB } from '../schema/tables.js';
import { codecOf } from './form-codec.js';
import { missing } from './form-hooks.js';
import { present } from './present.js';
import { requireAccess, siteScope } from './scope.js';

type Rec = Record<string, unknown>;

/** Options of a read by id. */
export interface GetOptions {
  /** Return a soft-deleted record too (it is `not_found` otherwise). */
  readonly includeDeleted?: boolean;
}

/** Filters and paging of a list. Dates are ISO strings compared as text (`YYYY-MM-DD...`). */
export interface ListOptions {
  readonly participantId?: string;
  /** Lesion findings and readings of one exam. */
  readonly examId?: string;
  /** Only this site (site staff see only their own site whatever they ask). */
  readonly siteId?: string;
  readonly includeDeleted?: boolean;
  /** Records created on or after / before this timestamp or date. */
  readonly createdFrom?: string;
  readonly createdTo?: string;
  /** Participants only: one status or several. */
  readonly status?: ParticipantStatus | readonly ParticipantStatus[];
  /** Participants only: the study ID, exactly. */
  readonly studyId?: string;
  /** At most this many (default 50, at most 1000). */
  readonly limit?: number;
  readonly offset?: number;
}

/** One page of a list, and how many records match in all. */
export interface Page<R> {
  readonly items: readonly R[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

const SITE_ALIAS = 'participant_site_id';

/**
 * Reads one record: checks that `actor` may read the form at the record's site, hides other readers'
 * readings from a reader, and de-identifies for statisticians. Soft-deleted records (or records of a
 * soft-deleted participant) are `not_found` unless asked for.
 */
export async function getFormRecord(
  db: Kysely<DB>,
  actor: Actor,
  form: FormName,
  id: string,
  options: GetOptions = {}
): Promise<Rec> {
  const codec = codecOf(form);
  const loose = db as unknown as Kysely<LooseDB>;
  const row =
    form === 'participant'
      ? await loose
          .selectFrom('participants as t')
          .selectAll('t')
          .select(['t.site_id as participant_site_id', 't.deleted_at as participant_deleted_at'])
          .where('t.id', '=', id)
          .executeTakeFirst()
      : await loose
          .selectFrom(`${codec.table} as t`)
          .innerJoin('participants as p', 'p.id', 't.participant_id')
          .selectAll('t')
          .select(['p.site_id as participant_site_id', 'p.deleted_at as participant_deleted_at'])
          .where('t.id', '=', id)
          .executeTakeFirst();
  if (!row) missing(form);
  const deleted = row.deleted_at !== null || row.participant_deleted_at !== null;
  requireAccess(actor, 'read', form, String(row[SITE_ALIAS]));
  if (deleted && !options.includeDeleted) missing(form);
  if (form === 'reading' && !canSeeReading(actor, String(row.reader_id))) {
    throw forbidden('a reader sees only their own readings');
  }
  return present(actor, form, codec.fromRow(row));
}

/**
 * Lists records of a form that `actor` may read: site staff only their site, readers only their own
 * readings (and never the blinded forms), paged and in creation order.
 */
export async function listFormRecords(
  db: Kysely<DB>,
  actor: Actor,
  form: FormName,
  options: ListOptions = {}
): Promise<Page<Rec>> {
  const codec = codecOf(form);
  const loose = db as unknown as Kysely<LooseDB>;
  const scope = siteScope(actor);
  if (scope.kind === 'none') throw forbidden('your account has no site');
  if (scope.kind === 'site' && options.siteId !== undefined && options.siteId !== scope.siteId) {
    throw forbidden('site staff see only their own site');
  }
  if (actor.role === 'reader' && options.status !== undefined) {
    throw new DomainError({
      code: 'forbidden',
      message: 'readers are blinded: they cannot filter by status',
      field: 'status',
    });
  }
  const siteId = scope.kind === 'site' ? scope.siteId : (options.siteId ?? null);
  requireAccess(actor, 'read', form, siteId);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 1000);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);

  const isParticipant = form === 'participant';
  let q = isParticipant
    ? loose.selectFrom('participants as t')
    : loose.selectFrom(`${codec.table} as t`).innerJoin('participants as p', 'p.id', 't.participant_id');
  const siteCol = isParticipant ? 't.site_id' : 'p.site_id';
  if (siteId !== null) q = q.where(siteCol, '=', siteId);
  if (!options.includeDeleted) {
    q = q.where('t.deleted_at', 'is', null);
    if (!isParticipant) q = q.where('p.deleted_at', 'is', null);
  }
  if (options.participantId !== undefined) {
    q = q.where(isParticipant ? 't.id' : 't.participant_id', '=', options.participantId);
  }
  if (options.examId !== undefined && (form === 'lesion_finding' || form === 'reading')) {
    q = q.where('t.exam_id', '=', options.examId);
  }
  if (options.createdFrom !== undefined) q = q.where('t.created_at', '>=', options.createdFrom);
  if (options.createdTo !== undefined) q = q.where('t.created_at', '<', options.createdTo);
  if (isParticipant && options.status !== undefined) {
    const statuses: readonly string[] =
      typeof options.status === 'string' ? [options.status] : options.status;
    q = q.where('t.status', 'in', statuses.length > 0 ? statuses : ['']);
  }
  if (isParticipant && options.studyId !== undefined) q = q.where('t.study_id', '=', options.studyId);
  if (form === 'reading' && actor.role === 'reader') q = q.where('t.reader_id', '=', actor.userId);

  const [rows, count] = await Promise.all([
    q.selectAll('t').orderBy('t.created_at').orderBy('t.id').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
  ]);
  return {
    items: rows.map((r) => present(actor, form, codec.fromRow(r))),
    total: Number(count?.n ?? 0),
    limit,
    offset,
  };
}
