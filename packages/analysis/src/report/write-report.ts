import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ANALYSIS_PARTICIPANT_COLUMNS, ANALYSIS_READING_COLUMNS } from '@cmr-mass/core';
import { REPORT_EXTRA_COLUMNS, type ReportParticipantRow } from '../dataset/dataset.js';
import type { Lang } from '../figures/theme.js';
import {
  computeAnalysis,
  DATA_FILES,
  type ComputedAnalysis,
  type ComputeOptions,
} from '../results/compute.js';
import { canonicalJson } from '../results/json.js';
import type { StudyResults } from '../results/types.js';
import { deidentifyRows, randomShiftDays, type ShiftDays } from '../snapshot/deidentify.js';
import type { StudySnapshot } from '../snapshot/snapshot.js';
import { objectsToCsv, toCsv } from './csv.js';
import { csvTables } from './csv-tables.js';
import { ReportDocument } from './html/ReportDocument.js';
import { figureList, reportFigures } from './report-figures.js';

/** Options of {@link writeReport}. */
export interface WriteReportOptions extends ComputeOptions {
  readonly outDir: string;
  readonly lang?: Lang;
  /** De-identify the participant-level files: dates shifted back per participant, ages over 90 top-coded. */
  readonly deidentify?: boolean;
  /**
   * The date shift (default: a random secret never stored). The CLI passes the study's salted shift
   * of `cmr-mass export --deidentify`, so that both shift a participant's dates alike.
   */
  readonly shiftDays?: ShiftDays;
}

/** What {@link writeReport} wrote. */
export interface WrittenReport {
  readonly results: StudyResults;
  /** Paths relative to `outDir`, sorted. */
  readonly files: readonly string[];
}

/** Renders the self-contained HTML report of computed results. */
export function renderReportHtml(results: StudyResults, lang: Lang = 'en'): string {
  const figures = reportFigures(results, lang);
  return `<!DOCTYPE html>\n${renderToStaticMarkup(createElement(ReportDocument, { results, figures, lang }))}\n`;
}

function participantCsv(rows: readonly ReportParticipantRow[]): string {
  const columns: (keyof ReportParticipantRow)[] = [...ANALYSIS_PARTICIPANT_COLUMNS, ...REPORT_EXTRA_COLUMNS];
  return objectsToCsv(columns, rows);
}

/**
 * Computes the report of a snapshot and writes it to `outDir`: `report.html` (self-contained),
 * `results.json` (RESULTS.md), `tables/*.csv`, `figures/*.svg`, and the participant-level analysis
 * dataset under `data/` (dates shifted when `deidentify`). Progress goes to `onProgress`.
 */
export async function writeReport(
  snapshot: StudySnapshot,
  options: WriteReportOptions
): Promise<WrittenReport> {
  const progress = options.onProgress ?? ((): void => undefined);
  const lang = options.lang ?? 'en';
  const computed: ComputedAnalysis = computeAnalysis(snapshot, options);
  const results: StudyResults = options.deidentify
    ? { ...computed.results, dataset: { ...computed.results.dataset, deidentified: true } }
    : computed.results;
  const files = new Map<string, string>();

  progress('participant-level data');
  const participants = options.deidentify
    ? deidentifyRows(computed.dataset.participants, options.shiftDays ?? randomShiftDays())
    : computed.dataset.participants;
  files.set(DATA_FILES.participants, participantCsv(participants));
  files.set(DATA_FILES.readings, objectsToCsv([...ANALYSIS_READING_COLUMNS], computed.dataset.readings));
  files.set(
    DATA_FILES.visits,
    objectsToCsv(['participant_id', 'visit_month', 'status'], computed.dataset.visits)
  );
  files.set(
    DATA_FILES.cv_folds,
    toCsv(
      ['participant_id', 'fold'],
      computed.cvFolds.map((f) => [f.participant_id, f.fold])
    )
  );

  progress('results.json and tables');
  files.set('results.json', canonicalJson(results));
  for (const t of csvTables(results)) files.set(`tables/${t.id}.csv`, toCsv(t.header, t.rows));

  progress('figures');
  const figures = reportFigures(results, lang);
  for (const f of figureList(figures)) {
    files.set(`figures/${f.id}.svg`, `<?xml version="1.0" encoding="UTF-8"?>\n${f.svg}\n`);
  }

  progress('report.html');
  files.set(
    'report.html',
    `<!DOCTYPE html>\n${renderToStaticMarkup(createElement(ReportDocument, { results, figures, lang }))}\n`
  );

  for (const dir of ['data', 'tables', 'figures']) {
    await mkdir(join(options.outDir, dir), { recursive: true });
  }
  const names = [...files.keys()].sort();
  for (const name of names) await writeFile(join(options.outDir, name), files.get(name)!, 'utf8');
  return { results, files: names };
}
