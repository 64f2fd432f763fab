import {
  deleteBody,
  forms,
  invalidState,
  reasonRequired,
  versionConflict,
  type FormName,
  type RuleViolation,
} from '@cmr-mass/core';
import { canonicalJson } from '../audit/canonical.js';
import type { LooseRow } from '../schema/tables.js';
import { codecOf, type FormCodec } from './form-codec.js';
import { DATED_FORMS, loadCasebookFacts } from './casebook-dates.js';
import {
  checkNoLiveChildren,
  checkOwnership,
  dbLookups,
  missing,
  prepareCreate,
  resolveCreate,
  resolveExisting,
  type CreateLookups,
  type WriteTarget,
} from './form-hooks.js';
import { parseInput, type Parser } from './parse.js';
import type { ParticipantState } from './participant-state.js';
import { runPrepared } from './prepared.js';
import { present } from './present.js';
import { requireAccess } from './scope.js';
import { refreshStatus, STATUS_FORMS } from './status.js';
import type { Tx } from './unit-of-work.js';
import { checkWrite, checkWriteWith, type CasebookBefore, type CheckResult } from './validate.js';

type Rec = Record<string, unknown>;

/** The result of a write: the record as stored, and the plausibility warnings to show. */
export interface WriteResult<R> {
  readonly record: R;
  readonly warnings: readonly RuleViolation[];
}

const strictDeleteBody = deleteBody.strict();

/** Fields the audit row carries itself (who and when), left out of the snapshots. */
const STAMP_FIELDS = new Set(['createdAt', 'updatedAt', 'createdBy', 'updatedBy']);

/** The values of a new record for the audit trail (nulls left out: absent means null). */
export function createSnapshot(record: Readonly<Rec>): Rec {
  const out: Rec = {};
  for (const [k, v] of Object.entries(record)) if (v !== null && !STAMP_FIELDS.has(k)) out[k] = v;
  return out;
}

function pick(record: Readonly<Rec>, keys: readonly string[]): Rec {
  const out: Rec = {};
  for (const k of keys) out[k] = record[k] ?? null;
  return out;
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** Inserts a row (its columns always in the same order for a table), with a compiled-once statement. */
export async function insertRow(tx: Tx, table: string, row: LooseRow): Promise<void> {
  await runPrepared(
    tx.db,
    tx.dialect,
    `insert:${table}:${Object.keys(row).join(',')}`,
    Object.values(row),
    () => tx.loose.insertInto(table).values(row).compile()
  );
}

/** Reads a live row of a form table inside the write (`not_found` when missing or soft-deleted). */
async function liveRow(tx: Tx, codec: FormCodec, id: string): Promise<LooseRow> {
  const row = await tx.loose.selectFrom(codec.table).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.deleted_at !== null) missing(codec.form);
  return row;
}

/**
 * Where a create reads what it checks against, and what it does after the insert: the database inside
 * the write ({@link DB_CREATE_ENV}, one record per transaction), or the memory of a casebook batch that
 * writes many records of one participant in one transaction (`casebook-batch.ts`). Either way the same
 * checks run in the same order; only where their facts come from differs.
 */
export interface CreateEnv {
  /** The participant (and exam) the new record belongs to; locks the participant on PostgreSQL. */
  resolve(tx: Tx, form: FormName, body: Readonly<Rec>): Promise<WriteTarget>;
  /** Links to check and lesions to make. */
  lookups(tx: Tx): CreateLookups;
  /** The participant's casebook before the write (dated forms only). */
  casebook(tx: Tx, p: ParticipantState): Promise<CasebookBefore>;
  /** After the insert: re-derive the participant's status (and remember the new record). */
  afterCreate(
    tx: Tx,
    p: ParticipantState,
    form: FormName,
    record: Readonly<Rec>,
    checked: CheckResult
  ): Promise<void>;
}

/** {@link CreateEnv} that reads the database inside each write. */
export const DB_CREATE_ENV: CreateEnv = {
  resolve: resolveCreate,
  lookups: dbLookups,
  casebook: async (tx, p) => ({ facts: await loadCasebookFacts(tx, p) }),
  async afterCreate(tx, p, form, _record, checked) {
    if (STATUS_FORMS.has(form)) await refreshStatus(tx, p, form, checked.casebook);
  },
};

/** Creates a record of any form but `participant` (which allocates a study ID: see participants). */
export async function createFormRecord(
  tx: Tx,
  form: FormName,
  input: unknown,
  env: CreateEnv = DB_CREATE_ENV
): Promise<WriteResult<Rec>> {
  const codec = codecOf(form);
  const body = parseInput(forms[form].create as Parser<Rec>, input);
  const target = await env.resolve(tx, form, body);
  const p = target.participant;
  requireAccess(tx.ctx.actor, 'create', form, p.siteId);
  if (p.withdrawnDate !== null) {
    throw invalidState(
      `the participant withdrew on ${p.withdrawnDate}: no new data can be recorded`,
      'participantId'
    );
  }
  const id = tx.ctx.newId();
  const server = await prepareCreate(env.lookups(tx), tx.ctx.actor.userId, form, body, target);
  const actor = tx.ctx.actor.userId;
  const record: Rec = {
    id,
    version: 1,
    formStatus: body.formStatus ?? 'incomplete',
    createdAt: tx.at,
    updatedAt: tx.at,
    createdBy: actor,
    updatedBy: actor,
    deletedAt: null,
  };
  for (const f of codec.fields) {
    if (!(f.field in record)) record[f.field] = server[f.field] ?? body[f.field] ?? null;
  }
  const before = DATED_FORMS.has(form) ? await env.casebook(tx, p) : null;
  const checked = checkWriteWith(
    { form, id, before: null, after: record, participant: p, fieldStrengthT: target.fieldStrengthT },
    tx.ctx.now(),
    before
  );
  await insertRow(tx, codec.table, codec.toRow(record));
  tx.audit({
    action: 'create',
    entity: form,
    entityId: id,
    participantId: p.id,
    siteId: p.siteId,
    after: createSnapshot(record),
  });
  await env.afterCreate(tx, p, form, record, checked);
  return { record: present(tx.ctx.actor, form, record), warnings: checked.warnings };
}

/**
 * Updates a record: the version must be the one stored (else `version_conflict` with the current
 * record), a reason is required when the stored record is complete or verified, and the checks run on
 * the record as it will be. Changing a verified record makes it complete again. A change that changes
 * nothing writes nothing.
 */
export async function updateFormRecord(
  tx: Tx,
  form: FormName,
  id: string,
  input: unknown
): Promise<WriteResult<Rec>> {
  const codec = codecOf(form);
  const body = parseInput(forms[form].update as Parser<Rec>, input);
  const { version, reason, formStatus, ...changes } = body;
  const current = codec.fromRow(await liveRow(tx, codec, id));
  const target = await resolveExisting(tx, form, current);
  const p = target.participant;
  requireAccess(tx.ctx.actor, 'update', form, p.siteId);
  checkOwnership(tx, form, current);
  if (current.version !== version) {
    throw versionConflict(present(tx.ctx.actor, form, current), Number(version), Number(current.version));
  }
  const changed = Object.keys(changes).filter(
    (k) => changes[k] !== undefined && !same(changes[k], current[k])
  );
  const wasFinal = current.formStatus === 'complete' || current.formStatus === 'verified';
  const nextStatus =
    formStatus ?? (current.formStatus === 'verified' && changed.length > 0 ? 'complete' : current.formStatus);
  if (nextStatus !== current.formStatus) changed.push('formStatus');
  if (changed.length === 0) return { record: present(tx.ctx.actor, form, current), warnings: [] };
  if (wasFinal && (typeof reason !== 'string' || reason.trim() === '')) throw reasonRequired();

  const next: Rec = {
    ...current,
    formStatus: nextStatus,
    version: Number(version) + 1,
    updatedAt: tx.at,
    updatedBy: tx.ctx.actor.userId,
  };
  for (const k of changed) if (k !== 'formStatus') next[k] = changes[k];
  const checked = await checkWrite(tx, {
    form,
    id,
    before: current,
    after: next,
    participant: p,
    fieldStrengthT: target.fieldStrengthT,
  });
  const row = codec.toRow(next);
  const set: LooseRow = {};
  for (const f of codec.fields) {
    if (
      changed.includes(f.field) ||
      f.field === 'version' ||
      f.field === 'updatedAt' ||
      f.field === 'updatedBy'
    ) {
      set[f.column] = row[f.column] ?? null;
    }
  }
  const res = await runPrepared(
    tx.db,
    tx.dialect,
    `update:${codec.table}:${Object.keys(set).join(',')}`,
    [...Object.values(set), id, Number(version)],
    () =>
      tx.loose
        .updateTable(codec.table)
        .set(set)
        .where('id', '=', id)
        .where('version', '=', Number(version))
        .compile()
  );
  if (Number(res.numAffectedRows) !== 1) {
    const now = codec.fromRow(await liveRow(tx, codec, id));
    throw versionConflict(present(tx.ctx.actor, form, now), Number(version), Number(now.version));
  }
  const keys = [...changed, 'version'];
  tx.audit({
    action: 'update',
    entity: form,
    entityId: id,
    participantId: p.id,
    siteId: p.siteId,
    before: pick(current, keys),
    after: pick(next, keys),
    reason: typeof reason === 'string' ? reason : null,
  });
  if (STATUS_FORMS.has(form)) await refreshStatus(tx, p, form, checked.casebook);
  return { record: present(tx.ctx.actor, form, next), warnings: checked.warnings };
}

/** Soft-deletes a record (it stays, marked deleted, with the reason in the audit trail). */
export async function removeFormRecord(
  tx: Tx,
  form: FormName,
  id: string,
  input: unknown
): Promise<WriteResult<Rec>> {
  const codec = codecOf(form);
  // Strict: an unknown key in a delete body is refused naming it, as in every other body.
  const body = parseInput(strictDeleteBody as Parser<{ version: number; reason: string }>, input);
  const current = codec.fromRow(await liveRow(tx, codec, id));
  const target = await resolveExisting(tx, form, current);
  const p = target.participant;
  requireAccess(tx.ctx.actor, 'delete', form, p.siteId);
  checkOwnership(tx, form, current);
  if (current.version !== body.version) {
    throw versionConflict(present(tx.ctx.actor, form, current), body.version, Number(current.version));
  }
  await checkNoLiveChildren(tx, form, id);
  const next: Rec = {
    ...current,
    deletedAt: tx.at,
    version: body.version + 1,
    updatedAt: tx.at,
    updatedBy: tx.ctx.actor.userId,
  };
  const res = await tx.loose
    .updateTable(codec.table)
    .set({ deleted_at: tx.at, version: body.version + 1, updated_at: tx.at, updated_by: tx.ctx.actor.userId })
    .where('id', '=', id)
    .where('version', '=', body.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(null, body.version, body.version + 1);
  tx.audit({
    action: 'delete',
    entity: form,
    entityId: id,
    participantId: p.id,
    siteId: p.siteId,
    before: { deletedAt: null, version: body.version },
    after: { deletedAt: tx.at, version: body.version + 1 },
    reason: body.reason,
  });
  if (STATUS_FORMS.has(form)) await refreshStatus(tx, p, form, null);
  return { record: present(tx.ctx.actor, form, next), warnings: [] };
}
