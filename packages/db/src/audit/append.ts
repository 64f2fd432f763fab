import type { Actor } from '@cmr-mass/core';
import type { CompiledQuery, Kysely } from 'kysely';
import type { Dialect } from '../handle/open.js';
import { runPrepared } from '../repo/prepared.js';
import type { AuditLogRow, DB } from '../schema/tables.js';
import { auditRowHash, canonicalJson } from './canonical.js';

/** The actions the audit trail records. Other strings are allowed for events this list lacks. */
export const AuditAction = {
  create: 'create',
  update: 'update',
  delete: 'delete',
  withdraw: 'withdraw',
  lostToFollowUp: 'lost_to_follow_up',
  login: 'login',
  loginFailed: 'login_failed',
  logout: 'logout',
  export: 'export',
  restore: 'restore',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

/** One thing to record: what happened to which entity, the values before and after, and why. */
export interface AuditEvent {
  readonly action: AuditAction | (string & Record<never, never>);
  /** A form name (`cmr_exam`) or a table (`site`, `user`, `lesion`, `session`...). */
  readonly entity: string;
  readonly entityId: string | null;
  readonly participantId?: string | null;
  readonly siteId?: string | null;
  readonly before?: Readonly<Record<string, unknown>> | null;
  readonly after?: Readonly<Record<string, unknown>> | null;
  readonly reason?: string | null;
}

/** An audit event with its author and time: the events of a batch written by several users. */
export interface StampedAuditEvent {
  readonly actor: Actor;
  /** UTC ISO 8601 timestamp. */
  readonly at: string;
  readonly event: AuditEvent;
}

/**
 * Appends events to the audit trail inside the caller's transaction, continuing the hash chain. The
 * chain head is locked first (PostgreSQL: `SELECT ... FOR UPDATE` on `audit_head`, held to the end of
 * the transaction, so several app servers append in turn; SQLite transactions are serial already).
 * Call it last in the transaction to hold the lock briefly.
 *
 * @param trx - an open transaction
 * @param at - the UTC timestamp of the events (ISO 8601)
 * @returns the rows written
 */
export function appendAudit(
  trx: Kysely<DB>,
  dialect: Dialect,
  actor: Actor,
  at: string,
  events: readonly AuditEvent[]
): Promise<readonly AuditLogRow[]> {
  return appendStampedAudit(
    trx,
    dialect,
    events.map((event) => ({ actor, at, event }))
  );
}

/**
 * {@link appendAudit} for events that each carry their own author and time (a batch of writes by
 * several users in one transaction). Rows are appended in the order given.
 */
export async function appendStampedAudit(
  trx: Kysely<DB>,
  dialect: Dialect,
  events: readonly StampedAuditEvent[]
): Promise<readonly AuditLogRow[]> {
  if (events.length === 0) return [];
  const headQuery = (): CompiledQuery<{ seq: number; hash: string }> => {
    let q = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
    if (dialect === 'postgres') q = q.forUpdate();
    return q.compile();
  };
  const head = (await runPrepared<{ seq: number; hash: string }>(trx, dialect, 'audit-head', [1], headQuery))
    .rows[0];
  if (!head) throw new Error('audit_head is missing: run the migrations');
  let seq = head.seq;
  let prev = head.hash;
  const rows: AuditLogRow[] = [];
  for (const { actor, at, event: e } of events) {
    seq += 1;
    const unhashed = {
      seq,
      at,
      actor_id: actor.userId,
      actor_role: actor.role,
      actor_display: actor.display,
      site_id: e.siteId ?? null,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      participant_id: e.participantId ?? null,
      before: e.before ? canonicalJson(e.before) : null,
      after: e.after ? canonicalJson(e.after) : null,
      reason: e.reason ?? null,
      prev_hash: prev,
    };
    const hash = auditRowHash(unhashed);
    rows.push({ ...unhashed, hash });
    prev = hash;
  }
  // One row per statement: the chain trigger checks each row against the head it moves.
  for (const row of rows) {
    await runPrepared(trx, dialect, 'audit-insert', Object.values(row), () =>
      trx.insertInto('audit_log').values(row).compile()
    );
  }
  return rows;
}
