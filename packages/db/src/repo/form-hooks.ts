import {
  badRequest,
  duplicate,
  forbidden,
  invalidState,
  notFound,
  type FieldStrength,
  type FormName,
} from '@cmr-mass/core';
import { createLesion, lesionOf, type LesionIdentity } from './lesions.js';
import { loadParticipantForWrite, type ParticipantState } from './participant-state.js';
import type { Tx } from './unit-of-work.js';

type Rec = Readonly<Record<string, unknown>>;

/** What a write learns about the record's place in the casebook before it checks access. */
export interface WriteTarget {
  readonly participant: ParticipantState;
  /** The exam's field strength (lesion findings), for the range rules. */
  readonly fieldStrengthT: FieldStrength | null;
}

/** The participant and field strength of a live CMR exam (else a bad request naming `examId`). */
export async function examOf(
  tx: Tx,
  examId: string
): Promise<{ participantId: string; fieldStrengthT: FieldStrength | null }> {
  const e = await tx.db
    .selectFrom('cmr_exams')
    .select(['participant_id', 'field_strength_t', 'deleted_at'])
    .where('id', '=', examId)
    .executeTakeFirst();
  if (!e || e.deleted_at !== null) throw badRequest('is not a CMR exam of the registry', 'examId');
  return { participantId: e.participant_id, fieldStrengthT: e.field_strength_t };
}

const str = (r: Rec, f: string): string => String(r[f]);

/** Finds the participant (and exam) a new record belongs to. Reads only; locks the participant row. */
export async function resolveCreate(tx: Tx, form: FormName, body: Rec): Promise<WriteTarget> {
  if (form === 'lesion_finding' || form === 'reading') {
    const exam = await examOf(tx, str(body, 'examId'));
    return {
      participant: await loadParticipantForWrite(tx, exam.participantId),
      fieldStrengthT: exam.fieldStrengthT,
    };
  }
  return { participant: await loadParticipantForWrite(tx, str(body, 'participantId')), fieldStrengthT: null };
}

/** Finds the participant (and exam) of a stored record. */
export async function resolveExisting(tx: Tx, form: FormName, current: Rec): Promise<WriteTarget> {
  const participantId = form === 'participant' ? str(current, 'id') : str(current, 'participantId');
  const participant = await loadParticipantForWrite(tx, participantId);
  const fieldStrengthT =
    form === 'lesion_finding' ? (await examOf(tx, str(current, 'examId'))).fieldStrengthT : null;
  return { participant, fieldStrengthT };
}

/**
 * What {@link prepareCreate} needs to know about the casebook, and how it makes a lesion: read from
 * the database inside the write ({@link dbLookups}), or from the bulk writer's in-memory casebook.
 */
export interface CreateLookups {
  /** True when the participant has a live record in `table`. */
  hasLive(table: 'participant_identifiers' | 'eligibility', participantId: string): Promise<boolean>;
  /** The lesion `lesionId`, which must belong to `p` (else a bad request naming `lesionId`). */
  lesionOf(p: ParticipantState, lesionId: string): Promise<LesionIdentity>;
  /** Creates the participant's next lesion (L1, L2...), audited. */
  createLesion(p: ParticipantState): Promise<LesionIdentity>;
  /** True when the exam has live findings of the lesion. */
  hasFindings(examId: string, lesionId: string): Promise<boolean>;
  /** The participant of a live follow-up contact (null when there is no such live contact). */
  visitOwner(visitId: string): Promise<string | null>;
}

/** {@link CreateLookups} that read the database inside the write `tx`. */
export function dbLookups(tx: Tx): CreateLookups {
  return {
    async hasLive(table, participantId) {
      const r = await tx.db
        .selectFrom(table)
        .select('id')
        .where('participant_id', '=', participantId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return r !== undefined;
    },
    lesionOf: (p, lesionId) => lesionOf(tx, p, lesionId),
    createLesion: (p) => createLesion(tx, p),
    async hasFindings(examId, lesionId) {
      const dup = await tx.db
        .selectFrom('lesion_findings')
        .select('id')
        .where('exam_id', '=', examId)
        .where('lesion_id', '=', lesionId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return dup !== undefined;
    },
    async visitOwner(visitId) {
      const v = await tx.db
        .selectFrom('follow_up_visits')
        .select(['participant_id', 'deleted_at'])
        .where('id', '=', visitId)
        .executeTakeFirst();
      return v && v.deleted_at === null ? v.participant_id : null;
    },
  };
}

/**
 * Checks a new record's links and fills the fields the server sets: the lesion of a finding (created
 * when none is named), the reader of a reading, the participant of exam-level records. May write (a
 * new lesion); runs after the access check.
 *
 * @param actorId - the user creating the record (a reading's reader)
 */
export async function prepareCreate(
  lookups: CreateLookups,
  actorId: string,
  form: FormName,
  body: Rec,
  t: WriteTarget
): Promise<Rec> {
  const p = t.participant;
  switch (form) {
    case 'identifiers':
      if (await lookups.hasLive('participant_identifiers', p.id)) {
        throw duplicate('the participant already has identifiers: update them', 'participantId');
      }
      return {};
    case 'eligibility':
      if (await lookups.hasLive('eligibility', p.id)) {
        throw duplicate('the participant already has an eligibility form: update it', 'participantId');
      }
      return {};
    case 'lesion_finding': {
      const lesion =
        typeof body.lesionId === 'string'
          ? await lookups.lesionOf(p, body.lesionId)
          : await lookups.createLesion(p);
      if (await lookups.hasFindings(str(body, 'examId'), lesion.id)) {
        throw duplicate(`lesion ${lesion.label} already has findings on this exam: update them`, 'lesionId');
      }
      return { lesionId: lesion.id, lesionLabel: lesion.label, participantId: p.id };
    }
    case 'reading':
      if (typeof body.lesionId === 'string') await lookups.lesionOf(p, body.lesionId);
      return { participantId: p.id, readerId: actorId };
    case 'reference_diagnosis':
    case 'treatment':
      if (typeof body.lesionId === 'string') await lookups.lesionOf(p, body.lesionId);
      return {};
    case 'outcome_event':
      if (typeof body.visitId === 'string' && (await lookups.visitOwner(body.visitId)) !== p.id) {
        throw badRequest('is not a follow-up contact of this participant', 'visitId');
      }
      return {};
    default:
      return {};
  }
}

/** Refuses a change to a record the actor does not own (a reading belongs to its reader). */
export function checkOwnership(tx: Tx, form: FormName, current: Rec): void {
  if (form === 'reading' && current.readerId !== tx.ctx.actor.userId) {
    throw forbidden('a reading can be changed only by the reader who made it');
  }
}

/** Refuses to soft-delete a record that live records still depend on. */
export async function checkNoLiveChildren(tx: Tx, form: FormName, id: string): Promise<void> {
  const live = async (
    table: 'lesion_findings' | 'readings' | 'outcome_events' | 'cmr_exams',
    col: string
  ): Promise<boolean> => {
    const r = await tx.loose
      .selectFrom(table)
      .select('id')
      .where(col, '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return r !== undefined;
  };
  if (
    form === 'cmr_exam' &&
    ((await live('lesion_findings', 'exam_id')) || (await live('readings', 'exam_id')))
  ) {
    throw invalidState('the exam still has lesion findings or readings: delete them first');
  }
  if (form === 'follow_up_visit' && (await live('outcome_events', 'visit_id'))) {
    throw invalidState('outcome events refer to this contact: delete or move them first');
  }
  if (form === 'participant' && (await live('cmr_exams', 'participant_id'))) {
    throw invalidState(
      'the participant has CMR exams: withdraw the participant instead (reason: enrolled in error)'
    );
  }
}

/** `not_found` for a missing record of a form. */
export function missing(form: FormName): never {
  throw notFound(form.replace(/_/g, ' '));
}
