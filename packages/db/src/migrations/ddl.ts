import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * Small helpers for portable DDL. Every type used here means the same on SQLite and PostgreSQL:
 * `text`, `integer` (booleans are 0/1) and `double precision` (SQLite gives it REAL affinity).
 */
export type ColumnType = 'text' | 'integer' | 'double precision';

/** A column: name, type and whether it may be null (nullable unless `nn`). */
export type Column = readonly [name: string, type: ColumnType, notNull?: 'nn'];

/** Shorthands for column lists. */
export const text = (name: string, nn?: 'nn'): Column => [name, 'text', nn];
export const int = (name: string, nn?: 'nn'): Column => [name, 'integer', nn];
export const real = (name: string, nn?: 'nn'): Column => [name, 'double precision', nn];

/** The columns every form table has (core's `recordMeta`). */
export const META_COLUMNS: readonly Column[] = [
  int('version', 'nn'),
  text('form_status', 'nn'),
  text('created_at', 'nn'),
  text('updated_at', 'nn'),
  text('created_by', 'nn'),
  text('updated_by', 'nn'),
  text('deleted_at'),
];

/** Adds columns to a table being created. */
export function addColumns<T extends string>(
  builder: CreateTableBuilder<T>,
  columns: readonly Column[]
): CreateTableBuilder<T> {
  let b = builder;
  for (const [name, type, nn] of columns) {
    b = b.addColumn(name, type, (c) => (nn ? c.notNull() : c));
  }
  return b;
}

/** A foreign key: `column` references `table(id)`. */
export interface ForeignKey {
  readonly column: string;
  readonly table: string;
  readonly notNull: boolean;
}

/**
 * Creates a form table: `id` primary key, the parent keys with foreign keys, the data columns and the
 * meta columns.
 */
export async function createFormTable(
  db: Kysely<unknown>,
  table: string,
  parents: readonly ForeignKey[],
  columns: readonly Column[]
): Promise<void> {
  let b = db.schema.createTable(table).addColumn('id', 'text', (c) => c.primaryKey());
  for (const p of parents) {
    b = b.addColumn(p.column, 'text', (c) => {
      const r = c.references(`${p.table}.id`);
      return p.notNull ? r.notNull() : r;
    });
  }
  b = addColumns(b, columns);
  b = addColumns(b, META_COLUMNS);
  await b.execute();
}

/** Creates an index `<table>_<columns>_idx` (unique and partial when asked). */
export async function createIndex(
  db: Kysely<unknown>,
  table: string,
  columns: readonly string[],
  options: { unique?: boolean; liveOnly?: boolean } = {}
): Promise<void> {
  let b = db.schema
    .createIndex(`${table}_${columns.join('_')}_${options.unique ? 'key' : 'idx'}`)
    .on(table)
    .columns([...columns]);
  if (options.unique) b = b.unique();
  if (options.liveOnly) b = b.where(sql<boolean>`deleted_at is null`);
  await b.execute();
}

/** Foreign key shorthands. */
export const toParticipant: ForeignKey = { column: 'participant_id', table: 'participants', notNull: true };
export const toExam: ForeignKey = { column: 'exam_id', table: 'cmr_exams', notNull: true };
export const toLesion = (notNull: boolean): ForeignKey => ({
  column: 'lesion_id',
  table: 'lesions',
  notNull,
});
