import type { Kysely } from 'kysely';
import type { AuditLogRow, DB } from '../schema/tables.js';
import { canonicalJson } from './canonical.js';

/** One field that a change touched. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** One entry of a record's history: who did what, when, why, and which fields changed. */
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

function parseObject(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  const v: unknown = JSON.parse(text);
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The fields that differ between two audit snapshots, in name order. */
export function diffSnapshots(before: string | null, after: string | null): FieldChange[] {
  const b = parseObject(before);
  const a = parseObject(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const out: FieldChange[] = [];
  for (const k of keys) {
    const bv = b[k] ?? null;
    const av = a[k] ?? null;
    if (canonicalJson(bv) !== canonicalJson(av)) out.push({ field: k, before: bv, after: av });
  }
  return out;
}

/** Turns an audit row into a history entry. */
export function historyEntry(r: AuditLogRow): HistoryEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: { id: r.actor_id, role: r.actor_role, display: r.actor_display },
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    participantId: r.participant_id,
    reason: r.reason,
    changes: diffSnapshots(r.before, r.after),
  };
}

/** The history of one entity, oldest first (no access check: see `AuditRepository`). */
export async function readHistory(db: Kysely<DB>, entity: string, entityId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_id', '=', entityId)
    .where('entity', '=', entity)
    .orderBy('seq')
    .execute();
  return rows.map(historyEntry);
}
