import type { DbHandle } from '../handle/open.js';
import type { AuditLogRow } from '../schema/tables.js';
import { auditRowHash } from './canonical.js';
import { GENESIS_HASH } from './genesis.js';

/** What is wrong with the first bad row of the audit trail. */
export type AuditFault = 'changed' | 'removed' | 'reordered' | 'inserted';

/** The first place where the audit trail is not what the application wrote. */
export interface AuditBadRow {
  /** The seq of the row at fault (for `removed`: the first missing seq). */
  readonly seq: number;
  readonly reason: AuditFault;
  /** The row's entity and id, when the row is there to read. */
  readonly entity: string | null;
  readonly entityId: string | null;
  /** For people: what was found, e.g. "its content no longer matches its hash". */
  readonly detail: string;
}

/** The result of {@link verifyAuditChain}. */
export interface AuditVerification {
  readonly ok: boolean;
  /** How many rows were read. */
  readonly rows: number;
  /** The head as the database records it (last seq and hash). */
  readonly head: { readonly seq: number; readonly hash: string };
  readonly firstBad?: AuditBadRow;
}

const PAGE = 1000;

/**
 * Checks the audit trail's hash chain: reads every row in `seq` order (in pages, never all at once),
 * recomputes each hash and checks each link to the row before, then compares the last row with the
 * head. Names the first row that was changed, removed, moved (reordered) or added outside the
 * application.
 *
 * Limits: someone who can write the file may recompute every hash after a change, or cut rows off the
 * end and move the head back; only a copy of the head kept elsewhere (printed by `audit verify`)
 * catches that.
 */
export async function verifyAuditChain(handle: DbHandle): Promise<AuditVerification> {
  const db = handle.db;
  const headRow = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const head = headRow ?? { seq: 0, hash: GENESIS_HASH };
  let rows = 0;
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let prev: AuditLogRow | null = null;
  const done = (firstBad?: AuditBadRow): AuditVerification =>
    firstBad ? { ok: false, rows, head, firstBad } : { ok: true, rows, head };
  if (!headRow) {
    return done({
      seq: 0,
      reason: 'removed',
      entity: null,
      entityId: null,
      detail: 'the chain head row is missing',
    });
  }

  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expected)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const r of page) {
      rows += 1;
      if (r.seq !== expected) return done(await diagnoseGap(handle, expected, r, prevHash));
      if (auditRowHash(r) !== r.hash) return done(await diagnoseMismatch(handle, r));
      if (r.prev_hash !== prevHash) return done(await diagnoseBrokenLink(handle, prev, r));
      prevHash = r.hash;
      prev = r;
      expected += 1;
    }
    if (page.length < PAGE) break;
  }

  const last = expected - 1;
  if (head.seq > last) {
    return done({
      seq: last + 1,
      reason: 'removed',
      entity: null,
      entityId: null,
      detail: `rows ${last + 1}..${head.seq} are missing: the chain head says seq ${head.seq}, the last row is seq ${last}`,
    });
  }
  if (head.seq < last) {
    const extra = await rowAt(handle, head.seq + 1);
    return done({
      seq: head.seq + 1,
      reason: 'inserted',
      entity: extra?.entity ?? null,
      entityId: extra?.entity_id ?? null,
      detail: `rows ${head.seq + 1}..${last} were added after the chain head (seq ${head.seq}) without the application`,
    });
  }
  if (prev && head.hash !== prev.hash) {
    return done({
      seq: prev.seq,
      reason: 'changed',
      entity: prev.entity,
      entityId: prev.entity_id,
      detail: 'the last row was changed and re-hashed: its hash differs from the chain head',
    });
  }
  return done();
}

async function rowAt(handle: DbHandle, seq: number): Promise<AuditLogRow | undefined> {
  return handle.db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirst();
}

/** A row whose `prev_hash` is `hash`: the row that was written right after the row with that hash. */
async function rowLinkingTo(handle: DbHandle, hash: string): Promise<AuditLogRow | undefined> {
  return handle.db.selectFrom('audit_log').selectAll().where('prev_hash', '=', hash).executeTakeFirst();
}

/** The seq a row was written with, found by trying seq values until its hash matches. */
async function originalSeq(handle: DbHandle, r: AuditLogRow): Promise<number | null> {
  const tries = (s: number): boolean => s >= 1 && s !== r.seq && auditRowHash({ ...r, seq: s }) === r.hash;
  if (r.prev_hash === GENESIS_HASH && tries(1)) return 1;
  const pred = await handle.db
    .selectFrom('audit_log')
    .select('seq')
    .where('hash', '=', r.prev_hash)
    .executeTakeFirst();
  if (pred && tries(pred.seq + 1)) return pred.seq + 1;
  for (let d = 1; d <= 64; d++) {
    if (tries(r.seq - d)) return r.seq - d;
    if (tries(r.seq + d)) return r.seq + d;
  }
  const max = await handle.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('m'))
    .executeTakeFirst();
  const upper = Math.max(max?.m ?? 0, r.seq) + 1;
  for (let s = 1; s <= upper; s++) if (tries(s)) return s;
  return null;
}

async function diagnoseMismatch(handle: DbHandle, r: AuditLogRow): Promise<AuditBadRow> {
  const base = { entity: r.entity, entityId: r.entity_id };
  const orig = await originalSeq(handle, r);
  if (orig !== null) {
    const before = await rowAt(handle, r.seq - 1);
    // Two rows claiming the same predecessor: the one before was slipped in, and the rest moved up.
    if (orig === r.seq - 1 && before && before.prev_hash === r.prev_hash) {
      return {
        seq: r.seq - 1,
        reason: 'inserted',
        entity: before.entity,
        entityId: before.entity_id,
        detail: `a row was inserted at seq ${r.seq - 1}: the rows after it were moved up by one`,
      };
    }
    return {
      seq: r.seq,
      reason: 'reordered',
      ...base,
      detail: `the row stored at seq ${r.seq} was written as seq ${orig}`,
    };
  }
  return { seq: r.seq, reason: 'changed', ...base, detail: 'its content no longer matches its hash' };
}

async function diagnoseGap(
  handle: DbHandle,
  expected: number,
  found: AuditLogRow,
  prevHash: string
): Promise<AuditBadRow> {
  const moved = await rowLinkingTo(handle, prevHash);
  if (moved && moved.seq !== expected && auditRowHash({ ...moved, seq: expected }) === moved.hash) {
    return {
      seq: expected,
      reason: 'reordered',
      entity: moved.entity,
      entityId: moved.entity_id,
      detail: `the row written as seq ${expected} is stored at seq ${moved.seq}`,
    };
  }
  const missing =
    found.seq - expected === 1 ? `seq ${expected} is` : `seqs ${expected}..${found.seq - 1} are`;
  return {
    seq: expected,
    reason: 'removed',
    entity: null,
    entityId: null,
    detail:
      `${missing} missing; the chain goes on at seq ${found.seq} (${found.entity} ${found.entity_id ?? ''})`.trim(),
  };
}

async function diagnoseBrokenLink(
  handle: DbHandle,
  prev: AuditLogRow | null,
  r: AuditLogRow
): Promise<AuditBadRow> {
  // The row is consistent in itself but does not link to the row before it. If the row after it (or
  // the head) still links to it, it is genuine and the row before was changed and re-hashed.
  const next = await rowAt(handle, r.seq + 1);
  const head = await handle.db.selectFrom('audit_head').select('hash').where('id', '=', 1).executeTakeFirst();
  const accepted = next ? next.prev_hash === r.hash : head?.hash === r.hash;
  if (accepted && prev) {
    return {
      seq: prev.seq,
      reason: 'changed',
      entity: prev.entity,
      entityId: prev.entity_id,
      detail: `the row was changed and re-hashed: seq ${r.seq} still links to its original hash`,
    };
  }
  return {
    seq: r.seq,
    reason: prev ? 'changed' : 'inserted',
    entity: r.entity,
    entityId: r.entity_id,
    detail: `the row does not link to the row before it (prev_hash ${r.prev_hash.slice(0, 12)}...)`,
  };
}

/** A copy of the chain head kept outside the database (printed by `audit verify`, written down). */
export interface AuditAnchor {
  readonly seq: number;
  readonly hash: string;
}

/** Reads `SEQ:HASH` (as `audit verify` prints it); undefined when the text is not one. */
export function parseAnchor(text: string): AuditAnchor | undefined {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  return m ? { seq: Number(m[1]), hash: m[2]! } : undefined;
}

/**
 * Checks the trail against a head recorded earlier: the row with the anchor's seq must still be there
 * with the same hash. Together with {@link verifyAuditChain} this catches what the chain alone cannot:
 * rows cut off the end with the head moved back, or a trail re-hashed from some row on.
 */
export async function checkAnchor(handle: DbHandle, anchor: AuditAnchor): Promise<AuditBadRow | undefined> {
  if (anchor.seq === 0) return undefined;
  const row = await rowAt(handle, anchor.seq);
  if (!row) {
    return {
      seq: anchor.seq,
      reason: 'removed',
      entity: null,
      entityId: null,
      detail: `the recorded head seq ${anchor.seq} is no longer in the trail: rows were cut off the end`,
    };
  }
  if (row.hash !== anchor.hash) {
    return {
      seq: anchor.seq,
      reason: 'changed',
      entity: row.entity,
      entityId: row.entity_id,
      detail: `the row's hash differs from the recorded head (${anchor.hash.slice(0, 12)}...): the trail was rewritten`,
    };
  }
  return undefined;
}
