import {
  decide,
  forbidden,
  type Actor,
  type Casebook,
  type CmrExam,
  type Eligibility,
  type FollowUpVisit,
  type FormName,
  type LesionFinding,
  type OutcomeEvent,
  type Participant,
  type Reading,
  type ReferenceDiagnosis,
  type Treatment,
} from '@cmr-mass/core';
import {
  codecOf,
  FREE_TEXT_FIELDS,
  getStudyMeta,
  isSynthetic,
  StudyMetaKey,
  type DbHandle,
  type LooseDB,
} from '@cmr-mass/db';
import { sql, type Kysely } from 'kysely';
import { makeSnapshot, type SnapshotSite, type StudySnapshot } from './snapshot.js';

/** Options of {@link snapshotFromDb}. */
export interface SnapshotFromDbOptions {
  /**
   * Who reads: a study-wide read-only role (statistician for de-identified reports, monitor or admin).
   * Site staff and readers cannot take a snapshot of the whole study.
   */
  readonly actor: Actor;
  /** The clock (default: now). */
  readonly now?: () => Date;
}

/** The forms of a casebook, besides the participant, in the order they are read. */
const CASEBOOK_FORMS = [
  'eligibility',
  'cmr_exam',
  'lesion_finding',
  'reading',
  'reference_diagnosis',
  'treatment',
  'follow_up_visit',
  'outcome_event',
] as const satisfies readonly FormName[];

type Rec = Record<string, unknown>;

const byCreated = (a: Rec, b: Rec): number => {
  const x = `${String(a.createdAt)}|${String(a.id)}`;
  const y = `${String(b.createdAt)}|${String(b.id)}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The snapshot key of a database: its audit trail's last sequence number, which every write moves. */
export async function dbSnapshotKey(db: Kysely<LooseDB>): Promise<string> {
  const head = await db.selectFrom('audit_head').select('seq').executeTakeFirst();
  return `audit:${head ? String(head.seq) : '0'}`;
}

/**
 * Reads the whole registry into a {@link StudySnapshot} inside one read transaction (PostgreSQL:
 * `REPEATABLE READ, READ ONLY`; SQLite: one transaction on a WAL database, which sees one state), so
 * that every table comes from the same moment. Soft-deleted records and participants are left out;
 * the `identifiers` form is never read. Free-text fields are blanked for roles that get de-identified
 * data (statisticians), as the repositories do. The key is the audit trail's last sequence number.
 *
 * @throws DomainError `forbidden` when the actor may not read every site's data
 */
export async function snapshotFromDb(
  handle: DbHandle,
  options: SnapshotFromDbOptions
): Promise<StudySnapshot> {
  const actor = options.actor;
  const analysis = decide(actor, 'read', 'analysis', null);
  if (!analysis.allowed) {
    throw forbidden(`${actor.role} may not take a snapshot of the study: ${analysis.reason}`);
  }
  const deidentify = actor.role === 'statistician';
  const takenAt = (options.now ?? ((): Date => new Date()))().toISOString();
  const read = async (db: Kysely<LooseDB>): Promise<StudySnapshot> => {
    const key = await dbSnapshotKey(db);
    const siteRows = await db.selectFrom('sites').select(['id', 'code', 'name', 'country']).execute();
    const siteCode = new Map(siteRows.map((s) => [String(s.id), String(s.code)]));
    for (const s of siteRows) {
      for (const form of ['participant', ...CASEBOOK_FORMS] as const) {
        const d = decide(actor, 'read', form, String(s.id));
        if (!d.allowed) {
          throw forbidden(`${actor.role} may not read ${form} at site ${String(s.code)}: ${d.reason}`);
        }
      }
    }
    const participants = (
      await db.selectFrom('participants').selectAll().where('deleted_at', 'is', null).execute()
    ).map((row) => codecOf('participant').fromRow(row));
    const books = new Map<string, Record<(typeof CASEBOOK_FORMS)[number], Rec[]>>();
    for (const p of participants) {
      books.set(
        String(p.id),
        Object.fromEntries(CASEBOOK_FORMS.map((f) => [f, [] as Rec[]])) as Record<
          (typeof CASEBOOK_FORMS)[number],
          Rec[]
        >
      );
    }
    for (const form of CASEBOOK_FORMS) {
      const codec = codecOf(form);
      const drop = deidentify ? (FREE_TEXT_FIELDS[form] ?? []) : [];
      const rows = await db.selectFrom(codec.table).selectAll().where('deleted_at', 'is', null).execute();
      for (const row of rows) {
        const rec = codec.fromRow(row);
        for (const f of drop) rec[f] = null;
        books.get(String(rec.participantId))?.[form].push(rec);
      }
    }
    const typed = db as unknown as Parameters<typeof isSynthetic>[0];
    const synthetic = await isSynthetic(typed);
    const studyName = synthetic ? await getStudyMeta(typed, StudyMetaKey.studyName) : undefined;
    const casebooks: Casebook[] = participants.map((p) => {
      const b = books.get(String(p.id))!;
      for (const list of Object.values(b)) list.sort(byCreated);
      return {
        participant: p as unknown as Participant,
        siteCode: siteCode.get(String(p.siteId)) ?? '',
        eligibility: (b.eligibility[0] as unknown as Eligibility | undefined) ?? null,
        exams: b.cmr_exam as unknown as CmrExam[],
        findings: b.lesion_finding as unknown as LesionFinding[],
        readings: b.reading as unknown as Reading[],
        references: b.reference_diagnosis as unknown as ReferenceDiagnosis[],
        treatments: b.treatment as unknown as Treatment[],
        visits: b.follow_up_visit as unknown as FollowUpVisit[],
        events: b.outcome_event as unknown as OutcomeEvent[],
      };
    });
    const sites: SnapshotSite[] = siteRows.map((s) => ({
      code: String(s.code),
      name: String(s.name),
      country: String(s.country),
    }));
    return makeSnapshot({
      sites,
      casebooks,
      takenAt,
      key,
      synthetic: synthetic
        ? { label: typeof studyName === 'string' ? studyName : 'synthetic demonstration cohort' }
        : null,
    });
  };
  const loose = handle.db as unknown as Kysely<LooseDB>;
  if (handle.dialect === 'postgres') {
    return loose
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`SET TRANSACTION READ ONLY`.execute(trx);
        return read(trx);
      });
  }
  return loose.transaction().execute(read);
}
