import type { Kysely, Transaction } from 'kysely';
import { appendAudit, type AuditEvent } from '../audit/append.js';
import type { DbHandle, Dialect } from '../handle/open.js';
import type { DB, LooseDB } from '../schema/tables.js';
import type { RepoContext } from './context.js';

/** An open write: the transaction, the time stamped on everything it writes, and its audit events. */
export interface Tx {
  /** The transaction, typed. */
  readonly db: Transaction<DB>;
  /** The same transaction for code that is generic over tables. */
  readonly loose: Kysely<LooseDB>;
  readonly dialect: Dialect;
  readonly ctx: RepoContext;
  /** UTC ISO timestamp of this write. */
  readonly at: string;
  /** Queues an audit event; all are appended at the end of the transaction, in order. */
  audit(event: AuditEvent): void;
}

/** The {@link Tx} view of an open transaction, with `audit` as given. */
export function txOf(
  trx: Transaction<DB>,
  dialect: Dialect,
  ctx: RepoContext,
  at: string,
  audit: (event: AuditEvent) => void
): Tx {
  return { db: trx, loose: trx as unknown as Kysely<LooseDB>, dialect, ctx, at, audit };
}

/**
 * Runs `work` in one transaction and appends its audit events at the end of that same transaction.
 * Any throw rolls everything back, the audit rows included: nothing is half-written.
 */
export async function runAudited<T>(
  handle: DbHandle,
  ctx: RepoContext,
  work: (tx: Tx) => Promise<T>
): Promise<T> {
  const at = ctx.now().toISOString();
  return handle.db.transaction().execute(async (trx) => {
    const events: AuditEvent[] = [];
    const tx = txOf(trx, handle.dialect, ctx, at, (e) => {
      events.push(e);
    });
    const result = await work(tx);
    await appendAudit(trx, handle.dialect, ctx.actor, at, events);
    return result;
  });
}
