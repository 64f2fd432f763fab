import {
  canSeeReading,
  mustDeidentify,
  type Actor,
  type Casebook,
  type FormName,
} from '@cmr-mass/core';
import { codecOf, FREE_TEXT_FIELDS, type DB, type FormRecords, type LooseDB } from '@cmr-mass/db';
import type { Kysely } from 'kysely';
import { allowed, requireAccess } from './access.js';

/**
 * Whole casebooks read in bulk, for exports, the worklist and the cohort filter (a server-side helper
 * over Kysely: `db` reads one form at a time). Each participant's forms are read with one query per
 * form for a chunk of participants, and every record passes `core`'s access predicates as in `db`'s
 * repositories: the participant's site must be reachable, forms the actor may not read stay empty, a
 * reader sees only their own readings, and free text is removed for de-identified roles.
 */

/** The forms of a casebook besides the participant, with the casebook key each fills. */
const CASEBOOK_FORMS = {
  eligibility: 'eligibility',
  cmr_exam: 'exams',
  lesion_finding: 'findings',
  reading: 'readings',
  reference_diagnosis: 'references',
  treatment: 'treatments',
  follow_up_visit: 'visits',
  outcome_event: 'events',
} as const satisfies Partial<Record<FormName, keyof Casebook>>;

/** A form a casebook holds (not identifiers, which never leave the site's own screens). */
export type CasebookForm = keyof typeof CASEBOOK_FORMS;
export const CASEBOOK_FORM_NAMES = Object.keys(CASEBOOK_FORMS) as CasebookForm[];

/** Options of {@link loadCasebooks}. */
export interface LoadOptions {
  /** Only these forms (default: all of them). */
  readonly forms?: readonly CasebookForm[];
  /** Throw `forbidden` when the actor may not read one of the forms (default: leave it empty). */
  readonly requireAll?: boolean;
}

type Rec = Record<string, unknown>;

function scrub(actor: Actor, form: FormName, rec: Rec): Rec {
  if (!mustDeidentify(actor)) return rec;
  for (const f of FREE_TEXT_FIELDS[form] ?? []) if (rec[f] !== undefined) rec[f] = null;
  return rec;
}

/** Splits a list into chunks of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The casebooks of the given participants (live ones only), keyed by participant id, in the order
 * given. A participant of a site the actor does not reach is `forbidden`.
 */
export async function loadCasebooks(
  db: Kysely<DB>,
  actor: Actor,
  participantIds: readonly string[],
  options: LoadOptions = {}
): Promise<Map<string, Casebook>> {
  const out = new Map<string, Casebook>();
  for (const ids of chunks(participantIds, 400)) {
    for (const [k, v] of await loadChunk(db, actor, ids, options)) out.set(k, v);
  }
  return out;
}

async function loadChunk(
  db: Kysely<DB>,
  actor: Actor,
  ids: readonly string[],
  options: LoadOptions
): Promise<Map<string, Casebook>> {
  const loose = db as unknown as Kysely<LooseDB>;
  if (ids.length === 0) return new Map();
  const pRows = await loose
    .selectFrom('participants as t')
    .innerJoin('sites as s', 's.id', 't.site_id')
    .selectAll('t')
    .select('s.code as site_code')
    .where('t.id', 'in', [...ids])
    .where('t.deleted_at', 'is', null)
    .execute();
  const sites = new Set<string>();
  const drafts = new Map<string, Record<string, unknown>>();
  const codec = codecOf('participant');
  for (const r of pRows) {
    const siteId = String(r.site_id);
    requireAccess(actor, 'read', 'participant', siteId);
    sites.add(siteId);
    drafts.set(String(r.id), {
      participant: scrub(actor, 'participant', codec.fromRow(r)),
      siteCode: String(r.site_code),
      eligibility: null,
      exams: [],
      findings: [],
      readings: [],
      references: [],
      treatments: [],
      visits: [],
      events: [],
    });
  }
  const live = [...drafts.keys()];
  const forms = options.forms ?? CASEBOOK_FORM_NAMES;
  for (const form of forms) {
    const readable = [...sites].every((s) => allowed(actor, 'read', form, s));
    if (!readable) {
      if (options.requireAll) for (const s of sites) requireAccess(actor, 'read', form, s);
      continue;
    }
    const c = codecOf(form);
    let q = loose.selectFrom(c.table).selectAll().where('participant_id', 'in', live).where('deleted_at', 'is', null);
    if (form === 'reading' && actor.role === 'reader') q = q.where('reader_id', '=', actor.userId);
    const rows = await q.orderBy('created_at').orderBy('id').execute();
    const key = CASEBOOK_FORMS[form];
    for (const row of rows) {
      const rec = scrub(actor, form, c.fromRow(row));
      if (form === 'reading' && !canSeeReading(actor, String(rec.readerId))) continue;
      const d = drafts.get(String(rec.participantId));
      if (!d) continue;
      if (key === 'eligibility') d.eligibility = rec;
      else (d[key] as Rec[]).push(rec);
    }
  }
  const out = new Map<string, Casebook>();
  for (const id of ids) {
    const d = drafts.get(id);
    if (d) out.set(id, d as unknown as Casebook);
  }
  return out;
}

/** The participant record type, for callers that build lists. */
export type ParticipantRecord = FormRecords['participant'];
