import type { Kysely } from 'kysely';
import { addColumns, createIndex, int, text } from './ddl.js';

/** Sites, users, sessions, API tokens and study metadata (migration 0001, part 1). */
export async function createAdminTables(db: Kysely<unknown>): Promise<void> {
  await addColumns(
    db.schema.createTable('sites').addColumn('id', 'text', (c) => c.primaryKey()),
    [
      text('code', 'nn'),
      text('name', 'nn'),
      text('country', 'nn'),
      text('time_zone', 'nn'),
      int('active', 'nn'),
      int('next_study_number', 'nn'),
      int('version', 'nn'),
      text('created_at', 'nn'),
      text('updated_at', 'nn'),
      text('created_by', 'nn'),
      text('updated_by', 'nn'),
    ]
  ).execute();
  await createIndex(db, 'sites', ['code'], { unique: true });

  await addColumns(
    db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.references('sites.id')),
    [
      text('password_hash'),
      int('active', 'nn'),
      text('expires_at'),
      int('failed_login_count', 'nn'),
      text('locked_until'),
      text('last_login_at'),
      text('password_changed_at'),
      int('version', 'nn'),
      text('created_at', 'nn'),
      text('updated_at', 'nn'),
      text('created_by', 'nn'),
      text('updated_by', 'nn'),
      text('deleted_at'),
    ]
  ).execute();
  await createIndex(db, 'users', ['email'], { unique: true });

  await addColumns(
    db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id')),
    [
      text('created_at', 'nn'),
      text('expires_at', 'nn'),
      text('last_seen_at', 'nn'),
      text('revoked_at'),
      text('ip'),
      text('user_agent'),
      text('data', 'nn'),
    ]
  ).execute();
  await createIndex(db, 'sessions', ['user_id']);
  await createIndex(db, 'sessions', ['expires_at']);

  await addColumns(
    db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id')),
    [
      text('name', 'nn'),
      text('token_hash', 'nn'),
      text('token_prefix', 'nn'),
      text('created_at', 'nn'),
      text('expires_at'),
      text('last_used_at'),
      text('revoked_at'),
    ]
  ).execute();
  await createIndex(db, 'api_tokens', ['token_hash'], { unique: true });
  await createIndex(db, 'api_tokens', ['user_id']);

  await addColumns(
    db.schema.createTable('study_meta').addColumn('key', 'text', (c) => c.primaryKey()),
    [text('value', 'nn'), text('updated_at', 'nn'), text('updated_by', 'nn')]
  ).execute();
}

/** Drops what {@link createAdminTables} created. */
export async function dropAdminTables(db: Kysely<unknown>): Promise<void> {
  for (const t of ['study_meta', 'api_tokens', 'sessions', 'users', 'sites']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
