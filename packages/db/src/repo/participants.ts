import {
  badRequest,
  implausible,
  invalidState,
  lostToFollowUpBody,
  participantForm,
  versionConflict,
  withdrawBody,
} from '@cmr-mass/core';
import { codecOf } from './form-codec.js';
import type { WriteResult } from './form-writer.js';
import { createSnapshot, insertRow } from './form-writer.js';
import { parseInput, type Parser } from './parse.js';
import { loadParticipantForWrite, type ParticipantState } from './participant-state.js';
import { present } from './present.js';
import { dateIn, requireAccess } from './scope.js';
import { deriveStatus } from './status.js';
import type { Tx } from './unit-of-work.js';
import { checkWrite } from './validate.js';

type Rec = Record<string, unknown>;

/** The study ID of the `n`th participant of a site: `BJ01-0042` (four digits at least). */
export function formatStudyId(siteCode: string, n: number): string {
  return `${siteCode}-${String(n).padStart(4, '0')}`;
}

/**
 * Enrols a participant: checks the site, allocates the next study ID of the site race-free (an atomic
 * `UPDATE ... RETURNING` of the site's counter, which also serialises enrolments at one site on
 * PostgreSQL), stores the participant as `screening` and audits it.
 */
export async function createParticipant(tx: Tx, input: unknown): Promise<WriteResult<Rec>> {
  return (await enrolParticipant(tx, input)).written;
}

/** {@link createParticipant}, also returning what later writes need to know of the participant. */
export async function enrolParticipant(
  tx: Tx,
  input: unknown
): Promise<{ readonly written: WriteResult<Rec>; readonly state: ParticipantState }> {
  const codec = codecOf('participant');
  const body = parseInput(participantForm.create as Parser<Rec>, input);
  const siteId = String(body.siteId);
  const site = await tx.db
    .selectFrom('sites')
    .select(['id', 'code', 'active', 'time_zone'])
    .where('id', '=', siteId)
    .executeTakeFirst();
  if (!site) throw badRequest('is not a site of the study', 'siteId');
  requireAccess(tx.ctx.actor, 'create', 'participant', site.id);
  if (site.active !== 1) throw invalidState('the site is closed to enrolment', 'siteId');
  const id = tx.ctx.newId();
  const counter = await tx.db
    .updateTable('sites')
    .set((eb) => ({ next_study_number: eb('next_study_number', '+', 1) }))
    .where('id', '=', site.id)
    .returning('next_study_number')
    .executeTakeFirstOrThrow();
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
    studyId: formatStudyId(site.code, counter.next_study_number - 1),
    status: 'screening',
    withdrawnDate: null,
    withdrawalReason: null,
    lostToFollowUpDate: null,
  };
  for (const f of codec.fields) if (!(f.field in record)) record[f.field] = body[f.field] ?? null;
  const state: ParticipantState = {
    id,
    siteId: site.id,
    status: 'screening',
    version: 1,
    birthYear: (record.birthYear as number | null) ?? null,
    withdrawnDate: null,
    lostToFollowUpDate: null,
    timeZone: site.time_zone,
  };
  const checked = await checkWrite(tx, {
    form: 'participant',
    id,
    before: null,
    after: record,
    participant: state,
  });
  await insertRow(tx, 'participants', codec.toRow(record));
  tx.audit({
    action: 'create',
    entity: 'participant',
    entityId: id,
    participantId: id,
    siteId: site.id,
    after: createSnapshot(record),
  });
  return {
    written: { record: present(tx.ctx.actor, 'participant', record), warnings: checked.warnings },
    state,
  };
}

/** What changes on the participant row when they leave the study. */
interface Departure {
  readonly action: 'withdraw' | 'lost_to_follow_up';
  readonly version: number;
  readonly date: string;
  readonly reason: string;
  readonly withdrawalReason?: string;
}

async function depart(tx: Tx, participantId: string, d: Departure): Promise<WriteResult<Rec>> {
  const codec = codecOf('participant');
  const p = await loadParticipantForWrite(tx, participantId);
  requireAccess(tx.ctx.actor, 'update', 'participant', p.siteId);
  const row = await tx.db
    .selectFrom('participants')
    .selectAll()
    .where('id', '=', p.id)
    .executeTakeFirstOrThrow();
  const current = codec.fromRow(row);
  if (p.version !== d.version) {
    throw versionConflict(present(tx.ctx.actor, 'participant', current), d.version, p.version);
  }
  if (p.withdrawnDate !== null) throw invalidState(`the participant already withdrew on ${p.withdrawnDate}`);
  if (d.action === 'lost_to_follow_up' && p.lostToFollowUpDate !== null) {
    throw invalidState(`the participant was already declared lost to follow-up on ${p.lostToFollowUpDate}`);
  }
  const today = dateIn(tx.ctx.now(), p.timeZone);
  if (d.date > today) throw implausible('date', `date ${d.date} is after today (${today})`);
  const changes: Rec =
    d.action === 'withdraw'
      ? { withdrawnDate: d.date, withdrawalReason: d.withdrawalReason ?? null }
      : { lostToFollowUpDate: d.date };
  const dates = {
    withdrawnDate: d.action === 'withdraw' ? d.date : p.withdrawnDate,
    lostToFollowUpDate: d.action === 'lost_to_follow_up' ? d.date : p.lostToFollowUpDate,
  };
  const status = await deriveStatus(tx, p, dates);
  const next: Rec = {
    ...current,
    ...changes,
    status,
    version: p.version + 1,
    updatedAt: tx.at,
    updatedBy: tx.ctx.actor.userId,
  };
  const checked = await checkWrite(tx, {
    form: 'participant',
    id: p.id,
    before: current,
    after: next,
    participant: p,
  });
  const res = await tx.loose
    .updateTable('participants')
    .set({
      withdrawn_date: dates.withdrawnDate,
      withdrawal_reason: (next.withdrawalReason as string | null) ?? null,
      lost_to_follow_up_date: dates.lostToFollowUpDate,
      status,
      version: p.version + 1,
      updated_at: tx.at,
      updated_by: tx.ctx.actor.userId,
    })
    .where('id', '=', p.id)
    .where('version', '=', p.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw versionConflict(null, d.version, p.version + 1);
  const keys = [...Object.keys(changes), 'status', 'version'];
  tx.audit({
    action: d.action,
    entity: 'participant',
    entityId: p.id,
    participantId: p.id,
    siteId: p.siteId,
    before: Object.fromEntries(keys.map((k) => [k, current[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, next[k] ?? null])),
    reason: d.reason,
  });
  return { record: present(tx.ctx.actor, 'participant', next), warnings: checked.warnings };
}

/**
 * Withdraws a participant (a reason is always required). Afterwards the participant accepts no new
 * clinical data, and no follow-up contact may be dated after the withdrawal.
 */
export async function withdrawParticipant(
  tx: Tx,
  participantId: string,
  input: unknown
): Promise<WriteResult<Rec>> {
  const body = parseInput(
    withdrawBody as Parser<{ version: number; date: string; reasonCode: string; reason: string }>,
    input
  );
  return depart(tx, participantId, {
    action: 'withdraw',
    version: body.version,
    date: body.date,
    reason: body.reason,
    withdrawalReason: body.reasonCode,
  });
}

/** Declares a participant lost to follow-up after repeated failed contacts (with a reason). */
export async function markLostToFollowUp(
  tx: Tx,
  participantId: string,
  input: unknown
): Promise<WriteResult<Rec>> {
  const body = parseInput(
    lostToFollowUpBody as Parser<{ version: number; date: string; reason: string }>,
    input
  );
  return depart(tx, participantId, {
    action: 'lost_to_follow_up',
    version: body.version,
    date: body.date,
    reason: body.reason,
  });
}
