import { createHash } from 'node:crypto';
import type { AuditLogRow } from '../schema/tables.js';

/**
 * The canonical JSON of a value: object keys sorted, no spaces, `undefined` members left out. Two
 * equal values always give the same text, so the text can be hashed and compared.
 *
 * See: RFC 8785 (JSON Canonicalization Scheme), whose key ordering this follows for our ASCII keys.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The version tag hashed with every row, so that a future change of the scheme is detectable. */
export const AUDIT_HASH_SCHEME = 'cmr-mass/audit/v1';

/** Every column of an audit row except its own hash. */
export type UnhashedAuditRow = Omit<AuditLogRow, 'hash'>;

/**
 * The SHA-256 (hex) of an audit row: over the JSON array of the scheme tag and every other column in a
 * fixed order, `prev_hash` last. `before` and `after` are hashed as the exact text stored.
 *
 * See: FIPS 180-4 (SHA-256).
 */
export function auditRowHash(row: UnhashedAuditRow): string {
  const text = JSON.stringify([
    AUDIT_HASH_SCHEME,
    row.seq,
    row.at,
    row.actor_id,
    row.actor_role,
    row.actor_display,
    row.site_id,
    row.action,
    row.entity,
    row.entity_id,
    row.participant_id,
    row.before,
    row.after,
    row.reason,
    row.prev_hash,
  ]);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
