import {
  ANALYSIS_PARTICIPANT_COLUMNS,
  ANALYSIS_READING_COLUMNS,
  analysisParticipantRow,
  analysisReadingRows,
  isAnalysed,
  type AnalysisRowOptions,
  type Casebook,
} from '@cmr-mass/core';
import { effectiveSite, requireAccess } from '../registry/access.js';
import { loadCasebooks } from '../registry/casebooks.js';
import { line } from './csv.js';
import { shiftDate, shiftDays } from './deidentify.js';
import type { ExportScope } from './tables.js';

/** The oldest age a de-identified export shows; older participants are shown as this age (HIPAA: 90+). */
export const AGE_TOP_CODE = 90;

/** Options of the analysis files: the CMR mass score, once decision support provides it. */
export interface AnalysisExportOptions {
  readonly massScore?: AnalysisRowOptions['massScore'];
}

/**
 * The casebooks of every analysed participant the scope covers, a chunk at a time in study-ID order
 * (read with the actor's rights: every form of the casebook must be readable, or the export is
 * forbidden).
 */
async function* casebooks(scope: ExportScope, chunk = 250): AsyncGenerator<Casebook> {
  const siteId = effectiveSite(scope.actor, scope.siteId ?? undefined);
  requireAccess(scope.actor, 'read', 'participant', siteId);
  let after = '';
  for (;;) {
    let q = scope.handle.db
      .selectFrom('participants')
      .select(['id', 'study_id'])
      .where('deleted_at', 'is', null)
      .where('study_id', '>', after);
    if (siteId !== null) q = q.where('site_id', '=', siteId);
    const ids = await q.orderBy('study_id').limit(chunk).execute();
    if (ids.length === 0) return;
    const books = await loadCasebooks(
      scope.handle.db,
      scope.actor,
      ids.map((r) => r.id),
      { requireAll: true }
    );
    for (const r of ids) {
      const cb = books.get(r.id);
      if (cb && isAnalysed(cb)) yield cb;
    }
    after = ids[ids.length - 1]!.study_id;
  }
}

/** Streams `analysis_participants.csv` (analysis-dataset.md), one row per analysed participant. */
export async function* analysisParticipantsCsv(scope: ExportScope, options: AnalysisExportOptions = {}): AsyncGenerator<string> {
  yield line(ANALYSIS_PARTICIPANT_COLUMNS);
  let text = '';
  for await (const cb of casebooks(scope)) {
    const row: Record<string, unknown> = {
      ...analysisParticipantRow(cb, {
        today: scope.today,
        ...(options.massScore ? { massScore: options.massScore } : {}),
      }),
    };
    if (scope.deidentify && scope.salt !== null) {
      const days = shiftDays(scope.salt, cb.participant.studyId);
      row.baseline_cmr_date = shiftDate((row.baseline_cmr_date as string | null) ?? null, days);
      if (typeof row.age === 'number' && row.age > AGE_TOP_CODE) row.age = AGE_TOP_CODE;
    }
    text += line(ANALYSIS_PARTICIPANT_COLUMNS.map((c) => row[c]));
    if (text.length > 64 * 1024) {
      yield text;
      text = '';
    }
  }
  if (text !== '') yield text;
}

/** Streams `analysis_readings.csv`: one row per reader per baseline lesion of analysed participants. */
export async function* analysisReadingsCsv(scope: ExportScope): AsyncGenerator<string> {
  yield line(ANALYSIS_READING_COLUMNS);
  let text = '';
  for await (const cb of casebooks(scope)) {
    for (const r of analysisReadingRows(cb)) {
      const row = r as unknown as Record<string, unknown>;
      text += line(ANALYSIS_READING_COLUMNS.map((c) => row[c]));
    }
    if (text.length > 64 * 1024) {
      yield text;
      text = '';
    }
  }
  if (text !== '') yield text;
}
