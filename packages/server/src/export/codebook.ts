import {
  ANALYSIS_PARTICIPANT_COLUMNS,
  ANALYSIS_READING_COLUMNS,
  EffusionGrade,
  formNames,
  LgePattern,
  MassCategory,
  MassType,
  ParticipantStatus,
  PerfusionGrade,
  ReferenceMethod,
  Sex,
  TreatmentType,
  type CodeList,
  type FormName,
} from '@cmr-mass/core';
import type { ColumnSpec, ColumnType } from './columns.js';
import { line } from './csv.js';
import { IDENTIFIED_ONLY_FORMS } from './deidentify.js';
import { formColumns, formFile } from './tables.js';

/**
 * The codebook (`codebook.csv`: file, column, label, type, unit, allowed_values) of every exported
 * file: the per-form tables from `core`'s schemas, the analysis dataset from analysis-dataset.md, and
 * the codebook itself.
 */

const codes = (list: CodeList): string => list.codes.join('|');
const FLAG = '0|1';

type Meta = readonly [label: string, type: ColumnType, unit: string, allowed: string];

/** analysis_participants.csv, column by column (labels after analysis-dataset.md). */
const PARTICIPANT_META: Readonly<Record<(typeof ANALYSIS_PARTICIPANT_COLUMNS)[number], Meta>> = {
  participant_id: ['Pseudonymous study ID (site prefix + number)', 'string', '', ''],
  site: ['Site code', 'code', '', ''],
  status: ['Participant status (derived)', 'code', '', codes(ParticipantStatus)],
  sex: ['Sex', 'code', '', codes(Sex)],
  age: ['Age at the baseline CMR (top-coded at 90 when de-identified)', 'integer', 'years', ''],
  baseline_cmr_date: ['Date of the baseline CMR (shifted per participant when de-identified)', 'date', '', 'YYYY-MM-DD'],
  field_strength_t: ['Field strength of the baseline CMR', 'number', 'T', '1.5|3'],
  n_lesions: ['Lesions on the baseline CMR', 'integer', '', ''],
  index_lesion_id: ['The lesion the participant-level analyses use (the largest)', 'id', '', ''],
  ref_method: ['Reference standard method', 'code', '', codes(ReferenceMethod)],
  ref_category: ['Reference diagnosis: category', 'code', '', codes(MassCategory)],
  ref_type: ['Reference diagnosis: specific type', 'code', '', codes(MassType)],
  neoplastic: ['Neoplastic (reference diagnosis)', 'integer', '', FLAG],
  malignant: ['Malignant (reference diagnosis)', 'integer', '', FLAG],
  secondary: ['Secondary, i.e. metastasis, among malignant (reference diagnosis)', 'integer', '', FLAG],
  cmr_category: ["First blinded reader's CMR diagnosis: category", 'code', '', codes(MassCategory)],
  cmr_neoplastic: ['Neoplastic (CMR diagnosis)', 'integer', '', FLAG],
  cmr_malignant: ['Malignant (CMR diagnosis)', 'integer', '', FLAG],
  size_max_mm: ['Largest diameter of the index lesion', 'number', 'mm', ''],
  infiltration: ['Infiltration', 'integer', '', FLAG],
  pericardial_effusion: ['Pericardial effusion (any)', 'integer', '', FLAG],
  pericardial_effusion_grade: ['Pericardial effusion grade', 'code', '', codes(EffusionGrade)],
  fpp: ['First-pass perfusion (any)', 'integer', '', FLAG],
  fpp_grade: ['First-pass perfusion grade', 'code', '', codes(PerfusionGrade)],
  lge_pattern: ['Late gadolinium enhancement pattern', 'code', '', codes(LgePattern)],
  sessile: ['Sessile (broad-based) attachment', 'integer', '', FLAG],
  polylobate: ['Polylobate shape', 'integer', '', FLAG],
  heterogeneous_enhancement: ['Heterogeneous enhancement', 'integer', '', FLAG],
  t1_native_ms: ['Native T1 of the index lesion', 'number', 'ms', ''],
  t2_ms: ['T2 of the index lesion', 'number', 'ms', ''],
  ecv: ['Extracellular volume fraction of the index lesion', 'number', 'fraction', '0..1'],
  mass_score: ['CMR mass score of the index lesion', 'integer', 'points', ''],
  treatment: ['Main treatment', 'code', '', codes(TreatmentType)],
  time_death_days: ['Days from the baseline CMR to death or censoring', 'integer', 'days', '0..1096'],
  event_death: ['Died', 'integer', '', FLAG],
  time_recurrence_days: ['Days from the baseline CMR to recurrence or censoring', 'integer', 'days', '0..1096'],
  event_recurrence: ['Recurrence', 'integer', '', FLAG],
  event_recurrence_cr: ['Recurrence with death as competing risk: 0 censored, 1 recurrence, 2 death first', 'integer', '', '0|1|2'],
  time_te_days: ['Days from the baseline CMR to thromboembolism or censoring', 'integer', 'days', '0..1096'],
  event_te: ['Thromboembolism', 'integer', '', FLAG],
  event_te_cr: ['Thromboembolism with death as competing risk: 0 censored, 1 thromboembolism, 2 death first', 'integer', '', '0|1|2'],
  time_composite_days: ['Days from the baseline CMR to the composite endpoint or censoring', 'integer', 'days', '0..1096'],
  event_composite: ['Composite: death, recurrence, thromboembolism, heart-failure hospitalisation, progressive dysfunction', 'integer', '', FLAG],
  follow_up_days: ['Days of follow-up (to last contact, at most 1096)', 'integer', 'days', '0..1096'],
  prognosis_36m: ['Prognosis at 36 months', 'code', '', 'favourable|unfavourable|unknown'],
  visits_done: ['Follow-up visits done', 'integer', '', '0..6'],
};

/** analysis_readings.csv, column by column. */
const READING_META: Readonly<Record<(typeof ANALYSIS_READING_COLUMNS)[number], Meta>> = {
  lesion_id: ['Lesion (NA: the reader saw no mass)', 'id', '', ''],
  participant_id: ['Pseudonymous study ID', 'string', '', ''],
  reader_id: ['Reader (user id)', 'id', '', ''],
  blinded: ['Read blinded to the reference diagnosis', 'integer', '', FLAG],
  cmr_category: ["Reader's CMR diagnosis: category", 'code', '', codes(MassCategory)],
  cmr_type: ["Reader's CMR diagnosis: specific type", 'code', '', codes(MassType)],
  cmr_neoplastic: ['Neoplastic (CMR diagnosis)', 'integer', '', FLAG],
  cmr_malignant: ['Malignant (CMR diagnosis)', 'integer', '', FLAG],
  confidence: ["Reader's confidence", 'integer', '', '1..5'],
  ref_category: ['Reference diagnosis: category', 'code', '', codes(MassCategory)],
  ref_type: ['Reference diagnosis: specific type', 'code', '', codes(MassType)],
};

const CODEBOOK_META: readonly (readonly [string, string])[] = [
  ['file', 'Exported file'],
  ['column', 'Column of that file'],
  ['label', 'What the column holds'],
  ['type', 'id, string, code, integer, number, boolean, date, datetime, list (;-separated) or json'],
  ['unit', 'Unit of measurement'],
  ['allowed_values', 'Codes separated by |, a range min..max, or a format'],
];

/** One codebook row. */
export interface CodebookRow {
  readonly file: string;
  readonly column: string;
  readonly label: string;
  readonly type: string;
  readonly unit: string;
  readonly allowed_values: string;
}

const fromSpec = (file: string, c: ColumnSpec): CodebookRow => ({
  file,
  column: c.column,
  label: c.label,
  type: c.type,
  unit: c.unit,
  allowed_values: c.allowedValues,
});

/** The forms an export holds: every form, without identifiers when de-identified or when not allowed. */
export function exportedForms(deidentify: boolean, withIdentifiers: boolean): FormName[] {
  return formNames.filter((f) => !(IDENTIFIED_ONLY_FORMS.has(f) && (deidentify || !withIdentifiers)));
}

/** Every row of the codebook of an export. */
export function codebookRows(deidentify: boolean, withIdentifiers: boolean): CodebookRow[] {
  const rows: CodebookRow[] = [];
  for (const form of exportedForms(deidentify, withIdentifiers)) {
    for (const c of formColumns(form, deidentify)) rows.push(fromSpec(formFile(form), c));
  }
  for (const c of ANALYSIS_PARTICIPANT_COLUMNS) {
    const [label, type, unit, allowed] = PARTICIPANT_META[c];
    rows.push({ file: 'analysis_participants.csv', column: c, label, type, unit, allowed_values: allowed });
  }
  for (const c of ANALYSIS_READING_COLUMNS) {
    const [label, type, unit, allowed] = READING_META[c];
    rows.push({ file: 'analysis_readings.csv', column: c, label, type, unit, allowed_values: allowed });
  }
  for (const [column, label] of CODEBOOK_META) {
    rows.push({ file: 'codebook.csv', column, label, type: 'string', unit: '', allowed_values: '' });
  }
  return rows;
}

/** `codebook.csv` as one string (it is small). */
export function codebookCsv(deidentify: boolean, withIdentifiers: boolean): string {
  const header = CODEBOOK_META.map(([c]) => c);
  return (
    line(header) +
    codebookRows(deidentify, withIdentifiers)
      .map((r) => line([r.file, r.column, r.label, r.type, r.unit || null, r.allowed_values || null]))
      .join('')
  );
}
