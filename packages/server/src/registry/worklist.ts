import {
  baselineExam,
  deathDate,
  followUpSchedule,
  urgencyRank,
  type Actor,
  type VisitStatus,
} from '@cmr-mass/core';
import type { DB } from '@cmr-mass/db';
import type { Kysely } from 'kysely';
import { allowed, effectiveSite, requireAccess } from './access.js';
import { chunks, loadCasebooks } from './casebooks.js';
import { dateIn } from './dates.js';

/**
 * The follow-up worklist of a site (registry.md, pain point 8): the scheduled visits of enrolled
 * participants that are due, overdue or missed, most urgent first (`core`'s `urgencyRank`), with how to
 * reach the participant for the site's own staff only.
 */

/** The statuses the worklist shows by default. */
export const WORKLIST_STATUSES: readonly VisitStatus[] = ['due', 'overdue', 'missed'];

/** How to reach a participant (site staff only). */
export interface Contact {
  readonly phone: string | null;
  readonly alternatePhone: string | null;
  readonly contactNotes: string | null;
}

/** One visit on the worklist. */
export interface WorklistItem {
  readonly participantId: string;
  readonly studyId: string;
  readonly siteCode: string;
  readonly month: number;
  readonly targetDate: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly status: VisitStatus;
  readonly failedAttempts: number;
  readonly lastAttemptDate: string | null;
  readonly daysToWindowEnd: number;
  readonly urgency: number;
  /** Present for site staff; null for other roles. */
  readonly contact: Contact | null;
}

/** The worklist's filters. */
export interface WorklistQuery {
  readonly siteId?: string;
  /** Visits whose window overlaps [from, to] (default: a year back to 60 days ahead of today). */
  readonly from?: string;
  readonly to?: string;
  readonly statuses?: readonly VisitStatus[];
}

const shift = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The worklist as of `now`, sorted by urgency, then target date, then study ID. */
export async function worklist(db: Kysely<DB>, actor: Actor, now: Date, query: WorklistQuery): Promise<WorklistItem[]> {
  const siteId = effectiveSite(actor, query.siteId);
  requireAccess(actor, 'read', 'follow_up_visit', siteId);
  const statuses = new Set(query.statuses ?? WORKLIST_STATUSES);
  let sq = db.selectFrom('sites').select(['id', 'time_zone']);
  if (siteId !== null) sq = sq.where('id', '=', siteId);
  const zones = new Map((await sq.execute()).map((s) => [s.id, s.time_zone]));
  let pq = db.selectFrom('participants').select(['id', 'site_id']).where('status', '=', 'enrolled').where('deleted_at', 'is', null);
  if (siteId !== null) pq = pq.where('site_id', '=', siteId);
  const participants = await pq.orderBy('study_id').execute();
  const books = await loadCasebooks(
    db,
    actor,
    participants.map((p) => p.id),
    { forms: ['cmr_exam', 'follow_up_visit', 'outcome_event'], requireAll: true }
  );
  const items: Omit<WorklistItem, 'contact'>[] = [];
  for (const p of participants) {
    const cb = books.get(p.id);
    const base = cb ? baselineExam(cb) : null;
    if (!cb || !base) continue;
    const today = dateIn(now, zones.get(p.site_id) ?? 'UTC');
    const from = query.from ?? shift(today, -365);
    const to = query.to ?? shift(today, 60);
    const schedule = followUpSchedule({
      baselineDate: base.examDate,
      today,
      contacts: cb.visits.map((v) => ({
        id: v.id,
        visitMonth: v.visitMonth ?? null,
        contactDate: v.contactDate,
        contactOutcome: v.contactOutcome,
      })),
      deathDate: deathDate(cb),
      withdrawnDate: cb.participant.withdrawnDate,
      lostToFollowUpDate: cb.participant.lostToFollowUpDate,
    });
    for (const v of schedule) {
      if (!statuses.has(v.status) || v.windowEnd < from || v.windowStart > to) continue;
      const attempts = cb.visits.filter((x) => x.visitMonth === v.month).map((x) => x.contactDate).sort();
      items.push({
        participantId: p.id,
        studyId: cb.participant.studyId,
        siteCode: cb.siteCode,
        month: v.month,
        targetDate: v.targetDate,
        windowStart: v.windowStart,
        windowEnd: v.windowEnd,
        status: v.status,
        failedAttempts: v.failedAttempts,
        lastAttemptDate: attempts[attempts.length - 1] ?? null,
        daysToWindowEnd: v.daysToWindowEnd,
        urgency: urgencyRank(v),
      });
    }
  }
  items.sort(
    (a, b) =>
      a.urgency - b.urgency ||
      (a.targetDate < b.targetDate ? -1 : a.targetDate > b.targetDate ? 1 : 0) ||
      (a.studyId < b.studyId ? -1 : a.studyId > b.studyId ? 1 : 0) ||
      a.month - b.month
  );
  const contacts = await contactsOf(db, actor, items);
  return items.map((i) => ({ ...i, contact: contacts === null ? null : (contacts.get(i.participantId) ?? emptyContact) }));
}

const emptyContact: Contact = { phone: null, alternatePhone: null, contactNotes: null };

/** Phone numbers and contact notes, for an actor who may read identifiers at every site involved. */
async function contactsOf(
  db: Kysely<DB>,
  actor: Actor,
  items: readonly Pick<WorklistItem, 'participantId'>[]
): Promise<Map<string, Contact> | null> {
  const ids = [...new Set(items.map((i) => i.participantId))];
  if (ids.length === 0) return new Map();
  const out = new Map<string, Contact>();
  for (const part of chunks(ids, 400)) {
    const rows = await db
      .selectFrom('participant_identifiers as i')
      .innerJoin('participants as p', 'p.id', 'i.participant_id')
      .select(['i.participant_id', 'p.site_id', 'i.phone', 'i.alternate_phone', 'i.contact_notes'])
      .where('i.participant_id', 'in', part)
      .where('i.deleted_at', 'is', null)
      .execute();
    for (const r of rows) {
      if (!allowed(actor, 'read', 'identifiers', r.site_id)) return null;
      out.set(r.participant_id, { phone: r.phone, alternatePhone: r.alternate_phone, contactNotes: r.contact_notes });
    }
  }
  return allowed(actor, 'read', 'identifiers', actor.siteId) ? out : null;
}
