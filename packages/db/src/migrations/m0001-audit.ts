import { sql, type Kysely } from 'kysely';
import { GENESIS_HASH } from '../audit/genesis.js';
import { addColumns, createIndex, int, text } from './ddl.js';

/**
 * The audit trail (migration 0001, part 3): `audit_log`, append-only and hash-chained, and
 * `audit_head`, its last seq and hash. Triggers refuse any UPDATE, DELETE or TRUNCATE of the trail,
 * refuse an insert that does not continue the chain, and move the head forward on each insert.
 *
 * See: 21 CFR 11.10(e) (audit trails that do not obscure previously recorded information).
 */
export async function createAuditTables(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await addColumns(
    db.schema.createTable('audit_log').addColumn('seq', 'integer', (c) => c.primaryKey()),
    [
      text('at', 'nn'),
      text('actor_id', 'nn'),
      text('actor_role', 'nn'),
      text('actor_display', 'nn'),
      text('site_id'),
      text('action', 'nn'),
      text('entity', 'nn'),
      text('entity_id'),
      text('participant_id'),
      text('before'),
      text('after'),
      text('reason'),
      text('prev_hash', 'nn'),
      text('hash', 'nn'),
    ]
  ).execute();
  await createIndex(db, 'audit_log', ['entity_id']);
  await createIndex(db, 'audit_log', ['participant_id']);

  await addColumns(
    db.schema.createTable('audit_head').addColumn('id', 'integer', (c) => c.primaryKey()),
    [int('seq', 'nn'), text('hash', 'nn')]
  ).execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${GENESIS_HASH})`.execute(db);

  if (dialect === 'sqlite') await sqliteTriggers(db);
  else await postgresTriggers(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: a row cannot be changed'); END`,
    `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: a row cannot be deleted'); END`,
    `CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
       WHEN NEW.seq IS NOT (SELECT seq + 1 FROM audit_head WHERE id = 1)
         OR NEW.prev_hash IS NOT (SELECT hash FROM audit_head WHERE id = 1)
       BEGIN SELECT RAISE(ABORT, 'audit_log: a new row must continue the chain (seq and prev_hash)'); END`,
    `CREATE TRIGGER audit_log_advance_head AFTER INSERT ON audit_log
       BEGIN UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1; END`,
    `CREATE TRIGGER audit_head_follows BEFORE UPDATE ON audit_head
       WHEN NEW.id IS NOT OLD.id OR NEW.seq IS NOT OLD.seq + 1
         OR NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq AND hash = NEW.hash)
       BEGIN SELECT RAISE(ABORT, 'audit_head moves only with the audit trail'); END`,
    `CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
       BEGIN SELECT RAISE(ABORT, 'audit_head cannot be deleted'); END`,
    `CREATE TRIGGER audit_head_one_row BEFORE INSERT ON audit_head
       WHEN (SELECT count(*) FROM audit_head) > 0
       BEGIN SELECT RAISE(ABORT, 'audit_head has exactly one row'); END`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_refuse()`,
    `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse()`,
    `CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE head_seq integer; head_hash text;
     BEGIN
       SELECT seq, hash INTO head_seq, head_hash FROM audit_head WHERE id = 1 FOR UPDATE;
       IF NEW.seq IS DISTINCT FROM head_seq + 1 OR NEW.prev_hash IS DISTINCT FROM head_hash THEN
         RAISE EXCEPTION 'audit_log: a new row must continue the chain (seq %, head %)', NEW.seq, head_seq;
       END IF;
       UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
       RETURN NEW;
     END $$`,
    `CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`,
    `CREATE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'UPDATE' OR pg_trigger_depth() < 2 THEN
         RAISE EXCEPTION 'audit_head moves only with the audit trail (% refused)', TG_OP;
       END IF;
       RETURN NEW;
     END $$`,
    `CREATE TRIGGER audit_head_guard BEFORE UPDATE OR DELETE ON audit_head
       FOR EACH ROW EXECUTE FUNCTION audit_head_guard()`,
    `CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
       FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse()`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

/** Drops the audit tables and their triggers. */
export async function dropAuditTables(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  await db.schema.dropTable('audit_head').ifExists().execute();
  await db.schema.dropTable('audit_log').ifExists().execute();
  if (dialect === 'postgres') {
    for (const f of ['audit_log_refuse', 'audit_log_chain', 'audit_head_guard']) {
      await sql.raw(`DROP FUNCTION IF EXISTS ${f}() CASCADE`).execute(db);
    }
  }
}
