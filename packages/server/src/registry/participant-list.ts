import { mustDeidentify, type Actor, type ParticipantStatus } from '@cmr-mass/core';
import { codecOf, FREE_TEXT_FIELDS, type DB, type LooseDB } from '@cmr-mass/db';
import { sql, type Kysely } from 'kysely';
import { effectiveSite, requireAccess } from './access.js';
import { presentParticipant, refuseForReader } from './blinding.js';
import { loadCasebooks } from './casebooks.js';
import { inCohort, referenceFlags, type CohortFilter } from './cohorts.js';

/**
 * The participant list with the filters the registry's screens need and `db`'s generic list lacks:
 * study-ID prefix, baseline CMR date range, derived cohort, sorting (a server-side helper over Kysely,
 * with `core`'s access predicates enforced as in `db`'s repositories). Site staff see only their site;
 * readers cannot filter or sort by status or cohort (blinding).
 */

/** Sort keys of the participant list. */
export const PARTICIPANT_SORTS = ['studyId', 'baselineDate', 'status', 'site'] as const;
export type ParticipantSort = (typeof PARTICIPANT_SORTS)[number];

/** The filters, sort and page of the list. */
export interface ParticipantListQuery {
  readonly siteId?: string;
  readonly status?: readonly ParticipantStatus[];
  readonly cohort?: CohortFilter;
  /** Study ID prefix, e.g. `BJ01-00`. */
  readonly q?: string;
  /** Baseline CMR date range, inclusive. */
  readonly enrolledFrom?: string;
  readonly enrolledTo?: string;
  readonly sort?: ParticipantSort;
  readonly order?: 'asc' | 'desc';
  readonly includeDeleted?: boolean;
  readonly limit: number;
  readonly offset: number;
}

/** A list item: the participant record plus its site code and baseline CMR date. */
export type ParticipantListItem = Record<string, unknown> & {
  readonly siteCode: string;
  readonly baselineDate: string | null;
};

type Row = Record<string, string | number | null>;

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The participants the actor may see, filtered, sorted and paged, with the total that match. */
export async function listParticipants(
  db: Kysely<DB>,
  actor: Actor,
  query: ParticipantListQuery
): Promise<{ readonly items: ParticipantListItem[]; readonly total: number }> {
  const siteId = effectiveSite(actor, query.siteId);
  requireAccess(actor, 'read', 'participant', siteId);
  if (query.status !== undefined) refuseForReader(actor, 'status', 'status');
  if (query.cohort !== undefined) refuseForReader(actor, 'cohort', 'cohort');
  if (query.sort === 'status') refuseForReader(actor, 'status', 'sort');

  const loose = db as unknown as Kysely<LooseDB>;
  let q = loose.selectFrom('participants as t').innerJoin('sites as s', 's.id', 't.site_id');
  if (siteId !== null) q = q.where('t.site_id', '=', siteId);
  if (!query.includeDeleted) q = q.where('t.deleted_at', 'is', null);
  if (query.status !== undefined) q = q.where('t.status', 'in', query.status.length > 0 ? [...query.status] : ['']);
  if (query.q !== undefined && query.q !== '') {
    q = q.where(sql<boolean>`t.study_id like ${`${escapeLike(query.q.toUpperCase())}%`} escape '\\'`);
  }
  if (query.enrolledFrom !== undefined || query.enrolledTo !== undefined) {
    const from = query.enrolledFrom ?? '0000-01-01';
    const to = query.enrolledTo ?? '9999-12-31';
    q = q.where(
      sql<boolean>`exists (select 1 from cmr_exams e where e.participant_id = t.id and e.kind = 'baseline'
        and e.deleted_at is null and e.exam_date >= ${from} and e.exam_date <= ${to})`
    );
  }
  const baseline = sql<string | null>`(select min(e.exam_date) from cmr_exams e where e.participant_id = t.id
    and e.kind = 'baseline' and e.deleted_at is null)`;
  const dir = query.order === 'desc' ? sql`desc` : sql`asc`;
  const order = (() => {
    switch (query.sort ?? 'studyId') {
      case 'baselineDate':
        return sql`${baseline} ${dir}`;
      case 'status':
        return sql`t.status ${dir}`;
      case 'site':
        return sql`s.code ${dir}`;
      case 'studyId':
        return sql`t.study_id ${dir}`;
    }
  })();
  // Two steps: the ids of the page in order (narrow rows, no per-row subquery unless sorting by the
  // baseline date), then the page's rows with their site code and baseline date.
  const ordered = q.select(['t.id']).orderBy(order).orderBy('t.study_id').orderBy('t.id');

  let ids: string[];
  let total: number;
  if (query.cohort === undefined) {
    const [page, count] = await Promise.all([
      ordered.limit(query.limit).offset(query.offset).execute(),
      q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
    ]);
    ids = page.map((r) => String(r.id));
    total = Number((count as { n?: unknown } | undefined)?.n ?? 0);
  } else {
    // Cohorts are derived from whole casebooks: filter the candidates in memory, then page.
    const all = (await ordered.execute()).map((r) => String(r.id));
    const books = await loadCasebooks(db, actor, all, {
      forms: ['cmr_exam', 'lesion_finding', 'reference_diagnosis'],
      requireAll: true,
    });
    const cohort = query.cohort;
    const matching = all.filter((id) => {
      const cb = books.get(id);
      return cb !== undefined && inCohort(referenceFlags(cb), cohort);
    });
    total = matching.length;
    ids = matching.slice(query.offset, query.offset + query.limit);
  }
  const rows: Row[] =
    ids.length === 0
      ? []
      : await loose
          .selectFrom('participants as t')
          .innerJoin('sites as s', 's.id', 't.site_id')
          .selectAll('t')
          .select(['s.code as site_code', baseline.as('baseline_date')])
          .where('t.id', 'in', ids)
          .execute();
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  const codec = codecOf('participant');
  const drop = mustDeidentify(actor) ? (FREE_TEXT_FIELDS.participant ?? []) : [];
  const items = ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const rec = codec.fromRow(r);
    for (const f of drop) rec[f] = null;
    return {
      ...presentParticipant(actor, rec),
      siteCode: String(r.site_code),
      baselineDate: r.baseline_date === null ? null : String(r.baseline_date),
    };
  });
  return { items, total };
}
