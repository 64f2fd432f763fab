import { formNames, type FormName } from '@cmr-mass/core';
import type { Kysely } from 'kysely';
import { tableRows } from '../backup/logical-dump.js';
import type { DbHandle } from '../handle/open.js';
import { codecOf } from '../repo/form-codec.js';
import { siteFromRow } from '../repo/sites.js';
import type { LooseDB, LooseRow, SiteRow, TableName } from '../schema/tables.js';
import { canonicalJson } from './canonical.js';

/** A stored record that differs from what its audit trail says it should be. */
export interface RecordMismatch {
  readonly entity: string;
  readonly entityId: string;
  /** The first field that differs, or null when the whole record is missing or unaudited. */
  readonly field: string | null;
  readonly detail: string;
}

/** The result of {@link verifyRecordsAgainstAudit}. */
export interface RecordVerification {
  readonly ok: boolean;
  /** Records compared. */
  readonly records: number;
  readonly firstMismatch?: RecordMismatch;
}

/** Fields the audit rows carry themselves (who and when), so snapshots leave them out. */
const STAMPS = new Set(['createdAt', 'updatedAt', 'createdBy', 'updatedBy']);

type State = Record<string, unknown>;

/** Replays the audit trail: each entity's values after its last audited change. */
async function replay(handle: DbHandle): Promise<Map<string, State>> {
  const states = new Map<string, State>();
  for await (const r of tableRows(handle.db as unknown as Kysely<LooseDB>, 'audit_log')) {
    const entity = String(r.entity);
    const id = r.entity_id;
    if (id === null || r.after === null) continue;
    const key = `${entity}\u0000${String(id)}`;
    const after = JSON.parse(String(r.after)) as State;
    if (r.action === 'create') states.set(key, { ...after });
    else Object.assign(states.get(key) ?? states.set(key, {}).get(key)!, after);
  }
  return states;
}

/** What one stored entity looks like, in the audit's terms (camelCase, as the snapshots). */
interface Checked {
  readonly entity: string;
  readonly table: TableName;
  readonly decode: (row: LooseRow) => State;
  /** Fields the trail does not cover (server counters). */
  readonly skip?: ReadonlySet<string>;
}

function checkedTables(): Checked[] {
  const forms: Checked[] = formNames.map((form: FormName) => {
    const codec = codecOf(form);
    return { entity: form, table: codec.table as TableName, decode: (row: LooseRow) => codec.fromRow(row) };
  });
  return [
    {
      entity: 'site',
      table: 'sites',
      decode: (row) => ({ ...siteFromRow(row as unknown as SiteRow) }),
    },
    {
      entity: 'lesion',
      table: 'lesions',
      decode: (row) => ({ participantId: row.participant_id, label: row.label }),
    },
    {
      entity: 'study_meta',
      table: 'study_meta',
      decode: (row) => ({ value: JSON.parse(String(row.value)) as unknown }),
    },
    ...forms,
  ];
}

function firstDifference(stored: State, audited: State): string | null {
  const keys = new Set([...Object.keys(stored), ...Object.keys(audited)]);
  for (const k of [...keys].sort()) {
    if (STAMPS.has(k)) continue;
    if (canonicalJson(stored[k] ?? null) !== canonicalJson(audited[k] ?? null)) return k;
  }
  return null;
}

/**
 * Checks that every stored record (forms, sites, lesions, study settings) is what its audit trail
 * says: replays the trail (each create's values, then each change's new values) and compares field
 * by field. Finds a record edited, added or removed in the database behind the application's back,
 * which the hash chain alone cannot see. Run it after {@link verifyAuditChain} (it trusts the trail).
 */
export async function verifyRecordsAgainstAudit(handle: DbHandle): Promise<RecordVerification> {
  const states = await replay(handle);
  const seen = new Set<string>();
  let records = 0;
  const loose = handle.db as unknown as Kysely<LooseDB>;
  for (const t of checkedTables()) {
    const idColumn = t.table === 'study_meta' ? 'key' : 'id';
    for await (const row of tableRows(loose, t.table)) {
      records += 1;
      const id = String(row[idColumn]);
      const key = `${t.entity}\u0000${id}`;
      seen.add(key);
      const audited = states.get(key);
      if (!audited) {
        return {
          ok: false,
          records,
          firstMismatch: {
            entity: t.entity,
            entityId: id,
            field: null,
            detail: 'the record has no audit trail: it was added behind the application',
          },
        };
      }
      const field = firstDifference(t.decode(row), audited);
      if (field !== null) {
        const stored = canonicalJson(t.decode(row)[field] ?? null);
        const expected = canonicalJson(audited[field] ?? null);
        return {
          ok: false,
          records,
          firstMismatch: {
            entity: t.entity,
            entityId: id,
            field,
            detail: `${field} is ${stored} in the database but ${expected} in the audit trail`,
          },
        };
      }
    }
  }
  const entities = new Set(checkedTables().map((t) => t.entity));
  for (const key of states.keys()) {
    const [entity, id] = key.split('\u0000') as [string, string];
    if (entities.has(entity) && !seen.has(key)) {
      return {
        ok: false,
        records,
        firstMismatch: {
          entity,
          entityId: id,
          field: null,
          detail: 'the audit trail has this record but the database does not: it was removed',
        },
      };
    }
  }
  return { ok: true, records };
}
