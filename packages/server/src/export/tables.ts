import type { Actor, FormName } from '@cmr-mass/core';
import { FORM_TABLE, type DbHandle, type Repository } from '@cmr-mass/db';
import { chunks } from '../registry/casebooks.js';
import { recordColumns, type ColumnSpec } from './columns.js';
import { line } from './csv.js';
import { keptWhenDeidentified, shiftDate, shiftDays } from './deidentify.js';

/** What an export runs as and produces: whose repository reads, which sites, de-identified or not. */
export interface ExportScope {
  readonly handle: DbHandle;
  /** Reads go through this actor's repository, with its access checks. */
  readonly actor: Actor;
  readonly repo: Repository;
  /** One site, or null for every site the actor reaches. */
  readonly siteId: string | null;
  readonly deidentify: boolean;
  /** The date-shift salt (de-identified exports). */
  readonly salt: string | null;
  /** "Today" for the follow-up schedule of the analysis dataset (UTC). */
  readonly today: string;
}

/** The CSV file of a form's table. */
export function formFile(form: FormName): string {
  return `${FORM_TABLE[form]}.csv`;
}

const added = (column: string, label: string, type: ColumnSpec['type']): ColumnSpec => ({
  column,
  field: null,
  label,
  type,
  unit: '',
  allowedValues: '',
  freeText: false,
});

/**
 * The columns of a form's CSV: the record's fields in snake_case, plus the participant's study ID
 * and site code beside `participant_id` (so that every table joins to the analysis dataset), minus what
 * a de-identified export leaves out.
 */
export function formColumns(form: FormName, deidentify: boolean): ColumnSpec[] {
  const out: ColumnSpec[] = [];
  for (const c of recordColumns(form)) {
    if (deidentify && !keptWhenDeidentified(c)) continue;
    out.push(c);
    if (form === 'participant' && c.column === 'site_id') out.push(added('site', 'Site code', 'code'));
    if (form !== 'participant' && c.column === 'participant_id') {
      out.push(added('study_id', 'Study ID of the participant (pseudonymous)', 'string'), added('site', 'Site code', 'code'));
    }
  }
  return out;
}

type Rec = Readonly<Record<string, unknown>>;

/** The study ID and site code of participants, by id. */
async function participantsOf(
  handle: DbHandle,
  ids: readonly string[]
): Promise<Map<string, { readonly studyId: string; readonly site: string }>> {
  const out = new Map<string, { studyId: string; site: string }>();
  for (const part of chunks(ids, 400)) {
    if (part.length === 0) continue;
    const rows = await handle.db
      .selectFrom('participants as p')
      .innerJoin('sites as s', 's.id', 'p.site_id')
      .select(['p.id', 'p.study_id', 's.code'])
      .where('p.id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.id, { studyId: r.study_id, site: r.code });
  }
  return out;
}

/**
 * Streams a form's table as CSV, a page of 1,000 records at a time through the actor's repository
 * (access checks, a reader's own readings only, free text removed for de-identified roles), so that
 * no table is ever held in memory whole. Soft-deleted records are left out.
 */
export async function* formTableCsv(scope: ExportScope, form: FormName): AsyncGenerator<string> {
  const columns = formColumns(form, scope.deidentify);
  yield line(columns.map((c) => c.column));
  const dateColumns = columns.filter((c) => c.type === 'date');
  const pageSize = 1000;
  for (let offset = 0; ; offset += pageSize) {
    const page = await scope.repo.list(form, {
      ...(scope.siteId !== null ? { siteId: scope.siteId } : {}),
      limit: pageSize,
      offset,
    });
    if (page.items.length === 0) return;
    const records = page.items as readonly Rec[];
    const pids = [...new Set(records.map((r) => String(form === 'participant' ? r.id : r.participantId)))];
    const who = await participantsOf(scope.handle, pids);
    let text = '';
    for (const r of records) {
      const p = who.get(String(form === 'participant' ? r.id : r.participantId));
      const shift = scope.deidentify && scope.salt !== null && p ? shiftDays(scope.salt, p.studyId) : 0;
      const values: unknown[] = columns.map((c) => {
        if (c.field === null) return c.column === 'study_id' ? (p?.studyId ?? null) : (p?.site ?? null);
        const v = r[c.field];
        if (shift !== 0 && dateColumns.includes(c) && typeof v === 'string') return shiftDate(v, shift);
        return v;
      });
      text += line(values);
    }
    yield text;
    if (offset + page.items.length >= page.total) return;
  }
}
