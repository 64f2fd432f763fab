import type { Kysely } from 'kysely';
import type { DbHandle } from '../handle/open.js';
import { TABLES_IN_ORDER, type LooseDB, type LooseRow, type TableName } from '../schema/tables.js';

/** The primary key of each table (dumps are in key order, so two dumps of equal data are equal). */
export const PRIMARY_KEY: Readonly<Record<TableName, string>> = {
  sites: 'id',
  users: 'id',
  sessions: 'id',
  api_tokens: 'id',
  study_meta: 'key',
  participants: 'id',
  participant_identifiers: 'id',
  eligibility: 'id',
  cmr_exams: 'id',
  lesions: 'id',
  lesion_findings: 'id',
  readings: 'id',
  reference_diagnoses: 'id',
  treatments: 'id',
  follow_up_visits: 'id',
  outcome_events: 'id',
  audit_log: 'seq',
  audit_head: 'id',
};

const PAGE = 500;

/**
 * Every row of one table in key order, read in pages (keyset paging, so memory stays small and the
 * order is the same on both dialects). Cells are as stored: the same text, numbers and nulls on SQLite
 * and PostgreSQL.
 */
export async function* tableRows(db: Kysely<LooseDB>, table: TableName): AsyncGenerator<LooseRow> {
  const key = PRIMARY_KEY[table];
  let last: string | number | null = null;
  for (;;) {
    let q = db.selectFrom(table).selectAll();
    if (last !== null) q = q.where(key, '>', last);
    const rows = await q.orderBy(key).limit(PAGE).execute();
    for (const r of rows) yield r;
    if (rows.length < PAGE) return;
    last = rows[rows.length - 1]![key] ?? null;
  }
}

/** One line of a dump: a row of a table. */
export interface DumpRowLine {
  readonly table: TableName;
  readonly row: LooseRow;
}

/** Every row of every table, parents first, as dump lines. */
export async function* dumpRows(handle: DbHandle): AsyncGenerator<DumpRowLine> {
  const db = handle.db as unknown as Kysely<LooseDB>;
  for (const table of TABLES_IN_ORDER) {
    for await (const row of tableRows(db, table)) yield { table, row: sortedRow(row) };
  }
}

/** A row with its columns in name order (PostgreSQL and SQLite list columns alike). */
function sortedRow(row: LooseRow): LooseRow {
  const out: LooseRow = {};
  for (const k of Object.keys(row).sort()) out[k] = row[k] ?? null;
  return out;
}

/** The whole database as text (one JSON line per row), to compare two states of a database. */
export async function dumpDatabaseText(handle: DbHandle): Promise<string> {
  const lines: string[] = [];
  for await (const l of dumpRows(handle)) lines.push(JSON.stringify(l));
  return lines.join('\n');
}
