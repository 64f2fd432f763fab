import { decide, forbidden, notFound, type Action, type Actor } from '@cmr-mass/core';
import type { Kysely } from 'kysely';
import type { DB } from '../schema/tables.js';

/**
 * What imaging needs to know about the CMR exam it works on: the participant and their site (the
 * access decision), the study ID (pseudonym in derived DICOM), the exam's StudyInstanceUID (the
 * check of uploads) and haematocrit (the default of an ECV request).
 */
export interface ExamScope {
  readonly examId: string;
  readonly participantId: string;
  readonly siteId: string;
  readonly studyId: string;
  /** The exam form's StudyInstanceUID, when recorded. */
  readonly studyInstanceUid: string | null;
  readonly haematocrit: number | null;
  /** Set when the participant withdrew: no new data may be recorded. */
  readonly withdrawnDate: string | null;
  /** The action the actor was found allowed to do. */
  readonly allowed: Action;
}

/**
 * Reads the exam and its participant, then decides with `core`'s `decide(actor, action, 'imaging',
 * site)` (deny by default). A missing or soft-deleted exam or participant is `not_found`; an actor
 * of another site, or a role that may not do `action`, is `forbidden` with `core`'s reason.
 */
export async function loadExamScope(
  db: Kysely<DB>,
  actor: Actor,
  examId: string,
  action: Action
): Promise<ExamScope> {
  const r = await db
    .selectFrom('cmr_exams as e')
    .innerJoin('participants as p', 'p.id', 'e.participant_id')
    .select([
      'e.id',
      'e.participant_id',
      'e.study_instance_uid',
      'e.haematocrit',
      'e.deleted_at as exam_deleted',
      'p.site_id',
      'p.study_id',
      'p.withdrawn_date',
      'p.deleted_at as participant_deleted',
    ])
    .where('e.id', '=', examId)
    .executeTakeFirst();
  if (!r || r.exam_deleted !== null || r.participant_deleted !== null) throw notFound('CMR exam');
  requireImaging(actor, action, r.site_id);
  return {
    examId: r.id,
    participantId: r.participant_id,
    siteId: r.site_id,
    studyId: r.study_id,
    studyInstanceUid: r.study_instance_uid ?? null,
    haematocrit: r.haematocrit ?? null,
    withdrawnDate: r.withdrawn_date ?? null,
    allowed: action,
  };
}

/** Throws `forbidden` unless `core` lets `actor` do `action` on the imaging data of `siteId`. */
export function requireImaging(actor: Actor, action: Action, siteId: string): void {
  const d = decide(actor, action, 'imaging', siteId);
  if (!d.allowed) throw forbidden(`${actor.role} may not ${action} imaging data: ${d.reason}`);
}

/**
 * True when the actor may see direct identifiers of the site (site staff): the original DICOM files
 * carry the patient's name, ID and birth date, so only they may download them.
 */
export function mayReadIdentifiers(actor: Actor, siteId: string): boolean {
  return decide(actor, 'read', 'identifiers', siteId).allowed;
}
